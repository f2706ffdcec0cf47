/*
 * Importing a correlation matrix from a selected range laid out as XV_CORR (and as =XV.VOLCORR spills it): asset names
 * in the first row and the first column, the top-left cell blank or a label. Read by the Excel functions' own reader,
 * so the pane and =XV.HEDGE accept the same ranges with the same messages.
 */
import { findCorrelationScaleProblem } from "../../core/correlation";
import { parseVolChangeKind } from "../../ranges/historyReading";
import { readLabelledCorrelations } from "../../ranges/labelledRanges";
import { assetNameProblem } from "./assetNameRules";
import type { EditResult } from "./correlationConfig";
import { refusalMessage } from "./readerErrors";

/** How reader messages name the range ("the selection is 3 rows × 2 columns: give …"). */
const SELECTION = "the selection";

/**
 * A set-up from a labelled square range: (n + 1) × (n + 1) cells for n assets. The top-left cell sets the kind of
 * changes when it says abs/absolute or log/relative (as XV.VOLCORR writes it); blank or any other label ("ρ",
 * "Correlation") means absolute. Entries must be numbers (a refusal names the first that is not, by its row and
 * column assets); an invalid matrix (asymmetric, |ρ| > 1, diagonal ≠ 1, not PSD) is let in, so that the check shows
 * it and Repair can fix it; but a matrix typed in percent (100 on the diagonal) or a covariance matrix is refused with
 * the fix, since Repair would turn it into all 1s (`findCorrelationScaleProblem`). An unlabelled block of numbers is refused with a message asking for the labels: guessing
 * names would make the matrix unusable by the hedge, which looks assets up by name. Vol-of-vols start unset.
 */
export function importLabelledRange(values: unknown[][], now: Date): EditResult {
  let read: ReturnType<typeof readLabelledCorrelations>;
  try {
    read = readLabelledCorrelations(values, SELECTION);
  } catch (error) {
    return { ok: false, message: refusalMessage(error) };
  }
  for (let k = 0; k < read.assets.length; k++) {
    const problem = assetNameProblem(read.assets[k], read.assets.slice(0, k));
    if (problem) return { ok: false, message: `${SELECTION}, column ${k + 2} of its first row: ${problem}` };
  }
  for (let i = 0; i < read.values.length; i++) {
    for (let j = 0; j < read.values.length; j++) {
      const value = read.values[i]?.[j];
      if (!Number.isFinite(value)) {
        return { ok: false, message: `${SELECTION} entry (${read.assets[i]}, ${read.assets[j]}) is ${String(value)}: every correlation must be a finite number` };
      }
    }
  }
  const scaleProblem = findCorrelationScaleProblem(read.values, read.assets);
  if (scaleProblem) {
    const fix = scaleProblem.kind === "percent" ? "=XV.NEARCORR(range, \"percent\")" : "=XV.NEARCORR(range, \"covariance\")";
    return { ok: false, message: `${SELECTION}: ${scaleProblem.message}, then import again (${fix} spills it converted and repaired)` };
  }
  return {
    ok: true,
    config: {
      assets: read.assets,
      correlations: read.values,
      volOfVols: read.assets.map(() => null),
      changes: parseVolChangeKind(read.corner) ?? "absolute",
      metadata: { asOf: now.toISOString(), source: "selection", method: "imported", lambda: null, repaired: false },
    },
  };
}
