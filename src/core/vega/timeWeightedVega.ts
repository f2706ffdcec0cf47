import { MAX_YEARS } from "./legValidation";

/** DVOL and most desks compare vega at a 30-day constant maturity. */
export const DEFAULT_REFERENCE_DAYS = 30;
export const DAYS_PER_YEAR = 365;
/** A reference maturity beyond 100 years is a typing slip. */
export const MAX_REFERENCE_DAYS = 36500;
/** One second, in years: closer to expiry the √(T_ref / T) weighting explodes and means nothing (use 0 once expired). */
export const MIN_TIME_WEIGHTED_YEARS = 1 / (DAYS_PER_YEAR * 24 * 3600);
/** No book holds more vega than this (the hedge's bound too); beyond it the weighted result could overflow. */
export const MAX_ABSOLUTE_VEGA = 1e15;

/**
 * Time-weighted vega: vega × √(T_ref / T) with T_ref = referenceDays/365. Short-dated implied vols move more than
 * long-dated ones (root-time rule), so this puts vegas of different expiries on one footing.
 * An expired leg (years ≤ 0) has no vega and so no time-weighted vega.
 */
export function timeWeightedVega(vega: number, years: number, referenceDays: number = DEFAULT_REFERENCE_DAYS): number {
  if (!(years > 0)) return 0;
  // Two square roots: referenceDays / years alone overflows for a subnormal years.
  return (vega * Math.sqrt(referenceDays / DAYS_PER_YEAR)) / Math.sqrt(years);
}

/** Every way time-weighting inputs can be refused, as a code (no text built: see `describeTimeWeightingProblem`). */
export type TimeWeightingProblemKind =
  | "vegaNotFinite"
  | "vegaTooLarge"
  | "yearsNotFinite"
  | "yearsLooksLikeDate"
  | "yearsUnderOneSecond"
  | "referenceDaysNotPositive"
  | "referenceDaysTooLarge";

/** The first problem with time-weighted vega inputs, as a code, or null. */
export function classifyTimeWeightingProblem(vega: number, years: number, referenceDays: number): TimeWeightingProblemKind | null {
  if (!Number.isFinite(vega)) return "vegaNotFinite";
  if (Math.abs(vega) > MAX_ABSOLUTE_VEGA) return "vegaTooLarge";
  if (!Number.isFinite(years)) return "yearsNotFinite";
  if (years > MAX_YEARS) return "yearsLooksLikeDate";
  if (years > 0 && years < MIN_TIME_WEIGHTED_YEARS) return "yearsUnderOneSecond";
  if (!Number.isFinite(referenceDays) || referenceDays <= 0) return "referenceDaysNotPositive";
  if (referenceDays > MAX_REFERENCE_DAYS) return "referenceDaysTooLarge";
  return null;
}

/** The input a problem of `kind` is about (the one its message quotes). */
export function timeWeightingProblemValue(kind: TimeWeightingProblemKind, vega: number, years: number, referenceDays: number): number {
  if (kind === "vegaNotFinite" || kind === "vegaTooLarge") return vega;
  return kind === "yearsNotFinite" || kind === "yearsLooksLikeDate" || kind === "yearsUnderOneSecond" ? years : referenceDays;
}

/** The message for a problem of `kind` whose input holds `value`: a pure function of the two, so it can be shared. */
export function describeTimeWeightingProblem(kind: TimeWeightingProblemKind, value: number): string {
  switch (kind) {
    case "vegaNotFinite":
      return "vega must be a finite number";
    case "vegaTooLarge":
      return `vega ${value} is beyond any book's vega (at most ${MAX_ABSOLUTE_VEGA}): check the cell and its units`;
    case "yearsUnderOneSecond":
      return `years ${value} is less than one second to expiry, where the √(ref_days / years) weighting explodes: use 0 for an expired leg`;
    case "yearsNotFinite":
      return "years must be a finite number of years to expiry";
    case "yearsLooksLikeDate":
      return `years ${value} looks like an Excel date: use (expiry − valuation)/365`;
    case "referenceDaysNotPositive":
      return `ref_days ${value} must be a positive number of days (30 for DVOL)`;
    case "referenceDaysTooLarge":
      return `ref_days ${value} must be at most ${MAX_REFERENCE_DAYS} days`;
  }
}

/** The first problem with time-weighted vega inputs, with its message, or null. */
export function findTimeWeightingProblem(vega: number, years: number, referenceDays: number): string | null {
  const kind = classifyTimeWeightingProblem(vega, years, referenceDays);
  return kind === null ? null : describeTimeWeightingProblem(kind, timeWeightingProblemValue(kind, vega, years, referenceDays));
}
