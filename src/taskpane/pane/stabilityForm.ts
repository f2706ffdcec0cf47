/*
 * The Stability tab's options, as typed, and their reading into the numbers the backtest and the stress take. Pure.
 * Each bad value is refused with a message for its own field (never replaced by a default); a blank field means the
 * default its hint states (the same defaults as XV.HEDGEBACKTEST and XV.HEDGESTRESS).
 */
import { DEFAULT_BACKTEST_WINDOW, DEFAULT_CORRELATION_SHIFTS, DEFAULT_REBALANCE_INTERVAL } from "../../core/backtest";
import { MAX_ABSOLUTE_SHIFT } from "../../core/backtest/correlationStress";
import { MAX_RIDGE } from "../../core/hedge/hedgeInputs";

export interface StabilityForm {
  /** The history of vol levels, sheet-qualified ("Vols!A1:D400"). */
  historyAddress: string;
  window: string;
  /** Blank: the sample estimate over the window. */
  lambda: string;
  ridge: string;
  rebalance: string;
  /** "-0.5, -0.3, -0.2, -0.1, 0, 0.1" */
  shifts: string;
}

export type StabilityField = keyof StabilityForm;

/** The option fields (everything but the history's address), in the order the tab shows them. */
export const STABILITY_OPTION_FIELDS = ["window", "lambda", "ridge", "rebalance", "shifts"] as const;
export type StabilityOptionField = (typeof STABILITY_OPTION_FIELDS)[number];

export const DEFAULT_SHIFTS_TEXT = DEFAULT_CORRELATION_SHIFTS.join(", ");

export const DEFAULT_STABILITY_FORM: StabilityForm = {
  historyAddress: "",
  window: String(DEFAULT_BACKTEST_WINDOW),
  lambda: "",
  ridge: "0",
  rebalance: String(DEFAULT_REBALANCE_INTERVAL),
  shifts: DEFAULT_SHIFTS_TEXT,
};

export interface StabilityOptions {
  window: number;
  /** Null: the sample estimate over the window. */
  lambda: number | null;
  ridge: number;
  rebalance: number;
  shifts: number[];
}

export type OptionProblems = Partial<Record<StabilityOptionField, string>>;

export type ReadOptions = { ok: true; value: StabilityOptions } | { ok: false; problems: OptionProblems };

/** A number as typed: "60", "0.94", "1e-2", "−0.5" (a typographic minus, as pasted from a document). Null if not one. */
function numberFrom(text: string): number | null {
  const cleaned = text.trim().replace(/^[−–]/, "-");
  if (cleaned === "") return null;
  const value = Number(cleaned);
  return Number.isFinite(value) ? value : null;
}

function wholeNumber(text: string, fallback: number, least: number, label: string, meaning: string, example: string): number | string {
  if (text.trim() === "") return fallback;
  const value = numberFrom(text);
  if (value === null || !Number.isInteger(value) || value < least) {
    return `${label} "${text.trim()}" is not a whole number ≥ ${least}: give ${meaning}, such as ${example} (blank = ${fallback}).`;
  }
  return value;
}

function readLambda(text: string): number | null | string {
  if (text.trim() === "") return null;
  const value = numberFrom(text);
  if (value === null || !(value > 0 && value <= 1)) {
    return `λ "${text.trim()}" is not an EWMA decay between 0 (excluded) and 1, such as 0.94: type one, or clear the field for the sample estimate over the window.`;
  }
  return value;
}

function readRidge(text: string): number | string {
  if (text.trim() === "") return 0;
  const value = numberFrom(text);
  if (value === null || value < 0 || value > MAX_RIDGE) {
    return `Ridge "${text.trim()}" is not a number from 0 to ${MAX_RIDGE}: 0 = none, 0.01–0.1 steadies an unstable hedge (blank = 0).`;
  }
  return value;
}

/** "-0.5, -0.2 0; 0.1" → [−0.5, −0.2, 0, 0.1]: commas, semicolons or spaces separate. */
function readShifts(text: string): number[] | string {
  if (text.trim() === "") return [...DEFAULT_CORRELATION_SHIFTS];
  const parts = text.split(/[,;\s]+/).filter((part) => part !== "");
  const shifts: number[] = [];
  for (const [position, part] of parts.entries()) {
    const value = numberFrom(part);
    if (value === null) return `Shift ${position + 1}, "${part}", is not a number: give correlation shifts separated by commas, such as ${DEFAULT_SHIFTS_TEXT}.`;
    if (Math.abs(value) > MAX_ABSOLUTE_SHIFT) {
      return `Shift ${position + 1} is ${value}: a shift is added to correlations between −1 and 1, so it must lie from −${MAX_ABSOLUTE_SHIFT} to ${MAX_ABSOLUTE_SHIFT} (−0.3 = they fall by 0.3).`;
    }
    shifts.push(value);
  }
  return shifts;
}

/** The options, or a message for each field that holds a bad value. */
export function readStabilityOptions(form: StabilityForm): ReadOptions {
  const lambda = readLambda(form.lambda);
  const ewma = typeof lambda === "number";
  const read = {
    window: wholeNumber(form.window, DEFAULT_BACKTEST_WINDOW, ewma ? 1 : 2, "Window", ewma ? "the daily changes before the first out-of-sample day" : "the daily changes in each estimate (at least 2)", "60"),
    lambda,
    ridge: readRidge(form.ridge),
    rebalance: wholeNumber(form.rebalance, DEFAULT_REBALANCE_INTERVAL, 1, "Rebalance", "how many out-of-sample days a hedge is held (1 = re-hedge daily)", "1 or 5"),
    shifts: readShifts(form.shifts),
  };
  const problems: OptionProblems = {};
  for (const field of STABILITY_OPTION_FIELDS) {
    const value = read[field];
    if (typeof value === "string") problems[field] = value;
  }
  if (Object.keys(problems).length > 0) return { ok: false, problems };
  return {
    ok: true,
    value: { window: read.window as number, lambda: read.lambda as number | null, ridge: read.ridge as number, rebalance: read.rebalance as number, shifts: read.shifts as number[] },
  };
}
