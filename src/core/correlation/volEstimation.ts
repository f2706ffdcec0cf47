import { assetKey } from "./assetNames";
import { CorrelationInputError } from "./correlationErrors";
import { checkVolHistory, volChangesFromLevels, type VolChangeKind, type VolChangeTable, type VolHistory } from "./volChanges";

export type VolEstimationMethod = "sample" | "ewma";
/** Sample estimator only: `remove` subtracts the sample mean (divisor n − 1); `zero` assumes a zero mean (divisor n). */
export type MeanTreatment = "remove" | "zero";

/** RiskMetrics (1996) daily decay factor. */
export const DEFAULT_EWMA_LAMBDA = 0.94;
/** Fewer complete daily changes than this and there is nothing to estimate (one change gives correlations of ±1). */
export const MIN_CHANGES = 2;
/**
 * The thin-history warning fires when the effective number of changes (Kish's (Σw)²/Σw², which is the count itself
 * for equal weights) is below this, or below `THIN_HISTORY_CHANGES_PER_ASSET` × the assets: with m changes of n assets
 * the smallest eigenvalues of a sample estimate shrink roughly by (1 − √(n/m))² (Marchenko–Pastur), about 0.3 at
 * n/m = 1/5, so a multi-proxy hedge on it over-trusts spreads between proxies.
 */
export const THIN_HISTORY_MIN_EFFECTIVE_CHANGES = 20;
export const THIN_HISTORY_CHANGES_PER_ASSET = 5;
/** The EWMA warning fires when the history holds less than this share of the total weight. */
const EWMA_WEIGHT_COVERAGE = 0.99;

export interface VolEstimationOptions {
  /** Default `absolute` (vol points). */
  changes?: VolChangeKind;
  /** Default `sample`. */
  method?: VolEstimationMethod;
  /** `sample` only; default `remove`. EWMA always assumes a zero mean (RiskMetrics). */
  mean?: MeanTreatment;
  /** `ewma` only: decay per day, 0 < λ ≤ 1; default 0.94. λ = 1 weights every day equally. */
  lambda?: number;
}

export type EstimationWarningCode = "shortEwmaHistory" | "thinHistory";

export interface EstimationWarning {
  code: EstimationWarningCode;
  message: string;
}

/** What was estimated and from how much data; shared by the matrix and the beta results. */
export interface EstimationBasis {
  changes: VolChangeKind;
  method: VolEstimationMethod;
  mean: MeanTreatment;
  /** The EWMA decay used; null for `sample`. */
  lambda: number | null;
  /** Complete daily changes used. */
  changeCount: number;
  levelRowCount: number;
  /** 0-based positions of the level rows skipped for gaps. */
  incompleteLevelRows: number[];
  /** Changes lost to those gaps (each gap row costs up to two). */
  lostChangeCount: number;
  /** Kish's effective sample size (Σw)²/Σw² of the change weights: `changeCount` for `sample`, less for EWMA. */
  effectiveSampleSize: number;
  warnings: EstimationWarning[];
}

export interface VolCorrelationEstimate extends EstimationBasis {
  assets: string[];
  /** Exactly symmetric, unit diagonal, entries in [−1, 1]. */
  correlation: number[][];
  /** Of daily changes: vol points² (absolute) or log units² (log). */
  covariance: number[][];
  /**
   * Vol-of-vol: standard deviation of daily changes, in vol points per day (absolute) or in log units per day (log;
   * 0.05 ≈ vol moves 5% of itself a day). Not annualised.
   */
  volOfVols: number[];
}

export interface VolBetaEstimate extends EstimationBasis {
  dependentAsset: string;
  independentAsset: string;
  /** cov(dependent, independent) / var(independent): vol points of the dependent per vol point of the independent (absolute). */
  beta: number;
  correlation: number;
  dependentVolOfVol: number;
  independentVolOfVol: number;
}

