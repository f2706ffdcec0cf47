/*
 * The label of each level row of a history range, for the backtest's dates: the date cell of the row when the range
 * has a date column (the rule of readHistory: a first header cell that is blank or a date word), else the row's number
 * in the range, the names row being row 1 (a date cell left blank also falls back to its row number). Pure.
 */
import type { DateLabel } from "../../core/backtest";
import { isDateHeader } from "../../core/correlation";
import { isEmptyInRange, isNonBlankText } from "../../ranges/cellReading";
import { asGrid } from "../../ranges/rangeReading";
import { shapeOf } from "../../ranges/rangeShape";

/** Excel's serial of 1970-01-01. */
const UNIX_EPOCH_SERIAL = 25569;
const MILLISECONDS_PER_DAY = 86_400_000;

export interface HistoryRowLabels {
  /** One per row below the names row, in the range's order (index 0 = the range's row 2). */
  labels: DateLabel[];
  /** True when the labels come from a date column (numbers there are Excel date serials). */
  fromDateColumn: boolean;
}

export function historyRowLabels(values: unknown): HistoryRowLabels {
  const grid = asGrid(values);
  const first = grid[0]?.[0];
  const fromDateColumn = shapeOf(grid).columns > 1 && (isEmptyInRange(first) || (typeof first === "string" && isDateHeader(first)));
  const labels = grid.slice(1).map((row, index): DateLabel => {
    const rowNumber = index + 2;
    if (!fromDateColumn) return rowNumber;
    const cell = row[0];
    if (typeof cell === "number" && Number.isFinite(cell) && cell !== 0) return cell;
    if (isNonBlankText(cell)) return cell.trim();
    return rowNumber;
  });
  return { labels, fromDateColumn };
}

/** A label as the pane shows it: a date serial as 2025-12-05, a row number as "row 45", a text date as typed. */
export function dateLabelText(label: DateLabel, fromDateColumn: boolean): string {
  if (typeof label === "string") return label;
  if (!fromDateColumn) return `row ${label}`;
  const time = (label - UNIX_EPOCH_SERIAL) * MILLISECONDS_PER_DAY;
  const date = new Date(time);
  if (Number.isNaN(date.getTime())) return String(label);
  // A serial with a time of day is shown with it (intraday marks).
  const iso = date.toISOString();
  return Number.isInteger(label) ? iso.slice(0, 10) : `${iso.slice(0, 16).replace("T", " ")}`;
}
