/*
 * Benchmark entry: `npm run bench` runs every section; `npm run bench -- vega` runs the named ones.
 * A measurement, not a test: it prints PASS/MISS beside targets and exits 0 either way (non-zero only on a crash).
 *
 * Each section runs in a process of its own (this file again, with `--section NAME`), so that what one section loads
 * cannot slow another. It did: exceljs (the `check` section's peer) detaches an ArrayBuffer while it loads, and after
 * the first detached buffer V8 checks for detachment on every typed-array access in optimised code for the rest of
 * the process (`node --trace-protector-invalidation`: "ArrayBufferDetaching"); the 500×500 nearest correlation took
 * 18% longer in a process with one detached buffer. The CLI's compute commands and the add-in load no such library.
 */
import { spawnSync } from "node:child_process";
import * as os from "node:os";
import { canCollectGarbage } from "./timing";

interface BenchmarkSection {
  name: string;
  title: string;
  run: () => void | Promise<void>;
}

/** Add a section here (one file per section, sharing ./timing), imported only by the process that runs it. */
const SECTIONS: readonly BenchmarkSection[] = [
  { name: "vega", title: "Per-leg vega throughput", run: async () => (await import("./vegaBenchmark")).runVegaBenchmark() },
  { name: "bundle", title: "The shipped bundle: XV.VEGA, XV.TWVEGA, XV.YEARS, XV.GREEKS on 200,000 legs vs a greeks custom function and the I/O floor", run: async () => (await import("./bundleBenchmark")).runBundleBenchmark() },
  { name: "hedge", title: "Proxy hedge: 200 targets, 5 proxies", run: async () => (await import("./hedgeBenchmark")).runHedgeBenchmark() },
  { name: "nearcorr", title: "Nearest correlation matrix (Newton), 100 to 500 assets and constrained, against numpy Higham", run: async () => (await import("./nearestCorrelationBenchmark")).runNearestCorrelationBenchmark() },
  { name: "check", title: "xvega check of a 100,000-leg book vs exceljs loading it", run: async () => (await import("./checkBenchmark")).runCheckBenchmark() },
  { name: "backtest", title: "Hedge backtest: 1,000 days × 13 assets × 3 proxies, daily re-hedge; correlation stress", run: async () => (await import("./backtestBenchmark")).runBacktestBenchmark() },
  { name: "iv", title: "Implied vol, 1,000,000 options, against implied-volatility", run: async () => (await import("./impliedVolBenchmark")).runImpliedVolBenchmark() },
  { name: "stream", title: "xvega vega/iv/greeks streaming: 1,000,000 and 3,000,000 rows, time and peak memory", run: async () => (await import("./streamBenchmark")).runStreamBenchmark() },
];

function printEnvironment(): void {
  const cpus = os.cpus();
  console.log("xvega benchmark");
  console.log(`  date:    ${new Date().toISOString()}`);
  console.log(`  node:    ${process.version} (V8 ${process.versions.v8}), ${process.platform} ${process.arch}`);
  console.log(`  cpu:     ${cpus[0]?.model ?? "unknown"} × ${cpus.length}`);
  console.log(`  before each timed run: ${canCollectGarbage ? "full GC, then an idle pause" : "nothing (no gc: timings noisier)"}`);
}

async function runSection(section: BenchmarkSection): Promise<void> {
  console.log(`\n== ${section.name}: ${section.title} ==`);
  const start = Date.now();
  await section.run();
  console.log(`(section took ${((Date.now() - start) / 1000).toFixed(1)} s)`);
}

/** Runs one section in a fresh node process with this process's flags (--expose-gc); false when it crashed. */
function runSectionInChildProcess(section: BenchmarkSection): boolean {
  const child = spawnSync(process.execPath, [...process.execArgv, __filename, SECTION_FLAG, section.name], { stdio: "inherit" });
  return child.status === 0;
}

const SECTION_FLAG = "--section";

async function main(argumentsGiven: readonly string[]): Promise<void> {
  if (argumentsGiven[0] === SECTION_FLAG) {
    const section = SECTIONS.find((candidate) => candidate.name === argumentsGiven[1]);
    if (section === undefined) throw new Error(`unknown benchmark section ${String(argumentsGiven[1])}`);
    await runSection(section);
    return;
  }
  const requested = argumentsGiven;
  const unknown = requested.filter((name) => !SECTIONS.some((section) => section.name === name));
  if (unknown.length > 0) {
    console.error(`unknown benchmark section(s) ${unknown.join(", ")}; known: ${SECTIONS.map((section) => section.name).join(", ")}`);
    process.exitCode = 2;
    return;
  }
  printEnvironment();
  for (const section of SECTIONS) {
    if (requested.length > 0 && !requested.includes(section.name)) continue;
    if (!runSectionInChildProcess(section)) {
      console.error(`benchmark section ${section.name} failed`);
      process.exitCode = 1;
    }
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
