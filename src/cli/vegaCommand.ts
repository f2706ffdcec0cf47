/*
 * `xvega vega FILE.csv`: the vega of each option leg in a CSV file, the command-line twin of XV.VEGA. Every input
 * column comes back unchanged and in order, followed by vega, position_vega (when the file has qty and multiplier)
 * and error. A bad row gets an empty vega and a message in its error field; the other rows are still computed.
 */
import { vegaPerUnitVol } from "../core/vega/blackVega";
import { findLegProblem } from "../core/vega/legValidation";
import { DEFAULT_OPTION_MODEL, OPTION_MODELS, parseOptionModel } from "../core/vega/optionModel";
import { DEFAULT_VEGA_UNIT, VEGA_UNITS, parseVegaUnit, vegaUnitScale } from "../core/vega/vegaUnit";
import { NumberField, isCellProblem, readOptionalChoice, readOptionalNumber, readRequiredNumber } from "./cellParsing";
import { PROGRAM_NAME, readChoiceOption } from "./commandLine";
import { ColumnPositions, OUTPUT_FORMATS, OutputCell, checkUniqueColumnNames, columnKey, findColumns, fitsHeader, parseOutputFormat } from "./csvTable";
import { RowCommandSpec, RowComputation, runRowCommand } from "./rowCommand";
import { CliIo, ExitStatus, ParsedCommandLine, Subcommand } from "./subcommand";

const REQUIRED_COLUMNS = ["underlying", "strike", "years", "vol"] as const;
const OPTIONAL_COLUMNS = ["model", "rate", "carry", "qty", "multiplier"] as const;

type LegColumns = ColumnPositions<(typeof REQUIRED_COLUMNS)[number], (typeof OPTIONAL_COLUMNS)[number]>;

const VEGA_COLUMN = "vega";
const POSITION_VEGA_COLUMN = "position_vega";
const ERROR_COLUMN = "error";
/** Output columns; input columns with these names are replaced, so running the command on its own output is safe. */
const COMPUTED_COLUMNS = [VEGA_COLUMN, POSITION_VEGA_COLUMN, ERROR_COLUMN];

const UNDERLYING: NumberField = { column: "underlying", expected: "a positive price", percentAllowed: false };
const STRIKE: NumberField = { column: "strike", expected: "a positive price", percentAllowed: false };
const YEARS: NumberField = { column: "years", expected: "years to expiry, e.g. (expiry − valuation)/365", percentAllowed: false };
const VOL: NumberField = { column: "vol", expected: "a vol as a decimal or percent (0.65 or 65%)", percentAllowed: true };
const RATE: NumberField = { column: "rate", expected: "a rate as a decimal or percent (0.05 or 5%)", percentAllowed: true };
const CARRY: NumberField = { column: "carry", expected: "a carry rate as a decimal or percent (0.02 or 2%)", percentAllowed: true };
const QTY: NumberField = { column: "qty", expected: "a number of contracts (negative when short)", percentAllowed: false };
const MULTIPLIER: NumberField = {
  column: "multiplier",
  expected: "a positive contract multiplier (units of underlying per contract)",
  percentAllowed: false,
};

/** What one row yields: the vegas, or null for both and a message. */
interface RowResult {
  vega: number | null;
  positionVega: number | null;
  error: string | null;
}

function failed(message: string): RowResult {
  return { vega: null, positionVega: null, error: message };
}

function computeRow(
  record: readonly string[],
  headerLength: number,
  columns: LegColumns,
  unitScale: number,
  withPosition: boolean,
): RowResult {
  if (!fitsHeader(record, headerLength)) {
    return failed(`the row has ${record.length} fields but the header has ${headerLength}: check for a missing or extra comma`);
  }
  const field = (index: number | undefined): string | undefined => (index === undefined ? undefined : record[index]);

  const model = readOptionalChoice(field(columns.model), "model", OPTION_MODELS, parseOptionModel, DEFAULT_OPTION_MODEL);
  if (isCellProblem(model)) return failed(model.problem);
  const underlying = readRequiredNumber(field(columns.underlying), UNDERLYING);
  if (isCellProblem(underlying)) return failed(underlying.problem);
  const strike = readRequiredNumber(field(columns.strike), STRIKE);
  if (isCellProblem(strike)) return failed(strike.problem);
  const years = readRequiredNumber(field(columns.years), YEARS);
  if (isCellProblem(years)) return failed(years.problem);
  const vol = readRequiredNumber(field(columns.vol), VOL);
  if (isCellProblem(vol)) return failed(vol.problem);
  const rate = readOptionalNumber(field(columns.rate), RATE, 0);
  if (isCellProblem(rate)) return failed(rate.problem);
  const carry = readOptionalNumber(field(columns.carry), CARRY, 0);
  if (isCellProblem(carry)) return failed(carry.problem);
  const legProblem = findLegProblem(model, underlying, strike, years, vol, rate, carry);
  if (legProblem) return failed(legProblem.message);
  const vega = vegaPerUnitVol(model, underlying, strike, years, vol, rate, carry) * unitScale;
  if (!Number.isFinite(vega)) return failed("vega is not a finite number: check the inputs");
  if (!withPosition) return { vega, positionVega: null, error: null };

  const qty = readRequiredNumber(field(columns.qty), QTY);
  if (isCellProblem(qty)) return failed(qty.problem);
  const multiplier = readRequiredNumber(field(columns.multiplier), MULTIPLIER);
  if (isCellProblem(multiplier)) return failed(multiplier.problem);
  if (!(multiplier > 0)) return failed(`multiplier ${multiplier} must be positive (units of underlying per contract)`);
  const positionVega = qty * multiplier * vega;
  if (!Number.isFinite(positionVega)) return failed(`position_vega is not a finite number: check qty ${qty} and multiplier ${multiplier}`);
  return { vega, positionVega, error: null };
}

