/*
 * Section `bundle`: the shipped custom functions (dist/functions.js, loaded into this context: see builtBundle.ts) on
 * 200,000 legs, every argument a 200,000 × 1 column as Excel passes it, against
 *   - a custom function a user could write on the npm package `greeks` (same seven columns in, same column out);
 *   - the I/O floor: read every cell of the same columns with a type check into typed columns, write the result rows,
 *     no maths. No XV function can do less with Excel's array format.
 * The same for XV.TWVEGA and XV.YEARS (their floor, and a one-line custom function doing their formula unchecked), and
 * XV.GREEKS against XV.VEGA on the same legs (issue 12). Before timing, each XV result is checked against the
 * engine's own functions (and the peer against XV.VEGA) on every leg.
 */
import { getVega as peerVegaPerPercent } from "greeks";
import { builtFunction, loadBuiltFunctions } from "./builtBundle";
import { logUniformBetween, mulberry32, uniformBetween } from "./random";
import { VariantSamples, benchmarkVariant, formatMilliseconds, formatTable, measureInterleaved, median, perRepetitionRatios } from "./timing";

const LEG_COUNT = 200_000;
const SEED = 20_240_605;
const WARM_UP_ROUNDS = 3;
const REPETITIONS = 11;
/** The valuation date of the XV.YEARS inputs: 2026-12-05 08:00 as an Excel serial. */
const VALUATION_SERIAL = 46_361 + 8 / 24;

/** The targets (time ratios). */
const VEGA_OVER_PEER_TARGET = 1.0;
const OVER_FLOOR_TARGET = 1.3;
const GREEKS_OVER_VEGA_TARGET = 2;

type Column = unknown[][];

/** The legs as Excel passes them: one n × 1 range per argument. */
interface LegRanges {
  underlying: Column;
  strike: Column;
  years: Column;
  vol: Column;
  rate: Column;
  carry: Column;
  model: Column;
  type: Column;
  expiry: Column;
  valuation: Column;
  referenceDays: Column;
}

function columnOf(count: number, value: (row: number) => unknown): Column {
  const column: Column = new Array(count);
  for (let row = 0; row < count; row++) column[row] = [value(row)];
  return column;
}

/** As the `vega` section draws them: underlying log-uniform 1–100,000, strike 0.5–1.5×, 1 day–2 years, vol 0.1–1.5. */
function generateLegRanges(count: number, seed: number): LegRanges {
  const random = mulberry32(seed);
  const underlying = new Float64Array(count);
  const strike = new Float64Array(count);
  const years = new Float64Array(count);
  const vol = new Float64Array(count);
  const rate = new Float64Array(count);
  for (let row = 0; row < count; row++) {
    underlying[row] = logUniformBetween(random, 1, 100_000);
    strike[row] = (underlying[row] as number) * uniformBetween(random, 0.5, 1.5);
    years[row] = uniformBetween(random, 1 / 365, 2);
    vol[row] = uniformBetween(random, 0.1, 1.5);
    rate[row] = uniformBetween(random, 0, 0.08);
  }
  return {
    underlying: columnOf(count, (row) => underlying[row]),
    strike: columnOf(count, (row) => strike[row]),
    years: columnOf(count, (row) => years[row]),
    vol: columnOf(count, (row) => vol[row]),
    rate: columnOf(count, (row) => rate[row]),
    carry: columnOf(count, () => 0),
    model: columnOf(count, () => "bsm"),
    type: columnOf(count, (row) => (row % 2 === 0 ? "call" : "put")),
    expiry: columnOf(count, (row) => VALUATION_SERIAL + (years[row] as number) * 365),
    valuation: columnOf(count, () => VALUATION_SERIAL),
    referenceDays: columnOf(count, () => 30),
  };
}

/** A custom function on the `greeks` package, as a user would write it: the same seven columns in, one column out. */
function peerVegaFunction(underlying: Column, strike: Column, years: Column, vol: Column, rate: Column, _carry: Column, _model: Column): Column {
  const count = underlying.length;
  const result: Column = new Array(count);
  for (let row = 0; row < count; row++) {
    result[row] = [
      peerVegaPerPercent(
        (underlying[row] as number[])[0] as number,
        (strike[row] as number[])[0] as number,
        (years[row] as number[])[0] as number,
        (vol[row] as number[])[0] as number,
        (rate[row] as number[])[0] as number,
      ),
    ];
  }
  return result;
}

