/*
 * Reading cells back from Range.values: an empty cell arrives as "" (null from some fakes), numbers as numbers,
 * booleans as booleans, errors as their text ("#REF!"). Helpers for the loaders' checks and messages. Pure.
 */

export function isBlankCell(value: unknown): boolean {
  return value === null || value === undefined || value === "";
}

/** A cell as a user would recognise it in a message. */
export function describeCell(value: unknown): string {
  if (isBlankCell(value)) return "blank";
  if (typeof value === "string") return `"${value.length > 40 ? `${value.slice(0, 39)}…` : value}"`;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return String(value);
}

/** Rows × columns when every row has the same length, else null. */
export function gridShape(values: unknown[][]): { rows: number; columns: number } | null {
  const columns = values[0]?.length ?? 0;
  return values.every((row) => Array.isArray(row) && row.length === columns) ? { rows: values.length, columns } : null;
}
