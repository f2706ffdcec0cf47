/*
 * Nearest correlation matrix (`nearestCorrelationMatrix`, default options: the Newton route) on random invalid matrices
 * of 100, 200 and 500 assets, and constrained variants at 100 (min_eigenvalue 0.01; a locked 5-asset block), against
 * numpy/OpenBLAS Higham alternating projections on the same matrices (bench/numpyHighamPeer.ts). Inputs: a factor-model correlation matrix whose every pair is moved by a uniform draw in [−0.2, 0.2] and clipped
 * to [−1, 1] (symmetric, unit diagonal, indefinite). Before timing, each output is checked: valid
 * (`validateCorrelationMatrix`), converged, and optimal by the KKT conditions, computed here.
 */
import { EigenvalueDecomposition, Matrix } from "ml-matrix";
import { validateCorrelationMatrix } from "../src/core/correlation/correlationValidation";
import { nearestCorrelationMatrix, type NearestCorrelationResult } from "../src/core/correlation/nearestCorrelation";
import { useWasmKernels, wasmKernelsAvailable } from "../src/core/correlation/wasmKernels";
import { timeNumpyHigham } from "./numpyHighamPeer";
import { mulberry32 } from "./random";
import { factorModelCorrelation, perturbedCorrelation } from "./randomCorrelation";
import { performance } from "node:perf_hooks";
import { VariantSamples, benchmarkVariant, collectGarbageAndSettle, formatMilliseconds, formatTable, measureInterleaved, median } from "./timing";

const SIZES = [100, 200, 500] as const;
const SEED = 20_240_603;
const NOISE = 0.2;
const WARM_UP_ROUNDS = 1;
const REPETITIONS = 5;
/** Issue 11's targets: 100×100 at least 2× faster than numpy; 200×200 ≤ 150 ms; 500×500 ≤ 1.5 s; constrained 100×100 ≤ 0.5 s. */
const PEER_SPEEDUP_SIZE = 100;
const PEER_SPEEDUP_TARGET = 2;
const ABSOLUTE_TARGETS: Readonly<Record<string, number>> = { "200×200": 150, "500×500": 1500, "100×100 min_eigenvalue 0.01": 500, "100×100 locked 5-asset block": 500 };
const CONSTRAINED_MIN_EIGENVALUE = 0.01;
const LOCKED_ASSETS = [0, 1, 2, 3, 4];
/** The KKT residuals below must be under this (relative to ‖N‖), and λmin(N) above −this·‖N‖. */
const OPTIMALITY_TOLERANCE = 1e-6;

interface Problem {
  size: number;
  values: number[][];
  smallestEigenvalue: number;
  negativeEigenvalues: number;
}

function eigenvaluesOf(values: readonly (readonly number[])[]): number[] {
  return new EigenvalueDecomposition(new Matrix(values.map((row) => [...row])), { assumeSymmetric: true }).realEigenvalues;
}

function buildProblem(size: number, seed: number): Problem {
  const random = mulberry32(seed);
  const values = perturbedCorrelation(factorModelCorrelation(size, random), NOISE, random);
  const eigenvalues = eigenvaluesOf(values);
  return { size, values, smallestEigenvalue: Math.min(...eigenvalues), negativeEigenvalues: eigenvalues.filter((value) => value < 0).length };
}

/**
 * KKT conditions of min ‖X − A‖_F over correlation matrices X (A symmetric here): X = A + diag(y) + N with N ⪰ 0 and
 * XN = 0. N's off-diagonal is that of X − A; its diagonal follows from (XN)_ii = 0 with X_ii = 1. Returns the largest
 * |(XN)_ij| and λmin(N), both relative to max|N_ij|. Both near 0 certify that X is the nearest correlation matrix.
 */
function optimalityResiduals(input: readonly (readonly number[])[], output: readonly (readonly number[])[]): { product: number; smallestEigenvalue: number } {
  const size = input.length;
  const multiplier = output.map((row, i) => row.map((value, j) => (i === j ? 0 : value - (input[i]?.[j] as number))));
  for (let i = 0; i < size; i++) {
    const rowN = multiplier[i] as number[];
    rowN[i] = -rowN.reduce((sum, value, j) => sum + (output[i]?.[j] as number) * value, 0);
  }
  const scale = Math.max(...multiplier.map((row) => Math.max(...row.map(Math.abs))));
  const product = new Matrix(output.map((row) => [...row])).mmul(new Matrix(multiplier));
  return { product: Math.max(product.max(), -product.min()) / scale, smallestEigenvalue: Math.min(...eigenvaluesOf(multiplier)) / scale };
}

