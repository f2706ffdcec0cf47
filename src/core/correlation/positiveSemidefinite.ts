import type { SquareMatrix } from "./symmetricMatrix";

/** Rows factored together (see `factorFourRowsLeftOfBlock`). */
const BLOCK_ROWS = 4;

/**
 * True when the symmetrised matrix S = (A + Aᵀ)/2 has smallest eigenvalue > −tolerance, tested by a Cholesky
 * factorisation S + tolerance·I = L·Lᵀ: it succeeds (every pivot > 0) exactly when that matrix is positive definite.
 * `values` must be square with finite entries (check them first); it is not touched.
 *
 * Why not ml-matrix's CholeskyDecomposition: it reads and writes through get/set on Matrix objects and needs an exactly
 * symmetric Matrix copy first; this is the same algorithm in place on one Float64Array, about 4× faster on 205×205
 * (the whole-book check of `computeProxyHedge`). Every entry of L is computed with JAMA's (ml-matrix's) arithmetic in
 * the same order, so every pivot, and therefore every answer, is bit-for-bit the one
 * `new CholeskyDecomposition(S + tolerance·I).isPositiveDefinite()` gives. It stops at the first pivot ≤ 0, where
 * ml-matrix's flag turns false for good.
 */
export function isPositiveSemidefiniteWithin(values: SquareMatrix, tolerance: number): boolean {
  const size = values.length;
  const matrix = shiftedLowerTriangle(values, tolerance);
  // Σ_k L_jk² over the columns k done so far, per row j; the pivot of row j is S_jj + tolerance − this.
  const squareSums = new Float64Array(size);
  for (let first = 0; first < size; first += BLOCK_ROWS) {
    const end = Math.min(first + BLOCK_ROWS, size);
    if (end - first === BLOCK_ROWS) factorFourRowsLeftOfBlock(matrix, size, first, squareSums);
    else for (let row = first; row < end; row++) factorRow(matrix, size, row, 0, first, squareSums);
    for (let row = first; row < end; row++) {
      factorRow(matrix, size, row, first, row, squareSums);
      const pivot = (matrix[row * size + row] as number) - (squareSums[row] as number);
      if (!(pivot > 0)) return false;
      matrix[row * size + row] = Math.sqrt(pivot);
    }
  }
  return true;
}

/** Row-major n×n: the lower triangle of (A + Aᵀ)/2 + tolerance·I (as ml-matrix would hold it), zeros above. */
function shiftedLowerTriangle(values: SquareMatrix, tolerance: number): Float64Array {
  const size = values.length;
  const matrix = new Float64Array(size * size);
  for (let row = 0; row < size; row++) {
    const rowValues = values[row] as readonly number[];
    for (let column = 0; column < row; column++) {
      matrix[row * size + column] = (((values[column] as readonly number[])[row] as number) + (rowValues[column] as number)) / 2;
    }
    matrix[row * size + row] = (rowValues[row] as number) + tolerance;
  }
  return matrix;
}

/**
 * L_jk for row j, columns `from` ≤ k < `to`, overwriting S_jk: L_jk = (S_jk − Σ_{i<k} L_ki·L_ji) / L_kk, the sum taken
 * in increasing i, and L_jk² added to the row's square sum (JAMA's order).
 */
function factorRow(matrix: Float64Array, size: number, row: number, from: number, to: number, squareSums: Float64Array): void {
  const rowStart = row * size;
  let squareSum = squareSums[row] as number;
  for (let column = from; column < to; column++) {
    const columnStart = column * size;
    let dot = 0;
    for (let i = 0; i < column; i++) dot += (matrix[columnStart + i] as number) * (matrix[rowStart + i] as number);
    const entry = ((matrix[rowStart + column] as number) - dot) / (matrix[columnStart + column] as number);
    matrix[rowStart + column] = entry;
    squareSum = squareSum + entry * entry;
  }
  squareSums[row] = squareSum;
}

/**
 * `factorRow` for the four rows first … first + 3 and the columns left of them (k < first), all four at once: four
 * independent sums per pass over row k of L, which the CPU overlaps, where one sum waits on each addition (≈ 2× faster
 * on 205×205). Each sum is still taken in increasing i, so the entries are the same bits.
 */
function factorFourRowsLeftOfBlock(matrix: Float64Array, size: number, first: number, squareSums: Float64Array): void {
  const start0 = first * size;
  const start1 = start0 + size;
  const start2 = start1 + size;
  const start3 = start2 + size;
  let squareSum0 = 0;
  let squareSum1 = 0;
  let squareSum2 = 0;
  let squareSum3 = 0;
  for (let column = 0; column < first; column++) {
    const columnStart = column * size;
    let dot0 = 0;
    let dot1 = 0;
    let dot2 = 0;
    let dot3 = 0;
    for (let i = 0; i < column; i++) {
      const factor = matrix[columnStart + i] as number;
      dot0 += factor * (matrix[start0 + i] as number);
      dot1 += factor * (matrix[start1 + i] as number);
      dot2 += factor * (matrix[start2 + i] as number);
      dot3 += factor * (matrix[start3 + i] as number);
    }
    const diagonal = matrix[columnStart + column] as number;
    const entry0 = ((matrix[start0 + column] as number) - dot0) / diagonal;
    const entry1 = ((matrix[start1 + column] as number) - dot1) / diagonal;
    const entry2 = ((matrix[start2 + column] as number) - dot2) / diagonal;
    const entry3 = ((matrix[start3 + column] as number) - dot3) / diagonal;
    matrix[start0 + column] = entry0;
    matrix[start1 + column] = entry1;
    matrix[start2 + column] = entry2;
    matrix[start3 + column] = entry3;
    squareSum0 = squareSum0 + entry0 * entry0;
    squareSum1 = squareSum1 + entry1 * entry1;
    squareSum2 = squareSum2 + entry2 * entry2;
    squareSum3 = squareSum3 + entry3 * entry3;
  }
  squareSums[first] = squareSum0;
  squareSums[first + 1] = squareSum1;
  squareSums[first + 2] = squareSum2;
  squareSums[first + 3] = squareSum3;
}
