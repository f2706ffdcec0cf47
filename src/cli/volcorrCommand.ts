/*
 * `xvega volcorr HISTORY.csv`: correlations and vol-of-vols of daily implied-vol changes estimated from a history of
 * vol levels (DOMAIN.md §3), sample or EWMA, by core's estimateVolCorrelation. Its CSV output is what `xvega hedge`
 * reads as --corr and as --volvol. The command-line twin of XV.VOLCORR.
 */
import {
  CorrelationInputError,
  HistoryCell,
  HistoryOrder,
  implausibleLevelProblem,
  VolCorrelationEstimate,
  VolHistory,
  describeDayNumber,
  estimateVolCorrelation,
  historyOrderFromDates,
  isDateHeader,
  isSummaryLabel,
  readDateTexts,
} from "../core/correlation";
import { isCellProblem, quoteField, readRequiredNumber } from "./cellParsing";
import { PROGRAM_NAME, readChoiceOption } from "./commandLine";
import { CsvLine, countOf, formatCsvTables, isBlankLine, listForMessage, readCsvLines } from "./csvSections";
import { OUTPUT_FORMATS, OutputFormat, checkUniqueColumnNames, fitsHeader, parseOutputFormat, readInputFile } from "./csvTable";
import { formatJsonDocument } from "./jsonOutput";
import { matrixRows } from "./matrixFile";
import { CHANGES_WORDS, ChangesWord, parseChangesWord, readNumberOption } from "./optionValues";
import { CliIo, EXIT_STATUS, ExitStatus, InputDataError, ParsedCommandLine, Subcommand, UnusableInputError } from "./subcommand";

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

interface ReadHistory {
  history: VolHistory;
  /** The file line of each level row, in file order. */
  rows: CsvLine[];
  dated: boolean;
  /** Why the order of the dates could not be checked (for a note), or null. */
  uncheckableOrder: string | null;
}

function readHistory(text: string, path: string): ReadHistory {
  const { header, rows } = historyLines(readCsvLines(text, path), path);
  checkUniqueColumnNames(header, path);
  const dated = hasDateColumn(header, rows);
  const firstAsset = dated ? 1 : 0;
  const assets = header.slice(firstAsset);
  if (assets.length === 0) throw new UnusableInputError(`${path} has no asset columns after its date column: give one column of vol levels per asset`);
  const blank = assets.indexOf("");
  if (blank !== -1) throw new UnusableInputError(`column ${blank + firstAsset + 1} of ${path} has no name: name every asset column (BTC, ETH, …)`);

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
  if (problems.length > 0) throw new InputDataError(problems, `no correlations estimated: fix the ${problems.length === 1 ? "problem" : countOf(problems.length, "problem")} above (a blank cell is read as a missing quote)`);
  return { history: { assets, levels, order }, rows, dated, uncheckableOrder: uncheckable };
}

function readLambda(commandLine: ParsedCommandLine): number | undefined {
  const lambda = readNumberOption(commandLine, "lambda", "an EWMA decay 0 < λ ≤ 1 (RiskMetrics daily: 0.94)");
  if (lambda !== undefined && !(lambda > 0 && lambda <= 1)) {
    throw new UnusableInputError(`--lambda ${lambda} must be in (0, 1] (RiskMetrics daily: 0.94); leave it out for the sample estimate`);
  }
  return lambda;
}

/** The file lines of the rows skipped for gaps, and each as a message shows it: "2025-01-04 (line 5)", or "line 5" undated. */
function skippedRows(read: ReadHistory, estimate: VolCorrelationEstimate): { lines: number[]; described: string[] } {
  const rows = estimate.incompleteLevelRows.map((position) => read.rows[position]).filter((row): row is CsvLine => row !== undefined);
  const described = rows.map((row) => {
    const date = read.dated ? (row.fields[0] ?? "").trim() : "";
    return date === "" ? `line ${row.line}` : `${date} (line ${row.line})`;
  });
  return { lines: rows.map((row) => row.line), described };
}

function formatEstimate(
  format: OutputFormat,
  estimate: VolCorrelationEstimate,
  changes: ChangesWord,
  order: HistoryOrder,
  skippedLines: number[],
): string {
  if (format === "csv") {
    // The top-left cell of each table says which changes it describes, as XV.VOLCORR's spill does (xvega hedge checks it).
    const volvols = [[changes, "volvol"], ...estimate.assets.map((asset, index) => [asset, estimate.volOfVols[index] ?? null])];
    return formatCsvTables([matrixRows(estimate.assets, estimate.correlation, changes), volvols]);
  }
  const document = {
    names: estimate.assets,
    correlation: estimate.correlation,
    volvols: estimate.volOfVols,
    changes,
    method: estimate.method,
    lambda: estimate.lambda,
    rows_used: estimate.levelRowCount - estimate.incompleteLevelRows.length,
    rows_skipped: estimate.incompleteLevelRows.length,
    skipped_lines: skippedLines,
    daily_changes: estimate.changeCount,
    order: order === "newestFirst" ? "newest_first" : "oldest_first",
    warnings: estimate.warnings.map((warning) => ({ code: warning.code, message: warning.message })),
  };
  return formatJsonDocument(document);
}

