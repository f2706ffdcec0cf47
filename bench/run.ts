/*
 * Benchmark entry: `npm run bench` runs every section; `npm run bench -- vega` runs the named ones.
 * A measurement, not a test: it prints PASS/MISS beside targets and exits 0 either way (non-zero only on a crash).
 */
import * as os from "node:os";
import { runBacktestBenchmark } from "./backtestBenchmark";
import { runBundleBenchmark } from "./bundleBenchmark";
import { runHedgeBenchmark } from "./hedgeBenchmark";
import { runImpliedVolBenchmark } from "./impliedVolBenchmark";
import { runNearestCorrelationBenchmark } from "./nearestCorrelationBenchmark";
import { runCheckBenchmark } from "./checkBenchmark";
import { runStreamBenchmark } from "./streamBenchmark";
import { canCollectGarbage } from "./timing";
import { runVegaBenchmark } from "./vegaBenchmark";

interface BenchmarkSection {
  name: string;
  title: string;
  run: () => void | Promise<void>;
}

/** Add a section here (one file per section, sharing ./timing). */
const SECTIONS: readonly BenchmarkSection[] = [
  { name: "vega", title: "Per-leg vega throughput", run: runVegaBenchmark },
  { name: "bundle", title: "The shipped bundle: XV.VEGA, XV.TWVEGA, XV.YEARS, XV.GREEKS on 200,000 legs vs a greeks custom function and the I/O floor", run: runBundleBenchmark },
  { name: "hedge", title: "Proxy hedge: 200 targets, 5 proxies", run: runHedgeBenchmark },
  { name: "nearcorr", title: "Nearest correlation matrix (Newton), 100 to 500 assets and constrained, against numpy Higham", run: runNearestCorrelationBenchmark },
  { name: "check", title: "xvega check of a 100,000-leg book vs exceljs loading it", run: runCheckBenchmark },
  { name: "backtest", title: "Hedge backtest: 1,000 days × 13 assets × 3 proxies, daily re-hedge; correlation stress", run: runBacktestBenchmark },
  { name: "iv", title: "Implied vol, 1,000,000 options, against implied-volatility", run: runImpliedVolBenchmark },
  { name: "stream", title: "xvega vega/iv/greeks streaming: 1,000,000 and 3,000,000 rows, time and peak memory", run: runStreamBenchmark },
];

function printEnvironment(): void {
  const cpus = os.cpus();
  console.log("xvega benchmark");
  console.log(`  date:    ${new Date().toISOString()}`);
  console.log(`  node:    ${process.version} (V8 ${process.versions.v8}), ${process.platform} ${process.arch}`);
  console.log(`  cpu:     ${cpus[0]?.model ?? "unknown"} × ${cpus.length}`);
  console.log(`  before each timed run: ${canCollectGarbage ? "full GC, then an idle pause" : "nothing (no gc: timings noisier)"}`);
}

async function main(requested: readonly string[]): Promise<void> {
  const unknown = requested.filter((name) => !SECTIONS.some((section) => section.name === name));
  if (unknown.length > 0) {
    console.error(`unknown benchmark section(s) ${unknown.join(", ")}; known: ${SECTIONS.map((section) => section.name).join(", ")}`);
    process.exitCode = 2;
    return;
  }
  printEnvironment();
  for (const section of SECTIONS) {
    if (requested.length > 0 && !requested.includes(section.name)) continue;
    console.log(`\n== ${section.name}: ${section.title} ==`);
    const start = Date.now();
    await section.run();
    console.log(`(section took ${((Date.now() - start) / 1000).toFixed(1)} s)`);
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
