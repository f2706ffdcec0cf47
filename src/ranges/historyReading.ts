/*
 * Reading a history of implied-vol levels from a range for XV.VOLCORR, XV.VOLOFVOL and XV.VOLBETA, and their
 * estimation options (lambda, changes). One pass over the cells: a 10,000-row history is read in linear time.
 */
import type { HistoryCell, HistoryOrder, VolChangeKind, VolEstimationOptions, VolHistory } from "../core/correlation";
import { VOL_CHANGE_KINDS, implausibleLevelProblem, describeDayNumber, historyOrderFromDates, isDateHeader, isSummaryLabel, readDateTexts } from "../core/correlation";
import { describeCellValue, isCellProblem, isEmptyInRange, isNonBlankText, isNumericText, notANumberMessage, readOptionalChoice } from "./cellReading";
import { shapeOf } from "./rangeShape";
import { RangeInputError } from "./rangeInputError";
import { asGrid, readCellList, readSingleCell } from "./rangeReading";


const CHANGE_WORDS = new Map<string, VolChangeKind>([
  ["abs", "absolute"],
  ["absolute", "absolute"],
  ["log", "log"],
  ["relative", "log"],
]);

/** "abs"/"absolute" or "log"/"relative" (the hedge's name for log changes), any case; blank or omitted = absolute. */
export function parseVolChangeKind(text: string): VolChangeKind | null {
  return CHANGE_WORDS.get(text.trim().toLowerCase()) ?? null;
}

/**
 * The estimator from Excel's optional arguments: lambda omitted, blank or 0 → sample estimate (mean removed, n − 1;
 * 0 because the desktop passes a blank cell as 0, and λ = 0 means nothing); otherwise EWMA with that λ (the engine
 * checks 0 < λ ≤ 1).
 */
export function readEstimationOptions(lambda: unknown, changes: unknown): VolEstimationOptions & { changes: VolChangeKind } {
  const lambdaCell = readSingleCell(lambda, "lambda");
  if (!isEmptyInRange(lambdaCell) && typeof lambdaCell !== "number") {
    throw new RangeInputError(notANumberMessage("lambda", lambdaCell, "an EWMA decay 0 < λ ≤ 1 (RiskMetrics daily: 0.94), or leave it out for the sample estimate"));
  }
  const changesCell = readSingleCell(changes, "changes");
  // 0 is how the desktop passes a blank cell.
  const kind = readOptionalChoice(changesCell === 0 ? null : changesCell, "changes", VOL_CHANGE_KINDS, parseVolChangeKind, "absolute", "abs (vol-point differences), log (relative)");
  if (isCellProblem(kind)) throw new RangeInputError(kind.problem);
  return typeof lambdaCell === "number" && lambdaCell !== 0 ? { method: "ewma", lambda: lambdaCell, changes: kind } : { method: "sample", changes: kind };
}

/** Excel's serial of 9999-12-31, its last date. */
const LAST_EXCEL_DATE_SERIAL = 2958465;
/** Excel's serial of 1970-01-01: serial − this = days since 1970, the day numbers text dates are read to. */
const UNIX_EPOCH_SERIAL = 25569;

/** A history as read from a range, with what the reader could not check (the pane and XV.VOLCHECK show it). */
export interface ReadVolHistory extends VolHistory {
  /** E.g. that text dates were ambiguous, so the order of the rows could not be checked. */
  warnings: string[];
  /**
   * Per level row, what dates it: its date cell as given (an Excel serial, or a text date) when there is a date column
   * and the cell holds one, else its row number in the range (the names row is row 1). The backtest spills these.
   */
  rowDates: (number | string)[];
  /** True when the first column was read as dates (numbers in `rowDates` are then Excel date serials). */
  hasDateColumn: boolean;
}

