/*
 * The Hedge tab: the form's fields, the preview of the hedge under the editor's set-up (saved or not: the pane says
 * which), and the inserted report of live formulas over the saved names.
 */
import type { WorkbookGateway } from "../workbook/workbookGateway";
import { computeHedgePreview, reportSpecFrom, sameHedgeInputs, type HedgeForm } from "./hedgePreview";
import type { PaneState } from "./paneState";
import { status, type PaneStore } from "./paneStore";
import { nameList } from "./wording";

export class HedgeController {
  constructor(
    private readonly store: PaneStore,
    private readonly gateway: WorkbookGateway,
  ) {}

  setHedgeField(field: keyof HedgeForm, value: string): void {
    const hedge = this.store.state.hedge;
    if (hedge.form[field] === value) return;
    this.store.update({ hedge: { ...hedge, form: { ...hedge.form, [field]: value } } });
  }

  /** Fills the assets or vegas address from the current selection. */
  async useSelectionFor(field: "assetsAddress" | "vegasAddress"): Promise<void> {
    await this.store.run("Reading the selection…", async () => {
      const selection = await this.gateway.readSelection();
      this.setHedgeField(field, selection.address);
      const what = field === "assetsAddress" ? "Assets column" : "Vegas column";
      this.store.update({ status: status("info", `${what}: ${selection.address}.`) });
    });
  }

  /** Reads the two columns and computes the hedge under the editor's set-up (saved or not: the pane says which). */
  async previewHedge(): Promise<void> {
    const form = this.store.state.hedge.form;
    const problem = this.hedgeProblem();
    if (problem) {
      this.store.update({ message: { area: "hedge", text: problem }, hedge: { ...this.store.state.hedge, preview: null, previewConfig: null } });
      return;
    }
    await this.store.run("Reading the book…", async () => {
      const [assets, vegas] = await Promise.all([this.gateway.readRange(form.assetsAddress.trim()), this.gateway.readRange(form.vegasAddress.trim())]);
      const state = this.store.state;
      const preview = computeHedgePreview(state.config, assets, vegas, form);
      if (!preview.ok) {
        this.store.update({ message: { area: "hedge", text: preview.message }, hedge: { ...state.hedge, preview: null, previewConfig: null }, status: status("error", "No hedge: see the message above the buttons.") });
        return;
      }
      this.store.update({
        message: null,
        hedge: { ...state.hedge, preview: preview.value, previewConfig: state.config },
        status: status("success", `Hedge computed on ${nameList(preview.value.proxies)}.`),
      });
    });
  }

  /** Why the hedge cannot be computed from the editor's set-up before any range is read, or null. */
  private hedgeProblem(): string | null {
    const state = this.store.state;
    if (state.config.assets.length === 0) return "The correlation set-up is empty: import or type correlations on the Correlations tab first.";
    if (!state.check.valid) return "The correlation matrix fails the checks (see the Correlations tab): repair it before hedging with it.";
    return null;
  }

  /** Inserts a sheet of live XV.XVEGAHEDGE / XV.HEDGESTATS formulas over the saved names. */
  async insertHedgeReport(): Promise<void> {
    const spec = reportSpecFrom(this.store.state.hedge.form);
    if (!spec.ok) {
      this.store.update({ message: { area: "hedge", text: spec.message } });
      return;
    }
    if (this.store.state.savedConfig === null) {
      this.store.update({ message: { area: "hedge", text: "Save the correlations first: the report's formulas read the workbook names XV_CORR and XV_VOLVOL." } });
      return;
    }
    await this.store.run("Inserting the hedge report…", async () => {
      const { sheetName } = await this.gateway.insertHedgeReport(spec.value);
      const caveat = this.store.state.unsaved ? " It uses the saved correlations, not the editor's unsaved changes." : "";
      this.store.update({
        message: null,
        hedge: { ...this.store.state.hedge, lastReportSheet: sheetName },
        status: status("success", `Inserted the hedge report on sheet ${sheetName}.${caveat}`),
      });
    });
  }
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
