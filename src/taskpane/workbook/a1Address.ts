/*
 * A1-style addresses, as the pane writes them and Excel accepts them: zero-based boxes in, "B3:D5" out, and the
 * sheet-qualified addresses the user selects ("'My Book'!A6:A17") split and made absolute for formulas. Pure.
 */

/** A rectangle of cells; `top` and `left` are zero-based (A1 is 0, 0). */
export interface CellBox {
  top: number;
  left: number;
  rows: number;
  columns: number;
}

/** Excel's last column (XFD) and row, zero-based. */
const LAST_COLUMN = 16383;
const LAST_ROW = 1048575;

/** 0 → A, 25 → Z, 26 → AA. */
export function columnLetters(column: number): string {
  if (!Number.isInteger(column) || column < 0 || column > LAST_COLUMN) throw new RangeError(`column ${column} is outside A..XFD`);
  let letters = "";
  for (let rest = column + 1; rest > 0; rest = Math.floor((rest - 1) / 26)) {
    letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  }
  return letters;
}

/** "B3" for (row 2, column 1); with `absolute`, "$B$3". */
export function cellAddress(row: number, column: number, absolute = false): string {
  if (!Number.isInteger(row) || row < 0 || row > LAST_ROW) throw new RangeError(`row ${row + 1} is outside 1..${LAST_ROW + 1}`);
  const dollar = absolute ? "$" : "";
  return `${dollar}${columnLetters(column)}${dollar}${row + 1}`;
}

/** "B3" for one cell, "B3:D5" for more; with `absolute`, "$B$3:$D$5". */
export function boxAddress(box: CellBox, absolute = false): string {
  if (box.rows < 1 || box.columns < 1) throw new RangeError(`a block of ${box.rows} × ${box.columns} cells has no address`);
  const first = cellAddress(box.top, box.left, absolute);
  if (box.rows === 1 && box.columns === 1) return first;
  return `${first}:${cellAddress(box.top + box.rows - 1, box.left + box.columns - 1, absolute)}`;
}

const CELL_PATTERN = /^\$?([A-Za-z]{1,3})\$?([1-9][0-9]{0,6})$/;

function parseCell(text: string): { row: number; column: number } | null {
  const match = CELL_PATTERN.exec(text.trim());
  if (!match) return null;
  const [, letters = "", digits = ""] = match;
  let column = 0;
  for (const letter of letters.toUpperCase()) column = column * 26 + (letter.charCodeAt(0) - 64);
  const position = { row: Number(digits) - 1, column: column - 1 };
  return position.row <= LAST_ROW && position.column <= LAST_COLUMN ? position : null;
}

/** The box of "B3" or "B3:D5" (with or without $), or null when it is not a cell or range reference. */
export function parseBoxAddress(reference: string): CellBox | null {
  const corners = reference.split(":");
  if (corners.length > 2) return null;
  const first = parseCell(corners[0] ?? "");
  const last = corners.length === 2 ? parseCell(corners[1] ?? "") : first;
  if (!first || !last) return null;
  const top = Math.min(first.row, last.row);
  const left = Math.min(first.column, last.column);
  return { top, left, rows: Math.abs(last.row - first.row) + 1, columns: Math.abs(last.column - first.column) + 1 };
}

/** A sheet name as a formula needs it: bare when it is a plain word, else in single quotes with ' doubled. */
export function quoteSheetName(sheetName: string): string {
  const plain = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheetName) && parseCell(sheetName) === null;
  return plain ? sheetName : `'${sheetName.replace(/'/g, "''")}'`;
}

/** "'My Book'!A6:A17" → { sheetName: "My Book", reference: "A6:A17" }; null without a sheet or a valid reference. */
export function splitSheetAddress(address: string): { sheetName: string; reference: string } | null {
  const bang = address.lastIndexOf("!");
  if (bang <= 0) return null;
  let sheetName = address.slice(0, bang).trim();
  const reference = address.slice(bang + 1).trim();
  if (sheetName.length >= 2 && sheetName.startsWith("'") && sheetName.endsWith("'")) {
    sheetName = sheetName.slice(1, -1).replace(/''/g, "'");
  }
  if (sheetName === "" || parseBoxAddress(reference) === null) return null;
  return { sheetName, reference };
}

/** A sheet-qualified address made absolute for a formula: "Positions!A6:A17" → "Positions!$A$6:$A$17". */
export function absoluteSheetReference(address: string): string {
  const parts = splitSheetAddress(address);
  const box = parts ? parseBoxAddress(parts.reference) : null;
  if (!parts || !box) {
    throw new Error(`${address} is not a sheet-qualified range address: give one such as Positions!A6:A17`);
  }
  return `${quoteSheetName(parts.sheetName)}!${boxAddress(box, true)}`;
}
