import fc from "fast-check";
import { CholeskyDecomposition, Matrix } from "ml-matrix";
import { nearestCorrelationMatrix } from "../../../src/core/correlation/nearestCorrelation";
import { multiplyNewtonJacobian, newtonJacobianAt, newtonWorkspace } from "../../../src/core/correlation/newtonJacobian";
import { packedCholeskyFactor } from "../../../src/core/correlation/positiveSemidefinite";
import { applySweep, applySweepPair } from "../../../src/core/correlation/rotationSweeps";
import { SymmetricEigenSolver } from "../../../src/core/correlation/symmetricEigenSolver";
import { useWasmKernels, wasmKernelsAvailable, wasmKernelsWithMemory } from "../../../src/core/correlation/wasmKernels";
import { wasmSweepTarget } from "../../../src/core/correlation/wasmRotationSweeps";
import { nestedSweepsArbitrary, randomSymmetric, seededUniform } from "./matrixTestUtils";

function transposed(matrix: Float64Array, size: number): Float64Array {
  return Float64Array.from({ length: size * size }, (_, index) => matrix[(index % size) * size + Math.floor(index / size)] as number);
}

function decomposeWith(wasm: boolean, matrix: Float64Array, size: number): { values: number[]; vectors: number[] } {
  useWasmKernels(wasm);
  try {
    const solver = new SymmetricEigenSolver(size);
    solver.vectors.set(matrix);
    solver.decompose();
    return { values: Array.from(solver.values), vectors: Array.from(solver.vectors) };
  } finally {
    useWasmKernels(true);
  }
}

/** Sizes up to 37 (past one and several 8-entry blocks, so rows are padded), two nested sweeps and a seed. */
const nestedSweeps = nestedSweepsArbitrary(37);

