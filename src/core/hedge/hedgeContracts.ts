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

/** The first problem with a contract vega or lot size, or null. `proxy` names the proxy in the message. */
export function findContractProblem(proxy: string, vegaPerContract: number, lotSize: number): string | null {
  if (typeof vegaPerContract !== "number" || !Number.isFinite(vegaPerContract) || vegaPerContract === 0 || Math.abs(vegaPerContract) > MAX_CONTRACT_VEGA) {
    return `vega per contract for ${proxy} is ${String(vegaPerContract)}: give the cash vega per vol point of one contract (non-zero, at most ${MAX_CONTRACT_VEGA} in size, e.g. XV.VEGA × multiplier)`;
  }
  if (typeof lotSize !== "number" || !Number.isFinite(lotSize) || lotSize <= 0) {
    return `lot size for ${proxy} is ${String(lotSize)}: it must be a positive number of contracts (1 for whole contracts, 0.1 for tenths)`;
  }
  return null;
}

/**
 * Contracts for a hedge vega: exact = hedge vega / vega per contract, then rounded to the nearest multiple of the lot
 * size (halves away from zero, so a sell and a buy of the same size round alike).
 *
 * @param hedgeVegaPerVolPoint vega to add, cash per vol point
 * @param vegaPerContract cash vega per vol point of one contract, same currency, non-zero
 * @param lotSize tradable increment in contracts, > 0
 */
export function sizeContracts(proxy: string, hedgeVegaPerVolPoint: number, vegaPerContract: number, lotSize: number = DEFAULT_LOT_SIZE): ContractSizing {
  const problem = findContractProblem(proxy, vegaPerContract, lotSize);
  if (problem) throw new HedgeInputError("invalidInput", problem);
  const exactContracts = hedgeVegaPerVolPoint / vegaPerContract || 0;
  const lotsUnrounded = exactContracts / lotSize;
  const lots = Math.sign(lotsUnrounded) * Math.round(Math.abs(lotsUnrounded)) || 0;
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
