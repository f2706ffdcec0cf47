/*
 * A correlation matrix as one row-major Float64Array (entry (i, j) at i·size + j): the form the hedge's hot loops read.
 * Rows of an Excel range are separate arrays; one contiguous array is read in order by the PSD check, the sub-matrix
 * and the covariance, and it is what the last valid matrix is remembered as (validatedCorrelationMemo.ts).
 */
import { BOUND_TOLERANCE, SYMMETRY_TOLERANCE, UNIT_DIAGONAL_TOLERANCE } from "./correlationValidation";
import type { SquareMatrix } from "./symmetricMatrix";

/**
 * The square matrix `values` row-major in a new array when every entry passes `findEntryProblems` (finite numbers,
 * unit diagonal, |ρ| ≤ 1, symmetric, all within their tolerances), else null: call `findEntryProblems` then for the
 * messages. One pass over the rows, then one over the flat copy for symmetry; no message or object per entry.
 * `values` must be square (check its shape first).
 */
export function flatCorrelationIfEntriesValid(values: SquareMatrix): Float64Array | null {
  const size = values.length;
  const flat = new Float64Array(size * size);
  const bound = 1 + BOUND_TOLERANCE;
  for (let row = 0; row < size; row++) {
    const rowValues = values[row] as readonly number[];
    const rowOffset = row * size;
    for (let column = 0; column < size; column++) {
      const value = rowValues[column];
      if (typeof value !== "number" || !Number.isFinite(value)) return null;
      if (column === row ? Math.abs(value - 1) > UNIT_DIAGONAL_TOLERANCE : Math.abs(value) > bound) return null;
      flat[rowOffset + column] = value;
    }
  }
  for (let row = 0; row < size; row++) {
    for (let column = row + 1; column < size; column++) {
      if (Math.abs((flat[row * size + column] as number) - (flat[column * size + row] as number)) > SYMMETRY_TOLERANCE) return null;
    }
  }
  return flat;
}

/**
 * Rows and columns `rows` (indices into the size×size `values`) of (A + Aᵀ)/2 with a unit diagonal, row-major in a
 * new array: exactly symmetric (each average computed once and mirrored).
 */
export function flatSymmetricSubmatrix(values: Float64Array, size: number, rows: readonly number[]): Float64Array {
  const count = rows.length;
  const result = new Float64Array(count * count);
  for (let i = 0; i < count; i++) {
    const row = rows[i] as number;
    result[i * count + i] = 1;
    for (let j = i + 1; j < count; j++) {
      const column = rows[j] as number;
      const average = ((values[row * size + column] as number) + (values[column * size + row] as number)) / 2;
      result[i * count + j] = average;
      result[j * count + i] = average;
    }
  }
  return result;
}

/** Rows and columns `indices` of the row-major size×size `values`, as rows of numbers (for the small proxy block). */
export function nestedSubmatrix(values: Float64Array, size: number, indices: readonly number[]): number[][] {
  return indices.map((i) => indices.map((j) => values[i * size + j] as number));
}
