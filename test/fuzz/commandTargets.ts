/*
 * One fuzz target per xvega subcommand (src/cli/main.ts SUBCOMMANDS), run in-process through runCli with its files
 * held in memory. Command lines are built from each subcommand's declared operands and options (file options get a
 * generated file of the kind named below, choice options their words, number options numbers), then spoiled: repeated
 * or unknown options, a missing value, a missing file, hostile values.
 */
import fc from "fast-check";
import { parse } from "csv-parse/sync";
import { SUBCOMMANDS, runCli } from "../../src/cli/main";
import type { CommandOption, Subcommand } from "../../src/cli/subcommand";
import { cpuMilliseconds, isShrinkingOutOfTime } from "./callTiming";
import { FileKind, FileUniverse, GeneratedFile, generateFile } from "./csvFiles";
import { describeValue } from "./describeInput";
import type { CallOutcome, FuzzTarget } from "./fuzzTarget";
import { HOSTILE_TEXTS } from "./hostileValues";
import { ASSET_NAME_POOL, SeededRandom, disguiseName, seededRandom } from "./seededCells";
import { Violation, hasStackTrace, internalLookingTexts, internalPart, messageViolations, namesASubject } from "./violations";

/** What each command's operand file holds; a command not listed gets files of any kind. */
const OPERAND_FILE_KINDS: Readonly<Record<string, FileKind>> = { vega: "positions", volcorr: "history", nearcorr: "matrix" };
/** What each file option holds, by option name (any command). */
const OPTION_FILE_KINDS: Readonly<Record<string, readonly FileKind[]>> = {
  exposures: ["exposures"],
  corr: ["matrix", "matrix", "estimate"],
  volvol: ["volvols", "volvols", "estimate"],
  "current-vols": ["currentVols"],
  history: ["history", "history", "any"],
};
/** Typical values of the number options, by option name. */
const NUMBER_OPTION_RANGES: Readonly<Record<string, { low: number; high: number; integer?: boolean }>> = {
  lambda: { low: 0.8, high: 1 },
  ridge: { low: 0, high: 1 },
  "max-iterations": { low: 1, high: 2000, integer: true },
  // xvega backtest: windows that fit the generated histories (2 to 12 rows) and some that do not.
  window: { low: 1, high: 12, integer: true },
  rebalance: { low: 1, high: 4, integer: true },
};

/** [option, partner]: when the option is given, its partner mostly is too (with --current-vols, --changes is log). */
const OPTIONS_GIVEN_TOGETHER: readonly (readonly [string, string])[] = [
  ["lot-sizes", "contract-vegas"],
  ["current-vols", "changes"],
];

export interface CommandInput {
  argv: string[];
  files: Record<string, GeneratedFile>;
}

interface CommandUniverse {
  seed: number;
  assetCount: number;
  proxyCount: number;
  rows: number;
  hostileRate: number;
  huge: boolean;
  argvSpoil: number;
  /** Probability that each optional option is given. */
  optionalRate: number;
}

const commandUniverse: fc.Arbitrary<CommandUniverse> = fc.record({
  seed: fc.integer(),
  assetCount: fc.integer({ min: 1, max: 6 }),
  proxyCount: fc.integer({ min: 1, max: 3 }),
  rows: fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 2, max: 12 }) }, { weight: 1, arbitrary: fc.integer({ min: 0, max: 2 }) }),
  hostileRate: fc.constantFrom(0, 0, 0, 0, 0, 0.01, 0.05, 0.2, 1),
  optionalRate: fc.constantFrom(0.1, 0.4, 0.7),
  huge: fc.oneof({ weight: 10_000, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
  argvSpoil: fc.constantFrom(0, 0, 0, 0, 0, 0, 0, 0, 1, 2),
});

/** Rows of a huge file: a positions file or book of this many rows, a history of a tenth. */
export const HUGE_FILE_ROWS = 20_000;

function isFileOption(option: CommandOption): boolean {
  return option.type === "string" && /FILE/i.test(option.valueName ?? "");
}

