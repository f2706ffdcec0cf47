/* Options, result and input checks of `nearestCorrelationMatrix`, shared by its two routes (Newton, alternating projections). */
import { CorrelationInputError } from "./correlationErrors";
import type { SquareMatrix } from "./symmetricMatrix";

/** Stop when the dual gradient (see `residual`) is within this of 0 in every entry. */
export const DEFAULT_NEAREST_CORRELATION_TOLERANCE = 1e-10;
export const DEFAULT_NEAREST_CORRELATION_MAX_ITERATIONS = 1000;
/** Anderson acceleration depth of the alternating-projections route (past steps combined); 0 gives Higham's plain iteration. */
export const DEFAULT_ANDERSON_DEPTH = 12;
/** An input is returned as it is when its smallest eigenvalue is at least min_eigenvalue − this (and it is exactly a correlation matrix otherwise). */
export const UNCHANGED_EIGENVALUE_TOLERANCE = 1e-12;
export const MAX_ANDERSON_DEPTH = 50;
/** Larger entries are no correlation or covariance anyone types; beyond ~1e150 the eigen-decomposition would overflow. */
export const MAX_ABSOLUTE_ENTRY = 1e6;

/** "newton" (default): Qi & Sun's Newton method; "alternatingProjections": Higham's method, Anderson-accelerated. */
export type NearestCorrelationMethod = "newton" | "alternatingProjections";
export const NEAREST_CORRELATION_METHODS: readonly NearestCorrelationMethod[] = ["newton", "alternatingProjections"];

export interface NearestCorrelationOptions {
  /** Convergence tolerance on the dual gradient (see `NearestCorrelationResult.residual`), > 0. Default 1e-10. */
  tolerance?: number;
  /** Cap on iterations (Newton steps, or projections onto the PSD cone), ≥ 1. Default 1000. */
  maxIterations?: number;
  /** Anderson acceleration depth of the alternating-projections route, integer 0–50. Default 12; 0 runs Higham's iteration unaccelerated. */
  andersonDepth?: number;
  /**
   * Wall-clock cap in milliseconds, > 0: no new iteration starts once this much time has passed since the call, or
   * when one more iteration (as long as the last) would end past it. Default: none (the iteration cap alone). The
   * adapters set one: XV.NEARCORR 4 s (`EXCEL_NEAREST_CORRELATION_TIME_BUDGET_MS`), `xvega nearcorr` 60 s unless --max-seconds.
   */
  timeBudgetMilliseconds?: number;
  /** Milliseconds from any fixed origin; default Date.now. Injected by tests to make the time cap deterministic. */
  clock?: () => number;
  /** Default "newton" (with locked entries, falling back to alternating projections if Newton stalls). */
  method?: NearestCorrelationMethod;
  /** δ, 0 ≤ δ < 1: the result's smallest eigenvalue is at least δ (positive definite for δ > 0). Default 0. */
  minEigenvalue?: number;
  /**
   * Entries that keep their (symmetrised) input value exactly: locked[i][j] true. Same size as the matrix; (i, j) or
   * (j, i) locks both; the diagonal is always 1 (a lock there changes nothing). Default: none.
   */
  locked?: readonly (readonly boolean[])[];
  /** Asset names, used only to name locked assets in messages ("rows 1, 2" without). */
  names?: readonly string[];
}

/** The entry of the output that moved most from the input (0-based indices; `change` = after − before). */
export interface EntryChange {
  row: number;
  column: number;
  before: number;
  after: number;
  change: number;
}

export interface NearestCorrelationResult {
  /** Exactly symmetric, diagonal exactly 1, off-diagonals in [−1, 1], smallest eigenvalue ≥ min_eigenvalue (to rounding). */
  matrix: number[][];
  /** Newton steps (Newton route) or projections onto the PSD cone (alternating projections); 0 when the input came back unchanged. */
  iterations: number;
  /**
   * False when `maxIterations` or the time budget ran out: `matrix` is then still valid, but not the nearest (and with
   * locked entries, those are not yet exactly the input's).
   */
  converged: boolean;
  /** What ended a run that did not converge: the iteration cap or the time budget; null when it converged. */
  stoppedBy: "iterations" | "time" | null;
  /**
   * The last dual gradient, max over the constrained entries of |target − (P(A + Y))_ij| (target 1 on the diagonal,
   * the input on locked entries; P the projection onto {λ ≥ δ}); ≤ tolerance when converged, 0 when unchanged.
   */
  residual: number;
  /** Wall-clock milliseconds spent, by `clock`. */
  elapsedMilliseconds: number;
  /** Largest |output − input| entry (input as given, before symmetrising); null when nothing changed. */
  largestChange: EntryChange | null;
}

