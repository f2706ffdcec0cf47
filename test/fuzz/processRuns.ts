/*
 * The real command: bin/xvega.js run as a child process on generated files written under the system's temp folder
 * (real UTF-16 bytes included), with the same checks as the in-process runs; and the two failures only a process has:
 * a closed pipe (`xvega vega big.csv | head -c 1`) and a full disk (stdout on /dev/full), which must end with a
 * message, never a stack trace.
 */
import { spawnSync } from "child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { performance } from "perf_hooks";
import fc from "fast-check";
import { SUBCOMMANDS } from "../../src/cli/main";
import { CommandInput, commandInputs, describeCommandInput, outputViolations } from "./commandTargets";
import { FileUniverse, GeneratedFile, generateFile } from "./csvFiles";
import { deriveSeed, signatureOf } from "./fuzzRunner";
import type { FailureReport, TargetReport } from "./fuzzRunner";
import { repositoryRoot } from "./functionSignatures";
import { KNOWN_FAILURES, KnownFailure, matchKnownFailure } from "./knownFailures";
import { seededRandom } from "./seededCells";
import { Violation, hasStackTrace } from "./violations";

export const PROCESS_TARGET = "xvega (process)";

function launcher(): string {
  const path = join(repositoryRoot(), "bin", "xvega.js");
  const compiled = join(repositoryRoot(), "build", "node", "src", "cli", "main.js");
  if (!existsSync(compiled)) throw new Error(`${compiled} is missing: run "npm run build:node" first`);
  return path;
}