function runVolcorr(commandLine: ParsedCommandLine, io: CliIo): ExitStatus {
  const format = readChoiceOption(commandLine, "format", OUTPUT_FORMATS, parseOutputFormat, "csv");
  const changes = readChoiceOption(commandLine, "changes", CHANGES_WORDS, parseChangesWord, "abs");
  const lambda = readLambda(commandLine);
  const path = commandLine.operands[0] ?? "";
  const read = readHistory(readInputFile(io, path), path);
  let estimate: VolCorrelationEstimate;
  try {
    estimate = estimateVolCorrelation(read.history, {
      changes: changes === "log" ? "log" : "absolute",
      ...(lambda === undefined ? { method: "sample" } : { method: "ewma", lambda }),
    });
  } catch (error) {
    if (error instanceof CorrelationInputError) throw new InputDataError([`${path}: ${error.message}`], "no correlations estimated");
    throw error;
  }
  const skipped = skippedRows(read, estimate);
  io.stdout(formatEstimate(format, estimate, changes, read.history.order ?? "oldestFirst", skipped.lines));
  const notes: string[] = [];
  if (read.history.order === "newestFirst") notes.push("note: the dates fall, so the rows were read newest first");
  if (read.uncheckableOrder !== null) notes.push(`warning: the order of the dates could not be checked (${read.uncheckableOrder}): make sure the rows run oldest first, or write the dates as 2025-12-05`);
  if (skipped.lines.length > 0) {
    notes.push(
      `note: skipped ${countOf(skipped.lines.length, "row")} with gaps: ${listForMessage(skipped.described)}; ` +
        `estimated from ${countOf(estimate.changeCount, "daily change")} over ${countOf(estimate.levelRowCount, "row")}`,
    );
  }
  for (const warning of estimate.warnings) notes.push(`warning: ${warning.message}`);
  if (notes.length > 0) io.stderr(notes.map((note) => `${PROGRAM_NAME} volcorr: ${note}\n`).join(""));
  return EXIT_STATUS.ok;
}

export const volcorrCommand: Subcommand = {
  name: "volcorr",
  summary: "Correlations and vol-of-vols of daily implied-vol changes from a history of vol levels, like XV.VOLCORR.",
  operands: [{ name: "HISTORY.csv", description: "one row per date, oldest first; a header of asset names, optionally a date column first" }],
  options: {
    lambda: { type: "string", valueName: "0.94", description: "EWMA with this daily decay (RiskMetrics: 0.94); without it, the sample estimate" },
    changes: { type: "string", valueName: "abs|log", description: "abs (default): vol-point differences; log: ln(level / previous level)" },
    format: { type: "string", valueName: "csv|json", description: "csv (default: the matrix, a blank line, asset,volvol) or json (one object)" },
  },
  details: `Input: a header of asset names, then one row of implied-vol levels per date, oldest first (ISO dates that
fall are read newest first). The first column is dates, not an asset, when its header is blank or names dates (date,
day, time, timestamp, as of, …) or its values are text. A blank cell (or #N/A, NA, NaN, null) is a missing quote: the
row is skipped, with the daily changes into and out of it (no change spans two days), and counted on stderr.

Output (stdout), CSV: the labelled correlation matrix (abs,BTC,ETH / BTC,1,ρ / …), a blank line, then the
vol-of-vols (abs,volvol / BTC,2.1 / …: standard deviation of daily changes, vol points per day with abs, log units per
day with log). The top-left cell of each table is the kind of changes, abs or log, as in XV.VOLCORR's spill. This file
can be given as it is to ${PROGRAM_NAME} hedge --corr and --volvol, which refuse it if --changes says otherwise. JSON: {"names", "correlation", "volvols", "changes",
"method", "lambda", "rows_used", "rows_skipped", "skipped_lines", "daily_changes", "order", "warnings"}.

Estimators: sample (mean removed, divisor n − 1), or EWMA (zero mean, weights λ^age normalised to sum to 1).

Exit status: 0 estimated; 2 nothing printed: a level that is not a number, dates out of order, fewer than 2 complete
daily changes (the counts found and needed on stderr), an asset that never moved, a level ≤ 0 with log changes;
1 unusable input (missing file, no asset columns, a column name given twice, a bad option).

Example: ${PROGRAM_NAME} volcorr dvol.csv --lambda 0.94 > estimate.csv`,
  run: runVolcorr,
};
