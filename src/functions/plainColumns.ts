/*
 * The fast path of the per-leg functions (XV.VEGA, XV.GREEKS, XV.TWVEGA, XV.YEARS) for the call a book makes: every
 * argument a column of the result's height, a single cell or omitted. One pass reads each leg's cells straight from
 * Excel's rows, checks and computes it, with no per-argument copy; a leg whose cells do not read cleanly is marked
 * "troubled" and left. The troubled legs alone then go through the general path (the argument-by-argument reading
 * that words every message), as a call of their own over just those rows, and its answers are put back in place:
 * so every message is the general path's, and a bad cell costs about what a good one does. A call whose first legs
 * are all troubled goes to the general path whole (see computePlainColumn).
 */
import { GridShape, NamedArgument } from "./argumentGrid";
import { CellProblems } from "./columnReading";
import { scratchColumn } from "./scratchColumns";

/** An omitted argument read in place: a blank cell for every row. */
const OMITTED: unknown[][] = [[null]];

/** True when the broadcast `shape` is a column of several legs: the arguments are then columns or single cells. */
export function isPlainColumnCall(shape: GridShape): boolean {
  return shape.columns === 1 && shape.rows > 1;
}

/**
 * The one pass over a column call: argument k's cell at result row r is `cells[k][r * strides[k]][0]` (stride 0 for
 * a single cell or an omitted argument). Writes each leg's computed values into `values` (`width` per leg, row after
 * row), marks each leg it leaves to the
 * general path in `troubled`, and returns how many it left. A plain function over arrays: optimised code that reads
 * an object is thrown away when a full GC frees that object's hidden class, and the next call would start over slowly.
 */
export type ColumnPass = (cells: readonly unknown[][][], strides: Int32Array, values: Float64Array, troubled: Uint8Array) => number;

/**
 * A plain column call (see isPlainColumnCall) of `rows` legs, `width` values each: `pass` over every leg, then
 * `general` over the troubled ones. Problems are per leg (row).
 */
export function computePlainColumn(
  named: readonly NamedArgument[],
  rows: number,
  pass: ColumnPass,
  general: (named: readonly NamedArgument[]) => ComputedCells,
  width = 1,
): ComputedCells {
  const cells = named.map((argument) => argument.values ?? OMITTED);
  const strides = Int32Array.from(cells, (values) => (values.length === 1 ? 0 : 1));
  const values = scratchColumn(rows * width);
  const troubled = new Uint8Array(rows);
  // A column whose first legs are all troubled is nearly always bad throughout (text where numbers belong, vols typed
  // in percent): the general path then takes the whole call as given, without a pass over every leg that would only
  // mark them all troubled, nor a copy of the rows picked. The probe is the pass over the first legs alone (all of a
  // short call); a good leg among them sends the call down the fast path, which passes over those legs again (the
  // pass only writes `values` and `troubled`).
  const probeRows = Math.min(rows, PROBE_ROWS);
  if (pass(cells, strides, values.subarray(0, probeRows * width), troubled.subarray(0, probeRows)) === probeRows) return general(named);
  const troubledCount = pass(cells, strides, values, troubled);
  return withTroubledRows(named, values, troubled, troubledCount, general, width);
}

/** Legs the probe of `computePlainColumn` passes over. */
const PROBE_ROWS = 64;

/** The number at `value`, or the optional argument's `fallback` when it is blank; NaN (troubled) otherwise. */
export function optionalNumber(value: unknown, fallback: number): number {
  if (typeof value === "number") return value;
  return value === null || value === undefined || value === "" ? fallback : Number.NaN;
}

/** What a general-path call computed before its result grid: the values of each leg, and the legs it could not compute. */
export interface ComputedCells {
  values: Float64Array;
  problems: CellProblems;
}

/**
 * The fast path's result for a column of legs (`width` values each in `values`), with the legs marked in `troubled`
 * computed by `general` as a call over just those rows and put back in place (their values, or their problems).
 */
function withTroubledRows(
  named: readonly NamedArgument[],
  values: Float64Array,
  troubled: Uint8Array,
  troubledCount: number,
  general: (named: readonly NamedArgument[]) => ComputedCells,
  width: number,
): ComputedCells {
  const problems = new CellProblems(troubled.length);
  if (troubledCount === 0) return { values, problems };
  const rows: number[] = [];
  for (let row = 0; row < troubled.length; row++) if (troubled[row] === 1) rows.push(row);
  const picked = named.map(({ name, values: cells }) => ({ name, values: cells === null || cells.length === 1 ? cells : rows.map((row) => cells[row] as unknown[]) }));
  const troubledResult = general(picked);
  for (let position = 0; position < rows.length; position++) {
    const row = rows[position] as number;
    const message = troubledResult.problems.messageAt(position);
    if (message !== undefined) problems.add(row, message);
    else values.set(troubledResult.values.subarray(position * width, (position + 1) * width), row * width);
  }
  return { values, problems };
}
