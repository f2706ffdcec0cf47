/*
 * The pieces of the Cholesky factorisation behind the positive-semidefinite check (`positiveSemidefinite.ts`), on a
 * packed lower triangle (row j at j(j+1)/2, rows contiguous): JAMA's (ml-matrix's) row-by-row algorithm,
 * L_jk = (S_jk − Σ_{i<k} L_ki·L_ji) / L_kk with each sum in increasing i and pivot S_jj − Σ_k L_jk², taken a block of
 * four rows at a time. Every piece keeps every sum's order, so every entry and pivot is the same bits as JAMA's.
 */

/** Rows factored together (see `factorFourRowsLeftOfBlock`). */
export const BLOCK_ROWS = 4;

/** Where row `row` starts in a packed lower triangle: row(row + 1)/2, in integer arithmetic (an integer index). */
export function rowStartOf(row: number): number {
  return (row * (row + 1)) >> 1;
}

/**
 * The rows first … end − 1 of a block shorter than four (the last one), every column of each in turn, then its pivot;
 * false at the first pivot ≤ 0.
 */
export function factorPartialBlock(triangle: Float64Array, first: number, end: number, squareSums: Float64Array): boolean {
  for (let row = first; row < end; row++) {
    squareSums[row] = 0;
    factorRow(triangle, row, 0, row, squareSums);
    const diagonal = rowStartOf(row) + row;
    const pivot = (triangle[diagonal] as number) - (squareSums[row] as number);
    if (!(pivot > 0)) return false;
    triangle[diagonal] = Math.sqrt(pivot);
  }
  return true;
}

/**
 * The triangle of a full block of four rows (columns first … first + 2 below the diagonal) and its four pivots, in
 * row order, once the columns left of the block are done; false at the first pivot ≤ 0. The six sums over the columns
 * i < first (row r against row c, c < r, both in the block) do not depend on one another, so they are taken in one
 * pass, six chains side by side, instead of one after another (each a chain of dependent additions); each then takes
 * its in-block terms i = first … c − 1 in order. Every sum keeps its order, so every entry is the same bits as
 * `factorRow`'s.
 */
export function factorBlockTriangle(triangle: Float64Array, first: number, squareSums: Float64Array): boolean {
  const start0 = rowStartOf(first);
  const start1 = start0 + first + 1;
  const start2 = start1 + first + 2;
  const start3 = start2 + first + 3;
  let dot10 = 0;
  let dot20 = 0;
  let dot30 = 0;
  let dot21 = 0;
  let dot31 = 0;
  let dot32 = 0;
  for (let i = 0; i < first; i++) {
    const value0 = triangle[start0 + i] as number;
    const value1 = triangle[start1 + i] as number;
    const value2 = triangle[start2 + i] as number;
    const value3 = triangle[start3 + i] as number;
    dot10 += value0 * value1;
    dot20 += value0 * value2;
    dot30 += value0 * value3;
    dot21 += value1 * value2;
    dot31 += value1 * value3;
    dot32 += value2 * value3;
  }
  const pivot0 = (triangle[start0 + first] as number) - (squareSums[first] as number);
  if (!(pivot0 > 0)) return false;
  const diagonal0 = Math.sqrt(pivot0);
  triangle[start0 + first] = diagonal0;

  const entry10 = ((triangle[start1 + first] as number) - dot10) / diagonal0;
  triangle[start1 + first] = entry10;
  const pivot1 = (triangle[start1 + first + 1] as number) - ((squareSums[first + 1] as number) + entry10 * entry10);
  if (!(pivot1 > 0)) return false;
  const diagonal1 = Math.sqrt(pivot1);
  triangle[start1 + first + 1] = diagonal1;

  const entry20 = ((triangle[start2 + first] as number) - dot20) / diagonal0;
  const entry21 = ((triangle[start2 + first + 1] as number) - (dot21 + entry10 * entry20)) / diagonal1;
  triangle[start2 + first] = entry20;
  triangle[start2 + first + 1] = entry21;
  const pivot2 = (triangle[start2 + first + 2] as number) - ((squareSums[first + 2] as number) + entry20 * entry20 + entry21 * entry21);
  if (!(pivot2 > 0)) return false;
  const diagonal2 = Math.sqrt(pivot2);
  triangle[start2 + first + 2] = diagonal2;

  const entry30 = ((triangle[start3 + first] as number) - dot30) / diagonal0;
  const entry31 = ((triangle[start3 + first + 1] as number) - (dot31 + entry10 * entry30)) / diagonal1;
  const entry32 = ((triangle[start3 + first + 2] as number) - (dot32 + entry20 * entry30 + entry21 * entry31)) / diagonal2;
  triangle[start3 + first] = entry30;
  triangle[start3 + first + 1] = entry31;
  triangle[start3 + first + 2] = entry32;
  const pivot3 =
    (triangle[start3 + first + 3] as number) - ((squareSums[first + 3] as number) + entry30 * entry30 + entry31 * entry31 + entry32 * entry32);
  if (!(pivot3 > 0)) return false;
  triangle[start3 + first + 3] = Math.sqrt(pivot3);
  return true;
}

