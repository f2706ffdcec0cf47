import { Matrix, solve } from "ml-matrix";
import { CorrelationInputError } from "./correlationErrors";
import { SymmetricEigenSolver } from "./symmetricEigenSolver";
import { smallestOf, type SquareMatrix } from "./symmetricMatrix";

/** Stop when every diagonal entry of the PSD projection is within this of 1 (see `nearestCorrelationMatrix`). */
export const DEFAULT_NEAREST_CORRELATION_TOLERANCE = 1e-10;
export const DEFAULT_NEAREST_CORRELATION_MAX_ITERATIONS = 1000;
/** Anderson acceleration depth (past steps combined); 0 gives Higham's plain iteration. */
export const DEFAULT_ANDERSON_DEPTH = 12;
/** An input is returned as it is when its smallest eigenvalue is at least −this (and it is exactly a correlation matrix otherwise). */
export const UNCHANGED_EIGENVALUE_TOLERANCE = 1e-12;
const MAX_ANDERSON_DEPTH = 50;
/** Larger entries are no correlation or covariance anyone types; beyond ~1e150 the eigen-decomposition would overflow. */
export const MAX_ABSOLUTE_ENTRY = 1e6;
/** An Anderson step whose residual grows by more than this factor over the best so far restarts the history. */
const ANDERSON_RESTART_GROWTH = 10;

export interface NearestCorrelationOptions {
  /** Convergence tolerance on max_i |1 − (P_S(A + diag y))_ii| (the dual gradient), > 0. Default 1e-10. */
  tolerance?: number;
  /** Cap on iterations (projections onto the PSD cone, one eigen-decomposition each), ≥ 1. Default 1000. */
  maxIterations?: number;
  /** Anderson acceleration depth, integer 0–50. Default 12; 0 runs Higham's iteration unaccelerated. */
  andersonDepth?: number;
  /**
   * Wall-clock cap in milliseconds, > 0: no new iteration starts once this much time has passed since the call (so
   * the run overshoots by at most one eigen-decomposition). Default: none (the iteration cap alone). The adapters
   * set one: XV.NEARCORR 4 s (`EXCEL_NEAREST_CORRELATION_TIME_BUDGET_MS`), `xvega nearcorr` 60 s unless --max-seconds.
   */
  timeBudgetMilliseconds?: number;
  /** Milliseconds from any fixed origin; default Date.now. Injected by tests to make the time cap deterministic. */
  clock?: () => number;
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
  /** Exactly symmetric, diagonal exactly 1, off-diagonals in [−1, 1], positive semidefinite. */
  matrix: number[][];
  /** Projections onto the PSD cone (Higham's k, one eigen-decomposition each); 0 when the input came back unchanged. */
  iterations: number;
  /** False when `maxIterations` or the time budget ran out: `matrix` is then still a valid correlation matrix, but not the nearest. */
  converged: boolean;
  /** What ended a run that did not converge: the iteration cap or the time budget; null when it converged. */
  stoppedBy: "iterations" | "time" | null;
  /** The last max_i |1 − (P_S(A + diag y))_ii| (≤ tolerance when converged); 0 when the input came back unchanged. */
  residual: number;
  /** Wall-clock milliseconds spent, by `clock`. */
  elapsedMilliseconds: number;
  /** Largest |output − input| entry (input as given, before symmetrising); null when nothing changed. */
  largestChange: EntryChange | null;
}

type CheckedOptions = Required<Pick<NearestCorrelationOptions, "tolerance" | "maxIterations" | "andersonDepth" | "timeBudgetMilliseconds" | "clock">>;

