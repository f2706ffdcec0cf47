/*
 * The pane's state and actions over a WorkbookGateway, without DOM: the views call these methods and re-render from
 * `state` on every change. Edits go through the correlation model (../correlation), whose refusals are shown next to
 * the control and leave the set-up as it was. Every workbook action settles: its error lands in the status region and
 * the busy flag is always cleared.
 */
import {
  addAsset,
  checkConfig,
  configsEqual,
  emptyConfig,
  estimateFromHistory,
  importLabelledRange,
  moveAsset,
  removeAsset,
  renameAsset,
  repairConfig,
  setChanges,
  setCorrelation,
  setVolOfVol,
} from "../correlation";
import type { ChangeKind, CorrelationConfig, EditResult } from "../correlation/correlationConfig";
import type { WorkbookGateway } from "../workbook/workbookGateway";
import { formatCorrelation } from "./format";
import { computeHedgePreview, EMPTY_HEDGE_FORM, messageOf, reportSpecFrom, sameHedgeInputs, type HedgeForm } from "./hedgePreview";
import type { MessageArea, PaneState, PaneStatus } from "./paneState";

export type Listener = (state: PaneState) => void;

export type EstimationMethod = "sample" | "ewma";

/** The EWMA decay the estimate form starts with (RiskMetrics' daily λ). */
export const DEFAULT_EWMA_LAMBDA_TEXT = "0.94";

export interface PaneControllerOptions {
  gateway: WorkbookGateway;
  /** The clock for metadata timestamps (tests pass a fixed one). */
  now?: () => Date;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}

/** "BTC, ETH and SOL" (at most five names, then "and 3 more"). */
export function nameList(names: readonly string[]): string {
  const shown = names.length > 5 ? [...names.slice(0, 5), `${names.length - 5} more`] : [...names];
  if (shown.length <= 1) return shown.join("");
  return `${shown.slice(0, -1).join(", ")} and ${shown[shown.length - 1]}`;
}

export class PaneController {
  private readonly gateway: WorkbookGateway;
  private readonly now: () => Date;
  private readonly listeners = new Set<Listener>();
  private current: PaneState;

  constructor(options: PaneControllerOptions) {
    this.gateway = options.gateway;
    this.now = options.now ?? (() => new Date());
    const config = emptyConfig(this.now());
    this.current = {
      requirementProblem: null,
      busy: null,
      started: false,
      config,
      savedConfig: null,
      previousSave: null,
      unsaved: false,
      check: checkConfig(config),
      repair: null,
      confirmation: null,
      message: null,
      status: null,
      hedge: { form: { ...EMPTY_HEDGE_FORM }, preview: null, previewConfig: null, lastReportSheet: null },
    };
  }

  get state(): PaneState {
    return this.current;
  }

  /** Calls `listener` after every change; returns the unsubscribe function. */
  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** True when buttons that touch the workbook may be used. */
  get workbookAvailable(): boolean {
    return this.current.requirementProblem === null && this.current.busy === null;
  }

  private update(patch: Partial<PaneState>): void {
    const next = { ...this.current, ...patch };
    if (patch.config !== undefined || patch.savedConfig !== undefined) {
      next.unsaved = next.savedConfig === null ? next.config.assets.length > 0 : !configsEqual(next.config, next.savedConfig);
    }
    if (patch.config !== undefined) next.check = checkConfig(next.config);
    this.current = next;
    for (const listener of [...this.listeners]) listener(next);
  }

  private status(tone: PaneStatus["tone"], text: string): PaneStatus {
    return { tone, text };
  }

  /**
   * Runs a workbook action: refused while another runs or the host lacks the APIs; marks the pane busy; any error
   * (a rejected promise, a bug) ends in the status region; busy is always cleared.
   */
  private async run(busyText: string, action: () => Promise<void>): Promise<void> {
    if (this.current.requirementProblem !== null) {
      this.update({ status: this.status("error", this.current.requirementProblem) });
      return;
    }
    if (this.current.busy !== null) return;
    this.update({ busy: busyText, status: this.status("info", busyText) });
    try {
      await action();
    } catch (error) {
      this.update({ status: this.status("error", `${busyText.replace(/…$/, "")} failed: ${messageOf(error)}`) });
    } finally {
      this.update({ busy: null });
    }
  }

