/*
 * Correlations tab, "Save": writing the editor's set-up to the workbook, with the in-pane questions (an invalid
 * matrix, content xvega did not create, restoring over unsaved edits) and one level of restore.
 */
import type { CorrelationConfig } from "../correlation/correlationConfig";
import type { WorkbookGateway } from "../workbook/workbookGateway";
import type { CorrelationEditing } from "./correlationEditing";
import { status, type PaneStore } from "./paneStore";
import { nameList, plural } from "./wording";

export class ConfigSaving {
  constructor(
    private readonly store: PaneStore,
    private readonly gateway: WorkbookGateway,
    private readonly editing: CorrelationEditing,
  ) {}

  /** Saves the editor's set-up; asks first (in the pane) when the matrix fails the checks. */
  async save(): Promise<void> {
    const state = this.store.state;
    if (state.config.assets.length === 0) {
      this.store.update({ message: { area: "save", text: "There is nothing to save: import or add assets first." } });
      return;
    }
    const check = state.check;
    if (!check.valid) {
      const problems = check.problems.length > 0 ? ` ${check.problems.join(" ")}` : "";
      this.store.update({
        confirmation: {
          kind: "saveInvalid",
          message: `This is not a valid correlation matrix.${problems} Formulas that use XV_CORR will show #VALUE! until it is repaired.`,
        },
        message: null,
        status: status("error", "Not saved: the matrix fails the checks. Repair it first, or confirm Save anyway."),
      });
      return;
    }
    await this.saveConfig(state.config, false, false);
  }

  /** "Save anyway" after the invalid-matrix question. */
  async confirmSaveInvalid(): Promise<void> {
    if (this.store.state.confirmation?.kind !== "saveInvalid") return;
    this.store.update({ confirmation: null });
    await this.saveConfig(this.store.state.config, false, false);
  }

  /** "Repair first" from the invalid-matrix question. */
  repairInsteadOfSaving(): void {
    this.store.update({ confirmation: null });
    this.editing.requestRepair();
  }

  /** "Overwrite" after the gateway reported a sheet or names the add-in did not create. */
  async confirmOverwrite(): Promise<void> {
    const confirmation = this.store.state.confirmation;
    if (confirmation?.kind !== "overwriteForeign") return;
    this.store.update({ confirmation: null });
    await this.saveConfig(confirmation.config, true, confirmation.restoring);
  }

  cancelConfirmation(): void {
    if (this.store.state.confirmation) this.store.update({ confirmation: null, status: status("info", "Cancelled: nothing was written.") });
  }

  /** Re-saves the set-up the last save replaced; asks first when the editor holds unsaved edits. */
  async restorePreviousSave(): Promise<void> {
    const state = this.store.state;
    if (state.previousSave === null) return;
    if (state.unsaved && state.confirmation?.kind !== "restoreOverEdits") {
      this.store.update({
        confirmation: { kind: "restoreOverEdits", message: "The editor has unsaved changes. Restoring the previous save replaces them." },
        status: status("info", "Restore the previous save? Your unsaved edits would be replaced."),
      });
      return;
    }
    this.store.update({ confirmation: null });
    await this.saveConfig(state.previousSave, false, true);
  }

  /**
   * Writes `config` (stamped with the save time). On success it becomes the saved set-up, the one it replaced becomes
   * the previous save, and the editor shows it unless the user edited during the save.
   */
  private async saveConfig(config: CorrelationConfig, overwriteForeign: boolean, restoring: boolean): Promise<void> {
    const stamped: CorrelationConfig = { ...config, metadata: { ...config.metadata, asOf: this.store.now().toISOString() } };
    const editorAtStart = this.store.state.config;
    await this.store.run(restoring ? "Restoring the previous save…" : "Saving…", async () => {
      const outcome = await this.gateway.saveConfig(stamped, { overwriteForeign });
      if (!outcome.saved) {
        this.store.update({
          confirmation: { kind: "overwriteForeign", message: outcome.needsConfirmation, config, restoring },
          status: status("error", "Not saved: the workbook already has content xvega did not create. Overwrite it, or Cancel."),
        });
        return;
      }
      const editorUntouched = this.store.state.config === editorAtStart || restoring;
      this.store.update({
        previousSave: this.store.state.savedConfig,
        savedConfig: stamped,
        ...(editorUntouched ? { config: stamped, repair: null } : {}),
        confirmation: null,
        message: null,
        status: status(
          "success",
          restoring
            ? `Restored the previous save (${nameList(stamped.assets)}) to XV_Config.`
            : `Saved ${plural(stamped.assets.length, "asset")} to XV_Config (names XV_CORR, XV_VOLVOL, XV_META).`,
        ),
      });
    });
  }
}
