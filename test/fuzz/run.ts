/*
 * `npm run fuzz`: throws random and hostile inputs at every XV function and every xvega command and fails on any
 * escape, internal or unnamed message, non-finite number or slow call. Compiled by tsconfig.node.json into
 * build/node/test/fuzz/run.js (like the benchmark).
 *
 *   npm run fuzz                                   1,000,000 inputs, seed 42
 *   npm run fuzz -- --seed 7 --count 100000        another seed, fewer inputs
 *   npm run fuzz -- --only XV.NEARCORR,hedge       some targets only
 *   npm run fuzz -- --replay 'XV.VEGA:123:45:0:2'  re-run the minimal input of a reported failure
 *
 * The campaign runs in a worker thread watched by the main thread: a call that never returns (a synchronous endless
 * loop cannot be interrupted from inside) is reported with its replay command instead of hanging the run.
 */
import { parseArgs } from "util";
import { Worker, isMainThread, workerData, parentPort } from "worker_threads";
import { performance } from "perf_hooks";
import { DEFAULT_TIME_CAP_MS, allTargets, runCampaign, selectTargets } from "./fuzzCampaign";
import { formatReport, formatTargetLine } from "./fuzzReport";
import { replayInput } from "./fuzzRunner";
import { KNOWN_FAILURES, matchKnownFailure } from "./knownFailures";
import { PROCESS_TARGET, runChildProcesses } from "./processRuns";
import { FULL_SCALING, ScalingReport, checkCommandScaling, checkFunctionScaling, checkHardCases } from "./scalingCheck";
import { functionTargets } from "./functionTargets";

/** Item 9 of issue 8: 1,000,000 bad cells; item 8: a 100 × 100 matrix in percent or of ±1E6 (200 × 200 takes minutes today). */
const HARD_CASE_CELLS = 1_000_000;
const HARD_CASE_MATRIX_SIZE = 100;

interface RunSettings {
  seed: number;
  count: number;
  only: string[];
  strict: boolean;
  keepGoing: boolean;
  timeCapMs: number;
  scaling: boolean;
  processRuns: number;
  shrinkBudgetMs: number;
}

const USAGE = `usage: npm run fuzz -- [--seed N] [--count N] [--only NAME,NAME] [--strict] [--stop-at-first]
                      [--time-cap-ms MS] [--process-runs N] [--no-scaling] [--no-watchdog]
       npm run fuzz -- --replay 'TARGET:SEED:PATH'`;

