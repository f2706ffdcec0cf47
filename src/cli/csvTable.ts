/*
 * CSV in and CSV/JSON out for the row-by-row subcommands: read the file, split off the header, find the columns a
 * command needs by name (trimmed, any case), and print result rows with their header.
 */
import { parse } from "csv-parse/sync";
import { CsvOutputCell, formatCsvRows } from "./csvOutput";
import { describeCsvParseError } from "./csvParseErrors";
import { checkInputText } from "./inputTextChecks";
import { checkFinite } from "./finiteOutput";
import { CliIo, UnusableInputError } from "./subcommand";

/** A CSV file as read: header names (trimmed) and the data records exactly as written. */
export interface CsvTable {
  header: readonly string[];
  /** One array of fields per data record; a record may have more or fewer fields than the header. */
  records: readonly (readonly string[])[];
}

/** A cell of a result table: text passed through, a computed number, or null for an empty cell. */
export type OutputCell = CsvOutputCell;

export type OutputFormat = "csv" | "json";

export const OUTPUT_FORMATS: readonly OutputFormat[] = ["csv", "json"];

/** Reads an output format name typed by a user (trimmed, any case); null when it is not one of OUTPUT_FORMATS. */
export function parseOutputFormat(text: string): OutputFormat | null {
  const normalised = text.trim().toLowerCase();
  return (OUTPUT_FORMATS as readonly string[]).includes(normalised) ? (normalised as OutputFormat) : null;
}

/** How a column name is compared: trimmed, lower case. */
export function columnKey(name: string): string {
  return name.trim().toLowerCase();
}

/** Why a file could not be read, in words ("no such file"), from the error fs gave. */
export function describeReadFailure(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  if (code === "ENOENT") return "no such file";
  if (code === "EISDIR") return "it is a directory, not a file";
  if (code === "EACCES" || code === "EPERM") return "permission denied";
  return error instanceof Error ? error.message : String(error);
}

/**
 * The text of the file at `path`; UnusableInputError saying why when it cannot be read, or when it is not
 * comma-separated UTF-8 text (a workbook, UTF-16, semicolons: see inputTextChecks.ts).
 */
export function readInputFile(io: CliIo, path: string): string {
  let text: string;
  try {
    text = io.readFile(path);
  } catch (error) {
    throw new UnusableInputError(`cannot read ${path}: ${describeReadFailure(error)}`);
  }
  checkInputText(text, path);
  return text;
}

/** How every command reads CSV with csv-parse (the streaming commands' chunk parser reproduces it: csvChunkParser.ts). */
export const CSV_PARSE_OPTIONS = { bom: true, relax_column_count: true, skip_empty_lines: true, skip_records_with_empty_values: true } as const;

/**
 * Splits CSV text into header and records. A byte-order mark (Excel's "CSV UTF-8") is dropped, and so are lines that
 * are empty or hold only empty fields (",,,," at the end of spreadsheet exports). Field values are not trimmed.
 * Throws UnusableInputError when the text is not CSV (an unclosed quote, say) or holds no header row.
 */
export function parseCsvTable(text: string, path: string): CsvTable {
  let rows: string[][];
  try {
    rows = parse(text, CSV_PARSE_OPTIONS);
  } catch (error) {
    throw new UnusableInputError(describeCsvParseError(error, text, path));
  }
  const [header, ...records] = rows;
  if (header === undefined) throw new UnusableInputError(`${path} has no header row (it holds no CSV records)`);
  return { header: header.map((name) => name.trim()), records };
}

/**
 * Whether a record lines up with the header: as many fields, not counting blank fields past the header's end. A
 * trailing comma (an empty extra field, as some exports and hand edits leave) shifts no column; a missing field, or an
 * extra one holding something, may have shifted them.
 */
export function fitsHeader(fields: readonly string[], headerLength: number): boolean {
  if (fields.length < headerLength) return false;
  for (let index = headerLength; index < fields.length; index++) if ((fields[index] ?? "").trim() !== "") return false;
  return true;
}

/**
 * Rejects a header in which two columns have the same name (trimmed, any case): a command could not tell which one
 * is meant, and JSON output could not hold both.
 */
export function checkUniqueColumnNames(header: readonly string[], path: string): void {
  const firstIndexByKey = new Map<string, number>();
  header.forEach((name, index) => {
    const key = columnKey(name);
    const firstIndex = firstIndexByKey.get(key);
    if (firstIndex === undefined) {
      firstIndexByKey.set(key, index);
      return;
    }
    const where = `(columns ${firstIndex + 1} and ${index + 1})`;
    throw new UnusableInputError(
      key === ""
        ? `the header of ${path} has more than one blank column name ${where}: name those columns or delete them`
        : `column ${name} appears twice in the header of ${path} ${where}: keep one`,
    );
  });
}

/** Where each column is (0-based) by canonical name: always for a required column, undefined for an absent optional one. */
export type ColumnPositions<Required extends string, Optional extends string> = Record<Required, number> &
  Record<Optional, number | undefined>;

/**
 * Where each wanted column is (0-based), by canonical name; undefined for an optional column that is absent.
 * Throws UnusableInputError naming every required column that is missing and the columns the file does have.
 */
export function findColumns<Required extends string, Optional extends string>(
  header: readonly string[],
  required: readonly Required[],
  optional: readonly Optional[],
  path: string,
): ColumnPositions<Required, Optional> {
  const indexByKey = new Map<string, number>();
  header.forEach((name, index) => {
    if (!indexByKey.has(columnKey(name))) indexByKey.set(columnKey(name), index);
  });
  const missing = required.filter((name) => !indexByKey.has(name));
  if (missing.length > 0) {
    const found = header.length === 0 ? "none" : header.map((name) => (name === "" ? '""' : name)).join(", ");
    // Semicolon-separated files are recognised before this, by readInputFile (inputTextChecks.ts).
    throw new UnusableInputError(
      `${path} has no ${missing.length === 1 ? "column" : "columns"} ${missing.join(", ")} (required: ${required.join(", ")}; found: ${found})`,
    );
  }
  const located: Record<string, number | undefined> = {};
  for (const name of [...required, ...optional]) located[name] = indexByKey.get(name);
  return located as ColumnPositions<Required, Optional>;
}

/**
 * One row of a JSON table: an object keyed by the header, on one line. Throws NonFiniteOutputError for a number that
 * is not finite, naming it by column and row (`rowNumber`, 1-based).
 */
export function formatJsonRow(header: readonly string[], row: readonly OutputCell[], rowNumber: number): string {
  // A null prototype keeps a column named "__proto__" an ordinary key.
  const record: Record<string, OutputCell> = Object.create(null);
  header.forEach((name, index) => {
    const cell = row[index] ?? null;
    checkFinite(cell, () => `${name} of row ${rowNumber}`);
    record[name] = cell;
  });
  return JSON.stringify(record);
}

function formatJson(header: readonly string[], rows: readonly (readonly OutputCell[])[]): string {
  if (rows.length === 0) return "[]\n";
  const lines = rows.map((row, rowIndex) => formatJsonRow(header, row, rowIndex + 1));
  return `[\n${lines.join(",\n")}\n]\n`;
}

/**
 * The result table as text. CSV: a header line, then one line per row (null → empty field, numbers in full precision,
 * text neutralised against formula injection). JSON: one array with one object per row (one per line), keyed by the
 * header; null stays null. Throws NonFiniteOutputError for a number that is not finite.
 */
export function formatTable(format: OutputFormat, header: readonly string[], rows: readonly (readonly OutputCell[])[]): string {
  if (format === "json") return formatJson(header, rows);
  return formatCsvRows([header, ...rows]);
}
