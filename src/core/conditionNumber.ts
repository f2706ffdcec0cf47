/**
 * The one rule for reporting the condition number λmax/λmin of a symmetric positive semidefinite matrix (the proxies'
 * covariance and correlation in the hedge, a whole correlation matrix in the pane's check), so that a singular matrix
 * reads the same everywhere instead of blank in one place and 9E15 (1/machine epsilon, rounding noise) in another:
 *
 * - λmin ≤ λmax / SINGULAR_CONDITION_LIMIT (including λmin ≤ 0, and a zero matrix) is **singular**: `null` in the
 *   engine's results and in JSON, the text `SINGULAR_CONDITION_TEXT` wherever a cell or a line may hold text (Excel's
 *   XV.HEDGESTATS, the task pane, CSV);
 * - anything else is the finite ratio, below SINGULAR_CONDITION_LIMIT.
 *
 * The limit is the hedge solver's: above it the solve has lost most of its digits and is refused without a ridge.
 */

/** Above this condition number a matrix is treated as singular (the hedge solver refuses to solve with it). */
export const SINGULAR_CONDITION_LIMIT = 1e12;

/** What a singular matrix's condition number reads as wherever text is allowed. */
export const SINGULAR_CONDITION_TEXT = "∞ (singular)";

/** λmax/λmin, or null when the matrix is singular under the rule above (or there are no eigenvalues). */
export function conditionNumberOrSingular(eigenvalues: readonly number[]): number | null {
  let smallest = Number.POSITIVE_INFINITY;
  let largest = Number.NEGATIVE_INFINITY;
  for (const value of eigenvalues) {
    smallest = Math.min(smallest, value);
    largest = Math.max(largest, value);
  }
  if (!(largest > 0) || !(smallest > largest / SINGULAR_CONDITION_LIMIT)) return null;
  return largest / smallest;
}

/** A condition number for a cell or a line: the number as `format` shows it, or `SINGULAR_CONDITION_TEXT`. */
export function conditionNumberText(conditionNumber: number | null, format: (value: number) => string = String): string {
  return conditionNumber === null ? SINGULAR_CONDITION_TEXT : format(conditionNumber);
}
