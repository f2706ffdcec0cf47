import { HedgeInputError } from "./hedgeErrors";
import type { ContractSizing } from "./hedgeTypes";

/** Far beyond any listed option; keeps contracts × vega finite. */
export const MAX_CONTRACT_VEGA = 1e15;

/** Whole contracts unless a lot size is given. */
export const DEFAULT_LOT_SIZE = 1;

/** Removes the binary noise of lots × lotSize (3 × 0.1 = 0.30000000000000004) and turns −0 into 0. */
function tidy(value: number): number {
  return Number(value.toPrecision(15)) || 0;
}

/** More contracts than this is no trade at all: a contract vega in the wrong unit (per 1.00 of vol, per coin…). */
export const MAX_CONTRACTS = 1e15;

/** The first problem with a contract vega or lot size, or null. `proxy` names the proxy in the message. */
export function findContractProblem(proxy: string, vegaPerContract: number, lotSize: number): string | null {
  if (typeof vegaPerContract !== "number" || !Number.isFinite(vegaPerContract) || vegaPerContract === 0 || Math.abs(vegaPerContract) > MAX_CONTRACT_VEGA) {
    const blank = vegaPerContract === 0 ? " (a blank cell reads as 0 in Excel for the desktop)" : "";
    return `vega per contract for ${proxy} is ${String(vegaPerContract)}${blank}: give the cash vega per vol point of one contract (positive, at most ${MAX_CONTRACT_VEGA}, e.g. XV.VEGA × multiplier)`;
  }
  if (vegaPerContract < 0) {
    // A negative vega per contract would silently turn every buy into a sell and back.
    return (
      `vega per contract for ${proxy} is ${vegaPerContract}: give the vega of buying one contract, a positive number; ` +
      "the direction of the trade is in the sign of the contracts (negative = sell), not in the contract's vega"
    );
  }
  if (typeof lotSize !== "number" || !Number.isFinite(lotSize) || lotSize <= 0) {
    return `lot size for ${proxy} is ${String(lotSize)}: it must be a positive number of contracts (1 for whole contracts, 0.1 for tenths)`;
  }
  return null;
}

/** A count or a vega for a message: thousands separators in the usual range, else three significant figures. */
function formatAmount(value: number): string {
  return Math.abs(value) >= 1 && Math.abs(value) < 1e15 ? value.toLocaleString("en-US", { maximumFractionDigits: 2 }) : value.toPrecision(3);
}

/** Why a sizing cannot be shown (too many contracts, or too many lots to round to), or null. */
function sizingProblem(proxy: string, hedgeVegaPerVolPoint: number, vegaPerContract: number, lotSize: number, exactContracts: number, lots: number): string | null {
  if (!(Math.abs(exactContracts) <= MAX_CONTRACTS)) {
    return (
      `hedging ${formatAmount(hedgeVegaPerVolPoint)} of vega on ${proxy} at ${vegaPerContract} vega per contract takes ${Number.isFinite(exactContracts) ? formatAmount(Math.abs(exactContracts)) : "an unbounded number of"} contracts ` +
      `(more than ${MAX_CONTRACTS.toExponential()}): give the cash vega per vol point of one contract (XV.VEGA × multiplier, in the currency of the vegas)`
    );
  }
  if (!Number.isSafeInteger(lots)) {
    return `lot size for ${proxy} is ${lotSize}: too small to round ${formatAmount(exactContracts)} contracts to (over 2^53 lots); give the exchange's lot size, such as 1 or 0.1`;
  }
  return null;
}

/**
 * Contracts for a hedge vega: exact = hedge vega / vega per contract, then rounded to the nearest multiple of the lot
 * size (halves away from zero, so a sell and a buy of the same size round alike).
 *
 * @param hedgeVegaPerVolPoint vega to add, cash per vol point
 * @param vegaPerContract cash vega per vol point of one contract, same currency, positive
 * @param lotSize tradable increment in contracts, > 0
 */
export function sizeContracts(proxy: string, hedgeVegaPerVolPoint: number, vegaPerContract: number, lotSize: number = DEFAULT_LOT_SIZE): ContractSizing {
  const problem = findContractProblem(proxy, vegaPerContract, lotSize);
  if (problem) throw new HedgeInputError("invalidInput", problem);
  const exactContracts = hedgeVegaPerVolPoint / vegaPerContract || 0;
  const lotsUnrounded = exactContracts / lotSize;
  const lots = Math.sign(lotsUnrounded) * Math.round(Math.abs(lotsUnrounded)) || 0;
  const tooLarge = sizingProblem(proxy, hedgeVegaPerVolPoint, vegaPerContract, lotSize, exactContracts, lots);
  if (tooLarge) throw new HedgeInputError("invalidInput", tooLarge);
  const roundedContracts = tidy(lots * lotSize);
  return {
    vegaPerContract,
    lotSize,
    exactContracts,
    roundedContracts,
    lots,
    roundedHedgeVegaPerVolPoint: roundedContracts * vegaPerContract || 0,
  };
}
