/* eslint-disable @typescript-eslint/no-explicit-any -- Excel passes ranges as any[][] (numbers, text, booleans, blanks) */
/*
 * Excel custom functions for the correlations of implied-vol changes: repair a matrix, estimate correlations,
 * vol-of-vols and a vol beta from a history of levels. The JSDoc below is the function reference Excel shows (parsed by
 * custom-functions-metadata-plugin into functions.json): keep it in step with docs/functions.md.
 */
import { estimateVolBeta, estimateVolCorrelation, nearestCorrelationMatrix, type VolChangeKind, type VolHistory } from "../core/correlation";
import { assetKey } from "../core/correlation";
import { withDomainErrors } from "./domainErrors";
import { invalidValueError } from "./excelErrors";
import { readEstimationOptions, readHistory, readLevelSeries } from "../ranges/historyReading";
import { readMaybeLabelledMatrix } from "../ranges/labelledRanges";

/** What XV.VOLCORR writes in its top-left cell: which changes the correlations are of (never mix kinds). */
export function changesLabel(changes: VolChangeKind): string {
  return changes === "log" ? "log" : "abs";
}

/**
 * The nearest valid correlation matrix (Higham 2002): symmetric, unit diagonal, entries in [−1, 1], positive
 * semidefinite, and as close as possible to the input. A valid matrix comes back unchanged. Same shape as the input;
 * asset names in the first row and first column are kept.
 * @customfunction NEARCORR
 * @helpurl https://localhost:3000/help/functions.html#xvnearcorr
 * @param matrix A square range of correlations, optionally with asset names in its first row and first column (top-left cell blank or a label).
 * @returns The repaired matrix, in the input's shape and with its labels.
 */
export function nearcorr(matrix: any[][]): any[][] {
  return withDomainErrors("XV.NEARCORR", () => {
    const input = readMaybeLabelledMatrix(matrix, "matrix");
    const repaired = nearestCorrelationMatrix(input.values).matrix;
    if (input.labels === null) return repaired;
    const { corner, rows, columns } = input.labels;
    return [[corner, ...columns], ...repaired.map((row, i) => [rows[i] ?? "", ...row])];
  });
}

/**
 * Correlation matrix of daily implied-vol changes from a history of levels, labelled with the asset names (top-left
 * cell: abs or log). Sample estimate, or EWMA when lambda is given. Ready to use as XV_CORR.
 * @customfunction VOLCORR
 * @helpurl https://localhost:3000/help/functions.html#xvvolcorr
 * @param history Vol levels: asset names in the first row, one row per date, oldest first; an optional first date column (header blank or "date") is skipped.
 * @param lambda EWMA decay per day, 0 < λ ≤ 1 (RiskMetrics: 0.94). Omitted = sample estimate (equal weights, mean removed).
 * @param changes "abs" (vol-point differences, default) or "log" (log changes, also "relative").
 * @returns A labelled correlation matrix: names in the first row and column.
 */
export function volcorr(history: any[][], lambda?: any[][], changes?: any[][]): any[][] {
  return withDomainErrors("XV.VOLCORR", () => {
    const options = readEstimationOptions(lambda ?? null, changes ?? null);
    const levels = readHistory(history, "history", options.changes);
    const estimate = estimateVolCorrelation(levels, options);
    return [[changesLabel(options.changes), ...estimate.assets], ...estimate.correlation.map((row, i) => [estimate.assets[i] ?? "", ...row])];
  });
}

/**
 * Vol-of-vol of each asset: the standard deviation of daily implied-vol changes (vol points per day for "abs", log
 * units per day for "log"; not annualised). Two rows: names, values. Ready to use as XV_VOLVOL.
 * @customfunction VOLOFVOL
 * @helpurl https://localhost:3000/help/functions.html#xvvolofvol
 * @param history Vol levels: asset names in the first row, one row per date, oldest first; an optional first date column (header blank or "date") is skipped.
 * @param lambda EWMA decay per day, 0 < λ ≤ 1 (RiskMetrics: 0.94). Omitted = sample estimate (equal weights, mean removed).
 * @param changes "abs" (vol-point differences, default) or "log" (log changes, also "relative").
 * @returns Two rows: asset names, then the vol-of-vol of each.
 */
export function volofvol(history: any[][], lambda?: any[][], changes?: any[][]): any[][] {
  return withDomainErrors("XV.VOLOFVOL", () => {
    const options = readEstimationOptions(lambda ?? null, changes ?? null);
    const levels = readHistory(history, "history", options.changes);
    const estimate = estimateVolCorrelation(levels, options);
    return [[...estimate.assets], [...estimate.volOfVols]];
  });
}

/**
 * Vol beta: vol points the target's implied vol moves per vol point of the proxy's, from two histories of levels
 * (covariance of daily changes / variance of the proxy's). The one-proxy hedge is −beta × target vega.
 * @customfunction VOLBETA
 * @helpurl https://localhost:3000/help/functions.html#xvvolbeta
 * @param target_history The target's daily vol levels, oldest first (one column; an optional header cell on top).
 * @param proxy_history The proxy's daily vol levels on the same dates, same length.
 * @param lambda EWMA decay per day, 0 < λ ≤ 1. Omitted = sample estimate.
 * @returns The beta (vol points of target per vol point of proxy).
 */
export function volbeta(target_history: any[][], proxy_history: any[][], lambda?: any[][]): any[][] {
  return withDomainErrors("XV.VOLBETA", () => {
    const options = readEstimationOptions(lambda ?? null, null);
    const target = readLevelSeries(target_history, "target_history");
    const proxy = readLevelSeries(proxy_history, "proxy_history");
    if (target.levels.length !== proxy.levels.length) {
      const counted = (series: typeof target, argument: string) =>
        `${argument} has ${series.levels.length} levels${series.name === null ? "" : ` (after its header ${series.name})`}`;
      throw invalidValueError(`${counted(target, "target_history")} but ${counted(proxy, "proxy_history")}: give two ranges covering the same dates`);
    }
    // Names for the engine's messages: the headers when they differ, else the argument names.
    const distinct = target.name !== null && proxy.name !== null && assetKey(target.name) !== assetKey(proxy.name);
    const targetName = distinct ? (target.name as string) : "target_history";
    const proxyName = distinct ? (proxy.name as string) : "proxy_history";
    let count = target.levels.length;
    while (count > 0 && target.levels[count - 1] === null && proxy.levels[count - 1] === null) count--;
    const history: VolHistory = {
      assets: [targetName, proxyName],
      levels: target.levels.slice(0, count).map((level, t) => [level, proxy.levels[t] ?? null]),
    };
    const estimate = estimateVolBeta(history, targetName, proxyName, options);
    if (!Number.isFinite(estimate.beta)) throw invalidValueError("the beta is not a finite number: check the histories");
    return [[estimate.beta]];
  });
}
