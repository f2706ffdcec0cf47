/*
 * Cell values as the check sees them, converted once from what exceljs gives: numbers (dates back to serials), text,
 * booleans, errors and blanks. exceljs traps handled here (CONTRACTS.md): a formula's cached 0 lives in `cell.result`
 * (it is dropped from `cell.value`), and date-styled serials come back as JavaScript Dates rounded to the millisecond.
 */
import type ExcelJS from "exceljs";

/** An Excel error value (#VALUE!, #N/A…), with the engine's message when the check computed it. */
export class ExcelErrorValue {
  constructor(
    readonly code: string,
    readonly message: string | null = null,
  ) {}
}

export type CheckCellValue = number | string | boolean | null | ExcelErrorValue;

const MILLISECONDS_PER_DAY = 86_400_000;
/** Days from Excel's day 0 (1899-12-30 in the 1900 system) to 1970-01-01. */
const UNIX_EPOCH_SERIAL_1900 = 25_569;
/** The 1904 date system starts 1,462 days later. */
const DATE_1904_OFFSET = 1_462;

export function dateToSerial(date: Date, date1904: boolean): number {
  const serial = date.getTime() / MILLISECONDS_PER_DAY + UNIX_EPOCH_SERIAL_1900;
  return date1904 ? serial - DATE_1904_OFFSET : serial;
}

/** A plain (non-formula) value, or a formula's cached result, as the check sees it. */
export function fromExcelJsValue(value: unknown, date1904: boolean): CheckCellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  if (value instanceof Date) return dateToSerial(value, date1904);
  if (typeof value === "object") {
    const record = value as { error?: unknown; richText?: { text: string }[]; text?: unknown; hyperlink?: unknown };
    if (typeof record.error === "string") return new ExcelErrorValue(record.error);
    if (Array.isArray(record.richText)) return record.richText.map((run) => run.text).join("");
    if (typeof record.text === "string") return record.text;
  }
  return null;
}

/** True when the cell holds a formula (its own, or a share of a shared formula). */
export function isFormulaCell(cell: ExcelJS.Cell): boolean {
  const value = cell.value as { formula?: unknown; sharedFormula?: unknown } | null;
  return typeof value === "object" && value !== null && (typeof value.formula === "string" || typeof value.sharedFormula === "string");
}

/** What a cell holds for formulas that read it: its value, or for a formula cell its cached result (undefined: none saved). */
export function cachedValueOf(cell: ExcelJS.Cell, date1904: boolean): CheckCellValue | undefined {
  if (isFormulaCell(cell)) {
    const result = (cell as unknown as { result?: unknown }).result;
    return result === undefined ? undefined : fromExcelJsValue(result, date1904);
  }
  return fromExcelJsValue(cell.value, date1904);
}

/** How a value is reported in findings: errors by their code. */
export function reportedValue(value: CheckCellValue | undefined): number | string | boolean | null {
  if (value === undefined || value === null) return null;
  if (value instanceof ExcelErrorValue) return value.code;
  return value;
}
