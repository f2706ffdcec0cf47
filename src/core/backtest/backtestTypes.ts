/**
 * Inputs and outputs of the out-of-sample hedge backtest (`runHedgeBacktest`). Units as the hedge's: vegas in cash per
 * vol point, vol changes in the history's vol points, so every P&L is in the vegas' currency per day.
 */
import type { VolHistory } from "../correlation";
import type { TargetVega } from "../hedge";

/** What a change is dated by: the date cell of its later row as given (an Excel serial, a text), or a row number. */
export type DateLabel = number | string;

/** Days in the estimation window when none is given (about three months of trading days). */
export const DEFAULT_BACKTEST_WINDOW = 60;
/** Re-estimate and re-hedge every this many out-of-sample changes when not told otherwise: daily. */
export const DEFAULT_REBALANCE_INTERVAL = 1;

export interface HedgeBacktestInput {
  /** Vol levels, one column per asset (more columns than needed are fine: only the book's and the proxies' are read). */
  history: VolHistory;
  /** One label per level row of `history`, as given (the date, or the row number); default the 1-based position. */
  rowDates?: readonly DateLabel[];
  /** How messages name a level row (by its 0-based position as given); default "row N". */
  describeRow?: (position: number) => string;
  /** The book, held fixed: legs netted by asset as XV.XVEGAHEDGE nets them. */
  targets: readonly TargetVega[];
  proxies: readonly string[];
  /** Changes before the first out-of-sample day, and the sample estimator's window; default 60. */
  window?: number;
  /** EWMA decay 0 < λ ≤ 1 over every change before the day; null or omitted = the sample estimate over the window. */
  lambda?: number | null;
  /** As XV.XVEGAHEDGE's ridge; default 0. */
  ridge?: number;
  /** Re-hedge at the first out-of-sample change and every `rebalance`-th after it; default 1 (daily). */
  rebalance?: number;
}

/** One out-of-sample change k and what the hedge held that day did. */
export interface BacktestDay {
  date: DateLabel;
  /** Σ_a v_a·Δ_{k,a}: the book's vol P&L that day. */
  unhedgedPnl: number;
  /** Σ_p h_p·Δ_{k,p}: the hedge's. */
  hedgePnl: number;
  hedgedPnl: number;
  /** The hedge vegas held that day, one per proxy in the order given. */
  hedge: number[];
  /** True on the days the hedge was recomputed (before that day's change). */
  rebalanced: boolean;
}

/** The figures of XV.BACKTESTSTATS. Null where a figure is undefined (said in `undefinedReasons`). */
export interface BacktestStatistics {
  days: number;
  unhedgedSd: number | null;
  hedgedSd: number | null;
  /** 1 − var(hedged)/var(unhedged) over the out-of-sample days (Ederington). Not clamped. */
  effectivenessOutOfSample: number | null;
  /** Mean over rebalance dates of the effectiveness XV.HEDGESTATS claimed that day under Σ_k. */
  effectivenessInSample: number;
  /** cov(hedge, unhedged)/var(unhedged): −1 is a perfect offset. */
  regressionSlope: number | null;
  /** corr(hedge, unhedged)². */
  regressionR2: number | null;
  /** −Σ hedge / Σ unhedged. */
  dollarOffset: number | null;
  worstHedgedPnl: number;
  worstDate: DateLabel;
  /** Mean over rebalances after the first of Σ_p |h_new − h_old|; 0 with a single rebalance. */
  turnover: number;
}

export type BacktestStatisticName = keyof BacktestStatistics;

/** The statistics as XV.BACKTESTSTATS labels them, in its order (the pane shows them the same way). */
export const BACKTEST_STATISTIC_ROWS: readonly (readonly [string, BacktestStatisticName])[] = [
  ["days", "days"],
  ["unhedged sd", "unhedgedSd"],
  ["hedged sd", "hedgedSd"],
  ["out-of-sample effectiveness", "effectivenessOutOfSample"],
  ["in-sample effectiveness", "effectivenessInSample"],
  ["regression slope", "regressionSlope"],
  ["regression r2", "regressionR2"],
  ["dollar offset", "dollarOffset"],
  ["worst hedged day", "worstHedgedPnl"],
  ["worst date", "worstDate"],
  ["turnover", "turnover"],
];

export type BacktestWarningCode = "inSampleOverstates" | "slopeOutsideBand" | "r2BelowBand" | "fewDays";

export interface BacktestWarning {
  code: BacktestWarningCode;
  message: string;
}

export interface HedgeBacktestResult {
  /** The proxies as given (trimmed), in order: the hedge columns. */
  proxies: string[];
  days: BacktestDay[];
  statistics: BacktestStatistics;
  /** Why each null statistic is undefined, by name. */
  undefinedReasons: Partial<Record<BacktestStatisticName, string>>;
  warnings: BacktestWarning[];
  /** Complete changes M in the history restricted to the book's assets and the proxies. */
  changeCount: number;
  window: number;
  method: "sample" | "ewma";
  lambda: number | null;
  rebalance: number;
  ridge: number;
}
