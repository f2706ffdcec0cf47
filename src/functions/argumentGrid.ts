/*
 * Broadcasting of range arguments: every argument is one cell or a range; all ranges must have one shape, and single
 * cells repeat over it. The result spills in that shape.
 */
import { invalidValueError } from "./excelErrors";
import { GridShape, describeShape, shapeOf } from "../ranges/rangeShape";

export type { GridShape };

/** What a grid function spills: numbers, and errors with messages in the cells that could not be computed. */
export type ResultCell = number | CustomFunctions.Error;

/** One argument as Excel passed it (`null` when an optional argument is omitted). */
export interface NamedArgument {
  name: string;
  values: unknown[][] | null;
}

/**
 * The common shape of the arguments; throws #VALUE! naming the two arguments whose shapes disagree.
 * Omitted arguments and single cells fit any shape.
 */
export function broadcastShape(argumentsToMatch: readonly NamedArgument[]): GridShape {
  let shape: GridShape = { rows: 1, columns: 1 };
  let shapeSetBy: string | null = null;
  for (const argument of argumentsToMatch) {
    if (argument.values === null) continue;
    const own = shapeOf(argument.values);
    if (own.rows === 0 || own.columns === 0) throw invalidValueError(`${argument.name} is an empty range`);
    if (own.rows === 1 && own.columns === 1) continue;
    if (shapeSetBy === null) {
      shape = own;
      shapeSetBy = argument.name;
    } else if (own.rows !== shape.rows || own.columns !== shape.columns) {
      throw invalidValueError(
        `${argument.name} is ${describeShape(own)} but ${shapeSetBy} is ${describeShape(shape)}: ` +
          "give ranges of the same shape, or single cells",
      );
    }
  }
  return shape;
}

/**
 * Where a cell of the result sits, to start its message: "row 3: " in a column, "column 3: " in a row,
 * "row 3, column 2: " in a block, nothing for a single result. Every range argument has the result's shape, so the
 * position is the same in each of them.
 */
export function cellLocation(shape: GridShape, row: number, column: number): string {
  if (shape.rows === 1 && shape.columns === 1) return "";
  if (shape.columns === 1) return `row ${row + 1}: `;
  if (shape.rows === 1) return `column ${column + 1}: `;
  return `row ${row + 1}, column ${column + 1}: `;
}
