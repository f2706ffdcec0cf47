/*
 * Does a saved value still equal what the engine gives? Numbers within a tolerance (relative, with an absolute floor
 * for values near 0), text exactly but ignoring case (asset names are case-insensitive everywhere in xvega), errors
 * by their code; blank equals blank.
 */
import { ABSOLUTE_TOLERANCE } from "./checkTypes";
import { CheckCellValue, ExcelErrorValue } from "./cellValues";

function isBlank(value: CheckCellValue | undefined): boolean {
  return value === undefined || value === null || value === "";
}

export function numbersAgree(cached: number, recomputed: number, relativeTolerance: number): boolean {
  const gap = Math.abs(cached - recomputed);
  return gap <= ABSOLUTE_TOLERANCE || gap <= relativeTolerance * Math.max(Math.abs(cached), Math.abs(recomputed));
}

export function valuesAgree(cached: CheckCellValue | undefined, recomputed: CheckCellValue, relativeTolerance: number): boolean {
  if (isBlank(cached) || isBlank(recomputed)) return isBlank(cached) && isBlank(recomputed);
  if (cached instanceof ExcelErrorValue || recomputed instanceof ExcelErrorValue) {
    return cached instanceof ExcelErrorValue && recomputed instanceof ExcelErrorValue && cached.code === recomputed.code;
  }
  if (typeof cached === "number" && typeof recomputed === "number") return numbersAgree(cached, recomputed, relativeTolerance);
  if (typeof cached === "string" && typeof recomputed === "string") return cached.toLowerCase() === recomputed.toLowerCase();
  return cached === recomputed;
}

/** A value as a message shows it: 0.0123, "BTC", #VALUE!, blank. */
export function describeValue(value: CheckCellValue | undefined): string {
  if (isBlank(value)) return "blank";
  if (value instanceof ExcelErrorValue) return value.code;
  if (typeof value === "string") return `"${value.length > 60 ? `${value.slice(0, 59)}…` : value}"`;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return String(value);
}