function parseSettings(argv: string[]): RunSettings | { replay: string } {
  const { values } = parseArgs({
    args: argv,
    options: {
      seed: { type: "string" },
      count: { type: "string" },
      only: { type: "string", multiple: true },
      strict: { type: "boolean" },
      "stop-at-first": { type: "boolean" },
      "time-cap-ms": { type: "string" },
      "process-runs": { type: "string" },
      "no-scaling": { type: "boolean" },
      "no-watchdog": { type: "boolean" },
      "shrink-budget-ms": { type: "string" },
      replay: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  if (values.replay !== undefined) return { replay: values.replay };
  const integer = (text: string | undefined, fallback: number, name: string): number => {
    if (text === undefined) return fallback;
    const value = Number(text.replace(/_/g, ""));
    if (!Number.isInteger(value)) throw new Error(`--${name} ${text} is not a whole number\n${USAGE}`);
    return value;
  };
  const count = integer(values.count, 1_000_000, "count");
  return {
    seed: integer(values.seed, 42, "seed"),
    count,
    only: (values.only ?? []).flatMap((item) => item.split(",")).map((item) => item.trim()).filter((item) => item !== ""),
    strict: values.strict === true,
    keepGoing: values["stop-at-first"] !== true,
    timeCapMs: integer(values["time-cap-ms"], DEFAULT_TIME_CAP_MS, "time-cap-ms"),
    scaling: values["no-scaling"] !== true,
    processRuns: integer(values["process-runs"], Math.min(100, Math.max(8, Math.round(count / 10_000))), "process-runs"),
    shrinkBudgetMs: integer(values["shrink-budget-ms"], 20_000, "shrink-budget-ms"),
  };
}

/**
 * Output of the campaign. In the worker it goes to the main thread as a message: a worker's own stdout is flushed
 * only when its event loop runs, which the synchronous campaign never lets it do, so progress would show at the end.
 */
function print(text: string): void {
  if (parentPort) parentPort.postMessage({ log: text });
  else console.log(text);
}

/** The campaign itself; `heartbeat` (shared with the watchdog) says which call is running. */
function campaign(settings: RunSettings, heartbeat: Int32Array | null): number {
  const started = performance.now();
  print(`xvega fuzz: seed ${settings.seed}, ${settings.count.toLocaleString("en-US")} inputs, cap ${settings.timeCapMs} ms per call${settings.strict ? ", strict (known failures count)" : ""}`);
  const reports = runCampaign({
    seed: settings.seed,
    count: settings.count,
    keepGoing: settings.keepGoing,
    known: settings.strict ? [] : KNOWN_FAILURES,
    timeCapMs: settings.timeCapMs,
    only: settings.only,
    shrinkBudgetMs: settings.shrinkBudgetMs,
    onTargetDone: (report, index, total) => print(`[${index + 1}/${total}] ${formatTargetLine(report)}`),
    onCall: heartbeat
      ? (targetIndex, attempt, run) => {
          Atomics.store(heartbeat, 0, targetIndex);
          Atomics.store(heartbeat, 1, attempt);
          Atomics.store(heartbeat, 2, run);
          Atomics.add(heartbeat, 3, 1);
        }
      : undefined,
  });
  // The watchdog guards the fuzz calls only: child processes have their own timeout, and the timing checks are
  // bounded (and may take long on today's code: the hard cases).
  if (heartbeat) Atomics.store(heartbeat, 0, -1);
  const wanted = (name: string): boolean => settings.only.length === 0 || settings.only.some((only) => name.toLowerCase().includes(only.toLowerCase()));
  if (settings.processRuns > 0 && wanted(PROCESS_TARGET)) {
    const processReport = runChildProcesses(settings.processRuns, settings.seed, settings.timeCapMs, settings.strict ? [] : KNOWN_FAILURES);
    print(`[process] ${formatTargetLine(processReport)}`);
    reports.push(processReport);
  }
  const scaling: ScalingReport[] = [];
  if (settings.scaling) {
    const options = { sizes: FULL_SCALING, timeCapMs: settings.timeCapMs, repeats: 3 };
    const targets = functionTargets(settings.timeCapMs).filter((target) => wanted(target.name));
    scaling.push(...checkFunctionScaling(targets, options));
    scaling.push(...checkHardCases(targets, HARD_CASE_CELLS, HARD_CASE_MATRIX_SIZE, settings.timeCapMs));
    if (wanted("xvega")) scaling.push(...checkCommandScaling(options));
  }
  const known = settings.strict ? [] : KNOWN_FAILURES;
  for (const entry of scaling) if (entry.violation && matchKnownFailure(entry.target, entry.violation.check, entry.violation.detail, known)) entry.known = true;
  print(`\n${formatReport(reports, scaling, settings.seed, settings.count, performance.now() - started)}`);
  const failed = reports.some((report) => report.failures.length > 0) || scaling.some((entry) => entry.violation !== null && !entry.known);
  return failed ? 1 : 0;
}

function replay(specification: string): number {
  const match = /^(.+):(-?\d+):([\d:]*)$/.exec(specification);
  if (!match) {
    console.error(`--replay takes TARGET:SEED:PATH as printed with a failure, got ${specification}`);
    return 2;
  }
  const [, name, seedText, path] = match;
  const target = selectTargets(allTargets(DEFAULT_TIME_CAP_MS), [name as string]).find((candidate) => candidate.name.toLowerCase() === (name as string).toLowerCase());
  if (target === undefined) {
    console.error(`no target ${name}; targets: ${allTargets(DEFAULT_TIME_CAP_MS).map((candidate) => candidate.name).join(", ")}`);
    return 2;
  }
  const input = replayInput(target, Number(seedText), path as string);
  console.log(`input: ${target.describe(input)}`);
  const outcome = target.execute(input);
  console.log(`outcome: ${outcome.outcome} in ${outcome.durationMs.toFixed(1)} ms`);
  for (const violation of outcome.violations) console.log(`${violation.check}: ${violation.detail}`);
  return outcome.violations.length === 0 ? 0 : 1;
}

/** Runs the campaign in a worker and ends it, naming the call, when one call stops the heartbeat for too long. */
function watch(settings: RunSettings): void {
  const heartbeat = new Int32Array(new SharedArrayBuffer(4 * Int32Array.BYTES_PER_ELEMENT));
  const hangMs = Math.max(60_000, 6 * settings.timeCapMs);
  const worker = new Worker(__filename, { workerData: { settings, heartbeat } });
  let lastBeat = -1;
  let lastChange = Date.now();
  const timer = setInterval(() => {
    const beat = Atomics.load(heartbeat, 3);
    if (Atomics.load(heartbeat, 0) === -1) return;
    if (beat !== lastBeat) {
      lastBeat = beat;
      lastChange = Date.now();
      return;
    }
    if (Date.now() - lastChange < hangMs) return;
    clearInterval(timer);
    const targets = selectTargets(allTargets(settings.timeCapMs), settings.only);
    const target = targets[Atomics.load(heartbeat, 0)]?.name ?? "?";
    const run = Atomics.load(heartbeat, 2);
    console.log(`\nHANG: a call to ${target} did not return within ${hangMs / 1000} s (${run === -1 ? "while shrinking a failure" : `run ${run} of check seed attempt ${Atomics.load(heartbeat, 1)}`})`);
    console.log(`  rerun: npm run fuzz -- --seed ${settings.seed} --count ${settings.count} --only '${target}' --no-watchdog`);
    process.exitCode = 1;
    void worker.terminate();
  }, 1000);
  worker.on("message", (message: { exitCode?: number; log?: string }) => {
    if (message.log !== undefined) console.log(message.log);
    if (message.exitCode !== undefined) process.exitCode = message.exitCode;
  });
  worker.on("error", (error) => {
    console.error(`the fuzzer failed: ${error.stack ?? error.message}`);
    process.exitCode = 2;
  });
  worker.on("exit", () => clearInterval(timer));
}

function main(): void {
  const settings = parseSettings(process.argv.slice(2));
  if ("replay" in settings) {
    process.exitCode = replay(settings.replay);
    return;
  }
  if (process.argv.includes("--no-watchdog")) {
    process.exitCode = campaign(settings, null);
    return;
  }
  watch(settings);
}

if (isMainThread) main();
else {
  const { settings, heartbeat } = workerData as { settings: RunSettings; heartbeat: Int32Array };
  parentPort?.postMessage({ exitCode: campaign(settings, heartbeat) });
}
