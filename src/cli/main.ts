/*
 * Entry of the `xvega` command line: the table of subcommands, and everything they share — strict parsing, --help,
 * --version, the exit statuses and how errors reach stderr. bin/xvega.js runs the compiled form of this file.
 *
 * Adding a subcommand: write src/cli/NAMECommand.ts exporting a `Subcommand` (name, summary, operands, options,
 * details, run) and add it to SUBCOMMANDS below. Its options are parsed strictly, --help and the usage texts are
 * built from its declaration, and run() throws UnusableInputError (exit 1) or InputDataError (exit 2, nothing on
 * stdout), or returns EXIT_STATUS.ok / rowsFailed.
 */
import { createReadStream, readFileSync, statSync, writeSync } from "fs";
import { availableParallelism } from "os";
import { PROGRAM_NAME, fullHelp, parseStrict, parseSubcommandLine, shortUsage } from "./commandLine";
import { backtestCommand } from "./backtestCommand";
import { checkCommand } from "./checkCommand";
import { NonFiniteOutputError, nonFiniteOutputMessage } from "./finiteOutput";
import { greeksCommand } from "./greeksCommand";
import { hedgeCommand } from "./hedgeCommand";
import { ivCommand } from "./ivCommand";
import { nearcorrCommand } from "./nearcorrCommand";
import { packageVersion } from "./packageVersion";
import { guardedWriters } from "./processOutput";
import { stressCommand } from "./stressCommand";
import { CliIo, CommandOption, EXIT_STATUS, ExitStatus, InputDataError, Subcommand, UnusableInputError } from "./subcommand";
import { vegaCommand } from "./vegaCommand";
import { volcorrCommand } from "./volcorrCommand";

/** The subcommands, in the order `xvega --help` lists them: a desk's workflow, vegas to correlations to the hedge. */
export const SUBCOMMANDS: readonly Subcommand[] = [vegaCommand, ivCommand, greeksCommand, volcorrCommand, nearcorrCommand, hedgeCommand, backtestCommand, stressCommand, checkCommand];

const GLOBAL_OPTIONS: Readonly<Record<string, CommandOption>> = {
  help: { type: "boolean", short: "h", description: "print this help and exit" },
  version: { type: "boolean", description: "print the version and exit" },
};

function globalUsage(): string {
  return `usage: ${PROGRAM_NAME} <subcommand> [arguments] [options]\n       ${PROGRAM_NAME} --help | --version\n`;
}

