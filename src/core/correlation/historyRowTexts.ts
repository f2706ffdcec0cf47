/*
 * Text found in the date column (or any cell) of a vol-level history, as the Excel functions, the pane and the
 * command line read it: summary rows under the table ("Average", "Total"), which are no day, and dates typed or
 * imported as text ("2025-12-05", "05/12/2025", "5-Dec-2025"), whose order must still be checked.
 */

/** A label that marks a summary row, not a date: Average, Avg, Mean, Total, Sum, Median, Min, Max, Std dev, Count. */
const SUMMARY_LABEL = /^(average|avg|mean|total|totals|sum|subtotal|median|min|minimum|max|maximum|std\.?( ?dev\.?)?|stdev|st\.? ?dev\.?|count)\b/i;

export function isSummaryLabel(text: string): boolean {
  return SUMMARY_LABEL.test(text.trim());
}

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
/** 2025-12-05, optionally followed by a time (2025-12-05T08:00, 2025-12-05 08:00:00). */
const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/;
/** 05/12/2025, 5.12.2025, 05-12-2025: day and month in an order the column must settle. */
const NUMERIC_DATE = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[T ].*)?$/;
/** 5-Dec-2025, 5 Dec 2025, 05-December-2025. */
const MONTH_NAME_DATE = /^(\d{1,2})[ -]([a-z]{3,9})\.?[ -](\d{4})(?:[T ].*)?$/i;

/** Days since 1970-01-01 for a valid calendar date; null otherwise (31/02, month 13). */
function dayNumber(year: number, month: number, day: number): number | null {
  if (!(month >= 1 && month <= 12 && day >= 1 && day <= 31)) return null;
  const time = Date.UTC(year, month - 1, day);
  const date = new Date(time);
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return time / 86_400_000;
}

/** How a column of date texts reads, once, for all its cells. */
export interface DateTextColumn {
  /** Days since 1970-01-01 per text (same order as given); null where a text is no date in the column's format. */
  days: (number | null)[];
  /** The format read ("ISO", "day/month/year", "month/day/year", "day-Mon-year"), or null when none could be settled. */
  format: string | null;
  /** Why the dates' order cannot be checked (ambiguous day/month, mixed or unreadable formats), or null. */
  uncheckable: string | null;
}

function monthOf(name: string): number {
  const index = MONTHS.indexOf(name.slice(0, 3).toLowerCase());
  return index < 0 ? 0 : index + 1;
}

/**
 * Reads a column of date texts in one format: ISO (year-month-day), day-Mon-year, or numeric a/b/year where the column
 * settles which of a and b is the day (some a > 12: day first; some b > 12: month first). When no cell settles it
 * (every a and b ≤ 12) the order cannot be checked and `uncheckable` says why; so it does for mixed formats or a text
 * that is no date at all.
 */
export function readDateTexts(texts: readonly string[]): DateTextColumn {
  const trimmed = texts.map((text) => text.trim());
  const unread = (why: string): DateTextColumn => ({ days: trimmed.map(() => null), format: null, uncheckable: why });
  if (trimmed.length === 0) return { days: [], format: null, uncheckable: null };
  if (trimmed.every((text) => ISO_DATE.test(text))) {
    return finish(trimmed, "ISO", (text) => {
      const [, year, month, day] = ISO_DATE.exec(text) ?? [];
      return dayNumber(Number(year), Number(month), Number(day));
    });
  }
  if (trimmed.every((text) => MONTH_NAME_DATE.test(text))) {
    return finish(trimmed, "day-Mon-year", (text) => {
      const [, day, month, year] = MONTH_NAME_DATE.exec(text) ?? [];
      return dayNumber(Number(year), monthOf(month ?? ""), Number(day));
    });
  }
  if (!trimmed.every((text) => NUMERIC_DATE.test(text))) {
    const odd = trimmed.find((text) => !ISO_DATE.test(text) && !MONTH_NAME_DATE.test(text) && !NUMERIC_DATE.test(text));
    return unread(
      odd === undefined
        ? "the date texts mix formats (ISO, day-Mon-year, day/month/year)"
        : `the date text "${odd}" is not a date this reader knows (2025-12-05, 05/12/2025, 5-Dec-2025)`,
    );
  }
  const parts = trimmed.map((text) => (NUMERIC_DATE.exec(text) ?? []).slice(1, 4).map(Number));
  const dayFirst = parts.some(([first = 0]) => first > 12);
  const monthFirst = parts.some(([, second = 0]) => second > 12);
  if (dayFirst && monthFirst) return unread("the date texts put the day first in some rows and the month first in others");
  if (!dayFirst && !monthFirst) {
    // Every text reads both ways: the order is still checked when both readings run the same way, strictly.
    const asDayFirst = parts.map(([first = 0, second = 0, year = 0]) => dayNumber(year, second, first));
    const asMonthFirst = parts.map(([first = 0, second = 0, year = 0]) => dayNumber(year, first, second));
    if (runsOneWay(asDayFirst) && runsOneWay(asMonthFirst) && direction(asDayFirst) === direction(asMonthFirst)) {
      return { days: asDayFirst, format: "day/month/year or month/day/year (both run the same way)", uncheckable: null };
    }
    return unread(`every date text (such as "${trimmed[0]}") reads as day/month or month/day, and the two readings order the rows differently`);
  }
  const format = dayFirst ? "day/month/year" : "month/day/year";
  return finish(trimmed, format, (_, index) => {
    const [first = 0, second = 0, year = 0] = parts[index] ?? [];
    return dayFirst ? dayNumber(year, second, first) : dayNumber(year, first, second);
  });
}

function runsOneWay(days: readonly (number | null)[]): boolean {
  if (days.some((day) => day === null)) return false;
  const falling = direction(days) < 0;
  for (let k = 1; k < days.length; k++) {
    const step = (days[k] as number) - (days[k - 1] as number);
    if (step === 0 || step < 0 !== falling) return false;
  }
  return true;
}

function direction(days: readonly (number | null)[]): number {
  return days.length < 2 ? 1 : Math.sign((days[1] ?? 0) - (days[0] ?? 0));
}

function finish(texts: readonly string[], format: string, read: (text: string, index: number) => number | null): DateTextColumn {
  const days = texts.map(read);
  const bad = days.indexOf(null);
  if (bad >= 0) return { days, format, uncheckable: `the date text "${texts[bad]}" is no calendar date (read as ${format})` };
  return { days, format, uncheckable: null };
}

/** Days since 1970-01-01 → "2025-12-05", for messages. */
export function describeDayNumber(day: number): string {
  const date = new Date(day * 86_400_000);
  return Number.isNaN(date.getTime()) ? `day ${day} (no calendar date)` : date.toISOString().slice(0, 10);
}
