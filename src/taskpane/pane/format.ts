/*
 * How the pane writes numbers. Pure (no DOM): the controller, the views and their tests share it.
 * Inputs show plain ASCII numbers ("-0.25") so that what is shown can be typed back.
 */

/** Decimals shown in a matrix cell: enough to tell a repaired 0.7929 from 0.79, few enough to fit 56px. */
export const CORRELATION_DECIMALS = 4;

/** Strips the trailing zeros of toFixed and turns −0 into 0: 0.5000 → "0.5", 1 → "1". */
function trimmed(fixed: string): string {
  const withoutZeros = fixed.includes(".") ? fixed.replace(/0+$/, "").replace(/\.$/, "") : fixed;
  return withoutZeros === "-0" ? "0" : withoutZeros;
}

/** A correlation as a matrix cell shows it (rounded to CORRELATION_DECIMALS; the stored value keeps every digit). */
export function formatCorrelation(value: number): string {
  return Number.isFinite(value) ? trimmed(value.toFixed(CORRELATION_DECIMALS)) : String(value);
}

/** A vol-of-vol in its input: as stored (up to 6 decimals), blank when not set. */
export function formatVolOfVol(value: number | null): string {
  return value === null ? "" : trimmed(value.toFixed(6));
}

/** Below this an eigenvalue is rounding noise of an exact 0 (a repaired matrix is often singular): shown as "≈ 0". */
export const ROUNDING_NOISE = 1e-12;

/** A statistic such as an eigenvalue: 4 decimals, or 3 significant digits in exponent form when tiny or huge. */
export function formatStatistic(value: number | null): string {
  if (value === null) return "none";
  if (!Number.isFinite(value)) return String(value);
  const size = Math.abs(value);
  if (size !== 0 && size < ROUNDING_NOISE) return "≈ 0";
  if (size !== 0 && (size < 1e-4 || size >= 1e6)) return value.toExponential(2);
  return trimmed(value.toFixed(4));
}

/** Cash amounts (vegas, P&L standard deviations): grouped, at most 2 decimals. */
export function formatAmount(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const text = new Intl.NumberFormat("en-US", { maximumFractionDigits: Math.abs(value) >= 100 ? 0 : 2 }).format(value);
  return text === "-0" ? "0" : text;
}

/** Contracts: up to 4 decimals (lots of 0.1 contracts, exact ratios). */
export function formatContracts(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const text = new Intl.NumberFormat("en-US", { maximumFractionDigits: 4 }).format(value);
  return text === "-0" ? "0" : text;
}

/** A fraction as a percentage: 0.9123 → "91.2%". */
export function formatPercent(value: number): string {
  return Number.isFinite(value) ? `${(value * 100).toFixed(1)}%` : String(value);
}

/** An ISO 8601 time as the pane shows it: "2026-11-21 08:00 UTC"; the text itself when it does not parse. */
export function formatTimestamp(iso: string): string {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return iso;
  return `${new Date(time).toISOString().slice(0, 16).replace("T", " ")} UTC`;
}
