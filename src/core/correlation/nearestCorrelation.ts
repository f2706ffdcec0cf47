import { solveByAlternatingProjections, type DualRun } from "./alternatingProjections";
import { correlationFromDecomposition, decomposeAt, hasExactCorrelationEntries, largestChangeOf, symmetrisedArray, traceMatchingShift, type DualProblem } from "./dualProblem";
import { IterationLimits } from "./iterationLimits";
import { readLockedPairs } from "./lockedEntries";
import { solveByNewton } from "./newtonNearestCorrelation";
import { checkMatrix, checkOptions, UNCHANGED_EIGENVALUE_TOLERANCE, type NearestCorrelationOptions, type NearestCorrelationResult } from "./nearestCorrelationOptions";
import { SymmetricEigenSolver } from "./symmetricEigenSolver";
import type { SquareMatrix } from "./symmetricMatrix";

export {
  DEFAULT_ANDERSON_DEPTH,
  DEFAULT_NEAREST_CORRELATION_MAX_ITERATIONS,
  DEFAULT_NEAREST_CORRELATION_TOLERANCE,
  MAX_ABSOLUTE_ENTRY,
  NEAREST_CORRELATION_METHODS,
  UNCHANGED_EIGENVALUE_TOLERANCE,
  type EntryChange,
  type NearestCorrelationMethod,
  type NearestCorrelationOptions,
  type NearestCorrelationResult,
} from "./nearestCorrelationOptions";
export { traceMatchingShift } from "./dualProblem";

/**
 * With locked entries the answer is solved for a smallest eigenvalue this much above min_eigenvalue (at most, and at
 * most half the room the locked blocks leave), per unit of tolerance·√(locked pairs): writing the locked entries back
 * exactly moves each by at most about the tolerance, which can lower the smallest eigenvalue by that much times
 * √(2·pairs), and the margin keeps the result at or above min_eigenvalue all the same.
 */
const LOCKED_MARGIN_PER_TOLERANCE = 4;
/** Newton steps tried with locked entries before handing over to the alternating projections. */
const LOCKED_NEWTON_MAX_STEPS = 30;

/**
 * Nearest correlation matrix in the Frobenius norm: minimises ‖X − A‖_F subject to diag(X) = 1, X_ij = A_ij on locked
 * entries and λmin(X) ≥ δ (min_eigenvalue, default 0), A symmetrised first ((A + Aᵀ)/2: the skew part is orthogonal to
 * every symmetric matrix, so this changes no answer). The unique answer.
 *
 * Routes. δ is handled by a shift: X − δI is the nearest PSD matrix to A − δI with diagonal 1 − δ (its off-diagonals
 * are X's), so both routes solve "nearest PSD matrix with a given diagonal" (`DualProblem`).
 * - Default: Newton's method on the dual (Qi & Sun 2006; Borsdorf & Higham 2010), quadratically convergent,
 *   `solveByNewton`; `iterations` counts Newton steps. Locked entries add one dual variable per pair
 *   (`newtonLockedEntries.ts`); if that has not converged in `LOCKED_NEWTON_MAX_STEPS` steps, the run continues with:
 * - `method: "alternatingProjections"`: Higham's (2002) alternating projections with Dykstra's correction, the locked
 *   entries in the affine set, Anderson-accelerated (`solveByAlternatingProjections`).
 * Both start from the trace-matching shift (`traceMatchingShift`) and stop when the dual gradient (`residual`) is at
 * most `tolerance`. The output is the last projection rescaled to the exact diagonal (a congruence, so its eigenvalues
 * stay ≥ δ), δ added back; locked entries are then written back bit-identical to the symmetrised input (with a tiny
 * margin on δ in the solve so the eigenvalue bound survives that, `LOCKED_MARGIN_PER_TOLERANCE`).
 *
 * An input that is already exactly a correlation matrix (symmetric, unit diagonal, |ρ| ≤ 1, smallest eigenvalue
 * ≥ δ − 1e-12) comes back unchanged with 0 iterations. Entries must be finite; |ρ| > 1 and diagonals ≠ 1 are allowed
 * (that is what gets repaired). Locked entries that admit no answer are an error naming the assets
 * (`readLockedPairs`). Known limit: a locked block whose smallest eigenvalue is at or within about 1e-3 of
 * min_eigenvalue (a locked correlation of ±1 or 0.99999, a singular locked block) leaves the problem without an
 * interior point; both routes then converge slowly and may stop at the iteration cap (facial reduction would fix it).
 * Cost: one symmetric eigen-decomposition per iteration (and per line-search trial), O(n³). The run is bounded by
 * `maxIterations` and, when given, `timeBudgetMilliseconds` (read from `clock`); a run stopped by either returns a valid but not nearest matrix with `converged` false, `stoppedBy` and `residual`. Percent or
 * covariance matrices are not detected here (`correlationsFromInput` does that for the adapters).
 */
