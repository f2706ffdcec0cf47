import type { OptionType } from "../vega/blackPrice";

export type { OptionType };

export const OPTION_TYPES: readonly OptionType[] = ["call", "put"];

export const DEFAULT_OPTION_TYPE: OptionType = "call";

/** Reads an option type typed by a user: call/put or c/p (trimmed, any case); null for anything else. */
export function parseOptionType(text: string): OptionType | null {
  const normalised = text.trim().toLowerCase();
  if (normalised === "call" || normalised === "c") return "call";
  if (normalised === "put" || normalised === "p") return "put";
  return null;
}