export interface CheckedOptions {
  tolerance: number;
  maxIterations: number;
  andersonDepth: number;
  timeBudgetMilliseconds: number;
  clock: () => number;
  method: NearestCorrelationMethod;
  minEigenvalue: number;
}

export function checkOptions(options: NearestCorrelationOptions): CheckedOptions {
  const timeBudgetMilliseconds = options.timeBudgetMilliseconds ?? Number.POSITIVE_INFINITY;
  if (!(timeBudgetMilliseconds > 0)) {
    throw new CorrelationInputError("invalidInput", `time budget ${timeBudgetMilliseconds} ms must be a positive number of milliseconds`);
  }
  const tolerance = options.tolerance ?? DEFAULT_NEAREST_CORRELATION_TOLERANCE;
  const maxIterations = options.maxIterations ?? DEFAULT_NEAREST_CORRELATION_MAX_ITERATIONS;
  const andersonDepth = options.andersonDepth ?? DEFAULT_ANDERSON_DEPTH;
  const minEigenvalue = options.minEigenvalue ?? 0;
  const method = options.method ?? "newton";
  if (!(Number.isFinite(tolerance) && tolerance > 0)) {
    throw new CorrelationInputError("invalidInput", `tolerance ${tolerance} must be a positive number (default ${DEFAULT_NEAREST_CORRELATION_TOLERANCE})`);
  }
  if (!(Number.isInteger(maxIterations) && maxIterations >= 1)) {
    throw new CorrelationInputError("invalidInput", `maximum iterations ${maxIterations} must be a whole number ≥ 1 (default ${DEFAULT_NEAREST_CORRELATION_MAX_ITERATIONS})`);
  }
  if (!(Number.isInteger(andersonDepth) && andersonDepth >= 0 && andersonDepth <= MAX_ANDERSON_DEPTH)) {
    throw new CorrelationInputError("invalidInput", `Anderson depth ${andersonDepth} must be a whole number from 0 to ${MAX_ANDERSON_DEPTH} (default ${DEFAULT_ANDERSON_DEPTH})`);
  }
  if (!(typeof minEigenvalue === "number" && minEigenvalue >= 0 && minEigenvalue < 1)) {
    throw new CorrelationInputError(
      "invalidInput",
      `min_eigenvalue ${String(minEigenvalue)} must be a number from 0 up to (not including) 1: the eigenvalues of a correlation matrix average 1; 0 asks only for positive semidefinite, a small value such as 1e-8 for positive definite`,
    );
  }
  if (!NEAREST_CORRELATION_METHODS.includes(method)) {
    throw new CorrelationInputError("invalidInput", `method ${String(method)} must be one of ${NEAREST_CORRELATION_METHODS.join(", ")}`);
  }
  return { tolerance, maxIterations, andersonDepth, timeBudgetMilliseconds, clock: options.clock ?? Date.now, method, minEigenvalue };
}

export function checkMatrix(values: SquareMatrix): void {
  if (!Array.isArray(values) || values.length === 0) {
    throw new CorrelationInputError("invalidInput", "the matrix to repair is empty: give a square range of correlations");
  }
  const size = values.length;
  for (let i = 0; i < size; i++) {
    const row: readonly number[] | undefined = values[i];
    if (!Array.isArray(row) || row.length !== size) {
      throw new CorrelationInputError("invalidInput", `the matrix has ${size} rows but row ${i + 1} has ${row?.length ?? 0} entries: it must be square`);
    }
    for (let j = 0; j < size; j++) {
      const value = row[j] as number;
      // value − value === 0 first (a finite number, or text the type test then refuses): see flatCorrelation.ts.
      if (!(value - value === 0) || typeof value !== "number") {
        throw new CorrelationInputError("invalidInput", `entry (row ${i + 1}, column ${j + 1}) is ${String(value)}: fill it in with a number before repairing`);
      }
      if (Math.abs(value) > MAX_ABSOLUTE_ENTRY) {
        throw new CorrelationInputError("invalidInput", `entry (row ${i + 1}, column ${j + 1}) is ${value}, larger than ${MAX_ABSOLUTE_ENTRY}: it cannot be a correlation; check the cell`);
      }
    }
  }
}
