/* eslint-disable @typescript-eslint/no-explicit-any -- Excel passes ranges as any[][] (numbers, text, booleans, blanks) */
/*
 * Excel custom functions for the correlations of implied-vol changes: repair a matrix, estimate correlations,
 * vol-of-vols and a vol beta from a history of levels. The JSDoc below is the function reference Excel shows (parsed by
 * custom-functions-metadata-plugin into functions.json): keep it in step with docs/functions.md.
 */
import { describeVolEstimation, estimateVolBeta, estimateVolCorrelation, nearestCorrelationMatrix, type VolChangeKind, type VolHistory } from "../core/correlation";
import {
  CorrelationInputError,
  DEFAULT_NEAREST_CORRELATION_TOLERANCE,
  assetKey,
  correlationsFromInput,
  describeNotConverged,
  type CorrelationScaleProblem,
} from "../core/correlation";
import { withDomainErrors } from "./domainErrors";
import { invalidValueError } from "./excelErrors";
import { readEstimationOptions, readHistory, readLevelSeries } from "../ranges/historyReading";
import { readCorrelationInputKind, readMaybeLabelledMatrix } from "../ranges/labelledRanges";
import { readLockedMask, readMinEigenvalue } from "../ranges/nearcorrArguments";

/**
 * XV.NEARCORR stops after this many milliseconds of wall-clock time (and after the engine's 1000 iterations): a cell
 * must not freeze Excel. A 100×100 matrix of typed correlations converges in well under a second.
 */
export const EXCEL_NEAREST_CORRELATION_TIME_BUDGET_MS = 4000;

/** What XV.VOLCORR writes in its top-left cell: which changes the correlations are of (never mix kinds). */
export function changesLabel(changes: VolChangeKind): string {
  return changes === "log" ? "log" : "abs";
}

/** How to ask XV.NEARCORR for the conversion a refusal suggests. */
function askNearcorrToConvert(problem: CorrelationScaleProblem): string {
  return `, or use =XV.NEARCORR(range, "${problem.kind}")`;
}

/**
 * The nearest valid correlation matrix (Newton method of Qi & Sun 2006): symmetric, unit diagonal, entries in [−1, 1], positive
 * semidefinite, and as close as possible to the input. A valid matrix comes back unchanged. Same shape as the input;
 * asset names in the first row and first column are kept. A matrix typed in percent (100 on the diagonal) or a
 * covariance matrix is refused unless input says so. Optionally its smallest eigenvalue is at least min_eigenvalue and
 * locked entries keep their values. Stops after 1000 iterations or 4 seconds: #VALUE! then says so.
 * @customfunction NEARCORR
 * @helpurl https://localhost:3000/help/functions.html#xvnearcorr
 * @param matrix A square range of correlations, optionally with asset names in its first row and first column (top-left cell blank or a label).
 * @param input "correlation" (default), "percent" (80 for 0.8: divided by 100 first), "covariance" (converted to correlations first) or "raw" (the numbers repaired as given, no percent/covariance check).
 * @param min_eigenvalue Smallest eigenvalue the result must have, 0 ≤ δ < 1 (default 0): e.g. 1E-8 for a positive definite matrix every hedge can solve.
 * @param locked A range shaped like matrix (or its correlations alone): TRUE or 1 where a correlation must keep its value, FALSE/0/blank elsewhere.
 * @returns The repaired matrix, in the input's shape and with its labels.
 */
