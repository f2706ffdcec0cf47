/*
 * Reading labelled ranges: a correlation matrix with asset names in its first row and first column (the workbook name
 * XV_CORR by convention), a list of asset names and values in two rows or two columns (XV_VOLVOL), and a matrix that may
 * or may not carry labels (XV.NEARCORR). Names are compared as the engine compares them: trimmed, case-insensitive.
 */
import { CORRELATION_INPUT_KINDS, assetKey, type CorrelationInputKind } from "../core/correlation";
import type { AssetValue } from "../core/hedge";
import { describeShape, shapeOf } from "./rangeShape";
import { describeCellValue, isCellProblem, isEmptyInRange, isNonBlankText, isNumericText, notANumberMessage, readOptionalChoice } from "./cellReading";
import { RangeInputError } from "./rangeInputError";
import { asGrid, readSingleCell } from "./rangeReading";

const EXPECT_CORRELATION = "a correlation between −1 and 1";

/** A square matrix of numbers with one asset name per row and column (same names, same order). */
export interface LabelledMatrix {
  /** Top-left cell as given: "" when it was blank (or 0, as the desktop sends a blank). */
  corner: string;
  /** Names as given in the first row (trimmed). */
  assets: string[];
  values: number[][];
}

/** A corner may hold nothing or any text label; Excel for the desktop sends a blank one as 0. */
function isLabelCorner(value: unknown): boolean {
  return isEmptyInRange(value) || typeof value === "string";
}

function cornerText(value: unknown): string {
  return typeof value === "string" ? value : "";
}

/** Row k + 1 and column k + 1 must carry the same name, for every k. */
function checkLabelsMatch(rowLabels: readonly string[], columnLabels: readonly string[], argument: string): void {
  // A plain loop, no callback made per call (see rangeReading.ts, firstCells).
  for (let k = 0; k < rowLabels.length; k++) {
    const rowLabel = rowLabels[k] as string;
    const columnLabel = columnLabels[k] ?? "";
    if (assetKey(rowLabel) !== assetKey(columnLabel)) {
      throw new RangeInputError(
        `${argument}: row ${k + 2} is labelled ${rowLabel.trim()} but column ${k + 2} is labelled ${columnLabel.trim()}: ` +
          "the first row and the first column must list the same assets in the same order",
      );
    }
  }
}

/**
 * Names are compared ignoring case and spaces everywhere (the hedge looks assets up that way), so `A` and `a` are one
 * asset: a matrix labelled with both is refused, naming both labels, rather than repaired into a matrix the hedge
 * cannot use.
 */
function checkDistinctLabels(labels: readonly string[], argument: string): void {
  const seen = new Map<string, number>();
  labels.forEach((label, k) => {
    const key = assetKey(label);
    const first = seen.get(key);
    if (first !== undefined) {
      throw new RangeInputError(
        `${argument}: rows ${first + 2} and ${k + 2} are labelled ${(labels[first] ?? "").trim()} and ${label.trim()}, the same asset (names are compared ignoring case and spaces): rename or remove one`,
      );
    }
    seen.set(key, k);
  });
}

const INPUT_KIND_WORDS = new Map<string, CorrelationInputKind>([
  ["correlation", "correlation"],
  ["correlations", "correlation"],
  ["corr", "correlation"],
  ["percent", "percent"],
  ["%", "percent"],
  ["covariance", "covariance"],
  ["cov", "covariance"],
  ["raw", "raw"],
]);

/** XV.NEARCORR's `input`: "correlation" (default; blank, omitted or the desktop's 0), "percent", "covariance" or "raw", any case. */
export function readCorrelationInputKind(value: unknown, argument: string): CorrelationInputKind {
  const cell = readSingleCell(value, argument);
  const kind = readOptionalChoice(
    cell === 0 ? null : cell,
    argument,
    CORRELATION_INPUT_KINDS,
    (text) => INPUT_KIND_WORDS.get(text.trim().toLowerCase()) ?? null,
    "correlation",
    '"correlation" (default), "percent" (80 for 0.8), "covariance" or "raw" (repair the numbers as given)',
  );
  if (isCellProblem(kind)) throw new RangeInputError(kind.problem);
  return kind;
}