  // ---- Start -------------------------------------------------------------------------------------------------------

  /** Checks the host, then fills the editor from the workbook's saved set-up (or leaves it empty). */
  async start(): Promise<void> {
    let problem: string | null;
    try {
      problem = this.gateway.requirementProblem();
    } catch (error) {
      problem = `The workbook cannot be reached: ${messageOf(error)}`;
    }
    if (problem !== null) {
      this.update({ requirementProblem: problem, started: true, status: this.status("error", problem) });
      return;
    }
    await this.run("Loading the saved correlations…", async () => {
      const loaded = await this.gateway.loadConfig();
      if (loaded === null) {
        this.update({
          savedConfig: null,
          config: emptyConfig(this.now()),
          status: this.status("info", "This workbook has no saved correlations yet: import a labelled matrix from a selection or add assets."),
        });
      } else {
        this.update({
          savedConfig: loaded,
          config: loaded,
          status: this.status("success", `Loaded the saved correlations of ${plural(loaded.assets.length, "asset")}.`),
        });
      }
    });
    this.update({ started: true });
  }

  // ---- Editing (synchronous, through the model) ----------------------------------------------------------------------

  /** Applies a model edit: the new set-up, or the refusal next to `area` with the set-up unchanged. Returns ok. */
  private applyEdit(result: EditResult, area: MessageArea, success?: string): boolean {
    if (!result.ok) {
      this.update({ message: { area, text: result.message } });
      return false;
    }
    this.update({
      config: result.config,
      message: null,
      repair: null,
      // A pending question was about the set-up before this edit: the user asks again with Save.
      confirmation: null,
      ...(success ? { status: this.status("info", success) } : {}),
    });
    return true;
  }

  addAsset(name: string): boolean {
    return this.applyEdit(addAsset(this.current.config, name), "assets");
  }

  renameAsset(index: number, name: string): boolean {
    return this.applyEdit(renameAsset(this.current.config, index, name), "assets");
  }

  removeAsset(index: number): boolean {
    const name = this.current.config.assets[index];
    return this.applyEdit(removeAsset(this.current.config, index), "assets", name === undefined ? undefined : `Removed ${name}.`);
  }

  moveAsset(from: number, to: number): boolean {
    return this.applyEdit(moveAsset(this.current.config, from, to), "assets");
  }

  /** Sets (row, column) and its mirror (column, row); refused text leaves both as they were. */
  setCorrelation(row: number, column: number, text: string): boolean {
    return this.applyEdit(setCorrelation(this.current.config, row, column, text), "matrix");
  }

  setVolOfVol(index: number, text: string): boolean {
    return this.applyEdit(setVolOfVol(this.current.config, index, text), "assets");
  }

  /** Switches absolute/log changes; the model clears the vol-of-vols (their units change), and the status says so. */
  setChanges(kind: ChangeKind): void {
    if (kind === this.current.config.changes) return;
    const hadVolOfVols = this.current.config.volOfVols.some((value) => value !== null);
    const units = kind === "log" ? "log units per day" : "vol points per day";
    this.update({
      config: setChanges(this.current.config, kind),
      repair: null,
      message: null,
      confirmation: null,
      status: this.status("info", `Vol changes are now ${kind}.${hadVolOfVols ? ` Vol of vols were cleared: type them in ${units}.` : ""}`),
    });
  }

  /** Back to the last loaded or saved set-up (or empty when nothing is saved). */
  revertEdits(): void {
    this.update({
      config: this.current.savedConfig ?? emptyConfig(this.now()),
      repair: null,
      message: null,
      confirmation: null,
      status: this.status("info", "Edits discarded: the editor shows the saved correlations again."),
    });
  }

  /** Clears the message next to a control (e.g. once the user starts typing again). */
  clearMessage(area: MessageArea): void {
    if (this.current.message?.area === area) this.update({ message: null });
  }

