/*
 * Vega throughput on 1,000,000 random BSM legs (carry 0), four ways:
 *   (a) kernel:  core vegaPerUnitVol in a plain loop over Float64Arrays, × 0.01 for vega per vol point;
 *   (b) adapter: the XV.VEGA custom function, any[][] column ranges in and any[][] out, as Excel calls it;
 *   (c) peer:    the npm package `greeks` 1.0.0, getVega (per 1% of vol, q = 0);
 *   (d) floor:   only the transcendental calls the kernel makes per leg, on the arguments it makes them with.
 * Before timing, every leg is checked: (b) equals (a) exactly, and (c) agrees with (a) to 1e-9 relative, so the peer
 * comparison compares the same number.
 */
import { getVega as peerVegaPerPercent } from "greeks";
import { vegaPerUnitVol } from "../src/core/vega/blackVega";
import type { LegColumns } from "../src/core/vega/legColumns";
import { vegaUnitScale } from "../src/core/vega/vegaUnit";
import { installCustomFunctionsStub } from "../src/functions/customFunctionsStub";
import { vega as excelVega } from "../src/functions/vegaFunctions";
import { runVegaErrorBenchmark } from "./vegaErrorBenchmark";
import { logUniformBetween, mulberry32, uniformBetween } from "./random";
import {
  VariantSamples,
  benchmarkVariant,
  formatMilliseconds,
  formatRate,
  formatTable,
  measureInterleaved,
  median,
  perRepetitionRatios,
} from "./timing";

const LEG_COUNT = 1_000_000;
const SEED = 20_240_601;
const WARM_UP_ROUNDS = 2;
const REPETITIONS = 9;

/** Input ranges of the random legs (the "realistic ranges"). */
const UNDERLYING_RANGE = [1, 100_000] as const; // log-uniform: as many legs per decade, altcoins at 1 to BTC at 100,000
const STRIKE_OVER_UNDERLYING_RANGE = [0.5, 1.5] as const;
const YEARS_RANGE = [1 / 365, 2] as const;
const VOL_RANGE = [0.1, 1.5] as const;
const RATE_RANGE = [0, 0.08] as const;

/** (a) and (c) must agree to this, relative, on every leg. */
const PEER_RELATIVE_TOLERANCE = 1e-9;
/** Below the smallest normal double a relative comparison means nothing (few significant bits): compare absolutely. */
const SMALLEST_NORMAL = 2.2250738585072014e-308;

/** The targets. Time ratios: kernel/floor at most 1.5, adapter/kernel at most 2, peer/kernel at least 2. */
const KERNEL_OVER_FLOOR_TARGET = 1.5;
const ADAPTER_OVER_KERNEL_TARGET = 2;
const PEER_OVER_KERNEL_TARGET = 2;

const PER_VOL_POINT = vegaUnitScale("point");

/** The book's numeric columns (all legs are bsm here, so no model column). */
type Legs = Omit<LegColumns, "models">;

/** The legs as Excel passes them to XV.VEGA: one n × 1 column range per argument. */
interface ExcelColumns {
  underlying: number[][];
  strike: number[][];
  years: number[][];
  vol: number[][];
  rate: number[][];
  carry: number[][];
}

/** The floor's inputs: exactly the arguments of the kernel's Math calls for each leg, computed the kernel's way. */
interface FloorArguments {
  moneyness: Float64Array; // Math.log(underlying / strike)
  years: Float64Array; // Math.sqrt(years)
  exponent: Float64Array; // Math.exp(−d1²/2)
}

function generateLegs(count: number, seed: number): Legs {
  const random = mulberry32(seed);
  const legs: Legs = {
    underlying: new Float64Array(count),
    strike: new Float64Array(count),
    years: new Float64Array(count),
    vol: new Float64Array(count),
    rate: new Float64Array(count),
    carry: new Float64Array(count), // all 0: the peer has no carry
  };
  for (let i = 0; i < count; i++) {
    const underlying = logUniformBetween(random, UNDERLYING_RANGE[0], UNDERLYING_RANGE[1]);
    legs.underlying[i] = underlying;
    legs.strike[i] = underlying * uniformBetween(random, STRIKE_OVER_UNDERLYING_RANGE[0], STRIKE_OVER_UNDERLYING_RANGE[1]);
    legs.years[i] = uniformBetween(random, YEARS_RANGE[0], YEARS_RANGE[1]);
    legs.vol[i] = uniformBetween(random, VOL_RANGE[0], VOL_RANGE[1]);
    legs.rate[i] = uniformBetween(random, RATE_RANGE[0], RATE_RANGE[1]);
  }
  return legs;
}

