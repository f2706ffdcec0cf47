/*
 * CSV read line by line, for the commands that read whole tables rather than independent rows (hedge, nearcorr,
 * volcorr): every record keeps its line number, so that messages point at the line a user sees in an editor or the
 * row Excel shows, and blank lines are kept, because they mean something here — they separate the tables of a file
 * that holds several (volcorr's output: a matrix, a blank line, then the vol-of-vols), and inside a history a blank
 * line is a date with no quotes.
 */
import { parse } from "csv-parse/sync";
import { formatCsvRows } from "./csvOutput";
import { describeCsvParseError } from "./csvParseErrors";
import { OutputCell, columnKey } from "./csvTable";
import { UnusableInputError } from "./subcommand";

/** One CSV record as written (fields not trimmed) and the line of the file it ends on (1-based). */
export interface CsvLine {
  fields: readonly string[];
  line: number;
}

/** A table read from a file: its header line (names trimmed) and its data lines, blank ones dropped. */
export interface LinedTable {
  header: readonly string[];
  headerLine: number;
  rows: readonly CsvLine[];
}

/** True for an empty line or one holding only blank fields (",,," at the end of spreadsheet exports). */
export function isBlankLine(record: CsvLine): boolean {
  return record.fields.every((field) => field.trim() === "");
}

/** Every record of the file, blank ones included; a byte-order mark (Excel's "CSV UTF-8") is dropped. */
export function readCsvLines(text: string, path: string): CsvLine[] {
  let parsed: { record: string[]; info: { lines: number } }[];
  try {
    // With `info`, each record comes with where it was read; the typings do not know that.
    parsed = parse(text, { bom: true, relax_column_count: true, info: true }) as unknown as typeof parsed;
  } catch (error) {
    throw new UnusableInputError(describeCsvParseError(error, text, path));
  }
  return parsed.map(({ record, info }) => ({ fields: record, line: info.lines }));
}

/** The tables of a file: runs of non-blank lines separated by blank ones. */
export function splitTables(lines: readonly CsvLine[]): CsvLine[][] {
  const tables: CsvLine[][] = [];
  let current: CsvLine[] = [];
  for (const record of lines) {
    if (isBlankLine(record)) {
      if (current.length > 0) tables.push(current);
      current = [];
    } else {
      current.push(record);
    }
  }
  if (current.length > 0) tables.push(current);
  return tables;
}

/**
 * The table holding the named columns (trimmed, any case) in a file of asset values (exposures, vol-of-vols, current
 * vols): the one whose header is the file's first line or, in a file of several tables separated by blank lines (like
 * volcorr's output), the first line after a blank one. It runs to the end of the file; blank lines are skipped.
 * Throws UnusableInputError naming the missing columns when no table has them.
 */
export function findTableWithColumns(lines: readonly CsvLine[], columns: readonly string[], path: string): LinedTable {
  const tables = splitTables(lines);
  const first = tables[0]?.[0];
  if (first === undefined) throw new UnusableInputError(`${path} has no header row (it holds no CSV records)`);
  const start = tables.findIndex((table) => {
    const keys = (table[0]?.fields ?? []).map(columnKey);
    return columns.every((column) => keys.includes(column));
  });
  if (start === -1) {
    const header = first.fields.map((name) => name.trim());
    const keys = header.map(columnKey);
    const missing = columns.filter((column) => !keys.includes(column));
    const found = header.map((name) => (name === "" ? '""' : name)).join(", ");
    throw new UnusableInputError(
      `${path} has no ${missing.length === 1 ? "column" : "columns"} ${missing.join(", ")} (required: ${columns.join(", ")}; found: ${found})`,
    );
  }
  const [headerLine, ...rows] = tables.slice(start).flat();
  return { header: (headerLine?.fields ?? []).map((name) => name.trim()), headerLine: headerLine?.line ?? 1, rows };
}

/**
 * Several tables as one CSV text, separated by a blank line (numbers in full precision, null → empty field, text
 * neutralised against formula injection). Throws NonFiniteOutputError for a number that is not finite.
 */
export function formatCsvTables(tables: readonly (readonly (readonly OutputCell[])[])[]): string {
  return tables.map((rows) => formatCsvRows(rows)).join("\n");
}

/** At most `limit` items of a list for a message, with how many more there are. */
export function listForMessage(items: readonly string[], limit = 10): string {
  const shown = items.slice(0, limit).join(", ");
  return items.length > limit ? `${shown}, … (${items.length} in all)` : shown;
}

/** "1 value", "3 values": a count and its noun, for messages. */
export function countOf(count: number, singular: string, plural = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : plural}`;
}