  // ---- Sources -----------------------------------------------------------------------------------------------------

  /** Reads the selection as a labelled correlation matrix into the editor (unsaved until Save). */
  async importSelection(): Promise<void> {
    await this.run("Reading the selection…", async () => {
      const selection = await this.gateway.readSelection();
      const result = importLabelledRange(selection.values, this.now());
      if (!result.ok) {
        this.update({ message: { area: "source", text: result.message }, status: this.status("error", `Nothing imported from ${selection.address}.`) });
        return;
      }
      this.applyEdit(result, "source");
      this.update({
        status: this.status("success", `Imported ${nameList(result.config.assets)} from ${selection.address}. Not saved yet: check it, then Save.`),
      });
    });
  }

  /** Estimates correlations and vol-of-vols from the selected vol history (dates down the side, one column per asset). */
  async estimateFromSelection(method: EstimationMethod, lambdaText: string): Promise<void> {
    let lambda: number | undefined;
    if (method === "ewma") {
      lambda = Number(lambdaText.trim());
      if (lambdaText.trim() === "" || !Number.isFinite(lambda)) {
        this.update({ message: { area: "source", text: `λ must be a number between 0 and 1, such as ${DEFAULT_EWMA_LAMBDA_TEXT}; "${lambdaText}" is not one.` } });
        return;
      }
    }
    await this.run("Estimating from the selection…", async () => {
      const selection = await this.gateway.readSelection();
      const options = { method, changes: this.current.config.changes, ...(lambda === undefined ? {} : { lambda }) };
      const result = estimateFromHistory(selection.values, options, this.now());
      if (!result.ok) {
        this.update({ message: { area: "source", text: result.message }, status: this.status("error", `Nothing estimated from ${selection.address}.`) });
        return;
      }
      this.applyEdit(result, "source");
      const how = method === "ewma" ? `EWMA, λ = ${String(lambda)}` : "sample";
      const skipped = result.skippedRowCount > 0 ? `, ${plural(result.skippedRowCount, "row")} with gaps skipped` : "";
      this.update({
        // The engine's caveats (short history, fewer changes than assets) stay next to the source buttons.
        ...(result.warnings.length > 0 ? { message: { area: "source" as const, text: result.warnings.join(" ") } } : {}),
        status: this.status(
          "success",
          `Estimated ${nameList(result.config.assets)} from ${plural(result.changeCount, "daily change")} in ${selection.address} (${how}${skipped}). Not saved yet: check it, then Save.`,
        ),
      });
    });
  }

  // ---- Repair ------------------------------------------------------------------------------------------------------

  /** Computes the nearest valid correlation matrix and shows it as a preview (the editor is unchanged until Apply). */
  requestRepair(): void {
    if (this.current.config.assets.length === 0) {
      this.update({ message: { area: "matrix", text: "There is no matrix to repair: import or add assets first." } });
      return;
    }
    try {
      const repair = repairConfig(this.current.config, this.now());
      if (repair.problem !== undefined) {
        this.update({ repair: null, message: { area: "matrix", text: `The matrix cannot be repaired: ${repair.problem}` } });
        return;
      }
      if (!repair.changed) {
        this.update({ repair: null, status: this.status("info", "The matrix is already a valid correlation matrix: nothing to repair.") });
        return;
      }
      this.update({ repair, message: null, status: this.status("info", "Repair preview ready: Apply or Discard.") });
    } catch (error) {
      this.update({ repair: null, status: this.status("error", `Repair failed: ${messageOf(error)}`) });
    }
  }

  applyRepair(): void {
    const repair = this.current.repair;
    if (!repair) return;
    this.update({
      config: repair.repaired,
      repair: null,
      message: null,
      confirmation: null,
      status: this.status("success", "Repaired matrix applied to the editor. Not saved yet: Save to write it to the workbook."),
    });
  }

  discardRepair(): void {
    if (this.current.repair) this.update({ repair: null, status: this.status("info", "Repair discarded: the matrix is as it was.") });
  }

  // ---- Save, overwrite, restore ------------------------------------------------------------------------------------

