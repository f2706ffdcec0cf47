/*
 * A rectangle of cells to write, with the number format of each cell. Text cells get the Text format ("@") before
 * their value is written: Excel reads a string written through Range.values as if typed, so "=BTC", "+1", "-x", "@x"
 * would become formulas, "1e3" a number, "TRUE" a boolean and an ISO date-time a date serial. With "@" the string is
 * kept exactly. Number, boolean, blank and formula cells get "General" (a formula in a "@" cell would stay text). Pure.
 */
import { boxAddress } from "./a1Address";

export type CellContent = string | number | boolean;

export const TEXT_FORMAT = "@";
export const GENERAL_FORMAT = "General";

/** One cell: what to write and its number format. */
export interface CellSpec {
  content: CellContent;
  format: string;
}

/** Written with Range.values ("values") or Range.formulas ("formulas"), after Range.numberFormat. */
export interface SheetBlock {
  address: string;
  kind: "values" | "formulas";
  cells: CellContent[][];
  numberFormats: string[][];
}

export function text(value: string): CellSpec {
  return { content: value, format: TEXT_FORMAT };
}

export function numberCell(value: number): CellSpec {
  if (!Number.isFinite(value)) throw new RangeError(`${value} cannot go in a cell: only finite numbers can`);
  return { content: value, format: GENERAL_FORMAT };
}

export function flag(value: boolean): CellSpec {
  return { content: value, format: GENERAL_FORMAT };
}

/** An empty cell ("" clears it; null in Range.values would leave the old content). */
export function blank(): CellSpec {
  return { content: "", format: GENERAL_FORMAT };
}

export function formula(value: string): CellSpec {
  if (!value.startsWith("=")) throw new Error(`formula ${value} must start with =`);
  return { content: value, format: GENERAL_FORMAT };
}

/** A block whose top-left cell is (top, left), zero-based; rows must all be as long as the first. */
export function block(top: number, left: number, rows: CellSpec[][], kind: SheetBlock["kind"] = "values"): SheetBlock {
  const columns = rows[0]?.length ?? 0;
  if (rows.length === 0 || columns === 0) throw new RangeError("a block needs at least one cell");
  if (rows.some((row) => row.length !== columns)) throw new RangeError("every row of a block must have the same number of cells");
  return {
    address: boxAddress({ top, left, rows: rows.length, columns }),
    kind,
    cells: rows.map((row) => row.map((cell) => cell.content)),
    numberFormats: rows.map((row) => row.map((cell) => cell.format)),
  };
}