interface ResolvedOptions {
  changes: VolChangeKind;
  method: VolEstimationMethod;
  mean: MeanTreatment;
  lambda: number | null;
}

function resolveOptions(options: VolEstimationOptions): ResolvedOptions {
  const method = options.method ?? "sample";
  if (method !== "sample" && method !== "ewma") {
    throw new CorrelationInputError("invalidInput", `method ${String(method)} must be sample or ewma`);
  }
  if (method === "ewma") {
    if (options.mean === "remove") {
      throw new CorrelationInputError("invalidInput", "EWMA assumes a zero mean (RiskMetrics): leave mean out, or use method sample to remove the mean");
    }
    const lambda = options.lambda ?? DEFAULT_EWMA_LAMBDA;
    if (!(Number.isFinite(lambda) && lambda > 0 && lambda <= 1)) {
      throw new CorrelationInputError("invalidInput", `EWMA lambda ${lambda} must be in (0, 1] (RiskMetrics daily: ${DEFAULT_EWMA_LAMBDA})`);
    }
    return { changes: options.changes ?? "absolute", method, mean: "zero", lambda };
  }
  if (options.lambda !== undefined) {
    throw new CorrelationInputError("invalidInput", `lambda ${options.lambda} applies only to method ewma: remove it or set method ewma`);
  }
  const mean = options.mean ?? "remove";
  if (mean !== "remove" && mean !== "zero") {
    throw new CorrelationInputError("invalidInput", `mean ${String(mean)} must be remove or zero`);
  }
  return { changes: options.changes ?? "absolute", method, mean, lambda: null };
}

/**
 * Weight of each change, oldest first, summing to 1.
 * - sample, mean removed: the n − 1 divisor is applied by the caller; here 1/(n − 1) each.
 * - sample, zero mean: 1/n each.
 * - EWMA: ∝ λ^(n−1−t), i.e. the RiskMetrics recursion Σ_t = λΣ_{t−1} + (1 − λ)x_t x_tᵀ started from Σ_0 = 0 and
 *   divided by 1 − λⁿ so that the weights sum to 1 (without that the first days understate every variance).
 *   Correlations do not depend on that division; as λ → 1 it becomes the zero-mean sample estimator.
 */
function changeWeights(count: number, options: ResolvedOptions): number[] {
  if (options.method === "sample") return new Array<number>(count).fill(1 / (options.mean === "remove" ? count - 1 : count));
  const lambda = options.lambda ?? DEFAULT_EWMA_LAMBDA;
  const raw = Array.from({ length: count }, (_, t) => Math.pow(lambda, count - 1 - t));
  const total = raw.reduce((sum, weight) => sum + weight, 0);
  return raw.map((weight) => weight / total);
}

function checkEnoughHistory(table: VolChangeTable): void {
  const count = table.changes.length;
  if (count >= MIN_CHANGES) return;
  const skipped = table.incompleteLevelRows.length;
  throw new CorrelationInputError(
    "insufficientHistory",
    `found ${count} complete daily change${count === 1 ? "" : "s"} (from ${table.levelRowCount} rows of levels, ${skipped} skipped for gaps, ` +
      `which removed ${table.lostChangeCount} change${table.lostChangeCount === 1 ? "" : "s"}); need at least ${MIN_CHANGES}: add dates or fill the gaps`,
  );
}

/**
 * The fewest complete changes that can give a non-singular estimate of `assetCount` assets: the mean-removed sample
 * estimate from m changes has rank at most m − 1 (the centred changes sum to 0), so it needs n + 1; a zero-mean one
 * (sample with mean zero, and EWMA, whose weights are all positive) has rank at most m, so it needs n. Fewer, and the
 * matrix is certainly singular: some combination of the assets never moved, and a hedge on it is absurd.
 */
export function minimumChangesFor(assetCount: number, mean: MeanTreatment): number {
  return Math.max(MIN_CHANGES, mean === "remove" ? assetCount + 1 : assetCount);
}

