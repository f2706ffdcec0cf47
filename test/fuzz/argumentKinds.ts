/*
 * What kind of value each XV function argument takes, by its name in the function registry, so that a function added
 * to the registry is fuzzed without touching the fuzzer: a name listed here gets its own generator; any other name
 * gets a kind inferred from the name (and the run reports it, so the list can be completed).
 */

/** A typical value range for the number arguments, so that most inputs get past the readers into the maths. */
export interface NumberRange {
  low: number;
  high: number;
}

export type ArgumentKind =
  /** Broadcast numbers: one cell, or a range of the call's shape (XV.VEGA's columns). */
  | { kind: "number"; typical: NumberRange }
  /** Broadcast words from a fixed set (model, unit). */
  | { kind: "choice"; words: readonly string[] }
  /** One option cell (lambda, ridge). */
  | { kind: "scalar"; typical: NumberRange }
  /** A row or column of asset names: the legs' assets, or the proxies. */
  | { kind: "names"; role: "legs" | "proxies" }
  /** A row or column of numbers, one per leg or per proxy. */
  | { kind: "perName"; role: "legs" | "proxies"; typical: NumberRange }
  /** A square correlation-like matrix, labelled or not. */
  | { kind: "matrix"; labels: "always" | "maybe" }
  /** Asset names and a value each, in two columns or two rows (XV_VOLVOL). */
  | { kind: "assetValues"; typical: NumberRange }
  /** Daily vol levels: every asset ("universe") or one column ("single"). */
  | { kind: "history"; columns: "universe" | "single" }
  /** Anything: used for an argument whose name says nothing. */
  | { kind: "any" };

const PRICE: NumberRange = { low: 1, high: 100_000 };
const RATE: NumberRange = { low: -0.05, high: 0.2 };

/** Every argument name of the registry today, with its kind. */
export const KNOWN_ARGUMENT_KINDS: Readonly<Record<string, ArgumentKind>> = {
  underlying: { kind: "number", typical: PRICE },
  strike: { kind: "number", typical: PRICE },
  years: { kind: "number", typical: { low: -0.1, high: 5 } },
  vol: { kind: "number", typical: { low: 0.01, high: 3 } },
  rate: { kind: "number", typical: RATE },
  carry: { kind: "number", typical: RATE },
  model: { kind: "choice", words: ["bsm", "black76", "inverse"] },
  unit: { kind: "choice", words: ["point", "unit"] },
  vega: { kind: "number", typical: { low: -100_000, high: 100_000 } },
  ref_days: { kind: "number", typical: { low: 1, high: 365 } },
  expiry: { kind: "number", typical: { low: 45_000, high: 47_000 } },
  valuation: { kind: "number", typical: { low: 45_000, high: 46_000 } },
  assets: { kind: "names", role: "legs" },
  vegas: { kind: "perName", role: "legs", typical: { low: -100_000, high: 100_000 } },
  proxies: { kind: "names", role: "proxies" },
  correlations: { kind: "matrix", labels: "always" },
  volvols: { kind: "assetValues", typical: { low: 0.2, high: 6 } },
  contract_vegas: { kind: "perName", role: "proxies", typical: { low: 1, high: 1000 } },
  lot_sizes: { kind: "perName", role: "proxies", typical: { low: 0.1, high: 10 } },
  ridge: { kind: "scalar", typical: { low: 0, high: 1 } },
  matrix: { kind: "matrix", labels: "maybe" },
  history: { kind: "history", columns: "universe" },
  lambda: { kind: "scalar", typical: { low: 0.8, high: 1 } },
  changes: { kind: "choice", words: ["abs", "log", "absolute", "relative"] },
  target_history: { kind: "history", columns: "single" },
  proxy_history: { kind: "history", columns: "single" },
  window: { kind: "scalar", typical: { low: 2, high: 6 } },
  rebalance: { kind: "scalar", typical: { low: 1, high: 10 } },
  shifts: { kind: "scalar", typical: { low: -0.6, high: 0.3 } },
};

/** A kind guessed from an argument's name, for arguments added after this list was written. */
export function inferArgumentKind(name: string): ArgumentKind {
  const key = name.toLowerCase();
  if (key.includes("histor")) return { kind: "history", columns: /target|proxy|series/.test(key) ? "single" : "universe" };
  if (/corr|matrix|covar/.test(key)) return { kind: "matrix", labels: "maybe" };
  if (/volvol|vol_of_vol|volofvol/.test(key)) return { kind: "assetValues", typical: { low: 0.2, high: 6 } };
  if (/^assets?$|names?$/.test(key)) return { kind: "names", role: "legs" };
  if (/prox/.test(key)) return { kind: "names", role: "proxies" };
  if (/lambda|ridge|tolerance|threshold|cap|limit|iterations/.test(key)) return { kind: "scalar", typical: { low: 0, high: 1 } };
  if (/model|unit|changes|method|kind|type|style|convention|right|call|put/.test(key)) return { kind: "choice", words: ["call", "put", "bsm", "abs"] };
  if (/price|spot|forward|strike|premium|vega|days|years|vol|rate|carry|qty|quantity|date|expiry|valuation/.test(key)) {
    return { kind: "number", typical: { low: 0.01, high: 1000 } };
  }
  return { kind: "any" };
}

export interface ResolvedArgument {
  name: string;
  kind: ArgumentKind;
  /** True when the kind was guessed from the name (reported, so the list above can be completed). */
  inferred: boolean;
  /** Excel may omit it (it then arrives as null). */
  optional: boolean;
}

export function resolveArgument(name: string, optional: boolean): ResolvedArgument {
  const known = KNOWN_ARGUMENT_KINDS[name];
  return known ? { name, kind: known, inferred: false, optional } : { name, kind: inferArgumentKind(name), inferred: true, optional };
}

/** Broadcast arguments share the call's shape; these kinds are the column functions' (XV.VEGA, XV.TWVEGA, XV.YEARS). */
export function isBroadcastKind(kind: ArgumentKind): boolean {
  return kind.kind === "number" || kind.kind === "choice";
}
