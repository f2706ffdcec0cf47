/*
 * Where a problem sits in a spilled result, to start its message. A problem found in several cells gets one message
 * (and one Excel error object, shared by those cells) that names them all: "rows 2–5, 9: vol 65 looks like a
 * percentage…". A million errors then cost one error object and one message, where a message per cell cost seconds in
 * Excel (the runtime captures a stack trace for every CustomFunctions.Error). A problem in one cell reads as it
 * always did: "row 3: …".
 */
import { GridShape, cellLocation } from "./argumentGrid";

/** Runs of consecutive cells listed before "and N more": enough to read at a glance, short enough for the tooltip. */
const MAX_LISTED_RUNS = 4;
/** Past this length the location lists no further run, so that the problem itself always fits in Excel's tooltip. */
const MAX_LOCATION_LENGTH = 48;

/** The cells one problem occurs in: its first runs of consecutive cells (row-major indices) and how many in all. */
export interface ProblemCells {
  count: number;
  runStarts: number[];
  runEnds: number[];
}

/**
 * The start of the message of every problem (position k − 1 for problem id k), from the per-cell problem ids
 * (0 = no problem). Two passes: the first counts each problem's cells; the second collects runs only for problems
 * found in several cells, so a million distinct one-cell problems allocate no run lists. In a block, a run stops at
 * the end of a row, and at most MAX_LISTED_RUNS + 1 runs are kept per problem.
 */
export function locateProblems(ids: Uint32Array, problemCount: number, shape: GridShape): string[] {
  const counts = new Uint32Array(problemCount);
  const firstIndex = new Int32Array(problemCount);
  for (let index = 0; index < ids.length; index++) {
    const id = ids[index] as number;
    if (id === 0) continue;
    if (counts[id - 1] === 0) firstIndex[id - 1] = index;
    counts[id - 1] = (counts[id - 1] as number) + 1;
  }
  const runs = new Map<number, ProblemCells>();
  const lastIndex = new Map<number, number>();
  const isBlock = shape.rows > 1 && shape.columns > 1;
  for (let index = 0; index < ids.length; index++) {
    const id = ids[index] as number;
    if (id === 0 || counts[id - 1] === 1) continue;
    let problem = runs.get(id);
    if (problem === undefined) {
      problem = { count: counts[id - 1] as number, runStarts: [], runEnds: [] };
      runs.set(id, problem);
    }
    const continuesRun = lastIndex.get(id) === index - 1 && !(isBlock && index % shape.columns === 0);
    lastIndex.set(id, index);
    const last = problem.runEnds.length - 1;
    if (continuesRun && problem.runEnds[last] === index - 1) problem.runEnds[last] = index;
    else if (!continuesRun && problem.runStarts.length <= MAX_LISTED_RUNS) {
      // One run beyond those listed tells whether an "and N more" is needed.
      problem.runStarts.push(index);
      problem.runEnds.push(index);
    }
  }
  const locations: string[] = new Array(problemCount);
  for (let position = 0; position < problemCount; position++) {
    const index = firstIndex[position] as number;
    const several = runs.get(position + 1);
    locations[position] =
      several === undefined ? cellLocation(shape, Math.floor(index / shape.columns), index % shape.columns) : describeProblemCells(shape, several);
  }
  return locations;
}

function span(first: number, last: number): string {
  return first === last ? String(first) : `${first}–${last}`;
}

/** One run as the user reads it: "3" or "2–5" in a column or a row; "row 2, column 3" or "row 2, columns 1–4" in a block. */
function describeRun(shape: GridShape, start: number, end: number): string {
  if (shape.rows > 1 && shape.columns > 1) {
    const row = Math.floor(start / shape.columns) + 1;
    const firstColumn = (start % shape.columns) + 1;
    const lastColumn = (end % shape.columns) + 1;
    return `row ${row}, column${firstColumn === lastColumn ? "" : "s"} ${span(firstColumn, lastColumn)}`;
  }
  return span(start + 1, end + 1);
}

/**
 * The start of the message of a problem found in `cells`: for one cell what `cellLocation` says ("row 3: ", or
 * nothing for a single-cell result), "rows 2–5, 9: " for several, "rows 2–5, 9 and 120 more rows: " past what fits.
 */
export function describeProblemCells(shape: GridShape, cells: ProblemCells): string {
  if (cells.count === 1) {
    const index = cells.runStarts[0] ?? 0;
    return cellLocation(shape, Math.floor(index / shape.columns), index % shape.columns);
  }
  const isBlock = shape.rows > 1 && shape.columns > 1;
  const unit = isBlock ? "cell" : shape.columns === 1 ? "row" : "column";
  let location = isBlock ? "" : `${unit}s `;
  let listed = 0;
  for (let run = 0; run < cells.runStarts.length && run < MAX_LISTED_RUNS; run++) {
    if (run > 0 && location.length >= MAX_LOCATION_LENGTH) break;
    const start = cells.runStarts[run] as number;
    const end = cells.runEnds[run] as number;
    location += (run === 0 ? "" : isBlock ? "; " : ", ") + describeRun(shape, start, end);
    listed += end - start + 1;
  }
  const unlisted = cells.count - listed;
  if (unlisted > 0) location += ` and ${unlisted} more ${unit}${unlisted === 1 ? "" : "s"}`;
  return `${location}: `;
}