function countOf(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}

/** Refuses a certainly singular estimate (`minimumChangesFor`); after the constant-column check, whose message is sharper. */
function checkNotSingular(table: VolChangeTable, options: ResolvedOptions): void {
  const assetCount = table.assets.length;
  const needed = minimumChangesFor(assetCount, options.mean);
  if (table.changes.length >= needed) return;
  const rank = options.mean === "remove" ? "m − 1" : "m";
  throw new CorrelationInputError(
    "insufficientHistory",
    `${countOf(table.changes.length, "complete daily change")} (${table.levelRowCount} rows, ${table.incompleteLevelRows.length} skipped for gaps) for ` +
      `${countOf(assetCount, "asset")}: an estimate from m changes has rank ≤ ${rank}, so this matrix would be singular; ` +
      `need at least ${needed} (better ${THIN_HISTORY_CHANGES_PER_ASSET * assetCount}+): add dates, fill gaps or drop assets`,
  );
}

/** Kish's effective sample size of a set of weights: (Σw)² / Σw². */
export function effectiveSampleSizeOf(weights: readonly number[]): number {
  let sum = 0;
  let sumOfSquares = 0;
  for (const weight of weights) {
    sum += weight;
    sumOfSquares += weight * weight;
  }
  return sumOfSquares > 0 ? (sum * sum) / sumOfSquares : 0;
}

function warningsFor(table: VolChangeTable, options: ResolvedOptions, effectiveSampleSize: number): EstimationWarning[] {
  const warnings: EstimationWarning[] = [];
  const count = table.changes.length;
  const lambda = options.lambda;
  if (lambda !== null && lambda < 1) {
    const needed = Math.ceil(Math.log(1 - EWMA_WEIGHT_COVERAGE) / Math.log(lambda));
    if (count < needed) {
      warnings.push({
        code: "shortEwmaHistory",
        message: `EWMA with lambda ${lambda} spreads ${EWMA_WEIGHT_COVERAGE * 100}% of its weight over ${needed} days but only ${count} complete changes were found: the estimate rests on a shorter window than intended`,
      });
    }
  }
  const assetCount = table.assets.length;
  const wanted = Math.max(THIN_HISTORY_MIN_EFFECTIVE_CHANGES, THIN_HISTORY_CHANGES_PER_ASSET * assetCount);
  if (effectiveSampleSize < wanted) {
    const size = options.method === "ewma" ? `an effective sample of ${effectiveSampleSize.toFixed(1)} changes (EWMA weights)` : countOf(count, "complete change");
    warnings.push({
      code: "thinHistory",
      message:
        `thin history: ${size} for ${countOf(assetCount, "asset")}, below ${wanted} (${THIN_HISTORY_MIN_EFFECTIVE_CHANGES} or ${THIN_HISTORY_CHANGES_PER_ASSET} per asset, whichever is more): ` +
        "correlations are noisy and the matrix nearly singular, so hedges on several proxies are unreliable; add dates or use fewer assets",
    });
  }
  return warnings;
}

/**
 * A power of 2 per column bringing its largest |change| into (1/2, 1]: the second moments are computed on changes scaled
 * so, and scaled back, so that tiny levels (1E-300) neither underflow to a variance of 0 nor look constant. A power of
 * 2 scales exactly and its square root is exact, so ordinary histories give the very same bits as unscaled.
 */
function columnScales(changes: readonly (readonly number[])[], size: number): number[] {
  return Array.from({ length: size }, (_, column) => {
    let largest = 0;
    for (const row of changes) largest = Math.max(largest, Math.abs(row[column] ?? 0));
    if (!(largest > 0)) return 1;
    return Math.pow(2, Math.min(1000, Math.max(-1000, Math.ceil(Math.log2(largest)))));
  });
}

