/* Correlations tab, "Source": import a labelled matrix, or estimate from a vol history, from the selection. */
import { button, element, setText, uniqueId } from "./dom";
import { DEFAULT_EWMA_LAMBDA_TEXT, type EstimationMethod } from "./correlationSources";
import type { PaneController } from "./paneController";
import type { EstimateReport, PaneState } from "./paneState";
import { areaMessage, radio, section, workbookButtonsEnabled, type View } from "./viewSupport";

export function createSourceView(controller: PaneController): View {
  let method: EstimationMethod = "sample";
  const message = areaMessage("source");

  const importButton = button("Import selection", () => void controller.sources.importSelection(), { className: "button primary", id: "import-selection" });
  const importHint = element("p", {
    className: "hint",
    text: "Select a square matrix with asset names in its first row and first column, then import it.",
  });

  const lambdaId = uniqueId("lambda");
  const lambdaInput = element("input", {
    id: lambdaId,
    className: "text-input number-input",
    attributes: { type: "text", inputmode: "decimal", value: DEFAULT_EWMA_LAMBDA_TEXT, "aria-describedby": `${lambdaId}-hint` },
  });
  const chooseMethod = (value: string): void => {
    method = value === "ewma" ? "ewma" : "sample";
    lambdaInput.disabled = method !== "ewma";
  };
  const sample = radio("estimation-method", "sample", "Sample", chooseMethod);
  const ewma = radio("estimation-method", "ewma", "EWMA", chooseMethod);
  sample.input.checked = true;
  lambdaInput.disabled = true;
  lambdaInput.addEventListener("input", () => controller.clearMessage("source"));

  const methodGroup = element(
    "fieldset",
    { className: "choices" },
    element("legend", { text: "Method" }),
    sample.wrapper,
    ewma.wrapper,
    element("label", { className: "inline-label", attributes: { for: lambdaId } }, "λ"),
    lambdaInput,
  );
  const estimateButton = button("Estimate from selection", () => void controller.sources.estimateFromSelection(method, lambdaInput.value), {
    className: "button",
    id: "estimate-selection",
  });
  const estimateHint = element("p", {
    className: "hint",
    id: `${lambdaId}-hint`,
    text: "Or select a history of implied vols (names on top, one row per date, oldest first unless a date column says otherwise) and estimate, with the kind of change chosen under Vol changes. λ is the EWMA daily decay, between 0 and 1.",
  });

  // The last estimate's facts and caveats: they stay here after the status line has moved on.
  const estimateSummary = element("p", { className: "hint", id: "estimate-summary" });
  const estimateWarnings = element("ul", { className: "warning-list", id: "estimate-warnings", attributes: { "aria-label": "Estimation warnings" } });
  const estimateReport = element("div", { className: "estimate-report", id: "estimate-report", attributes: { "aria-live": "polite" } }, estimateSummary, estimateWarnings);
  estimateReport.hidden = true;
  let shownReport: EstimateReport | null = null;

  const root = section(
    "source-section",
    "Source",
    importHint,
    element("div", { className: "button-row" }, importButton),
    estimateHint,
    methodGroup,
    element("div", { className: "button-row" }, estimateButton),
    message.node,
    estimateReport,
  );

  return {
    root,
    render(state: PaneState) {
      const enabled = workbookButtonsEnabled(state);
      importButton.disabled = !enabled;
      estimateButton.disabled = !enabled;
      message.render(state);
      if (state.estimate !== shownReport) {
        shownReport = state.estimate;
        estimateReport.hidden = shownReport === null;
        setText(estimateSummary, shownReport === null ? "" : `${shownReport.summary}${shownReport.warnings.length === 0 ? " No warnings." : ""}`);
        estimateWarnings.replaceChildren(...(shownReport?.warnings ?? []).map((text) => element("li", { text })));
        estimateWarnings.hidden = (shownReport?.warnings.length ?? 0) === 0;
      }
    },
  };
}
