/*
 * Nearest correlation matrix (`nearestCorrelationMatrix`, default options) on random invalid matrices of 50, 100 and
 * 200 assets: a factor-model correlation matrix whose every pair is moved by a uniform draw in [−0.2, 0.2] and clipped
 * to [−1, 1] (symmetric, unit diagonal, indefinite). Before timing, each output is checked: valid
 * (`validateCorrelationMatrix`), converged, and optimal by the KKT conditions, computed here.
 */
import { EigenvalueDecomposition, Matrix } from "ml-matrix";
import { validateCorrelationMatrix } from "../src/core/correlation/correlationValidation";
import { nearestCorrelationMatrix, type NearestCorrelationResult } from "../src/core/correlation/nearestCorrelation";
import { mulberry32 } from "./random";
import { factorModelCorrelation, perturbedCorrelation } from "./randomCorrelation";
import { VariantSamples, benchmarkVariant, formatMilliseconds, formatTable, measureInterleaved, median } from "./timing";

const SIZES = [50, 100, 200] as const;
const SEED = 20_240_603;
const NOISE = 0.2;
const WARM_UP_ROUNDS = 2;
const REPETITIONS = 9;
/** The issue's target: 100×100 in under 250 ms. */
const TARGET_SIZE = 100;
const TARGET_MILLISECONDS = 250;
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

/** The benchmark section: inputs, checks, timings and the 100×100 target. */
export function runNearestCorrelationBenchmark(): void {
  console.log(
    `Random invalid matrices, mulberry32 seed ${SEED} + size: factor-model correlation (1 market + 4 sector factors + own noise, rows normalised), ` +
      `every pair moved by uniform ±${NOISE} and clipped to [−1, 1]; default options (tolerance 1e-10, Anderson depth 12)`,
  );
  const problems = SIZES.map((size) => buildProblem(size, SEED + size));
  const results = problems.map((problem) => nearestCorrelationMatrix(problem.values));
  console.log("\nChecks (untimed):");
  problems.forEach((problem, index) => console.log(`  ${checkResult(problem, results[index] as NearestCorrelationResult)}`));

  const variants = problems.map((problem) =>
    benchmarkVariant(`${problem.size}×${problem.size}`, () => nearestCorrelationMatrix(problem.values), resultChecksum),
  );
  const samples = measureInterleaved(variants, { warmUpRounds: WARM_UP_ROUNDS, repetitions: REPETITIONS });

  console.log(`\nTimings: median of ${REPETITIONS} interleaved repetitions after ${WARM_UP_ROUNDS} warm-up rounds:`);
  const rows = samples.map((sample: VariantSamples, index) => {
    const milliseconds = median(sample.milliseconds);
    const iterations = results[index]?.iterations ?? 0;
    const checksums = new Set(sample.checksums.map(String));
    return [
      sample.name,
      formatMilliseconds(milliseconds),
      formatMilliseconds(Math.min(...sample.milliseconds)),
      formatMilliseconds(Math.max(...sample.milliseconds)),
      median(sample.cpuOverWall).toFixed(2),
      String(iterations),
      formatMilliseconds(milliseconds / iterations),
      checksums.size === 1 ? String(sample.checksums[0]) : `varies! ${[...checksums].join(" / ")}`,
    ];
  });
  console.log(formatTable(["matrix", "median ms", "min ms", "max ms", "cpu/wall", "iterations", "ms/iteration", "checksum"], rows, "  "));
  const targetSample = samples[SIZES.indexOf(TARGET_SIZE)] as VariantSamples;
  const targetMilliseconds = median(targetSample.milliseconds);
  console.log(
    `\n  ${TARGET_SIZE}×${TARGET_SIZE} median ${formatMilliseconds(targetMilliseconds)} ms, target < ${TARGET_MILLISECONDS} ms: ${targetMilliseconds < TARGET_MILLISECONDS ? "PASS" : "MISS"}`,
  );
}
