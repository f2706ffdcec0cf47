/*
 * `xvega greeks FILE.csv`: the Greeks row of each option leg in a CSV file, the command-line twin of XV.GREEKS.
 * Every input column comes back unchanged and in order, followed by price, delta, gamma, vega, theta, rho, vanna,
 * volga and error.
 */
import { GREEK_COUNT, GREEK_NAMES } from "../core/greeks/greekNames";
import { fillGreeksRow } from "../core/greeks/greeksRow";
import { findLegProblem } from "../core/vega/legValidation";
import { isCellProblem, readRequiredNumber } from "./cellParsing";
import { PROGRAM_NAME, readChoiceOption } from "./commandLine";
import { OUTPUT_FORMATS, OutputCell, checkUniqueColumnNames, findColumns, parseOutputFormat } from "./csvTable";
import { VOL, fieldCountProblem, passThroughIndexes, readLegTerms } from "./optionLegFields";
import { RowCommandSpec, RowComputation, runRowCommand } from "./rowCommand";
import { CliIo, ExitStatus, ParsedCommandLine, Subcommand } from "./subcommand";

const REQUIRED_COLUMNS = ["underlying", "strike", "years", "vol"] as const;
const OPTIONAL_COLUMNS = ["type", "model", "rate", "carry"] as const;
const ERROR_COLUMN = "error";
/** Output columns; input columns with these names are replaced, so running the command on its own output is safe. */
const COMPUTED_COLUMNS: readonly string[] = [...GREEK_NAMES, ERROR_COLUMN];

type GreeksColumns = ReturnType<typeof findGreeksColumns>;

function findGreeksColumns(header: readonly string[], path: string) {
  return findColumns(header, REQUIRED_COLUMNS, OPTIONAL_COLUMNS, path);
}

/** The row's Greeks (GREEK_NAMES order) written into `values`, or the message saying why there are none. */
function computeRow(record: readonly string[], headerLength: number, columns: GreeksColumns, values: Float64Array): string | null {
  const countProblem = fieldCountProblem(record, headerLength);
  if (countProblem) return countProblem;
  const terms = readLegTerms(record, columns);
  if (isCellProblem(terms)) return terms.problem;
  const vol = readRequiredNumber(record[columns.vol], VOL);
  if (isCellProblem(vol)) return vol.problem;
  const problem = findLegProblem(terms.model, terms.underlying, terms.strike, terms.years, vol, terms.rate, terms.carry);
  if (problem) return problem.message;
  fillGreeksRow(terms.optionType, terms.model, terms.underlying, terms.strike, terms.years, vol, terms.rate, terms.carry, values, 0);
  const notFinite = GREEK_NAMES.find((_, index) => !Number.isFinite(values[index] as number));
  return notFinite === undefined ? null : `${notFinite} is not a finite number: check the inputs`;
}

/** The command as its command line asks for it (also rebuilt by worker threads: rowCommands.ts). */
export function greeksRows(commandLine: ParsedCommandLine): RowCommandSpec {
  const format = readChoiceOption(commandLine, "format", OUTPUT_FORMATS, parseOutputFormat, "csv");
  const path = commandLine.operands[0] ?? "";
  const values = new Float64Array(GREEK_COUNT);
  const plan = (inputHeader: readonly string[]): RowComputation => {
    checkUniqueColumnNames(inputHeader, path);
    const columns = findGreeksColumns(inputHeader, path);
    const passThrough = passThroughIndexes(inputHeader, COMPUTED_COLUMNS);
    return {
      header: [...passThrough.map((index) => inputHeader[index] ?? ""), ...GREEK_NAMES, ERROR_COLUMN],
      computeRow(record) {
        const error = computeRow(record, inputHeader.length, columns, values);
        const row: OutputCell[] = passThrough.map((index) => record[index] ?? "");
        if (error === null) {
          for (const value of values) row.push(value);
        } else {
          for (let index = 0; index < GREEK_COUNT; index++) row.push(null);
        }
        row.push(error);
        return { row, failed: error !== null };
      },
    };
  };
  return { name: "greeks", commandLine, path, format, plan };
}

function runGreeks(commandLine: ParsedCommandLine, io: CliIo): ExitStatus | Promise<ExitStatus> {
  return runRowCommand(io, greeksRows(commandLine));
}

export const greeksCommand: Subcommand = {
  name: "greeks",
  summary: "Price and Greeks of each option leg in a CSV file (bsm, black76 or coin-settled), like XV.GREEKS.",
  operands: [{ name: "FILE.csv", description: "comma-separated legs with a header row (columns below)" }],
  options: {
    format: {
      type: "string",
      valueName: "csv|json",
      description: "csv (default), or json: one array with one object per row, keyed by the header",
    },
  },
  details: `Input columns (header names trimmed, any case; any order): those of ${PROGRAM_NAME} vega, plus type:
  underlying  spot (model bsm) or forward/futures price (black76, inverse), > 0
  strike      strike price, > 0
  years       time to expiry in years, ACT/365; ≤ 0 (expired): price = intrinsic, delta = 0/1 (−1/0 for puts), rest 0
  vol         implied vol as a decimal or percent: 0.65 or 65%
  type        optional: call (default) or put; also c or p
  model       optional: bsm (default), black76 or inverse (coin-settled: price and Greeks in coin, as Deribit shows them)
  rate        optional: risk-free rate, decimal or percent; blank = 0
  carry       optional, bsm only: dividend / borrow / foreign rate, decimal or percent; blank = 0

Output (stdout): every input column unchanged and in order, then price (per 1 unit of underlying), delta (per 1 of the
underlying: spot for bsm, forward for black76), gamma, vega (per vol point), theta (per calendar day), rho (per 1
percentage point of rate), vanna (change of delta per vol point), volga (change of vega per vol point) and error.
A row that cannot be computed has empty Greeks and says why in error. Input columns with those names are replaced.

Exit status: 0 every row computed; 2 some rows failed (all rows still printed); 1 unusable input (nothing printed).

Example: ${PROGRAM_NAME} greeks book.csv --format json`,
  run: runGreeks,
};
