/*
 * Every XV custom function by the name a user types (`XV.VEGA`), mapped to the adapter Excel calls. Used by whatever
 * re-runs a formula outside Excel's own call: the pane's "Explain selected cell", the end-of-day check, the fuzzer.
 * A new @customfunction must be listed here (a test compares this list with functions.json).
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- the adapters take Excel's raw any[][] arguments */
import { backteststats, hedgebacktest, hedgestress } from "./backtestFunctions";
import { nearcorr, volbeta, volcheck, volcorr, volofvol } from "./correlationFunctions";
import { greeks } from "./greeksFunctions";
import { impliedvol } from "./impliedVolFunctions";
import { hedgestats, xvegahedge } from "./hedgeFunctions";
import { twvega, vega, years } from "./vegaFunctions";

export type CustomFunctionAdapter = (...args: any[]) => any;

export interface RegisteredFunction {
  /** As typed in a cell: `XV.VEGA`. */
  name: string;
  /** The adapter Excel calls, with Excel's raw arguments (omitted optionals as null). */
  adapter: CustomFunctionAdapter;
  /** Argument names in order, as in the function reference. */
  argumentNames: readonly string[];
}

export const XV_FUNCTIONS: readonly RegisteredFunction[] = [
  { name: "XV.VEGA", adapter: vega, argumentNames: ["underlying", "strike", "years", "vol", "rate", "carry", "model", "unit"] },
  { name: "XV.TWVEGA", adapter: twvega, argumentNames: ["vega", "years", "ref_days"] },
  { name: "XV.YEARS", adapter: years, argumentNames: ["expiry", "valuation"] },
  {
    name: "XV.XVEGAHEDGE",
    adapter: xvegahedge,
    argumentNames: ["assets", "vegas", "proxies", "correlations", "volvols", "contract_vegas", "lot_sizes", "ridge"],
  },
  {
    name: "XV.HEDGESTATS",
    adapter: hedgestats,
    argumentNames: ["assets", "vegas", "proxies", "correlations", "volvols", "contract_vegas", "lot_sizes", "ridge"],
  },
  { name: "XV.NEARCORR", adapter: nearcorr, argumentNames: ["matrix", "input", "min_eigenvalue", "locked"] },
  { name: "XV.VOLCORR", adapter: volcorr, argumentNames: ["history", "lambda", "changes"] },
  { name: "XV.VOLOFVOL", adapter: volofvol, argumentNames: ["history", "lambda", "changes"] },
  { name: "XV.VOLBETA", adapter: volbeta, argumentNames: ["target_history", "proxy_history", "lambda"] },
  { name: "XV.VOLCHECK", adapter: volcheck, argumentNames: ["history", "lambda", "changes"] },
  { name: "XV.IMPLIEDVOL", adapter: impliedvol, argumentNames: ["price", "underlying", "strike", "years", "rate", "carry", "model", "type"] },
  {
    name: "XV.GREEKS",
    adapter: greeks,
    argumentNames: ["underlying", "strike", "years", "vol", "rate", "carry", "model", "type", "greeks"],
  },
  {
    name: "XV.HEDGEBACKTEST",
    adapter: hedgebacktest,
    argumentNames: ["history", "assets", "vegas", "proxies", "window", "lambda", "ridge", "rebalance"],
  },
  {
    name: "XV.BACKTESTSTATS",
    adapter: backteststats,
    argumentNames: ["history", "assets", "vegas", "proxies", "window", "lambda", "ridge", "rebalance"],
  },
  { name: "XV.HEDGESTRESS", adapter: hedgestress, argumentNames: ["assets", "vegas", "proxies", "correlations", "volvols", "shifts", "ridge"] },
];

/** The registered function for a name as typed (`XV.VEGA`, `xv.vega`) or as stored in a file (`_xldudf_XV_VEGA`); null when none. */
export function findXvFunction(name: string): RegisteredFunction | null {
  const canonical = name.trim().toUpperCase().replace(/^_XLDUDF_XV_/, "XV.");
  return XV_FUNCTIONS.find((entry) => entry.name === canonical) ?? null;
}
