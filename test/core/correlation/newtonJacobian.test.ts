import { mulberry32 } from "../../../bench/random";
import { multiplyNewtonJacobian, newtonJacobianAt, newtonWorkspace } from "../../../src/core/correlation/newtonJacobian";
import { SymmetricEigenSolver } from "../../../src/core/correlation/symmetricEigenSolver";

/** A random symmetric matrix with entries uniform in [−1, 1], row-major, decomposed. */
function decomposedRandom(size: number, seed: number): SymmetricEigenSolver {
  const random = mulberry32(seed);
  const solver = new SymmetricEigenSolver(size);
  for (let i = 0; i < size; i++) {
    for (let j = i; j < size; j++) {
      const value = 2 * random() - 1;
      solver.vectors[i * size + j] = value;
      solver.vectors[j * size + i] = value;
    }
  }
  solver.decompose();
  return solver;
}

/** The textbook product, dense: diag(P·(Ω ∘ (Pᵀ·diag(h)·P))·Pᵀ) + ε·h (Qi & Sun 2006, Borsdorf & Higham 2010). */
function denseJacobianProduct(values: Float64Array, vectors: Float64Array, regularisation: number, h: Float64Array): Float64Array {
  const size = values.length;
  const p = (row: number, column: number): number => vectors[column * size + row] as number; // column k of P = eigenvector k
  const omega = (a: number, b: number): number => {
    const la = values[a] as number;
    const lb = values[b] as number;
    if (la > 0 && lb > 0) return 1;
    if (la > 0) return la / (la - lb);
    if (lb > 0) return lb / (lb - la);
    return 0;
  };
  const inner = Array.from({ length: size }, (_, a) =>
    Array.from({ length: size }, (_, b) => {
      let sum = 0;
      for (let k = 0; k < size; k++) sum += p(k, a) * (h[k] as number) * p(k, b);
      return omega(a, b) * sum;
    }),
  );
  return Float64Array.from({ length: size }, (_, k) => {
    let sum = regularisation * (h[k] as number);
    for (let a = 0; a < size; a++) for (let b = 0; b < size; b++) sum += p(k, a) * (inner[a]?.[b] as number) * p(k, b);
    return sum;
  });
}

describe("newtonJacobianAt / multiplyNewtonJacobian", () => {
  // Sizes and splits that exercise every path of the blocked α×β kernel: blocks of four positive eigenvectors and the
  // remainder, pairs of negative ones and the remainder, either side empty. One workspace for all the shifts, as in a
  // Newton solve: each Jacobian must overwrite everything the last one left.
  test.each([1, 2, 3, 5, 8, 13, 24])("equal the dense generalised-Jacobian product on a random matrix of size %i", (size) => {
    const workspace = newtonWorkspace(size);
    for (const shift of [-3, -0.3, 0, 0.4, 3, -0.3]) {
      const solver = decomposedRandom(size, 1000 + size);
      const values = solver.values.map((value) => value + shift);
      const random = mulberry32(7 * size);
      const h = Float64Array.from({ length: size }, () => 2 * random() - 1);
      const jacobian = newtonJacobianAt(values, solver.vectors, 1e-4, workspace);
      const out = new Float64Array(size);
      multiplyNewtonJacobian(jacobian, h, out);
      const expected = denseJacobianProduct(values, solver.vectors, 1e-4, h);
      for (let k = 0; k < size; k++) expect(Math.abs((out[k] as number) - (expected[k] as number))).toBeLessThanOrEqual(1e-12 * (1 + Math.abs(expected[k] as number)));
      // The preconditioner is the operator's diagonal: the product with each unit vector, at its own entry.
      for (let k = 0; k < size; k++) {
        const unit = new Float64Array(size);
        unit[k] = 1;
        const diagonal = denseJacobianProduct(values, solver.vectors, 1e-4, unit)[k] as number;
        expect(Math.abs((jacobian.preconditioner[k] as number) - diagonal)).toBeLessThanOrEqual(1e-12 * (1 + diagonal));
      }
    }
  });
});
