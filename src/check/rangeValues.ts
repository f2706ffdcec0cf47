/* The cached values of a range of a loaded book, as the readers of src/ranges and the pane take them. */
import { SheetRange } from "./cellAddress";
import { cachedValueOf } from "./cellValues";
import { LoadedWorkbook, findSheet } from "./workbookLoading";

/** Values row by row; blanks as null, errors as their code ("#N/A"), what a formula shows as it was saved. */
export function readRangeValues(book: LoadedWorkbook, range: SheetRange): unknown[][] | null {
  const sheet = findSheet(book, range.sheet);
  if (sheet === null) return null;
  const rows: unknown[][] = [];
  for (let row = range.top; row <= range.bottom; row++) {
    const values: unknown[] = [];
    for (let column = range.left; column <= range.right; column++) {
      const cell = sheet.findCell(row, column);
      const value = cell === undefined ? null : cachedValueOf(cell, book.date1904);
      values.push(value === undefined ? null : typeof value === "object" && value !== null ? value.code : value);
    }
    rows.push(values);
  }
  return rows;
}
