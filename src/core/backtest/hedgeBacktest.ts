import { assetKey, CorrelationInputError, volChangesFromLevels, type VolHistory } from "../correlation";
import { cleanAssetName, explainUnmatchedAssetName } from "../correlation/assetNames";
import { HedgeInputError } from "../hedge";
import { effectivenessOf, quadraticForm, solveMinimumVarianceHedge, vegaScaleOf, withHedge } from "../hedge/hedgeAlgebra";
import { bookAndProxyAssets, checkedRidge, checkProxies, netTargetVegas } from "../hedge/hedgeInputs";
import { explainSingularProxies } from "../hedge/hedgeWarnings";
import { backtestStatistics } from "./backtestStatistics";
import {
  DEFAULT_BACKTEST_WINDOW,
  DEFAULT_REBALANCE_INTERVAL,
  type BacktestDay,
  type DateLabel,
  type HedgeBacktestInput,
  type HedgeBacktestResult,
} from "./backtestTypes";
import { ExponentialCovariance, SlidingSampleCovariance, type RollingCovariance } from "./rollingCovariance";

function invalid(message: string): never {
  throw new HedgeInputError("invalidInput", message);
}

function wholeNumberAtLeast(value: number | undefined, fallback: number, least: number, what: string, meaning: string): number {
  const chosen = value ?? fallback;
  if (typeof chosen !== "number" || !Number.isInteger(chosen) || chosen < least) invalid(`${what} ${String(chosen)} must be a whole number ≥ ${least} (${meaning})`);
  return chosen;
}

/** The history restricted to the involved assets' columns (in their order): a gap in another column costs nothing. */
function restrictHistory(history: VolHistory, assets: readonly string[]): VolHistory {
  if (!Array.isArray(history?.assets) || !Array.isArray(history.levels)) invalid("the history must be a table of vol levels with one named column per asset");
  const columns = new Map<string, number>();
  history.assets.forEach((name, column) => {
    if (typeof name === "string" && !columns.has(assetKey(name))) columns.set(assetKey(name), column);
  });
  const picked = assets.map((asset) => {
    const column = columns.get(assetKey(asset));
    if (column === undefined) {
      const why = explainUnmatchedAssetName(asset, history.assets.filter((name): name is string => typeof name === "string"));
      throw new HedgeInputError("missingAsset", `asset ${cleanAssetName(asset)} is not a column of the history${why === "" ? ": add its daily vol levels (every book asset and proxy needs them)" : `: ${why}`}`);
    }
    return column;
  });
  return {
    assets: picked.map((column) => history.assets[column] as string),
    levels: history.levels.map((row) => (Array.isArray(row) ? picked.map((column) => row[column]) : row)),
    order: history.order,
  };
}

/** Why Σ_pp was singular on a rebalance date, naming the proxies, their vol-of-vols and the date. */
function singularMessage(covariance: readonly (readonly number[])[], proxyIndices: readonly number[], proxyNames: readonly string[], when: string, estimate: string): string {
  const deviations = proxyIndices.map((i) => Math.sqrt(Math.max(covariance[i]?.[i] ?? 0, 0)));
  const still = proxyNames.filter((_, a) => !(deviations[a] as number > 0));
  if (still.length > 0) return `${still.join(", ")} did not move over ${estimate} before ${when}, so no hedge can be set on it: check the history (stale marks?) or use a longer window`;
  const correlation = proxyIndices.map((i, a) => proxyIndices.map((j, b) => (covariance[i]?.[j] ?? 0) / ((deviations[a] as number) * (deviations[b] as number))));
  return `on ${when}, estimated from ${estimate}: ${explainSingularProxies(proxyNames, deviations, correlation)}`;
}

/**
 * Out-of-sample backtest of the minimum-variance proxy hedge (the issue "Will the hedge hold?").
 *
 * The history is restricted to the book's assets and the proxies; Δ_0 … Δ_{M−1} are the absolute changes between
 * consecutive complete rows (volChangesFromLevels). For k = window … M − 1, Σ_k is estimated from changes before k only:
 * the sample estimate (mean removed, n − 1) over Δ_{k−window} … Δ_{k−1}, or with `lambda` the EWMA over Δ_0 … Δ_{k−1}
 * (zero mean, λ^age normalised), both rolled forward one change at a time (rollingCovariance.ts). On rebalance days
 * (k = window, window + r, …) the hedge h_k is XV.XVEGAHEDGE's under Σ_k (the same solver, hedgeAlgebra.ts), held in
 * between. Day k's P&L: unhedged Σ_a v_a·Δ_{k,a}, hedge Σ_p h_p·Δ_{k,p}, hedged their sum. No value on day k depends on
 * a change after k.
 *
 * @throws HedgeInputError for a bad book, proxy, ridge, window or rebalance, an asset missing from the history, or
 * proxies that are singular on a rebalance date (naming it); CorrelationInputError (`insufficientHistory`) when the
 * history has no out-of-sample day, with the counts.
 */
