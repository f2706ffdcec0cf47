/*
 * The correlation set-up the pane edits and saves into the workbook: the contract between the pane's pure logic
 * (src/taskpane/correlation), its Office module (src/taskpane/workbook) and its view (src/taskpane/pane).
 */

/** How vol moves are measured: absolute vol-point changes, or log (relative) changes of the vol level. */
export type ChangeKind = "absolute" | "log";

/** Where the matrix came from and how; saved beside it as XV_META. */
export interface ConfigMetadata {
  /** When the set-up was last saved or built, ISO 8601 UTC ("2026-11-21T08:00:00.000Z"). */
  asOf: string;
  /** "manual": typed in the pane; "selection": imported from a labelled range; "history": estimated from vol levels. */
  source: "manual" | "selection" | "history";
  /** "typed" / "imported" for the first two sources; "sample" or "ewma" for an estimate. */
  method: "typed" | "imported" | "sample" | "ewma";
  /** EWMA decay when method is "ewma"; null otherwise. */
  lambda: number | null;
  /** True when the matrix is the nearest-correlation repair of what was there before. */
  repaired: boolean;
}

export interface CorrelationConfig {
  /** Display names, unique when trimmed and compared case-insensitively (the hedge's rule). */
  assets: string[];
  /** Square, assets.length × assets.length, row and column in `assets` order. Not necessarily valid: see checks. */
  correlations: number[][];
  /** Per asset: standard deviation of daily vol changes (vol points for absolute, log units for log); null = not set. */
  volOfVols: (number | null)[];
  changes: ChangeKind;
  metadata: ConfigMetadata;
}

/** The result of an edit: the new set-up, or a refusal whose message says what was wrong and what is expected. */
export type EditResult = { ok: true; config: CorrelationConfig } | { ok: false; message: string };
