/*
 * The Hedge tab: the book's asset and vega columns (typed or taken from the selection), proxies and optional sizing;
 * Preview computes the hedge under the editor's correlations and says whether they are saved; Insert hedge report adds
 * a sheet of live formulas over the saved names.
 */
import { conditionNumberText } from "../../core/conditionNumber";
import { button, element, setText, setValueUnlessFocused, uniqueId } from "./dom";
import { formatAmount, formatContracts, formatPercent, formatStatistic } from "./format";
import type { HedgeForm, HedgePreview } from "./hedgePreview";
import { previewBasis } from "./hedgeController";
import type { PaneController } from "./paneController";
import type { PaneState } from "./paneState";
import { areaMessage, section, workbookButtonsEnabled, type View } from "./viewSupport";

interface FieldSpec {
  field: keyof HedgeForm;
  label: string;
  hint: string;
  placeholder: string;
  /** Fills from the selection's address. */
  fromSelection: boolean;
}

const FIELDS: FieldSpec[] = [
  { field: "assetsAddress", label: "Assets column", hint: "The asset name of each leg.", placeholder: "Positions!A6:A17", fromSelection: true },
  { field: "vegasAddress", label: "Vegas column", hint: "Cash vega per vol point of each leg, same length.", placeholder: "Positions!F6:F17", fromSelection: true },
  { field: "proxies", label: "Proxies", hint: "Assets to hedge with, separated by commas.", placeholder: "BTC, ETH", fromSelection: false },
  { field: "contractVegas", label: "Contract vegas (optional)", hint: "Vega per vol point of one contract of each proxy, in the same order.", placeholder: "1200, 800", fromSelection: false },
  { field: "lotSizes", label: "Lot sizes (optional)", hint: "Contracts are rounded to a multiple of this: one per proxy or one for all (blank = 1).", placeholder: "1", fromSelection: false },
];

function statisticRows(preview: HedgePreview): [string, string][] {
  const result = preview.result;
  const rows: [string, string][] = [
    ["Unhedged P&L sd per day", formatAmount(result.unhedgedPnlStandardDeviation)],
    ["Residual P&L sd per day", formatAmount(result.residualPnlStandardDeviation)],
    ["Effectiveness", formatPercent(result.effectiveness)],
    ["Condition number", conditionNumberText(result.conditionNumber, formatStatistic)],
    ["Proxy correlation condition number", conditionNumberText(result.proxyCorrelationConditionNumber, formatStatistic)],
  ];
  if (result.afterRounding) {
    rows.push(["Residual sd after rounding", formatAmount(result.afterRounding.residualPnlStandardDeviation)]);
    rows.push(["Effectiveness after rounding", formatPercent(result.afterRounding.effectiveness)]);
  }
  return rows;
}

function previewNodes(preview: HedgePreview): Node[] {
  const withContracts = preview.result.proxies.some((line) => line.contracts !== null);
  const headings = ["Proxy", "Hedge vega", ...(withContracts ? ["Contracts", "Rounded"] : [])];
  const table = element(
    "table",
    { className: "result-table", id: "hedge-result" },
    element("caption", { className: "visually-hidden", text: "Hedge per proxy" }),
    element("thead", {}, element("tr", {}, ...headings.map((text, k) => element("th", { className: k === 0 ? "" : "number", text, attributes: { scope: "col" } })))),
    element(
      "tbody",
      {},
      ...preview.result.proxies.map((line) =>
        element(
          "tr",
          {},
          element("th", { text: line.asset, attributes: { scope: "row" } }),
          element("td", { className: "number", text: formatAmount(line.hedgeVegaPerVolPoint) }),
          ...(withContracts
            ? [
                element("td", { className: "number", text: line.contracts ? formatContracts(line.contracts.exactContracts) : "" }),
                element("td", { className: "number", text: line.contracts ? formatContracts(line.contracts.roundedContracts) : "" }),
              ]
            : []),
        ),
      ),
    ),
  );
  const statistics = element(
    "dl",
    { className: "check-list", id: "hedge-statistics" },
    ...statisticRows(preview).map(([term, value]) => element("div", { className: "check-item" }, element("dt", { text: term }), element("dd", { text: value }))),
  );
  const warnings = preview.result.warnings.map((warning) => warning.message);
  const warningList =
    warnings.length === 0
      ? element("p", { className: "hint", text: "No warnings." })
      : element("ul", { className: "warning-list", id: "hedge-warnings", attributes: { "aria-label": "Warnings" } }, ...warnings.map((text) => element("li", { text })));
  return [table, statistics, warningList];
}

