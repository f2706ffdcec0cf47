/*
 * Mounts the pane's views into taskpane.html (tabs, banner, status region, the header's Explain button) and
 * re-renders them on every state change.
 * The About tab is static markup filled by taskpane.ts.
 */
import { createAssetListView } from "./assetListView";
import { createCheckView } from "./checkView";
import { requiredElement, setText } from "./dom";
import { createExplainView } from "./explainView";
import { createHedgeView } from "./hedgeView";
import { createMatrixView } from "./matrixView";
import type { PaneController } from "./paneController";
import type { PaneState } from "./paneState";
import { createSaveView } from "./saveView";
import { createSourceView } from "./sourceView";
import { createStabilityView } from "./stabilityView";
import { setUpTabs } from "./tabs";
import type { View } from "./viewSupport";

export function mountPane(controller: PaneController): void {
  const tabs = setUpTabs(requiredElement("pane-tabs"));
  const correlationViews: View[] = [createSourceView, createAssetListView, createMatrixView, createCheckView, createSaveView].map((create) => create(controller));
  const hedgeView = createHedgeView(controller);
  requiredElement("panel-correlations").replaceChildren(...correlationViews.map((view) => view.root));
  requiredElement("panel-hedge").replaceChildren(hedgeView.root);
  const stabilityView = createStabilityView(controller);
  requiredElement("panel-stability").replaceChildren(stabilityView.root);
  const explainView = createExplainView(controller, tabs);
  requiredElement("panel-explain").replaceChildren(explainView.root);
  const views = [...correlationViews, hedgeView, stabilityView, explainView];

  const banner = requiredElement("requirement-banner");
  const status = requiredElement("pane-status");
  const unsavedDot = requiredElement("tab-unsaved");

  const render = (state: PaneState): void => {
    banner.hidden = state.requirementProblem === null;
    setText(banner, state.requirementProblem ?? "");
    setText(status, state.status?.text ?? "");
    status.className = `pane-status ${state.status?.tone ?? ""}`;
    status.setAttribute("aria-busy", String(state.busy !== null));
    unsavedDot.hidden = !state.unsaved;
    for (const view of views) view.render(state);
  };
  controller.subscribe(render);
  render(controller.state);
}