/** L_jk for row j, columns `from` ≤ k < `to`, in place, and L_jk² added to the row's square sum (JAMA's order). */
function factorRow(triangle: Float64Array, row: number, from: number, to: number, squareSums: Float64Array): void {
  const rowStart = rowStartOf(row);
  let squareSum = squareSums[row] as number;
  for (let column = from; column < to; column++) {
    const columnStart = rowStartOf(column);
    let dot = 0;
    for (let i = 0; i < column; i++) dot += (triangle[columnStart + i] as number) * (triangle[rowStart + i] as number);
    const entry = ((triangle[rowStart + column] as number) - dot) / (triangle[columnStart + column] as number);
    triangle[rowStart + column] = entry;
    squareSum = squareSum + entry * entry;
  }
  squareSums[row] = squareSum;
}

/**
 * `factorRow` for the four rows first … first + 3 and the columns left of them (k < first, an even count), as a tile
 * of four rows by two columns k, k + 1: eight independent sums per pass over rows k and k + 1 of L, which the CPU
 * overlaps, and each entry of those two rows loaded once for four rows (≈ 1.6× the speed of four rows by one column on
 * 205×205). Column k + 1's sums take their last term, i = k, once L_jk is known, so every sum is still taken in
 * increasing i and every entry is the same bits.
 */
export function factorFourRowsLeftOfBlock(triangle: Float64Array, first: number, squareSums: Float64Array): void {
  const start0 = rowStartOf(first);
  const start1 = start0 + first + 1;
  const start2 = start1 + first + 2;
  const start3 = start2 + first + 3;
  let squareSum0 = 0;
  let squareSum1 = 0;
  let squareSum2 = 0;
  let squareSum3 = 0;
  for (let column = 0; column < first; column += 2) {
    const columnStart = rowStartOf(column);
    const nextStart = columnStart + column + 1;
    let dot0 = 0;
    let dot1 = 0;
    let dot2 = 0;
    let dot3 = 0;
    let nextDot0 = 0;
    let nextDot1 = 0;
    let nextDot2 = 0;
    let nextDot3 = 0;
    for (let i = 0; i < column; i++) {
      const factor = triangle[columnStart + i] as number;
      const nextFactor = triangle[nextStart + i] as number;
      const value0 = triangle[start0 + i] as number;
      const value1 = triangle[start1 + i] as number;
      const value2 = triangle[start2 + i] as number;
      const value3 = triangle[start3 + i] as number;
      dot0 += factor * value0;
      dot1 += factor * value1;
      dot2 += factor * value2;
      dot3 += factor * value3;
      nextDot0 += nextFactor * value0;
      nextDot1 += nextFactor * value1;
      nextDot2 += nextFactor * value2;
      nextDot3 += nextFactor * value3;
    }
    const diagonal = triangle[columnStart + column] as number;
    const entry0 = ((triangle[start0 + column] as number) - dot0) / diagonal;
    const entry1 = ((triangle[start1 + column] as number) - dot1) / diagonal;
    const entry2 = ((triangle[start2 + column] as number) - dot2) / diagonal;
    const entry3 = ((triangle[start3 + column] as number) - dot3) / diagonal;
    triangle[start0 + column] = entry0;
    triangle[start1 + column] = entry1;
    triangle[start2 + column] = entry2;
    triangle[start3 + column] = entry3;
    squareSum0 = squareSum0 + entry0 * entry0;
    squareSum1 = squareSum1 + entry1 * entry1;
    squareSum2 = squareSum2 + entry2 * entry2;
    squareSum3 = squareSum3 + entry3 * entry3;

    const nextFactor = triangle[nextStart + column] as number;
    const nextDiagonal = triangle[nextStart + column + 1] as number;
    const nextEntry0 = ((triangle[start0 + column + 1] as number) - (nextDot0 + nextFactor * entry0)) / nextDiagonal;
    const nextEntry1 = ((triangle[start1 + column + 1] as number) - (nextDot1 + nextFactor * entry1)) / nextDiagonal;
    const nextEntry2 = ((triangle[start2 + column + 1] as number) - (nextDot2 + nextFactor * entry2)) / nextDiagonal;
    const nextEntry3 = ((triangle[start3 + column + 1] as number) - (nextDot3 + nextFactor * entry3)) / nextDiagonal;
    triangle[start0 + column + 1] = nextEntry0;
    triangle[start1 + column + 1] = nextEntry1;
    triangle[start2 + column + 1] = nextEntry2;
    triangle[start3 + column + 1] = nextEntry3;
    squareSum0 = squareSum0 + nextEntry0 * nextEntry0;
    squareSum1 = squareSum1 + nextEntry1 * nextEntry1;
    squareSum2 = squareSum2 + nextEntry2 * nextEntry2;
    squareSum3 = squareSum3 + nextEntry3 * nextEntry3;
  }
  squareSums[first] = squareSum0;
  squareSums[first + 1] = squareSum1;
  squareSums[first + 2] = squareSum2;
  squareSums[first + 3] = squareSum3;
}
