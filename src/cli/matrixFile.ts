/*
 * Square matrices in CSV files (correlations for hedge and nearcorr), labelled or not, and their output.
 *
 * Layouts read (the first table of the file: it ends at the first blank line, so volcorr's output, a matrix then a
 * blank line then the vol-of-vols, can be read as it is):
 * - labelled: a header line of asset names, with or without a corner cell first (usually empty), then one line per
 *   asset starting with its name, in the header's order:   ,BTC,ETH / BTC,1,0.9 / ETH,0.9,1
 * - names in the header only (no row names):               BTC,ETH / 1,0.9 / 0.9,1
 * - unlabelled: numbers only.                              1,0.9 / 0.9,1
 * A layout that cannot be a square matrix (rows of the wrong length, row names that differ from the header's, a name
 * given twice) is unusable input; an entry that is not a number is a data problem, reported with its position.
 */
import { assetKey } from "../core/correlation";
import { NumberField, isCellProblem, readRequiredNumber } from "./cellParsing";
import { CsvLine, countOf, readCsvLines, splitTables } from "./csvSections";
import { OutputCell } from "./csvTable";
import { UnusableInputError } from "./subcommand";

export interface MatrixReading {
  /** Asset names in row (= column) order; null for an unlabelled matrix. */
  names: string[] | null;
  /** The header's corner cell (trimmed) when the matrix has one (`,BTC,ETH` gives ""; XV.VOLCORR's spill `abs`). */
  corner: string | null;
  /** The entries; NaN where `problems` says an entry could not be read. */
  values: number[][];
  /** One message per entry that is not a number ("corr.csv line 3, entry (BTC, ETH): …"). */
  problems: string[];
}

const ENTRY: NumberField = { column: "entry", expected: "a correlation such as 0.85", percentAllowed: false };

function isNumberText(text: string | undefined): boolean {
  return !isCellProblem(readRequiredNumber(text, ENTRY));
}

/** The fields of a line without blank fields past `width` (spreadsheets pad rows with empty cells). */
function withinWidth(fields: readonly string[], width: number): string[] | null {
  const extra = fields.slice(width);
  return extra.every((field) => field.trim() === "") ? fields.slice(0, width) : null;
}

function withoutTrailingBlanks(fields: readonly string[]): string[] {
  let end = fields.length;
  while (end > 0 && (fields[end - 1] ?? "").trim() === "") end--;
  return fields.slice(0, end);
}

function duplicateNameProblem(names: readonly string[], path: string): string | null {
  const seen = new Map<string, number>();
  for (const [position, name] of names.entries()) {
    if (name === "") return `${path}: asset name ${position + 1} of the matrix header is blank: name every column`;
    const first = seen.get(assetKey(name));
    if (first !== undefined) return `${path}: asset ${name} appears twice in the matrix header (columns ${first + 1} and ${position + 1}): keep one`;
    seen.set(assetKey(name), position);
  }
  return null;
}