function checkOptions(options: NearestCorrelationOptions): CheckedOptions {
  const timeBudgetMilliseconds = options.timeBudgetMilliseconds ?? Number.POSITIVE_INFINITY;
  if (!(timeBudgetMilliseconds > 0)) {
    throw new CorrelationInputError("invalidInput", `time budget ${timeBudgetMilliseconds} ms must be a positive number of milliseconds`);
  }
  const tolerance = options.tolerance ?? DEFAULT_NEAREST_CORRELATION_TOLERANCE;
  const maxIterations = options.maxIterations ?? DEFAULT_NEAREST_CORRELATION_MAX_ITERATIONS;
  const andersonDepth = options.andersonDepth ?? DEFAULT_ANDERSON_DEPTH;
  if (!(Number.isFinite(tolerance) && tolerance > 0)) {
    throw new CorrelationInputError("invalidInput", `tolerance ${tolerance} must be a positive number (default ${DEFAULT_NEAREST_CORRELATION_TOLERANCE})`);
  }
  if (!(Number.isInteger(maxIterations) && maxIterations >= 1)) {
    throw new CorrelationInputError("invalidInput", `maximum iterations ${maxIterations} must be a whole number ≥ 1 (default ${DEFAULT_NEAREST_CORRELATION_MAX_ITERATIONS})`);
  }
  if (!(Number.isInteger(andersonDepth) && andersonDepth >= 0 && andersonDepth <= MAX_ANDERSON_DEPTH)) {
    throw new CorrelationInputError("invalidInput", `Anderson depth ${andersonDepth} must be a whole number from 0 to ${MAX_ANDERSON_DEPTH} (default ${DEFAULT_ANDERSON_DEPTH})`);
  }
  return { tolerance, maxIterations, andersonDepth, timeBudgetMilliseconds, clock: options.clock ?? Date.now };
}

function checkMatrix(values: SquareMatrix): void {
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
      const value = row[j];
      if (typeof value !== "number" || !Number.isFinite(value)) {
        throw new CorrelationInputError("invalidInput", `entry (row ${i + 1}, column ${j + 1}) is ${String(value)}: fill it in with a number before repairing`);
      }
      if (Math.abs(value) > MAX_ABSOLUTE_ENTRY) {
        throw new CorrelationInputError("invalidInput", `entry (row ${i + 1}, column ${j + 1}) is ${value}, larger than ${MAX_ABSOLUTE_ENTRY}: it cannot be a correlation; check the cell`);
      }
    }
  }
}

/** Exactly a correlation matrix already (symmetric, unit diagonal, |ρ| ≤ 1) apart from the eigenvalue test. */
function hasExactCorrelationEntries(values: SquareMatrix): boolean {
  return values.every((row, i) =>
    row.every((value, j) => (i === j ? value === 1 : Math.abs(value) <= 1 && value === values[j]?.[i])),
  );
}

/** (A + Aᵀ)/2, row-major in one array (the numbers `symmetrise` gives). */
function symmetrisedArray(values: SquareMatrix): Float64Array {
  const size = values.length;
  const result = new Float64Array(size * size);
  for (let i = 0; i < size; i++) {
    const rowI = values[i] as readonly number[];
    result[i * size + i] = rowI[i] as number;
    for (let j = i + 1; j < size; j++) {
      const average = ((rowI[j] as number) + ((values[j] as readonly number[])[i] as number)) / 2;
      result[i * size + j] = average;
      result[j * size + i] = average;
    }
  }
  return result;
}

/** Loads A + diag(y) into the solver (overwriting its last decomposition) and decomposes it. */
function decomposeShifted(solver: SymmetricEigenSolver, symmetric: Float64Array, y: Float64Array): void {
  const size = solver.size;
  solver.vectors.set(symmetric);
  for (let i = 0; i < size; i++) solver.vectors[i * size + i] = (symmetric[i * size + i] as number) + (y[i] as number);
  solver.decompose();
}

/**
 * diag(P_S(M)) from an eigen-decomposition of M = A + diag(y): M_ii − Σ_{λk<0} λk·V_ik². Row k of `vectors` is the
 * eigenvector of eigenvalues[k] (`SymmetricEigenSolver`).
 */
