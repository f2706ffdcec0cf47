/*
 * Repair: the nearest correlation matrix with smallest eigenvalue ≥ PANE_REPAIR_MIN_EIGENVALUE (the engine's Newton
 * route), as a preview the pane shows before/after with the largest change; the user then keeps `repaired` or not.
 */
import {
  CorrelationInputError,
  DEFAULT_NEAREST_CORRELATION_TOLERANCE,
  describeNotConverged,
  nearestCorrelationMatrix,
  type NearestCorrelationResult,
} from "../../core/correlation";
import type { CorrelationConfig } from "./correlationConfig";

export interface RepairPreview {
  /** The set-up with the nearest correlation matrix and metadata.repaired true (asOf now); the input itself when nothing changed. */
  repaired: CorrelationConfig;
  changed: boolean;
  /** The entry that moved most (the first of a symmetric pair, upper triangle); null when nothing changed. */
  largestChange: { rowAsset: string; columnAsset: string; before: number; after: number } | null;
  /** Newton steps; 0 when the matrix was already valid. */
  iterations: number;
  /** False when the iteration cap ran out: `repaired` is then a valid correlation matrix, but not the nearest. */
  converged: boolean;
  /** When not converged: which limit stopped it, after how long, the residual and what to do. */
  notConverged?: string;
  /** Set when the matrix cannot be repaired (a non-finite entry, a non-square matrix): nothing changed, and this says why. */
  problem?: string;
}

/**
 * The nearest valid correlation matrix to the set-up's (vol-of-vols, names, changes and provenance kept, `repaired`
 * set). A matrix that is already valid comes back unchanged (same object, changed false, iterations 0), and so does an
 * empty set-up.
 */
/** The pane waits for a repair at most this long, as XV.NEARCORR does: a hard matrix never freezes the pane. */
export const PANE_REPAIR_TIME_BUDGET_MS = 4000;
/**
 * The pane repairs to a smallest eigenvalue of at least this, not 0: a matrix right on the PSD boundary is singular,
 * its condition number "∞ (singular)" and a hedge on it unsolvable without a ridge. 1e-8 moves entries by about that
 * much, and keeps λmax/λmin ≤ n·1e8, below the hedge solver's 1e12 limit for any universe under 10,000 assets.
 */
export const PANE_REPAIR_MIN_EIGENVALUE = 1e-8;

export function repairConfig(config: CorrelationConfig, now: Date, clock: () => number = Date.now): RepairPreview {
  const unchanged = (iterations: number, converged: boolean): RepairPreview => ({ repaired: config, changed: false, largestChange: null, iterations, converged });
  if (config.assets.length === 0) return unchanged(0, true);
  let result: NearestCorrelationResult;
  try {
    result = nearestCorrelationMatrix(config.correlations, { timeBudgetMilliseconds: PANE_REPAIR_TIME_BUDGET_MS, clock, minEigenvalue: PANE_REPAIR_MIN_EIGENVALUE });
  } catch (error) {
    if (!(error instanceof CorrelationInputError)) throw error;
    return { ...unchanged(0, false), problem: error.message };
  }
  const change = result.largestChange;
  if (change === null) return unchanged(result.iterations, result.converged);
  return {
    repaired: { ...config, correlations: result.matrix, metadata: { ...config.metadata, asOf: now.toISOString(), repaired: true } },
    changed: true,
    largestChange: {
      rowAsset: config.assets[change.row] ?? `row ${change.row + 1}`,
      columnAsset: config.assets[change.column] ?? `column ${change.column + 1}`,
      before: change.before,
      after: change.after,
    },
    iterations: result.iterations,
    converged: result.converged,
    ...(result.converged ? {} : { notConverged: describeNotConverged(result, DEFAULT_NEAREST_CORRELATION_TOLERANCE, "the preview is valid but not the nearest matrix; fix the typed entries and repair again") }),
  };
}
