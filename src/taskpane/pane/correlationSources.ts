/*
 * Correlations tab, "Source": the selection read as a labelled correlation matrix, or as a history of implied-vol
 * levels to estimate from. Either fills the editor (unsaved until Save) through the editor's applyEdit; an estimate
 * also leaves its facts and warnings (thin history, gaps skipped, …) in `state.estimate` for the source view.
 */
import { estimateFromHistory, importLabelledRange } from "../correlation";
import type { WorkbookGateway } from "../workbook/workbookGateway";
import type { CorrelationEditing } from "./correlationEditing";
import { status, type PaneStore } from "./paneStore";
import { nameList, plural } from "./wording";

export type EstimationMethod = "sample" | "ewma";

/** The EWMA decay the estimate form starts with (RiskMetrics' daily λ). */
export const DEFAULT_EWMA_LAMBDA_TEXT = "0.94";

export class CorrelationSources {
  constructor(
    private readonly store: PaneStore,
    private readonly gateway: WorkbookGateway,
    private readonly editing: CorrelationEditing,
  ) {}

  /** Reads the selection as a labelled correlation matrix into the editor (unsaved until Save). */
  async importSelection(): Promise<void> {
    await this.store.run("Reading the selection…", async () => {
      const selection = await this.gateway.readSelection();
      const result = importLabelledRange(selection.values, this.store.now());
      if (!result.ok) {
        this.store.update({ message: { area: "source", text: result.message }, status: status("error", `Nothing imported from ${selection.address}.`) });
        return;
      }
      this.editing.applyEdit(result, "source");
      this.store.update({
        estimate: null,
        status: status("success", `Imported ${nameList(result.config.assets)} from ${selection.address}. Not saved yet: check it, then Save.`),
      });
    });
  }

  /** Estimates correlations and vol-of-vols from the selected vol history (dates down the side, one column per asset). */
  async estimateFromSelection(method: EstimationMethod, lambdaText: string): Promise<void> {
    let lambda: number | undefined;
    if (method === "ewma") {
      lambda = Number(lambdaText.trim());
      if (lambdaText.trim() === "" || !Number.isFinite(lambda)) {
        this.store.update({ message: { area: "source", text: `λ must be a number between 0 and 1, such as ${DEFAULT_EWMA_LAMBDA_TEXT}; "${lambdaText}" is not one.` } });
        return;
      }
    }
    await this.store.run("Estimating from the selection…", async () => {
      const selection = await this.gateway.readSelection();
      const options = { method, changes: this.store.state.config.changes, ...(lambda === undefined ? {} : { lambda }) };
      const result = estimateFromHistory(selection.values, options, this.store.now());
      if (!result.ok) {
        this.store.update({ message: { area: "source", text: result.message }, status: status("error", `Nothing estimated from ${selection.address}.`) });
        return;
      }
      this.editing.applyEdit(result, "source");
      const how = method === "ewma" ? `EWMA, λ = ${String(lambda)}` : "sample";
      const skipped = result.skippedRowCount > 0 ? `, ${plural(result.skippedRowCount, "row")} with gaps skipped` : "";
      const gapWarning =
        result.skippedRowCount > 0
          ? [`${plural(result.skippedRowCount, "row")} of ${selection.address} had a gap (a blank, or a level that is not a number) and ${result.skippedRowCount === 1 ? "was" : "were"} left out of the estimate: fill the gaps to use those days.`]
          : [];
      this.store.update({
        // The engine's caveats stay beside the source buttons (not in the status line, which the next action replaces).
        estimate: {
          summary: `Estimated ${nameList(result.config.assets)} from ${plural(result.changeCount, "daily change")} in ${selection.address} (${how}${skipped}).`,
          warnings: [...result.warnings, ...gapWarning],
        },
        status: status(
          "success",
          `Estimated ${nameList(result.config.assets)} from ${plural(result.changeCount, "daily change")} in ${selection.address} (${how}${skipped}). Not saved yet: check it, then Save.`,
        ),
      });
    });
  }
}
