/*
 * Bounded time as the input grows: the column functions (every argument a broadcast range or an option), the
 * history functions and the row-by-row commands are timed at three sizes, on good input and on input whose every
 * cell is bad (an error must cost about what a number costs, issue 8 item 9). Sizes grow tenfold; the time per cell
 * at the largest size may be at most SUPERLINEAR_FACTOR times that at the middle size: linear growth passes with room
 * for garbage collection and a busy machine, an n log n sort passes, a quadratic step (10× per cell) fails. Each size
 * is timed as the fastest of a few runs (the least disturbed by other work).
 */
import { cpuMilliseconds } from "./callTiming";
import { runCli } from "../../src/cli/main";
import { ResolvedArgument } from "./argumentKinds";
import { FileUniverse, generateFile } from "./csvFiles";
import { scaledArguments } from "./functionInputs";
import { FunctionTarget } from "./functionTargets";
import { matrixEntries, seededRandom } from "./seededCells";
import type { Violation } from "./violations";

/**
 * Sizes grow 10× a step, so quadratic work shows as ≥ 10× per cell against the step below (100× against two below);
 * 8× leaves room for the garbage collector, which on a busy 2-core machine made 100,000-cell spills cost up to 6× per
 * cell what 10,000 did, with linear code.
 */
export const SUPERLINEAR_FACTOR = 8;
/** Below this the largest size is too quick to judge: timer and GC noise dominate. */
const MEASURABLE_MS = 20;

export interface ScalingReport {
  target: string;
  variant: string;
  sizes: number[];
  millisecondsAtSize: number[];
  violation: Violation | null;
  /** The violation is a known failure (knownFailures.ts): reported, not failed. */
  known?: boolean;
  summary: string;
}

function timeFastest(repeats: number, call: () => void): number {
  const times: number[] = [];
  // Collect the previous calls' garbage first (when node runs with --expose-gc): each timing then pays only its own.
  const collectGarbage = (globalThis as { gc?: () => void }).gc;
  for (let repeat = 0; repeat < repeats; repeat++) {
    collectGarbage?.();
    const start = cpuMilliseconds();
    call();
    times.push(cpuMilliseconds() - start);
  }
  return Math.min(...times);
}

function judge(target: string, variant: string, unit: string, sizes: number[], times: number[], timeCapMs: number): ScalingReport {
  const perCell = sizes.map((size, index) => ((times[index] as number) / size) * 1000);
  const largest = times[times.length - 1] as number;
  // Against the dearest smaller size: the smallest one often pays a first call's compilation, the middle one a GC.
  const ratio = (perCell[perCell.length - 1] as number) / Math.max(...perCell.slice(0, -1), 1e-9);
  let violation: Violation | null = null;
  if (largest > timeCapMs) violation = { check: "slow", detail: `${variant}: ${Math.round(largest)} ms at ${sizes[sizes.length - 1]} ${unit} (cap ${timeCapMs} ms)` };
  else if (largest > MEASURABLE_MS && ratio > SUPERLINEAR_FACTOR) {
    violation = { check: "superlinear", detail: `${variant}: time per ${unit.replace(/s$/, "")} grows ${ratio.toFixed(1)}× up to ${sizes[sizes.length - 1]} ${unit}` };
  }
  const points = sizes.map((size, index) => `${size}: ${(times[index] as number).toFixed(1)} ms (${(perCell[index] as number).toFixed(2)} µs each)`).join(", ");
  const verdict = violation === null ? "ok" : `FAIL ${violation.check}`;
  return { target, variant, sizes, millisecondsAtSize: times, violation, summary: `${target.padEnd(16)} ${variant.padEnd(10)} ${points} → ×${ratio.toFixed(2)} ${verdict}` };
}

type ScaledKind = "columns" | "history";

function scaledKind(resolved: readonly ResolvedArgument[]): ScaledKind | null {
  const kinds = resolved.map((argument) => argument.kind.kind);
  const others = kinds.every((kind) => kind === "number" || kind === "choice" || kind === "scalar" || kind === "history");
  if (!others) return null;
  if (kinds.includes("history")) return "history";
  return kinds.includes("number") ? "columns" : null;
}

export interface ScalingOptions {
  sizes: { columns: number[]; history: number[]; commandRows: number[] };
  timeCapMs: number;
  repeats: number;
}

export const FULL_SCALING: ScalingOptions["sizes"] = { columns: [1_000, 10_000, 100_000], history: [500, 5_000, 50_000], commandRows: [500, 5_000, 50_000] };
/** The sizes of the short run in npm test. */
export const SHORT_SCALING: ScalingOptions["sizes"] = { columns: [500, 5_000, 50_000], history: [200, 2_000, 20_000], commandRows: [100, 1_000, 10_000] };

