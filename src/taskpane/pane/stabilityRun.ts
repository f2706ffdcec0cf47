/*
 * The Stability tab's sums, without DOM or Office: the history, the Hedge tab's book and proxies, and the tab's options
 * go through the readers XV.VOLCORR and XV.XVEGAHEDGE use (src/ranges) into the engine (src/core/backtest), so the tab
 * shows what the report's XV.HEDGEBACKTEST, XV.BACKTESTSTATS and XV.HEDGESTRESS compute from the same cells. The
 * backtest and the stress are judged separately: a stress without correlations still leaves the backtest to show.
 */
import { runHedgeBacktest, stressHedge, type CorrelationStressResult, type HedgeBacktestResult } from "../../core/backtest";
import { historyRowDescriber } from "../../ranges/backtestArguments";
import { readHistory } from "../../ranges/historyReading";
import { readHedgeRequest, readLegs } from "../../ranges/hedgeArguments";
import type { CorrelationConfig } from "../correlation/correlationConfig";
import { checkConfig } from "../correlation";
import { labelledCorrelations, labelledVolOfVols, messageOf, type Checked } from "./hedgePreview";
import type { StabilityOptions } from "./stabilityForm";

export interface StabilityInputs {
  /** The values of the history range, of the book's asset and vega columns (Excel's any[][]). */
  history: unknown[][];
  assets: unknown[][];
  vegas: unknown[][];
  proxies: string[];
  /** The correlation set-up the stress holds today's hedge under (the Hedge tab's: the editor's). */
  config: CorrelationConfig;
  options: StabilityOptions;
}

export interface BacktestOutcome {
  result: HedgeBacktestResult;
  /** The dates are the history's date column (Excel serials or texts), not row numbers. */
  datesFromDateColumn: boolean;
  /** What the history's reader could not check (e.g. the order of ambiguous text dates). */
  historyWarnings: string[];
}

export interface StabilityOutcome {
  backtest: Checked<BacktestOutcome>;
  stress: Checked<CorrelationStressResult>;
}

export function runBacktestFor(inputs: StabilityInputs): Checked<BacktestOutcome> {
  try {
    const targets = readLegs(inputs.assets, inputs.vegas);
    const history = readHistory(inputs.history, "history", "absolute");
    const result = runHedgeBacktest({
      history: { assets: history.assets, levels: history.levels, order: history.order },
      rowDates: history.rowDates,
      describeRow: historyRowDescriber(history),
      targets,
      proxies: inputs.proxies,
      window: inputs.options.window,
      lambda: inputs.options.lambda,
      ridge: inputs.options.ridge,
      rebalance: inputs.options.rebalance,
    });
    return { ok: true, value: { result, datesFromDateColumn: history.hasDateColumn, historyWarnings: history.warnings } };
  } catch (error) {
    return { ok: false, message: messageOf(error) };
  }
}

export function runStressFor(inputs: StabilityInputs): Checked<CorrelationStressResult> {
  const { config } = inputs;
  if (config.assets.length === 0) return { ok: false, message: "The correlation set-up is empty: import or type correlations on the Correlations tab, then run again." };
  if (!checkConfig(config).valid) return { ok: false, message: "The correlation matrix fails the checks (see the Correlations tab): repair it before stressing a hedge with it." };
  try {
    const request = readHedgeRequest({
      assets: inputs.assets,
      vegas: inputs.vegas,
      proxies: [inputs.proxies],
      correlations: labelledCorrelations(config),
      volvols: labelledVolOfVols(config),
      contractVegas: null,
      lotSizes: null,
      ridge: inputs.options.ridge,
    });
    const { targets, proxies, correlation, volOfVols, ridge } = request.input;
    return { ok: true, value: stressHedge({ targets, proxies, correlation, ridge, shifts: inputs.options.shifts, ...(volOfVols ? { volOfVols } : {}) }) };
  } catch (error) {
    return { ok: false, message: messageOf(error) };
  }
}

export function runStability(inputs: StabilityInputs): StabilityOutcome {
  return { backtest: runBacktestFor(inputs), stress: runStressFor(inputs) };
}
