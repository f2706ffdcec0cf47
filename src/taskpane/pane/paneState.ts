/*
 * What the pane shows, as data: the tab controllers write it through the store (paneStore.ts), the views only read it.
 */
import type { ConfigCheck, RepairPreview } from "../correlation";
import type { CorrelationConfig } from "../correlation/correlationConfig";
import type { CellExplanation } from "../explain/cellExplanation";
import type { HedgeForm, HedgePreview } from "./hedgePreview";
import type { OptionProblems, StabilityForm } from "./stabilityForm";
import type { StabilityOutcome } from "./stabilityRun";

export type { ConfigCheck, RepairPreview };

export type StatusTone = "info" | "success" | "error";

export interface PaneStatus {
  tone: StatusTone;
  text: string;
}

/** Where an edit refusal is shown: next to the control that was edited. */
export type MessageArea = "source" | "assets" | "matrix" | "save" | "hedge" | "stability";

export interface AreaMessage {
  area: MessageArea;
  text: string;
}

/** An in-pane yes/no (Office blocks window.confirm): what the user is asked, and what "yes" does. */
export type Confirmation =
  /** Save was asked for a matrix that fails the checks. */
  | { kind: "saveInvalid"; message: string }
  /** The workbook holds a sheet or names the add-in did not create; "Overwrite" saves `config` over them. */
  | { kind: "overwriteForeign"; message: string; config: CorrelationConfig; restoring: boolean }
  /** Restore previous save was asked while the editor holds unsaved edits. */
  | { kind: "restoreOverEdits"; message: string };

export interface HedgeState {
  form: HedgeForm;
  preview: HedgePreview | null;
  /** The editor's set-up the preview was computed from (compared by identity: any edit makes it stale). */
  previewConfig: CorrelationConfig | null;
  /** The sheet of the last inserted report. */
  lastReportSheet: string | null;
}

export interface StabilityState {
  form: StabilityForm;
  /** The refusal of each option field that holds a bad value (shown next to it until it is edited). */
  optionProblems: OptionProblems;
  /** The last run's backtest and stress (each its result or its message), or null before the first. */
  outcome: StabilityOutcome | null;
  /** The editor's set-up the stress ran under (compared by identity, as the hedge preview's). */
  outcomeConfig: CorrelationConfig | null;
  /** The sheet of the last inserted stability report. */
  lastReportSheet: string | null;
}

/** What the last "Estimate from selection" rests on, kept beside the source buttons until the next import or estimate. */
export interface EstimateReport {
  /** "Estimated BTC and ETH from 38 daily changes in Vols!A1:C40 (sample)." */
  summary: string;
  /** The estimate's caveats, one per line: the engine's warnings (thin history, …) and rows skipped for gaps. */
  warnings: string[];
}

export interface PaneState {
  /** Set when the host lacks an API the pane needs: workbook actions are off, the editor still works. */
  requirementProblem: string | null;
  /** What the pane is waiting for ("Saving…"), or null: workbook buttons are off while set. */
  busy: string | null;
  /** True once loadConfig() has answered (or failed). */
  started: boolean;
  /** The set-up in the editor. */
  config: CorrelationConfig;
  /** The set-up last loaded from or saved to the workbook; null when the workbook has none. */
  savedConfig: CorrelationConfig | null;
  /** The set-up that the last save replaced (one level of undo); null when there is none. */
  previousSave: CorrelationConfig | null;
  /** The editor differs from savedConfig (or holds something while nothing is saved). */
  unsaved: boolean;
  check: ConfigCheck;
  repair: RepairPreview | null;
  confirmation: Confirmation | null;
  message: AreaMessage | null;
  status: PaneStatus | null;
  hedge: HedgeState;
  stability: StabilityState;
  /** The facts and warnings of the estimate in the editor, or null (imported, typed, loaded). */
  estimate: EstimateReport | null;
  /** The last "Explain selected cell", or null before the first. */
  explanation: CellExplanation | null;
}