function optionValue(random: SeededRandom, name: string, option: CommandOption, proxies: readonly string[], addFile: (kinds: readonly FileKind[]) => string): string {
  const valueName = option.valueName ?? "";
  if (isFileOption(option)) return addFile(OPTION_FILE_KINDS[name] ?? ["any"]);
  if (random.chance(0.02)) return random.pick(HOSTILE_TEXTS);
  if (valueName.includes("|")) {
    const word = random.pick(valueName.split("|"));
    return random.chance(0.9) ? word : random.pick([word.toUpperCase(), ` ${word}`, `${word}\u200B`]);
  }
  if (valueName.includes(",")) {
    if (/[A-Z]{2,}/.test(valueName)) {
      const names = proxies.map((proxy) => (random.chance(0.05) ? disguiseName(random, proxy) : proxy));
      if (random.chance(0.05)) names.push(names[0] ?? "BTC");
      if (random.chance(0.03)) names.push("");
      return names.join(",");
    }
    // xvega stress --shifts: mostly correlation shifts (−1 … 1, some breaking the matrix), sometimes anything.
    if (name === "shifts" && random.chance(0.9)) return Array.from({ length: random.integer(1, 6) }, () => String(Math.round((2 * random.next() - 1) * 100) / 100)).join(",");
    const count = random.chance(0.9) ? proxies.length : random.integer(0, 4);
    return Array.from({ length: count }, () => String(random.pick([1, 10, 150, 0.1, 0, -5, 1e308, 5e-324]))).join(",");
  }
  const range = NUMBER_OPTION_RANGES[name] ?? { low: 0, high: 1 };
  const value = range.low + (range.high - range.low) * random.next();
  return String(range.integer ? Math.round(value) : random.chance(0.1) ? random.pick([0, -1, 1, 2, 1e308, 5e-324, -0]) : value);
}

function buildCommandInput(command: Subcommand, universe: CommandUniverse): CommandInput {
  const random = seededRandom(universe.seed);
  const pool = [...ASSET_NAME_POOL].sort(() => random.next() - 0.5);
  const assets = pool.slice(0, universe.assetCount);
  const proxies = assets.slice(0, Math.min(universe.proxyCount, assets.length));
  const rows = universe.huge ? (command.name === "vega" || command.name === "hedge" ? HUGE_FILE_ROWS : HUGE_FILE_ROWS / 10) : universe.rows;
  const fileUniverse: FileUniverse = { assets, proxies, rows, hostileRate: universe.hostileRate };
  const files: Record<string, GeneratedFile> = {};
  const addFile = (kinds: readonly FileKind[]): string => {
    const kind = random.pick(kinds);
    const path = `/fuzz/${kind}-${Object.keys(files).length + 1}${random.chance(0.05) ? " (copy);=1" : ""}.csv`;
    files[path] = generateFile(random, fileUniverse, kind);
    return path;
  };
  const argv: string[] = [command.name];
  command.operands.forEach(() => argv.push(addFile([OPERAND_FILE_KINDS[command.name] ?? "any"])));
  const optionArguments: string[][] = [];
  const chosen = new Set(Object.keys(command.options).filter((name) => random.chance(command.options[name]?.required === true ? 0.97 : universe.optionalRate)));
  // Options that only make sense together (xvega hedge): mostly given together, so that most runs get to the maths.
  for (const [option, partner] of OPTIONS_GIVEN_TOGETHER) {
    if (chosen.has(option) && command.options[partner] !== undefined && random.chance(0.9)) chosen.add(partner);
  }
  for (const [name, option] of Object.entries(command.options)) {
    const wanted = chosen.has(name);
    if (!wanted) continue;
    if (option.type === "boolean") optionArguments.push([`--${name}`]);
    else {
      const logChanges = name === "changes" && chosen.has("current-vols") && random.chance(0.9);
      const value = logChanges ? "log" : optionValue(random, name, option, proxies, addFile);
      optionArguments.push(value.startsWith("-") || random.chance(0.2) ? [`--${name}=${value}`] : [`--${name}`, value]);
    }
  }
  if (random.chance(0.3)) optionArguments.sort(() => random.next() - 0.5);
  for (let spoil = 0; spoil < universe.argvSpoil; spoil++) {
    const roll = random.integer(0, 8);
    const names = Object.keys(command.options);
    if (roll === 0 && optionArguments.length > 0) optionArguments.push([...random.pick(optionArguments)]);
    if (roll === 1 && names.length > 0) {
      const name = random.pick(names);
      const option = command.options[name] as CommandOption;
      optionArguments.push(option.type === "boolean" ? [`--${name}`] : [`--${name}=${optionValue(random, name, option, proxies, addFile)}`]);
    }
    if (roll === 2) optionArguments.push([random.pick(["--bogus", "-x", "--", "-", "--format"])]);
    if (roll === 3 && optionArguments.length > 0) optionArguments.splice(random.integer(0, optionArguments.length - 1), 1);
    if (roll === 4) argv.push(random.pick(["extra.csv", "/fuzz/missing.csv", "/"]));
    if (roll === 5 && argv.length > 1) argv.splice(1, 1);
    if (roll === 6) argv.push(`/fuzz/missing-${random.integer(0, 9)}.csv`);
    if (roll === 7) optionArguments.push([random.pick(HOSTILE_TEXTS)]);
    if (roll === 8) argv[0] = random.pick([command.name.toUpperCase(), ` ${command.name}`, "--version", "--help", "-h"]);
  }
  return { argv: [...argv, ...optionArguments.flat()], files };
}

