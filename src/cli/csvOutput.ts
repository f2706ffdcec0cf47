/*
 * Every CSV the command line prints goes through `formatCsvRows`, for two guarantees:
 * - No formula injection (OWASP, "CSV Injection"): a text field that starts with =, +, -, @, a tab or a carriage
 *   return (or the full-width ＝ ＋ － ＠) gets a leading single quote, so that a spreadsheet shows it as text instead of
 *   running it. Text that is a number as the command line reads numbers (-10, +3, -1.5e-3, -2%) is left alone: a
 *   spreadsheet reads it as a number, not a formula, and a passed-through qty of -10 must stay -10. Numbers computed
 *   are numbers, never quoted.
 * - No Infinity or NaN (finiteOutput.ts).
 */
import { stringify } from "csv-stringify/sync";
import { checkFinite } from "./finiteOutput";

/** A cell of an output table: text, a number, or null for an empty field. */
export type CsvOutputCell = string | number | null;

const FORMULA_STARTS: ReadonlySet<string> = new Set(["=", "+", "-", "@", "\t", "\r", "\uFF1D", "\uFF0B", "\uFF0D", "\uFF20"]);
const NUMBER_TEXT = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?%?$/;

/** The text as it is safe to open in a spreadsheet: a quote before a formula's first character, numbers left alone. */
export function neutraliseFormula(text: string): string {
  return FORMULA_STARTS.has(text.charAt(0)) && !NUMBER_TEXT.test(text.trim()) ? `'${text}` : text;
}

/** "row ALT, column BTC": a cell's place, by the row's first cell and the table's header (its first row). */
function describeCell(rows: readonly (readonly CsvOutputCell[])[], rowIndex: number, columnIndex: number): string {
  const label = rows[rowIndex]?.[0];
  const column = rows[0]?.[columnIndex];
  const row = typeof label === "string" && label.trim() !== "" ? `row ${label}` : `row ${rowIndex}`;
  return typeof column === "string" && column.trim() !== "" ? `${row}, column ${column}` : `${row}, column ${columnIndex + 1}`;
}

/**
 * One table (its header first) as CSV text: numbers in full precision, null as an empty field, text neutralised.
 * Throws NonFiniteOutputError, before anything is printed, for a number that is not finite.
 */
export function formatCsvRows(rows: readonly (readonly CsvOutputCell[])[]): string {
  const safe = rows.map((row, rowIndex) =>
    row.map((cell, columnIndex) => {
      if (typeof cell === "string") return neutraliseFormula(cell);
      checkFinite(cell, () => describeCell(rows, rowIndex, columnIndex));
      return cell;
    }),
  );
  return stringify(safe);
}
