/*
 * `xvega nearcorr FILE.csv`: the nearest correlation matrix to a matrix typed or pasted by hand (optionally with a
 * smallest eigenvalue and locked correlations), with the same labels, ready for `xvega hedge --corr`. The command-line
 * twin of XV.NEARCORR.
 */
import {
  CORRELATION_INPUT_KINDS,
  CorrelationInputError,
  CorrelationInputKind,
  CorrelationScaleProblem,
  assetKey,
  DEFAULT_NEAREST_CORRELATION_MAX_ITERATIONS,
  DEFAULT_NEAREST_CORRELATION_TOLERANCE,
  NearestCorrelationResult,
  correlationsFromInput,
  describeNotConverged,
  nearestCorrelationMatrix,
} from "../core/correlation";
import { changesMarkerOf } from "./changesMarker";
import { PROGRAM_NAME, readChoiceOption } from "./commandLine";
import { formatCsvTables } from "./csvSections";
import { OUTPUT_FORMATS, OutputFormat, parseOutputFormat, readInputFile } from "./csvTable";
import { matrixRows, readMatrixFile } from "./matrixFile";
import { formatJsonDocument } from "./jsonOutput";
import { ChangesWord, readListOption, readNumberOption } from "./optionValues";
import { CliIo, EXIT_STATUS, ExitStatus, InputDataError, ParsedCommandLine, Subcommand, UnusableInputError } from "./subcommand";

function readMaxIterations(commandLine: ParsedCommandLine): number {
  const value = readNumberOption(commandLine, "max-iterations", "a whole number of iterations ≥ 1");
  if (value === undefined) return DEFAULT_NEAREST_CORRELATION_MAX_ITERATIONS;
  if (!(Number.isInteger(value) && value >= 1)) throw new UnusableInputError(`--max-iterations ${value} must be a whole number ≥ 1`);
  return value;
}

/** Default wall-clock cap of `xvega nearcorr` (XV.NEARCORR allows 5 s): a batch job may wait longer than a cell. */
export const CLI_NEAREST_CORRELATION_DEFAULT_SECONDS = 60;

function readMaxSeconds(commandLine: ParsedCommandLine): number {
  const value = readNumberOption(commandLine, "max-seconds", "a number of seconds > 0");
  if (value === undefined) return CLI_NEAREST_CORRELATION_DEFAULT_SECONDS;
  if (!(value > 0 && Number.isFinite(value))) throw new UnusableInputError(`--max-seconds ${value} must be a number of seconds > 0 (default ${CLI_NEAREST_CORRELATION_DEFAULT_SECONDS})`);
  return value;
}

function readMinEigenvalue(commandLine: ParsedCommandLine): number {
  const value = readNumberOption(commandLine, "min-eigenvalue", "a number 0 ≤ δ < 1, e.g. 1e-8");
  if (value === undefined) return 0;
  if (!(value >= 0 && value < 1)) throw new UnusableInputError(`--min-eigenvalue ${value} must be from 0 up to (not including) 1, e.g. 1e-8 for a positive definite matrix`);
  return value;
}

/** --lock BTC,ETH: every correlation among those assets (names as in the file, any case) keeps its value. */
function readLockedMask(commandLine: ParsedCommandLine, names: readonly string[] | null, size: number): boolean[][] | undefined {
  const assets = readListOption(commandLine, "lock", "asset", "--lock BTC,ETH");
  if (assets === undefined) return undefined;
  if (names === null) throw new UnusableInputError("--lock names assets, but the file has no asset names: label the matrix (,BTC,ETH / BTC,1,0.9 / …)");
  const keys = names.map(assetKey);
  const indices = assets.map((asset) => {
    const index = keys.indexOf(assetKey(asset));
    if (index === -1) throw new UnusableInputError(`--lock asset ${asset} is not in the file (assets: ${names.join(", ")})`);
    return index;
  });
  return Array.from({ length: size }, (_, i) => Array.from({ length: size }, (_, j) => i !== j && indices.includes(i) && indices.includes(j)));
}

