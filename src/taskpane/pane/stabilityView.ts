/*
 * The Stability tab: the Hedge tab's book and proxies (shown, not edited here), the history of vol levels (typed or
 * from the selection) and the options; Run draws the backtest's cumulative P&L and hedge per proxy and the stress's
 * effectiveness against the shift, with XV.BACKTESTSTATS' figures and every warning beside them (textContent only);
 * Insert stability report adds a sheet of live formulas and native charts.
 */
import type { CorrelationStressResult } from "../../core/backtest";
import { button, element, setText, setValueUnlessFocused, uniqueId } from "./dom";
import { formatAmount, formatPercent, formatStatistic } from "./format";
import { parseNameList } from "./hedgePreview";
import type { PaneController } from "./paneController";
import type { PaneState } from "./paneState";
import { StabilityCharts } from "./stabilityCharts";
import { stabilityBasisStale } from "./stabilityController";
import { DEFAULT_SHIFTS_TEXT, STABILITY_OPTION_FIELDS, type StabilityOptionField } from "./stabilityForm";
import type { BacktestOutcome, StabilityOutcome } from "./stabilityRun";
import { statisticRows } from "./stabilityStatistics";
import { areaMessage, section, workbookButtonsEnabled, type View } from "./viewSupport";
import { nameList } from "./wording";

const OPTION_SPECS: Record<StabilityOptionField, { label: string; hint: string; placeholder: string }> = {
  window: { label: "Window", hint: "Daily changes in each estimate, and before the first out-of-sample day (blank = 60).", placeholder: "60" },
  lambda: { label: "λ (optional)", hint: "EWMA decay between 0 and 1, such as 0.94; blank = the sample estimate over the window.", placeholder: "sample" },
  ridge: { label: "Ridge", hint: "As XV.XVEGAHEDGE's: 0 = none, 0.01–0.1 steadies an unstable hedge (blank = 0).", placeholder: "0" },
  rebalance: { label: "Rebalance every", hint: "Out-of-sample days a hedge is held before it is re-estimated (1 = daily; blank = 1).", placeholder: "1" },
  shifts: { label: "Correlation shifts", hint: "Added to every target–proxy correlation, separated by commas (blank = the default list).", placeholder: DEFAULT_SHIFTS_TEXT },
};

function canvas(id: string, description: string): { figure: HTMLElement; canvas: HTMLCanvasElement } {
  const node = element("canvas", { id, attributes: { role: "img", "aria-label": description } }, description);
  const figure = element("figure", { className: "stability-figure" }, element("figcaption", { className: "figure-title", text: description }), element("div", { className: "chart-box" }, node));
  return { figure, canvas: node };
}

function textList(id: string, label: string, texts: readonly string[], empty: string): HTMLElement {
  if (texts.length === 0) return element("p", { className: "hint", id, text: empty });
  return element("ul", { className: "warning-list", id, attributes: { "aria-label": label } }, ...texts.map((text) => element("li", { text })));
}

function statisticsNodes(backtest: BacktestOutcome): Node[] {
  const rows = statisticRows(backtest.result, backtest.datesFromDateColumn);
  const list = element(
    "dl",
    { className: "check-list", id: "stability-statistics" },
    ...rows.map((row) => element("div", { className: "check-item" }, element("dt", { text: row.label }), element("dd", { id: `stability-stat-${row.name}`, text: row.text }))),
  );
  const reasons = rows.filter((row) => row.reason !== null).map((row) => `${row.label} is undefined: ${row.reason as string}.`);
  const warnings = [...backtest.result.warnings.map((warning) => warning.message), ...backtest.historyWarnings];
  const how = backtest.result.method === "ewma" ? `EWMA, λ = ${String(backtest.result.lambda)}` : `sample over ${backtest.result.window} changes`;
  const facts = element("p", {
    className: "hint",
    id: "stability-facts",
    text: `${backtest.result.days.length} out-of-sample days of ${backtest.result.changeCount} daily changes; covariance ${how}, re-hedged every ${backtest.result.rebalance === 1 ? "day" : `${backtest.result.rebalance} days`}, ridge ${backtest.result.ridge}.`,
  });
  return [facts, list, ...(reasons.length > 0 ? [textList("stability-undefined", "Undefined figures", reasons, "")] : []), textList("stability-warnings", "Backtest warnings", warnings, "No warnings.")];
}

