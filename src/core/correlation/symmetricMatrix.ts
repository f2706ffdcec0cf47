import { EigenvalueDecomposition, Matrix } from "ml-matrix";
import { scaleForEigenDecomposition } from "./eigenInputScaling";

/** A square matrix as rows of numbers (what an Excel range or a JSON array gives). Never mutated here. */
export type SquareMatrix = readonly (readonly number[])[];

/**
 * (A + Aᵀ)/2 as a new, exactly symmetric ml-matrix Matrix; the caller's rows are not touched. The eigen-decomposition
 * assumes exact symmetry (as ml-matrix's `assumeSymmetric` does), so it starts from this.
 */
export function symmetrise(values: SquareMatrix): Matrix {
  const size = values.length;
  const result = new Matrix(size, size);
  for (let i = 0; i < size; i++) {
    const rowI = values[i] ?? [];
    result.set(i, i, rowI[i] ?? Number.NaN);
    for (let j = i + 1; j < size; j++) {
      const average = ((rowI[j] ?? Number.NaN) + (values[j]?.[i] ?? Number.NaN)) / 2;
      result.set(i, j, average);
      result.set(j, i, average);
    }
  }
  return result;
}

/** Eigen-decomposition of an exactly symmetric matrix: `values[k]` belongs to column k of `vectors` (orthonormal). */
export interface SymmetricEigen {
  values: number[];
  vectors: Matrix;
}

/**
 * Eigenvalues (ascending) and eigenvectors of an exactly symmetric, non-empty matrix of finite numbers (ml-matrix's
 * symmetric `EigenvalueDecomposition`, on a copy scaled by `scaleForEigenDecomposition` so that subnormal or huge
 * entries cannot break it; the caller's matrix is not touched).
 */
export function symmetricEigen(symmetric: Matrix): SymmetricEigen {
  keepEigenClassesAlive();
  const size = symmetric.rows;
  if (size === 0 || symmetric.columns !== size) throw new RangeError(`eigen-decomposition needs a non-empty square matrix, not ${size}×${symmetric.columns}`);
  const entries = symmetric.to1DArray();
  const eigenvalueScale = scaleForEigenDecomposition(entries);
  const decomposition = new EigenvalueDecomposition(Matrix.from1DArray(size, size, entries), { assumeSymmetric: true });
  const values = eigenvalueScale === 1 ? decomposition.realEigenvalues : decomposition.realEigenvalues.map((value) => value * eigenvalueScale);
  return { values, vectors: decomposition.eigenvectorMatrix };
}

/**
 * One small decomposition held for the life of the module. V8's optimised code for ml-matrix's loops (get, set,
 * tred2, tql2) depends weakly on the hidden classes of Matrix and EigenvalueDecomposition: once no instance is left, a
 * full GC frees those classes and throws the code away, and the next calls run unoptimised until V8 compiles them
 * again. The hedge makes up to three 5×5 decompositions per call and keeps none, so it paid that after every full GC
 * (--trace-deopt: "weak objects"; the first warm hedge after a full GC took 2.0 ms instead of 1.0 with this anchor, the
 * next ones 0.61 instead of 0.52). Holding one instance keeps the classes alive.
 */
let eigenClassAnchor: EigenvalueDecomposition | null = null;

function keepEigenClassesAlive(): void {
  eigenClassAnchor ??= new EigenvalueDecomposition(Matrix.from1DArray(2, 2, [2, 1, 1, 2]), { assumeSymmetric: true });
}

export function smallestOf(values: readonly number[]): number {
  return values.reduce((smallest, value) => Math.min(smallest, value), Number.POSITIVE_INFINITY);
}

export function largestOf(values: readonly number[]): number {
  return values.reduce((largest, value) => Math.max(largest, value), Number.NEGATIVE_INFINITY);
}
