/** Will the hedge hold? The out-of-sample backtest and the correlation stress of the proxy hedge. */
export { runHedgeBacktest } from "./hedgeBacktest";
export { stressHedge, DEFAULT_CORRELATION_SHIFTS, type CorrelationStressInput, type CorrelationStressResult, type StressRow, type StressWarning } from "./correlationStress";
export { MIN_CONVINCING_DAYS, REGRESSION_R2_MINIMUM, REGRESSION_SLOPE_BAND, IN_SAMPLE_OVERSTATEMENT_LIMIT } from "./backtestStatistics";
export * from "./backtestTypes";
