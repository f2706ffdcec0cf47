/*
 * The cost of an error against the cost of a number (hardening issue, item 9): XV.VEGA on 1,000,000 legs that are all
 * good, against 1,000,000 legs that are all bad, with Excel's error class as costly as the real runtime's (see
 * ./runtimeLikeError). Three ways of being bad:
 *   one problem:      the underlying column is all text ("n/a"): one message for the whole column;
 *   vol in percent:   vol typed as 20 to 150 (65 for 65%): 131 distinct values, so 131 distinct messages;
 *   all distinct:     every vol different (10.000001 + a random fraction): a million distinct messages, the worst case.
 * Each run's time is compared with the good run of the same round; memory is measured apart, untimed.
 */
import { vega as excelVega } from "../src/functions/vegaFunctions";
import { mulberry32 } from "./random";
import { withRuntimeLikeErrors } from "./runtimeLikeError";
import {
  VariantSamples,
  benchmarkVariant,
  collectGarbageAndSettle,
  formatMilliseconds,
  formatTable,
  measureInterleaved,
  median,
  perRepetitionRatios,
} from "./timing";

const LEG_COUNT = 1_000_000;
const SEED = 20_261_205;
const WARM_UP_ROUNDS = 1;
const REPETITIONS = 5;
/** The aim: an error should cost about what a number costs. */
const BAD_OVER_GOOD_TARGET = 2;

type Column = unknown[][];

interface VegaArguments {
  underlying: Column;
  strike: Column;
  years: Column;
  vol: Column;
  rate: Column;
}

function columnOf(count: number, valueAt: (index: number) => unknown): Column {
  return Array.from({ length: count }, (_, index) => [valueAt(index)]);
}

function goodArguments(count: number): VegaArguments {
  const random = mulberry32(SEED);
  return {
    underlying: columnOf(count, () => 50 + 100 * random()),
    strike: columnOf(count, () => 100),
    years: columnOf(count, () => 0.01 + random()),
    vol: columnOf(count, () => 0.2 + random()),
    rate: columnOf(count, () => 0.03),
  };
}

function runVega(input: VegaArguments): unknown[][] {
  return withRuntimeLikeErrors(() => excelVega(input.underlying, input.strike, input.years, input.vol, input.rate));
}

/** Numbers summed, errors counted (an error counts 1): a result of the wrong kind cannot look right. */
function resultChecksum(result: unknown[][]): number {
  let checksum = 0;
  for (const row of result) {
    const cell = row[0];
    checksum += typeof cell === "number" ? cell : 1;
  }
  return checksum;
}

/** How many distinct error objects and distinct messages a result holds. */
function errorSharing(result: unknown[][]): { errors: number; objects: number; messages: number } {
  const objects = new Set<unknown>();
  const messages = new Set<string>();
  let errors = 0;
  for (const row of result) {
    const cell = row[0];
    if (typeof cell === "number") continue;
    errors++;
    objects.add(cell);
    messages.add(String((cell as { message?: unknown }).message));
  }
  return { errors, objects: objects.size, messages: messages.size };
}

const MEGABYTE = 1024 * 1024;

/** Heap growth over one call (garbage included) and heap kept by its result, after a full collection before each. */
function memoryOf(run: () => unknown[][]): { grownMegabytes: number; retainedMegabytes: number; sample: unknown[][] } {
  collectGarbageAndSettle();
  const before = process.memoryUsage().heapUsed;
  const result = run();
  const grown = process.memoryUsage().heapUsed - before;
  collectGarbageAndSettle();
  const retained = process.memoryUsage().heapUsed - before;
  return { grownMegabytes: grown / MEGABYTE, retainedMegabytes: retained / MEGABYTE, sample: result };
}

export function runVegaErrorBenchmark(): void {
  const good = goodArguments(LEG_COUNT);
  const random = mulberry32(SEED + 1);
  const cases: { name: string; input: VegaArguments }[] = [
    { name: "good: every leg computes", input: good },
    { name: "bad, one problem: underlying all text", input: { ...good, underlying: columnOf(LEG_COUNT, () => "n/a") } },
    { name: "bad, vol in percent: 131 distinct values", input: { ...good, vol: columnOf(LEG_COUNT, (index) => 20 + (index % 131)) } },
    { name: "bad, all distinct: every vol different", input: { ...good, vol: columnOf(LEG_COUNT, () => 10.000001 + random()) } },
  ];
  console.log(
    `\nAll bad cells: XV.VEGA on ${LEG_COUNT.toLocaleString("en-US")} legs, CustomFunctions.Error constructed as Excel's runtime does ` +
      "(stack trace, setPrototypeOf):",
  );
  console.log(
    formatTable(
      ["case", "error cells", "Error objects", "messages", "heap grown MB", "result MB"],
      cases.map(({ name, input }) => {
        const memory = memoryOf(() => runVega(input));
        const sharing = errorSharing(memory.sample);
        return [
          name,
          String(sharing.errors),
          String(sharing.objects),
          String(sharing.messages),
          memory.grownMegabytes.toFixed(0),
          memory.retainedMegabytes.toFixed(0),
        ];
      }),
      "  ",
    ),
  );
  const samples = measureInterleaved(
    cases.map(({ name, input }) => benchmarkVariant(name, () => runVega(input), resultChecksum)),
    { warmUpRounds: WARM_UP_ROUNDS, repetitions: REPETITIONS },
  );
  const goodSamples = samples[0] as VariantSamples;
  console.log(`\n  Timings: median of ${REPETITIONS} interleaved repetitions after ${WARM_UP_ROUNDS} warm-up round; ratio to the good run of the same round:`);
  console.log(
    formatTable(
      ["case", "median ms", "min ms", "max ms", "bad / good", "target", "result"],
      samples.map((sample, index) => {
        const milliseconds = median(sample.milliseconds);
        const row = [sample.name, formatMilliseconds(milliseconds), formatMilliseconds(Math.min(...sample.milliseconds)), formatMilliseconds(Math.max(...sample.milliseconds))];
        if (index === 0) return [...row, "1.00×", "", ""];
        const ratio = median(perRepetitionRatios(sample, goodSamples));
        return [...row, `${ratio.toFixed(2)}×`, `≤ ${BAD_OVER_GOOD_TARGET}×`, ratio <= BAD_OVER_GOOD_TARGET ? "PASS" : "MISS"];
      }),
      "  ",
    ),
  );
}
