import { MAX_YEARS } from "./legValidation";

/** DVOL and most desks compare vega at a 30-day constant maturity. */
export const DEFAULT_REFERENCE_DAYS = 30;
export const DAYS_PER_YEAR = 365;

/**
 * Time-weighted vega: vega × √(T_ref / T) with T_ref = referenceDays/365. Short-dated implied vols move more than
 * long-dated ones (root-time rule), so this puts vegas of different expiries on one footing.
 * An expired leg (years ≤ 0) has no vega and so no time-weighted vega.
 */
export function timeWeightedVega(vega: number, years: number, referenceDays: number = DEFAULT_REFERENCE_DAYS): number {
  if (!(years > 0)) return 0;
  return vega * Math.sqrt(referenceDays / DAYS_PER_YEAR / years);
}

/** The first problem with time-weighted vega inputs, or null. */
export function findTimeWeightingProblem(vega: number, years: number, referenceDays: number): string | null {
  if (!Number.isFinite(vega)) return "vega must be a finite number";
  if (!Number.isFinite(years)) return "years must be a finite number of years to expiry";
  if (years > MAX_YEARS) return `years ${years} looks like an Excel date: use (expiry − valuation)/365`;
  if (!Number.isFinite(referenceDays) || referenceDays <= 0) return `ref_days ${referenceDays} must be a positive number of days (30 for DVOL)`;
  if (referenceDays > 36500) return `ref_days ${referenceDays} must be at most 36500 days`;
  return null;
}
