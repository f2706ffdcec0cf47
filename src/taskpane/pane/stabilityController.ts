/*
 * The Stability tab: the history's address and the options, Run (the out-of-sample backtest of the Hedge tab's book
 * and proxies over the history, and the correlation stress of today's hedge under the editor's correlations), and the
 * inserted report of live formulas over the same cells and the saved names.
 */
import type { StabilityReportSpec, WorkbookGateway } from "../workbook/workbookGateway";
import { parseNameList, sameHedgeInputs, type Checked } from "./hedgePreview";
import type { PaneState } from "./paneState";
import { status, type PaneStore } from "./paneStore";
import { readStabilityOptions, type StabilityField, type StabilityOptions } from "./stabilityForm";
import { runBacktestFor, runStressFor, type StabilityOutcome } from "./stabilityRun";
import { nameList, plural } from "./wording";

/** The cells a run reads: the history and the Hedge tab's book, and the proxies named there. */
interface StabilityAddresses {
  historyAddress: string;
  assetsAddress: string;
  vegasAddress: string;
  proxies: string[];
}

export class StabilityController {
  constructor(
    private readonly store: PaneStore,
    private readonly gateway: WorkbookGateway,
  ) {}

  /** Records a typed field; an option's refusal goes once the user edits it. */
  setField(field: StabilityField, value: string): void {
    const stability = this.store.state.stability;
    if (stability.form[field] === value) return;
    const optionProblems = { ...stability.optionProblems };
    if (field !== "historyAddress") delete optionProblems[field];
    this.store.update({ stability: { ...stability, form: { ...stability.form, [field]: value }, optionProblems } });
  }

  /** Fills the history's address from the current selection. */
  async useSelectionForHistory(): Promise<void> {
    await this.store.run("Reading the selection…", async () => {
      const selection = await this.gateway.readSelection();
      this.setField("historyAddress", selection.address);
      this.store.update({ status: status("info", `History: ${selection.address}.`) });
    });
  }

  /** Reads the history and the book and runs the backtest and the stress; each shows its result or its message. */
  async run(): Promise<void> {
    const checked = this.checkedForm();
    if (!checked) return;
    await this.store.run("Running the backtest and the stress…", async () => {
      const outcome = await this.compute(checked.addresses, checked.options);
      this.store.update({ message: null, status: outcomeStatus(outcome) });
    });
  }

  /** Runs again (the report's charts are sized by the backtest's days), then inserts the sheet of live formulas. */
  async insertReport(): Promise<void> {
    const checked = this.checkedForm();
    if (!checked) return;
    if (this.store.state.savedConfig === null) {
      this.store.update({ message: { area: "stability", text: "Save the correlations first: the report's stress formula reads the workbook names XV_CORR and XV_VOLVOL." } });
      return;
    }
    await this.store.run("Inserting the stability report…", async () => {
      const outcome = await this.compute(checked.addresses, checked.options);
      if (!outcome.backtest.ok) {
        this.store.update({
          message: { area: "stability", text: `No report: the backtest fails on these cells (see below), and its formulas would show the same error. Fix that first.` },
          status: status("error", "No stability report inserted."),
        });
        return;
      }
      const backtest = outcome.backtest.value;
      const spec: StabilityReportSpec = {
        ...checked.addresses,
        ...checked.options,
        dayCount: backtest.result.days.length,
        datesAreSerials: backtest.datesFromDateColumn && typeof backtest.result.days[0]?.date === "number",
      };
      const { sheetName } = await this.gateway.insertStabilityReport(spec);
      const caveat = this.store.state.unsaved ? " Its stress uses the saved correlations, not the editor's unsaved changes." : "";
      this.store.update({
        message: null,
        stability: { ...this.store.state.stability, lastReportSheet: sheetName },
        status: status("success", `Inserted the stability report on sheet ${sheetName}.${caveat}`),
      });
    });
  }

  /** The options and addresses, or null after showing what is wrong (next to each bad option, or above the buttons). */
  private checkedForm(): { options: StabilityOptions; addresses: StabilityAddresses } | null {
    const state = this.store.state;
    const options = readStabilityOptions(state.stability.form);
    if (!options.ok) {
      this.store.update({
        stability: { ...state.stability, optionProblems: options.problems },
        status: status("error", `Not run: ${plural(Object.keys(options.problems).length, "option")} to fix (see the messages by the fields).`),
      });
      return null;
    }
    const addresses = addressesFrom(state);
    if (!addresses.ok) {
      this.store.update({ stability: { ...state.stability, optionProblems: {} }, message: { area: "stability", text: addresses.message } });
      return null;
    }
    this.store.update({ stability: { ...state.stability, optionProblems: {} } });
    return { options: options.value, addresses: addresses.value };
  }

  private async compute(addresses: StabilityAddresses, options: StabilityOptions): Promise<StabilityOutcome> {
    const [history, assets, vegas] = await Promise.all([addresses.historyAddress, addresses.assetsAddress, addresses.vegasAddress].map((address) => this.gateway.readRange(address)));
    const config = this.store.state.config;
    const inputs = { history: history ?? [], assets: assets ?? [], vegas: vegas ?? [], proxies: addresses.proxies, config, options };
    // A long history takes the backtest a noticeable moment: let the pane paint and answer between the two halves.
    const backtest = runBacktestFor(inputs);
    await nextTask();
    const outcome = { backtest, stress: runStressFor(inputs) };
    await nextTask();
    this.store.update({ stability: { ...this.store.state.stability, outcome, outcomeConfig: config } });
    return outcome;
  }
}

function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** What a run needs from the Hedge tab and the history field, or the first thing missing. */
function addressesFrom(state: PaneState): Checked<StabilityAddresses> {
  const hedge = state.hedge.form;
  const historyAddress = state.stability.form.historyAddress.trim();
  const proxies = parseNameList(hedge.proxies);
  if (hedge.assetsAddress.trim() === "" || hedge.vegasAddress.trim() === "" || proxies.length === 0) {
    return { ok: false, message: "The book and proxies come from the Hedge tab: give its assets column, vegas column and proxies there first." };
  }
  if (historyAddress === "") return { ok: false, message: "Give the address of the history of vol levels (select it, names on top, one row per date, and click Use selection)." };
  return { ok: true, value: { historyAddress, assetsAddress: hedge.assetsAddress.trim(), vegasAddress: hedge.vegasAddress.trim(), proxies } };
}

function outcomeStatus(outcome: StabilityOutcome): ReturnType<typeof status> {
  const { backtest, stress } = outcome;
  if (!backtest.ok && !stress.ok) return status("error", "Neither the backtest nor the stress ran: see their messages on the Stability tab.");
  const ranBacktest = backtest.ok ? `the backtest over ${plural(backtest.value.result.days.length, "out-of-sample day")}, hedging with ${nameList(backtest.value.result.proxies)}` : "";
  const ranStress = stress.ok ? `the stress at ${plural(stress.value.rows.length, "correlation shift")}` : "";
  if (backtest.ok && stress.ok) return status("success", `Ran ${ranBacktest}, and ${ranStress}.`);
  return status("error", backtest.ok ? `Ran ${ranBacktest}; the stress did not run (see its message).` : `Ran ${ranStress}; the backtest did not run (see its message).`);
}

/** Whether the stress shown ran under the editor's set-up as it is now. */
export function stabilityBasisStale(state: PaneState): boolean {
  const used = state.stability.outcomeConfig;
  return state.stability.outcome !== null && used !== null && used !== state.config && !sameHedgeInputs(used, state.config);
}