/**
 * Weighted second moments of the changes (means removed when `mean` is `remove`), of the changes divided by their
 * column's scale (`columnScales`): entry (i, j) is the moment / (scale_i·scale_j); the caller scales back.
 */
function scaledCovarianceOf(table: VolChangeTable, options: ResolvedOptions, scales: readonly number[]): number[][] {
  const size = table.assets.length;
  const changes = table.changes.map((row) => row.map((value, column) => value / (scales[column] ?? 1)));
  const weights = changeWeights(changes.length, options);
  const means = new Array<number>(size).fill(0);
  if (options.mean === "remove") {
    for (const row of changes) row.forEach((value, column) => (means[column] = (means[column] ?? 0) + value / changes.length));
  }
  const covariance = Array.from({ length: size }, () => new Array<number>(size).fill(0));
  changes.forEach((row, t) => {
    const weight = weights[t] ?? 0;
    const centred = row.map((value, column) => value - (means[column] ?? 0));
    for (let i = 0; i < size; i++) {
      const covarianceI = covariance[i] ?? [];
      const weightedI = weight * (centred[i] ?? 0);
      for (let j = i; j < size; j++) covarianceI[j] = (covarianceI[j] ?? 0) + weightedI * (centred[j] ?? 0);
    }
  });
  for (let i = 0; i < size; i++) for (let j = 0; j < i; j++) (covariance[i] ?? [])[j] = covariance[j]?.[i] ?? 0;
  return covariance;
}

function correlationFromCovariance(covariance: number[][], assets: readonly string[], table: VolChangeTable): number[][] {
  const deviations = covariance.map((row, i) => Math.sqrt(row[i] ?? 0));
  deviations.forEach((deviation, i) => {
    if (!(deviation > 0)) {
      throw new CorrelationInputError(
        "constantSeries",
        `${assets[i]} did not move over the ${table.changes.length} complete daily changes: its correlations are undefined (check the column, or drop the asset)`,
      );
    }
  });
  return covariance.map((row, i) =>
    row.map((value, j) => (i === j ? 1 : Math.min(1, Math.max(-1, value / ((deviations[i] ?? 1) * (deviations[j] ?? 1)))))),
  );
}

/**
 * Correlation matrix and vol-of-vols of daily implied-vol changes from a history of levels.
 *
 * Estimators (weights in `changeWeights`): `sample` with the mean removed and divisor n − 1 (default), or with a zero
 * mean and divisor n; `ewma` (RiskMetrics, zero mean, λ default 0.94, weights renormalised to sum to 1). EWMA with
 * λ → 1 tends to `sample` with `mean: "zero"`, not to the mean-removed estimate. Needs at least 2 complete changes for
 * every method (rows with a gap are skipped as `volChangesFromLevels` describes); EWMA also warns when the history is
 * shorter than the window holding 99% of its weight (75 days at 0.94).
 *
 * @throws CorrelationInputError: `invalidInput`, `insufficientHistory` (with the counts found and needed), or
 * `constantSeries` (an asset that never moved).
 */
export function estimateVolCorrelation(history: VolHistory, options: VolEstimationOptions = {}): VolCorrelationEstimate {
  const resolved = resolveOptions(options);
  const table = volChangesFromLevels(history, resolved.changes);
  checkEnoughHistory(table);
  const scales = columnScales(table.changes, table.assets.length);
  const scaledCovariance = scaledCovarianceOf(table, resolved, scales);
  const correlation = correlationFromCovariance(scaledCovariance, table.assets, table);
  checkNotSingular(table, resolved);
  return {
    ...basisOf(table, resolved),
    assets: table.assets,
    correlation,
    covariance: scaledCovariance.map((row, i) => row.map((value, j) => value * (scales[i] ?? 1) * (scales[j] ?? 1))),
    volOfVols: scaledCovariance.map((row, i) => Math.sqrt(row[i] ?? 0) * (scales[i] ?? 1)),
  };
}