/** Positions of the input columns that pass through: all but those named like an output column. */
function passThroughIndexes(header: readonly string[]): number[] {
  const indexes: number[] = [];
  header.forEach((name, index) => {
    if (!COMPUTED_COLUMNS.includes(columnKey(name))) indexes.push(index);
  });
  return indexes;
}

/** The command as its command line asks for it (also rebuilt by worker threads: rowCommands.ts). */
export function vegaRows(commandLine: ParsedCommandLine, io: CliIo): RowCommandSpec {
  const unit = readChoiceOption(commandLine, "unit", VEGA_UNITS, parseVegaUnit, DEFAULT_VEGA_UNIT);
  const format = readChoiceOption(commandLine, "format", OUTPUT_FORMATS, parseOutputFormat, "csv");
  const path = commandLine.operands[0] ?? "";
  const unitScale = vegaUnitScale(unit);
  const plan = (inputHeader: readonly string[]): RowComputation => {
    checkUniqueColumnNames(inputHeader, path);
    const columns = findColumns(inputHeader, REQUIRED_COLUMNS, OPTIONAL_COLUMNS, path);
    const withPosition = columns.qty !== undefined && columns.multiplier !== undefined;
    if (!withPosition && (columns.qty !== undefined || columns.multiplier !== undefined)) {
      const missing = columns.qty === undefined ? "qty" : "multiplier";
      io.stderr(`${PROGRAM_NAME} vega: note: no ${missing} column, so no position_vega\n`);
    }
    const passThrough = passThroughIndexes(inputHeader);
    const header = [...passThrough.map((index) => inputHeader[index] ?? ""), VEGA_COLUMN];
    if (withPosition) header.push(POSITION_VEGA_COLUMN);
    header.push(ERROR_COLUMN);
    return {
      header,
      computeRow(record) {
        const result = computeRow(record, inputHeader.length, columns, unitScale, withPosition);
        const row: OutputCell[] = passThrough.map((index) => record[index] ?? "");
        row.push(result.vega);
        if (withPosition) row.push(result.positionVega);
        row.push(result.error);
        return { row, failed: result.error !== null };
      },
    };
  };
  return { name: "vega", commandLine, path, format, plan };
}

function runVega(commandLine: ParsedCommandLine, io: CliIo): ExitStatus | Promise<ExitStatus> {
  return runRowCommand(io, vegaRows(commandLine, io));
}

export const vegaCommand: Subcommand = {
  name: "vega",
  summary: "Vega of each option leg in a CSV file (Black–Scholes–Merton, Black-76 or coin-settled), like XV.VEGA.",
  operands: [{ name: "FILE.csv", description: "comma-separated legs with a header row (columns below)" }],
  options: {
    unit: {
      type: "string",
      valueName: "point|unit",
      description: "vega per 1 vol point (0.01, the desk convention; default) or per 1.00 of vol (100 × point)",
    },
    format: {
      type: "string",
      valueName: "csv|json",
      description: "csv (default), or json: one array with one object per row, keyed by the header",
    },
  },
  details: `Input columns (header names trimmed, any case; any order):
  underlying  spot (model bsm) or forward/futures price (black76, inverse), > 0
  strike      strike price, > 0
  years       time to expiry in years, ACT/365: (expiry − valuation)/365; ≤ 0 (expired) gives vega 0
  vol         implied vol as a decimal or percent: 0.65 or 65%
  model       optional: bsm (default), black76 or inverse (coin-settled, vega in coin)
  rate        optional: risk-free rate, decimal or percent; blank = 0
  carry       optional, bsm only: dividend / borrow / foreign rate, decimal or percent; blank = 0
  qty         optional: number of contracts, negative when short
  multiplier  optional: units of underlying per contract; with qty, position_vega = qty × multiplier × vega
Numbers are plain decimals or exponent notation (1.5e-3); a % sign is read only in vol, rate and carry.

Output (stdout): every input column unchanged and in order, then vega, position_vega (with qty and multiplier) and
error. In CSV, text that would start a formula in a spreadsheet (=, +, -, @ but not a number such as -10) gets a
leading ' against CSV injection. A row may end with a trailing comma. A row that cannot be computed has an empty vega and says why in error; the other rows are still computed.
Input columns named vega, position_vega or error are replaced. In JSON, input columns are the strings read; vega and
position_vega are numbers, and empty computed fields (including error on a good row) are null.

Exit status: 0 every row computed; 2 some rows failed (all rows still printed); 1 unusable input (nothing printed).

Example: ${PROGRAM_NAME} vega book.csv --unit point > book-vega.csv`,
  run: runVega,
};