/** The numbers of a square block of `grid` starting at (offset, offset); #VALUE! naming the first cell that is not a number. */
function readEntries(grid: unknown[][], offset: number, size: number, argument: string, entryName: (row: number, column: number) => string, hint = ""): number[][] {
  const values: number[][] = new Array(size);
  for (let i = 0; i < size; i++) {
    const source = grid[i + offset] ?? [];
    const row = new Array<number>(size);
    for (let j = 0; j < size; j++) {
      const cell = source[j + offset];
      if (typeof cell !== "number") throw new RangeInputError(notANumberMessage(`${argument} entry ${entryName(i, j)}`, cell, EXPECT_CORRELATION) + hint);
      row[j] = cell;
    }
    values[i] = row;
  }
  return values;
}

/**
 * A labelled correlation range: (n + 1) × (n + 1) cells, asset names in the first row and the first column (the same
 * names in the same order), the top-left cell blank or any label. Entries must be numbers; whether they form a valid
 * correlation matrix is the engine's check (it names the failed entry by asset names).
 */
export function readLabelledCorrelations(values: unknown, argument: string): LabelledMatrix {
  const grid = asGrid(values);
  const shape = shapeOf(grid);
  const layout = "a square range with asset names in its first row and first column ((n + 1) × (n + 1) cells for n assets), such as the workbook name XV_CORR";
  if (shape.rows < 2 || shape.rows !== shape.columns) throw new RangeInputError(`${argument} is ${describeShape(shape)}: give ${layout}`);
  const header = grid[0] ?? [];
  if (!isLabelCorner(header[0])) {
    throw new RangeInputError(
      `${argument} has ${describeCellValue(header[0])} in its top-left cell, so it has no asset names: give ${layout}; its top-left cell blank or a label`,
    );
  }
  const size = shape.rows - 1;
  const columnLabels: string[] = [];
  const rowLabels: string[] = [];
  for (let k = 0; k < size; k++) {
    const columnLabel = header[k + 1];
    if (!isNonBlankText(columnLabel)) {
      throw new RangeInputError(`${argument}: column ${k + 2} of its first row is ${describeCellValue(columnLabel)}, not an asset name: the first row must name the asset of every column`);
    }
    const rowLabel = grid[k + 1]?.[0];
    if (!isNonBlankText(rowLabel)) {
      throw new RangeInputError(`${argument}: row ${k + 2} of its first column is ${describeCellValue(rowLabel)}, not an asset name: the first column must name the asset of every row`);
    }
    columnLabels.push(columnLabel.trim());
    rowLabels.push(rowLabel.trim());
  }
  checkLabelsMatch(rowLabels, columnLabels, argument);
  const entries = readEntries(grid, 1, size, argument, (i, j) => `(${rowLabels[i]}, ${columnLabels[j]})`);
  return { corner: cornerText(header[0]), assets: columnLabels, values: entries };
}

/** A square matrix, labelled or not (XV.NEARCORR). `labels` is null for a bare matrix. */
export interface MaybeLabelledMatrix {
  labels: { corner: string; rows: string[]; columns: string[] } | null;
  values: number[][];
}

/**
 * Labels are present when every cell of the first row and the first column (past the top-left cell) is text and the
 * top-left cell is blank (or 0) or text. Anything else is read as a bare square matrix of numbers.
 */