/** A number as a spreadsheet reads it (a percent too): harmless in a CSV cell even with a leading sign. */
const NUMBER_TEXT = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?%?$/;
const NUMERIC_JSON_KEYS = new Set([
  "hedge_vega", "contracts", "rounded_contracts", "rounded_hedge_vega", "unhedged_sd", "residual_sd", "effectiveness",
  "residual_sd_after_rounding", "effectiveness_after_rounding",
]);
const MATRIX_JSON_KEYS = new Set(["correlation", "matrix", "volvols"]);
/** Columns of xvega vega's output and input, which its per-row error messages should name. */
const VEGA_MESSAGE_SUBJECTS = ["underlying", "strike", "years", "vol", "model", "rate", "carry", "qty", "multiplier", "vega", "field", "header"];

interface OutputCheckContext {
  subjects: readonly string[];
  /** Input texts that look internal if repeated ("NaN" as an asset name). */
  echoed: readonly string[];
  add: (violation: Violation) => void;
}

function checkJsonValue(value: unknown, key: string, context: OutputCheckContext): void {
  if (Array.isArray(value)) {
    if (MATRIX_JSON_KEYS.has(key)) {
      const flat = value.flat(2);
      if (flat.some((item) => typeof item !== "number")) context.add({ check: "bad-output", detail: `JSON ${key} holds ${describeValue(flat.find((item) => typeof item !== "number"))} where a number belongs` });
      return;
    }
    value.forEach((item) => checkJsonValue(item, key, context));
    return;
  }
  if (value === null || typeof value !== "object") {
    if (NUMERIC_JSON_KEYS.has(key) && typeof value !== "number") context.add({ check: "bad-output", detail: `JSON ${key} is ${describeValue(value)}, not a number` });
    if (key === "message" && typeof value === "string") {
      const internal = internalPart(value, context.echoed);
      if (internal !== null) context.add({ check: "internal-message", detail: `JSON warning: "${internal}" in: ${value}` });
    }
    return;
  }
  const record = value as Record<string, unknown>;
  if ("error" in record && ("vega" in record || "position_vega" in record)) checkVegaRow(record.vega, record.error, context);
  // xvega backtest's "stats": a statistic that is undefined (one out-of-sample day has no spread) is null by design.
  for (const [name, item] of Object.entries(record)) checkJsonValue(item, key === "stats" && item === null ? "" : name, context);
}

function checkVegaRow(vega: unknown, error: unknown, context: OutputCheckContext): void {
  const failed = typeof error === "string" && error !== "";
  if (failed) {
    for (const violation of messageViolations(error, [...VEGA_MESSAGE_SUBJECTS, ...context.subjects], "error column", context.echoed)) context.add(violation);
  } else if (vega === null || vega === "") {
    context.add({ check: "bad-output", detail: "a row has neither a vega nor an error message" });
  }
}

/** The numeric columns each row-by-row command appends to its input's columns. */
const ROW_COMMAND_COLUMNS: Readonly<Record<string, readonly string[]>> = {
  vega: ["vega", "position_vega"],
  iv: ["iv"],
  greeks: ["price", "delta", "gamma", "vega", "theta", "rho", "vanna", "volga"],
};