export function createHedgeView(controller: PaneController): View {
  const message = areaMessage("hedge");
  const inputs = new Map<keyof HedgeForm, HTMLInputElement>();
  const selectionButtons: HTMLButtonElement[] = [];

  const fields = FIELDS.map((spec) => {
    const id = `hedge-${spec.field}`;
    const hintId = uniqueId("hint");
    const input = element("input", {
      id,
      className: "text-input",
      attributes: { type: "text", autocomplete: "off", spellcheck: "false", placeholder: spec.placeholder, "aria-describedby": hintId },
    });
    input.addEventListener("input", () => {
      controller.hedge.setHedgeField(spec.field, input.value);
      controller.clearMessage("hedge");
    });
    inputs.set(spec.field, input);
    const control = spec.fromSelection
      ? element(
          "div",
          { className: "input-with-button" },
          input,
          (() => {
            const use = button("Use selection", () => void controller.hedge.useSelectionFor(spec.field as "assetsAddress" | "vegasAddress"), {
              className: "button",
              id: `${id}-use-selection`,
              attributes: { "aria-label": `Use selection for ${spec.label}` },
            });
            selectionButtons.push(use);
            return use;
          })(),
        )
      : input;
    return element(
      "div",
      { className: "field-row" },
      element("label", { className: "field-label", attributes: { for: id }, text: spec.label }),
      control,
      element("p", { className: "hint", id: hintId, text: spec.hint }),
    );
  });

  const basis = element("p", { className: "basis", id: "hedge-basis" });
  const previewButton = button("Preview", () => void controller.hedge.previewHedge(), { className: "button primary", id: "hedge-preview-button" });
  const insertButton = button("Insert hedge report", () => void controller.hedge.insertHedgeReport(), { className: "button", id: "hedge-insert-button" });
  const result = element("div", { className: "hedge-result", id: "hedge-preview", attributes: { role: "region", "aria-label": "Hedge preview" } });
  const lastReport = element("p", { className: "hint", id: "hedge-last-report" });
  let shownPreview: HedgePreview | null = null;

  const root = element(
    "div",
    { className: "hedge-view" },
    section("hedge-book-section", "Book and proxies", ...fields),
    basis,
    message.node,
    element("div", { className: "button-row" }, previewButton, insertButton),
    lastReport,
    section("hedge-result-section", "Hedge", result),
  );

  return {
    root,
    render(state: PaneState) {
      for (const [field, input] of inputs) setValueUnlessFocused(input, state.hedge.form[field]);
      const enabled = workbookButtonsEnabled(state);
      for (const use of selectionButtons) use.disabled = !enabled;
      previewButton.disabled = !enabled;
      insertButton.disabled = !enabled;

      const how = previewBasis(state);
      const editor = state.config.assets.length === 0 ? "The correlation editor is empty." : state.unsaved ? "The preview uses the correlation editor's unsaved changes; the inserted report uses the saved XV_CORR and XV_VOLVOL." : "The preview uses the saved correlations (XV_CORR, XV_VOLVOL), as the inserted report does.";
      setText(basis, how === "stale" ? `${editor} The correlations changed since this preview: Preview again.` : editor);
      basis.className = `basis ${state.unsaved || how === "stale" ? "pending" : ""}`;

      if (state.hedge.preview !== shownPreview) {
        shownPreview = state.hedge.preview;
        result.replaceChildren(...(shownPreview ? previewNodes(shownPreview) : [element("p", { className: "hint", text: "Preview shows the hedge vega per proxy, contracts and statistics here." })]));
      }
      result.classList.toggle("stale", how === "stale");
      setText(lastReport, state.hedge.lastReportSheet ? `Last report: sheet ${state.hedge.lastReportSheet}.` : "");
      lastReport.hidden = state.hedge.lastReportSheet === null;
      message.render(state);
    },
  };
}