/** XV.TWVEGA's formula as a one-line custom function, no checks: vega × √((ref_days/365) / years). */
function naiveTimeWeightedVega(vega: Column, years: Column, referenceDays: Column): Column {
  const count = vega.length;
  const result: Column = new Array(count);
  for (let row = 0; row < count; row++) {
    const days = (referenceDays[row] as number[])[0] as number;
    result[row] = [((vega[row] as number[])[0] as number) * Math.sqrt(days / 365 / ((years[row] as number[])[0] as number))];
  }
  return result;
}

/** XV.YEARS's formula as a one-line custom function, no checks: (expiry − valuation)/365. */
function naiveYears(expiry: Column, valuation: Column): Column {
  const count = expiry.length;
  const result: Column = new Array(count);
  for (let row = 0; row < count; row++) result[row] = [(((expiry[row] as number[])[0] as number) - ((valuation[row] as number[])[0] as number)) / 365];
  return result;
}

/**
 * The I/O floor: every cell of `numberColumns` read with a number check into a typed column, every cell of
 * `textColumns` checked to be text, and one result row per leg (here the sum of the numbers read, so nothing is
 * optimised away). The least any custom function with these arguments and this result must do.
 */
function inputOutputFloor(numberColumns: readonly Column[], textColumns: readonly Column[]): Column {
  const count = (numberColumns[0] as Column).length;
  const sums = new Float64Array(count);
  for (const range of numberColumns) {
    const column = new Float64Array(count);
    for (let row = 0; row < count; row++) {
      const value = (range[row] as unknown[])[0];
      column[row] = typeof value === "number" ? value : Number.NaN;
    }
    for (let row = 0; row < count; row++) sums[row] = (sums[row] as number) + (column[row] as number);
  }
  for (const range of textColumns) {
    for (let row = 0; row < count; row++) {
      if (typeof (range[row] as unknown[])[0] !== "string") sums[row] = Number.NaN;
    }
  }
  const result: Column = new Array(count);
  for (let row = 0; row < count; row++) result[row] = [sums[row]];
  return result;
}

/**
 * XV.GREEKS' I/O floor: the same reading as `inputOutputFloor`, and a row of eight numbers per leg (the six numbers
 * read, their sum and the row number) built from a typed buffer as XV.GREEKS builds its rows. No maths.
 */
function greeksInputOutputFloor(numberColumns: readonly Column[], textColumns: readonly Column[]): Column {
  const count = (numberColumns[0] as Column).length;
  const width = 8;
  const buffer = new Float64Array(count * width);
  numberColumns.forEach((range, position) => {
    for (let row = 0; row < count; row++) {
      const value = (range[row] as unknown[])[0];
      const number = typeof value === "number" ? value : Number.NaN;
      buffer[row * width + position] = number;
      buffer[row * width + 6] = (buffer[row * width + 6] as number) + number;
    }
  });
  for (const range of textColumns) {
    for (let row = 0; row < count; row++) {
      buffer[row * width + 7] = typeof (range[row] as unknown[])[0] === "string" ? row : Number.NaN;
    }
  }
  const result: Column = new Array(count);
  for (let row = 0, base = 0; row < count; row++, base += width) {
    result[row] = [buffer[base], buffer[base + 1], buffer[base + 2], buffer[base + 3], buffer[base + 4], buffer[base + 5], buffer[base + 6], buffer[base + 7]];
  }
  return result;
}

/** Sum of every cell; NaN if any cell is not a number (an error object), so a broken run cannot look fine. */
function gridChecksum(result: unknown): number {
  let checksum = 0;
  for (const row of result as unknown[][]) {
    for (const cell of row) checksum += typeof cell === "number" ? cell : Number.NaN;
  }
  return checksum;
}

