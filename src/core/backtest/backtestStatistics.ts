import type { BacktestDay, BacktestStatisticName, BacktestStatistics, BacktestWarning } from "./backtestTypes";

/** The US GAAP (ASC 815) "highly effective" test of a hedge regression: slope −0.8 … −1.25 and R² ≥ 0.8. */
export const REGRESSION_SLOPE_BAND = { least: -1.25, most: -0.8 } as const;
export const REGRESSION_R2_MINIMUM = 0.8;
/** A backtest on fewer out-of-sample days than this is too short to judge (about three months of trading days). */
export const MIN_CONVINCING_DAYS = 60;
/** The in-sample effectiveness overstating the out-of-sample one by more than this is a warning. */
export const IN_SAMPLE_OVERSTATEMENT_LIMIT = 0.1;

function meanOf(values: readonly number[]): number {
  let sum = 0;
  for (const value of values) sum += value;
  return sum / values.length;
}

/** Sample covariance (divisor n − 1, two passes); null with fewer than two values. */
function sampleCovariance(first: readonly number[], second: readonly number[]): number | null {
  const count = first.length;
  if (count < 2) return null;
  const meanFirst = meanOf(first);
  const meanSecond = meanOf(second);
  let sum = 0;
  for (let k = 0; k < count; k++) sum += ((first[k] as number) - meanFirst) * ((second[k] as number) - meanSecond);
  return sum / (count - 1);
}

function format(value: number): string {
  return Number(value.toPrecision(4)).toString();
}

/**
 * The figures of XV.BACKTESTSTATS from the out-of-sample days, the in-sample effectiveness of each rebalance date and
 * the hedges set on them (in order). Definitions in `BacktestStatistics`; a figure whose formula divides by zero is
 * null and `undefinedReasons` says why.
 */
export function backtestStatistics(
  days: readonly BacktestDay[],
  inSampleEffectiveness: readonly number[],
  rebalanceHedges: readonly (readonly number[])[],
): { statistics: BacktestStatistics; undefinedReasons: Partial<Record<BacktestStatisticName, string>>; warnings: BacktestWarning[] } {
  const unhedged = days.map((day) => day.unhedgedPnl);
  const hedge = days.map((day) => day.hedgePnl);
  const hedged = days.map((day) => day.hedgedPnl);
  const reasons: Partial<Record<BacktestStatisticName, string>> = {};
  const oneDay = "one out-of-sample day has no spread (a sample standard deviation needs two): add history or shorten the window";

  const unhedgedVariance = sampleCovariance(unhedged, unhedged);
  const hedgedVariance = sampleCovariance(hedged, hedged);
  const hedgeVariance = sampleCovariance(hedge, hedge);
  const crossCovariance = sampleCovariance(hedge, unhedged);
  const flatBook = unhedgedVariance === 0;
  const ratioOverUnhedged = (value: number | null, name: BacktestStatisticName): number | null => {
    if (value === null || unhedgedVariance === null) {
      reasons[name] = oneDay;
      return null;
    }
    if (flatBook) {
      reasons[name] = "the book's P&L did not vary over the out-of-sample days, so there is nothing to compare the hedge with";
      return null;
    }
    return value / unhedgedVariance;
  };
  const hedgedVarianceRatio = ratioOverUnhedged(hedgedVariance, "effectivenessOutOfSample");
  const regressionSlope = ratioOverUnhedged(crossCovariance, "regressionSlope");
  let regressionR2: number | null = null;
  if (regressionSlope !== null && crossCovariance !== null && hedgeVariance !== null) {
    if (hedgeVariance > 0) regressionR2 = (regressionSlope * crossCovariance) / hedgeVariance;
    else reasons.regressionR2 = "the hedge's P&L did not vary (the hedge was 0 or its proxies did not move), so it has no correlation with the book's";
  } else {
    reasons.regressionR2 = reasons.regressionSlope ?? oneDay;
  }
  const totalUnhedged = unhedged.reduce((sum, value) => sum + value, 0);
  const totalHedge = hedge.reduce((sum, value) => sum + value, 0);
  let dollarOffset: number | null = null;
  if (totalUnhedged !== 0) dollarOffset = -totalHedge / totalUnhedged;
  else reasons.dollarOffset = "the book's P&L summed to exactly 0 over the out-of-sample days, so there is nothing to offset";

  let worst = 0;
  hedged.forEach((value, k) => {
    if (value < (hedged[worst] as number)) worst = k;
  });
  let turnover = 0;
  for (let r = 1; r < rebalanceHedges.length; r++) {
    const before = rebalanceHedges[r - 1] as readonly number[];
    (rebalanceHedges[r] as readonly number[]).forEach((value, p) => (turnover += Math.abs(value - (before[p] as number))));
  }
  if (rebalanceHedges.length > 1) turnover /= rebalanceHedges.length - 1;

  const statistics: BacktestStatistics = {
    days: days.length,
    unhedgedSd: unhedgedVariance === null ? null : Math.sqrt(unhedgedVariance),
    hedgedSd: hedgedVariance === null ? null : Math.sqrt(hedgedVariance),
    effectivenessOutOfSample: hedgedVarianceRatio === null ? null : 1 - hedgedVarianceRatio,
    effectivenessInSample: meanOf(inSampleEffectiveness),
    regressionSlope,
    regressionR2,
    dollarOffset,
    worstHedgedPnl: hedged[worst] as number,
    worstDate: (days[worst] as BacktestDay).date,
    turnover,
  };
  if (statistics.unhedgedSd === null) reasons.unhedgedSd = oneDay;
  if (statistics.hedgedSd === null) reasons.hedgedSd = oneDay;
  return { statistics, undefinedReasons: reasons, warnings: backtestWarnings(statistics) };
}

