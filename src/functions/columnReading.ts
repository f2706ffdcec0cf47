/*
 * Reading a broadcast argument into one typed column for the whole result (argument by argument, not cell by
 * cell), so that a 100,000-row range costs a tight loop per argument and no per-cell objects. Cells that cannot be
 * read are recorded in CellProblems as a small number per cell; each distinct problem has one message, built once,
 * and becomes one Excel error shared by all its cells (see problemLocations.ts).
 */
import { GridShape, NamedArgument, ResultCell } from "./argumentGrid";
import { invalidValueError } from "./excelErrors";
import { locateProblems } from "./problemLocations";
import { scratchColumn } from "./scratchColumns";
import { MAX_SHARED_MESSAGES, SharedMessages } from "./sharedMessages";
import { describeCellValue, isBlankCell, notANumberMessage } from "../ranges/cellReading";

/** The message of a cell whose computed value is NaN or ±Infinity (never shown as such in a cell). */
export const NOT_FINITE_RESULT_MESSAGE = "the result is not a finite number: check the inputs";

/**
 * Which result cells cannot be computed, and why: the first message recorded for a cell is the one it shows.
 * A cell's problem is stored as a number (its message's position in a list of distinct messages), so a million
 * cells with one problem hold one message.
 */
export class CellProblems {
  /** 1 where the cell has a problem; the typed form is what loops over the whole result check. */
  readonly flags: Uint8Array;
  /** Per cell, 0 or 1 + the position of its message in `messages`; allocated at the first problem. */
  private ids: Uint32Array | null = null;
  private readonly messages: string[] = [];
  private readonly idByMessage = new Map<string, number>();

  constructor(cellCount: number) {
    this.flags = new Uint8Array(cellCount);
  }

  private idOf(message: string): number {
    let id = this.idByMessage.get(message);
    if (id === undefined) {
      this.messages.push(message);
      id = this.messages.length;
      // Past MAX_SHARED_MESSAGES distinct messages the cells have nearly all different problems: sharing would save
      // nothing and the look-up table would cost more than the messages, so they get one message each, as before.
      if (this.idByMessage.size < MAX_SHARED_MESSAGES) this.idByMessage.set(message, id);
    }
    return id;
  }

  private cellIds(): Uint32Array {
    if (this.ids === null) this.ids = new Uint32Array(this.flags.length);
    return this.ids;
  }

  add(index: number, message: string): void {
    if (this.flags[index] === 1) return;
    this.flags[index] = 1;
    this.cellIds()[index] = this.idOf(message);
  }

  addToAll(message: string): void {
    const id = this.idOf(message);
    const ids = this.cellIds();
    for (let index = 0; index < this.flags.length; index++) {
      if (this.flags[index] === 1) continue;
      this.flags[index] = 1;
      ids[index] = id;
    }
  }

  messageAt(index: number): string | undefined {
    const id = this.ids?.[index] ?? 0;
    return id === 0 ? undefined : this.messages[id - 1];
  }

  /** The distinct messages recorded, in the order first seen: one per problem, however many cells it hits. */
  get distinctMessages(): readonly string[] {
    return this.messages;
  }

