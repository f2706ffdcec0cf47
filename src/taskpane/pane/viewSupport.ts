/* What the pane's views share: the view shape, section headings, area messages and the workbook-button rule. */
import { element, setText } from "./dom";
import type { PaneController } from "./paneController";
import type { MessageArea, PaneState } from "./paneState";

export interface View {
  root: HTMLElement;
  /** Brings the view up to date with `state`; called after every change. Never rebuilds what did not change. */
  render(state: PaneState): void;
}

export type ViewFactory = (controller: PaneController) => View;

/** A titled section: <section aria-labelledby> with an h2. */
export function section(id: string, title: string, ...children: (Node | null)[]): HTMLElement {
  const heading = element("h2", { className: "section-title", id: `${id}-heading`, text: title });
  const node = element("section", { className: "pane-section", id, attributes: { "aria-labelledby": heading.id } }, heading);
  for (const child of children) if (child) node.append(child);
  return node;
}

/** The paragraph that shows the model's refusal for one area (announced politely when it changes). */
export function areaMessage(area: MessageArea): { node: HTMLParagraphElement; render(state: PaneState): void } {
  const node = element("p", { className: "field-message", id: `${area}-message`, attributes: { "aria-live": "polite" } });
  node.hidden = true;
  return {
    node,
    render(state) {
      const text = state.message?.area === area ? state.message.text : "";
      setText(node, text);
      node.hidden = text === "";
    },
  };
}

/** Buttons that read or write the workbook are off while the host lacks the APIs or an action runs. */
export function workbookButtonsEnabled(state: PaneState): boolean {
  return state.requirementProblem === null && state.busy === null && state.started;
}

/** A radio button with its label, for a fieldset. */
export function radio(name: string, value: string, label: string, onChoose: (value: string) => void): { wrapper: HTMLLabelElement; input: HTMLInputElement } {
  const input = element("input", { attributes: { type: "radio", name, value } });
  input.addEventListener("change", () => {
    if (input.checked) onChoose(value);
  });
  return { wrapper: element("label", { className: "choice" }, input, label), input };
}