/** The input with its in-memory paths replaced by real files in `folder`. */
function writeInput(input: CommandInput, folder: string): CommandInput {
  const renamed = new Map<string, string>();
  const files: Record<string, GeneratedFile> = {};
  Object.entries(input.files).forEach(([path, file], index) => {
    const real = join(folder, `${index}-${path.replace(/^\/fuzz\//, "").replace(/[^\w.-]+/g, "_")}`);
    writeFileSync(real, file.bytes);
    renamed.set(path, real);
    files[real] = file;
  });
  const rename = (argument: string): string => {
    for (const [from, to] of renamed) if (argument.includes(from)) return argument.replace(from, to);
    return argument.replace(/^\/fuzz\//, `${folder}/`);
  };
  return { argv: input.argv.map(rename), files };
}

interface ProcessResult {
  status: number | null;
  stdout: string;
  stderr: string;
  durationMs: number;
  timedOut: boolean;
}

/** Runs bin/xvega.js in `workingFolder` (a temp folder): a relative output path it is given (`--report 0.82`) lands there. */
function runProcess(args: string[], timeCapMs: number, workingFolder: string): ProcessResult {
  const start = performance.now();
  const result = spawnSync(process.execPath, [launcher(), ...args], { cwd: workingFolder, encoding: "utf8", timeout: timeCapMs * 4, maxBuffer: 256 * 1024 * 1024 });
  return {
    status: result.status,
    stdout: result.stdout ?? "",
    stderr: result.stderr ?? "",
    durationMs: performance.now() - start,
    timedOut: result.error !== undefined && (result.error as NodeJS.ErrnoException).code === "ETIMEDOUT",
  };
}

/** Stdout closed early, or on a full disk: a message or nothing on stderr, never a stack trace. */
function brokenOutputRuns(folder: string): { name: string; stderr: string; status: number | null }[] {
  const random = seededRandom(11);
  const universe: FileUniverse = { assets: ["BTC", "ETH"], proxies: ["BTC"], rows: 20_000, hostileRate: 0 };
  let file = generateFile(random, universe, "positions");
  while (file.dialect !== "clean") file = generateFile(random, universe, "positions");
  const path = join(folder, "big-positions.csv");
  writeFileSync(path, file.bytes);
  const runs: { name: string; stderr: string; status: number | null }[] = [];
  const quote = (text: string): string => `'${text.replace(/'/g, "'\\''")}'`;
  const pipe = spawnSync("sh", ["-c", `${quote(process.execPath)} ${quote(launcher())} vega ${quote(path)} | head -c 1 > /dev/null`], { encoding: "utf8", timeout: 60_000 });
  runs.push({ name: "stdout closed early (| head -c 1)", stderr: pipe.stderr ?? "", status: pipe.status });
  if (existsSync("/dev/full")) {
    const full = spawnSync("sh", ["-c", `${quote(process.execPath)} ${quote(launcher())} vega ${quote(path)} > /dev/full`], { encoding: "utf8", timeout: 60_000 });
    runs.push({ name: "stdout on a full disk (> /dev/full)", stderr: full.stderr ?? "", status: full.status });
  }
  return runs;
}

/** `count` child-process runs spread over the subcommands, plus the broken-output runs. */
export function runChildProcesses(count: number, seed: number, timeCapMs: number, known: readonly KnownFailure[] = KNOWN_FAILURES): TargetReport {
  const report: TargetReport = { name: PROCESS_TARGET, inputs: 0, outcomes: {}, slowest: null, totalMs: 0, failures: [], known: [] };
  const folder = mkdtempSync(join(tmpdir(), "xvega-fuzz-"));
  const reported = new Set<string>();
  const record = (violations: readonly Violation[], input: string, runSeed: number, path: string): void => {
    for (const violation of violations) {
      const entry = matchKnownFailure(PROCESS_TARGET, violation.check, violation.detail, known);
      if (entry !== null) {
        const hit = report.known.find((candidate) => candidate.entry === entry);
        if (hit) hit.count++;
        else report.known.push({ entry, count: 1, example: violation.detail });
        continue;
      }
      const signature = signatureOf(PROCESS_TARGET, violation);
      if (reported.has(signature)) continue;
      reported.add(signature);
      const failure: FailureReport = { target: PROCESS_TARGET, violation, violations: [...violations], minimalInput: input, seed: runSeed, path, shrinkSteps: 0 };
      report.failures.push(failure);
    }
  };
  try {
    SUBCOMMANDS.forEach((command, commandIndex) => {
      const runs = Math.ceil(count / SUBCOMMANDS.length);
      const commandSeed = deriveSeed(seed, `process ${command.name}`, 0);
      const inputs = fc.sample(commandInputs(command), { seed: commandSeed, numRuns: runs });
      inputs.forEach((input, index) => {
        const inputFolder = mkdtempSync(join(folder, `${commandIndex}-${index}-`));
        const written = writeInput(input, inputFolder);
        const result = runProcess(written.argv, timeCapMs, inputFolder);
        report.inputs++;
        report.totalMs += result.durationMs;
        const outcome = result.timedOut ? "timed out" : `exit ${String(result.status)}`;
        report.outcomes[outcome] = (report.outcomes[outcome] ?? 0) + 1;
        if (report.slowest === null || result.durationMs > report.slowest.durationMs) report.slowest = { durationMs: result.durationMs, input: `xvega ${input.argv.join(" ")}`.slice(0, 300) };
        const violations = outputViolations(written, result.status, result.stdout, result.stderr);
        if (result.timedOut) violations.push({ check: "slow", detail: `the process did not end within ${timeCapMs * 4} ms` });
        if (violations.length > 0) record(violations, describeCommandInput(input), commandSeed, `sample ${index} of xvega ${command.name}`);
      });
    });
    for (const run of brokenOutputRuns(folder)) {
      report.inputs++;
      const outcome = `exit ${String(run.status)}`;
      report.outcomes[outcome] = (report.outcomes[outcome] ?? 0) + 1;
      if (hasStackTrace(run.stderr)) record([{ check: "stack-trace", detail: `${run.name}: ${run.stderr.slice(0, 600)}` }], run.name, 0, "-");
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
  return report;
}