function toColumn(values: Float64Array): number[][] {
  return Array.from(values, (value) => [value]);
}

function toExcelColumns(legs: Legs): ExcelColumns {
  return {
    underlying: toColumn(legs.underlying),
    strike: toColumn(legs.strike),
    years: toColumn(legs.years),
    vol: toColumn(legs.vol),
    rate: toColumn(legs.rate),
    carry: toColumn(legs.carry),
  };
}

/**
 * Per leg, with bsm, carry 0, years > 0 and vol > 0, vegaPerUnitVol calls Math.sqrt(years), Math.log(underlying /
 * strike) and Math.exp(−d1²/2): one of each (the carry discount e^(−qT) is skipped when carry is 0).
 */
function floorArguments(legs: Legs): FloorArguments {
  const count = legs.underlying.length;
  const result: FloorArguments = { moneyness: new Float64Array(count), years: legs.years, exponent: new Float64Array(count) };
  for (let i = 0; i < count; i++) {
    const underlying = legs.underlying[i] as number;
    const years = legs.years[i] as number;
    const standardDeviation = (legs.vol[i] as number) * Math.sqrt(years);
    const logMoneyness = Math.log(underlying / (legs.strike[i] as number)) + ((legs.rate[i] as number) - (legs.carry[i] as number)) * years;
    const d1 = logMoneyness / standardDeviation + 0.5 * standardDeviation;
    result.moneyness[i] = underlying / (legs.strike[i] as number);
    result.exponent[i] = -0.5 * d1 * d1;
  }
  return result;
}

// The timed loops. Each is its own function so V8 optimises each on its own.

function kernelChecksum(legs: Legs): number {
  const { underlying, strike, years, vol, rate, carry } = legs;
  const count = underlying.length;
  let checksum = 0;
  for (let i = 0; i < count; i++) {
    checksum +=
      vegaPerUnitVol("bsm", underlying[i] as number, strike[i] as number, years[i] as number, vol[i] as number, rate[i] as number, carry[i] as number) *
      PER_VOL_POINT;
  }
  return checksum;
}

function adapterResult(columns: ExcelColumns): unknown[][] {
  return excelVega(columns.underlying, columns.strike, columns.years, columns.vol, columns.rate, columns.carry);
}

/**
 * (e) The least any XV.VEGA must do with Excel's data format, without any maths: read every cell of the six n×1
 * ranges with a number check into typed columns, and build the n×1 result of one-element rows. The adapter's time
 * beyond kernel + this is validation, defaults and error bookkeeping.
 */
function excelInputOutputFloor(columns: ExcelColumns): unknown[][] {
  const ranges = [columns.underlying, columns.strike, columns.years, columns.vol, columns.rate, columns.carry];
  const count = columns.underlying.length;
  const sums = new Float64Array(count);
  for (const range of ranges) {
    for (let row = 0; row < count; row++) {
      const value = (range[row] as unknown[])[0];
      sums[row] = (sums[row] as number) + (typeof value === "number" ? value : Number.NaN);
    }
  }
  const result: unknown[][] = new Array(count);
  for (let row = 0; row < count; row++) result[row] = [sums[row]];
  return result;
}

function peerChecksum(legs: Legs): number {
  const { underlying, strike, years, vol, rate } = legs;
  const count = underlying.length;
  let checksum = 0;
  for (let i = 0; i < count; i++) {
    checksum += peerVegaPerPercent(underlying[i] as number, strike[i] as number, years[i] as number, vol[i] as number, rate[i] as number);
  }
  return checksum;
}

