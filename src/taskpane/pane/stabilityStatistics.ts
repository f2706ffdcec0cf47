/*
 * The Stability tab's figures as rows of text: the statistics under XV.BACKTESTSTATS' labels and in its order, each
 * undefined one with the engine's reason, and the series the charts draw (cumulative P&L, hedge per proxy, the stress
 * sorted by shift). Pure: the view and the tests share it.
 */
import { BACKTEST_STATISTIC_ROWS, type BacktestStatisticName, type CorrelationStressResult, type HedgeBacktestResult } from "../../core/backtest";
import { formatAmount, formatPercent, formatStatistic } from "./format";
import { dateLabelText } from "./dateLabelText";

export interface StatisticRow {
  label: string;
  name: BacktestStatisticName;
  text: string;
  /** Why the figure is undefined (then `text` is "undefined"), or null. */
  reason: string | null;
}

function statisticText(name: BacktestStatisticName, result: HedgeBacktestResult, datesFromDateColumn: boolean): string {
  const value = result.statistics[name];
  if (value === null) return "undefined";
  switch (name) {
    case "days":
      return String(value);
    case "effectivenessOutOfSample":
    case "effectivenessInSample":
      return formatPercent(value as number);
    case "regressionSlope":
    case "regressionR2":
    case "dollarOffset":
      return formatStatistic(value as number);
    case "worstDate":
      return dateLabelText(value, datesFromDateColumn);
    default:
      return formatAmount(value as number);
  }
}

export function statisticRows(result: HedgeBacktestResult, datesFromDateColumn: boolean): StatisticRow[] {
  return BACKTEST_STATISTIC_ROWS.map(([label, name]) => ({
    label,
    name,
    text: statisticText(name, result, datesFromDateColumn),
    reason: result.statistics[name] === null ? (result.undefinedReasons[name] ?? "undefined for this history") : null,
  }));
}

/** Running sums of the unhedged and hedged P&L, day by day. */
export function cumulativePnl(result: HedgeBacktestResult): { unhedged: number[]; hedged: number[] } {
  let unhedgedTotal = 0;
  let hedgedTotal = 0;
  const unhedged: number[] = [];
  const hedged: number[] = [];
  for (const day of result.days) {
    unhedgedTotal += day.unhedgedPnl;
    hedgedTotal += day.hedgedPnl;
    unhedged.push(unhedgedTotal);
    hedged.push(hedgedTotal);
  }
  return { unhedged, hedged };
}

/** The hedge vega of each proxy, day by day (held between rebalances). */
export function hedgeSeries(result: HedgeBacktestResult): { proxy: string; vegas: number[] }[] {
  return result.proxies.map((proxy, p) => ({ proxy, vegas: result.days.map((day) => day.hedge[p] as number) }));
}

/** The stress's rows sorted by shift (the chart's x axis), keeping their values. */
export function stressPointsByShift(stress: CorrelationStressResult): CorrelationStressResult["rows"] {
  return [...stress.rows].sort((a, b) => a.shift - b.shift);
}
