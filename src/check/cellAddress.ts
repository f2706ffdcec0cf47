/*
 * A1 addresses: column letters, cells and ranges, and the sheet-qualified references workbook names hold
 * ('My Book'!$A$1:$B$2). Rows and columns are 1-based, as Excel and exceljs count them.
 */

export interface CellPosition {
  row: number;
  column: number;
}

export interface SheetRange {
  sheet: string;
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export function columnLetters(column: number): string {
  let letters = "";
  for (let rest = column; rest > 0; rest = Math.floor((rest - 1) / 26)) letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  return letters;
}

export function columnNumber(letters: string): number {
  let column = 0;
  for (const letter of letters.toUpperCase()) column = column * 26 + (letter.charCodeAt(0) - 64);
  return column;
}

/** "K7": A1 style without `$`, as findings name cells. */
export function cellName(row: number, column: number): string {
  return `${columnLetters(column)}${row}`;
}

const CELL_PATTERN = /^\$?([A-Za-z]{1,3})\$?(\d+)$/;

export function parseCell(text: string): CellPosition | null {
  const match = CELL_PATTERN.exec(text.trim());
  if (!match) return null;
  return { row: Number(match[2]), column: columnNumber(match[1] ?? "") };
}

/** "A1:B9" or "A1" (one cell) on `sheet`; null when it is not a cell range. */
export function parseRange(text: string, sheet: string): SheetRange | null {
  const [first = "", second] = text.split(":");
  const from = parseCell(first);
  const to = second === undefined ? from : parseCell(second);
  if (!from || !to) return null;
  return {
    sheet,
    top: Math.min(from.row, to.row),
    left: Math.min(from.column, to.column),
    bottom: Math.max(from.row, to.row),
    right: Math.max(from.column, to.column),
  };
}

/** "'My Book'!$A$1:$B$2" or "Sheet1!A1" (what a workbook name refers to); null for anything else (a constant, a formula). */
export function parseSheetReference(text: string): SheetRange | null {
  const trimmed = text.trim().replace(/^=/, "");
  const bang = trimmed.lastIndexOf("!");
  if (bang <= 0) return null;
  const sheetPart = trimmed.slice(0, bang);
  const sheet = sheetPart.startsWith("'") && sheetPart.endsWith("'") ? sheetPart.slice(1, -1).replace(/''/g, "'") : sheetPart;
  if (sheet.includes("[")) return null; // an external workbook
  return parseRange(trimmed.slice(bang + 1), sheet);
}

export function describeRange(range: SheetRange): string {
  const sheet = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(range.sheet) ? range.sheet : `'${range.sheet.replace(/'/g, "''")}'`;
  const first = cellName(range.top, range.left);
  const last = cellName(range.bottom, range.right);
  return `${sheet}!${first === last ? first : `${first}:${last}`}`;
}