export function nearcorr(matrix: any[][], input?: any[][], min_eigenvalue?: any[][], locked?: any[][]): any[][] {
  return withDomainErrors("XV.NEARCORR", () => {
    const kind = readCorrelationInputKind(input ?? null, "input");
    const read = readMaybeLabelledMatrix(matrix, "matrix");
    const labels = read.labels?.rows.map((label) => label.trim());
    let correlations: number[][];
    try {
      correlations = correlationsFromInput(read.values, kind, askNearcorrToConvert, labels);
    } catch (error) {
      if (error instanceof CorrelationInputError) throw invalidValueError(`matrix: ${error.message}`);
      throw error;
    }
    const minEigenvalue = readMinEigenvalue(min_eigenvalue ?? null);
    const lockedMask = readLockedMask(locked ?? null, correlations.length, read.labels !== null);
    let result;
    try {
      result = nearestCorrelationMatrix(correlations, {
        timeBudgetMilliseconds: EXCEL_NEAREST_CORRELATION_TIME_BUDGET_MS,
        minEigenvalue,
        ...(lockedMask === null ? {} : { locked: lockedMask }),
        ...(labels === undefined ? {} : { names: labels }),
      });
    } catch (error) {
      // A lock problem belongs to the locked argument; anything else keeps the engine's message as it is.
      if (error instanceof CorrelationInputError && lockedMask !== null && error.message.includes("locked")) throw invalidValueError(`locked: ${error.message}`);
      throw error;
    }
    if (!result.converged) {
      // Near-singular locked blocks are the one known slow case of the locked route (see nearestCorrelationMatrix).
      const remedy = lockedMask === null ? "or run xvega nearcorr FILE.csv --max-seconds 120" : "locked correlations near ±1 converge slowly: lock fewer";
      throw invalidValueError(`matrix: ${describeNotConverged(result, DEFAULT_NEAREST_CORRELATION_TOLERANCE, remedy)}`);
    }
    const repaired = result.matrix;
    if (read.labels === null) return repaired;
    const { corner, rows, columns } = read.labels;
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

/** The label of each XV.VOLCHECK row, in order (`warning` repeats, one row per warning). */
export const VOLCHECK_LABELS = [
  "changes",
  "method",
  "lambda",
  "assets",
  "level rows",
  "changes used",
  "rows skipped for gaps",
  "changes skipped for gaps",
  "effective sample size",
  "order",
  "estimate",
] as const;

/**
 * The facts an estimate from a history rests on, as XV.VOLCORR and XV.VOLOFVOL make it with the same arguments: two
 * columns, label and value. Rows: changes (abs/log), method (sample/ewma), lambda (blank for sample), assets, level
 * rows, changes used, rows skipped for gaps, changes skipped for gaps, effective sample size (Kish, (Σw)²/Σw²: the
 * changes used for sample, fewer for EWMA), order (oldest first/newest first), estimate ("ok", or why XV.VOLCORR
 * refuses it), then one "warning" row per warning (thin history, short EWMA window, dates whose order was not checked).
 * @customfunction VOLCHECK
 * @helpurl https://localhost:3000/help/functions.html#xvvolcheck
 * @param history Vol levels, as for XV.VOLCORR: asset names in the first row, one row per date; an optional first date column.
 * @param lambda EWMA decay per day, 0 < λ ≤ 1. Omitted = sample estimate.
 * @param changes "abs" (default) or "log".
 * @returns Label/value rows: the counts, the effective sample size, whether the estimate is made, and its warnings.
 */
export function volcheck(history: any[][], lambda?: any[][], changes?: any[][]): any[][] {
  return withDomainErrors("XV.VOLCHECK", () => {
    const options = readEstimationOptions(lambda ?? null, changes ?? null);
    const levels = readHistory(history, "history", options.changes);
    const facts = describeVolEstimation(levels, options);
    const rows: [string, string | number][] = [
      ["changes", changesLabel(facts.changes)],
      ["method", facts.method],
      ["lambda", facts.lambda ?? ""],
      ["assets", facts.assets.length],
      ["level rows", facts.levelRowCount],
      ["changes used", facts.changeCount],
      ["rows skipped for gaps", facts.incompleteLevelRows.length],
      ["changes skipped for gaps", facts.lostChangeCount],
      ["effective sample size", facts.effectiveSampleSize],
      ["order", levels.order === "newestFirst" ? "newest first" : "oldest first"],
      ["estimate", facts.refusal === null ? "ok" : `refused: ${facts.refusal}`],
    ];
    for (const warning of [...levels.warnings, ...facts.warnings.map((entry) => entry.message)]) rows.push(["warning", warning]);
    return rows;
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