function checkResult(problem: Problem, result: NearestCorrelationResult): string {
  const validation = validateCorrelationMatrix(result.matrix);
  const { product, smallestEigenvalue } = optimalityResiduals(problem.values, result.matrix);
  const optimal = product <= OPTIMALITY_TOLERANCE && smallestEigenvalue >= -OPTIMALITY_TOLERANCE;
  let distance = 0;
  result.matrix.forEach((row, i) => row.forEach((value, j) => (distance += (value - (problem.values[i]?.[j] as number)) ** 2)));
  return (
    `${problem.size}×${problem.size}: input λmin ${problem.smallestEigenvalue.toFixed(3)} (${problem.negativeEigenvalues} negative eigenvalues); ` +
    `output ${validation.valid ? "valid" : `INVALID (${validation.problems.map((p) => p.check).join(", ")})`}, λmin ${validation.smallestEigenvalue?.toExponential(1)}, ` +
    `${result.converged ? "converged" : "NOT converged"} in ${result.iterations} iterations, ‖X − A‖_F ${Math.sqrt(distance).toFixed(4)}; ` +
    `KKT |XN|/|N| ${product.toExponential(1)}, λmin(N)/|N| ${smallestEigenvalue.toExponential(1)}: ${optimal ? "optimal" : "NOT optimal"}`
  );
}

/** Sum of the output's entries and the iteration count: changes if the answer does. */
function resultChecksum(result: NearestCorrelationResult): number {
  return result.matrix.reduce((sum, row) => row.reduce((rowSum, value) => rowSum + value, sum), 0) + result.iterations;
}

/** Back-to-back calls timed (after one untimed): how numpy is timed, and how a pane or a batch repairs. */
const BACK_TO_BACK_CALLS = 5;

/**
 * Median of `BACK_TO_BACK_CALLS` consecutive calls with no collection between them. The interleaved harness collects
 * garbage before every timed run; after a full collection V8 runs these loops 2–4× slower for a while (seen: 100×100
 * 23 ms back to back, 60–90 ms right after gc(), the profile showing the small helpers no longer inlined), which the
 * peer, timed back to back in its own process, never pays. Both figures are printed; the targets are judged on both.
 */
function backToBackMilliseconds(run: () => unknown): number {
  collectGarbageAndSettle();
  run();
  const times: number[] = [];
  for (let call = 0; call < BACK_TO_BACK_CALLS; call++) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  return median(times);
}

function lockedMask(size: number): boolean[][] {
  return Array.from({ length: size }, (_, i) => Array.from({ length: size }, (_, j) => i !== j && LOCKED_ASSETS.includes(i) && LOCKED_ASSETS.includes(j)));
}

