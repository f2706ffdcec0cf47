/* The fake workbook excelStub.js exposes on window, and reading its cells back in Node. */

export type CellValue = string | number | boolean | null;

export interface RecordedChart {
  type: string;
  /** Absolute and sheet-qualified: "'XV Stability Report'!$J$26:$L$96". */
  source: string;
  seriesBy: string;
  title: string;
  position: { start: string; end: string | null } | null;
}

export interface TestWorkbook {
  setCells(sheetName: string, topLeftAddress: string, values: CellValue[][]): void;
  select(sheetName: string, address: string): void;
  /** {"A1": value} */
  cells(sheetName: string): Record<string, CellValue>;
  /** {XV_CORR: "XV_Config!$A$4:$D$7"} */
  names(): Record<string, string>;
  sheetNames(): string[];
  chartCount(sheetName: string): number;
  /** The charts added to a sheet, as added (the fake records them; it does not draw). */
  charts(sheetName: string): RecordedChart[];
  /** {"A1": "=XV.XVEGAHEDGE(…)"} */
  formulas(sheetName: string): Record<string, string>;
  /** Types `formula` in the anchor and shows `values` as its result, spilling over their shape ("#VALUE!" is an error). */
  /** Defines a name scoped to a sheet: a sheet-qualified address or a constant formula ("=0.5"). */
  addSheetName(sheetName: string, name: string, reference: string): void;
  setFormulaResult(sheetName: string, anchorAddress: string, formula: string, values: unknown[][]): void;
}

declare global {
  interface Window {
    __xvegaTestWorkbook: TestWorkbook;
  }
}

function columnNumber(letters: string): number {
  return [...letters.toUpperCase()].reduce((total, letter) => total * 26 + letter.charCodeAt(0) - 64, 0);
}

function columnLetters(column: number): string {
  let letters = "";
  for (let rest = column; rest > 0; rest = Math.floor((rest - 1) / 26)) letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  return letters;
}

/** "XV_Config!$A$4:$D$7" or "'My sheet'!A1:B2" → its sheet and corners (1-based). */
export function parseAddress(address: string): { sheetName: string; top: number; left: number; bottom: number; right: number } {
  const match = /^(?:'((?:[^']|'')+)'|([^!]+))!\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/i.exec(address.trim());
  if (!match) throw new Error(`not a sheet-qualified A1 address: ${address}`);
  const sheetName = match[1] !== undefined ? match[1].replace(/''/g, "'") : (match[2] ?? "");
  const left = columnNumber(match[3] ?? "A");
  const top = Number(match[4]);
  return { sheetName, top, left, bottom: match[6] ? Number(match[6]) : top, right: match[5] ? columnNumber(match[5]) : left };
}

/** The values of `address` from a sheet's {"A1": value} map; missing cells are null. */
export function valuesAt(cells: Record<string, CellValue>, address: string): CellValue[][] {
  const { top, left, bottom, right } = parseAddress(address);
  const rows: CellValue[][] = [];
  for (let row = top; row <= bottom; row++) {
    const values: CellValue[] = [];
    for (let column = left; column <= right; column++) values.push(cells[`${columnLetters(column)}${row}`] ?? null);
    rows.push(values);
  }
  return rows;
}
