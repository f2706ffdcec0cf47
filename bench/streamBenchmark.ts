/*
 * Section `stream`: the built command line, `node bin/xvega.js vega FILE > /dev/null`, on books of 1,000,000 and
 * 3,000,000 legs, as a user runs it (a child process; wall time includes Node's start). Targets (issue 11 part 3):
 * 1,000,000 rows in under 3 s, and 3,000,000 rows with peak memory (maxRSS) under 300 MB. For comparison, the same
 * 1,000,000 rows through the whole-file path (the whole text read, parsed and printed at once, as every command did
 * before streaming) and `iv`/`greeks` on 1,000,000 rows. Books are written to a temporary folder a block of rows at a
 * time (never millions of rows in memory here either) and deleted afterwards.
 */
import { spawn } from "node:child_process";
import { closeSync, createWriteStream, fsyncSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { once } from "node:events";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { logUniformBetween, mulberry32, uniformBetween } from "./random";
import { formatTable, median } from "./timing";

const ROOT = join(__dirname, "..", "..", "..");
const LAUNCHER = join(ROOT, "bin", "xvega.js");
const USAGE_PRELOAD = join(__dirname, "childUsage.js");
const SEED = 20_261_205;
const TARGET_SECONDS_1M = 3;
const TARGET_PEAK_MEGABYTES_3M = 300;
const ROWS_PER_BLOCK = 10_000;
/** Timed runs of the 1,000,000-row book (median reported); one run each of the rest. */
const REPETITIONS_1M = 5;
/** Measured before streaming, on the 2-core VM of the issue: `xvega vega` on 1,000,000 rows. */
const BEFORE_STREAMING = { seconds: 21.8, peakMegabytes: 1945 };

type BookKind = "vega" | "iv";

/** One leg per line: a vega book (also read by greeks: it has type) or an iv book (prices instead of vols). */
function bookLine(kind: BookKind, index: number, random: () => number): string {
  const underlying = logUniformBetween(random, 1, 100_000).toPrecision(6);
  const strike = (Number(underlying) * uniformBetween(random, 0.5, 1.5)).toPrecision(6);
  const years = uniformBetween(random, 1 / 365, 2).toFixed(6);
  const type = random() < 0.5 ? "call" : "put";
  const model = random() < 0.8 ? "bsm" : "black76";
  if (kind === "iv") {
    // A price between intrinsic and the maximum: intrinsic plus a share of the underlying.
    const intrinsic = Math.max(0, type === "call" ? Number(underlying) - Number(strike) : Number(strike) - Number(underlying));
    const price = (intrinsic + Number(underlying) * uniformBetween(random, 0.01, 0.2)).toPrecision(8);
    return `T${index},${price},${underlying},${strike},${years},${type},${model},0.05\n`;
  }
  const vol = uniformBetween(random, 0.1, 1.5).toFixed(4);
  const qty = Math.round(uniformBetween(random, -20, 20));
  return `T${index},${underlying},${strike},${years},${vol},${type},${model},0.05,${qty},100\n`;
}

async function writeBook(path: string, kind: BookKind, rows: number): Promise<void> {
  const random = mulberry32(SEED);
  const output = createWriteStream(path);
  output.write(kind === "iv" ? "leg,price,underlying,strike,years,type,model,rate\n" : "leg,underlying,strike,years,vol,type,model,rate,qty,multiplier\n");
  for (let start = 0; start < rows; start += ROWS_PER_BLOCK) {
    let block = "";
    for (let index = start; index < Math.min(rows, start + ROWS_PER_BLOCK); index++) block += bookLine(kind, index, random);
    if (!output.write(block)) await once(output, "drain");
  }
  output.end();
  await once(output, "finish");
  // On disk before anything is timed: the kernel writing 300 MB of books back during a run slows it down.
  const descriptor = openSync(path, "r");
  fsyncSync(descriptor);
  closeSync(descriptor);
}

interface ChildRun {
  seconds: number;
  peakMegabytes: number;
  cpuSeconds: number;
  status: number | null;
}

/** Runs `node [preload] script args` with stdout to /dev/null; wall time here, peak memory from the child. */
async function runChild(script: string, args: readonly string[], usageFile: string): Promise<ChildRun> {
  rmSync(usageFile, { force: true });
  const start = process.hrtime.bigint();
  const child = spawn(process.execPath, ["--require", USAGE_PRELOAD, script, ...args], {
    stdio: ["ignore", "ignore", "pipe"],
    env: { ...process.env, XVEGA_BENCH_USAGE_FILE: usageFile },
  });
  let stderr = "";
  child.stderr.on("data", (data: Buffer) => {
    stderr += data.toString();
  });
  const [status] = (await once(child, "exit")) as [number | null];
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (status !== 0 && status !== 2) throw new Error(`${script} ${args.join(" ")} exited ${status}: ${stderr}`);
  const usage = JSON.parse(readFileSync(usageFile, "utf8")) as { maxRssKilobytes: number; userMicroseconds: number; systemMicroseconds: number };
  return { seconds, peakMegabytes: usage.maxRssKilobytes / 1024, cpuSeconds: (usage.userMicroseconds + usage.systemMicroseconds) / 1e6, status };
}

/** The whole-file path: the same command run through runCli with only readFile (no openFile), as before streaming. */
const WHOLE_FILE_SCRIPT = `
const { readFileSync } = require("fs");
const { runCli } = require(${JSON.stringify(join(ROOT, "build", "node", "src", "cli", "main.js"))});
process.exitCode = runCli(process.argv.slice(2), { stdout: (text) => process.stdout.write(text), stderr: (text) => process.stderr.write(text), readFile: (path) => readFileSync(path, "utf8") });
`;

function verdict(pass: boolean): string {
  return pass ? "PASS" : "MISS";
}

export async function runStreamBenchmark(): Promise<void> {
  const directory = mkdtempSync(join(tmpdir(), "xvega-stream-bench-"));
  try {
    const usageFile = join(directory, "usage.json");
    const book1m = join(directory, "book-1m.csv");
    const book3m = join(directory, "book-3m.csv");
    const marks1m = join(directory, "marks-1m.csv");
    const wholeFileScript = join(directory, "whole-file.js");
    await writeBook(book1m, "vega", 1_000_000);
    await writeBook(book3m, "vega", 3_000_000);
    await writeBook(marks1m, "iv", 1_000_000);
    writeFileSync(wholeFileScript, WHOLE_FILE_SCRIPT);
    const megabytes = (path: string) => (statSync(path).size / 1048576).toFixed(0);
    console.log(`books: 1,000,000 legs (${megabytes(book1m)} MB), 3,000,000 legs (${megabytes(book3m)} MB), 1,000,000 marks (${megabytes(marks1m)} MB); stdout to /dev/null`);

    // Untimed: reads the book into the page cache, as every later run finds it.
    await runChild(LAUNCHER, ["vega", book1m], usageFile);
    const vega1m: ChildRun[] = [];
    for (let repetition = 0; repetition < REPETITIONS_1M; repetition++) vega1m.push(await runChild(LAUNCHER, ["vega", book1m], usageFile));
    const vega1mSeconds = median(vega1m.map((run) => run.seconds));
    const vega1mPeak = median(vega1m.map((run) => run.peakMegabytes));
    const vega3m = await runChild(LAUNCHER, ["vega", book3m], usageFile);
    const json1m = await runChild(LAUNCHER, ["vega", book1m, "--format", "json"], usageFile);
    const greeks1m = await runChild(LAUNCHER, ["greeks", book1m], usageFile);
    const iv1m = await runChild(LAUNCHER, ["iv", marks1m], usageFile);
    const whole1m = await runChild(wholeFileScript, ["vega", book1m], usageFile);

    const row = (name: string, run: { seconds: number; peakMegabytes: number; cpuSeconds?: number }) => [
      name,
      run.seconds.toFixed(2),
      run.cpuSeconds === undefined ? "" : run.cpuSeconds.toFixed(2),
      run.peakMegabytes.toFixed(0),
    ];
    console.log(
      formatTable(
        ["run", "wall s", "cpu s", "peak MB"],
        [
          row(`vega 1M, streamed (median of ${REPETITIONS_1M}; ${vega1m.map((run) => run.seconds.toFixed(2)).join(", ")})`, {
            seconds: vega1mSeconds,
            peakMegabytes: vega1mPeak,
            cpuSeconds: median(vega1m.map((run) => run.cpuSeconds)),
          }),
          row("vega 3M, streamed", vega3m),
          row("vega 1M, streamed, --format json", json1m),
          row("greeks 1M, streamed", greeks1m),
          row("iv 1M, streamed", iv1m),
          row("vega 1M, whole file (readFile, no streaming)", whole1m),
          row("vega 1M before streaming (measured once, issue 11)", BEFORE_STREAMING),
        ],
        "  ",
      ),
    );
    console.log(
      `  1,000,000 rows: ${vega1mSeconds.toFixed(2)} s (target < ${TARGET_SECONDS_1M} s) ${verdict(vega1mSeconds < TARGET_SECONDS_1M)}; ` +
        `${(BEFORE_STREAMING.seconds / vega1mSeconds).toFixed(1)}× faster than before streaming, ` +
        `${(whole1m.seconds / vega1mSeconds).toFixed(2)}× faster than the whole-file path, with ${(vega1mPeak / whole1m.peakMegabytes).toFixed(2)}× its memory`,
    );
    console.log(
      `  3,000,000 rows: peak ${vega3m.peakMegabytes.toFixed(0)} MB (target < ${TARGET_PEAK_MEGABYTES_3M} MB) ` +
        `${verdict(vega3m.peakMegabytes < TARGET_PEAK_MEGABYTES_3M)}; ${(vega3m.peakMegabytes / vega1mPeak).toFixed(2)}× the peak at 1,000,000 rows ` +
        "(flat: memory does not grow with rows)",
    );
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}