  /** Saves the editor's set-up; asks first (in the pane) when the matrix fails the checks. */
  async save(): Promise<void> {
    if (this.current.config.assets.length === 0) {
      this.update({ message: { area: "save", text: "There is nothing to save: import or add assets first." } });
      return;
    }
    const check = this.current.check;
    if (!check.valid) {
      const problems = check.problems.length > 0 ? ` ${check.problems.join(" ")}` : "";
      this.update({
        confirmation: {
          kind: "saveInvalid",
          message: `This is not a valid correlation matrix.${problems} Formulas that use XV_CORR will show #VALUE! until it is repaired.`,
        },
        message: null,
        status: this.status("error", "Not saved: the matrix fails the checks. Repair it first, or confirm Save anyway."),
      });
      return;
    }
    await this.saveConfig(this.current.config, false, false);
  }

  /** "Save anyway" after the invalid-matrix question. */
  async confirmSaveInvalid(): Promise<void> {
    if (this.current.confirmation?.kind !== "saveInvalid") return;
    this.update({ confirmation: null });
    await this.saveConfig(this.current.config, false, false);
  }

  /** "Repair first" from the invalid-matrix question. */
  repairInsteadOfSaving(): void {
    this.update({ confirmation: null });
    this.requestRepair();
  }

  /** "Overwrite" after the gateway reported a sheet or names the add-in did not create. */
  async confirmOverwrite(): Promise<void> {
    const confirmation = this.current.confirmation;
    if (confirmation?.kind !== "overwriteForeign") return;
    this.update({ confirmation: null });
    await this.saveConfig(confirmation.config, true, confirmation.restoring);
  }

  cancelConfirmation(): void {
    if (this.current.confirmation) this.update({ confirmation: null, status: this.status("info", "Cancelled: nothing was written.") });
  }

  /** Re-saves the set-up the last save replaced; asks first when the editor holds unsaved edits. */
  async restorePreviousSave(): Promise<void> {
    if (this.current.previousSave === null) return;
    if (this.current.unsaved && this.current.confirmation?.kind !== "restoreOverEdits") {
      this.update({
        confirmation: { kind: "restoreOverEdits", message: "The editor has unsaved changes. Restoring the previous save replaces them." },
        status: this.status("info", "Restore the previous save? Your unsaved edits would be replaced."),
      });
      return;
    }
    this.update({ confirmation: null });
    await this.saveConfig(this.current.previousSave, false, true);
  }

  /**
   * Writes `config` (stamped with the save time). On success it becomes the saved set-up, the one it replaced becomes
   * the previous save, and the editor shows it unless the user edited during the save.
   */
  private async saveConfig(config: CorrelationConfig, overwriteForeign: boolean, restoring: boolean): Promise<void> {
    const stamped: CorrelationConfig = { ...config, metadata: { ...config.metadata, asOf: this.now().toISOString() } };
    const editorAtStart = this.current.config;
    await this.run(restoring ? "Restoring the previous save…" : "Saving…", async () => {
      const outcome = await this.gateway.saveConfig(stamped, { overwriteForeign });
      if (!outcome.saved) {
        this.update({
          confirmation: { kind: "overwriteForeign", message: outcome.needsConfirmation, config, restoring },
          status: this.status("error", "Not saved: the workbook already has content xvega did not create. Overwrite it, or Cancel."),
        });
        return;
      }
      const editorUntouched = this.current.config === editorAtStart || restoring;
      this.update({
        previousSave: this.current.savedConfig,
        savedConfig: stamped,
        ...(editorUntouched ? { config: stamped, repair: null } : {}),
        confirmation: null,
        message: null,
        status: this.status(
          "success",
          restoring
            ? `Restored the previous save (${nameList(stamped.assets)}) to XV_Config.`
            : `Saved ${plural(stamped.assets.length, "asset")} to XV_Config (names XV_CORR, XV_VOLVOL, XV_META).`,
        ),
      });
    });
  }

  // ---- Hedge -------------------------------------------------------------------------------------------------------

