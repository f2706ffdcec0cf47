/*
 * Correlations tab, "Save": Save with the unsaved-changes marker, Revert edits, Restore previous save, and the
 * in-pane questions (Office blocks window.confirm): an invalid matrix, content xvega did not create, unsaved edits.
 */
import type { ConfigMetadata } from "../correlation/correlationConfig";
import { button, element, setText } from "./dom";
import { formatTimestamp } from "./format";
import type { PaneController } from "./paneController";
import type { Confirmation, PaneState } from "./paneState";
import { areaMessage, section, workbookButtonsEnabled, type View } from "./viewSupport";

const SOURCE_TEXT: Record<ConfigMetadata["source"], string> = {
  manual: "typed in the pane",
  selection: "imported from a selection",
  history: "estimated from a vol history",
};

export function describeMetadata(metadata: ConfigMetadata): string {
  const method = metadata.method === "ewma" ? ` (EWMA, λ = ${String(metadata.lambda)})` : metadata.method === "sample" ? " (sample)" : "";
  return `${SOURCE_TEXT[metadata.source]}${method}${metadata.repaired ? ", repaired" : ""}, as of ${formatTimestamp(metadata.asOf)}`;
}

export function createSaveView(controller: PaneController): View {
  const message = areaMessage("save");
  const saveButton = button("Save", () => void controller.saving.save(), { className: "button primary", id: "save-button" });
  const marker = element("span", { className: "unsaved-marker", id: "unsaved-marker" });
  const revertButton = button("Revert edits", () => controller.editing.revertEdits(), { className: "button", id: "revert-button" });
  const restoreButton = button("Restore previous save", () => void controller.saving.restorePreviousSave(), { className: "button", id: "restore-button" });
  const metadata = element("p", { className: "hint", id: "config-metadata" });

  const confirmationText = element("p", { className: "confirmation-text", id: "save-confirmation-text" });
  const confirmationButtons = element("div", { className: "button-row" });
  const confirmation = element(
    "div",
    { className: "confirmation", id: "save-confirmation", attributes: { role: "group", "aria-labelledby": confirmationText.id } },
    confirmationText,
    confirmationButtons,
  );
  confirmation.hidden = true;
  let shownConfirmation: Confirmation | null = null;

  function confirmationChoices(question: Confirmation): HTMLButtonElement[] {
    const cancel = button("Cancel", () => controller.saving.cancelConfirmation(), { className: "button", id: "confirm-cancel" });
    switch (question.kind) {
      case "saveInvalid":
        return [
          button("Repair first", () => controller.saving.repairInsteadOfSaving(), { className: "button primary", id: "confirm-repair" }),
          button("Save anyway", () => void controller.saving.confirmSaveInvalid(), { className: "button danger", id: "confirm-save-anyway" }),
          cancel,
        ];
      case "overwriteForeign":
        return [button("Overwrite", () => void controller.saving.confirmOverwrite(), { className: "button danger", id: "confirm-overwrite" }), cancel];
      case "restoreOverEdits":
        return [button("Restore anyway", () => void controller.saving.restorePreviousSave(), { className: "button danger", id: "confirm-restore" }), cancel];
    }
  }

  const root = section(
    "save-section",
    "Save to the workbook",
    element("div", { className: "button-row" }, saveButton, marker),
    confirmation,
    message.node,
    element("div", { className: "button-row" }, revertButton, restoreButton),
    metadata,
  );

  return {
    root,
    render(state: PaneState) {
      const enabled = workbookButtonsEnabled(state);
      saveButton.disabled = !enabled;
      restoreButton.disabled = !enabled || state.previousSave === null;
      restoreButton.title = state.previousSave === null ? "Available after a save replaced an earlier one" : "Saves again the set-up the last save replaced";
      revertButton.disabled = !state.unsaved;
      setText(marker, state.unsaved ? "● Unsaved changes" : state.savedConfig ? "Saved" : "Nothing saved yet");
      marker.className = `unsaved-marker ${state.unsaved ? "pending" : ""}`;
      setText(
        metadata,
        state.savedConfig
          ? `Saved set-up: ${describeMetadata(state.savedConfig.metadata)}.`
          : "Saving writes the sheet XV_Config and the names XV_CORR, XV_VOLVOL and XV_META that formulas use.",
      );
      if (state.confirmation !== shownConfirmation) {
        const hadFocus = confirmation.contains(document.activeElement);
        shownConfirmation = state.confirmation;
        confirmation.hidden = state.confirmation === null;
        if (state.confirmation) {
          setText(confirmationText, state.confirmation.message);
          const choices = confirmationChoices(state.confirmation);
          confirmationButtons.replaceChildren(...choices);
          choices[0]?.focus();
        } else {
          confirmationButtons.replaceChildren();
          if (hadFocus) saveButton.focus();
        }
      }
      for (const choice of Array.from(confirmationButtons.querySelectorAll("button"))) choice.disabled = state.busy !== null;
      message.render(state);
    },
  };
}
