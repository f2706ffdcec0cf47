import fc from "fast-check";
import { EigenvalueDecomposition, Matrix } from "ml-matrix";
import { SymmetricEigenSolver } from "../../../src/core/correlation/symmetricEigenSolver";
import { expectClose } from "../tolerance";
import { correlationMatrixArbitrary, seededUniform, symmetricUnitDiagonalArbitrary } from "./matrixTestUtils";

function decompose(values: readonly (readonly number[])[]): SymmetricEigenSolver {
  const solver = new SymmetricEigenSolver(values.length);
  solver.setMatrix(new Matrix(values.map((row) => [...row])));
  solver.decompose();
  return solver;
}

describe("SymmetricEigenSolver", () => {
  test("Higham's [[1,1,0],[1,1,1],[0,1,1]]: eigenvalues 1 − √2, 1, 1 + √2 ascending, orthonormal vectors", () => {
    const solver = decompose([[1, 1, 0], [1, 1, 1], [0, 1, 1]]);
    expectClose(solver.values[0] ?? 0, 1 - Math.SQRT2, { absolute: 1e-14 });
    expectClose(solver.values[1] ?? 0, 1, { absolute: 1e-14 });
    expectClose(solver.values[2] ?? 0, 1 + Math.SQRT2, { absolute: 1e-14 });
    // The eigenvector of 1 is (1, 0, −1)/√2, up to sign.
    expectClose(Math.abs(solver.vectors[3] ?? 0), Math.SQRT1_2, { absolute: 1e-14 });
    expectClose(solver.vectors[4] ?? 1, 0, { absolute: 1e-14 });
    expectClose((solver.vectors[3] ?? 0) + (solver.vectors[5] ?? 0), 0, { absolute: 1e-14 });
  });

  test("agrees with ml-matrix's EigenvalueDecomposition (an independent implementation): eigenvalues, A·v = λ·v, orthonormal rows", () => {
    const solvers = new Map<number, SymmetricEigenSolver>();
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }).chain((size) => fc.oneof(correlationMatrixArbitrary(size), symmetricUnitDiagonalArbitrary(size))), (values) => {
        const size = values.length;
        const solver = solvers.get(size) ?? new SymmetricEigenSolver(size);
        solvers.set(size, solver);
        solver.setMatrix(new Matrix(values.map((row) => [...row])));
        solver.decompose();
        const reference = new EigenvalueDecomposition(new Matrix(values.map((row) => [...row])), { assumeSymmetric: true });
        reference.realEigenvalues.forEach((value, k) => expectClose(solver.values[k] ?? Number.NaN, value, { absolute: 1e-13 }));
        for (let k = 0; k < size; k++) {
          for (let i = 0; i < size; i++) {
            const product = values[i]?.reduce((sum, entry, j) => sum + entry * (solver.vectors[k * size + j] ?? 0), 0) ?? Number.NaN;
            expectClose(product, (solver.values[k] ?? 0) * (solver.vectors[k * size + i] ?? 0), { absolute: 1e-13 });
          }
          for (let l = 0; l < size; l++) {
            let dot = 0;
            for (let i = 0; i < size; i++) dot += (solver.vectors[k * size + i] ?? 0) * (solver.vectors[l * size + i] ?? 0);
            expectClose(dot, k === l ? 1 : 0, { absolute: 1e-13 });
          }
        }
      }),
      { seed: 20240606, numRuns: 300 },
    );
  });

  test("a 120×120 random symmetric matrix: residual ‖A·v − λ·v‖ and orthogonality at rounding level, eigenvalues ascending", () => {
    const size = 120;
    const random = seededUniform(11);
    const values = Array.from({ length: size }, () => new Array<number>(size).fill(0));
    for (let i = 0; i < size; i++) {
      for (let j = i; j < size; j++) {
        const value = random() * 2 - 1;
        (values[i] as number[])[j] = value;
        (values[j] as number[])[i] = value;
      }
    }
    const solver = decompose(values);
    const reference = new EigenvalueDecomposition(new Matrix(values), { assumeSymmetric: true }).realEigenvalues;
    let largestResidual = 0;
    for (let k = 0; k < size; k++) {
      expectClose(solver.values[k] ?? Number.NaN, reference[k] ?? 0, { absolute: 1e-12 });
      if (k > 0) expect(solver.values[k]).toBeGreaterThanOrEqual(solver.values[k - 1] ?? 0);
      for (let i = 0; i < size; i++) {
        const product = (values[i] as number[]).reduce((sum, entry, j) => sum + entry * (solver.vectors[k * size + j] ?? 0), 0);
        largestResidual = Math.max(largestResidual, Math.abs(product - (solver.values[k] ?? 0) * (solver.vectors[k * size + i] ?? 0)));
      }
    }
    expect(largestResidual).toBeLessThan(1e-12);
  });

  test("issue 8 item 6: subnormal entries no longer break ml-matrix's QL loop (it read past the matrix)", () => {
    const solver = decompose([[-1, -5e-309], [-5e-309, 2]]);
    expect(Array.from(solver.values)).toEqual([-1, 2]);
    // The iterate XV.NEARCORR({-1,-1E-308;0,2}) reached: a zero diagonal entry beside a subnormal one.
    const shifted = decompose([[0, -5e-309], [-5e-309, 1]]);
    expect(Array.from(shifted.values)).toEqual([0, 1]);
  });

  test("issue 8 item 6: huge and tiny matrices decompose to finite eigenvalues, scaled back exactly", () => {
    const huge = decompose([[1e300, 5e299], [5e299, 1e300]]);
    expectClose(huge.values[0] ?? 0, 5e299, { relative: 1e-14 });
    expectClose(huge.values[1] ?? 0, 1.5e300, { relative: 1e-14 });
    const tiny = decompose([[4e-310, 0], [0, 1e-309]]);
    expect(Array.from(tiny.values)).toEqual([4e-310, 1e-309]);
    // Scaling by a power of 4 changes no bit: 4× a matrix has exactly 4× its eigenvalues and the same vectors.
    const base = decompose([[1, 0.3, 0.2], [0.3, 1, 0.5], [0.2, 0.5, 1]]);
    const times16 = decompose([[16, 4.8, 3.2], [4.8, 16, 8], [3.2, 8, 16]]);
    expect(Array.from(times16.values)).toEqual(Array.from(base.values, (value) => value * 16));
    expect(Array.from(times16.vectors)).toEqual(Array.from(base.vectors));
  });

  test.each([
    ["all ones 40×40 (eigenvalue 0 forty-less-one times, and 40)", 40, (i: number, j: number): number => (i === j ? 1 : 1)],
    ["identity 30×30 (one eigenvalue thirty times)", 30, (i: number, j: number): number => (i === j ? 1 : 0)],
    ["two identical 3-asset blocks, repeated (eigenvalues in pairs)", 24, (i: number, j: number): number => (Math.floor(i / 3) % 2 === Math.floor(j / 3) % 2 && i % 3 !== j % 3 && Math.floor(i / 6) === Math.floor(j / 6) ? 0.5 : i === j ? 1 : 0)],
    ["diagonal, already tridiagonal", 20, (i: number, j: number): number => (i === j ? (i % 5) - 2 : 0)],
  ])("repeated eigenvalues: %s — residual and orthogonality at rounding level", (_name, size, entry) => {
    const values = Array.from({ length: size }, (_, i) => Array.from({ length: size }, (_, j) => entry(i, j)));
    const solver = decompose(values);
    for (let k = 0; k < size; k++) {
      for (let i = 0; i < size; i++) {
        const product = (values[i] as number[]).reduce((sum, value, j) => sum + value * (solver.vectors[k * size + j] ?? 0), 0);
        expectClose(product, (solver.values[k] ?? 0) * (solver.vectors[k * size + i] ?? 0), { absolute: 1e-13 });
      }
      for (let l = 0; l < size; l++) {
        let dot = 0;
        for (let i = 0; i < size; i++) dot += (solver.vectors[k * size + i] ?? 0) * (solver.vectors[l * size + i] ?? 0);
        expectClose(dot, k === l ? 1 : 0, { absolute: 1e-13 });
      }
    }
    const reference = new EigenvalueDecomposition(new Matrix(values), { assumeSymmetric: true }).realEigenvalues;
    reference.forEach((value, k) => expectClose(solver.values[k] ?? Number.NaN, value, { absolute: 1e-13 }));
  });

  test("a known spectrum over ten orders of magnitude, 200×200: every eigenvalue within 1e-12·‖A‖ (the QL split at 16ε·‖T‖ keeps that)", () => {
    // A = H·diag(λ)·H with H = I − 2·v·vᵀ/(vᵀv), a reflector (orthogonal and symmetric): A's eigenvalues are λ.
    const size = 200;
    const uniform = seededUniform(20261205);
    const spectrum = Array.from({ length: size }, (_, i) => (i % 2 === 0 ? 1 : -1) * Math.pow(10, -10 + (10 * i) / (size - 1)));
    const v = Array.from({ length: size }, () => uniform() - 0.5);
    const norm = v.reduce((sum, x) => sum + x * x, 0);
    const reflector = (i: number, j: number): number => (i === j ? 1 : 0) - (2 * (v[i] as number) * (v[j] as number)) / norm;
    const values = Array.from({ length: size }, () => Array.from({ length: size }, () => 0));
    for (let i = 0; i < size; i++) {
      for (let j = i; j < size; j++) {
        let sum = 0;
        for (let k = 0; k < size; k++) sum += reflector(i, k) * (spectrum[k] as number) * reflector(k, j);
        (values[i] as number[])[j] = sum;
        (values[j] as number[])[i] = sum;
      }
    }
    const solver = decompose(values);
    const expected = [...spectrum].sort((a, b) => a - b);
    expected.forEach((value, k) => expectClose(solver.values[k] ?? Number.NaN, value, { absolute: 1e-12 }));
    let largestResidual = 0;
    for (let k = 0; k < size; k++) {
      for (let i = 0; i < size; i++) {
        let product = 0;
        for (let j = 0; j < size; j++) product += (values[i]?.[j] ?? 0) * (solver.vectors[k * size + j] ?? 0);
        largestResidual = Math.max(largestResidual, Math.abs(product - (solver.values[k] ?? 0) * (solver.vectors[k * size + i] ?? 0)));
      }
    }
    expect(largestResidual).toBeLessThan(1e-13);
  });

  test("refuses a size that is not a whole number ≥ 1", () => {
    expect(() => new SymmetricEigenSolver(0)).toThrow(RangeError);
  });
});