function projectedDiagonal(symmetric: Float64Array, y: Float64Array, eigenvalues: Float64Array, vectors: Float64Array): Float64Array {
  const size = y.length;
  const diagonal = new Float64Array(size);
  for (let i = 0; i < size; i++) diagonal[i] = (symmetric[i * size + i] as number) + (y[i] as number);
  for (let k = 0; k < size; k++) {
    const eigenvalue = eigenvalues[k] as number;
    if (eigenvalue >= 0) continue;
    for (let i = 0; i < size; i++) {
      const component = vectors[k * size + i] as number;
      diagonal[i] = (diagonal[i] as number) - eigenvalue * component * component;
    }
  }
  return diagonal;
}

/**
 * P_S(M) = V·max(Λ, 0)·Vᵀ rescaled to unit diagonal, D^(−1/2)·P_S(M)·D^(−1/2): a congruence, so the result stays PSD,
 * and at convergence D is within `tolerance` of I so the rescaling moves entries by at most about that much. The
 * upper triangle is computed and mirrored, so the output is exactly symmetric. Each entry sums the eigenvectors'
 * terms in increasing k; the loop runs over k outermost so that it reads each eigenvector (a row of `vectors`) in order.
 */
function rescaledProjection(eigenvalues: Float64Array, vectors: Float64Array): number[][] {
  const size = eigenvalues.length;
  const projection = new Float64Array(size * size);
  for (let k = 0; k < size; k++) {
    const weight = eigenvalues[k] as number;
    if (!(weight > 0)) continue;
    const vector = k * size;
    for (let i = 0; i < size; i++) {
      const weighted = weight * (vectors[vector + i] as number);
      const rowI = i * size;
      for (let j = i; j < size; j++) projection[rowI + j] = (projection[rowI + j] as number) + weighted * (vectors[vector + j] as number);
    }
  }
  const scale = new Float64Array(size);
  for (let i = 0; i < size; i++) {
    const diagonal = projection[i * size + i] as number;
    scale[i] = diagonal > 0 ? 1 / Math.sqrt(diagonal) : 0;
  }
  const result: number[][] = Array.from({ length: size }, () => new Array<number>(size).fill(0));
  for (let i = 0; i < size; i++) {
    const resultI = result[i] as number[];
    resultI[i] = 1;
    for (let j = i + 1; j < size; j++) {
      const value = Math.min(1, Math.max(-1, (projection[i * size + j] as number) * (scale[i] as number) * (scale[j] as number)));
      resultI[j] = value;
      (result[j] as number[])[i] = value;
    }
  }
  return result;
}

/**
 * The scalar c with Σ_k max(λ_k + c, 0) = n: the trace of P_S(A + c·I) is then n, the trace of any correlation
 * matrix. Starting the iteration at y = c·1 instead of 0 saves a few iterations and no work: A + c·I has the
 * eigenvectors of A and eigenvalues λ + c. The sum is increasing and piecewise linear in c; with the eigenvalues sorted
 * descending, try "the top m are positive" for m = 1, 2, … until it is consistent.
 */
export function traceMatchingShift(eigenvalues: readonly number[]): number {
  const size = eigenvalues.length;
  const descending = [...eigenvalues].sort((a, b) => b - a);
  let sum = 0;
  for (let m = 1; m <= size; m++) {
    sum += descending[m - 1] ?? 0;
    const shift = (size - sum) / m;
    const next = descending[m];
    if ((descending[m - 1] ?? 0) + shift > 0 && (next === undefined || next + shift <= 0)) return shift;
  }
  return (size - sum) / size;
}

function largestChangeOf(before: SquareMatrix, after: number[][]): EntryChange | null {
  let largest: EntryChange | null = null;
  before.forEach((row, i) =>
    row.forEach((value, j) => {
      const updated = after[i]?.[j] ?? value;
      const change = updated - value;
      if (change !== 0 && (largest === null || Math.abs(change) > Math.abs(largest.change))) {
        largest = { row: i, column: j, before: value, after: updated, change };
      }
    }),
  );
  return largest;
}

/**
 * Anderson acceleration (type II) of the fixed-point map y ↦ g(y) = y + f(y): keeps the last `depth` differences of
 * g and f and steps to g_k − ΔG·γ with γ the least-squares solution of ΔF·γ ≈ f_k (ml-matrix SVD solve, which copes
 * with nearly dependent columns). Higham & Strabić (2016) proposed Anderson acceleration for this method.
 */
