/*
 * A history of implied-vol levels in a CSV file, as `xvega volcorr` and `xvega backtest` read it (XV.VOLCORR's
 * layout): a header of asset names, optionally a date column first, one row per date, gaps as blank cells or #N/A,
 * and the EWMA decay option both estimate with. Every level row keeps its file line, so that messages and the
 * backtest's dates point at the line a user sees in an editor.
 */
import {
  HistoryCell,
  HistoryOrder,
  VolHistory,
  describeDayNumber,
  historyOrderFromDates,
  implausibleLevelProblem,
  isDateHeader,
  isSummaryLabel,
  readDateTexts,
} from "../core/correlation";
import { isCellProblem, quoteField, readRequiredNumber } from "./cellParsing";
import { CsvLine, countOf, isBlankLine, readCsvLines } from "./csvSections";
import { checkUniqueColumnNames, fitsHeader } from "./csvTable";
import { readNumberOption } from "./optionValues";
import { InputDataError, ParsedCommandLine, UnusableInputError } from "./subcommand";

/** Cells that mean "no quote that day": what Excel, pandas and R write for a missing value. */
const GAP_MARKER = /^(#N\/A|#[A-Z0-9/]+[!?]|N\/?A|NaN|null)$/i;

const LEVEL = { column: "level", expected: "a vol level (65 for 65 vol points, or 0.65); leave the cell blank for a missing quote", percentAllowed: false };

type Cell = { kind: "gap" } | { kind: "number"; value: number } | { kind: "text"; text: string };

function readCell(text: string | undefined): Cell {
  const trimmed = (text ?? "").trim();
  if (trimmed === "" || GAP_MARKER.test(trimmed)) return { kind: "gap" };
  const value = readRequiredNumber(trimmed, LEVEL);
  return isCellProblem(value) ? { kind: "text", text: trimmed } : { kind: "number", value };
}

/** The data lines between the header and the last non-blank line; blank ones in between are dates without quotes. */
function historyLines(lines: readonly CsvLine[], path: string): { header: string[]; rows: CsvLine[] } {
  const headerIndex = lines.findIndex((line) => !isBlankLine(line));
  const headerLine = lines[headerIndex];
  if (headerLine === undefined) throw new UnusableInputError(`${path} has no header row (it holds no CSV records)`);
  let end = lines.length;
  while (end > headerIndex + 1 && isBlankLine(lines[end - 1] as CsvLine)) end--;
  return { header: headerLine.fields.map((name) => name.trim()), rows: lines.slice(headerIndex + 1, end) };
}

/**
 * Whether the first column holds dates rather than an asset's levels: its header is blank or names dates, or its
 * values are text and none is a number (blanks and gap markers aside).
 */
function hasDateColumn(header: readonly string[], rows: readonly CsvLine[]): boolean {
  const name = header[0] ?? "";
  if (name === "" || isDateHeader(name)) return true;
  let texts = 0;
  for (const row of rows) {
    const cell = readCell(row.fields[0]);
    if (cell.kind === "number") return false;
    if (cell.kind === "text") texts++;
  }
  return texts > 0;
}

/**
 * oldestFirst unless the dates fall strictly; a problem when they are out of order or repeated. Dates are read by the
 * core's `readDateTexts` (ISO, day/month/year or month/day/year when the column settles it, day-Mon-year), as the
 * Excel functions read text dates; `uncheckable` says why the order could not be checked, for a note.
 */
function orderOfDates(rows: readonly CsvLine[], path: string): { order: HistoryOrder; problem: string | null; uncheckable: string | null } {
  const entries = rows.map((row) => ({ position: row.line, text: (row.fields[0] ?? "").trim() })).filter((entry) => entry.text !== "");
  if (entries.length < 2) return { order: "oldestFirst", problem: null, uncheckable: null };
  const read = readDateTexts(entries.map((entry) => entry.text));
  if (read.uncheckable !== null) return { order: "oldestFirst", problem: null, uncheckable: read.uncheckable };
  const { order, problem } = historyOrderFromDates(entries.map((entry, index) => ({ position: entry.position, date: read.days[index] as number })));
  if (!problem) return { order, problem: null, uncheckable: null };
  const { before, after } = problem;
  const text = (position: number): string => entries.find((entry) => entry.position === position)?.text ?? describeDayNumber(0);
  return {
    order: "oldestFirst",
    problem: `${path} line ${after.position}: date ${text(after.position)} ${problem.kind === "repeated" ? "repeats" : "is out of order after"} ${text(before.position)} (line ${before.position}): sort the history by date, oldest first, with one row per date`,
    uncheckable: null,
  };
}

export interface ReadHistory {
  history: VolHistory;
  /** The file line of each level row, in file order. */
  rows: CsvLine[];
  dated: boolean;
  /** Why the order of the dates could not be checked (for a note), or null. */
  uncheckableOrder: string | null;
}

export interface HistoryReadingOptions {
  /** The end of the message after the bad values, saying what was not done: "no correlations estimated". */
  refusal: string;
  /**
   * Whether the command uses an asset column (default: every one). The cells of a column it does not use are not
   * checked and read as gaps: a typo in a column nobody asked for must not stop the run.
   */
  usesColumn?: (asset: string) => boolean;
}

/**
 * Reads a history file (layout in the file comment). Throws UnusableInputError for a file without a header, asset
 * columns or unique names; InputDataError naming every level that is not a number or not plausible, a summary row,
 * a row of the wrong width, or dates out of order.
 */
export function readHistoryFile(text: string, path: string, options: HistoryReadingOptions): ReadHistory {
  const { header, rows } = historyLines(readCsvLines(text, path), path);
  checkUniqueColumnNames(header, path);
  const dated = hasDateColumn(header, rows);
  const firstAsset = dated ? 1 : 0;
  const assets = header.slice(firstAsset);
  if (assets.length === 0) throw new UnusableInputError(`${path} has no asset columns after its date column: give one column of vol levels per asset`);
  const blank = assets.indexOf("");
  if (blank !== -1) throw new UnusableInputError(`column ${blank + firstAsset + 1} of ${path} has no name: name every asset column (BTC, ETH, …)`);
  const used = assets.map((asset) => options.usesColumn?.(asset) ?? true);

  const problems: string[] = [];
  const levels: HistoryCell[][] = rows.map((row) => {
    if (isBlankLine(row)) return assets.map(() => null);
    const summary = row.fields.find((field) => isSummaryLabel(field));
    if (summary !== undefined) {
      problems.push(`${path} line ${row.line} is a summary row (${quoteField(summary.trim())}), not a day: remove it from the history`);
      return assets.map(() => null);
    }
    if (!fitsHeader(row.fields, header.length)) {
      problems.push(`${path} line ${row.line}: the row has ${row.fields.length} fields but the header has ${header.length}: check for a missing or extra comma`);
      return assets.map(() => null);
    }
    return assets.map((asset, index) => {
      if (!used[index]) return null;
      const cell = readCell(row.fields[firstAsset + index]);
      const implausible = cell.kind === "number" ? implausibleLevelProblem(cell.value) : null;
      if (implausible !== null) {
        problems.push(`${path} line ${row.line}, ${asset}: ${implausible}`);
        return null;
      }
      if (cell.kind === "number") return cell.value;
      if (cell.kind === "text") problems.push(`${path} line ${row.line}, ${asset}: level ${quoteField(cell.text)} is not a number; expected ${LEVEL.expected}`);
      return null;
    });
  });
  const { order, problem, uncheckable } = dated ? orderOfDates(rows, path) : { order: "oldestFirst" as const, problem: null, uncheckable: null };
  if (problem !== null) problems.push(problem);
  if (problems.length > 0) throw new InputDataError(problems, `${options.refusal}: fix the ${problems.length === 1 ? "problem" : countOf(problems.length, "problem")} above (a blank cell is read as a missing quote)`);
  return { history: { assets, levels, order }, rows, dated, uncheckableOrder: uncheckable };
}

/** A level row's date as written (trimmed), or null when the file has no date column or the cell is blank. */
export function historyRowDate(read: ReadHistory, position: number): string | null {
  const row = read.rows[position];
  const date = read.dated && row !== undefined ? (row.fields[0] ?? "").trim() : "";
  return date === "" ? null : date;
}

/** A level row (0-based position in the file's rows) as a message shows it: "2025-01-04 (line 5)", or "line 5" undated. */
export function describeHistoryRow(read: ReadHistory, position: number): string {
  const line = read.rows[position]?.line ?? position + 2;
  const date = historyRowDate(read, position);
  return date === null ? `line ${line}` : `${date} (line ${line})`;
}

/** The note on how the order of the rows was taken, when it is worth one (newest first, or dates that could not be read). */
export function historyOrderNotes(read: ReadHistory): string[] {
  const notes: string[] = [];
  if (read.history.order === "newestFirst") notes.push("note: the dates fall, so the rows were read newest first");
  if (read.uncheckableOrder !== null) notes.push(`warning: the order of the dates could not be checked (${read.uncheckableOrder}): make sure the rows run oldest first, or write the dates as 2025-12-05`);
  return notes;
}

/** --lambda: an EWMA decay in (0, 1]; undefined when absent (the sample estimate). */
export function readLambdaOption(commandLine: ParsedCommandLine): number | undefined {
  const lambda = readNumberOption(commandLine, "lambda", "an EWMA decay 0 < λ ≤ 1 (RiskMetrics daily: 0.94)");
  if (lambda !== undefined && !(lambda > 0 && lambda <= 1)) {
    throw new UnusableInputError(`--lambda ${lambda} must be in (0, 1] (RiskMetrics daily: 0.94); leave it out for the sample estimate`);
  }
  return lambda;
}
