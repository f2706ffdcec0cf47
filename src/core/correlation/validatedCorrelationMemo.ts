/*
 * The last correlation matrix that passed every check of the hedge (entries and positive semidefiniteness), remembered
 * so that the next hedge on the very same matrix skips them. Excel recalculates XV.XVEGAHEDGE whenever a vega changes
 * while the correlations stay as they are; comparing 205×205 entries costs O(n²), the Cholesky of the check O(n³).
 *
 * Only a valid matrix is remembered, and only as a verdict on its exact doubles: a hit needs every entry to be the
 * same number, bit for bit (0 and −0 differ), so a matrix that differs anywhere, even in the last digit of one entry,
 * is checked in full. The checks depend on nothing but the entries (their tolerances are constants). What is kept is
 * the matrix's symmetric part (A + Aᵀ)/2, which passes whenever A does: a matrix that is symmetric only within the
 * tolerance never equals it and is checked in full every time, as is one typed symmetric that is not the latest (one
 * matrix is kept, so a sheet alternating between two matrices checks each in full every time, as without this).
 */
import type { SquareMatrix } from "./symmetricMatrix";

let lastValid: { size: number; values: Float64Array } | null = null;

/**
 * The remembered valid matrix, row-major, when `values` (square, as checked by the caller) is exactly it; else null.
 * The array returned is the memo's own: read it, never write to it.
 */
export function rememberedValidCorrelation(values: SquareMatrix): Float64Array | null {
  const memo = lastValid;
  if (memo === null || memo.size !== values.length) return null;
  const { size, values: remembered } = memo;
  for (let row = 0; row < size; row++) {
    const rowValues = values[row] as readonly number[];
    const rowOffset = row * size;
    for (let column = 0; column < size; column++) {
      const value = rowValues[column];
      const known = remembered[rowOffset + column] as number;
      if (value !== known || (value === 0 && 1 / value !== 1 / known)) return null;
    }
  }
  return remembered;
}

/** Remembers `values` (row-major size×size, exactly symmetric, passed every check); it must not change later. */
export function rememberValidCorrelation(values: Float64Array, size: number): void {
  lastValid = { size, values };
}
