/*
 * Reads the arguments of XV.HEDGEBACKTEST / XV.BACKTESTSTATS (the same eight) and XV.HEDGESTRESS into the engine's
 * inputs. As in hedgeArguments.ts, the ranges are checked here (argument, position, value in the message); the numbers
 * (a valid matrix, a ridge in range, enough history) are the engine's checks.
 */
import { DEFAULT_BACKTEST_WINDOW, DEFAULT_CORRELATION_SHIFTS, DEFAULT_REBALANCE_INTERVAL, type CorrelationStressInput, type HedgeBacktestInput } from "../core/backtest";
import { describeDayNumber } from "../core/correlation";
import { describeCellValue, isEmptyInRange, isNonBlankText, notANumberMessage } from "./cellReading";
import { readHistory, type ReadVolHistory } from "./historyReading";
import { readAbsoluteCorrelations, readLegs, readOptionalVolOfVols, readProxies, readRidge } from "./hedgeArguments";
import { RangeInputError } from "./rangeInputError";
import { listPosition, readCellList, readSingleCell } from "./rangeReading";

/** Excel's serial of 1970-01-01 (serial − this = days since 1970). */
const UNIX_EPOCH_SERIAL = 25569;

export interface BacktestArguments {
  history: unknown;
  assets: unknown;
  vegas: unknown;
  proxies: unknown;
  window: unknown;
  lambda: unknown;
  ridge: unknown;
  rebalance: unknown;
}

export interface StressArguments {
  assets: unknown;
  vegas: unknown;
  proxies: unknown;
  correlations: unknown;
  volvols: unknown;
  shifts: unknown;
  ridge: unknown;
}

/**
 * A whole number ≥ `least`; blank, omitted or 0 (the desktop sends a blank cell as 0) means `fallback`. Anything else
 * is refused naming the argument, never rounded: a window of 59.5 is a typo, not a window.
 */
function readCount(value: unknown, argument: string, least: number, fallback: number, expected: string): number {
  const cell = readSingleCell(value, argument);
  if (isEmptyInRange(cell) || cell === 0) return fallback;
  if (typeof cell !== "number") throw new RangeInputError(notANumberMessage(argument, cell, expected));
  if (!Number.isInteger(cell) || cell < least) throw new RangeInputError(`${argument} ${cell} must be ${expected}`);
  return cell;
}

/** Lambda as XV.VOLCORR reads it: blank, omitted or 0 → the sample estimate; otherwise the EWMA decay (checked by the engine). */
function readLambda(value: unknown): number | null {
  const cell = readSingleCell(value, "lambda");
  if (isEmptyInRange(cell) || cell === 0) return null;
  if (typeof cell !== "number") throw new RangeInputError(notANumberMessage("lambda", cell, "an EWMA decay 0 < λ ≤ 1 (RiskMetrics daily: 0.94), or leave it out for the sample estimate over the window"));
  return cell;
}

/**
 * How the backtest's messages name a level row of a history read from a range: its date and its row in the range
 * (the names row is row 1), e.g. "2025-02-03 (history row 35)".
 */
export function historyRowDescriber(history: ReadVolHistory): (position: number) => string {
  return (position) => {
    const row = `history row ${position + 2}`;
    const date = history.hasDateColumn ? history.rowDates[position] : undefined;
    if (typeof date === "string") return `${date} (${row})`;
    // A number other than the row's own number is an Excel date serial from the date column.
    return typeof date === "number" && date !== position + 2 ? `${describeDayNumber(date - UNIX_EPOCH_SERIAL)} (${row})` : row;
  };
}

/** The eight arguments of the backtest, in their order (the first bad one is reported). */
export function readBacktestRequest(args: BacktestArguments): HedgeBacktestInput {
  const history = readHistory(args.history, "history", "absolute");
  const targets = readLegs(args.assets, args.vegas);
  const proxies = readProxies(args.proxies).names;
  const lambda = readLambda(args.lambda);
  const window = readCount(args.window, "window", lambda === null ? 2 : 1, DEFAULT_BACKTEST_WINDOW, `a whole number of daily changes ≥ ${lambda === null ? 2 : 1} (default ${DEFAULT_BACKTEST_WINDOW})`);
  const ridge = readRidge(args.ridge);
  const rebalance = readCount(args.rebalance, "rebalance", 1, DEFAULT_REBALANCE_INTERVAL, "a whole number of days ≥ 1 between re-hedges (1 = daily, the default)");
  return { history, rowDates: history.rowDates, describeRow: historyRowDescriber(history), targets, proxies, window, lambda, ridge, rebalance };
}

/** The shifts: a row or column of numbers (blank cells skipped, 0 kept); omitted or all blank → the default set. */
function readShifts(value: unknown): readonly number[] {
  if (value === null || value === undefined) return DEFAULT_CORRELATION_SHIFTS;
  const list = readCellList(value, "shifts", "correlation shifts such as -0.3, 0, 0.1");
  const shifts: number[] = [];
  list.cells.forEach((cell, index) => {
    // A 0 is the shift of today's correlations, not a blank: keep it (a desktop blank sent as 0 only repeats that row).
    if (cell !== 0 && isEmptyInRange(cell)) return;
    if (typeof cell !== "number") {
      const percent = isNonBlankText(cell) ? /^\s*([-+]?\d+(?:\.\d+)?)\s*%\s*$/.exec(cell) : null;
      const word = percent ? ` (for ${String(cell).trim()} type ${Number(percent[1]) / 100})` : "";
      throw new RangeInputError(`shifts ${listPosition(list, index)} is ${describeCellValue(cell)}: expected a correlation shift such as -0.3${word}`);
    }
    shifts.push(cell);
  });
  return shifts.length === 0 ? DEFAULT_CORRELATION_SHIFTS : shifts;
}

/** The seven arguments of the stress, in their order. */
export function readStressRequest(args: StressArguments): CorrelationStressInput {
  const targets = readLegs(args.assets, args.vegas);
  const proxies = readProxies(args.proxies).names;
  const correlation = readAbsoluteCorrelations(args.correlations, "XV.HEDGESTRESS works");
  const volOfVols = readOptionalVolOfVols(args.volvols);
  const shifts = readShifts(args.shifts);
  const ridge = readRidge(args.ridge);
  return { targets, proxies, correlation, shifts, ridge, ...(volOfVols ? { volOfVols } : {}) };
}
