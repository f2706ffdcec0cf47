/*
 * What a matrix given to be repaired holds: correlations, correlations typed in percent (80 for 0.8, 100 on the
 * diagonal), or a covariance matrix (variances on the diagonal). Repairing the last two as if they were correlations
 * returns a matrix of 1s, "converged" (every off-diagonal is clipped to ±1): so XV.NEARCORR, `xvega nearcorr` and the
 * pane's import refuse them, with the fix, unless the user says explicitly which kind it is (then it is converted), or
 * asks for the matrix to be repaired as given (`raw`: the Frobenius-nearest correlation matrix to those very numbers, as
 * NAG's g02aa computes it for its tridiag(−1, 2, −1) example).
 */
import { CorrelationInputError } from "./correlationErrors";
import { describeEntry } from "./correlationValidation";
import type { SquareMatrix } from "./symmetricMatrix";

/** A converted |ρ| beyond this (the repair's own bound on entries) means the input was no covariance matrix. */
const MAX_CONVERTED_CORRELATION = 1e6;

export type CorrelationInputKind = "correlation" | "percent" | "covariance" | "raw";
export const CORRELATION_INPUT_KINDS: readonly CorrelationInputKind[] = ["correlation", "percent", "covariance", "raw"];

/** A diagonal entry within this (relative) of 100 reads as 100%. */
const PERCENT_DIAGONAL_TOLERANCE = 1e-9;
/** A diagonal entry within this of 1 is a unit diagonal entry (as the validation's own tolerance). */
const UNIT_DIAGONAL_TOLERANCE = 1e-12;
/** Diagonal entries listed in a message, at most. */
const LISTED_DIAGONAL_ENTRIES = 2;

export interface CorrelationScaleProblem {
  kind: "percent" | "covariance";
  /** What was seen and the fix, for a trader (short: Excel shows 250 characters); the adapter adds how to ask for the conversion. */
  message: string;
}

function diagonalOf(values: SquareMatrix): number[] {
  return values.map((row, i) => row[i] ?? Number.NaN);
}

function listDiagonal(diagonal: readonly number[], labels?: readonly string[]): string {
  const listed = diagonal.slice(0, LISTED_DIAGONAL_ENTRIES).map((value, i) => `${describeEntry(i, i, labels)} ${value}`);
  return diagonal.length > LISTED_DIAGONAL_ENTRIES ? `${listed.join(", ")}, …` : listed.join(", ");
}

/**
 * Percent when every diagonal entry is 100; covariance when every diagonal entry is positive and none is 1 (a variance
 * of exactly 1 on every asset is no covariance anyone estimates, while a typed correlation matrix with a typo keeps
 * most of its 1s: that one is let through, for the repair or the check to show). Null for anything else, including a
 * diagonal with zeros or negative entries, which is no covariance and is left to the repair. Entries must be finite.
 */
export function findCorrelationScaleProblem(values: SquareMatrix, labels?: readonly string[]): CorrelationScaleProblem | null {
  const diagonal = diagonalOf(values);
  if (diagonal.length === 0 || !diagonal.every((value) => Number.isFinite(value) && value > 0)) return null;
  if (diagonal.some((value) => Math.abs(value - 1) <= UNIT_DIAGONAL_TOLERANCE)) return null;
  if (diagonal.every((value) => Math.abs(value - 100) <= 100 * PERCENT_DIAGONAL_TOLERANCE)) {
    return {
      kind: "percent",
      message: "the diagonal is 100: correlations typed in percent (80 for 0.8)? Divide every entry by 100",
    };
  }
  return {
    kind: "covariance",
    message:
      `the diagonal holds ${listDiagonal(diagonal, labels)}, not 1: a covariance matrix? Convert it to correlations, ρ_ij = c_ij/√(c_ii·c_jj)`,
  };
}

/**
 * The correlations to repair from what the user gave: `correlation` refuses a percent or covariance matrix
 * (`findCorrelationScaleProblem`; `askForConversion` is appended to its message: how to ask for the conversion on that
 * route), `percent` divides every entry by 100, `covariance` converts c_ij / √(c_ii·c_jj) and needs a positive
 * diagonal, `raw` takes the numbers as they are. Never mutates `values`; entries must be finite numbers.
 * @throws CorrelationInputError (`invalidInput`)
 */
export function correlationsFromInput(
  values: SquareMatrix,
  kind: CorrelationInputKind,
  askForConversion: (problem: CorrelationScaleProblem) => string,
  labels?: readonly string[],
): number[][] {
  if (kind === "percent") return values.map((row) => row.map((value) => value / 100));
  if (kind === "covariance") {
    const diagonal = diagonalOf(values);
    const bad = diagonal.findIndex((value) => !(value > 0));
    if (bad >= 0) {
      throw new CorrelationInputError(
        "invalidInput",
        `variance ${describeEntry(bad, bad, labels)} is ${String(diagonal[bad])}: a covariance matrix needs a positive variance on its diagonal to convert to correlations`,
      );
    }
    const deviations = diagonal.map(Math.sqrt);
    // Divide by each deviation in turn (never by their product): c_ij / √c_ii / √c_jj stays finite for variances
    // near 1E±300, where the product would overflow or underflow.
    const converted = values.map((row, i) => row.map((value, j) => (i === j ? 1 : value / (deviations[i] as number) / (deviations[j] as number))));
    converted.forEach((row, i) =>
      row.forEach((value, j) => {
        if (!(Math.abs(value) <= MAX_CONVERTED_CORRELATION)) {
          throw new CorrelationInputError(
            "invalidInput",
            `covariance ${describeEntry(i, j, labels)} is ${String(values[i]?.[j])} but the variances are ${String(diagonal[i])} and ${String(diagonal[j])}: ` +
              `a covariance cannot exceed √(c_ii·c_jj), so this is no covariance matrix: check the diagonal`,
          );
        }
      }),
    );
    return converted;
  }
  if (kind === "raw") return values.map((row) => row.slice());
  const problem = findCorrelationScaleProblem(values, labels);
  if (problem) throw new CorrelationInputError("invalidInput", `${problem.message}${askForConversion(problem)}`);
  return values.map((row) => row.slice());
}