function parseInputKind(text: string): CorrelationInputKind | null {
  const word = text.trim().toLowerCase();
  return (CORRELATION_INPUT_KINDS as readonly string[]).includes(word) ? (word as CorrelationInputKind) : null;
}

function askCommandToConvert(problem: CorrelationScaleProblem): string {
  return `, or convert it with --input ${problem.kind}`;
}

/** An entry for people: "(BTC, ETH)" with names, "(row 1, column 2)" without. */
function entryName(names: readonly string[] | null, row: number, column: number): string {
  return names === null ? `(row ${row + 1}, column ${column + 1})` : `(${names[row] ?? row + 1}, ${names[column] ?? column + 1})`;
}

function describeRepair(names: readonly string[] | null, result: NearestCorrelationResult): string {
  const change = result.largestChange;
  if (change === null) return "already a correlation matrix: returned unchanged (0 iterations)";
  const iterations = `${result.iterations} ${result.iterations === 1 ? "iteration" : "iterations"}`;
  return `${iterations}, ${result.converged ? "converged" : "not converged"}; largest change ${entryName(names, change.row, change.column)}: ${change.before} → ${change.after}`;
}

/**
 * @param changes the input's change-kind marker (its corner cell, abs or log), kept in the output: a repaired matrix
 *   describes the same kind of changes, and xvega hedge checks it
 */
function formatResult(format: OutputFormat, names: string[] | null, result: NearestCorrelationResult, changes: ChangesWord | null): string {
  if (format === "csv") return formatCsvTables([matrixRows(names, result.matrix, changes ?? "")]);
  const change = result.largestChange;
  // Entries are named by asset when the input had names, by 1-based position otherwise.
  const position = (index: number): string | number => (names === null ? index + 1 : (names[index] ?? index + 1));
  const document = {
    names,
    changes,
    matrix: result.matrix,
    iterations: result.iterations,
    converged: result.converged,
    largest_change:
      change === null
        ? null
        : { row: position(change.row), column: position(change.column), before: change.before, after: change.after, change: change.change },
  };
  return formatJsonDocument(document);
}

function runNearcorr(commandLine: ParsedCommandLine, io: CliIo): ExitStatus {
  const format = readChoiceOption(commandLine, "format", OUTPUT_FORMATS, parseOutputFormat, "csv");
  const maxIterations = readMaxIterations(commandLine);
  const maxSeconds = readMaxSeconds(commandLine);
  const inputKind = readChoiceOption(commandLine, "input", CORRELATION_INPUT_KINDS, parseInputKind, "correlation");
  const minEigenvalue = readMinEigenvalue(commandLine);
  const path = commandLine.operands[0] ?? "";
  const reading = readMatrixFile(readInputFile(io, path), path, false);
  if (reading.problems.length > 0) throw new InputDataError(reading.problems, "nothing repaired: every entry must be a number (a correlation, or any number to be repaired)");
  let result: NearestCorrelationResult;
  try {
    const correlations = correlationsFromInput(reading.values, inputKind, askCommandToConvert, reading.names ?? undefined);
    const locked = readLockedMask(commandLine, reading.names, correlations.length);
    result = nearestCorrelationMatrix(correlations, {
      maxIterations,
      timeBudgetMilliseconds: maxSeconds * 1000,
      minEigenvalue,
      ...(locked === undefined ? {} : { locked }),
      ...(reading.names === null ? {} : { names: reading.names }),
    });
  } catch (error) {
    if (error instanceof CorrelationInputError) throw new InputDataError([`${path}: ${error.message}`], "nothing repaired");
    throw error;
  }
  io.stdout(formatResult(format, reading.names, result, changesMarkerOf(reading.corner)));
  if (format === "csv" || !result.converged) io.stderr(`${PROGRAM_NAME} nearcorr: note: ${describeRepair(reading.names, result)}\n`);
  if (result.converged) return EXIT_STATUS.ok;
  const lockHint = commandLine.options["lock"] === undefined ? "" : "; locked correlations near ±1 (a nearly singular locked block) converge slowly: lock fewer";
  const remedy = `the matrix printed is a valid correlation matrix but not the nearest one; raise --max-iterations (now ${maxIterations}) or --max-seconds (now ${maxSeconds})${lockHint}`;
  io.stderr(`${PROGRAM_NAME} nearcorr: warning: ${describeNotConverged(result, DEFAULT_NEAREST_CORRELATION_TOLERANCE, remedy)}\n`);
  return EXIT_STATUS.rowsFailed;
}