function globalHelp(): string {
  const width = Math.max(...SUBCOMMANDS.map((command) => command.name.length));
  const commands = SUBCOMMANDS.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`).join("\n");
  return (
    `${globalUsage()}\nPer-leg vega and cross-asset vega hedging on CSV files (the command-line twin of the XV.* Excel functions).\n\n` +
    `Subcommands:\n${commands}\n\n` +
    `Run "${PROGRAM_NAME} <subcommand> --help" for its input columns and options.\n` +
    "Exit status: 0 everything computed; 2 some rows or values failed (see each subcommand's help); 1 unusable input.\n"
  );
}

/** Reports unusable input: one line naming the command, then the short usage. */
function fail(io: CliIo, command: Subcommand | null, message: string): ExitStatus {
  const prefix = command === null ? PROGRAM_NAME : `${PROGRAM_NAME} ${command.name}`;
  const usage = command === null ? `${globalUsage()}Run "${PROGRAM_NAME} --help" for the subcommands.\n` : shortUsage(command);
  io.stderr(`${prefix}: ${message}\n${usage}`);
  return EXIT_STATUS.unusableInput;
}

/** Reports values that allow no result: one line per problem, then the summary; no usage (the command line was fine). */
function reportDataProblems(io: CliIo, command: Subcommand, error: InputDataError): ExitStatus {
  const prefix = `${PROGRAM_NAME} ${command.name}: `;
  const lines = error.summary === null ? error.problems : [...error.problems, error.summary];
  io.stderr(lines.map((line) => `${prefix}${line}\n`).join(""));
  return EXIT_STATUS.rowsFailed;
}

function dispatch(argv: readonly string[], io: CliIo): ExitStatus | Promise<ExitStatus> {
  // Global options come before the subcommand; everything after it belongs to the subcommand.
  const commandIndex = argv.findIndex((argument) => !argument.startsWith("-"));
  const globalArguments = commandIndex === -1 ? argv : argv.slice(0, commandIndex);
  let global;
  try {
    global = parseStrict(globalArguments, GLOBAL_OPTIONS);
  } catch (error) {
    if (error instanceof UnusableInputError) return fail(io, null, error.message);
    throw error;
  }
  if (global.options.help === true) {
    io.stdout(globalHelp());
    return EXIT_STATUS.ok;
  }
  if (global.options.version === true) {
    io.stdout(`${packageVersion()}\n`);
    return EXIT_STATUS.ok;
  }
  const name = commandIndex === -1 ? undefined : argv[commandIndex];
  if (name === undefined) return fail(io, null, "no subcommand given");
  const command = SUBCOMMANDS.find((candidate) => candidate.name === name);
  if (command === undefined) {
    return fail(io, null, `unknown subcommand "${name}" (subcommands: ${SUBCOMMANDS.map((candidate) => candidate.name).join(", ")})`);
  }
  try {
    const commandLine = parseSubcommandLine(command, argv.slice(commandIndex + 1));
    if (commandLine === "help") {
      io.stdout(fullHelp(command));
      return EXIT_STATUS.ok;
    }
    const status = command.run(commandLine, io);
    return status instanceof Promise ? status.catch((error: unknown) => commandFailure(io, command, error)) : status;
  } catch (error) {
    return commandFailure(io, command, error);
  }
}

function commandFailure(io: CliIo, command: Subcommand, error: unknown): ExitStatus {
  if (error instanceof UnusableInputError) return fail(io, command, error.message);
  if (error instanceof InputDataError) return reportDataProblems(io, command, error);
  if (error instanceof NonFiniteOutputError) return reportDataProblems(io, command, new InputDataError([nonFiniteOutputMessage(error)]));
  throw error;
}

/**
 * Runs one `xvega` command line and returns its exit status; all output goes through `io`.
 * @param argv the arguments after the program name (process.argv.slice(2))
 */
export function runCli(argv: string[], io: CliIo): number {
  try {
    const status = dispatch(argv, io);
    if (typeof status !== "number") throw new Error(`the subcommand runs asynchronously: call runCliAsync`);
    return status;
  } catch (error) {
    return internalError(io, error);
  }
}

/** A bug, not the user's input: say so rather than print a bare stack. */
function internalError(io: CliIo, error: unknown): number {
  const detail = error instanceof Error ? error.message : String(error);
  io.stderr(`${PROGRAM_NAME}: internal error (please report it with the command and file): ${detail}\n`);
  return EXIT_STATUS.unusableInput;
}

/** As runCli, for every subcommand including those that work asynchronously (`check` reads workbooks). */
export async function runCliAsync(argv: string[], io: CliIo): Promise<number> {
  try {
    return await dispatch(argv, io);
  } catch (error) {
    return internalError(io, error);
  }
}

/**
 * 64 KiB, about 1,000 rows: each chunk's rows, results and text die young. Larger chunks were measured slower (256 KiB:
 * 2.5×, 1 MiB: 5× on 1,000,000 rows), as more of them survive into V8's old generation.
 */
const STREAM_CHUNK_BYTES = 1 << 16;

/**
 * Worker threads for vega, iv and greeks on large files: two (none on one core). Each has its own heap (about 40 MB),
 * so more would push the peak memory toward the 300 MB the issue allows for 3,000,000 rows. Below
 * 8 MiB (about 150,000 rows) starting them costs more than they save. XVEGA_WORKER_MIN_BYTES overrides the size (the
 * tests use it to send small files through the workers).
 */
function rowWorkers(): CliIo["rowWorkers"] {
  const count = Math.min(MAX_ROW_WORKERS, availableParallelism());
  if (count < 2) return undefined;
  const override = Number(process.env.XVEGA_WORKER_MIN_BYTES);
  return { count, minimumBytes: process.env.XVEGA_WORKER_MIN_BYTES !== undefined && Number.isFinite(override) ? override : WORKER_MIN_BYTES };
}

const MAX_ROW_WORKERS = 2;
const WORKER_MIN_BYTES = 8 << 20;

/** Whether `path` is a regular file (false for a pipe, a device, or a path that cannot be examined). */
function isRegularFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** Runs the command line of this process, wired to its argv, stdout, stderr and file system. */
export function runAsProcess(): void {
  // A closed pipe (`xvega vega big.csv | head -1`) ends quietly, a full disk with one line: never a stack trace.
  const writers = guardedWriters(
    process.stdout,
    process.stderr,
    {
      writeErrorLine: (line) => writeSync(2, line),
      exit: (status) => process.exit(status),
      currentStatus: () => (typeof process.exitCode === "number" ? process.exitCode : 0),
    },
    PROGRAM_NAME,
  );
  const io: CliIo = {
    ...writers,
    readFile: (path) => readFileSync(path, "utf8"),
    // vega, iv and greeks read, compute and write a chunk at a time: regular files only (they are read twice).
    openFile: (path) => (isRegularFile(path) ? createReadStream(path, { highWaterMark: STREAM_CHUNK_BYTES }) : null),
    rowWorkers: rowWorkers(),
  };
  void runCliAsync(process.argv.slice(2), io).then((status) => {
    process.exitCode = status;
  });
}

// bin/xvega.js calls runAsProcess(); this covers `node build/node/src/cli/main.js ...`.
if (require.main === module) runAsProcess();
