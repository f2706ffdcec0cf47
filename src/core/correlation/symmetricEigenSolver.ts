import { EigenvalueDecomposition, Matrix } from "ml-matrix";
import { scaleForEigenDecomposition } from "./eigenInputScaling";

/**
 * Eigenvalues and eigenvectors of a real symmetric matrix, held in flat Float64Arrays that the nearest-correlation
 * iteration reuses from one step to the next. The decomposition itself is ml-matrix's `EigenvalueDecomposition`
 * (symmetric path: Householder tridiagonalisation then implicit QL); this class only moves numbers in and out of it in
 * the row-major layout the iteration's loops read.
 */
export class SymmetricEigenSolver {
  /** Eigenvalues in ascending order, after `decompose`. */
  readonly values: Float64Array;
  /**
   * Before `decompose`: the matrix, row-major (`setMatrix` or written directly). After: row k (entries k·size to
   * k·size + size − 1) is the unit eigenvector of values[k].
   */
  readonly vectors: Float64Array;

  constructor(readonly size: number) {
    if (!(Number.isInteger(size) && size >= 1)) throw new RangeError(`matrix size ${size} must be a whole number ≥ 1`);
    this.values = new Float64Array(size);
    this.vectors = new Float64Array(size * size);
  }

  /** Copies a size×size matrix in; it must be symmetric (not checked: only its symmetric part is used). */
  setMatrix(matrix: { get(row: number, column: number): number }): void {
    for (let i = 0; i < this.size; i++) {
      for (let j = 0; j < this.size; j++) this.vectors[i * this.size + j] = matrix.get(i, j);
    }
  }

  /**
   * Decomposes the matrix in `vectors`, overwriting it with the eigenvectors; fills `values`. Entries must be finite;
   * subnormal and huge ones are safe (`scaleForEigenDecomposition`).
   */
  decompose(): void {
    const size = this.size;
    const eigenvalueScale = scaleForEigenDecomposition(this.vectors);
    const rows: number[][] = new Array(size);
    for (let i = 0; i < size; i++) rows[i] = Array.from(this.vectors.subarray(i * size, (i + 1) * size));
    const decomposition = new EigenvalueDecomposition(new Matrix(rows), { assumeSymmetric: true });
    this.values.set(eigenvalueScale === 1 ? decomposition.realEigenvalues : decomposition.realEigenvalues.map((value) => value * eigenvalueScale));
    const eigenvectors = decomposition.eigenvectorMatrix; // column k belongs to eigenvalue k
    for (let i = 0; i < size; i++) {
      const row = eigenvectors.getRow(i);
      for (let k = 0; k < size; k++) this.vectors[k * size + i] = row[k] as number;
    }
  }
}
