/*
 * Correlations tab, "Assets": add, rename in place, vol-of-vol, move up/down, remove; and the kind of vol change.
 * Rows are by position and rebuilt only when the number of assets changes, so typing and tabbing never lose focus.
 */
import type { ChangeKind } from "../correlation/correlationConfig";
import { button, element, setText, setValueUnlessFocused, uniqueId } from "./dom";
import { formatVolOfVol } from "./format";
import type { PaneController } from "./paneController";
import type { PaneState } from "./paneState";
import { areaMessage, radio, section, type View } from "./viewSupport";

interface AssetRow {
  row: HTMLLIElement;
  name: HTMLInputElement;
  volOfVol: HTMLInputElement;
  up: HTMLButtonElement;
  down: HTMLButtonElement;
  remove: HTMLButtonElement;
}

/** Commit on change (Enter or leaving the field); Escape puts back the model's value. */
function commitOnChange(input: HTMLInputElement, commit: (text: string) => void, modelValue: () => string): void {
  input.addEventListener("change", () => {
    commit(input.value);
    input.value = modelValue();
  });
  input.addEventListener("keydown", (event) => {
    if (event.key === "Escape") {
      input.value = modelValue();
      input.select();
    }
  });
}

export function createAssetListView(controller: PaneController): View {
  const message = areaMessage("assets");
  let rows: AssetRow[] = [];

  const addId = uniqueId("add-asset");
  const addInput = element("input", { id: addId, className: "text-input", attributes: { type: "text", autocomplete: "off", placeholder: "e.g. BTC" } });
  const add = (): void => {
    if (controller.editing.addAsset(addInput.value)) addInput.value = "";
    addInput.focus();
  };
  addInput.addEventListener("keydown", (event) => {
    if (event.key === "Enter") {
      event.preventDefault();
      add();
    }
  });
  addInput.addEventListener("input", () => controller.clearMessage("assets"));
  const addButton = button("Add", add, { className: "button", id: "add-asset-button" });
  const addRow = element("div", { className: "field-row" }, element("label", { className: "field-label", attributes: { for: addId } }, "New asset"), element("div", { className: "input-with-button" }, addInput, addButton));

  const list = element("ol", { className: "asset-list", id: "asset-list", attributes: { "aria-label": "Assets" } });
  const emptyNote = element("p", { className: "hint", text: "No assets yet." });
  const columnHeads = element(
    "div",
    { className: "asset-heads", attributes: { "aria-hidden": "true" } },
    element("span", { text: "Name" }),
    element("span", { text: "Vol of vol" }),
  );

  const model = (): PaneState["config"] => controller.state.config;
  /** Keyboard users keep moving the same asset: focus follows it to its new row. */
  const move = (from: number, to: number): void => {
    if (!controller.editing.moveAsset(from, to)) return;
    const target = rows[to];
    if (!target) return;
    const sameDirection = to < from ? target.up : target.down;
    (sameDirection.disabled ? (to < from ? target.down : target.up) : sameDirection).focus();
  };

  function buildRow(index: number): AssetRow {
    const name = element("input", { className: "text-input asset-name", attributes: { type: "text", autocomplete: "off" } });
    commitOnChange(name, (text) => controller.editing.renameAsset(index, text), () => model().assets[index] ?? "");
    const volOfVol = element("input", { className: "text-input number-input asset-volvol", attributes: { type: "text", inputmode: "decimal", autocomplete: "off" } });
    commitOnChange(volOfVol, (text) => controller.editing.setVolOfVol(index, text), () => formatVolOfVol(model().volOfVols[index] ?? null));
    const up = button("↑", () => move(index, index - 1), { className: "icon-button" });
    const down = button("↓", () => move(index, index + 1), { className: "icon-button" });
    // Focus after a removal is restored by render(), which rebuilds the rows.
    const remove = button("✕", () => controller.editing.removeAsset(index), { className: "icon-button danger" });
    const row = element("li", { className: "asset-row" }, name, volOfVol, element("span", { className: "row-buttons" }, up, down, remove));
    return { row, name, volOfVol, up, down, remove };
  }

  const changeChoices = new Map<ChangeKind, HTMLInputElement>();
  const chooseChanges = (value: string): void => controller.editing.setChanges(value === "log" ? "log" : "absolute");
  const absolute = radio("vol-changes", "absolute", "Absolute (vol points)", chooseChanges);
  const log = radio("vol-changes", "log", "Log (relative)", chooseChanges);
  changeChoices.set("absolute", absolute.input);
  changeChoices.set("log", log.input);
  const changesGroup = element("fieldset", { className: "choices" }, element("legend", { text: "Vol changes" }), absolute.wrapper, log.wrapper);
  const unitHint = element("p", { className: "hint", id: uniqueId("volvol-unit") });

  const root = section("assets-section", "Assets", addRow, columnHeads, list, emptyNote, message.node, changesGroup, unitHint);

  return {
    root,
    render(state: PaneState) {
      const { assets, volOfVols, changes } = state.config;
      if (rows.length !== assets.length) {
        const hadFocus = rows.findIndex((row) => row.row.contains(document.activeElement));
        rows = assets.map((_, index) => buildRow(index));
        list.replaceChildren(...rows.map((row) => row.row));
        if (hadFocus !== -1) (rows[Math.min(hadFocus, rows.length - 1)]?.remove ?? addInput).focus();
      }
      rows.forEach((row, index) => {
        const name = assets[index] ?? "";
        setValueUnlessFocused(row.name, name);
        setValueUnlessFocused(row.volOfVol, formatVolOfVol(volOfVols[index] ?? null));
        row.name.setAttribute("aria-label", `Name of asset ${index + 1}`);
        row.volOfVol.setAttribute("aria-label", `Vol of vol of ${name}`);
        row.volOfVol.setAttribute("aria-describedby", unitHint.id);
        row.volOfVol.placeholder = "not set";
        row.up.setAttribute("aria-label", `Move ${name} up`);
        row.down.setAttribute("aria-label", `Move ${name} down`);
        row.remove.setAttribute("aria-label", `Remove ${name}`);
        row.up.disabled = index === 0;
        row.down.disabled = index === assets.length - 1;
      });
      emptyNote.hidden = assets.length > 0;
      columnHeads.hidden = assets.length === 0;
      for (const [kind, input] of changeChoices) input.checked = kind === changes;
      setText(
        unitHint,
        changes === "absolute"
          ? "Vol of vol: standard deviation of daily vol changes, in vol points (e.g. 3.2)."
          : "Vol of vol: standard deviation of daily log changes of vol (e.g. 0.05 = 5% of the vol level).",
      );
      message.render(state);
    },
  };
}
