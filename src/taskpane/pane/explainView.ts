/*
 * "Explain selected cell": the button sits in the pane's header, visible on every tab (a trader who meets a bare
 * #VALUE! wants its reason whatever the pane was showing); the explanation fills the Explain tab, which the button
 * brings forward. Every piece of text (formulas, names, cell values, messages) goes in as text, never as HTML.
 */
import type { CellExplanation } from "../explain/cellExplanation";
import { element, requiredElement } from "./dom";
import type { PaneController } from "./paneController";
import type { PaneState } from "./paneState";
import type { Tabs } from "./tabs";
import type { View } from "./viewSupport";

const EMPTY_HINT =
  "Select a cell that holds an XV formula, or any cell of its spill, and click Explain selected cell (top right): the pane shows the function, its arguments as read, and the cell's message or value. Where Excel shows #VALUE! without a message, this is where to read it.";

function argumentRows(explanation: CellExplanation): Node {
  return element(
    "dl",
    { className: "check-list explain-arguments", id: "explain-arguments" },
    ...explanation.arguments.map((line) =>
      element(
        "div",
        { className: `check-item explain-argument${line.blocking ? " blocking" : ""}` },
        element("dt", {}, line.name, " ", element("code", { text: line.written })),
        element("dd", { text: line.read }),
      ),
    ),
  );
}

function explanationNodes(explanation: CellExplanation): Node[] {
  const nodes: Node[] = [];
  if (explanation.cellAddress !== null) nodes.push(element("h2", { className: "section-title", id: "explain-cell", text: explanation.cellAddress }));
  for (const line of explanation.context) nodes.push(element("p", { className: "hint explain-context", text: line }));
  if (explanation.functionName !== null) nodes.push(element("p", { className: "explain-function", id: "explain-function" }, "Function ", element("code", { text: explanation.functionName })));
  if (explanation.formula !== null) nodes.push(element("p", { className: "explain-formula" }, element("code", { id: "explain-formula", text: explanation.formula })));
  nodes.push(element("p", { className: `explain-outcome ${explanation.outcome.kind}`, id: "explain-outcome", text: explanation.outcome.text }));
  if (explanation.shown !== null) nodes.push(element("p", { className: "hint", id: "explain-shown", text: `Excel shows: ${explanation.shown}` }));
  if (explanation.arguments.length > 0) {
    nodes.push(element("h3", { className: "subsection-title", text: "Arguments as read" }), argumentRows(explanation));
  }
  if (explanation.notes.length > 0) {
    nodes.push(
      element("h3", { className: "subsection-title", text: "Notes" }),
      element("ul", { className: "warning-list", id: "explain-notes", attributes: { "aria-label": "Notes" } }, ...explanation.notes.map((text) => element("li", { text }))),
    );
  }
  return nodes;
}

export function createExplainView(controller: PaneController, tabs: Tabs): View {
  const explainButton = requiredElement<HTMLButtonElement>("explain-button");
  const explainTab = requiredElement("tab-explain");
  explainButton.addEventListener("click", () => {
    tabs.select(explainTab, false);
    void controller.explain.explainSelectedCell();
  });
  const result = element("div", { className: "explanation", id: "explanation", attributes: { role: "region", "aria-label": "Explanation of the selected cell", "aria-live": "polite" } });
  result.replaceChildren(element("p", { className: "hint", text: EMPTY_HINT }));
  let shown: CellExplanation | null = null;

  return {
    root: element("div", { className: "explain-view" }, result),
    render(state: PaneState) {
      // Off only while another action runs or before the pane started; without the APIs it still answers (with why).
      explainButton.disabled = state.busy !== null || !state.started;
      if (state.explanation !== shown) {
        shown = state.explanation;
        result.replaceChildren(...(shown === null ? [element("p", { className: "hint", text: EMPTY_HINT })] : explanationNodes(shown)));
      }
    },
  };
}