/** The benchmark section: inputs, checks, timings, the numpy peer and issue 11's targets. */
export function runNearestCorrelationBenchmark(): void {
  console.log(
    `Random invalid matrices, mulberry32 seed ${SEED} + size: factor-model correlation (1 market + 4 sector factors + own noise, rows normalised), ` +
      `every pair moved by uniform ±${NOISE} and clipped to [−1, 1]; default options (Newton, tolerance 1e-10)`,
  );
  const problems = SIZES.map((size) => buildProblem(size, SEED + size));
  const results = problems.map((problem) => nearestCorrelationMatrix(problem.values));
  console.log("\nChecks (untimed):");
  problems.forEach((problem, index) => console.log(`  ${checkResult(problem, results[index] as NearestCorrelationResult)}`));
  const small = problems[0] as Problem;
  const projections = nearestCorrelationMatrix(small.values, { method: "alternatingProjections", tolerance: 1e-13, maxIterations: 20000 });
  let gap = 0;
  projections.matrix.forEach((row, i) => row.forEach((value, j) => (gap = Math.max(gap, Math.abs(value - (results[0]?.matrix[i]?.[j] as number))))));
  console.log(`  ${small.size}×${small.size}: Newton vs alternating projections (tolerance 1e-13) max |difference| ${gap.toExponential(1)}: ${gap <= 1e-9 ? "agree to 1e-9" : "DISAGREE"}`);
  const constrained = [
    { name: `${small.size}×${small.size} min_eigenvalue ${CONSTRAINED_MIN_EIGENVALUE}`, options: { minEigenvalue: CONSTRAINED_MIN_EIGENVALUE } },
    { name: `${small.size}×${small.size} locked 5-asset block`, options: { locked: lockedMask(small.size) } },
  ];
  for (const variant of constrained) {
    const result = nearestCorrelationMatrix(small.values, variant.options);
    const smallest = Math.min(...eigenvaluesOf(result.matrix));
    console.log(`  ${variant.name}: ${result.converged ? "converged" : "NOT converged"} in ${result.iterations} iterations, λmin ${smallest.toExponential(3)}`);
  }

  const largest = problems[problems.length - 1] as Problem;
  const typeScriptName = `${largest.size}×${largest.size} TypeScript kernels only`;
  const typeScriptRoute = (): NearestCorrelationResult => {
    useWasmKernels(false);
    try {
      return nearestCorrelationMatrix(largest.values);
    } finally {
      useWasmKernels(true);
    }
  };
  const sameBits = JSON.stringify(typeScriptRoute().matrix) === JSON.stringify(results[results.length - 1]?.matrix);
  console.log(
    `  ${largest.size}×${largest.size}: eigen-decomposition kernels in ${wasmKernelsAvailable() ? "WebAssembly SIMD" : "TypeScript (no WebAssembly SIMD here)"}; ` +
      `the TypeScript kernels alone give ${sameBits ? "the same bits" : "DIFFERENT bits"}`,
  );

  const variants = [
    ...problems.map((problem) => benchmarkVariant(`${problem.size}×${problem.size}`, () => nearestCorrelationMatrix(problem.values), resultChecksum)),
    benchmarkVariant(typeScriptName, typeScriptRoute, resultChecksum),
    ...constrained.map((variant) => benchmarkVariant(variant.name, () => nearestCorrelationMatrix(small.values, variant.options), resultChecksum)),
  ];
  const samples = measureInterleaved(variants, { warmUpRounds: WARM_UP_ROUNDS, repetitions: REPETITIONS });
  const backToBack = new Map(variants.map((variant) => [variant.name, backToBackMilliseconds(variant.run)]));
  const peer = timeNumpyHigham(problems.map((problem) => problem.values), 1e-10, 3);

  console.log(`\nTimings: median of ${REPETITIONS} interleaved repetitions after ${WARM_UP_ROUNDS} warm-up round (numpy, single-threaded OpenBLAS, same tolerance 1e-10: median of 3 after 1; one run at 500):`);
  const rows = samples.map((sample: VariantSamples) => {
    const milliseconds = median(sample.milliseconds);
    const checksums = new Set(sample.checksums.map(String));
    const peerIndex = problems.findIndex((problem) => `${problem.size}×${problem.size}` === sample.name);
    const peerTiming = typeof peer === "string" || peerIndex === -1 ? null : (peer[peerIndex] ?? null);
    return [
      sample.name,
      formatMilliseconds(milliseconds),
      formatMilliseconds(Math.min(...sample.milliseconds)),
      formatMilliseconds(Math.max(...sample.milliseconds)),
      median(sample.cpuOverWall).toFixed(2),
      formatMilliseconds(backToBack.get(sample.name) ?? Number.NaN),
      peerTiming === null ? "—" : `${formatMilliseconds(peerTiming.milliseconds)} (${peerTiming.iterations} it.)`,
      peerTiming === null ? "—" : `${(peerTiming.milliseconds / milliseconds).toFixed(2)}× / ${(peerTiming.milliseconds / (backToBack.get(sample.name) ?? Number.NaN)).toFixed(2)}×`,
      checksums.size === 1 ? "stable" : `varies! ${[...checksums].join(" / ")}`,
    ];
  });
  console.log(formatTable(["matrix", "median ms", "min ms", "max ms", "cpu/wall", "back-to-back ms", "numpy Higham ms", "numpy/ours (median / back-to-back)", "checksum"], rows, "  "));
  if (typeof peer === "string") console.log(`  ${peer}`);
  console.log("");
  const medianOf = (name: string): number => median(samples.find((sample) => sample.name === name)?.milliseconds ?? [Number.NaN]);
  const verdict = (passed: boolean): string => (passed ? "PASS" : "MISS");
  if (typeof peer !== "string") {
    const index = SIZES.indexOf(PEER_SPEEDUP_SIZE);
    const name = `${PEER_SPEEDUP_SIZE}×${PEER_SPEEDUP_SIZE}`;
    const peerMilliseconds = peer[index]?.milliseconds ?? 0;
    const ratio = peerMilliseconds / medianOf(name);
    const backToBackRatio = peerMilliseconds / (backToBack.get(name) ?? Number.NaN);
    console.log(
      `  ${name}: ${ratio.toFixed(2)}× (after GC) / ${backToBackRatio.toFixed(2)}× (back to back) faster than numpy Higham, target ≥ ${PEER_SPEEDUP_TARGET}×: ` +
        `${verdict(ratio >= PEER_SPEEDUP_TARGET)} / ${verdict(backToBackRatio >= PEER_SPEEDUP_TARGET)}`,
    );
  }
  for (const [name, target] of Object.entries(ABSOLUTE_TARGETS)) {
    const milliseconds = medianOf(name);
    const warm = backToBack.get(name) ?? Number.NaN;
    console.log(
      `  ${name}: ${formatMilliseconds(milliseconds)} ms (after GC) / ${formatMilliseconds(warm)} ms (back to back), target ≤ ${target} ms ` +
        `(ratio ${(milliseconds / target).toFixed(2)} / ${(warm / target).toFixed(2)}): ${verdict(milliseconds <= target)} / ${verdict(warm <= target)}`,
    );
  }
}
