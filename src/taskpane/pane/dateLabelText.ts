/* How the Stability tab shows a backtest day's date: its label from the history's date column, or its row. Pure. */
import type { DateLabel } from "../../core/backtest";

/** Excel's serial of 1970-01-01. */
const UNIX_EPOCH_SERIAL = 25569;
const MILLISECONDS_PER_DAY = 86_400_000;

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
