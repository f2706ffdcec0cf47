/*
 * Timing helpers shared by the benchmark sections: interleaved repetitions after a warm-up, medians, and formatting.
 * A benchmark here is a measurement, not a test: nothing in this file throws on a slow result.
 */
import { performance } from "node:perf_hooks";
import * as v8 from "node:v8";
import * as vm from "node:vm";

/** One way of doing the same work. `run` is timed; `checksum` (untimed) reduces its result to one number to print. */
export interface BenchmarkVariant {
  name: string;
  run: () => unknown;
  checksum: (result: unknown) => number;
}

/** Builds a variant whose `checksum` sees the type `run` returns. */
export function benchmarkVariant<T>(name: string, run: () => T, checksum: (result: T) => number): BenchmarkVariant {
  return { name, run, checksum: (result) => checksum(result as T) };
}

/** Measurements of one variant, one entry per timed repetition (in repetition order). */
export interface VariantSamples {
  name: string;
  /** Wall-clock time of `run`. */
  milliseconds: number[];
  /**
   * CPU time of all the process's threads during `run` over its wall-clock time: about 1 for a single-threaded loop,
   * more while V8's helper threads (garbage collection) work beside it, less when the machine took the CPU away.
   */
  cpuOverWall: number[];
  checksums: number[];
}

export interface InterleavedOptions {
  /** Untimed rounds of every variant first, so that each runs optimised code when timed. */
  warmUpRounds: number;
  /** Timed rounds; in each, every variant runs once, the order rotating so none always runs first or last. */
  repetitions: number;
}

/** Median of a non-empty list (mean of the two middle values for an even count). */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError("median of an empty list");
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] as number;
  return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] as number) + upper) / 2;
}

/**
 * A full garbage collection, so that garbage one variant leaves is not collected on the next variant's clock.
 * Uses `gc` when node runs with --expose-gc; otherwise turns the flag on at run time (V8 then defines `gc` in new
 * contexts). Null when neither works: the timings are then noisier, not wrong.
 */
function findGarbageCollector(): (() => void) | null {
  const exposed = (globalThis as { gc?: unknown }).gc;
  if (typeof exposed === "function") return exposed as () => void;
  try {
    v8.setFlagsFromString("--expose-gc");
    const collector: unknown = vm.runInNewContext("gc");
    return typeof collector === "function" ? (collector as () => void) : null;
  } catch {
    return null;
  }
}

const garbageCollector = findGarbageCollector();

/** Whether `collectGarbageAndSettle` really collects (printed with the results). */
export const canCollectGarbage = garbageCollector !== null;

/** How long to stay idle after a full collection before timing anything (see `collectGarbageAndSettle`). */
const SETTLE_MILLISECONDS = 300;

const sleepCell = new Int32Array(new SharedArrayBuffer(4));

function sleepMilliseconds(milliseconds: number): void {
  Atomics.wait(sleepCell, 0, 0, milliseconds);
}

/** CPU time of the whole process (all threads), in milliseconds. */
function processCpuMilliseconds(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

/** How long to keep the core busy after the idle wait, before timing (see `collectGarbageAndSettle`). */
const WAKE_MILLISECONDS = 50;

/** Keeps this thread busy for `milliseconds` (a loop on the clock; nothing allocated). */
function spinMilliseconds(milliseconds: number): void {
  const end = performance.now() + milliseconds;
  while (performance.now() < end);
}

/**
 * A full collection, an idle wait, then a short busy one. The idle wait matters on virtual machines: after a full
 * collection frees memory, loops timed in the next ~200 ms ran up to 5× slower on the 2-core VM this was written on
 * (15 ms became 80 ms) while the guest looked idle (the host reclaiming freed pages, presumably), so the wait is fixed,
 * not measured. The busy wait after it undoes what the idle one does to the core itself: a vCPU left idle for 300 ms
 * ran the next ~20 ms markedly slower (ten cold hedges right after the idle wait: 1.89 ms each; after it and 50 ms
 * of spinning: 1.13 ms; back to back with no wait at all: 1.06 ms), which made every timed run shorter than a few tens
 * of milliseconds look slower than the code is.
 */
export function collectGarbageAndSettle(): void {
  garbageCollector?.();
  sleepMilliseconds(SETTLE_MILLISECONDS);
  spinMilliseconds(WAKE_MILLISECONDS);
}

/**
 * Runs every variant `warmUpRounds` times untimed, then `repetitions` timed rounds. Within a round all variants run
 * back to back (each after `collectGarbageAndSettle`), so a noisy moment on the machine hits them alike; ratios are
 * best taken per round (see `perRepetitionRatios`).
 */
export function measureInterleaved(variants: readonly BenchmarkVariant[], options: InterleavedOptions): VariantSamples[] {
  for (let round = 0; round < options.warmUpRounds; round++) {
    for (const variant of variants) variant.checksum(variant.run());
  }
  const samples: VariantSamples[] = variants.map((variant) => ({ name: variant.name, milliseconds: [], cpuOverWall: [], checksums: [] }));
  for (let repetition = 0; repetition < options.repetitions; repetition++) {
    for (let position = 0; position < variants.length; position++) {
      const index = (position + repetition) % variants.length;
      const variant = variants[index] as BenchmarkVariant;
      const sample = samples[index] as VariantSamples;
      collectGarbageAndSettle();
      const cpuStart = processCpuMilliseconds();
      const start = performance.now();
      const result = variant.run();
      const elapsed = performance.now() - start;
      sample.cpuOverWall.push((processCpuMilliseconds() - cpuStart) / elapsed);
      sample.milliseconds.push(elapsed);
      sample.checksums.push(variant.checksum(result));
    }
  }
  return samples;
}

/** Numerator time / denominator time in each repetition (both from the same round, so they saw the same noise). */
export function perRepetitionRatios(numerator: VariantSamples, denominator: VariantSamples): number[] {
  return numerator.milliseconds.map((time, repetition) => time / (denominator.milliseconds[repetition] as number));
}

/** "35.2 M" style: operations per second with an SI prefix and three significant figures. */
export function formatRate(operationsPerSecond: number): string {
  const prefixes: [number, string][] = [
    [1e9, "G"],
    [1e6, "M"],
    [1e3, "k"],
  ];
  for (const [scale, prefix] of prefixes) {
    if (operationsPerSecond >= scale) return `${(operationsPerSecond / scale).toPrecision(3)} ${prefix}`;
  }
  return operationsPerSecond.toPrecision(3);
}

export function formatMilliseconds(milliseconds: number): string {
  return milliseconds >= 100 ? milliseconds.toFixed(0) : milliseconds.toFixed(1);
}

/** Left-aligned first column, right-aligned others: a plain-text table for the console, each line after `indent`. */
export function formatTable(header: readonly string[], rows: readonly (readonly string[])[], indent = ""): string {
  const all = [header, ...rows];
  const widths = header.map((_, column) => Math.max(...all.map((row) => (row[column] ?? "").length)));
  return all
    .map((row) =>
      row
        .map((cell, column) => (column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0)))
        .join("  ")
        .trimEnd(),
    )
    .map((line) => indent + line)
    .join("\n");
}
