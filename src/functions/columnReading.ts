/*
 * Reading a broadcast argument into one typed column for the whole result (argument by argument, not cell by
 * cell), so that a 100,000-row range costs a tight loop per argument and no per-cell objects. Cells that cannot be
 * read are recorded in CellProblems with their message; only those allocate anything.
 */
import { GridShape, NamedArgument, ResultCell, cellLocation } from "./argumentGrid";
import { invalidValueError } from "./excelErrors";
import { describeCellValue, isBlankCell, notANumberMessage } from "../ranges/cellReading";

/** Which result cells cannot be computed, and why: the first message recorded for a cell is the one it shows. */
export class CellProblems {
  /** 1 where the cell has a problem; the typed form is what loops over the whole result check. */
  readonly flags: Uint8Array;
  private readonly messages = new Map<number, string>();

  constructor(cellCount: number) {
    this.flags = new Uint8Array(cellCount);
  }

  add(index: number, message: string): void {
    if (this.flags[index] === 1) return;
    this.flags[index] = 1;
    this.messages.set(index, message);
  }

  addToAll(message: string): void {
    for (let index = 0; index < this.flags.length; index++) this.add(index, message);
  }

  messageAt(index: number): string | undefined {
    return this.messages.get(index);
  }
}

function cellCountOf(shape: GridShape): number {
  return shape.rows * shape.columns;
}

function isSingleCell(values: unknown[][]): boolean {
  return values.length === 1 && values[0]?.length === 1;
}

/**
 * The numbers of one argument at every result position (row-major). A blank cell, or an omitted argument, is
 * `fallback` when the argument is optional (`fallback` not null) and a problem otherwise.
 * @param expected what the argument should hold, for messages ("a positive price")
 */
export function readNumberColumn(
  argument: NamedArgument,
  shape: GridShape,
  expected: string,
  fallback: number | null,
  problems: CellProblems,
): Float64Array {
  const column = new Float64Array(cellCountOf(shape));
  const values = argument.values;
  if (values === null || isSingleCell(values)) {
    const value = values === null ? null : values[0]?.[0];
    if (typeof value === "number") column.fill(value);
    else if (fallback !== null && isBlankCell(value)) column.fill(fallback);
    else problems.addToAll(notANumberMessage(argument.name, value, expected));
    return column;
  }
  const readCell = (index: number, value: unknown): void => {
    if (typeof value === "number") column[index] = value;
    else if (fallback !== null && isBlankCell(value)) column[index] = fallback;
    else problems.add(index, notANumberMessage(argument.name, value, expected));
  };
  if (shape.columns === 1) {
    // A column of legs, the common case: one element per row array.
    for (let row = 0; row < shape.rows; row++) readCell(row, (values[row] as unknown[])[0]);
    return column;
  }
  let index = 0;
  for (let row = 0; row < shape.rows; row++) {
    const cells = values[row] as unknown[];
    for (let columnIndex = 0; columnIndex < shape.columns; columnIndex++, index++) readCell(index, cells[columnIndex]);
  }
  return column;
}

/**
 * One of a fixed set of words (a model, a unit) at every result position, any case; blank or omitted means
 * `fallback`. A single cell or an omitted argument gives one value for all cells (the common case, and no
 * per-cell array); a range gives one per cell. Unknown words are problems (their cells hold `fallback`, never used).
 */
export function readChoiceColumn<T extends string>(
  argument: NamedArgument,
  shape: GridShape,
  choices: readonly T[],
  parse: (text: string) => T | null,
  fallback: T,
  problems: CellProblems,
): T | T[] {
  const readOne = (value: unknown): T | null => {
    if (isBlankCell(value)) return fallback;
    return typeof value === "string" ? parse(value) : null;
  };
  const unknownChoice = (value: unknown) => `${argument.name} ${describeCellValue(value)} is not one of ${choices.join(", ")}`;
  const values = argument.values;
  if (values === null || isSingleCell(values)) {
    const value = values === null ? null : values[0]?.[0];
    const choice = readOne(value);
    if (choice === null) problems.addToAll(unknownChoice(value));
    return choice ?? fallback;
  }
  const column = new Array<T>(cellCountOf(shape));
  let index = 0;
  for (let row = 0; row < shape.rows; row++) {
    const cells = values[row] as unknown[];
    for (let columnIndex = 0; columnIndex < shape.columns; columnIndex++, index++) {
      const choice = readOne(cells[columnIndex]);
      if (choice === null) problems.add(index, unknownChoice(cells[columnIndex]));
      column[index] = choice ?? fallback;
    }
  }
  return column;
}

/**
 * The spilled result: `values` (row-major) laid out in `shape`, with #VALUE! and its message, prefixed with the
 * cell's position, wherever a problem was recorded or a value is not finite (never NaN or Infinity in a cell).
 * Rows are built as array literals: V8 allocates those at their final size, which keeps a 100,000-row spill cheap.
 */
export function resultGrid(shape: GridShape, values: Float64Array, problems: CellProblems): ResultCell[][] {
  const cellAt = (index: number, row: number, column: number): ResultCell => {
    const value = values[index] as number;
    if (problems.flags[index] !== 1 && Number.isFinite(value)) return value;
    const message = problems.messageAt(index) ?? "the result is not a finite number: check the inputs";
    return invalidValueError(cellLocation(shape, row, column) + message);
  };
  const grid: ResultCell[][] = new Array(shape.rows);
  if (shape.columns === 1) {
    for (let row = 0; row < shape.rows; row++) grid[row] = [cellAt(row, row, 0)];
    return grid;
  }
  for (let row = 0; row < shape.rows; row++) {
    const cells: ResultCell[] = [];
    for (let column = 0; column < shape.columns; column++) cells.push(cellAt(row * shape.columns + column, row, column));
    grid[row] = cells;
  }
  return grid;
}

/** Computes every cell without a recorded problem: a number, or a message that becomes that cell's problem. */
export function computeCells(shape: GridShape, problems: CellProblems, computeCell: (index: number) => number | string): ResultCell[][] {
  const values = new Float64Array(shape.rows * shape.columns);
  for (let index = 0; index < values.length; index++) {
    if (problems.flags[index] === 1) continue;
    const value = computeCell(index);
    if (typeof value === "number") values[index] = value;
    else problems.add(index, value);
  }
  return resultGrid(shape, values, problems);
}