export function readMaybeLabelledMatrix(values: unknown, argument: string): MaybeLabelledMatrix {
  const grid = asGrid(values);
  const shape = shapeOf(grid);
  const header = grid[0] ?? [];
  const labelled =
    shape.rows >= 2 &&
    shape.columns >= 2 &&
    isLabelCorner(header[0]) &&
    header.slice(1).every(isNonBlankText) &&
    grid.slice(1).every((row) => isNonBlankText(row[0]));
  if (labelled) {
    if (shape.rows !== shape.columns) {
      throw new RangeInputError(`${argument} is ${describeShape(shape)} with asset names in its first row and column: the correlations inside must be square (one row and one column per asset)`);
    }
    const columns = header.slice(1).map((label) => (label as string).trim());
    const rows = grid.slice(1).map((row) => (row[0] as string).trim());
    checkLabelsMatch(rows, columns, argument);
    checkDistinctLabels(rows, argument);
    const entries = readEntries(grid, 1, shape.rows - 1, argument, (i, j) => `(${rows[i]}, ${columns[j]})`);
    // Labels go back as given (not trimmed): the output is the input range, repaired.
    return {
      labels: { corner: cornerText(header[0]), rows: grid.slice(1).map((row) => row[0] as string), columns: header.slice(1) as string[] },
      values: entries,
    };
  }
  if (shape.rows !== shape.columns) {
    throw new RangeInputError(`${argument} is ${describeShape(shape)}: give a square range of correlations, optionally with asset names in its first row and first column`);
  }
  const mentionsLabels = header.some(isNonBlankText) || grid.some((row) => isNonBlankText(row[0]));
  const hint = mentionsLabels ? " (asset names must fill the whole first row and first column, or be left out)" : "";
  return { labels: null, values: readEntries(grid, 0, shape.rows, argument, (i, j) => `(row ${i + 1}, column ${j + 1})`, hint) };
}

/** Which way a two-row / two-column list runs. */
type PairLayout = "columns" | "rows";

function pairLayout(grid: unknown[][], argument: string, layoutHelp: string): PairLayout {
  const shape = shapeOf(grid);
  if (shape.rows === 2 && shape.columns === 2) {
    // Ambiguous: two rows (names, values) only when the first row is names and the second numbers.
    const firstRowNames = (grid[0] ?? []).every((cell) => typeof cell === "string");
    const secondRowNumbers = (grid[1] ?? []).every((cell) => typeof cell === "number");
    return firstRowNames && secondRowNumbers ? "rows" : "columns";
  }
  if (shape.columns === 2 && shape.rows >= 1) return "columns";
  if (shape.rows === 2 && shape.columns >= 1) return "rows";
  throw new RangeInputError(`${argument} is ${describeShape(shape)}: give ${layoutHelp}`);
}

/**
 * Asset names and values in two columns (name, value on each row) or two rows (names above values); a 2 × 2 range is
 * read as two columns unless its first row is all text and its second all numbers. Pairs whose name and value are both
 * blank (or 0) are skipped, so a range may run past the end of the list. A first pair whose value is text that is not
 * a number is a header ("asset", "vol of vol") and is skipped.
 * @param expected what a value must be, for messages
 */
export function readAssetValues(values: unknown, argument: string, expected: string): AssetValue[] {
  const grid = asGrid(values);
  const layoutHelp = `two columns (asset names, then ${expected}) or two rows (names above values), such as the workbook name XV_VOLVOL`;
  const layout = pairLayout(grid, argument, layoutHelp);
  const count = layout === "columns" ? grid.length : (grid[0]?.length ?? 0);
  const positionWord = layout === "columns" ? "row" : "column";
  const pairs: AssetValue[] = [];
  for (let k = 0; k < count; k++) {
    const name = layout === "columns" ? grid[k]?.[0] : grid[0]?.[k];
    const value = layout === "columns" ? grid[k]?.[1] : grid[1]?.[k];
    if (k === 0 && typeof value === "string" && value.trim() !== "" && !isNumericText(value)) continue;
    if (isEmptyInRange(name) && isEmptyInRange(value)) continue;
    if (!isNonBlankText(name)) {
      throw new RangeInputError(`${argument} ${positionWord} ${k + 1}: the name is ${describeCellValue(name)}; give ${layoutHelp}`);
    }
    if (typeof value !== "number") throw new RangeInputError(notANumberMessage(`${argument} for ${name.trim()}`, value, expected));
    pairs.push({ asset: name.trim(), value });
  }
  if (pairs.length === 0) throw new RangeInputError(`${argument} holds no asset names: give ${layoutHelp}`);
  return pairs;
}
