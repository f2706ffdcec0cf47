/*
 * Correlations tab, the editor: asset, correlation, vol-of-vol and change-kind edits through the correlation model
 * (../correlation), whose refusals are shown next to the control and leave the set-up as it was; and the repair
 * preview (nearest correlation matrix), which changes nothing until Apply.
 */
import {
  addAsset,
  emptyConfig,
  moveAsset,
  removeAsset,
  renameAsset,
  repairConfig,
  setChanges,
  setCorrelation,
  setVolOfVol,
} from "../correlation";
import type { ChangeKind, CorrelationConfig, EditResult } from "../correlation/correlationConfig";
import { formatCorrelation } from "./format";
import { messageOf } from "./hedgePreview";
import type { MessageArea } from "./paneState";
import { status, type PaneStore } from "./paneStore";

export class CorrelationEditing {
  constructor(private readonly store: PaneStore) {}

  /** Applies a model edit: the new set-up, or the refusal next to `area` with the set-up unchanged. Returns ok. */
  applyEdit(result: EditResult, area: MessageArea, success?: string): boolean {
    if (!result.ok) {
      this.store.update({ message: { area, text: result.message } });
      return false;
    }
    this.store.update({
      config: result.config,
      message: null,
      repair: null,
      // A pending question was about the set-up before this edit: the user asks again with Save.
      confirmation: null,
      ...(success ? { status: status("info", success) } : {}),
    });
    return true;
  }

  private get config(): CorrelationConfig {
    return this.store.state.config;
  }

  addAsset(name: string): boolean {
    return this.applyEdit(addAsset(this.config, name), "assets");
  }

  renameAsset(index: number, name: string): boolean {
    return this.applyEdit(renameAsset(this.config, index, name), "assets");
  }

  removeAsset(index: number): boolean {
    const name = this.config.assets[index];
    return this.applyEdit(removeAsset(this.config, index), "assets", name === undefined ? undefined : `Removed ${name}.`);
  }

  moveAsset(from: number, to: number): boolean {
    return this.applyEdit(moveAsset(this.config, from, to), "assets");
  }

  /** Sets (row, column) and its mirror (column, row); refused text leaves both as they were. */
  setCorrelation(row: number, column: number, text: string): boolean {
    return this.applyEdit(setCorrelation(this.config, row, column, text), "matrix");
  }

  setVolOfVol(index: number, text: string): boolean {
    return this.applyEdit(setVolOfVol(this.config, index, text), "assets");
  }

  /** Switches absolute/log changes; the model clears the vol-of-vols (their units change), and the status says so. */
  setChanges(kind: ChangeKind): void {
    if (kind === this.config.changes) return;
    const hadVolOfVols = this.config.volOfVols.some((value) => value !== null);
    const units = kind === "log" ? "log units per day" : "vol points per day";
    this.store.update({
      config: setChanges(this.config, kind),
      repair: null,
      message: null,
      confirmation: null,
      status: status("info", `Vol changes are now ${kind}.${hadVolOfVols ? ` Vol of vols were cleared: type them in ${units}.` : ""}`),
    });
  }

  /** Back to the last loaded or saved set-up (or empty when nothing is saved). */
  revertEdits(): void {
    this.store.update({
      config: this.store.state.savedConfig ?? emptyConfig(this.store.now()),
      repair: null,
      message: null,
      confirmation: null,
      status: status("info", "Edits discarded: the editor shows the saved correlations again."),
    });
  }

  // ---- Repair ------------------------------------------------------------------------------------------------------

  /** Computes the nearest valid correlation matrix and shows it as a preview (the editor is unchanged until Apply). */
  requestRepair(): void {
    if (this.config.assets.length === 0) {
      this.store.update({ message: { area: "matrix", text: "There is no matrix to repair: import or add assets first." } });
      return;
    }
    try {
      const repair = repairConfig(this.config, this.store.now());
      if (repair.problem !== undefined) {
        this.store.update({ repair: null, message: { area: "matrix", text: `The matrix cannot be repaired: ${repair.problem}` } });
        return;
      }
      if (!repair.changed) {
        this.store.update({ repair: null, status: status("info", "The matrix is already a valid correlation matrix: nothing to repair.") });
        return;
      }
      this.store.update({ repair, message: null, status: status("info", "Repair preview ready: Apply or Discard.") });
    } catch (error) {
      this.store.update({ repair: null, status: status("error", `Repair failed: ${messageOf(error)}`) });
    }
  }

  applyRepair(): void {
    const repair = this.store.state.repair;
    if (!repair) return;
    this.store.update({
      config: repair.repaired,
      repair: null,
      message: null,
      confirmation: null,
      status: status("success", "Repaired matrix applied to the editor. Not saved yet: Save to write it to the workbook."),
    });
  }

  discardRepair(): void {
    if (this.store.state.repair) this.store.update({ repair: null, status: status("info", "Repair discarded: the matrix is as it was.") });
  }
}

/** A correlation cell as its input shows it: the diagonal is always 1. */
export function cellText(config: CorrelationConfig, row: number, column: number): string {
  if (row === column) return "1";
  const value = config.correlations[row]?.[column];
  return value === undefined ? "" : formatCorrelation(value);
}
