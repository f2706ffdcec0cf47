/*
 * Reading whole ranges (not cell by cell) for the functions that take a table as one argument: a list of names, a
 * single option cell. Problems with the range as a whole throw #VALUE! naming the argument and its shape.
 */
import { describeShape, shapeOf } from "./rangeShape";
import { RangeInputError } from "./rangeInputError";

/**
 * An argument as a 2-D array. Excel always passes `any[][]`; a bare value (a caller outside Excel) is taken as one
 * cell and a flat array as one row, so nothing downstream has to guard against other shapes.
 */
export function asGrid(values: unknown): unknown[][] {
  if (!Array.isArray(values)) return [[values]];
  if (values.length > 0 && !values.every(Array.isArray)) return [values];
  return values as unknown[][];
}

/** The cells of a one-row or one-column range, in reading order, and how to name a position in messages. */
export interface CellList {
  cells: unknown[];
  /** "row" when the range is a column (positions are its rows), "column" when it is a row. A single cell counts as a column. */
  positionWord: "row" | "column";
}

/** A one-row or one-column range as a list; #VALUE! for an empty range or a block. */
export function readCellList(values: unknown, argument: string, expected: string): CellList {
  const grid = asGrid(values);
  const shape = shapeOf(grid);
  if (shape.rows === 0 || shape.columns === 0) throw new RangeInputError(`${argument} is an empty range: give ${expected}`);
  if (shape.columns === 1) return { cells: firstCells(grid), positionWord: "row" };
  if (shape.rows === 1) return { cells: [...(grid[0] ?? [])], positionWord: "column" };
  throw new RangeInputError(`${argument} is ${describeShape(shape)}: give one row or one column of ${expected}`);
}

/**
 * The first cell of every row. A plain loop, not a callback: V8 keeps a callback's optimised code only while a closure
 * made from it lives, so a callback made per call ran interpreted after every full GC (see hedgeInputs.ts).
 */
function firstCells(grid: readonly unknown[][]): unknown[] {
  const cells = new Array<unknown>(grid.length);
  for (let row = 0; row < grid.length; row++) cells[row] = (grid[row] as unknown[])[0];
  return cells;
}

/** "row 3" / "column 3": a position in a list as the user sees it in the range. */
export function listPosition(list: CellList, index: number): string {
  return `${list.positionWord} ${index + 1}`;
}

/** The one cell of an option argument, or null when it was omitted; #VALUE! for a range of several cells. */
export function readSingleCell(values: unknown, argument: string): unknown {
  if (values === null || values === undefined) return null;
  const grid = asGrid(values);
  const shape = shapeOf(grid);
  if (shape.rows === 1 && shape.columns === 1) return grid[0]?.[0];
  throw new RangeInputError(`${argument} is ${describeShape(shape)}: give a single cell`);
}