class AndersonMixer {
  private readonly gHistory: Float64Array[] = [];
  private readonly fHistory: Float64Array[] = [];

  constructor(private readonly depth: number) {}

  reset(): void {
    this.gHistory.length = 0;
    this.fHistory.length = 0;
  }

  next(y: Float64Array, f: Float64Array): Float64Array {
    const size = y.length;
    const g = new Float64Array(size);
    for (let i = 0; i < size; i++) g[i] = (y[i] ?? 0) + (f[i] ?? 0);
    if (this.depth === 0) return g;
    this.gHistory.push(g);
    this.fHistory.push(f);
    if (this.gHistory.length > this.depth + 1) {
      this.gHistory.shift();
      this.fHistory.shift();
    }
    const steps = this.gHistory.length - 1;
    if (steps === 0) return g;
    const deltaF = new Matrix(size, steps);
    const deltaG = new Matrix(size, steps);
    for (let s = 0; s < steps; s++) {
      const fFrom = this.fHistory[s] ?? f;
      const fTo = this.fHistory[s + 1] ?? f;
      const gFrom = this.gHistory[s] ?? g;
      const gTo = this.gHistory[s + 1] ?? g;
      for (let i = 0; i < size; i++) {
        deltaF.set(i, s, (fTo[i] ?? 0) - (fFrom[i] ?? 0));
        deltaG.set(i, s, (gTo[i] ?? 0) - (gFrom[i] ?? 0));
      }
    }
    const gamma = solve(deltaF, Matrix.columnVector(Array.from(f)), true).getColumn(0);
    const mixed = new Float64Array(size);
    for (let i = 0; i < size; i++) {
      let value = g[i] ?? 0;
      for (let s = 0; s < steps; s++) value -= deltaG.get(i, s) * (gamma[s] ?? 0);
      mixed[i] = value;
    }
    if (mixed.every(Number.isFinite)) return mixed;
    this.reset();
    return g;
  }
}

/**
 * Nearest correlation matrix in the Frobenius norm (Higham 2002, "Computing the nearest correlation matrix — a
 * problem from finance", IMA J. Numer. Anal. 22, Algorithm 3.3 with W = I): alternating projections with Dykstra's
 * correction onto S (PSD cone: clip the eigenvalues of the symmetrised matrix at 0) and U (unit diagonal).
 *
 * Implementation notes. The input is first symmetrised, (A + Aᵀ)/2 (the skew part is orthogonal to every symmetric
 * matrix, so this changes no answer). Because P_U only rewrites the diagonal, Dykstra's correction ΔS is diagonal and
 * Higham's iterate R_k = Y_{k−1} − ΔS_{k−1} is always A + diag(y_k), with y_{k+1} = y_k + (1 − diag P_S(A + diag y_k)).
 * That is gradient ascent with step 1 on the concave dual θ(y) = 1ᵀy − ½‖P_S(A + diag y)‖² (Qi & Sun 2006), whose
 * gradient 1 − diag P_S(A + diag y) is 1-Lipschitz, so it converges from any starting y, not only Higham's y = 0.
 * The iteration is run in that form:
 * - starting from y = c·1, c the trace-matching shift (`traceMatchingShift`), which costs no extra decomposition;
 * - Anderson-accelerated, as proposed for this method by Higham & Strabić (2016), "Anderson acceleration of the
 *   alternating projections method for computing the nearest correlation matrix", Numer. Algorithms 72 (depth 0 = the
 *   plain iteration; same fixed point), restarting the acceleration when the residual grows tenfold;
 * - stopping when max_i |1 − (P_S(A + diag y))_ii| ≤ tolerance. At 0 that is exactly the optimality condition
 *   (X = P_S(A + diag y) with unit diagonal).
 * The output is that last projection rescaled to unit diagonal, which keeps it PSD (`rescaledProjection`), rather than
 * the projection with its diagonal overwritten by 1 (which can leave an eigenvalue of −tolerance).
 *
 * An input that is already exactly a correlation matrix (symmetric, unit diagonal, |ρ| ≤ 1, smallest eigenvalue
 * ≥ −1e-12) comes back unchanged with 0 iterations. Entries must be finite; |ρ| > 1 and diagonals ≠ 1 are allowed
 * (that is what gets repaired). Cost: one symmetric eigen-decomposition per iteration, O(n³). The run is bounded by
 * `maxIterations` and, when given, `timeBudgetMilliseconds` (read from `clock`, injectable for deterministic tests);
 * a run stopped by either returns a valid but not nearest matrix with `converged` false, `stoppedBy` and `residual`.
 * Percent or covariance matrices are not detected here (`correlationsFromInput` does that for the adapters).
 */