/** Names and value fields of each line of a table whose first line holds names. */
function labelledLayout(
  table: readonly CsvLine[],
  path: string,
): { names: string[]; corner: string | null; rows: { line: CsvLine; fields: readonly string[] }[] } {
  const [headerLine, ...dataLines] = table;
  const header = withoutTrailingBlanks((headerLine?.fields ?? []).map((name) => name.trim()));
  const rowsNamed = dataLines.map((line) => !isNumberText(line.fields[0]) && (line.fields[0] ?? "").trim() !== "");
  const allNamed = rowsNamed.every(Boolean);
  const namedCount = rowsNamed.filter(Boolean).length;
  if (namedCount > 0 && !allNamed) {
    // Name the odd one out: an unnamed row among named ones, or a row starting with text among numeric ones.
    if (2 * namedCount >= rowsNamed.length) {
      const unnamed = dataLines[rowsNamed.indexOf(false)];
      throw new UnusableInputError(`${path} line ${unnamed?.line ?? 0} does not start with an asset name but other rows do: name every row of the matrix, or none`);
    }
    const named = dataLines[rowsNamed.indexOf(true)];
    throw new UnusableInputError(
      `${path} line ${named?.line ?? 0} starts with ${JSON.stringify((named?.fields[0] ?? "").trim())}, which is not a number, but the other rows have no names: name every row of the matrix, or none`,
    );
  }
  // The header's first cell is a corner, not an asset, when it is blank, or when the rows start with their names and
  // the header has one name too many for them (",BTC,ETH" or "asset,BTC,ETH" over two rows; "BTC,ETH" has none).
  const hasCorner = header[0] === "" || (allNamed && dataLines.length > 0 && header.length !== dataLines.length);
  const names = hasCorner ? header.slice(1) : header;
  const problem = duplicateNameProblem(names, path);
  if (problem) throw new UnusableInputError(problem);
  const rowWidth = names.length + (allNamed ? 1 : 0);
  const rows = dataLines.map((line) => {
    const fields = withinWidth(line.fields, rowWidth);
    if (fields === null || fields.length < rowWidth) {
      const count = withoutTrailingBlanks(line.fields).length - (allNamed ? 1 : 0);
      throw new UnusableInputError(`${path} line ${line.line} has ${countOf(count, "value")} but the header names ${countOf(names.length, "asset")}: the matrix must be square`);
    }
    return { line, fields: allNamed ? fields.slice(1) : fields };
  });
  if (rows.length !== names.length) {
    throw new UnusableInputError(
      `${path} has ${countOf(rows.length, "matrix row")} under a header of ${countOf(names.length, "asset")} (line ${headerLine?.line ?? 1}): the matrix must be square, one row per asset in the header's order`,
    );
  }
  if (allNamed) {
    dataLines.forEach((line, index) => {
      const rowName = (line.fields[0] ?? "").trim();
      const columnName = names[index] ?? "";
      if (assetKey(rowName) !== assetKey(columnName)) {
        throw new UnusableInputError(
          `${path} line ${line.line} is named ${rowName} but column ${index + 1} is ${columnName}: rows must be named like the columns, in the same order`,
        );
      }
    });
  }
  return { names, corner: hasCorner ? (header[0] ?? "") : null, rows };
}

function unlabelledLayout(table: readonly CsvLine[], path: string): { line: CsvLine; fields: readonly string[] }[] {
  const size = table.length;
  return table.map((line) => {
    const fields = withinWidth(line.fields, size);
    if (fields === null || fields.length < size) {
      throw new UnusableInputError(
        `${path} line ${line.line} has ${countOf(withoutTrailingBlanks(line.fields).length, "value")} but the matrix has ${countOf(size, "row")}: it must be square`,
      );
    }
    return { line, fields };
  });
}

/**
 * Reads the first table of a matrix file (see the file comment for the layouts).
 * @param namesRequired when true an unlabelled matrix is unusable input (the hedge matches assets by name)
 */
export function readMatrixFile(text: string, path: string, namesRequired: boolean): MatrixReading {
  const table = splitTables(readCsvLines(text, path))[0];
  if (table === undefined) throw new UnusableInputError(`${path} holds no matrix (it has no CSV records)`);
  // A header holds no number after its corner cell; a first row with a number there is data (perhaps with a typo).
  const firstFields = withoutTrailingBlanks(table[0]?.fields ?? []);
  const labelled = !firstFields.every((field) => isNumberText(field)) && !firstFields.slice(1).some((field) => isNumberText(field));
  if (!labelled && namesRequired) {
    throw new UnusableInputError(`${path} has no asset names: give a header line of names (,BTC,ETH) and start each row with its name (BTC,1,0.9)`);
  }
  const layout = labelled ? labelledLayout(table, path) : { names: null, corner: null, rows: unlabelledLayout(table, path) };
  const problems: string[] = [];
  const values = layout.rows.map(({ line, fields }, row) =>
    fields.map((text, column) => {
      const value = readRequiredNumber(text, ENTRY);
      if (!isCellProblem(value)) return value;
      const entry = layout.names ? `(${layout.names[row]}, ${layout.names[column]})` : `(row ${row + 1}, column ${column + 1})`;
      problems.push(`${path} line ${line.line}, entry ${entry}: ${value.problem}`);
      return Number.NaN;
    }),
  );
  return { names: layout.names, corner: layout.corner, values, problems };
}

/**
 * A matrix as CSV rows: a header of names after a corner cell, then each row after its name; numbers only without
 * names. The corner holds the change-kind marker (`abs`/`log`) when there is one, as in XV.VOLCORR's spill.
 */
export function matrixRows(names: readonly string[] | null, values: readonly (readonly number[])[], corner = ""): OutputCell[][] {
  if (names === null) return values.map((row) => [...row]);
  return [[corner, ...names], ...values.map((row, index) => [names[index] ?? "", ...row])];
}