/** A level for the engine: numbers are levels, anything else (blank, text, an error, 0 from a desktop blank) is a gap. */
function levelOf(cell: unknown): number | null {
  return typeof cell === "number" && Number.isFinite(cell) && cell !== 0 ? cell : null;
}

/** The direction of the dates (days since 1970); #VALUE! naming both rows when they repeat or turn. */
function orderFromDates(dates: readonly { row: number; day: number }[], argument: string): HistoryOrder {
  const { order, problem } = historyOrderFromDates(dates.map(({ row, day }) => ({ position: row, date: day })));
  if (problem?.kind === "repeated") {
    throw new RangeInputError(
      `${argument}: the date ${describeDayNumber(problem.after.date)} appears in rows ${problem.before.position} and ${problem.after.position}: keep one row per date`,
    );
  }
  if (problem) {
    throw new RangeInputError(
      `${argument}: the dates are not in order (row ${problem.before.position} is ${describeDayNumber(problem.before.date)}, row ${problem.after.position} is ${describeDayNumber(problem.after.date)}): sort the table by date, oldest first`,
    );
  }
  return order;
}

/**
 * The dates of the date column as days since 1970: serials as they are, text dates read in one format for the column
 * (`readDateTexts`). When the texts cannot be read (ambiguous day/month, an odd text) only the serials are checked,
 * and the warning says that the order could not be.
 */
function datesOf(cells: readonly { row: number; cell: unknown }[], argument: string): { dates: { row: number; day: number }[]; warning: string | null } {
  const serials = cells.filter((entry) => typeof entry.cell === "number" && entry.cell !== 0 && Number.isFinite(entry.cell));
  const notADate = serials.find(({ cell }) => !((cell as number) >= 1 && (cell as number) <= LAST_EXCEL_DATE_SERIAL));
  if (notADate !== undefined) {
    throw new RangeInputError(
      `${argument} row ${notADate.row}: the date ${String(notADate.cell)} is no Excel date (1 is 1900-01-01, ${LAST_EXCEL_DATE_SERIAL} is 9999-12-31): fix the date column, or give it a header other than "date" if it holds levels`,
    );
  }
  const texts = cells.filter((entry) => isNonBlankText(entry.cell));
  const serialDates = serials.map(({ row, cell }) => ({ row, day: (cell as number) - UNIX_EPOCH_SERIAL }));
  if (texts.length === 0) return { dates: serialDates, warning: null };
  const read = readDateTexts(texts.map((entry) => entry.cell as string));
  if (read.uncheckable !== null) {
    return {
      dates: serialDates,
      warning: `${argument}: the order of the dates could not be checked (${read.uncheckable}): make sure the rows run oldest first, or give the dates as Excel dates or as 2025-12-05`,
    };
  }
  const textDates = texts.map(({ row }, index) => ({ row, day: read.days[index] as number }));
  return { dates: [...serialDates, ...textDates].sort((a, b) => a.row - b.row), warning: null };
}

/** #VALUE! for a summary row ("Average", "Total", …) inside the history: it is no day, and its levels would be read as one. */
function checkNotSummaryRow(source: readonly unknown[], row: number, argument: string): void {
  const label = source.find((cell) => typeof cell === "string" && isSummaryLabel(cell));
  if (label !== undefined) {
    throw new RangeInputError(
      `${argument} row ${row + 1} is a summary row ("${(label as string).trim()}"), not a day: end the range above it (or move the summary row away from the history)`,
    );
  }
}

/**
 * A history range: the first row names the assets; each further row is a date, oldest first. The first column is a
 * date column, skipped, when its header is blank (or 0) or a date word (DATE_HEADER); its dates, when numeric, must run
 * one way, and falling dates mean newest first. A cell that is not a number (blank, text, an error, or 0) is a gap,
 * and the engine skips its row. Trailing rows with no level at all are dropped, so the range may run past the table.
 * A row labelled as a summary ("Average", "Total", "Mean", "Sum", … in any cell) is refused, naming it. Text dates are
 * read (ISO, day/month/year or month/day/year when the column settles which, day-Mon-year); when they cannot be, a
 * warning says that the order was not checked. A level above 1,000,000 is refused (no implied vol is that large).
 * Row numbers in messages count the range's rows, the names row being row 1.
 */