function checkCsvOutput(stdout: string, commandName: string, context: OutputCheckContext): void {
  let records: string[][];
  try {
    records = parse(stdout, { relax_column_count: true, skip_empty_lines: true });
  } catch (error) {
    context.add({ check: "bad-output", detail: `stdout is not readable CSV: ${(error as Error).message}` });
    return;
  }
  const header = records[0] ?? [];
  const errorIndex = commandName === "vega" ? header.indexOf("error") : -1;
  const vegaIndex = header.indexOf("vega");
  // Computed numbers: the columns the row-by-row commands add (their other columns are the input's, passed through);
  // the other commands' tables past their header row and label column.
  const added = ROW_COMMAND_COLUMNS[commandName];
  const computed = (rowIndex: number, columnIndex: number): boolean =>
    added !== undefined ? rowIndex > 0 && added.includes(header[columnIndex] ?? "") : rowIndex > 0 && columnIndex > 0;
  records.forEach((record, rowIndex) => {
    for (const [columnIndex, field] of record.entries()) {
      const trimmed = field.trim();
      if (/^[+-]?(Infinity|NaN)$/i.test(trimmed) && computed(rowIndex, columnIndex)) context.add({ check: "non-finite", detail: `stdout line ${rowIndex + 1} prints ${trimmed}` });
      else if (/^[=+\-@\t\r]/.test(field) && !NUMBER_TEXT.test(trimmed)) {
        context.add({ check: "csv-injection", detail: `a text field of stdout would run as a formula in a spreadsheet: ${JSON.stringify(field.slice(0, 40))}` });
      }
    }
    if (rowIndex > 0 && errorIndex !== -1 && vegaIndex !== -1) checkVegaRow(record[vegaIndex] ?? "", record[errorIndex] ?? "", context);
  });
}