function stressTable(stress: CorrelationStressResult): HTMLElement {
  const headings = ["Shift", "Held", "Re-optimised", "Held residual sd", "Repaired"];
  return element(
    "table",
    { className: "result-table", id: "stability-stress-table" },
    element("caption", { className: "visually-hidden", text: "Effectiveness under shifted correlations" }),
    element("thead", {}, element("tr", {}, ...headings.map((text, k) => element("th", { className: k === 4 ? "" : "number", text, attributes: { scope: "col" } })))),
    element(
      "tbody",
      {},
      ...stress.rows.map((row) =>
        element(
          "tr",
          {},
          element("th", { className: "number", text: formatStatistic(row.shift), attributes: { scope: "row" } }),
          element("td", { className: "number", text: formatPercent(row.heldEffectiveness) }),
          element("td", { className: "number", text: formatPercent(row.reoptimisedEffectiveness) }),
          element("td", { className: "number", text: formatAmount(row.heldResidualSd) }),
          element("td", { text: row.repaired ? "yes" : "no" }),
        ),
      ),
    ),
  );
}

export function createStabilityView(controller: PaneController): View {
  const message = areaMessage("stability");
  const book = element("p", { className: "basis", id: "stability-book" });
  const correlationBasis = element("p", { className: "basis", id: "stability-correlations" });

  const historyHintId = uniqueId("hint");
  const historyInput = element("input", {
    id: "stability-historyAddress",
    className: "text-input",
    attributes: { type: "text", autocomplete: "off", spellcheck: "false", placeholder: "Vols!A1:D400", "aria-describedby": historyHintId },
  });
  historyInput.addEventListener("input", () => {
    controller.stability.setField("historyAddress", historyInput.value);
    controller.clearMessage("stability");
  });
  const useSelection = button("Use selection", () => void controller.stability.useSelectionForHistory(), {
    className: "button",
    id: "stability-historyAddress-use-selection",
    attributes: { "aria-label": "Use selection for History" },
  });
  const historyRow = element(
    "div",
    { className: "field-row" },
    element("label", { className: "field-label", attributes: { for: historyInput.id }, text: "History" }),
    element("div", { className: "input-with-button" }, historyInput, useSelection),
    element("p", {
      className: "hint",
      id: historyHintId,
      text: "Daily implied-vol levels: names on top (every book asset and proxy), one row per date, oldest first; a date column first is read as the dates.",
    }),
  );

  const optionInputs = new Map<StabilityOptionField, { input: HTMLInputElement; message: HTMLParagraphElement }>();
  const optionRows = STABILITY_OPTION_FIELDS.map((field) => {
    const spec = OPTION_SPECS[field];
    const id = `stability-${field}`;
    const hintId = uniqueId("hint");
    const input = element("input", {
      id,
      className: `text-input ${field === "shifts" ? "" : "number-input"}`,
      attributes: { type: "text", inputmode: field === "shifts" ? "text" : "decimal", autocomplete: "off", spellcheck: "false", placeholder: spec.placeholder, "aria-describedby": `${hintId} ${id}-message` },
    });
    input.addEventListener("input", () => controller.stability.setField(field, input.value));
    const fieldMessage = element("p", { className: "field-message", id: `${id}-message`, attributes: { "aria-live": "polite" } });
    fieldMessage.hidden = true;
    optionInputs.set(field, { input, message: fieldMessage });
    return element(
      "div",
      { className: "field-row" },
      element("label", { className: "field-label", attributes: { for: id }, text: spec.label }),
      input,
      fieldMessage,
      element("p", { className: "hint", id: hintId, text: spec.hint }),
    );
  });

  const runButton = button("Run", () => void controller.stability.run(), { className: "button primary", id: "stability-run-button" });
  const insertButton = button("Insert stability report", () => void controller.stability.insertReport(), { className: "button", id: "stability-insert-button" });
  const lastReport = element("p", { className: "hint", id: "stability-last-report" });

  const pnl = canvas("stability-pnl-chart", "Cumulative vol P&L, unhedged and hedged, out of sample");
  const hedge = canvas("stability-hedge-chart", "Hedge vega per proxy through time");
  const stress = canvas("stability-stress-chart", "Effectiveness against the correlation shift, held and re-optimised");
  const charts = new StabilityCharts({ pnl: pnl.canvas, hedge: hedge.canvas, stress: stress.canvas });

  const backtestError = element("p", { className: "field-message", id: "stability-backtest-error", attributes: { role: "alert" } });
  const backtestIdle = element("p", { className: "hint", text: "Run shows the cumulative P&L, the hedge through time and the statistics here." });
  const backtestFigures = element("div", { className: "stability-results", id: "stability-backtest" }, pnl.figure, hedge.figure);
  const backtestFacts = element("div", { id: "stability-backtest-figures" });
  const stressError = element("p", { className: "field-message", id: "stability-stress-error", attributes: { role: "alert" } });
  const stressIdle = element("p", { className: "hint", text: "Run shows how today's hedge holds when the target–proxy correlations move." });
  const stressFigures = element("div", { className: "stability-results", id: "stability-stress" }, stress.figure);
  const stressFacts = element("div", { id: "stability-stress-figures" });

  const root = element(
    "div",
    { className: "stability-view" },
    section("stability-input-section", "Book and history", book, correlationBasis, historyRow),
    section("stability-options-section", "Options", ...optionRows),
    message.node,
    element("div", { className: "button-row" }, runButton, insertButton),
    lastReport,
    section("stability-backtest-section", "Out-of-sample backtest", backtestIdle, backtestError, backtestFigures, backtestFacts),
    section("stability-stress-section", "Correlation stress", stressIdle, stressError, stressFigures, stressFacts),
  );

  let shownOutcome: StabilityOutcome | null | undefined;
  const showOutcome = (outcome: StabilityOutcome | null): void => {
    const backtest = outcome?.backtest ?? null;
    const stressOutcome = outcome?.stress ?? null;
    backtestIdle.hidden = outcome !== null;
    stressIdle.hidden = outcome !== null;
    setText(backtestError, backtest && !backtest.ok ? backtest.message : "");
    backtestError.hidden = !(backtest && !backtest.ok);
    setText(stressError, stressOutcome && !stressOutcome.ok ? stressOutcome.message : "");
    stressError.hidden = !(stressOutcome && !stressOutcome.ok);
    const backtestValue = backtest?.ok ? backtest.value : null;
    const stressValue = stressOutcome?.ok ? stressOutcome.value : null;
    backtestFigures.hidden = backtestValue === null;
    stressFigures.hidden = stressValue === null;
    backtestFacts.replaceChildren(...(backtestValue ? statisticsNodes(backtestValue) : []));
    stressFacts.replaceChildren(
      ...(stressValue ? [stressTable(stressValue), textList("stability-stress-warnings", "Stress warnings", stressValue.warnings.map((warning) => warning.message), "No warnings.")] : []),
    );
    charts.show(backtestValue, stressValue);
  };

  return {
    root,
    render(state: PaneState) {
      const form = state.stability.form;
      setValueUnlessFocused(historyInput, form.historyAddress);
      for (const [field, { input, message: fieldMessage }] of optionInputs) {
        setValueUnlessFocused(input, form[field]);
        const problem = state.stability.optionProblems[field] ?? "";
        setText(fieldMessage, problem);
        fieldMessage.hidden = problem === "";
        if (problem === "") input.removeAttribute("aria-invalid");
        else input.setAttribute("aria-invalid", "true");
      }
      const enabled = workbookButtonsEnabled(state);
      useSelection.disabled = !enabled;
      runButton.disabled = !enabled;
      insertButton.disabled = !enabled;

      const hedgeForm = state.hedge.form;
      const proxies = parseNameList(hedgeForm.proxies);
      setText(
        book,
        hedgeForm.assetsAddress.trim() === "" || hedgeForm.vegasAddress.trim() === "" || proxies.length === 0
          ? "The book and proxies come from the Hedge tab: give its assets column, vegas column and proxies there."
          : `Book from the Hedge tab: assets ${hedgeForm.assetsAddress.trim()}, vegas ${hedgeForm.vegasAddress.trim()}, hedged with ${nameList(proxies)}.`,
      );
      const editor =
        state.config.assets.length === 0
          ? "The correlation editor is empty: the stress needs correlations (Correlations tab)."
          : state.unsaved
            ? "The stress uses the correlation editor's unsaved changes; the inserted report uses the saved XV_CORR and XV_VOLVOL."
            : "The stress uses the saved correlations (XV_CORR, XV_VOLVOL), as the inserted report does.";
      const stale = stabilityBasisStale(state);
      setText(correlationBasis, stale ? `${editor} The correlations changed since this run: Run again.` : editor);
      correlationBasis.className = `basis ${state.unsaved || stale ? "pending" : ""}`;

      if (state.stability.outcome !== shownOutcome) {
        shownOutcome = state.stability.outcome;
        showOutcome(shownOutcome);
      }
      setText(lastReport, state.stability.lastReportSheet ? `Last report: sheet ${state.stability.lastReportSheet}.` : "");
      lastReport.hidden = state.stability.lastReportSheet === null;
      message.render(state);
    },
  };
}
