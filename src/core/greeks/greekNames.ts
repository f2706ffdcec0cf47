/**
 * The columns of the Greeks row, in their default order. Units: price per 1 unit of underlying (coin for inverse);
 * delta per 1 of the underlying; gamma per 1 of the underlying, squared; vega per vol point; theta per calendar day;
 * rho per 1 percentage point of rate; vanna = change of delta per vol point; volga = change of vega per vol point.
 */
export const GREEK_NAMES = ["price", "delta", "gamma", "vega", "theta", "rho", "vanna", "volga"] as const;

export type GreekName = (typeof GREEK_NAMES)[number];

/** Values per leg in a Greeks row. */
export const GREEK_COUNT = GREEK_NAMES.length;

/** The position of a Greek typed by a user (trimmed, any case) in GREEK_NAMES, or −1. */
export function greekIndex(text: string): number {
  return (GREEK_NAMES as readonly string[]).indexOf(text.trim().toLowerCase());
}
