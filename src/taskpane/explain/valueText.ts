/*
 * Values as the explanation writes them: one cell ("0.3752403469", "\"bsm\"", "blank", "TRUE", "#VALUE!") and a range
 * abbreviated ("12 rows × 1 column: 95000, 3400, 180, 95000, 3400, … (12 cells)"). Pure.
 */

/** A CustomFunctions.Error (the runtime's or the stub's): an Excel error code and maybe a message. */
export function isExcelError(value: unknown): value is { code: string; message?: unknown } {
  return typeof value === "object" && value !== null && typeof (value as { code?: unknown }).code === "string" && (value as { code: string }).code.startsWith("#");
}

/** Cells shown of a range before "…". */
export const SHOWN_CELLS = 6;
const LONGEST_TEXT = 40;

function numberText(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  // Ten significant digits: enough to compare with Excel's display, short enough to read.
  return String(Number(value.toPrecision(10)));
}

export function describeValue(value: unknown): string {
  if (value === null || value === undefined || value === "") return "blank";
  if (typeof value === "number") return numberText(value);
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "string") return `"${value.length > LONGEST_TEXT ? `${value.slice(0, LONGEST_TEXT - 1)}…` : value}"`;
  if (isExcelError(value)) return value.code;
  return String(value);
}

/** What a cell shows (Range.values): an error text such as "#VALUE!" stays as it is; null when nothing was read. */
export function describeShown(value: unknown): string | null {
  if (value === undefined) return null;
  if (typeof value === "string" && /^#[A-Z0-9/!?.]+$/i.test(value)) return value;
  return describeValue(value);
}

function plural(count: number, word: string): string {
  return `${count.toLocaleString("en-US")} ${word}${count === 1 ? "" : "s"}`;
}

/** One value as is; a range with its shape and its first cells (row by row). */
export function describeValues(values: readonly (readonly unknown[])[]): string {
  const rows = values.length;
  const columns = values[0]?.length ?? 0;
  if (rows === 1 && columns === 1) return describeValue(values[0]?.[0]);
  const cells = values.flat();
  const shown = cells.slice(0, SHOWN_CELLS).map(describeValue).join(", ");
  const more = cells.length > SHOWN_CELLS ? `, … (${plural(cells.length, "cell")})` : "";
  return `${plural(rows, "row")} × ${plural(columns, "column")}: ${shown}${more}`;
}
