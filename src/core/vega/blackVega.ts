import { INVERSE_SQRT_TWO_PI } from "../normalDistribution";
import type { OptionModel } from "./optionModel";

/**
 * At zero standard deviation vega jumps from 0 (away from the money-forward) to its σ→0 limit (exactly at it). A
 * forward computed as S·e^((r−q)T) rarely equals a strike to the last bit, so log-moneyness this close to 0 counts as
 * at the money.
 */
export const AT_THE_MONEY_LOG_TOLERANCE = 1e-12;

/**
 * Vega per 1.00 of vol (∂price/∂σ) of one option leg, for inputs already checked by `findLegProblem`.
 *
 * All three models are one Black formula: vega = scale · φ(d1) · √T with d1 = ln(F/K)/(σ√T) + σ√T/2.
 * - bsm:      ln(F/K) = ln(S/K) + (r − q)T,  scale = S·e^(−qT)   (= F·e^(−rT))
 * - black76:  ln(F/K) = ln(F/K),             scale = F·e^(−rT)
 * - inverse:  as black76 divided by F,        scale = e^(−rT)      (coin per unit of vol per 1 coin of notional)
 *
 * Degenerate cases come first so that no NaN or Infinity can leave: an expired leg (years ≤ 0) has vega 0, and at
 * zero standard deviation vega is the σ→0 limit: 0 away from the money-forward, scale·√T/√(2π) at it (within AT_THE_MONEY_LOG_TOLERANCE).
 *
 * @param underlying spot (bsm) or forward (black76, inverse) price, > 0
 * @param strike strike price, > 0
 * @param years time to expiry in years (ACT/365); ≤ 0 means expired
 * @param vol implied volatility as a decimal (0.65 for 65%), ≥ 0
 * @param rate continuously compounded risk-free rate, decimal
 * @param carry continuously compounded carry q (dividend, borrow, foreign rate), decimal; bsm only
 */
export function vegaPerUnitVol(
  model: OptionModel,
  underlying: number,
  strike: number,
  years: number,
  vol: number,
  rate: number,
  carry: number,
): number {
  if (!(years > 0)) return 0;
  const sqrtYears = Math.sqrt(years);
  const standardDeviation = vol * sqrtYears;
  let logMoneyness: number;
  let scale: number;
  if (model === "bsm") {
    logMoneyness = Math.log(underlying / strike) + (rate - carry) * years;
    scale = carry === 0 ? underlying : underlying * Math.exp(-carry * years);
  } else {
    logMoneyness = Math.log(underlying / strike);
    const discount = rate === 0 ? 1 : Math.exp(-rate * years);
    scale = model === "black76" ? underlying * discount : discount;
  }
  if (standardDeviation === 0) {
    return Math.abs(logMoneyness) <= AT_THE_MONEY_LOG_TOLERANCE ? scale * sqrtYears * INVERSE_SQRT_TWO_PI : 0;
  }
  const d1 = logMoneyness / standardDeviation + 0.5 * standardDeviation;
  return scale * sqrtYears * INVERSE_SQRT_TWO_PI * Math.exp(-0.5 * d1 * d1);
}
