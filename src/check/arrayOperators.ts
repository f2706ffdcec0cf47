/*
 * Excel's array arithmetic, which fast-formula-parser leaves out: `(C2:C9-$B$1)/365` is one result per cell in
 * dynamic-array Excel, not the first cell's. The library's own scalar operators are applied element by element, with
 * Excel's broadcasting (a single row or column repeats; cells beyond the smaller array are #N/A).
 */
import FormulaParser, { FormulaError, InfixOperand } from "fast-formula-parser";

type Grid = unknown[][];

function isGrid(value: unknown): value is Grid {
  return Array.isArray(value) && value.every((row) => Array.isArray(row));
}

function dimensions(grid: Grid): { rows: number; columns: number } {
  return { rows: grid.length, columns: Math.max(0, ...grid.map((row) => row.length)) };
}

/** The element of `grid` at (row, column) under broadcasting, or #N/A beyond it. */
function elementAt(grid: Grid, row: number, column: number): unknown {
  const { rows, columns } = dimensions(grid);
  const r = rows === 1 ? 0 : row;
  const c = columns === 1 ? 0 : column;
  if (r >= rows || c >= columns) return FormulaError.NA;
  return grid[r]?.[c] ?? null;
}

function lift(operands: unknown[], apply: (values: unknown[]) => unknown): unknown {
  const grids = operands.filter(isGrid);
  if (grids.length === 0) return apply(operands);
  const rows = Math.max(...grids.map((grid) => dimensions(grid).rows));
  const columns = Math.max(...grids.map((grid) => dimensions(grid).columns));
  const result: unknown[][] = [];
  for (let row = 0; row < rows; row++) {
    const cells: unknown[] = [];
    for (let column = 0; column < columns; column++) {
      cells.push(apply(operands.map((operand) => (isGrid(operand) ? elementAt(operand, row, column) : operand))));
    }
    result.push(cells);
  }
  return result;
}

/** Makes this parser's +, -, *, /, ^, &, comparisons, unary minus and % work cell by cell on arrays and ranges. */
export function enableArrayOperators(parser: FormulaParser): void {
  const utilities = parser.utils;
  const infix = utilities._applyInfix.bind(utilities);
  const prefix = utilities._applyPrefix.bind(utilities);
  const postfix = utilities._applyPostfix.bind(utilities);
  utilities._applyInfix = (left: InfixOperand, operator: string, right: InfixOperand) =>
    lift([left.val, right.val], ([a, b]) => infix({ val: a, isArray: false }, operator, { val: b, isArray: false }));
  utilities._applyPrefix = (prefixes: string[], value: unknown) => lift([value], ([a]) => prefix(prefixes, a, false));
  utilities._applyPostfix = (value: unknown, _isArray: boolean, operator: string) => lift([value], ([a]) => postfix(a, false, operator));
}
