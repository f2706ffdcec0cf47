import { CholeskyDecomposition, EigenvalueDecomposition, Matrix } from "ml-matrix";

/** A square matrix as rows of numbers (what an Excel range or a JSON array gives). Never mutated here. */
export type SquareMatrix = readonly (readonly number[])[];

/**
 * (A + Aᵀ)/2 as a new, exactly symmetric ml-matrix Matrix; the caller's rows are not touched. ml-matrix's
 * `isSymmetric()` (which its Cholesky insists on) is an exact test, so every decomposition here starts from this.
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

/** Eigenvalues and eigenvectors of an exactly symmetric, non-empty matrix (ml-matrix tred2/tql2). */
export function symmetricEigen(symmetric: Matrix): SymmetricEigen {
  const decomposition = new EigenvalueDecomposition(symmetric, { assumeSymmetric: true });
  return { values: decomposition.realEigenvalues, vectors: decomposition.eigenvectorMatrix };
}

export function smallestOf(values: readonly number[]): number {
  return values.reduce((smallest, value) => Math.min(smallest, value), Number.POSITIVE_INFINITY);
}

export function largestOf(values: readonly number[]): number {
  return values.reduce((largest, value) => Math.max(largest, value), Number.NEGATIVE_INFINITY);
}

/**
 * Condition number λmax/λmin of a symmetric positive semidefinite matrix from its eigenvalues; null when the
 * smallest eigenvalue is not positive (the matrix is singular, the ratio is infinite).
 */
export function conditionNumberOf(eigenvalues: readonly number[]): number | null {
  const smallest = smallestOf(eigenvalues);
  if (!(smallest > 0)) return null;
  return largestOf(eigenvalues) / smallest;
}

/**
 * True when the exactly symmetric matrix A has smallest eigenvalue > −tolerance, tested by Cholesky of A + tolerance·I
 * (a third of the cost of one eigen-decomposition, and no eigenvectors). ml-matrix's Cholesky never throws on an
 * indefinite matrix, so its `isPositiveDefinite()` flag is the test.
 */
export function isPositiveSemidefiniteWithin(symmetric: Matrix, tolerance: number): boolean {
  const shifted = symmetric.clone();
  for (let i = 0; i < shifted.rows; i++) shifted.set(i, i, shifted.get(i, i) + tolerance);
  return new CholeskyDecomposition(shifted).isPositiveDefinite();
}
