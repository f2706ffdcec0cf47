/*
 * The out-of-sample hedge backtest at desk size: 1,000 out-of-sample days of 10 book assets hedged with 3 proxies,
 * re-hedged daily (the target: under 100 ms), sample window 60 and EWMA; and the correlation stress.
 * Beside it, the two ways to get the same numbers without the rolling estimate: re-estimating every Σ_k from scratch
 * over its window (the same solver), and what a user could do with the public functions alone, day by day
 * (estimateVolCorrelation = XV.VOLCORR/XV.VOLOFVOL on the window, then computeProxyHedge = XV.XVEGAHEDGE). Before
 * timing, all three must agree on every day's hedge.
 */
import { runHedgeBacktest, stressHedge, type HedgeBacktestInput, type HedgeBacktestResult } from "../src/core/backtest";
import { estimateVolCorrelation, volChangesFromLevels } from "../src/core/correlation";
import { computeProxyHedge } from "../src/core/hedge";
import { solveMinimumVarianceHedge } from "../src/core/hedge/hedgeAlgebra";
import { mulberry32 } from "./random";
import { benchmarkVariant, formatMilliseconds, formatTable, measureInterleaved, median, type VariantSamples } from "./timing";

const BOOK_ASSETS = 10;
const PROXIES = ["BTC", "ETH", "SOL"] as const;
const WINDOW = 60;
const OUT_OF_SAMPLE_DAYS = 1000;
const SEED = 20_261_205;
const TARGET_MILLISECONDS = 100;
const WARM_UP_ROUNDS = 2;
const REPETITIONS = 9;

/** Levels of 13 assets over 1,060 days: one market factor of vol moves plus own noise, levels 40–120 vol points. */
function buildInput(): HedgeBacktestInput {
  const random = mulberry32(SEED);
  const normal = (): number => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const assets = [...PROXIES, ...Array.from({ length: BOOK_ASSETS }, (_, i) => `ALT${i + 1}`)];
  const level = assets.map(() => 40 + 80 * random());
  const loading = assets.map(() => 0.5 + 1.5 * random());
  const levels = Array.from({ length: WINDOW + OUT_OF_SAMPLE_DAYS + 1 }, () => {
    const market = normal();
    return level.map((value, i) => (level[i] = Math.max(5, value + (loading[i] as number) * market + normal())));
  });
  const targets = assets.slice(PROXIES.length).map((asset) => ({ asset, vegaPerVolPoint: (random() < 0.3 ? -1 : 1) * (1000 + 50_000 * random()) }));
  return { history: { assets, levels }, targets, proxies: [...PROXIES], window: WINDOW, rebalance: 1 };
}

/** Every Σ_k from scratch over its window (two passes), then the engine's solver: the cost the rolling estimate saves. */
function fromScratch(input: HedgeBacktestInput): number[][] {
  const table = volChangesFromLevels(input.history);
  const size = table.assets.length;
  const vegas = table.assets.map((asset) => input.targets.find((target) => target.asset === asset)?.vegaPerVolPoint ?? 0);
  const proxyIndices = input.proxies.map((proxy) => table.assets.indexOf(proxy));
  const hedges: number[][] = [];
  for (let k = WINDOW; k < table.changes.length; k++) {
    const window = table.changes.slice(k - WINDOW, k);
    const means = new Array<number>(size).fill(0);
    for (const change of window) change.forEach((value, i) => (means[i] = (means[i] as number) + value / WINDOW));
    const covariance = Array.from({ length: size }, () => new Array<number>(size).fill(0));
    for (const change of window) {
      for (let i = 0; i < size; i++) for (let j = 0; j < size; j++) (covariance[i] as number[])[j] = (covariance[i]?.[j] as number) + ((change[i] as number) - (means[i] as number)) * ((change[j] as number) - (means[j] as number)) / (WINDOW - 1);
    }
    hedges.push(solveMinimumVarianceHedge(covariance, vegas, proxyIndices, 0)?.hedge ?? []);
  }
  return hedges;
}

/** Day by day through the public functions: XV.VOLCORR and XV.VOLOFVOL on the window, then XV.XVEGAHEDGE. */
function dayByDayWithPublicFunctions(input: HedgeBacktestInput): number[][] {
  const { assets, levels } = input.history;
  const hedges: number[][] = [];
  for (let k = WINDOW; k < levels.length - 1; k++) {
    const estimate = estimateVolCorrelation({ assets, levels: levels.slice(k - WINDOW, k + 1) });
    const hedge = computeProxyHedge({
      targets: input.targets,
      proxies: input.proxies,
      correlation: { assets: estimate.assets, values: estimate.correlation },
      volOfVols: estimate.assets.map((asset, i) => ({ asset, value: estimate.volOfVols[i] as number })),
    });
    hedges.push(hedge.proxies.map((line) => line.hedgeVegaPerVolPoint));
  }
  return hedges;
}

