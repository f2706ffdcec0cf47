/*
 * A correlation matrix as one row-major Float64Array (entry (i, j) at i·size + j): the form the hedge's hot loops read.
 * Rows of an Excel range are separate arrays; one contiguous array is read in order by the PSD check, the sub-matrix
 * and the covariance, and it is what the last valid matrix is remembered as (validatedCorrelationMemo.ts).
 */
import { BOUND_TOLERANCE, SYMMETRY_TOLERANCE, UNIT_DIAGONAL_TOLERANCE } from "./correlationValidation";
import type { SquareMatrix } from "./symmetricMatrix";

/** Rows and columns per tile of the symmetry pass: 16 × 8 bytes is two cache lines. */
const SYMMETRY_TILE = 16;

/**
 * Writes the symmetric part S = (A + Aᵀ)/2 of the square matrix `values` row-major into `into` (size² entries or more)
 * and returns true when every entry passes `findEntryProblems` (finite numbers, unit diagonal, |ρ| ≤ 1, symmetric,
 * all within their tolerances); false as soon as one fails (`into` is then partly written): call `findEntryProblems`
 * for the messages. S is what the PSD check and the hedge use; averaging once here lets
 * them read rows only (and (a + b)/2 = (b + a)/2, so every entry is the double they computed before). One pass over
 * the rows, then one over the upper triangle; no message or object per entry. `values` must be square.
 */
export function writeSymmetricPartIfEntriesValid(values: SquareMatrix, into: Float64Array): boolean {
  const size = values.length;
  const flat = into;
  // The tolerances as locals: in the Node build (CommonJS) each use in a loop was a property load from the module.
  const bound = 1 + BOUND_TOLERANCE;
  const unitDiagonalTolerance = UNIT_DIAGONAL_TOLERANCE;
  const symmetryTolerance = SYMMETRY_TOLERANCE;
  for (let row = 0; row < size; row++) {
    const rowValues = values[row] as readonly number[];
    const rowOffset = row * size;
    // Left of the diagonal, the diagonal, right of it: no test of which one in the loops.
    if (!copyBoundedEntries(rowValues, 0, row, bound, flat, rowOffset)) return false;
    const diagonal = rowValues[row] as number;
    if (!(Math.abs(diagonal - 1) <= unitDiagonalTolerance) || typeof diagonal !== "number") return false;
    flat[rowOffset + row] = diagonal;
    if (!copyBoundedEntries(rowValues, row + 1, size, bound, flat, rowOffset)) return false;
  }
  // Tile by tile, so that the column-wise reads of the lower triangle stay in a few cache lines (row by row, each one
  // fell in another line: that pass took twice as long as the whole first one).
  for (let firstRow = 0; firstRow < size; firstRow += SYMMETRY_TILE) {
    const endRow = Math.min(firstRow + SYMMETRY_TILE, size);
    for (let firstColumn = firstRow; firstColumn < size; firstColumn += SYMMETRY_TILE) {
      const endColumn = Math.min(firstColumn + SYMMETRY_TILE, size);
      for (let row = firstRow; row < endRow; row++) {
        for (let column = Math.max(firstColumn, row + 1); column < endColumn; column++) {
          const upper = flat[row * size + column] as number;
          const lower = flat[column * size + row] as number;
          if (Math.abs(upper - lower) > symmetryTolerance) return false;
          // Equal entries average to themselves; 0 and −0 average to 0, as (A + Aᵀ)/2 computed whole does.
          if (upper !== lower || upper === 0) {
            const average = (upper + lower) / 2;
            flat[row * size + column] = average;
            flat[column * size + row] = average;
          }
        }
      }
    }
  }
  return true;
}

/**
 * Copies entries from … to − 1 of a row into `flat` from rowOffset + from; false at the first that is not a number
 * with |value| ≤ bound. The numeric test comes first (false for NaN, ±Infinity and a hole), then typeof (which refuses
 * the text "0.5", null and TRUE that Math.abs converts): in that order V8 keeps a value read from a row of doubles
 * unboxed. With typeof or Number.isFinite first, every entry of a row of doubles that once had a hole (as
 * `new Array(n)` leaves) was boxed: 650 kB of garbage per 205×205 check, a third of the cold hedge's time.
 */
function copyBoundedEntries(rowValues: readonly number[], from: number, to: number, bound: number, flat: Float64Array, rowOffset: number): boolean {
  for (let column = from; column < to; column++) {
    const value = rowValues[column] as number;
    if (!(Math.abs(value) <= bound) || typeof value !== "number") return false;
    flat[rowOffset + column] = value;
  }
  return true;
}

/**
 * Rows and columns `rows` (indices into the size×size symmetric `values`) with a unit diagonal, row-major in a new
 * array: a correlation sub-matrix, exactly symmetric when `values` is.
 */
export function flatSubmatrixWithUnitDiagonal(values: Float64Array, size: number, rows: readonly number[]): Float64Array {
  const count = rows.length;
  const result = new Float64Array(count * count);
  for (let i = 0; i < count; i++) {
    const rowOffset = (rows[i] as number) * size;
    for (let j = 0; j < count; j++) result[i * count + j] = values[rowOffset + (rows[j] as number)] as number;
    result[i * count + i] = 1;
  }
  return result;
}

/** Entries (indices[a], indices[b]) of the correlations where they lie (see CorrelationRows), 1 on the diagonal. */
export function nestedCorrelationWithUnitDiagonal(values: Float64Array, size: number, rows: readonly number[], indices: readonly number[]): number[][] {
  return indices.map((i, a) => indices.map((j, b) => (a === b ? 1 : (values[(rows[i] as number) * size + (rows[j] as number)] as number))));
}