/** Number of cells of `left` that differ from `right` by more than `relative` (0: exactly), and the first such. */
function compareColumns(left: Column, right: Column, relative: number): string {
  let differing = 0;
  let first = "";
  for (let row = 0; row < left.length; row++) {
    const a = (left[row] as unknown[])[0];
    const b = (right[row] as unknown[])[0];
    const agree =
      typeof a === "number" && typeof b === "number" && (relative === 0 ? a === b : Math.abs(a - b) <= relative * Math.max(Math.abs(a), Math.abs(b)) + 1e-300);
    if (!agree && differing++ === 0) first = `; first, row ${row + 1}: ${String(a)} vs ${String(b)}`;
  }
  return differing === 0 ? "yes" : `NO, ${differing} rows differ${first}`;
}

function timingRow(samples: VariantSamples): string[] {
  const milliseconds = median(samples.milliseconds);
  const checksums = new Set(samples.checksums.map(String));
  return [
    samples.name,
    formatMilliseconds(milliseconds),
    formatMilliseconds(Math.min(...samples.milliseconds)),
    formatMilliseconds(Math.max(...samples.milliseconds)),
    median(samples.cpuOverWall).toFixed(2),
    ((milliseconds * 1e6) / LEG_COUNT).toFixed(0),
    checksums.size === 1 ? String(samples.checksums[0]) : `varies! ${[...checksums].join(" / ")}`,
  ];
}

function ratioRow(name: string, numerator: VariantSamples, denominator: VariantSamples, target: number): string[] {
  const ratios = perRepetitionRatios(numerator, denominator);
  const ratio = median(ratios);
  const range = `${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)}`;
  return [name, `${ratio.toFixed(2)}×`, range, `≤ ${target}×`, ratio <= target ? "PASS" : "MISS"];
}

function scaleRow(name: string, numerator: VariantSamples, denominator: VariantSamples): string[] {
  const ratios = perRepetitionRatios(numerator, denominator);
  return [name, `${median(ratios).toFixed(2)}×`, `${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)}`, "(scale)", ""];
}

