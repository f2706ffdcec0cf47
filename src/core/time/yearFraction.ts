import { DAYS_PER_YEAR } from "../vega/timeWeightedVega";

/** Excel's serial for 9999-12-31, the last date it can hold. */
export const MAX_EXCEL_SERIAL = 2958465;

/**
 * Years from valuation to expiry, ACT/365 with fractional days, from two Excel date-time serials (days since
 * 1899-12-30; the fraction is the time of day). Crypto expiries are at 08:00 UTC and trade 24/7, so the hours matter:
 * 12 hours before expiry is 0.5/365 years. Negative when the leg has expired (vega then treats it as 0).
 */
export function yearsBetweenSerials(expirySerial: number, valuationSerial: number): number {
  return (expirySerial - valuationSerial) / DAYS_PER_YEAR;
}

/** Every way a date-time serial can be refused, as a code (no text built: see `describeSerialProblem`). */
export type SerialProblemKind = "notFinite" | "outOfRange";

/** The problem with a date-time serial, as a code, or null. */
export function classifySerialProblem(serial: number): SerialProblemKind | null {
  if (!Number.isFinite(serial)) return "notFinite";
  if (serial <= 0 || serial > MAX_EXCEL_SERIAL) return "outOfRange";
  return null;
}

/** The message for a problem of `kind` with the serial `serial` of `argument`: a pure function, so it can be shared. */
export function describeSerialProblem(argument: string, kind: SerialProblemKind, serial: number): string {
  if (kind === "notFinite") return `${argument} must be an Excel date-time`;
  return `${argument} ${serial} is not an Excel date-time: use a date cell or DATE(y,m,d)+TIME(h,m,s)`;
}

/** The first problem with a date-time serial, or null. `argument` names it in the message. */
export function findSerialProblem(argument: string, serial: number): string | null {
  const kind = classifySerialProblem(serial);
  return kind === null ? null : describeSerialProblem(argument, kind, serial);
}
