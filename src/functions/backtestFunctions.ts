/* eslint-disable @typescript-eslint/no-explicit-any -- Excel passes ranges as any[][] (numbers, text, booleans, blanks) */
/*
 * Excel custom functions for "will the hedge hold?": the out-of-sample backtest and the correlation stress of the
 * proxy hedge. The JSDoc below is the function reference Excel shows (parsed by custom-functions-metadata-plugin into
 * functions.json): keep it in step with docs/functions.md.
 */
import { BACKTEST_STATISTIC_ROWS, runHedgeBacktest, stressHedge, type HedgeBacktestResult } from "../core/backtest";
import { readBacktestRequest, readStressRequest } from "../ranges/backtestArguments";
import { EXCEL_NEAREST_CORRELATION_TIME_BUDGET_MS } from "./correlationFunctions";
import { withDomainErrors } from "./domainErrors";
import { invalidValueError, notAvailableError } from "./excelErrors";
import { WARNING_LABEL } from "./hedgeFunctions";

/** The header of XV.HEDGEBACKTEST, before one `hedge <proxy>` column per proxy. */
export const BACKTEST_COLUMNS = ["date", "unhedged_pnl", "hedge_pnl", "hedged_pnl"] as const;
/** The header of XV.HEDGESTRESS. */
export const STRESS_COLUMNS = ["shift", "held effectiveness", "held residual sd", "reoptimised effectiveness", "repaired"] as const;
/** A number for a cell; the engine never returns a non-finite one, and if it did the cell must not show it. */
function finite(value: number, what: string): number {
  if (!Number.isFinite(value)) throw invalidValueError(`the ${what} is not a finite number: check the inputs`);
  return value;
}

function backtestOf(history: any[][], assets: any[][], vegas: any[][], proxies: any[][], window?: any[][], lambda?: any[][], ridge?: any[][], rebalance?: any[][]): HedgeBacktestResult {
  return runHedgeBacktest(readBacktestRequest({ history, assets, vegas, proxies, window: window ?? null, lambda: lambda ?? null, ridge: ridge ?? null, rebalance: rebalance ?? null }));
}

/**
 * Out-of-sample backtest of the proxy hedge: for each day after the first `window` changes of the history, the hedge
 * XV.XVEGAHEDGE would have set from the changes before that day only (re-estimated every `rebalance` days), and what
 * the book, the hedge and both together made that day. A header row, then one row per day: date, unhedged P&L, hedge
 * P&L, hedged P&L, and the hedge vega held on each proxy. P&L in the vegas' currency.
 * @customfunction HEDGEBACKTEST
 * @helpurl https://localhost:3000/help/functions.html#xvhedgebacktest
 * @param history Vol levels as for XV.VOLCORR: asset names in the first row, one row per date, oldest first; an optional first date column. Must hold every book asset and proxy.
 * @param assets Asset of each leg of the book (a column or row), held fixed through the history; legs on one asset are netted.
 * @param vegas Cash vega per vol point of each leg, same length as assets.
 * @param proxies Assets to hedge with, e.g. BTC, ETH.
 * @param window Daily changes before the first tested day, and in each sample estimate. Blank = 60.
 * @param lambda EWMA decay 0 < λ ≤ 1 over all earlier changes (RiskMetrics 0.94). Blank = the sample estimate over the window.
 * @param ridge Ridge λ ≥ 0 as in XV.XVEGAHEDGE. Blank = 0.
 * @param rebalance Re-hedge every this many days. Blank = 1 (daily).
 * @returns A header row, then per day: date, unhedged_pnl, hedge_pnl, hedged_pnl, hedge per proxy.
 */
export function hedgebacktest(
  history: any[][],
  assets: any[][],
  vegas: any[][],
  proxies: any[][],
  window?: any[][],
  lambda?: any[][],
  ridge?: any[][],
  rebalance?: any[][],
): any[][] {
  return withDomainErrors("XV.HEDGEBACKTEST", () => {
    const result = backtestOf(history, assets, vegas, proxies, window, lambda, ridge, rebalance);
    const header: string[] = [...BACKTEST_COLUMNS, ...result.proxies.map((proxy) => `hedge ${proxy}`)];
    const rows = result.days.map((day) => [
      day.date,
      finite(day.unhedgedPnl, `unhedged P&L of ${String(day.date)}`),
      finite(day.hedgePnl, `hedge P&L of ${String(day.date)}`),
      finite(day.hedgedPnl, `hedged P&L of ${String(day.date)}`),
      ...day.hedge.map((value, p) => finite(value, `hedge vega of ${result.proxies[p] ?? ""} on ${String(day.date)}`)),
    ]);
    return [header, ...rows];
  });
}

