/*
 * Correlations tab, "Check": always visible, recomputed on every edit (PSD, smallest eigenvalue, condition number,
 * problems, missing vol-of-vols); "Repair" previews the nearest valid matrix (largest change, the repaired matrix with
 * changed entries marked) until the user applies or discards it.
 */
import { SINGULAR_CONDITION_TEXT } from "../../core/conditionNumber";
import { checkConfig, heatColour } from "../correlation";
import type { CorrelationConfig } from "../correlation/correlationConfig";
import { button, element, setText } from "./dom";
import { formatCorrelation, formatStatistic } from "./format";
import type { PaneController } from "./paneController";
import type { ConfigCheck, PaneState, RepairPreview } from "./paneState";
import { section, type View } from "./viewSupport";

/** Entries that differ at the precision the grid shows. */
const SHOWN_CHANGE = 0.5 * 10 ** -4;

function definition(term: string, id: string): { item: HTMLDivElement; value: HTMLElement } {
  const value = element("dd", { id });
  return { item: element("div", { className: "check-item" }, element("dt", { text: term }), value), value };
}

function changedEntries(before: CorrelationConfig, after: CorrelationConfig): number {
  let count = 0;
  after.correlations.forEach((row, i) =>
    row.forEach((value, j) => {
      if (j > i && Math.abs(value - (before.correlations[i]?.[j] ?? Number.NaN)) > SHOWN_CHANGE) count += 1;
    }),
  );
  return count;
}

function repairedTable(before: CorrelationConfig, after: CorrelationConfig): HTMLTableElement {
  const head = element("tr", {}, element("td", { className: "matrix-corner" }), ...after.assets.map((name) => element("th", { className: "matrix-header", text: name, attributes: { scope: "col", title: name } })));
  const rows = after.correlations.map((row, i) =>
    element(
      "tr",
      {},
      element("th", { className: "matrix-header row-header", text: after.assets[i] ?? "", attributes: { scope: "row", title: after.assets[i] ?? "" } }),
      ...row.map((value, j) => {
        const changed = i !== j && Math.abs(value - (before.correlations[i]?.[j] ?? Number.NaN)) > SHOWN_CHANGE;
        const cell = element("td", { className: changed ? "preview-cell changed" : "preview-cell", text: formatCorrelation(value) });
        const colour = heatColour(value);
        cell.style.setProperty("background-color", colour.background);
        cell.style.setProperty("color", colour.text);
        if (changed) cell.title = `was ${formatCorrelation(before.correlations[i]?.[j] ?? Number.NaN)}`;
        return cell;
      }),
    ),
  );
  return element(
    "table",
    { className: "matrix preview-matrix" },
    element("caption", { className: "visually-hidden", text: "Repaired correlations; changed entries are underlined" }),
    element("thead", {}, head),
    element("tbody", {}, ...rows),
  );
}

/** λmax/λmin; without one (λmin ≤ 0) say why: a singular PSD matrix, or one that is not PSD at all. */
function conditionText(check: ConfigCheck): string {
  if (check.conditionNumber !== null) return formatStatistic(check.conditionNumber);
  if (check.smallestEigenvalue === null) return "not defined";
  return check.positiveSemidefinite ? SINGULAR_CONDITION_TEXT : "not defined (not PSD)";
}

export function createCheckView(controller: PaneController): View {
  const verdict = element("p", { className: "verdict", id: "check-verdict" });
  const psd = definition("Positive semidefinite", "check-psd");
  const smallest = definition("Smallest eigenvalue", "check-smallest-eigenvalue");
  const condition = definition("Condition number", "check-condition-number");
  const missing = definition("Missing vol of vols", "check-missing-volvols");
  const list = element("dl", { className: "check-list" }, psd.item, smallest.item, condition.item, missing.item);
  const problems = element("ul", { className: "problem-list", id: "check-problems", attributes: { "aria-label": "Problems" } });

  const repairButton = button("Repair", () => controller.editing.requestRepair(), { className: "button", id: "repair-button" });
  const repairHint = element("p", { className: "hint", text: "Repair finds the nearest positive definite correlation matrix (smallest eigenvalue 1e-8) and shows it before changing anything." });

  const preview = element("div", { className: "repair-preview", id: "repair-preview", attributes: { role: "region", "aria-label": "Repair preview" } });
  preview.hidden = true;
  let shownRepair: RepairPreview | null = null;

  function renderPreview(repair: RepairPreview, before: CorrelationConfig): void {
    const after = repair.repaired;
    const afterCheck = checkConfig(after);
    const largest = repair.largestChange;
    const largestText = largest
      ? `Largest change: ${largest.rowAsset} / ${largest.columnAsset} ${formatCorrelation(largest.before)} → ${formatCorrelation(largest.after)}.`
      : "No entry changes.";
    const changed = changedEntries(before, after);
    const convergence = repair.converged ? `Converged in ${repair.iterations} iterations.` : `Stopped: ${repair.notConverged ?? `${repair.iterations} iterations without converging`}.`;
    preview.replaceChildren(
      element("h3", { className: "subsection-title", text: "Repair preview" }),
      element("p", { id: "repair-largest-change", text: largestText }),
      element("p", { className: "hint", text: `${changed} ${changed === 1 ? "entry" : "entries"} change (underlined). Smallest eigenvalue after: ${formatStatistic(afterCheck.smallestEigenvalue)}. ${convergence}` }),
      element("div", { className: "matrix-scroller" }, repairedTable(before, after)),
      element(
        "div",
        { className: "button-row" },
        button("Apply", () => controller.editing.applyRepair(), { className: "button primary", id: "repair-apply" }),
        button("Discard", () => controller.editing.discardRepair(), { className: "button", id: "repair-discard" }),
      ),
    );
  }

  const root = section("check-section", "Check", verdict, list, element("p", { className: "problems-title", text: "Problems" }), problems, repairHint, element("div", { className: "button-row" }, repairButton), preview);

  return {
    root,
    render(state: PaneState) {
      const { check, config } = state;
      const empty = config.assets.length === 0;
      const verdictText = empty ? "Nothing to check yet." : check.valid ? "Valid correlation matrix." : "Not a valid correlation matrix.";
      setText(verdict, verdictText);
      verdict.className = `verdict ${empty ? "" : check.valid ? "good" : "bad"}`;
      setText(psd.value, empty ? "–" : check.positiveSemidefinite ? "Yes" : "No");
      psd.value.className = empty ? "" : check.positiveSemidefinite ? "good" : "bad";
      setText(smallest.value, empty ? "–" : formatStatistic(check.smallestEigenvalue));
      setText(condition.value, empty ? "–" : conditionText(check));
      setText(missing.value, check.missingVolOfVols.length === 0 ? "None" : check.missingVolOfVols.join(", "));
      const problemTexts = check.problems.length === 0 ? ["None"] : check.problems;
      if (problems.childElementCount !== problemTexts.length || problemTexts.some((text, k) => problems.children[k]?.textContent !== text)) {
        problems.replaceChildren(...problemTexts.map((text) => element("li", { text })));
      }
      repairButton.disabled = empty;
      if (state.repair !== shownRepair) {
        shownRepair = state.repair;
        if (state.repair) renderPreview(state.repair, config);
        else preview.replaceChildren();
        preview.hidden = state.repair === null;
      }
    },
  };
}