export function nearestCorrelationMatrix(values: SquareMatrix, options: NearestCorrelationOptions = {}): NearestCorrelationResult {
  checkMatrix(values);
  const { tolerance, maxIterations, andersonDepth, timeBudgetMilliseconds, clock } = checkOptions(options);
  const start = clock();
  const size = values.length;
  const symmetric = symmetrisedArray(values);
  // One solver for every iteration: its arrays are reused, and `vectors` always holds the latest decomposition.
  const solver = new SymmetricEigenSolver(size);
  solver.vectors.set(symmetric);
  solver.decompose();
  const firstEigenvalues = Array.from(solver.values);
  if (hasExactCorrelationEntries(values) && smallestOf(firstEigenvalues) >= -UNCHANGED_EIGENVALUE_TOLERANCE) {
    return { matrix: values.map((row) => row.slice()), iterations: 0, converged: true, stoppedBy: null, residual: 0, elapsedMilliseconds: clock() - start, largestChange: null };
  }
  // More past steps than unknowns would make the least-squares problem underdetermined.
  const mixer = new AndersonMixer(Math.min(andersonDepth, size));
  const startShift = traceMatchingShift(firstEigenvalues);
  let y: Float64Array = new Float64Array(size).fill(startShift);
  // A + c·I has A's eigenvectors (already in the solver) and eigenvalues λ + c: no second decomposition.
  let eigenvalues: Float64Array = Float64Array.from(firstEigenvalues, (value) => value + startShift);
  let bestResidual = Number.POSITIVE_INFINITY;
  let stoppedBy: NearestCorrelationResult["stoppedBy"] = null;
  let residual = Number.POSITIVE_INFINITY;
  let iterations = 1;
  let previousCheck = start;
  for (;;) {
    const diagonal = projectedDiagonal(symmetric, y, eigenvalues, solver.vectors);
    const f = new Float64Array(size);
    residual = 0;
    for (let i = 0; i < size; i++) {
      f[i] = 1 - (diagonal[i] ?? 0);
      residual = Math.max(residual, Math.abs(f[i] ?? 0));
    }
    if (residual <= tolerance) break;
    if (iterations >= maxIterations) {
      stoppedBy = "iterations";
      break;
    }
    // Stop before an iteration that would end past the budget (one more costs about what the last did), so the
    // budget bounds the whole call, not just the start of its last iteration.
    const now = clock();
    const lastIterationMilliseconds = now - previousCheck;
    previousCheck = now;
    if (now - start + lastIterationMilliseconds >= timeBudgetMilliseconds) {
      stoppedBy = "time";
      break;
    }
    if (residual > ANDERSON_RESTART_GROWTH * bestResidual) mixer.reset();
    bestResidual = Math.min(bestResidual, residual);
    y = mixer.next(y, f);
    decomposeShifted(solver, symmetric, y);
    eigenvalues = solver.values;
    iterations++;
  }
  const matrix = rescaledProjection(eigenvalues, solver.vectors);
  return {
    matrix,
    iterations,
    converged: stoppedBy === null,
    stoppedBy,
    residual,
    elapsedMilliseconds: clock() - start,
    largestChange: largestChangeOf(values, matrix),
  };
}