export const nearcorrCommand: Subcommand = {
  name: "nearcorr",
  summary: "Nearest valid correlation matrix (Newton method, Qi & Sun 2006) to a matrix in a CSV file, like XV.NEARCORR.",
  operands: [{ name: "FILE.csv", description: "a square matrix: labelled (,BTC,ETH / BTC,1,0.9 / …) or numbers only" }],
  options: {
    "max-iterations": {
      type: "string",
      valueName: "N",
      description: `cap on iterations (one eigen-decomposition each; default ${DEFAULT_NEAREST_CORRELATION_MAX_ITERATIONS})`,
    },
    "max-seconds": {
      type: "string",
      valueName: "S",
      description: `wall-clock cap in seconds (default ${CLI_NEAREST_CORRELATION_DEFAULT_SECONDS}; XV.NEARCORR allows 5)`,
    },
    "min-eigenvalue": {
      type: "string",
      valueName: "X",
      description: "smallest eigenvalue the result must have, 0 ≤ X < 1 (default 0); e.g. 1e-8 for a positive definite matrix",
    },
    lock: {
      type: "string",
      valueName: "A,B,…",
      description: "assets whose correlations among themselves keep their values (needs a labelled file)",
    },
    input: {
      type: "string",
      valueName: "correlation|percent|covariance|raw",
      description:
        "what the file holds: correlation (default; a percent or covariance matrix is refused), percent (80 for 0.8: divided by 100), covariance (converted to correlations) or raw (repaired as given)",
    },
    format: { type: "string", valueName: "csv|json", description: "csv (default: the matrix, labelled as the input) or json (one object)" },
  },
  details: `Input: the first table of the file (up to a blank line, so volcorr's output can be given as it is), either
  labelled     ,BTC,ETH / BTC,1,0.9 / ETH,0.9,1   (row names as the header's, same order; the corner may be blank)
  header only  BTC,ETH / 1,0.9 / 0.9,1
  unlabelled   1,0.9 / 0.9,1
Entries may be anything to repair (|ρ| > 1, a diagonal ≠ 1, asymmetric, not positive semidefinite) but must be numbers.

Output (stdout), CSV: the nearest correlation matrix (Frobenius norm), in full precision, labelled when the input is,
with the input's change-kind marker (abs or log in the corner cell) kept; the number of iterations and the largest
change go to stderr. JSON: {"names", "changes" (the marker, or null), "matrix", "iterations", "converged",
"largest_change": {"row", "column", "before", "after", "change"}} (names null and row/column 1-based positions for an
unlabelled matrix; largest_change null when the input was already a correlation matrix, returned unchanged).

A matrix with 100 on its whole diagonal (typed in percent) or another positive diagonal (a covariance matrix) is
refused with the fix, since repairing it as correlations gives all 1s; --input percent or --input covariance converts
it first (c_ij / sqrt(c_ii c_jj)); --input raw repairs the numbers as they are (the nearest correlation matrix to
them, as NAG g02aa computes it).

Constraints: --min-eigenvalue X makes the result's smallest eigenvalue at least X (the nearest such matrix);
--lock BTC,ETH keeps every correlation among those assets exactly as given (the symmetrised value). Locked
correlations that no valid matrix can have (their block not positive semidefinite, or below X) are refused, naming
the assets (exit 2).

Exit status: 0 repaired (or already valid); 2 an entry is not a number, a percent or covariance matrix without
--input (nothing printed), or not converged within --max-iterations or --max-seconds (the matrix printed is valid but
not the nearest; stderr gives the iterations and the residual); 1 unusable input (missing file, not square, row
names that differ from the header's).

Example: ${PROGRAM_NAME} nearcorr typed.csv > corr.csv`,
  run: runNearcorr,
};
