import { findAssetNameProblem } from "./assetNames";
import { CorrelationInputError } from "./correlationErrors";

/**
 * How a daily change of implied vol is measured.
 * - `absolute`: level_t − level_{t−1}, in vol points (the hedge's default `changes: "absolute"`).
 * - `log`: ln(level_t / level_{t−1}), dimensionless (≈ a relative change); feeds the hedge's `changes: "relative"`.
 */
export type VolChangeKind = "absolute" | "log";

export const VOL_CHANGE_KINDS: readonly VolChangeKind[] = ["absolute", "log"];

/** Which end of the table is the most recent date. Only EWMA weights depend on it. */
export type HistoryOrder = "oldestFirst" | "newestFirst";

/** A cell of the history: a number, or a gap (blank, error, #N/A). NaN and ±Infinity are gaps too. */
export type HistoryCell = number | null | undefined;

/**
 * Daily implied-vol levels: one row per date, one column per asset (`assets` names the columns). Levels are in vol
 * points (65 for 65%) or decimals; only `absolute` changes depend on that choice (their unit is the level's unit).
 */
export interface VolHistory {
  assets: readonly string[];
  levels: readonly (readonly HistoryCell[])[];
  /** Default `oldestFirst`. */
  order?: HistoryOrder;
}

/** Daily changes computed from complete rows only (see `volChangesFromLevels`). */
export interface VolChangeTable {
  assets: string[];
  kind: VolChangeKind;
  /** One row per kept change, oldest first, one column per asset. */
  changes: number[][];
  /** Per change, the 0-based position (as given) of its later level row: where its date is. */
  laterRowPositions: number[];
  levelRowCount: number;
  /** 0-based positions (as given, whatever the order) of level rows with at least one gap. */
  incompleteLevelRows: number[];
  /** Changes lost to gaps: (levelRowCount − 1) − changes.length, or 0 with fewer than 2 rows. */
  lostChangeCount: number;
}

/**
 * Largest |level| read as an implied vol: 1,000,000 vol points is far above any quoted vol (in points or decimals, or
 * even in basis points), and keeping levels below it keeps every change and its square finite.
 */
export const MAX_VOL_LEVEL = 1e6;
/**
 * Smallest non-zero |level| read as an implied vol: no vol is quoted below a millionth of a point (or of a decimal),
 * and levels near the smallest doubles make changes and their squares under- or overflow when scaled.
 */
export const MIN_VOL_LEVEL = 1e-6;

/** What is wrong with a level that no implied vol can be (too large, or non-zero and too small), or null. */
export function implausibleLevelProblem(level: number): string | null {
  if (Math.abs(level) > MAX_VOL_LEVEL) return `level ${level} is larger than ${MAX_VOL_LEVEL.toLocaleString("en-US")}, which no implied vol is: check the cell (65 for 65 vol points, or 0.65)`;
  if (level !== 0 && Math.abs(level) < MIN_VOL_LEVEL) return `level ${level} is smaller than ${MIN_VOL_LEVEL}, which no implied vol is: check the cell (65 for 65 vol points, or 0.65)`;
  return null;
}

export function isGap(cell: HistoryCell): boolean {
  return typeof cell !== "number" || !Number.isFinite(cell);
}

/** Throws `invalidInput` unless the history has distinct column names and one value per name in every row. */
export function checkVolHistory(history: VolHistory): void {
  if (!Array.isArray(history.assets) || history.assets.length === 0) {
    throw new CorrelationInputError("invalidInput", "no asset names were given: name each column of the history (BTC, ETH, …)");
  }
  const nameProblem = findAssetNameProblem(history.assets, "history column");
  if (nameProblem) throw new CorrelationInputError("invalidInput", nameProblem);
  if (!Array.isArray(history.levels)) {
    throw new CorrelationInputError("invalidInput", "the history must be a table of vol levels (rows = dates, columns = assets)");
  }
  const width = history.assets.length;
  history.levels.forEach((row, position) => {
    if (!Array.isArray(row) || row.length !== width) {
      throw new CorrelationInputError(
        "invalidInput",
        `history row ${position + 1} has ${Array.isArray(row) ? row.length : 0} values but ${width} assets are named: give one column per asset`,
      );
    }
  });
  history.levels.forEach((row, position) =>
    row.forEach((cell: HistoryCell, column: number) => {
      const problem = isGap(cell) ? null : implausibleLevelProblem(cell as number);
      if (problem !== null) {
        throw new CorrelationInputError("invalidInput", `history row ${position + 1} of levels, ${String(history.assets[column]).trim()}: ${problem}`);
      }
    }),
  );
  if (history.order !== undefined && history.order !== "oldestFirst" && history.order !== "newestFirst") {
    throw new CorrelationInputError("invalidInput", `order ${String(history.order)} must be oldestFirst or newestFirst`);
  }
}

/**
 * Daily changes from a table of vol levels. Only complete rows are used, never pairwise filling (which can make the
 * estimated matrix indefinite): a row with any gap is skipped, and the change between two consecutive rows is kept
 * only when both rows are complete. So one gap row removes two changes (the one into it and the one out of it), and
 * no change ever spans two days. Log changes need every level in a complete row to be > 0.
 *
 * @throws CorrelationInputError (`invalidInput`) for a malformed table or a non-positive level with `log`.
 */
export function volChangesFromLevels(history: VolHistory, kind: VolChangeKind = "absolute"): VolChangeTable {
  checkVolHistory(history);
  if (kind !== "absolute" && kind !== "log") {
    throw new CorrelationInputError("invalidInput", `changes ${String(kind)} must be absolute (differences) or log (ln ratios)`);
  }
  const assets = history.assets.map((name) => name.trim());
  const levelRowCount = history.levels.length;
  const newestFirst = history.order === "newestFirst";
  const chronological = newestFirst ? [...history.levels].reverse() : history.levels;
  const givenPosition = (chronologicalIndex: number): number => (newestFirst ? levelRowCount - 1 - chronologicalIndex : chronologicalIndex);
  const complete = chronological.map((row) => !row.some(isGap));
  if (kind === "log") {
    chronological.forEach((row, index) => {
      if (!complete[index]) return;
      row.forEach((cell: HistoryCell, column: number) => {
        if ((cell as number) <= 0) {
          throw new CorrelationInputError(
            "invalidInput",
            `history row ${givenPosition(index) + 1}, ${assets[column]}: level ${String(cell)} must be > 0 for log changes (use absolute changes, or fix the row)`,
          );
        }
      });
    });
  }
  const changes: number[][] = [];
  const laterRowPositions: number[] = [];
  for (let index = 1; index < chronological.length; index++) {
    if (!complete[index] || !complete[index - 1]) continue;
    const previous = chronological[index - 1] as readonly number[];
    const current = chronological[index] as readonly number[];
    changes.push(
      current.map((level, column) => {
        const before = previous[column] as number;
        return kind === "log" ? Math.log(level / before) : level - before;
      }),
    );
    laterRowPositions.push(givenPosition(index));
  }
  const incompleteLevelRows: number[] = [];
  complete.forEach((isComplete, index) => {
    if (!isComplete) incompleteLevelRows.push(givenPosition(index));
  });
  incompleteLevelRows.sort((a, b) => a - b);
  return {
    assets,
    kind,
    changes,
    laterRowPositions,
    levelRowCount,
    incompleteLevelRows,
    lostChangeCount: Math.max(levelRowCount - 1, 0) - changes.length,
  };
}
