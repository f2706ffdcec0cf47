/*
 * Correlations tab, "Matrix": one input per entry, upper and lower triangles both editable (an edit of (i, j) sets
 * (j, i) through the model), the diagonal fixed at 1, each cell coloured by heatColour. A refused entry shows the
 * model's message under the grid and the cell goes back to the value the model kept.
 */
import { heatColour } from "../correlation";
import { element, setText, setValueUnlessFocused } from "./dom";
import { cellText } from "./correlationEditing";
import type { PaneController } from "./paneController";
import type { PaneState } from "./paneState";
import { areaMessage, section, type View } from "./viewSupport";

export function createMatrixView(controller: PaneController): View {
  const message = areaMessage("matrix");
  let size = -1;
  let columnHeads: HTMLTableCellElement[] = [];
  let rowHeads: HTMLTableCellElement[] = [];
  let cells: HTMLInputElement[][] = [];

  const table = element("table", { className: "matrix", id: "correlation-matrix" });
  const caption = element("caption", { className: "visually-hidden", text: "Correlations of daily vol changes" });
  const scroller = element("div", { className: "matrix-scroller", attributes: { tabindex: "-1" } }, table);
  const emptyNote = element("p", { className: "hint", text: "The matrix appears once there are assets." });
  const hint = element("p", { className: "hint", text: "Type a correlation between -1 and 1; its mirror entry follows. Enter or Tab to confirm, Escape to undo." });

  function cellInput(row: number, column: number): HTMLInputElement {
    const input = element("input", {
      className: row === column ? "matrix-cell diagonal" : "matrix-cell",
      attributes: { type: "text", inputmode: "decimal", autocomplete: "off", "aria-describedby": message.node.id },
    });
    if (row === column) {
      input.readOnly = true;
      input.tabIndex = -1;
      return input;
    }
    const modelText = (): string => cellText(controller.state.config, row, column);
    input.addEventListener("change", () => {
      controller.editing.setCorrelation(row, column, input.value);
      input.value = modelText();
    });
    input.addEventListener("keydown", (event) => {
      if (event.key === "Escape") {
        input.value = modelText();
        input.select();
      }
    });
    input.addEventListener("focus", () => input.select());
    return input;
  }

  function rebuild(count: number): void {
    size = count;
    columnHeads = Array.from({ length: count }, () => element("th", { className: "matrix-header", attributes: { scope: "col" } }));
    rowHeads = Array.from({ length: count }, () => element("th", { className: "matrix-header row-header", attributes: { scope: "row" } }));
    cells = Array.from({ length: count }, (_, i) => Array.from({ length: count }, (_, j) => cellInput(i, j)));
    const head = element("thead", {}, element("tr", {}, element("td", { className: "matrix-corner" }), ...columnHeads));
    const body = element(
      "tbody",
      {},
      ...cells.map((row, i) => element("tr", {}, rowHeads[i] ?? null, ...row.map((input) => element("td", {}, input)))),
    );
    table.replaceChildren(caption, head, body);
  }

  const root = section("matrix-section", "Matrix", hint, scroller, emptyNote, message.node);

  return {
    root,
    render(state: PaneState) {
      const { assets } = state.config;
      if (assets.length !== size) rebuild(assets.length);
      assets.forEach((name, i) => {
        for (const head of [columnHeads[i], rowHeads[i]]) {
          if (!head) continue;
          setText(head, name);
          head.title = name;
        }
      });
      cells.forEach((row, i) =>
        row.forEach((input, j) => {
          const value = i === j ? 1 : (state.config.correlations[i]?.[j] ?? Number.NaN);
          setValueUnlessFocused(input, cellText(state.config, i, j));
          const colour = heatColour(value);
          input.style.setProperty("background-color", colour.background);
          input.style.setProperty("color", colour.text);
          const label = `Correlation of ${assets[i] ?? ""} and ${assets[j] ?? ""}${i === j ? " (always 1)" : ""}`;
          input.setAttribute("aria-label", label);
          input.title = i === j ? "1" : String(value);
        }),
      );
      scroller.hidden = assets.length === 0;
      hint.hidden = assets.length === 0;
      emptyNote.hidden = assets.length > 0;
      message.render(state);
    },
  };
}