/**
 * How well the hedge held in XV.HEDGEBACKTEST (same arguments): label and value rows — days, unhedged and hedged sd,
 * out-of-sample effectiveness, the in-sample effectiveness XV.HEDGESTATS claimed, the regression slope and R² (the
 * US GAAP test: −0.8 … −1.25 and R² ≥ 0.8), dollar offset, worst hedged day and its date, turnover — then one warning
 * row per warning. A figure that is undefined (one day, a book that did not move) is #N/A saying why.
 * @customfunction BACKTESTSTATS
 * @helpurl https://localhost:3000/help/functions.html#xvbackteststats
 * @param history Vol levels as for XV.VOLCORR: asset names in the first row, one row per date, oldest first; an optional first date column.
 * @param assets Asset of each leg of the book, held fixed through the history.
 * @param vegas Cash vega per vol point of each leg, same length as assets.
 * @param proxies Assets to hedge with, e.g. BTC, ETH.
 * @param window Daily changes before the first tested day, and in each sample estimate. Blank = 60.
 * @param lambda EWMA decay 0 < λ ≤ 1 over all earlier changes. Blank = the sample estimate over the window.
 * @param ridge Ridge λ ≥ 0 as in XV.XVEGAHEDGE. Blank = 0.
 * @param rebalance Re-hedge every this many days. Blank = 1 (daily).
 * @returns Label and value rows, then warnings.
 */
export function backteststats(
  history: any[][],
  assets: any[][],
  vegas: any[][],
  proxies: any[][],
  window?: any[][],
  lambda?: any[][],
  ridge?: any[][],
  rebalance?: any[][],
): any[][] {
  return withDomainErrors("XV.BACKTESTSTATS", () => {
    const result = backtestOf(history, assets, vegas, proxies, window, lambda, ridge, rebalance);
    const rows: any[][] = BACKTEST_STATISTIC_ROWS.map(([label, name]) => {
      const value = result.statistics[name];
      if (value === null) return [label, notAvailableError(`${label} is undefined: ${result.undefinedReasons[name] ?? "see the backtest"}`)];
      return [label, typeof value === "number" ? finite(value, label) : value];
    });
    for (const warning of result.warnings) rows.push([WARNING_LABEL, warning.message]);
    return rows;
  });
}

/**
 * Today's XV.XVEGAHEDGE hedge held while the correlations between the book's targets and the proxies shift: a header
 * row, then per shift its held effectiveness (not clamped: negative means the held hedge adds risk), the residual sd
 * left, the effectiveness of the best hedge under the shifted correlations, and whether the shifted matrix had to be
 * repaired (nearest correlation matrix). The row of shift 0 is XV.HEDGESTATS'. Warnings are XV.HEDGESTATS' own.
 * @customfunction HEDGESTRESS
 * @helpurl https://localhost:3000/help/functions.html#xvhedgestress
 * @param assets Asset of each leg of the book (a column or row); legs on one asset are netted.
 * @param vegas Cash vega per vol point of each leg, same length as assets.
 * @param proxies Assets to hedge with, e.g. BTC, ETH.
 * @param correlations Correlations of daily vol changes with asset names in the first row and first column (e.g. XV_CORR).
 * @param volvols Std dev of daily vol changes in vol points, names and values (e.g. XV_VOLVOL). Omitted = all equal.
 * @param shifts Amounts added to every target–proxy correlation, a row or column (e.g. -0.5, -0.2, 0). Blank = -0.5, -0.3, -0.2, -0.1, 0, 0.1.
 * @param ridge Ridge λ ≥ 0 as in XV.XVEGAHEDGE, used for today's and the re-optimised hedge. Blank = 0.
 * @returns A header row, then per shift: shift, held effectiveness, held residual sd, reoptimised effectiveness, repaired.
 */
export function hedgestress(
  assets: any[][],
  vegas: any[][],
  proxies: any[][],
  correlations: any[][],
  volvols?: any[][],
  shifts?: any[][],
  ridge?: any[][],
): any[][] {
  return withDomainErrors("XV.HEDGESTRESS", () => {
    const input = readStressRequest({ assets, vegas, proxies, correlations, volvols: volvols ?? null, shifts: shifts ?? null, ridge: ridge ?? null });
    // The whole call stays within XV.NEARCORR's budget however many shifts need a repair.
    const shiftCount = input.shifts?.length ?? 1;
    const result = stressHedge({ ...input, repairOptions: { timeBudgetMilliseconds: EXCEL_NEAREST_CORRELATION_TIME_BUDGET_MS / shiftCount } });
    const rows = result.rows.map((row) => [
      row.shift,
      finite(row.heldEffectiveness, `held effectiveness at shift ${row.shift}`),
      finite(row.heldResidualSd, `held residual sd at shift ${row.shift}`),
      finite(row.reoptimisedEffectiveness, `reoptimised effectiveness at shift ${row.shift}`),
      row.repaired,
    ]);
    return [[...STRESS_COLUMNS], ...rows];
  });
}