export function nearestCorrelationMatrix(values: SquareMatrix, options: NearestCorrelationOptions = {}): NearestCorrelationResult {
  checkMatrix(values);
  const { tolerance, maxIterations, andersonDepth, timeBudgetMilliseconds, clock, method, minEigenvalue } = checkOptions(options);
  const start = clock();
  const size = values.length;
  const symmetric = symmetrisedArray(values);
  const locked = options.locked === undefined ? null : readLockedPairs(options.locked, symmetric, size, minEigenvalue, options.names);
  const pairs = locked?.rows.length ?? 0;
  const margin = pairs === 0 ? 0 : Math.max(0, Math.min((locked?.room ?? 0) / 2, LOCKED_MARGIN_PER_TOLERANCE * tolerance * Math.sqrt(2 * pairs)));
  const shift = minEigenvalue + margin;
  // G = (A + Aᵀ)/2 − shift·I; the first decomposition is of G with its diagonal set to the target 1 − shift.
  const shifted = Float64Array.from(symmetric);
  for (let i = 0; i < size; i++) shifted[i * size + i] = (symmetric[i * size + i] as number) - shift;
  const problem: DualProblem = {
    size,
    shifted,
    targetDiagonal: 1 - shift,
    lockedRows: locked?.rows ?? new Int32Array(0),
    lockedColumns: locked?.columns ?? new Int32Array(0),
    lockedValues: locked?.values ?? new Float64Array(0),
  };
  const toTarget = Float64Array.from({ length: size }, (_, i) => problem.targetDiagonal - (shifted[i * size + i] as number));
  // One solver for every iteration: its arrays are reused, and `vectors` always holds the latest decomposition.
  const solver = new SymmetricEigenSolver(size);
  decomposeAt(solver, problem, toTarget, null);
  const firstEigenvalues = Array.from(solver.values);
  // For an exact correlation matrix the matrix just decomposed is A − shift·I.
  if (hasExactCorrelationEntries(values) && (firstEigenvalues[0] as number) + shift >= minEigenvalue - UNCHANGED_EIGENVALUE_TOLERANCE) {
    return { matrix: values.map((row) => row.slice()), iterations: 0, converged: true, stoppedBy: null, residual: 0, elapsedMilliseconds: clock() - start, largestChange: null };
  }
  const startShift = traceMatchingShift(firstEigenvalues, size * problem.targetDiagonal);
  const startDiagonal = toTarget.map((value) => value + startShift);
  // G + diag(start) has the eigenvectors just computed and eigenvalues λ + startShift: no second decomposition.
  for (let k = 0; k < size; k++) solver.values[k] = (solver.values[k] as number) + startShift;
  const limits = new IterationLimits(start, maxIterations, timeBudgetMilliseconds, clock);
  let run: DualRun;
  if (method === "alternatingProjections") {
    run = solveByAlternatingProjections(problem, solver, startDiagonal, tolerance, andersonDepth, limits);
  } else if (pairs === 0) {
    run = solveByNewton(problem, solver, startDiagonal, tolerance, limits);
  } else {
    // Locked entries: Newton first, for a few steps (quadratic when it works); if it has not converged by then (a
    // nearly singular locked block can stall it), the alternating projections, which converge from anywhere.
    const newtonLimits = new IterationLimits(start, Math.min(maxIterations, LOCKED_NEWTON_MAX_STEPS), timeBudgetMilliseconds, clock);
    const newton = solveByNewton(problem, solver, startDiagonal, tolerance, newtonLimits);
    if (newton.stoppedBy === "iterations" && newton.iterations < maxIterations) {
      decomposeAt(solver, problem, startDiagonal, null);
      const projections = solveByAlternatingProjections(problem, solver, startDiagonal, tolerance, andersonDepth, limits);
      run = { ...projections, iterations: newton.iterations + projections.iterations };
    } else {
      run = newton;
    }
  }
  const matrix = correlationFromDecomposition(solver.values, solver.vectors, problem.targetDiagonal);
  // Written back only at convergence, where each moves by at most about the tolerance (covered by the margin). A run
  // stopped early keeps the projection as it is: valid (positive semidefinite) but, like any unconverged result, not
  // the answer, and its locked entries not yet exact; writing them back could make it indefinite.
  for (let p = 0; p < (run.stoppedBy === null ? pairs : 0); p++) {
    const i = problem.lockedRows[p] as number;
    const j = problem.lockedColumns[p] as number;
    const value = problem.lockedValues[p] as number;
    (matrix[i] as number[])[j] = value;
    (matrix[j] as number[])[i] = value;
  }
  return {
    matrix,
    iterations: run.iterations,
    converged: run.stoppedBy === null,
    stoppedBy: run.stoppedBy,
    residual: run.residual,
    elapsedMilliseconds: clock() - start,
    largestChange: largestChangeOf(values, matrix),
  };
}