function largestRelativeGap(actual: readonly (readonly number[])[], expected: readonly (readonly number[])[]): number {
  let gap = 0;
  expected.forEach((row, k) => row.forEach((value, p) => (gap = Math.max(gap, Math.abs((actual[k]?.[p] ?? Number.NaN) - value) / Math.max(Math.abs(value), 1)))));
  return actual.length === expected.length ? gap : Number.POSITIVE_INFINITY;
}

function hedgesOf(result: HedgeBacktestResult): number[][] {
  return result.days.map((day) => day.hedge);
}

function checksumOf(hedges: readonly (readonly number[])[]): number {
  return hedges.reduce((sum, row) => sum + row.reduce((a, b) => a + b, 0), 0);
}

export function runBacktestBenchmark(): void {
  const input = buildInput();
  const ewma = { ...input, lambda: 0.97 };
  console.log(
    `${BOOK_ASSETS} book assets + ${PROXIES.length} proxies, ${WINDOW + OUT_OF_SAMPLE_DAYS + 1} days of levels (mulberry32 seed ${SEED}): ` +
      `${OUT_OF_SAMPLE_DAYS} out-of-sample days, window ${WINDOW}, daily rebalancing`,
  );
  const rolling = runHedgeBacktest(input);
  const scratchHedges = fromScratch(input);
  const publicHedges = dayByDayWithPublicFunctions(input);
  console.log("\nChecks (untimed):");
  console.log(`  out-of-sample days: ${rolling.days.length} (expected ${OUT_OF_SAMPLE_DAYS})`);
  console.log(`  rolling vs from-scratch Σ_k, every day's hedge: largest relative gap ${largestRelativeGap(hedgesOf(rolling), scratchHedges).toExponential(2)} (tolerance 1e-9)`);
  console.log(`  rolling vs XV.VOLCORR + XV.XVEGAHEDGE day by day: largest relative gap ${largestRelativeGap(hedgesOf(rolling), publicHedges).toExponential(2)} (tolerance 1e-9)`);
  console.log(`  out-of-sample effectiveness ${rolling.statistics.effectivenessOutOfSample?.toFixed(4)}, in-sample ${rolling.statistics.effectivenessInSample.toFixed(4)}`);

  const variants = [
    benchmarkVariant("runHedgeBacktest, sample window (rolling)", () => runHedgeBacktest(input), (result) => checksumOf(hedgesOf(result))),
    benchmarkVariant("runHedgeBacktest, EWMA 0.97 (rolling)", () => runHedgeBacktest(ewma), (result) => checksumOf(hedgesOf(result))),
    benchmarkVariant("every Σ_k from scratch, same solver", () => fromScratch(input), checksumOf),
    benchmarkVariant("XV.VOLCORR + XV.XVEGAHEDGE day by day", () => dayByDayWithPublicFunctions(input), checksumOf),
    benchmarkVariant("stressHedge, 6 shifts, today's matrix", () => stressHedge({ targets: input.targets, proxies: input.proxies, correlation: { assets: input.history.assets, values: estimateVolCorrelation(input.history).correlation } }), (result) => result.rows.reduce((sum, row) => sum + row.heldEffectiveness, 0)),
  ];
  const samples = measureInterleaved(variants, { warmUpRounds: WARM_UP_ROUNDS, repetitions: REPETITIONS });
  const medians = samples.map((sample: VariantSamples) => median(sample.milliseconds));
  const rollingMilliseconds = medians[0] as number;
  console.log(`\nTimings: ${REPETITIONS} interleaved repetitions after ${WARM_UP_ROUNDS} warm-up rounds (ratio = variant / rolling sample backtest):`);
  console.log(
    formatTable(
      ["variant", "median ms", "min ms", "ratio"],
      samples.map((sample, i) => [sample.name, formatMilliseconds(medians[i] as number), formatMilliseconds(Math.min(...sample.milliseconds)), `${((medians[i] as number) / rollingMilliseconds).toFixed(2)}×`]),
      "  ",
    ),
  );
  console.log(`\n  backtest of ${OUT_OF_SAMPLE_DAYS} days × ${BOOK_ASSETS + PROXIES.length} assets × ${PROXIES.length} proxies, daily: ${formatMilliseconds(rollingMilliseconds)} ms, target < ${TARGET_MILLISECONDS} ms: ${rollingMilliseconds < TARGET_MILLISECONDS ? "PASS" : "MISS"}`);
}
