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

export type EstimationWarningCode = "shortEwmaHistory" | "fewerChangesThanAssets";

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

function warningsFor(table: VolChangeTable, options: ResolvedOptions): EstimationWarning[] {
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
  if (count < table.assets.length) {
    warnings.push({
      code: "fewerChangesThanAssets",
      message: `${count} complete changes for ${table.assets.length} assets: the estimated matrix is singular (some combination of assets never moved), so a hedge using all of them may be singular`,
    });
  }
  return warnings;
}

/** Weighted second moments of the changes (means removed when `mean` is `remove`). */
function covarianceOf(table: VolChangeTable, options: ResolvedOptions): number[][] {
  const { changes } = table;
  const size = table.assets.length;
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
  const covariance = covarianceOf(table, resolved);
  const correlation = correlationFromCovariance(covariance, table.assets, table);
  return {
    ...basisOf(table, resolved),
    assets: table.assets,
    correlation,
    covariance,
    volOfVols: covariance.map((row, i) => Math.sqrt(row[i] ?? 0)),
  };
}

function basisOf(table: VolChangeTable, options: ResolvedOptions): EstimationBasis {
  return {
    changes: options.changes,
    method: options.method,
    mean: options.mean,
    lambda: options.lambda,
    changeCount: table.changes.length,
    levelRowCount: table.levelRowCount,
    incompleteLevelRows: table.incompleteLevelRows,
    lostChangeCount: table.lostChangeCount,
    warnings: warningsFor(table, options),
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