export function readHistory(values: unknown, argument: string, changes: VolChangeKind): ReadVolHistory {
  const grid = asGrid(values);
  const shape = shapeOf(grid);
  const header = grid[0] ?? [];
  const first = header[0];
  const hasDateColumn = shape.columns > 1 && (isEmptyInRange(first) || (typeof first === "string" && isDateHeader(first)));
  const start = hasDateColumn ? 1 : 0;
  const assets: string[] = [];
  for (let column = start; column < shape.columns; column++) {
    const name = header[column];
    if (!isNonBlankText(name) || isNumericText(name)) {
      throw new RangeInputError(
        `${argument}: column ${column + 1} of its first row is ${describeCellValue(name)}: the first row must name each asset (BTC, ETH, …), above its daily vol levels; a date column first is skipped when its header is blank or "date"`,
      );
    }
    assets.push(name);
  }
  let lastRow = shape.rows - 1;
  while (lastRow >= 1 && (grid[lastRow] ?? []).slice(start).every(isEmptyInRange)) lastRow--;
  const levels: HistoryCell[][] = [];
  const rowDates: (number | string)[] = [];
  const dateCells: { row: number; cell: unknown }[] = [];
  for (let row = 1; row <= lastRow; row++) {
    const source = grid[row] ?? [];
    checkNotSummaryRow(source, row, argument);
    const levelRow = new Array<HistoryCell>(assets.length);
    for (let column = start; column < shape.columns; column++) {
      const level = levelOf(source[column]);
      const implausible = level === null ? null : implausibleLevelProblem(level);
      if (implausible !== null) throw new RangeInputError(`${argument} row ${row + 1}, ${assets[column - start]}: ${implausible}`);
      if (changes === "log" && level !== null && level < 0) {
        throw new RangeInputError(
          `${argument} row ${row + 1}, ${assets[column - start]}: level ${level} must be > 0 for log changes: fix the cell, or use changes "abs"`,
        );
      }
      levelRow[column - start] = level;
    }
    levels.push(levelRow);
    const dateCell = hasDateColumn ? source[0] : null;
    const dated = (typeof dateCell === "number" && Number.isFinite(dateCell) && dateCell !== 0) || isNonBlankText(dateCell);
    rowDates.push(dated ? (typeof dateCell === "string" ? dateCell.trim() : (dateCell as number)) : row + 1);
    if (hasDateColumn) dateCells.push({ row: row + 1, cell: source[0] });
  }
  if (!hasDateColumn) return { assets, levels, order: "oldestFirst", warnings: [], rowDates, hasDateColumn };
  const { dates, warning } = datesOf(dateCells, argument);
  return { assets, levels, order: orderFromDates(dates, argument), warnings: warning === null ? [] : [warning], rowDates, hasDateColumn };
}

/** One asset's levels from a one-column (or one-row) range, with its header when the first cell is a name. */
export interface LevelSeries {
  /** The header (trimmed), or null when the range starts with a level. */
  name: string | null;
  /** One cell per date: a number, or null for a gap. */
  levels: HistoryCell[];
}

/** A single history column for XV.VOLBETA: an optional header cell (text that is not a number), then levels. */
export function readLevelSeries(values: unknown, argument: string): LevelSeries {
  const list = readCellList(values, argument, "daily vol levels, oldest first (a header cell on top is allowed)");
  const first = list.cells[0];
  const hasHeader = isNonBlankText(first) && !isNumericText(first);
  const cells = hasHeader ? list.cells.slice(1) : list.cells;
  return { name: hasHeader ? (first as string).trim() : null, levels: cells.map(levelOf) };
}
