/*
 * `xvega iv FILE.csv`: the implied vol of each option in a CSV file from its price, the command-line twin of
 * XV.IMPLIEDVOL. Every input column comes back unchanged and in order, followed by iv (a decimal) and error.
 */
import { impliedVol } from "../core/impliedvol/impliedVol";
import { NumberField, isCellProblem, readRequiredNumber } from "./cellParsing";
import { PROGRAM_NAME, readChoiceOption } from "./commandLine";
import { OUTPUT_FORMATS, checkUniqueColumnNames, findColumns, parseOutputFormat } from "./csvTable";
import { fieldCountProblem, passThroughIndexes, readLegTerms } from "./optionLegFields";
import { RowCommandSpec, RowComputation, runRowCommand } from "./rowCommand";
import { CliIo, ExitStatus, ParsedCommandLine, Subcommand } from "./subcommand";

const REQUIRED_COLUMNS = ["price", "underlying", "strike", "years"] as const;
const OPTIONAL_COLUMNS = ["type", "model", "rate", "carry"] as const;
const IV_COLUMN = "iv";
const ERROR_COLUMN = "error";
/** Output columns; input columns with these names are replaced, so running the command on its own output is safe. */
const COMPUTED_COLUMNS = [IV_COLUMN, ERROR_COLUMN];

const PRICE: NumberField = {
  column: "price",
  expected: "the option's price per 1 unit of underlying (in coin for model inverse)",
  percentAllowed: false,
};

function computeRow(record: readonly string[], headerLength: number, columns: ReturnType<typeof findIvColumns>): { iv: number | null; error: string | null } {
  const countProblem = fieldCountProblem(record, headerLength);
  if (countProblem) return { iv: null, error: countProblem };
  const terms = readLegTerms(record, columns);
  if (isCellProblem(terms)) return { iv: null, error: terms.problem };
  const price = readRequiredNumber(record[columns.price], PRICE);
  if (isCellProblem(price)) return { iv: null, error: price.problem };
  const result = impliedVol(terms.optionType, terms.model, price, terms.underlying, terms.strike, terms.years, terms.rate, terms.carry);
  return typeof result === "number" ? { iv: result, error: null } : { iv: null, error: result.message };
}

function findIvColumns(header: readonly string[], path: string) {
  return findColumns(header, REQUIRED_COLUMNS, OPTIONAL_COLUMNS, path);
}

/** The command as its command line asks for it (also rebuilt by worker threads: rowCommands.ts). */
export function ivRows(commandLine: ParsedCommandLine): RowCommandSpec {
  const format = readChoiceOption(commandLine, "format", OUTPUT_FORMATS, parseOutputFormat, "csv");
  const path = commandLine.operands[0] ?? "";
  const plan = (inputHeader: readonly string[]): RowComputation => {
    checkUniqueColumnNames(inputHeader, path);
    const columns = findIvColumns(inputHeader, path);
    const passThrough = passThroughIndexes(inputHeader, COMPUTED_COLUMNS);
    return {
      header: [...passThrough.map((index) => inputHeader[index] ?? ""), IV_COLUMN, ERROR_COLUMN],
      computeRow(record) {
        const result = computeRow(record, inputHeader.length, columns);
        return { row: [...passThrough.map((index) => record[index] ?? ""), result.iv, result.error], failed: result.error !== null };
      },
    };
  };
  return { name: "iv", commandLine, path, format, plan };
}

function runIv(commandLine: ParsedCommandLine, io: CliIo): ExitStatus | Promise<ExitStatus> {
  return runRowCommand(io, ivRows(commandLine));
}

export const ivCommand: Subcommand = {
  name: "iv",
  summary: "Implied vol of each option in a CSV file from its price (Jäckel's Let's Be Rational), like XV.IMPLIEDVOL.",
  operands: [{ name: "FILE.csv", description: "comma-separated options with a header row (columns below)" }],
  options: {
    format: {
      type: "string",
      valueName: "csv|json",
      description: "csv (default), or json: one array with one object per row, keyed by the header",
    },
  },
  details: `Input columns (header names trimmed, any case; any order):
  price       option price per 1 unit of underlying; in coin for model inverse (a Deribit mark such as 0.0125)
  underlying  spot (model bsm) or forward/futures price (black76, inverse), > 0
  strike      strike price, > 0
  years       time to expiry in years, ACT/365: (expiry − valuation)/365; must be > 0
  type        optional: call (default) or put; also c or p
  model       optional: bsm (default), black76 or inverse (coin-settled, price in coin)
  rate        optional: risk-free rate, decimal or percent; blank = 0
  carry       optional, bsm only: dividend / borrow / foreign rate, decimal or percent; blank = 0

Output (stdout): every input column unchanged and in order, then iv (a decimal: 0.65 for 65%) and error. A price no
vol can give (below the intrinsic value, at or above the no-arbitrage maximum, zero or negative, expired, or too close
to intrinsic to tell vols apart) has an empty iv and says what is possible in error; the other rows are still
computed. Input columns named iv or error are replaced. In JSON, iv is a number and empty fields are null.

Exit status: 0 every row computed; 2 some rows failed (all rows still printed); 1 unusable input (nothing printed).

Example: ${PROGRAM_NAME} iv marks.csv > marks-iv.csv`,
  run: runIv,
};
