import { standardNormalCumulative } from "../normalDistribution";
import type { OptionModel } from "./optionModel";

export type OptionType = "call" | "put";

/**
 * Price of one European option leg under the same conventions as `vegaPerUnitVol` (bsm and black76 in the premium
 * currency, inverse in coin per 1 coin of notional). Used as the independent route that vega is checked against
 * (central finite differences in σ), and by anyone who wants the premium beside the vega.
 */
export function blackPrice(
  optionType: OptionType,
  model: OptionModel,
  underlying: number,
  strike: number,
  years: number,
  vol: number,
  rate: number,
  carry: number,
): number {
  const sign = optionType === "call" ? 1 : -1;
  const forward = model === "bsm" ? underlying * Math.exp((rate - carry) * years) : underlying;
  const discount = Math.exp(-rate * Math.max(years, 0));
  const standardDeviation = vol * Math.sqrt(Math.max(years, 0));
  let undiscounted: number;
  if (standardDeviation === 0) {
    undiscounted = Math.max(sign * (forward - strike), 0);
  } else {
    const d1 = Math.log(forward / strike) / standardDeviation + 0.5 * standardDeviation;
    const d2 = d1 - standardDeviation;
    undiscounted =
      sign * (forward * standardNormalCumulative(sign * d1) - strike * standardNormalCumulative(sign * d2));
  }
  const price = discount * undiscounted;
  return model === "inverse" ? price / forward : price;
}
