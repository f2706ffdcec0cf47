/*
 * The date column of a vol-level history, as the Excel functions and the command line both read it: which header
 * marks one, and which way its dates run.
 */
import type { HistoryOrder } from "./volChanges";

/** A first-column header that marks a date column (any case, trimmed): "Date", "Date (UTC)", "Timestamp", "As of"… */
const DATE_HEADER = /^(dates?|datetime|date ?\/ ?time|timestamp|time|days?|as ?of)(\s*\(.*\))?$/i;

export function isDateHeader(text: string): boolean {
  return DATE_HEADER.test(text.trim());
}

/** One dated row: where it is (a sheet row, a file line) and its date as something that sorts (a serial, an ISO text). */
export interface DatedRow<Key extends number | string> {
  position: number;
  date: Key;
}

/** Why the dates cannot be read one way: two neighbouring rows with the same date, or against the direction. */
export interface DateOrderProblem<Key extends number | string> {
  kind: "repeated" | "outOfOrder";
  before: DatedRow<Key>;
  after: DatedRow<Key>;
}

/**
 * oldestFirst, or newestFirst when the dates fall. Dates must run one way, strictly: a repeated date is a row pasted
 * twice, a turn is an unsorted table; either is returned as the problem (with the order read so far, never used).
 */
export function historyOrderFromDates<Key extends number | string>(
  dates: readonly DatedRow<Key>[],
): { order: HistoryOrder; problem: DateOrderProblem<Key> | null } {
  if (dates.length < 2) return { order: "oldestFirst", problem: null };
  const falling = (dates[1] as DatedRow<Key>).date < (dates[0] as DatedRow<Key>).date;
  const order: HistoryOrder = falling ? "newestFirst" : "oldestFirst";
  for (let k = 1; k < dates.length; k++) {
    const before = dates[k - 1] as DatedRow<Key>;
    const after = dates[k] as DatedRow<Key>;
    if (after.date === before.date) return { order, problem: { kind: "repeated", before, after } };
    if (after.date < before.date !== falling) return { order, problem: { kind: "outOfOrder", before, after } };
  }
  return { order, problem: null };
}
