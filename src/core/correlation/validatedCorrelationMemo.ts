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
 *
 * Two buffers take turns, so that a check allocates nothing (a fresh 205×205 Float64Array cost about as much as the
 * rest of a hedge): the caller fills the spare one, and remembering it hands the old remembered one back as the spare.
 * So an array from here stays as it is only until the next check: use it within the hedge, never keep it.
 */
import type { SquareMatrix } from "./symmetricMatrix";

let remembered: Float64Array | null = null;
let rememberedSize = 0;
let spare: Float64Array = new Float64Array(0);

/**
 * The remembered valid matrix, row-major, when `values` (square, as checked by the caller) is exactly it; else null.
 * The array returned is the memo's own: read it, never write to it.
 */
export function rememberedValidCorrelation(values: SquareMatrix): Float64Array | null {
  const known = remembered;
  if (known === null || rememberedSize !== values.length) return null;
  const size = rememberedSize;
  for (let row = 0; row < size; row++) {
    const rowValues = values[row] as readonly number[];
    const rowOffset = row * size;
    for (let column = 0; column < size; column++) {
      const value = rowValues[column];
      const knownValue = known[rowOffset + column] as number;
      if (value !== knownValue || (value === 0 && 1 / value !== 1 / knownValue)) return null;
    }
  }
  return known;
}

/** A buffer of at least size² entries to write a candidate matrix into (its contents are left over: overwrite them). */
export function spareCorrelationBuffer(size: number): Float64Array {
  if (spare.length < size * size) spare = new Float64Array(size * size);
  return spare;
}

/** Remembers `values` (row-major size×size, exactly symmetric, passed every check), usually the spare buffer. */
export function rememberValidCorrelation(values: Float64Array, size: number): void {
  if (values === spare) spare = remembered ?? new Float64Array(0);
  remembered = values;
  rememberedSize = size;
}