export function checkFunctionScaling(targets: readonly FunctionTarget[], options: ScalingOptions): ScalingReport[] {
  const reports: ScalingReport[] = [];
  for (const target of targets) {
    const kind = scaledKind(target.arguments);
    if (kind === null) continue;
    const sizes = kind === "columns" ? options.sizes.columns : options.sizes.history;
    for (const [variant, hostileRate] of [["good", 0], ["all bad", 1]] as const) {
      // An all-bad history is only gaps: one size tells as much as three.
      const times = sizes.map((size) => {
        const args = scaledArguments(target.arguments, size, hostileRate, 42);
        return timeFastest(options.repeats, () => {
          try {
            target.registered.adapter(...args);
          } catch {
            // Errors are the fuzz run's business; here only the time counts.
          }
        });
      });
      reports.push(judge(target.name, variant, kind === "columns" ? "cells" : "rows", sizes, times, options.timeCapMs));
    }
  }
  return reports;
}

/**
 * The worst cases known for time, each held to the per-call cap: the column functions on `cells` cells that are all
 * bad (an error must cost about what a number costs), and the matrix functions on `matrixSize` × `matrixSize`
 * matrices typed in percent and with entries of ±1E6 (the hard cases of the nearest-correlation repair).
 */
export function checkHardCases(targets: readonly FunctionTarget[], cells: number, matrixSize: number, timeCapMs: number): ScalingReport[] {
  const reports: ScalingReport[] = [];
  const time = (target: FunctionTarget, variant: string, size: number, unit: string, args: unknown[]): void => {
    const start = cpuMilliseconds();
    try {
      target.registered.adapter(...args);
    } catch {
      // Only the time counts here.
    }
    const elapsed = cpuMilliseconds() - start;
    const violation: Violation | null = elapsed > timeCapMs ? { check: "slow", detail: `${variant}: ${Math.round(elapsed)} ms at ${size} ${unit} (cap ${timeCapMs} ms)` } : null;
    reports.push({
      target: target.name,
      variant,
      sizes: [size],
      millisecondsAtSize: [elapsed],
      violation,
      summary: `${target.name.padEnd(16)} ${variant.padEnd(10)} ${size} ${unit}: ${elapsed.toFixed(1)} ms ${violation === null ? "ok" : "FAIL slow"}`,
    });
  };
  for (const target of targets) {
    const kinds = target.arguments.map((argument) => argument.kind.kind);
    if (scaledKind(target.arguments) === "columns") time(target, "all bad", cells, "cells", scaledArguments(target.arguments, cells, 1, 43));
    const matrixIndex = kinds.indexOf("matrix");
    const othersOptional = target.arguments.every((argument, index) => index === matrixIndex || argument.optional);
    if (matrixIndex !== -1 && othersOptional) {
      const random = seededRandom(44);
      for (const variant of ["percent", "millions"] as const) {
        const args: unknown[] = target.arguments.map(() => null);
        args[matrixIndex] = matrixEntries(random, matrixSize, variant);
        time(target, variant, matrixSize, "assets", args);
      }
    }
  }
  return reports;
}

/** xvega vega and volcorr over files of growing length. */
export function checkCommandScaling(options: ScalingOptions): ScalingReport[] {
  const reports: ScalingReport[] = [];
  const cases = [
    { command: "vega", kind: "positions" as const },
    { command: "volcorr", kind: "history" as const },
  ];
  for (const { command, kind } of cases) {
    for (const [variant, hostileRate] of [["good", 0], ["all bad", 1]] as const) {
      const times = options.sizes.commandRows.map((rows) => {
        const random = seededRandom(7);
        const universe: FileUniverse = { assets: ["BTC", "ETH", "SOL"], proxies: ["BTC"], rows, hostileRate };
        // A clean file of the right columns: retry the generator's dialect and column choices until it is one.
        let file = generateFile(random, universe, kind);
        const usable = (text: string): boolean => {
          const header = text.slice(0, text.indexOf("\n")).toLowerCase();
          return kind === "history" ? header.startsWith("date,") : ["underlying", "strike", "years", "vol"].every((column) => header.split(",").map((name) => name.trim()).includes(column));
        };
        for (let attempt = 0; attempt < 500 && (file.dialect !== "clean" || !usable(file.text)); attempt++) {
          file = generateFile(random, universe, kind);
        }
        const io = { stdout: () => undefined, stderr: () => undefined, readFile: () => file.text };
        return timeFastest(options.repeats, () => runCli([command, "/fuzz/scaled.csv"], io));
      });
      reports.push(judge(`xvega ${command}`, variant, "rows", options.sizes.commandRows, times, options.timeCapMs));
    }
  }
  return reports;
}