function floorChecksum(floor: FloorArguments): number {
  const { moneyness, years, exponent } = floor;
  const count = moneyness.length;
  let checksum = 0;
  for (let i = 0; i < count; i++) {
    checksum += Math.log(moneyness[i] as number) + Math.sqrt(years[i] as number) + Math.exp(exponent[i] as number);
  }
  return checksum;
}

/** Sum of a result column; NaN if any cell is not a number (an error object), so a broken run cannot look fine. */
function columnChecksum(result: unknown[][]): number {
  let checksum = 0;
  for (const row of result) {
    const cell = row[0];
    checksum += typeof cell === "number" ? cell : NaN;
  }
  return checksum;
}

/** Untimed, every leg: (b) must equal (a) exactly, (c) must match (a) to PEER_RELATIVE_TOLERANCE. */
function checkAgreement(legs: Legs, columns: ExcelColumns): string[] {
  const count = legs.underlying.length;
  const adapter = adapterResult(columns);
  let adapterMismatches = 0;
  let firstAdapterMismatch = "";
  let peerMismatches = 0;
  let firstPeerMismatch = "";
  let largestPeerRelativeDifference = 0;
  let zeroVegas = 0;
  for (let i = 0; i < count; i++) {
    const underlying = legs.underlying[i] as number;
    const strike = legs.strike[i] as number;
    const years = legs.years[i] as number;
    const vol = legs.vol[i] as number;
    const rate = legs.rate[i] as number;
    const kernel = vegaPerUnitVol("bsm", underlying, strike, years, vol, rate, legs.carry[i] as number) * PER_VOL_POINT;
    if (kernel === 0) zeroVegas++;
    const adapterCell = adapter[i]?.[0];
    if (adapterCell !== kernel) {
      if (adapterMismatches++ === 0) firstAdapterMismatch = `leg ${i}: adapter ${String(adapterCell)} vs kernel ${kernel}`;
    }
    const peer = peerVegaPerPercent(underlying, strike, years, vol, rate);
    const scale = Math.max(Math.abs(kernel), Math.abs(peer));
    const difference = Math.abs(peer - kernel);
    if (scale >= SMALLEST_NORMAL) largestPeerRelativeDifference = Math.max(largestPeerRelativeDifference, difference / scale);
    if (!(difference <= PEER_RELATIVE_TOLERANCE * scale + SMALLEST_NORMAL)) {
      if (peerMismatches++ === 0) {
        firstPeerMismatch = `leg ${i} (S=${underlying}, K=${strike}, T=${years}, σ=${vol}, r=${rate}): greeks ${peer} vs kernel×0.01 ${kernel}`;
      }
    }
  }
  const legsText = count.toLocaleString("en-US");
  return [
    `adapter (b) = kernel (a), exactly, on all ${legsText} legs: ` +
      (adapterMismatches === 0 ? "yes" : `NO, ${adapterMismatches} legs differ; first ${firstAdapterMismatch}`),
    `peer (c) = kernel×0.01 (a) within ${PEER_RELATIVE_TOLERANCE} relative on all ${legsText} legs: ` +
      (peerMismatches === 0 ? "yes" : `NO, ${peerMismatches} legs differ; first ${firstPeerMismatch}`) +
      ` (largest relative difference ${largestPeerRelativeDifference.toExponential(2)})`,
    `legs whose vega underflows to exactly 0 (short-dated, far from the money): ${zeroVegas.toLocaleString("en-US")}`,
  ];
}

function variantRow(samples: VariantSamples): string[] {
  const milliseconds = median(samples.milliseconds);
  const checksums = new Set(samples.checksums.map(String));
  const checksum = samples.checksums[0] as number;
  return [
    samples.name,
    formatMilliseconds(milliseconds),
    formatMilliseconds(Math.min(...samples.milliseconds)),
    formatMilliseconds(Math.max(...samples.milliseconds)),
    median(samples.cpuOverWall).toFixed(2),
    ((milliseconds * 1e6) / LEG_COUNT).toFixed(1),
    `${formatRate((LEG_COUNT * 1000) / milliseconds)}`,
    checksums.size === 1 ? String(checksum) : `varies! ${[...checksums].join(" / ")}`,
  ];
}

