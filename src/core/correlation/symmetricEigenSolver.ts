import { scaleForEigenDecomposition } from "./eigenInputScaling";
import { reduceToTridiagonal } from "./householderTridiagonal";
import { diagonaliseTridiagonal } from "./implicitQl";

/**
 * Eigenvalues and eigenvectors of a real symmetric matrix, held in flat Float64Arrays that the nearest-correlation
 * iterations reuse from one step to the next. The decomposition is our own: Householder reduction to tridiagonal form
 * with the orthogonal factor accumulated (`reduceToTridiagonal`, tred2 of Martin, Reinsch & Wilkinson), then the
 * implicit QL iteration on the tridiagonal matrix, applying the plane rotations to that factor sweep by sweep
 * (`diagonaliseTridiagonal`).
 *
 * Where the engine runs WebAssembly SIMD, the O(n³) loops of both stages run in `eigenKernels.wat` (see
 * `wasmKernels.ts`), with the same result to the bit; elsewhere the TypeScript loops do.
 *
 * Layout, chosen so that every inner loop walks contiguous memory: the work array holds the *transpose* of the
 * textbook's accumulated factor V, so each column of V that the algorithm updates is a row here, and at the end row k
 * is the eigenvector of values[k]. No per-element objects, no n×n allocation per decomposition.
 */
export class SymmetricEigenSolver {
  /** Eigenvalues in ascending order, after `decompose`. */
  readonly values: Float64Array;
  /**
   * Before `decompose`: the matrix, row-major (`setMatrix` or written directly). After: row k (entries k·size to
   * k·size + size − 1) is the unit eigenvector of values[k].
   */
  readonly vectors: Float64Array;
  /** Off-diagonal of the tridiagonal form, then scratch for the QL iteration. */
  private readonly offDiagonal: Float64Array;
  /** The Householder vectors, copied out while the orthogonal factor is formed (`accumulateReflectors`). */
  private readonly reflectors: Float64Array;
  /** The rotations of two QL sweeps (`diagonaliseTridiagonal` applies consecutive sweeps in pairs). */
  private readonly cosines: Float64Array;
  private readonly sines: Float64Array;

  constructor(readonly size: number) {
    if (!(Number.isInteger(size) && size >= 1)) throw new RangeError(`matrix size ${size} must be a whole number ≥ 1`);
    this.values = new Float64Array(size);
    this.vectors = new Float64Array(size * size);
    this.offDiagonal = new Float64Array(size);
    this.reflectors = new Float64Array(size * size);
    this.cosines = new Float64Array(2 * size);
    this.sines = new Float64Array(2 * size);
  }

  /** Copies a size×size matrix in; it must be symmetric (not checked: only its symmetric part is used). */
  setMatrix(matrix: { get(row: number, column: number): number }): void {
    for (let i = 0; i < this.size; i++) {
      for (let j = 0; j < this.size; j++) this.vectors[i * this.size + j] = matrix.get(i, j);
    }
  }

  /**
   * Decomposes the matrix in `vectors` (exactly symmetric, finite entries), overwriting it with the eigenvectors;
   * fills `values`. Subnormal and huge entries are safe: the matrix is scaled by a power of 4 first
   * (`scaleForEigenDecomposition`), which changes no eigenvector and scales the eigenvalues exactly.
   */
  decompose(): void {
    const eigenvalueScale = scaleForEigenDecomposition(this.vectors);
    reduceToTridiagonal(this.vectors, this.size, this.values, this.offDiagonal, this.reflectors);
    diagonaliseTridiagonal(this.vectors, this.size, this.values, this.offDiagonal, this.cosines, this.sines);
    if (eigenvalueScale !== 1) for (let k = 0; k < this.size; k++) this.values[k] = (this.values[k] as number) * eigenvalueScale;
  }
}
