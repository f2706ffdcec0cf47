/*
 * Estimating the set-up from a selected history of implied-vol levels, with the very code behind =XV.VOLCORR and
 * =XV.VOLOFVOL: the functions' range reader (readHistory: names row, optional date column, gaps) and the engine's
 * estimateVolCorrelation. The same range and options give the same numbers, bit for bit.
 */
import { DEFAULT_EWMA_LAMBDA, estimateVolCorrelation, type VolCorrelationEstimate, type VolEstimationOptions } from "../../core/correlation";
import { readHistory, type ReadVolHistory } from "../../ranges/historyReading";
import { assetNameProblem } from "./assetNameRules";
import type { ChangeKind, CorrelationConfig } from "./correlationConfig";
import { refusalMessage } from "./readerErrors";

/** How reader messages name the range ("the selected history: column 3 of its first row is blank: …"). */
const HISTORY = "the selected history";

export interface HistoryEstimateOptions {
  /** "sample": equal weights over the whole selection, mean removed (n − 1), as XV.VOLCORR without lambda. */
  method: "sample" | "ewma";
  /** EWMA decay per day, 0 < λ ≤ 1; default 0.94 (RiskMetrics). Ignored for "sample" (the pane may keep the field filled). */
  lambda?: number;
  changes: ChangeKind;
}

/**
 * An EditResult (assignable to it) that also says what the estimate rests on, for the pane to show beside it:
 * `warnings` are the reader's (text dates whose order could not be checked) then the engine's (an EWMA history shorter
 * than its window, a thin history: fewer effective changes than 20 or 5 per asset), as XV.VOLCHECK lists them; `changeCount` the
 * complete daily changes used and `skippedRowCount` the dated rows skipped for a gap.
 */
export type HistoryEstimateResult =
  | { ok: true; config: CorrelationConfig; warnings: string[]; changeCount: number; skippedRowCount: number }
  | { ok: false; message: string };

function engineOptions(options: HistoryEstimateOptions): VolEstimationOptions {
  if (options.method === "ewma") return { method: "ewma", lambda: options.lambda ?? DEFAULT_EWMA_LAMBDA, changes: options.changes };
  return { method: options.method, changes: options.changes };
}

/**
 * Correlations and vol-of-vols of daily implied-vol changes from a history range: asset names in the first row, one
 * row per date (oldest first, or newest first when a date column says so), an optional first date column. Refusals
 * (a missing name, too little history, an asset that never moved, a bad λ) come back as { ok: false, message }.
 */
export function estimateFromHistory(values: unknown[][], options: HistoryEstimateOptions, now: Date): HistoryEstimateResult {
  let history: ReadVolHistory;
  let estimate: VolCorrelationEstimate;
  try {
    history = readHistory(values, HISTORY, options.changes);
    estimate = estimateVolCorrelation(history, engineOptions(options));
  } catch (error) {
    return { ok: false, message: refusalMessage(error) };
  }
  for (let k = 0; k < estimate.assets.length; k++) {
    const problem = assetNameProblem(estimate.assets[k], estimate.assets.slice(0, k));
    if (problem) return { ok: false, message: `${HISTORY}: ${problem}` };
  }
  const finite = estimate.volOfVols.every(Number.isFinite) && estimate.correlation.every((row) => row.every(Number.isFinite));
  if (!finite) return { ok: false, message: `${HISTORY} gives a vol-of-vol or correlation that is not a finite number: check it for levels far too large` };
  return {
    ok: true,
    config: {
      assets: estimate.assets,
      correlations: estimate.correlation,
      volOfVols: estimate.volOfVols,
      changes: estimate.changes,
      metadata: { asOf: now.toISOString(), source: "history", method: estimate.method, lambda: estimate.lambda, repaired: false },
    },
    warnings: [...history.warnings, ...estimate.warnings.map((warning) => warning.message)],
    changeCount: estimate.changeCount,
    skippedRowCount: estimate.incompleteLevelRows.length,
  };
}