/**
 * What an estimate from `history` rests on, without returning it: the counts, the effective sample size, the warnings,
 * and `refusal`, the message `estimateVolCorrelation` refuses with (too few changes, a singular estimate, an asset that
 * never moved), or null. For XV.VOLCHECK, which shows these facts also when the estimate is refused.
 * @throws CorrelationInputError for a malformed history or bad options (as `estimateVolCorrelation`)
 */
export function describeVolEstimation(history: VolHistory, options: VolEstimationOptions = {}): EstimationBasis & { assets: string[]; refusal: string | null } {
  const resolved = resolveOptions(options);
  const table = volChangesFromLevels(history, resolved.changes);
  let refusal: string | null = null;
  try {
    estimateVolCorrelation(history, options);
  } catch (error) {
    if (!(error instanceof CorrelationInputError)) throw error;
    refusal = error.message;
  }
  return { ...basisOf(table, resolved), assets: table.assets, refusal };
}

function basisOf(table: VolChangeTable, options: ResolvedOptions): EstimationBasis {
  // Equal weights: the count itself (also for 0 or 1 change, where the mean-removed weights 1/(m − 1) are not defined).
  const effectiveSampleSize = options.method === "sample" ? table.changes.length : effectiveSampleSizeOf(changeWeights(table.changes.length, options));
  return {
    changes: options.changes,
    method: options.method,
    mean: options.mean,
    lambda: options.lambda,
    changeCount: table.changes.length,
    levelRowCount: table.levelRowCount,
    incompleteLevelRows: table.incompleteLevelRows,
    lostChangeCount: table.lostChangeCount,
    effectiveSampleSize,
    warnings: warningsFor(table, options, effectiveSampleSize),
  };
}

function findColumn(history: VolHistory, asset: string, role: string): number {
  const key = assetKey(asset);
  const column = history.assets.findIndex((name) => typeof name === "string" && assetKey(name) === key);
  if (column < 0) {
    throw new CorrelationInputError("invalidInput", `${role} asset ${asset.trim()} is not a column of the history (columns: ${history.assets.join(", ")})`);
  }
  return column;
}

/**
 * Vol beta of one asset's vol changes on another's: β = cov(dependent, independent) / var(independent), with the same
 * estimator options as `estimateVolCorrelation`. Only the two columns are read, so a gap elsewhere does not cost rows.
 * With absolute changes, β is what the one-proxy minimum-variance hedge uses: hedge vega = −β × target vega.
 */
export function estimateVolBeta(
  history: VolHistory,
  dependentAsset: string,
  independentAsset: string,
  options: VolEstimationOptions = {},
): VolBetaEstimate {
  resolveOptions(options);
  checkVolHistory(history);
  const dependentColumn = findColumn(history, dependentAsset, "dependent");
  const independentColumn = findColumn(history, independentAsset, "independent");
  if (dependentColumn === independentColumn) {
    throw new CorrelationInputError("invalidInput", `the dependent and independent assets are both ${dependentAsset.trim()}: choose two different assets`);
  }
  const pair: VolHistory = {
    assets: [history.assets[dependentColumn] ?? dependentAsset, history.assets[independentColumn] ?? independentAsset],
    levels: history.levels.map((row) => [row[dependentColumn], row[independentColumn]]),
    order: history.order,
  };
  const { assets, correlation, covariance, volOfVols, ...basis } = estimateVolCorrelation(pair, options);
  const [dependentVolOfVol = 0, independentVolOfVol = 0] = volOfVols;
  return {
    ...basis,
    dependentAsset: assets[0] ?? dependentAsset.trim(),
    independentAsset: assets[1] ?? independentAsset.trim(),
    beta: (covariance[0]?.[1] ?? 0) / (independentVolOfVol * independentVolOfVol),
    correlation: correlation[0]?.[1] ?? 0,
    dependentVolOfVol,
    independentVolOfVol,
  };
}