function usageLine(line: string): boolean {
  return /^(usage: | {7}xvega |Run "xvega)/.test(line);
}

export function runCommand(input: CommandInput, timeCapMs: number): CallOutcome & { status: number; stdout: string; stderr: string } {
  let stdout = "";
  let stderr = "";
  const violations: Violation[] = [];
  const start = cpuMilliseconds();
  let status = -1;
  try {
    status = runCli([...input.argv], {
      stdout: (text) => {
        stdout += text;
      },
      stderr: (text) => {
        stderr += text;
      },
      readFile: (path) => {
        // Own keys only: a file named "toString" or "__proto__" must not find Object.prototype's members.
        const file = Object.prototype.hasOwnProperty.call(input.files, path) ? input.files[path] : undefined;
        if (file !== undefined) return file.text;
        const code = path === "/" ? "EISDIR" : "ENOENT";
        throw Object.assign(new Error(`${code}: ${path}`), { code });
      },
    });
  } catch (error) {
    violations.push({ check: "exception", detail: `runCli threw ${error instanceof Error ? `${error.constructor.name}: ${error.message}` : String(error)}` });
  }
  const durationMs = cpuMilliseconds() - start;
  violations.push(...outputViolations(input, status, stdout, stderr));
  if (durationMs > timeCapMs) violations.push({ check: "slow", detail: `took ${Math.round(durationMs)} ms of CPU (cap ${timeCapMs} ms)` });
  return { outcome: `exit ${status}`, durationMs, violations, status, stdout, stderr };
}

/** Every field of the input files and every argument: what a message may repeat. */
function inputTexts(input: CommandInput): Set<string> {
  const texts = new Set<string>(input.argv);
  for (const argument of input.argv) for (const part of argument.split(/[=,]/)) texts.add(part);
  for (const file of Object.values(input.files)) for (const field of file.text.split(/[,;\t\r\n"]/)) texts.add(field);
  return texts;
}

/** The words a command's message may name: paths, options, the file's column and asset names. */
function commandSubjects(input: CommandInput): string[] {
  const subjects = new Set<string>(["subcommand", "argument", "option", "--"]);
  for (const argument of input.argv) if (argument.trim().length >= 2) subjects.add(argument.replace(/^--?([^=]*)=.*$/, "$1"));
  for (const file of Object.values(input.files)) {
    const firstLines = file.text.split(/\r?\n/, 3).join(",");
    for (const name of firstLines.split(/[,;\t]/)) {
      const trimmed = name.replace(/"/g, "").trim();
      if (trimmed.length >= 2 && !/^[-+\d.eE%]+$/.test(trimmed)) subjects.add(trimmed);
    }
  }
  for (const name of ASSET_NAME_POOL) subjects.add(name);
  return [...subjects];
}

/** Every check on what a command run printed and returned (shared by the in-process and the child-process runs). */
export function outputViolations(input: CommandInput, status: number | null, stdout: string, stderr: string): Violation[] {
  const violations: Violation[] = [];
  const seen = new Set<string>();
  const add = (violation: Violation): void => {
    if (seen.has(violation.check)) return;
    seen.add(violation.check);
    violations.push(violation);
  };
  if (status !== 0 && status !== 1 && status !== 2) add({ check: "bad-exit", detail: `exit status ${String(status)}` });
  if (hasStackTrace(stderr)) add({ check: "stack-trace", detail: stderr.slice(0, 600) });
  const subjects = commandSubjects(input);
  const echoed = internalLookingTexts(inputTexts(input));
  // A message is one line starting with "xvega"; a value with a newline in it continues it on the next.
  const lines = stderr
    .split(/\n(?=xvega|usage: |Run ")/)
    .filter((line) => line.trim() !== "" && !usageLine(line));
  for (const line of lines) {
    const internal = internalPart(line.replace(/^xvega( \w+)?: /, ""), echoed);
    if (internal !== null) add({ check: "internal-message", detail: `stderr: "${internal}" in: ${line}` });
  }
  if (status === 1 || status === 2) {
    if (lines.length === 0) add({ check: "bad-exit", detail: `exit ${status} with no message on stderr` });
    const unnamed = lines.find((line) => !/^xvega \w+: (note|warning): /.test(line) && !namesASubject(line, subjects));
    if (unnamed !== undefined) add({ check: "unnamed-subject", detail: `stderr: ${unnamed}` });
  }
  if (stdout.trim() !== "") {
    const context: OutputCheckContext = { subjects, echoed, add };
    const commandName = input.argv[0] ?? "";
    const trimmed = stdout.trimStart();
    const json = input.argv.some((argument) => /json/i.test(argument)) && (trimmed.startsWith("{") || trimmed.startsWith("["));
    if (json) {
      try {
        checkJsonValue(JSON.parse(stdout), "", context);
      } catch (error) {
        add({ check: "bad-output", detail: `stdout is not JSON: ${(error as Error).message}` });
      }
    } else if (!/--help|-h\b|--version/.test(input.argv.join(" "))) {
      checkCsvOutput(stdout, commandName, context);
    }
  }
  return violations;
}

export function describeCommandInput(input: CommandInput, maxFileLength = 1200): string {
  const quoted = input.argv.map((argument) => (/^[\w./=,-]+$/.test(argument) ? argument : describeValue(argument))).join(" ");
  const files = Object.entries(input.files).map(
    ([path, file]) => `\n  ${path} (${file.dialect}${file.dialect === "utf16" ? ", shown decoded" : ""}): ${describeValue(file.dialect === "utf16" ? file.bytes.toString("utf16le") : file.text, maxFileLength)}`,
  );
  return `xvega ${quoted}${files.join("")}`;
}

export function commandInputs(command: Subcommand): fc.Arbitrary<CommandInput> {
  return commandUniverse.map((universe) => (isShrinkingOutOfTime() ? { argv: [command.name], files: {} } : buildCommandInput(command, universe)));
}

/**
 * Subcommands that read their input from disk asynchronously (`check` opens .xlsx workbooks with exceljs) cannot run
 * through the synchronous in-process runCli: they are fuzzed by the real-process runs (processRuns.ts) instead.
 */
const PROCESS_ONLY_SUBCOMMANDS = new Set(["check"]);

export function commandTargets(timeCapMs: number): FuzzTarget<CommandInput>[] {
  return SUBCOMMANDS.filter((command) => !PROCESS_ONLY_SUBCOMMANDS.has(command.name)).map((command) => ({
    name: `xvega ${command.name}`,
    arbitrary: commandInputs(command),
    execute: (input: CommandInput) => runCommand(input, timeCapMs),
    describe: (input: CommandInput) => describeCommandInput(input),
  }));
}
