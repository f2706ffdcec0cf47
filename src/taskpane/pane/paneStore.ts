/*
 * The pane's one state and the rules every tab's controller shares: one writer (update) that keeps the derived fields
 * (unsaved, check) true, listeners called after every change, and run(), through which every workbook action goes so
 * that it is refused while another runs, marks the pane busy, ends any error in the status region, and always settles.
 */
import { checkConfig, configsEqual, emptyConfig } from "../correlation";
import { EMPTY_HEDGE_FORM, messageOf } from "./hedgePreview";
import { DEFAULT_STABILITY_FORM } from "./stabilityForm";
import type { MessageArea, PaneState, PaneStatus } from "./paneState";

export type Listener = (state: PaneState) => void;

export function status(tone: PaneStatus["tone"], text: string): PaneStatus {
  return { tone, text };
}

/** The state of a pane that has not asked the workbook anything yet: an empty editor. */
export function initialPaneState(now: Date): PaneState {
  const config = emptyConfig(now);
  return {
    requirementProblem: null,
    busy: null,
    started: false,
    config,
    savedConfig: null,
    previousSave: null,
    unsaved: false,
    check: checkConfig(config),
    repair: null,
    confirmation: null,
    message: null,
    status: null,
    hedge: { form: { ...EMPTY_HEDGE_FORM }, preview: null, previewConfig: null, lastReportSheet: null },
    stability: { form: { ...DEFAULT_STABILITY_FORM }, optionProblems: {}, outcome: null, outcomeConfig: null, lastReportSheet: null },
    estimate: null,
    explanation: null,
  };
}

export class PaneStore {
  private readonly listeners = new Set<Listener>();
  private current: PaneState;

  /** `now` is the clock for metadata timestamps (tests pass a fixed one). */
  constructor(readonly now: () => Date) {
    this.current = initialPaneState(now());
  }

  get state(): PaneState {
    return this.current;
  }

  /** Calls `listener` after every change; returns the unsubscribe function. */
  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  update(patch: Partial<PaneState>): void {
    const next = { ...this.current, ...patch };
    if (patch.config !== undefined || patch.savedConfig !== undefined) {
      next.unsaved = next.savedConfig === null ? next.config.assets.length > 0 : !configsEqual(next.config, next.savedConfig);
    }
    if (patch.config !== undefined) next.check = checkConfig(next.config);
    this.current = next;
    for (const listener of [...this.listeners]) listener(next);
  }

  /** Clears the message next to a control (e.g. once the user starts typing again). */
  clearMessage(area: MessageArea): void {
    if (this.current.message?.area === area) this.update({ message: null });
  }

  /**
   * Runs a workbook action: refused while another runs or the host lacks the APIs; marks the pane busy; any error
   * (a rejected promise, a bug) ends in the status region; busy is always cleared.
   */
  async run(busyText: string, action: () => Promise<void>): Promise<void> {
    if (this.current.requirementProblem !== null) {
      this.update({ status: status("error", this.current.requirementProblem) });
      return;
    }
    if (this.current.busy !== null) return;
    this.update({ busy: busyText, status: status("info", busyText) });
    try {
      await action();
    } catch (error) {
      this.update({ status: status("error", `${busyText.replace(/…$/, "")} failed: ${messageOf(error)}`) });
    } finally {
      this.update({ busy: null });
    }
  }
}