  setHedgeField(field: keyof HedgeForm, value: string): void {
    if (this.current.hedge.form[field] === value) return;
    this.update({ hedge: { ...this.current.hedge, form: { ...this.current.hedge.form, [field]: value } } });
  }

  /** Fills the assets or vegas address from the current selection. */
  async useSelectionFor(field: "assetsAddress" | "vegasAddress"): Promise<void> {
    await this.run("Reading the selection…", async () => {
      const selection = await this.gateway.readSelection();
      this.setHedgeField(field, selection.address);
      const what = field === "assetsAddress" ? "Assets column" : "Vegas column";
      this.update({ status: this.status("info", `${what}: ${selection.address}.`) });
    });
  }

  /** Reads the two columns and computes the hedge under the editor's set-up (saved or not: the pane says which). */
  async previewHedge(): Promise<void> {
    const form = this.current.hedge.form;
    const problem = this.hedgeProblem();
    if (problem) {
      this.update({ message: { area: "hedge", text: problem }, hedge: { ...this.current.hedge, preview: null, previewConfig: null } });
      return;
    }
    await this.run("Reading the book…", async () => {
      const [assets, vegas] = await Promise.all([this.gateway.readRange(form.assetsAddress.trim()), this.gateway.readRange(form.vegasAddress.trim())]);
      const preview = computeHedgePreview(this.current.config, assets, vegas, form);
      if (!preview.ok) {
        this.update({ message: { area: "hedge", text: preview.message }, hedge: { ...this.current.hedge, preview: null, previewConfig: null }, status: this.status("error", "No hedge: see the message above the buttons.") });
        return;
      }
      this.update({
        message: null,
        hedge: { ...this.current.hedge, preview: preview.value, previewConfig: this.current.config },
        status: this.status("success", `Hedge computed on ${nameList(preview.value.proxies)}.`),
      });
    });
  }

  /** Why the hedge cannot be computed from the editor's set-up before any range is read, or null. */
  private hedgeProblem(): string | null {
    const config = this.current.config;
    if (config.assets.length === 0) return "The correlation set-up is empty: import or type correlations on the Correlations tab first.";
    if (!this.current.check.valid) return "The correlation matrix fails the checks (see the Correlations tab): repair it before hedging with it.";
    return null;
  }

  /** Inserts a sheet of live XV.XVEGAHEDGE / XV.HEDGESTATS formulas over the saved names. */
  async insertHedgeReport(): Promise<void> {
    const spec = reportSpecFrom(this.current.hedge.form);
    if (!spec.ok) {
      this.update({ message: { area: "hedge", text: spec.message } });
      return;
    }
    if (this.current.savedConfig === null) {
      this.update({ message: { area: "hedge", text: "Save the correlations first: the report's formulas read the workbook names XV_CORR and XV_VOLVOL." } });
      return;
    }
    await this.run("Inserting the hedge report…", async () => {
      const { sheetName } = await this.gateway.insertHedgeReport(spec.value);
      const caveat = this.current.unsaved ? " It uses the saved correlations, not the editor's unsaved changes." : "";
      this.update({
        message: null,
        hedge: { ...this.current.hedge, lastReportSheet: sheetName },
        status: this.status("success", `Inserted the hedge report on sheet ${sheetName}.${caveat}`),
      });
    });
  }
}

/** A correlation cell as its input shows it: the diagonal is always 1. */
export function cellText(config: CorrelationConfig, row: number, column: number): string {
  if (row === column) return "1";
  const value = config.correlations[row]?.[column];
  return value === undefined ? "" : formatCorrelation(value);
}

/**
 * What the hedge preview was computed from: the saved set-up, unsaved edits, or a set-up the editor no longer holds
 * ("stale": preview again). Null without a preview.
 */
export function previewBasis(state: PaneState): "saved" | "unsaved" | "stale" | null {
  const used = state.hedge.previewConfig;
  if (state.hedge.preview === null || used === null) return null;
  if (used !== state.config && !sameHedgeInputs(used, state.config)) return "stale";
  return state.unsaved ? "unsaved" : "saved";
}
