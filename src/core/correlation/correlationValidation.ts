import { findAssetNameProblem } from "./assetNames";
import { smallestOf, symmetricEigen, symmetrise, type SquareMatrix } from "./symmetricMatrix";

/** |a_ij − a_ji| above this is asymmetric (typed values agree exactly; formulas may differ in the last digits). */
export const SYMMETRY_TOLERANCE = 1e-12;
/** |a_ii − 1| above this is not a unit diagonal. */
export const UNIT_DIAGONAL_TOLERANCE = 1e-12;
/** |ρ| above 1 + this is out of bounds (1.0000000000001 from a formula is still a correlation of 1). */
export const BOUND_TOLERANCE = 1e-12;
/**
 * Smallest eigenvalue below −this is not positive semidefinite. Eigenvalues of a PSD matrix computed in doubles come
 * out around −1e-16·n·‖A‖; −1e-10 leaves a wide margin for that yet catches every inconsistency a user could type
 * (those give eigenvalues of −1e-4 and below). A matrix just inside this tolerance may have eigenvalues
 * down to −1e-10: the hedge treats it as PSD, `nearestCorrelationMatrix` returns it as it is only above −1e-12.
 */
export const PSD_TOLERANCE = 1e-10;

export type CorrelationCheck = "square" | "finite" | "symmetric" | "unitDiagonal" | "bounds" | "positiveSemidefinite" | "labels";

/**
 * One failed check. `row` and `column` are 0-based indices into the matrix (messages name the entry by asset
 * names when labels were given, else by 1-based row and column, as Excel shows them); `value` is the entry (or the
 * smallest eigenvalue for `positiveSemidefinite`).
 */
export interface CorrelationProblem {
  check: CorrelationCheck;
  message: string;
  row?: number;
  column?: number;
  value?: number;
}

/**
 * Outcome of `validateCorrelationMatrix`. `smallestEigenvalue` is that of the symmetrised matrix (A + Aᵀ)/2, or null
 * when it could not be computed (not square, empty, or a non-finite entry).
 */
export interface CorrelationValidation {
  valid: boolean;
  problems: CorrelationProblem[];
  smallestEigenvalue: number | null;
}

/** Names an entry for messages: "(BTC, ETH)" with labels, "(row 2, column 3)" without. */
export function describeEntry(row: number, column: number, labels?: readonly string[]): string {
  const rowLabel = labels?.[row];
  const columnLabel = labels?.[column];
  if (rowLabel !== undefined && columnLabel !== undefined) return `(${rowLabel.trim()}, ${columnLabel.trim()})`;
  return `(row ${row + 1}, column ${column + 1})`;
}

function findShapeProblem(values: SquareMatrix): CorrelationProblem | null {
  if (!Array.isArray(values) || values.length === 0) {
    return { check: "square", message: "the correlation matrix is empty: give a square range of correlations" };
  }
  const size = values.length;
  for (let row = 0; row < size; row++) {
    const length = values[row]?.length ?? 0;
    if (length !== size) {
      return {
        check: "square",
        row,
        message: `the correlation matrix has ${size} rows but row ${row + 1} has ${length} entries: it must be square (one row and one column per asset)`,
      };
    }
  }
  return null;
}

/**
 * The entry checks (finite, unit diagonal, bounds, symmetry) of a square matrix, in reading order. A symmetric pair is
 * reported once, at its upper-triangle position, unless its two entries differ.
 */
export function findEntryProblems(values: SquareMatrix, labels?: readonly string[]): CorrelationProblem[] {
  const problems: CorrelationProblem[] = [];
  const size = values.length;
  for (let row = 0; row < size; row++) {
    const rowValues = values[row];
    for (let column = 0; column < size; column++) {
      const value = rowValues?.[column] ?? Number.NaN;
      // Entry names are built only for a problem: one per entry cost more than the checks themselves on 205×205.
      if (typeof value !== "number" || !Number.isFinite(value)) {
        problems.push({ check: "finite", row, column, value, message: `entry ${describeEntry(row, column, labels)} is ${String(value)}: every correlation must be a finite number` });
        continue;
      }
      if (row === column) {
        if (Math.abs(value - 1) > UNIT_DIAGONAL_TOLERANCE) {
          problems.push({
            check: "unitDiagonal",
            row,
            column,
            value,
            message: `diagonal entry ${describeEntry(row, column, labels)} is ${value}: an asset's correlation with itself must be 1`,
          });
        }
        continue;
      }
      const mirror = values[column]?.[row] ?? Number.NaN;
      const isMirrorOfReported = row > column && mirror === value;
      if (Math.abs(value) > 1 + BOUND_TOLERANCE && !isMirrorOfReported) {
        problems.push({ check: "bounds", row, column, value, message: `entry ${describeEntry(row, column, labels)} is ${value}: a correlation must lie between −1 and 1` });
      }
      if (row < column && Number.isFinite(mirror) && Math.abs(value - mirror) > SYMMETRY_TOLERANCE) {
        problems.push({
          check: "symmetric",
          row,
          column,
          value,
          message: `entry ${describeEntry(row, column, labels)} is ${value} but ${describeEntry(column, row, labels)} is ${mirror}: the matrix must be symmetric`,
        });
      }
    }
  }
  return problems;
}

/**
 * Checks that `values` is a correlation matrix: square, finite, symmetric within 1e-12, unit diagonal within 1e-12,
 * |ρ| ≤ 1 (+1e-12), and positive semidefinite (smallest eigenvalue of the symmetrised matrix ≥ −1e-10). Every failed
 * check is listed (not just the first), in reading order, the eigenvalue check last. `labels` (asset names, one per
 * row) are optional; when given they must match the size and be distinct, and messages use them.
 */
export function validateCorrelationMatrix(values: SquareMatrix, labels?: readonly string[]): CorrelationValidation {
  const shapeProblem = findShapeProblem(values);
  if (shapeProblem) return { valid: false, problems: [shapeProblem], smallestEigenvalue: null };
  const size = values.length;
  const problems: CorrelationProblem[] = [];
  let namingLabels: readonly string[] | undefined;
  if (labels !== undefined) {
    if (labels.length !== size) {
      problems.push({ check: "labels", message: `${labels.length} asset names were given for a ${size}×${size} matrix: give one name per row` });
    } else {
      const labelProblem = findAssetNameProblem(labels, "matrix asset");
      if (labelProblem) problems.push({ check: "labels", message: labelProblem });
      else namingLabels = labels;
    }
  }
  const entryProblems = findEntryProblems(values, namingLabels);
  problems.push(...entryProblems);
  if (entryProblems.some((problem) => problem.check === "finite")) return { valid: false, problems, smallestEigenvalue: null };
  const smallestEigenvalue = smallestOf(symmetricEigen(symmetrise(values)).values);
  if (smallestEigenvalue < -PSD_TOLERANCE) {
    problems.push({
      check: "positiveSemidefinite",
      value: smallestEigenvalue,
      message: `the matrix is not positive semidefinite (smallest eigenvalue ${smallestEigenvalue.toPrecision(6)} < −${PSD_TOLERANCE}): some correlations contradict each other; repair it with XV.NEARCORR`,
    });
  }
  return { valid: problems.length === 0, problems, smallestEigenvalue };
}
