/*
 * The pane's coordinator, without DOM: one store (paneStore.ts) that every tab's controller writes through, the
 * controllers themselves (one per idea: editing, sources, saving, hedge), and start(), which checks the host and loads
 * the saved set-up. The views call the controllers and re-render from `state` on every change.
 */
import { emptyConfig } from "../correlation";
import type { WorkbookGateway } from "../workbook/workbookGateway";
import { ConfigSaving } from "./configSaving";
import { CorrelationEditing } from "./correlationEditing";
import { CorrelationSources } from "./correlationSources";
import { ExplainController } from "./explainController";
import { HedgeController } from "./hedgeController";
import { messageOf } from "./hedgePreview";
import type { MessageArea, PaneState } from "./paneState";
import { PaneStore, status, type Listener } from "./paneStore";
import { StabilityController } from "./stabilityController";
import { plural } from "./wording";

export interface PaneControllerOptions {
  gateway: WorkbookGateway;
  /** The clock for metadata timestamps (tests pass a fixed one). */
  now?: () => Date;
}

export class PaneController {
  private readonly store: PaneStore;
  private readonly gateway: WorkbookGateway;
  /** Correlations tab: edits of the set-up in the editor, and the repair preview. */
  readonly editing: CorrelationEditing;
  /** Correlations tab: import or estimate from the selection. */
  readonly sources: CorrelationSources;
  /** Correlations tab: save, its questions, restore. */
  readonly saving: ConfigSaving;
  /** Hedge tab. */
  readonly hedge: HedgeController;
  /** Stability tab: backtest and stress of the Hedge tab's book. */
  readonly stability: StabilityController;
  /** "Explain selected cell" (always visible; the Explain tab shows the result). */
  readonly explain: ExplainController;

  constructor(options: PaneControllerOptions) {
    this.gateway = options.gateway;
    this.store = new PaneStore(options.now ?? (() => new Date()));
    this.editing = new CorrelationEditing(this.store);
    this.sources = new CorrelationSources(this.store, this.gateway, this.editing);
    this.saving = new ConfigSaving(this.store, this.gateway, this.editing);
    this.hedge = new HedgeController(this.store, this.gateway);
    this.stability = new StabilityController(this.store, this.gateway);
    this.explain = new ExplainController(this.store, this.gateway);
  }

  get state(): PaneState {
    return this.store.state;
  }

  /** Calls `listener` after every change; returns the unsubscribe function. */
  subscribe(listener: Listener): () => void {
    return this.store.subscribe(listener);
  }

  /** True when buttons that touch the workbook may be used. */
  get workbookAvailable(): boolean {
    return this.state.requirementProblem === null && this.state.busy === null;
  }

  /** Clears the message next to a control (e.g. once the user starts typing again). */
  clearMessage(area: MessageArea): void {
    this.store.clearMessage(area);
  }

  /** Checks the host, then fills the editor from the workbook's saved set-up (or leaves it empty). */
  async start(): Promise<void> {
    let problem: string | null;
    try {
      problem = this.gateway.requirementProblem();
    } catch (error) {
      problem = `The workbook cannot be reached: ${messageOf(error)}`;
    }
    if (problem !== null) {
      this.store.update({ requirementProblem: problem, started: true, status: status("error", problem) });
      return;
    }
    await this.store.run("Loading the saved correlations…", async () => {
      const loaded = await this.gateway.loadConfig();
      if (loaded === null) {
        this.store.update({
          savedConfig: null,
          config: emptyConfig(this.store.now()),
          status: status("info", "This workbook has no saved correlations yet: import a labelled matrix from a selection or add assets."),
        });
      } else {
        this.store.update({
          savedConfig: loaded,
          config: loaded,
          status: status("success", `Loaded the saved correlations of ${plural(loaded.assets.length, "asset")}.`),
        });
      }
    });
    this.store.update({ started: true });
  }
}