  /**
   * One #VALUE! per distinct message, indexed like the per-cell ids (position 0 unused), each message starting with
   * the cells it is found in. Null when there is no problem.
   */
  errorsByProblem(shape: GridShape): { ids: Uint32Array; errors: CustomFunctions.Error[] } | null {
    if (this.ids === null) return null;
    const locations = locateProblems(this.ids, this.messages.length, shape);
    const errors: CustomFunctions.Error[] = new Array(this.messages.length + 1);
    for (let position = 0; position < this.messages.length; position++) {
      errors[position + 1] = invalidValueError((locations[position] as string) + (this.messages[position] as string));
    }
    return { ids: this.ids, errors };
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
  const column = scratchColumn(cellCountOf(shape));
  const values = argument.values;
  // One message per distinct unreadable value: a column of "n/a" builds one string, not one per row.
  const messages = new SharedMessages<"notANumber">((_kind, value) => notANumberMessage(argument.name, value, expected));
  if (values === null || isSingleCell(values)) {
    const value = values === null ? null : values[0]?.[0];
    if (typeof value === "number") column.fill(value);
    else if (fallback !== null && isBlankCell(value)) column.fill(fallback);
    else problems.addToAll(messages.messageFor("notANumber", value));
    return column;
  }
  const readCell = (index: number, value: unknown): void => {
    if (typeof value === "number") column[index] = value;
    else if (fallback !== null && isBlankCell(value)) column[index] = fallback;
    else problems.add(index, messages.messageFor("notANumber", value));
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

/** One cell of a choice argument: `fallback` when blank, the parsed word, or null when it is not one of the choices. */
export function readChoiceCell<T extends string>(value: unknown, parse: (text: string) => T | null, fallback: T): T | null {
  if (isBlankCell(value)) return fallback;
  return typeof value === "string" ? parse(value) : null;
}

/** The word of cell `index` in what readChoiceColumn returns (one word for all cells, or one per cell). */
export function choiceAt<T extends string>(column: T | readonly T[], index: number): T {
  return typeof column === "string" ? column : (column[index] as T);
}

/**
 * One of a fixed set of words (a model, a unit) at every result position, any case; blank or omitted means
 * `fallback`. When every cell reads as the same choice (an omitted argument, a single cell, or a column of "bsm"),
 * the result is that one value and no per-cell array is made; otherwise one value per cell. Unknown words are
 * problems (their cells hold `fallback`, never used).
 */
export function readChoiceColumn<T extends string>(
  argument: NamedArgument,
  shape: GridShape,
  choices: readonly T[],
  parse: (text: string) => T | null,
  fallback: T,
  problems: CellProblems,
): T | T[] {
  const readOne = (value: unknown): T | null => readChoiceCell(value, parse, fallback);
  const messages = new SharedMessages<"unknownChoice">(
    (_kind, value) => `${argument.name} ${describeCellValue(value)} is not one of ${choices.join(", ")}`,
  );
  const values = argument.values;
  if (values === null || isSingleCell(values)) {
    const value = values === null ? null : values[0]?.[0];
    const choice = readOne(value);
    if (choice === null) problems.addToAll(messages.messageFor("unknownChoice", value));
    return choice ?? fallback;
  }
  // Each distinct text is parsed once: the last one is remembered (a column of "bsm"), the others in a map
  // ("call"/"put" alternating).
  const parsedTexts = new Map<string, T | null>();
  const readRemembered = (value: unknown): T | null => {
    if (typeof value !== "string") return readOne(value);
    let choice = parsedTexts.get(value);
    if (choice === undefined) {
      choice = readOne(value);
      parsedTexts.set(value, choice);
    }
    return choice;
  };
  let lastText: unknown = undefined;
  let lastChoice: T | null = null;
  let uniform: T | null = null;
  let column: T[] | null = null;
  let index = 0;
  for (let row = 0; row < shape.rows; row++) {
    const cells = values[row] as unknown[];
    for (let columnIndex = 0; columnIndex < shape.columns; columnIndex++, index++) {
      const value = cells[columnIndex];
      if (value !== lastText || index === 0) {
        lastText = value;
        lastChoice = readRemembered(value);
      }
      const choice = lastChoice;
      if (choice === null) problems.add(index, messages.messageFor("unknownChoice", value));
      const held = choice ?? fallback;
      if (column !== null) column[index] = held;
      else if (index === 0) uniform = held;
      else if (held !== uniform) column = spreadUntil(uniform as T, index, cellCountOf(shape), held);
    }
  }
  return column ?? (uniform as T);
}

/** A per-cell column of `length` whose first `count` cells hold `repeated` and whose next cell holds `next`. */
function spreadUntil<T>(repeated: T, count: number, length: number, next: T): T[] {
  const column = new Array<T>(length);
  for (let index = 0; index < count; index++) column[index] = repeated;
  column[count] = next;
  return column;
}

/**
 * The spilled result: `values` (row-major) laid out in `shape`, with #VALUE! and its message wherever a problem was
 * recorded or a value is not finite (never NaN or Infinity in a cell). Cells with the same problem share one error
 * object, whose message names the cells (see problemLocations.ts).
 * Rows are built as array literals: V8 allocates those at their final size, which keeps a 100,000-row spill cheap.
 */
export function resultGrid(shape: GridShape, values: Float64Array, problems: CellProblems): ResultCell[][] {
  const flags = problems.flags;
  for (let index = nextNonFinite(values, flags, 0); index !== -1; index = nextNonFinite(values, flags, index + 1)) {
    problems.add(index, NOT_FINITE_RESULT_MESSAGE);
  }
  const shared = problems.errorsByProblem(shape);
  if (shape.columns === 1) return shared === null ? numberColumn(values) : mixedColumn(values, shared.ids, shared.errors);
  const cellAt = (index: number): ResultCell =>
    shared === null || shared.ids[index] === 0 ? (values[index] as number) : (shared.errors[shared.ids[index] as number] as CustomFunctions.Error);
  const grid: ResultCell[][] = new Array(shape.rows);
  for (let row = 0; row < shape.rows; row++) {
    const cells: ResultCell[] = [];
    for (let column = 0; column < shape.columns; column++) cells.push(cellAt(row * shape.columns + column));
    grid[row] = cells;
  }
  return grid;
}

// The column spills below are plain functions over arrays: optimised code that reads an object (a shape, a problem
// list) is thrown away when a full GC frees that object's hidden class, and the next call would start over slowly.
// Numbers and errors come from different array literals, so number rows stay unboxed doubles even after a call has
// spilled an error (one literal site for both would box every number from then on).

/**
 * The first cell from `start` on with no recorded problem whose value is not finite, or −1. The scan over the whole
 * result is here, not in resultGrid: a loop that V8 optimises mid-call (on-stack replacement) in a function that also
 * reads the per-call CellProblems was thrown away after every full GC with that object's hidden class, and then
 * deoptimised again on every call (--trace-deopt).
 */
function nextNonFinite(values: Float64Array, flags: Uint8Array, start: number): number {
  for (let index = start; index < values.length; index++) {
    if (flags[index] !== 1 && !Number.isFinite(values[index] as number)) return index;
  }
  return -1;
}

/** A column of numbers, one row per value. */
function numberColumn(values: Float64Array): ResultCell[][] {
  const grid: ResultCell[][] = new Array(values.length);
  for (let row = 0; row < values.length; row++) grid[row] = [values[row] as number];
  return grid;
}

/** A column of numbers and errors: `errors[ids[row]]` where `ids[row]` is not 0. */
function mixedColumn(values: Float64Array, ids: Uint32Array, errors: readonly CustomFunctions.Error[]): ResultCell[][] {
  const grid: ResultCell[][] = new Array(values.length);
  for (let row = 0; row < values.length; row++) {
    const id = ids[row] as number;
    grid[row] = id === 0 ? [values[row] as number] : [errors[id] as CustomFunctions.Error];
  }
  return grid;
}

/**
 * Computes every cell without a recorded problem: a number, or a message that becomes that cell's problem. Return
 * a shared message (SharedMessages) rather than one built per cell.
 */
export function computeCells(shape: GridShape, problems: CellProblems, computeCell: (index: number) => number | string): ResultCell[][] {
  return resultGrid(shape, computeCellValues(shape, problems, computeCell), problems);
}

/** `computeCells` before the result grid: the value of every cell (0 where a problem is recorded). */
export function computeCellValues(shape: GridShape, problems: CellProblems, computeCell: (index: number) => number | string): Float64Array {
  const values = scratchColumn(shape.rows * shape.columns);
  for (let index = 0; index < values.length; index++) {
    if (problems.flags[index] === 1) continue;
    const value = computeCell(index);
    if (typeof value === "number") values[index] = value;
    else problems.add(index, value);
  }
  return values;
}