export function runHedgeBacktest(input: HedgeBacktestInput): HedgeBacktestResult {
  const targets = netTargetVegas(input.targets);
  checkProxies(input.proxies);
  const ridge = checkedRidge(input.ridge);
  const lambda = input.lambda ?? null;
  if (lambda !== null && !(typeof lambda === "number" && Number.isFinite(lambda) && lambda > 0 && lambda <= 1)) {
    invalid(`lambda ${String(lambda)} must be an EWMA decay in (0, 1] (RiskMetrics daily: 0.94), or leave it out for the sample estimate over the window`);
  }
  const window = wholeNumberAtLeast(
    input.window,
    DEFAULT_BACKTEST_WINDOW,
    lambda === null ? 2 : 1,
    "window",
    lambda === null ? "changes in each sample estimate, and before the first out-of-sample day" : "changes before the first out-of-sample day",
  );
  const rebalance = wholeNumberAtLeast(input.rebalance, DEFAULT_REBALANCE_INTERVAL, 1, "rebalance", "re-hedge every this many out-of-sample days; 1 = daily");
  const { assets, proxyIndices, vegas } = bookAndProxyAssets(targets, input.proxies);
  const proxyNames = input.proxies.map(cleanAssetName);
  const table = volChangesFromLevels(restrictHistory(input.history, assets), "absolute");
  const changeCount = table.changes.length;
  if (changeCount <= window) {
    throw new CorrelationInputError(
      "insufficientHistory",
      `the history gives ${changeCount} complete daily change${changeCount === 1 ? "" : "s"} of ${assets.join(", ")} (${table.levelRowCount} rows, ${table.incompleteLevelRows.length} skipped for gaps): ` +
        `the backtest needs more than the window of ${window} to have one out-of-sample day; add history or shorten the window`,
    );
  }
  const describeRow = input.describeRow ?? ((position: number) => `row ${position + 1}`);
  const dateOf = (position: number): DateLabel => input.rowDates?.[position] ?? position + 1;

  const size = assets.length;
  const estimator: RollingCovariance = lambda === null ? new SlidingSampleCovariance(size, window) : new ExponentialCovariance(size, lambda);
  const covariance = Array.from({ length: size }, () => new Array<number>(size).fill(0));
  // The hedge is solved in vegas scaled by a power of two, exactly as computeProxyHedge does, and scaled back.
  const scale = vegaScaleOf(vegas);
  const scaledVegas = vegas.map((vega) => vega * scale);
  const estimate = lambda === null ? `the ${window} changes` : `the EWMA (λ = ${lambda}) of the changes`;

  const days: BacktestDay[] = [];
  const inSampleEffectiveness: number[] = [];
  const rebalanceHedges: number[][] = [];
  let hedge = new Array<number>(proxyIndices.length).fill(0);
  table.changes.forEach((row, k) => {
    if (k >= window) {
      const rebalanced = (k - window) % rebalance === 0;
      if (rebalanced) {
        estimator.copyInto(covariance);
        const solution = solveMinimumVarianceHedge(covariance, scaledVegas, proxyIndices, ridge);
        if (solution === null) {
          throw new HedgeInputError("singularProxies", singularMessage(covariance, proxyIndices, proxyNames, describeRow(table.laterRowPositions[k] as number), estimate));
        }
        hedge = solution.hedge.map((value) => value / scale);
        const unhedgedVariance = Math.max(quadraticForm(covariance, scaledVegas), 0);
        const residualVariance = Math.min(Math.max(quadraticForm(covariance, withHedge(scaledVegas, proxyIndices, solution.hedge)), 0), unhedgedVariance);
        inSampleEffectiveness.push(Math.min(1, Math.max(0, effectivenessOf(residualVariance, unhedgedVariance))));
        rebalanceHedges.push(hedge);
      }
      let unhedgedPnl = 0;
      for (let a = 0; a < size; a++) unhedgedPnl += (vegas[a] as number) * (row[a] as number);
      let hedgePnl = 0;
      for (let p = 0; p < proxyIndices.length; p++) hedgePnl += (hedge[p] as number) * (row[proxyIndices[p] as number] as number);
      days.push({ date: dateOf(table.laterRowPositions[k] as number), unhedgedPnl, hedgePnl, hedgedPnl: unhedgedPnl + hedgePnl, hedge, rebalanced });
    }
    estimator.push(row);
  });
  const { statistics, undefinedReasons, warnings } = backtestStatistics(days, inSampleEffectiveness, rebalanceHedges);
  return { proxies: proxyNames, days, statistics, undefinedReasons, warnings, changeCount, window, method: lambda === null ? "sample" : "ewma", lambda, rebalance, ridge };
}