/** The warnings of XV.BACKTESTSTATS, in a fixed order: overstated in-sample claim, slope, R², too few days. */
function backtestWarnings(statistics: BacktestStatistics): BacktestWarning[] {
  const warnings: BacktestWarning[] = [];
  const { effectivenessInSample: inSample, effectivenessOutOfSample: outOfSample, regressionSlope: slope, regressionR2: r2, days } = statistics;
  if (outOfSample !== null && inSample - outOfSample > IN_SAMPLE_OVERSTATEMENT_LIMIT) {
    warnings.push({
      code: "inSampleOverstates",
      message: `the hedge claimed ${format(inSample)} effectiveness on the days it was set (XV.HEDGESTATS) but achieved ${format(outOfSample)} on the days after: the correlations it relied on did not hold; consider a longer window, a ridge or fewer proxies`,
    });
  }
  if (slope !== null && !(slope >= REGRESSION_SLOPE_BAND.least && slope <= REGRESSION_SLOPE_BAND.most)) {
    warnings.push({
      code: "slopeOutsideBand",
      message: `regression slope ${format(slope)} is outside ${REGRESSION_SLOPE_BAND.most} … ${REGRESSION_SLOPE_BAND.least}: the hedge ${slope > REGRESSION_SLOPE_BAND.most ? "under-hedges" : "over-hedges"} the book's vol P&L (the US GAAP test of a highly effective hedge fails)`,
    });
  }
  if (r2 !== null && r2 < REGRESSION_R2_MINIMUM) {
    warnings.push({
      code: "r2BelowBand",
      message: `regression R² ${format(r2)} is below ${REGRESSION_R2_MINIMUM}: the hedge's P&L explains too little of the book's (the US GAAP test of a highly effective hedge fails)`,
    });
  }
  if (days < MIN_CONVINCING_DAYS) {
    warnings.push({
      code: "fewDays",
      message: `only ${days} out-of-sample day${days === 1 ? "" : "s"}, fewer than ${MIN_CONVINCING_DAYS}: too short to judge the hedge; add history or shorten the window`,
    });
  }
  return warnings;
}