export function runBundleBenchmark(): void {
  const { functions, file } = loadBuiltFunctions();
  const [vega, timeWeightedVega, years, greeks] = ["VEGA", "TWVEGA", "YEARS", "GREEKS"].map((id) => builtFunction(functions, id)) as [
    (...parameters: unknown[]) => Column,
    (...parameters: unknown[]) => Column,
    (...parameters: unknown[]) => Column,
    (...parameters: unknown[]) => Column,
  ];
  console.log(`${file}, loaded into this context. ${LEG_COUNT.toLocaleString("en-US")} BSM legs (mulberry32 seed ${SEED}), every argument a column:`);
  console.log("  XV.VEGA(underlying, strike, years, vol, rate, carry = 0, model = \"bsm\"): seven columns; XV.TWVEGA(vega, years, ref_days = 30);");
  console.log("  XV.YEARS(expiry, valuation); XV.GREEKS(the seven, type = call/put alternating): all eight Greeks.");
  const legs = generateLegRanges(LEG_COUNT, SEED);
  const vegaArguments = [legs.underlying, legs.strike, legs.years, legs.vol, legs.rate, legs.carry, legs.model];
  const vegas = vega(...vegaArguments);

  console.log("\nAgreement (untimed, every leg):");
  console.log(`  greeks custom function = XV.VEGA within 1e-9 relative: ${compareColumns(peerVegaFunction(...(vegaArguments as [Column, Column, Column, Column, Column, Column, Column])), vegas, 1e-9)}`);
  console.log(`  naive TWVEGA = XV.TWVEGA within 1e-12 relative: ${compareColumns(naiveTimeWeightedVega(vegas, legs.years, legs.referenceDays), timeWeightedVega(vegas, legs.years, legs.referenceDays), 1e-12)}`);
  console.log(`  naive YEARS = XV.YEARS exactly: ${compareColumns(naiveYears(legs.expiry, legs.valuation), years(legs.expiry, legs.valuation), 0)}`);
  const greeksRows = greeks(...vegaArguments, legs.type);
  // Two routes to the same vega (XV.GREEKS via the forward and discount it shares with the other Greeks): equal to rounding.
  console.log(`  XV.GREEKS' vega column = XV.VEGA within 1e-12 relative: ${compareColumns(greeksRows.map((row) => [row[3]]), vegas, 1e-12)}`);

  const vegaFloorNumbers = vegaArguments.slice(0, 6);
  const variants = [
    benchmarkVariant("XV.VEGA, 7 columns", () => vega(...vegaArguments), gridChecksum),
    benchmarkVariant("greeks custom function, 7 columns", () => peerVegaFunction(...(vegaArguments as [Column, Column, Column, Column, Column, Column, Column])), gridChecksum),
    benchmarkVariant("I/O floor: read 6 + 1 text, write", () => inputOutputFloor(vegaFloorNumbers, [legs.model]), gridChecksum),
    benchmarkVariant("XV.TWVEGA, 3 columns", () => timeWeightedVega(vegas, legs.years, legs.referenceDays), gridChecksum),
    benchmarkVariant("naive TWVEGA, 3 columns", () => naiveTimeWeightedVega(vegas, legs.years, legs.referenceDays), gridChecksum),
    benchmarkVariant("I/O floor: read 3, write", () => inputOutputFloor([vegas, legs.years, legs.referenceDays], []), gridChecksum),
    benchmarkVariant("XV.YEARS, 2 columns", () => years(legs.expiry, legs.valuation), gridChecksum),
    benchmarkVariant("naive YEARS, 2 columns", () => naiveYears(legs.expiry, legs.valuation), gridChecksum),
    benchmarkVariant("I/O floor: read 2, write", () => inputOutputFloor([legs.expiry, legs.valuation], []), gridChecksum),
    benchmarkVariant("XV.GREEKS, 8 columns, 8 Greeks", () => greeks(...vegaArguments, legs.type), gridChecksum),
    benchmarkVariant("I/O floor: read 6 + 2 text, write 8", () => greeksInputOutputFloor(vegaFloorNumbers, [legs.model, legs.type]), gridChecksum),
  ];
  const samples = measureInterleaved(variants, { warmUpRounds: WARM_UP_ROUNDS, repetitions: REPETITIONS });
  const [vegaSamples, peer, vegaFloor, twvega, naiveTwvega, twvegaFloor, yearsSamples, naiveYearsSamples, yearsFloor, greeksSamples, greeksFloor] = samples as [
    VariantSamples, VariantSamples, VariantSamples, VariantSamples, VariantSamples, VariantSamples,
    VariantSamples, VariantSamples, VariantSamples, VariantSamples, VariantSamples,
  ];

  console.log(`\nTimings: median of ${REPETITIONS} interleaved repetitions after ${WARM_UP_ROUNDS} warm-up rounds (full GC and a pause before each run):`);
  console.log(formatTable(["variant", "median ms", "min ms", "max ms", "cpu/wall", "ns/leg", "checksum"], samples.map(timingRow), "  "));
  console.log("\nTime ratios, per repetition (median and range), against the targets:");
  console.log(
    formatTable(
      ["time ratio", "median", "range", "target", "result"],
      [
        ratioRow("XV.VEGA / greeks custom function", vegaSamples, peer, VEGA_OVER_PEER_TARGET),
        ratioRow("XV.VEGA / its I/O floor", vegaSamples, vegaFloor, OVER_FLOOR_TARGET),
        ratioRow("XV.TWVEGA / its I/O floor", twvega, twvegaFloor, OVER_FLOOR_TARGET),
        scaleRow("XV.TWVEGA / naive TWVEGA", twvega, naiveTwvega),
        ratioRow("XV.YEARS / its I/O floor", yearsSamples, yearsFloor, OVER_FLOOR_TARGET),
        scaleRow("XV.YEARS / naive YEARS", yearsSamples, naiveYearsSamples),
        ratioRow("XV.GREEKS / XV.VEGA (issue 12)", greeksSamples, vegaSamples, GREEKS_OVER_VEGA_TARGET),
        scaleRow("XV.GREEKS / its I/O floor", greeksSamples, greeksFloor),
        scaleRow("XV.GREEKS' I/O floor / XV.VEGA", greeksFloor, vegaSamples),
      ],
      "  ",
    ),
  );
}
