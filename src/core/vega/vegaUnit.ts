/**
 * The vol move vega is quoted for.
 * - `point`: per 1 vol point (σ + 0.01), the desk and exchange convention. Default.
 * - `unit`: per 1.00 of vol (σ + 1), the textbook / QuantLib convention: 100× the `point` figure.
 */
export type VegaUnit = "point" | "unit";

export const VEGA_UNITS: readonly VegaUnit[] = ["point", "unit"];

export const DEFAULT_VEGA_UNIT: VegaUnit = "point";

/** Factor turning a vega per 1.00 of vol into a vega in `unit`. */
export function vegaUnitScale(unit: VegaUnit): number {
  return unit === "point" ? 0.01 : 1;
}

/** Reads a unit name typed by a user (trimmed, any case); null when it is not one of VEGA_UNITS. */
export function parseVegaUnit(text: string): VegaUnit | null {
  const normalised = text.trim().toLowerCase();
  return (VEGA_UNITS as readonly string[]).includes(normalised) ? (normalised as VegaUnit) : null;
}