function ratioRow(name: string, numerator: VariantSamples, denominator: VariantSamples, comparison: "≤" | "≥", target: number): string[] {
  const ratios = perRepetitionRatios(numerator, denominator);
  const ratio = median(ratios);
  const pass = comparison === "≤" ? ratio <= target : ratio >= target;
  const range = `${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)}`;
  return [name, `${ratio.toFixed(2)}×`, range, `${comparison} ${target}×`, pass ? "PASS" : "MISS"];
}

/** The benchmark section: prints inputs, agreement checks, timings and ratios against the targets. */
export function runVegaBenchmark(): void {
  installCustomFunctionsStub(globalThis);
  console.log(
    `${LEG_COUNT.toLocaleString("en-US")} BSM legs, mulberry32 seed ${SEED}: underlying log-uniform ${UNDERLYING_RANGE.join("–")}, ` +
      `strike ${STRIKE_OVER_UNDERLYING_RANGE.join("–")}× underlying, years 1 day–${YEARS_RANGE[1]} years, vol ${VOL_RANGE.join("–")}, ` +
      `rate ${RATE_RANGE.join("–")}, carry 0`,
  );
  const legs = generateLegs(LEG_COUNT, SEED);
  const columns = toExcelColumns(legs);
  const floor = floorArguments(legs);

  console.log("\nAgreement (untimed):");
  for (const line of checkAgreement(legs, columns)) console.log(`  ${line}`);

  const variants = [
    benchmarkVariant("(a) kernel  vegaPerUnitVol×0.01, Float64Arrays", () => kernelChecksum(legs), (checksum) => checksum),
    benchmarkVariant("(b) adapter XV.VEGA any[][] in/out", () => adapterResult(columns), columnChecksum),
    benchmarkVariant("(c) peer    greeks 1.0.0 getVega", () => peerChecksum(legs), (checksum) => checksum),
    benchmarkVariant("(d) floor   Math.log+sqrt+exp only", () => floorChecksum(floor), (checksum) => checksum),
    benchmarkVariant("(e) Excel I/O floor: read 6 ranges, write rows", () => excelInputOutputFloor(columns), columnChecksum),
  ];
  const [kernel, adapter, peer, floorSamples, inputOutputFloor] = measureInterleaved(variants, {
    warmUpRounds: WARM_UP_ROUNDS,
    repetitions: REPETITIONS,
  }) as [VariantSamples, VariantSamples, VariantSamples, VariantSamples, VariantSamples];

  console.log(`\nTimings: median of ${REPETITIONS} interleaved repetitions after ${WARM_UP_ROUNDS} warm-up rounds:`);
  console.log(
    formatTable(
      ["variant", "median ms", "min ms", "max ms", "cpu/wall", "ns/leg", "legs/s", "checksum"],
      [kernel, adapter, peer, floorSamples, inputOutputFloor].map(variantRow),
      "  ",
    ),
  );
  console.log("  checksums: (a), (b), (c) sum vega per vol point; (d) sums the Math results; (e) sums the inputs read.");
  console.log("  cpu/wall: CPU time of all threads / wall time; > 1: GC helper threads ran too; < 1: the machine took the CPU away.");

  console.log("\nTime ratios, per repetition (median and range over repetitions), against the issue's targets:");
  console.log(
    formatTable(
      ["time ratio", "median", "range", "target", "result"],
      [
        ratioRow("kernel / floor", kernel, floorSamples, "≤", KERNEL_OVER_FLOOR_TARGET),
        ratioRow("adapter / kernel", adapter, kernel, "≤", ADAPTER_OVER_KERNEL_TARGET),
        ratioRow("peer / kernel", peer, kernel, "≥", PEER_OVER_KERNEL_TARGET),
      ],
      "  ",
    ),
  );
  const kernelPlusInputOutput = median(kernel.milliseconds) + median(inputOutputFloor.milliseconds);
  console.log(
    `\n  For scale (no target): Excel's format alone, (e), costs ${(median(inputOutputFloor.milliseconds) / median(kernel.milliseconds)).toFixed(2)}× the kernel; ` +
      `adapter / (kernel + (e)) = ${(median(adapter.milliseconds) / kernelPlusInputOutput).toFixed(2)}×.`,
  );
  runVegaErrorBenchmark();
}