describe("the eigen-decomposition's WebAssembly SIMD kernels", () => {
  test("compile and run in this engine (Node ≥ 20, as CI and the add-in's runtimes have)", () => {
    expect(wasmKernelsAvailable()).toBe(true);
    expect(wasmSweepTarget(4)).not.toBeNull();
  });

  test("the rotation sweep and sweep pair give exactly the bits of the TypeScript kernels (on the transposed layout)", () => {
    fc.assert(
      fc.property(nestedSweeps, ([size, firstLow, secondLow, secondHigh, firstHigh, seed]) => {
        const random = seededUniform(seed);
        const vectors = Float64Array.from({ length: size * size }, () => random() * 2 - 1);
        const angles = Array.from({ length: 2 * size }, () => random() * 2 * Math.PI);
        const cosines = Float64Array.from(angles, Math.cos);
        const sines = Float64Array.from(angles, Math.sin);
        const expectedSingle = Float64Array.from(vectors);
        applySweep(expectedSingle, size, firstLow, firstHigh, 0, cosines, sines);
        const expectedPair = Float64Array.from(vectors);
        applySweepPair(expectedPair, size, [firstLow, firstHigh, 0], [secondLow, secondHigh, size], cosines, sines);

        const target = wasmSweepTarget(size);
        if (target === null) throw new Error("the WebAssembly kernel is unavailable");
        target.cosines.set(cosines);
        target.sines.set(sines);
        const single = transposed(vectors, size);
        target.load(single);
        target.applySweep(firstLow, firstHigh, 0);
        target.unload(single);
        expect(Array.from(transposed(single, size))).toEqual(Array.from(expectedSingle));
        const pair = transposed(vectors, size);
        target.load(pair);
        target.applySweepPair([firstLow, firstHigh, 0], [secondLow, secondHigh, size]);
        target.unload(pair);
        expect(Array.from(transposed(pair, size))).toEqual(Array.from(expectedPair));
      }),
      { seed: 20261206, numRuns: 300 },
    );
  });

  test("a whole decomposition (reduction, accumulation, rotations) gives the same bits with the kernels on and off, at sizes that fill, pad and outgrow their memory", () => {
    // 130 needs a larger memory than the sizes before it, and the smaller ones after it reuse that memory.
    for (const [index, size] of [1, 2, 3, 7, 8, 9, 16, 33, 130, 5, 64, 101].entries()) {
      const matrix = randomSymmetric(size, 1000 + index);
      const off = decomposeWith(false, matrix, size);
      const on = decomposeWith(true, matrix, size);
      expect(on.values).toEqual(off.values);
      expect(on.vectors).toEqual(off.vectors);
    }
  });

  test("the Cholesky check's factor is the same to the bit with the kernels on and off, and as ml-matrix's (sizes with and without full blocks of four)", () => {
    for (const size of [1, 3, 4, 5, 8, 11, 16, 37, 64, 101, 205]) {
      // A positive definite matrix (a Gram matrix plus a ridge), so the whole factor exists.
      const random = seededUniform(size);
      const factors = Float64Array.from({ length: size * size }, () => random() * 2 - 1);
      const matrix = new Float64Array(size * size);
      for (let i = 0; i < size; i++) {
        for (let j = 0; j <= i; j++) {
          let sum = i === j ? 0.5 : 0;
          for (let k = 0; k < size; k++) sum += (factors[i * size + k] as number) * (factors[j * size + k] as number);
          matrix[i * size + j] = sum / size;
          matrix[j * size + i] = sum / size;
        }
      }
      useWasmKernels(false);
      const typeScript = packedCholeskyFactor(matrix, size, 1e-12);
      useWasmKernels(true);
      const wasm = packedCholeskyFactor(matrix, size, 1e-12);
      expect(typeScript).not.toBeNull();
      expect(Array.from(wasm ?? [])).toEqual(Array.from(typeScript ?? [Number.NaN]));
      // And both are ml-matrix's (JAMA's) factor of the same matrix, entry for entry, to the bit.
      const shifted = Array.from({ length: size }, (_, i) => Array.from({ length: size }, (_, j) => (matrix[i * size + j] as number) + (i === j ? 1e-12 : 0)));
      const reference = new CholeskyDecomposition(new Matrix(shifted)).lowerTriangularMatrix;
      const packed: number[] = [];
      for (let i = 0; i < size; i++) for (let j = 0; j <= i; j++) packed.push(reference.get(i, j));
      expect(Array.from(wasm ?? [])).toEqual(packed);
    }
  });

  test("the Newton Jacobian's product is the same to the bit with the α×β kernel on and off (odd and even sizes and counts)", () => {
    for (const [index, size] of [4, 5, 8, 9, 17, 30, 41, 64].entries()) {
      // A shifted random symmetric matrix: a spread of positive and non-positive eigenvalues (counts odd and even).
      const matrix = randomSymmetric(size, 300 + index);
      for (let i = 0; i < size; i++) matrix[i * size + i] = (matrix[i * size + i] as number) + (index % 3) * 0.3 - 0.3;
      const solver = new SymmetricEigenSolver(size);
      solver.vectors.set(matrix);
      solver.decompose();
      const random = seededUniform(900 + index);
      const h = Float64Array.from({ length: size }, () => random() * 2 - 1);
      const products = [false, true].map((wasm) => {
        useWasmKernels(wasm);
        try {
          const jacobian = newtonJacobianAt(solver.values, solver.vectors, 1e-10, newtonWorkspace(size));
          expect(jacobian.wasmCrossTerms === null).toBe(!wasm || size - jacobian.negativeCount < 4 || jacobian.negativeCount === 0);
          const out = new Float64Array(size);
          multiplyNewtonJacobian(jacobian, h, out);
          return Array.from(out);
        } finally {
          useWasmKernels(true);
        }
      });
      expect(products[1]).toEqual(products[0]);
    }
  });

  test("XV.NEARCORR's answer is the same to the bit with the kernels on and off (plain, min_eigenvalue, locked)", () => {
    const size = 41;
    const random = seededUniform(2026);
    const values = Array.from({ length: size }, () => new Array<number>(size).fill(1));
    for (let i = 0; i < size; i++) {
      for (let j = 0; j < i; j++) {
        const value = Math.max(-1, Math.min(1, 0.4 + (random() - 0.5)));
        (values[i] as number[])[j] = value;
        (values[j] as number[])[i] = value;
      }
    }
    const locked = values.map((row, i) => row.map((_, j) => i < 3 && j < 3));
    for (const options of [{}, { minEigenvalue: 0.01 }, { locked }]) {
      useWasmKernels(false);
      const typeScript = nearestCorrelationMatrix(values, options);
      useWasmKernels(true);
      const wasm = nearestCorrelationMatrix(values, options);
      expect(typeScript.converged).toBe(true);
      expect(wasm.matrix).toEqual(typeScript.matrix);
      expect(wasm.iterations).toBe(typeScript.iterations);
    }
  });

  test("more memory than the engine gives (over 4 GB) means no kernels, so the TypeScript ones run; smaller requests still get them", () => {
    expect(wasmKernelsWithMemory(5 * 2 ** 30)).toBeNull();
    expect(wasmKernelsWithMemory(1024)).not.toBeNull();
  });

  test("their memory never grows in place: an earlier memory stays attached when a larger matrix needs a new one", () => {
    // Growing detaches the old buffer, and one detached buffer slows every typed-array access in V8 for the rest of the process.
    const small = wasmSweepTarget(3);
    const large = wasmSweepTarget(300);
    if (small === null || large === null) throw new Error("the WebAssembly kernel is unavailable");
    expect(large.cosines.buffer).not.toBe(small.cosines.buffer);
    expect(small.cosines.buffer.byteLength).toBeGreaterThan(0);
    expect(small.cosines.length).toBe(6);
  });
});
