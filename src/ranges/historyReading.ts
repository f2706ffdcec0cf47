/*
 * Reading a history of implied-vol levels from a range for XV.VOLCORR, XV.VOLOFVOL and XV.VOLBETA, and their
 * estimation options (lambda, changes). One pass over the cells: a 10,000-row history is read in linear time.
 */
import type { HistoryCell, HistoryOrder, VolChangeKind, VolEstimationOptions, VolHistory } from "../core/correlation";
import { VOL_CHANGE_KINDS, historyOrderFromDates, isDateHeader } from "../core/correlation";
import { MAX_EXCEL_SERIAL } from "../core/time/yearFraction";
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

/** Excel serial → "2025-01-31", for messages about dates. */
function describeSerial(serial: number): string {
  if (!(serial > 0 && serial <= MAX_EXCEL_SERIAL)) return String(serial);
  return new Date(Math.round((serial - 25569) * 86_400_000)).toISOString().slice(0, 10);
}

/** A level for the engine: numbers are levels, anything else (blank, text, an error, 0 from a desktop blank) is a gap. */
function levelOf(cell: unknown): number | null {
  return typeof cell === "number" && Number.isFinite(cell) && cell !== 0 ? cell : null;
}

/** The direction of the numeric dates (serials); #VALUE! naming both rows when they repeat or turn. */
function orderFromDates(dates: readonly { row: number; serial: number }[], argument: string): HistoryOrder {
  const { order, problem } = historyOrderFromDates(dates.map(({ row, serial }) => ({ position: row, date: serial })));
  if (problem?.kind === "repeated") {
    throw new RangeInputError(
      `${argument}: the date ${describeSerial(problem.after.date)} appears in rows ${problem.before.position} and ${problem.after.position}: keep one row per date`,
    );
  }
  if (problem) {
    throw new RangeInputError(
      `${argument}: the dates are not in order (row ${problem.before.position} is ${describeSerial(problem.before.date)}, row ${problem.after.position} is ${describeSerial(problem.after.date)}): sort the table by date, oldest first`,
    );
  }
  return order;
}

/**
 * A history range: the first row names the assets; each further row is a date, oldest first. The first column is a
 * date column, skipped, when its header is blank (or 0) or a date word (DATE_HEADER); its dates, when numeric, must run
 * one way, and falling dates mean newest first. A cell that is not a number (blank, text, an error, or 0) is a gap,
 * and the engine skips its row. Trailing rows with no level at all are dropped, so the range may run past the table.
 * Row numbers in messages count the range's rows, the names row being row 1.
 */
export function readHistory(values: unknown, argument: string, changes: VolChangeKind): VolHistory {
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
  const dates: { row: number; serial: number }[] = [];
  for (let row = 1; row <= lastRow; row++) {
    const source = grid[row] ?? [];
    const levelRow = new Array<HistoryCell>(assets.length);
    for (let column = start; column < shape.columns; column++) {
      const level = levelOf(source[column]);
      if (changes === "log" && level !== null && level < 0) {
        throw new RangeInputError(
          `${argument} row ${row + 1}, ${assets[column - start]}: level ${level} must be > 0 for log changes: fix the cell, or use changes "abs"`,
        );
      }
      levelRow[column - start] = level;
    }
    levels.push(levelRow);
    const date = source[0];
    if (hasDateColumn && typeof date === "number" && date !== 0 && Number.isFinite(date)) dates.push({ row: row + 1, serial: date });
  }
  return { assets, levels, order: hasDateColumn ? orderFromDates(dates, argument) : "oldestFirst" };
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
