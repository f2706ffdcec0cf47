import { findLegProblem, isAcceptableLeg } from "../vega/legValidation";
import type { OptionModel } from "../vega/optionModel";
import type { OptionType } from "../vega/blackPrice";
import { normalisedImpliedStandardDeviationBelowMaximum } from "./letsBeRational";

/*
 * Implied vol of one option leg from its price, under the conventions of XV.VEGA: bsm on the spot with carry,
 * black76 on the forward, inverse on the forward with the price in coin (a Deribit mark). The price is normalised to
 * Jäckel's β = price/(discount·√(F·K)), turned into an out-of-the-money call by parity, and solved by
 * `normalisedImpliedStandardDeviation`; every price no vol can give is refused with what would be possible.
 */

/** Why no vol comes out: one kind per situation a trader meets, each with its own message. */
export type ImpliedVolProblemKind = "invalidInput" | "expired" | "notPositive" | "belowIntrinsic" | "atOrAboveMaximum" | "tooSmall";

export interface ImpliedVolProblem {
  kind: ImpliedVolProblemKind;
  message: string;
}

/**
 * A time value (price − intrinsic value) below this fraction of the underlying (of 1 coin for inverse) is refused:
 * every vol below a certain level gives it, within the rounding of the inputs.
 */
export const SMALLEST_TIME_VALUE_FRACTION = 1e-12;

/** How far below the intrinsic value a price may be and still count as rounding (then: too small to tell apart). */
const ROUNDING_ULPS = 8;

/** Ten significant digits: enough to tell a stale mark's shortfall from rounding, short enough for a tooltip. */
function formatNumber(value: number): string {
  return String(Number(value.toPrecision(10)));
}

function problem(kind: ImpliedVolProblemKind, message: string): ImpliedVolProblem {
  return { kind, message };
}

/** One slot for `impliedVol`, which returns the number `impliedVolInto` writes. */
const singleVol = new Float64Array(1);

/**
 * The implied vol (decimal, 0.65 for 65%) of a leg priced at `price`, or the problem that prevents one.
 * @param price premium per 1 unit of underlying: in the premium currency for bsm and black76, in coin for inverse
 * @param underlying spot (bsm) or forward/futures price (black76, inverse), > 0
 * @param years time to expiry in years (ACT/365), > 0
 * @param rate continuously compounded risk-free rate, decimal
 * @param carry continuously compounded carry q, decimal; bsm only
 */
export function impliedVol(
  optionType: OptionType,
  model: OptionModel,
  price: number,
  underlying: number,
  strike: number,
  years: number,
  rate: number,
  carry: number,
): number | ImpliedVolProblem {
  return impliedVolInto(singleVol, 0, optionType, model, price, underlying, strike, years, rate, carry) ?? (singleVol[0] as number);
}

/**
 * `impliedVol` for a whole column: writes the vol into `vols[index]` and returns null, or returns the problem (and
 * leaves `vols[index]` as it was). A number returned from a function the engine does not inline is a fresh heap
 * object; one written into a Float64Array is not, so a loop over a million prices allocates only for refused ones.
 */
export function impliedVolInto(
  vols: Float64Array,
  index: number,
  optionType: OptionType,
  model: OptionModel,
  price: number,
  underlying: number,
  strike: number,
  years: number,
  rate: number,
  carry: number,
): ImpliedVolProblem | null {
  // The inlinable check first; the message-building one only for a leg it refuses.
  if (!isAcceptableLeg(model, underlying, strike, years, 0, rate, carry)) {
    const legProblem = findLegProblem(model, underlying, strike, years, 0, rate, carry);
    if (legProblem) return problem("invalidInput", legProblem.message);
  }
  const priceUnit = model === "inverse" ? "coin per 1 coin of notional" : "per 1 unit of underlying";
  if (!Number.isFinite(price)) return problem("invalidInput", `price must be a finite number (the option's premium, ${priceUnit})`);
  if (!(years > 0)) {
    return problem("expired", `years ${years} ≤ 0: the option has expired, so its price no longer depends on vol and has no implied vol`);
  }
  if (price <= 0) {
    return problem("notPositive", `price ${price} is not positive: an option before expiry is worth more than 0 (${priceUnit}), so no vol gives it`);
  }
  const forward = model === "bsm" ? underlying * Math.exp((rate - carry) * years) : underlying;
  const discount = Math.exp(-rate * years);
  // inverse: the coin price times the forward is the Black-76 price in the quote currency.
  const unitsPerPrice = model === "inverse" ? forward : 1;
  const sign = optionType === "call" ? 1 : -1;
  const intrinsic = (discount * Math.max(sign * (forward - strike), 0)) / unitsPerPrice;
  const maximum = (discount * (optionType === "call" ? forward : strike)) / unitsPerPrice;
  // The messages' strings are built only for a refused price: a solvable one allocates nothing.
  const coin = model === "inverse" ? " ÷ forward, in coin" : "";
  if (price >= maximum) {
    const maximumMeaning = (optionType === "call" ? "the discounted forward" : "the discounted strike") + coin;
    return problem(
      "atOrAboveMaximum",
      `price ${price} is at or above the most a ${optionType} can be worth, ${formatNumber(maximum)} (${maximumMeaning}): no vol gives it; check the price's unit${model === "inverse" ? " (coin, not USD)" : ""} and the leg`,
    );
  }
  // A deep in-the-money price computed by any pricer can round a few ulps below its intrinsic value: that is a price
  // with no time value left to read, not a stale mark.
  if (price < intrinsic && intrinsic - price > ROUNDING_ULPS * Number.EPSILON * intrinsic) {
    const intrinsicMeaning = (optionType === "call" ? "discounted forward − strike" : "discounted strike − forward") + coin;
    return problem(
      "belowIntrinsic",
      `price ${price} is below the intrinsic value ${formatNumber(intrinsic)} (${intrinsicMeaning}) by ${formatNumber(intrinsic - price)}: no vol gives it (a stale mark?); a price above ${formatNumber(intrinsic)} has a vol`,
    );
  }
  const timeValue = Math.max(price - intrinsic, 0);
  const underlyingScale = model === "inverse" ? 1 : model === "bsm" ? underlying : forward;
  const smallest = SMALLEST_TIME_VALUE_FRACTION * underlyingScale;
  if (timeValue < smallest) {
    return problem(
      "tooSmall",
      `price ${price} is too close to its intrinsic value ${formatNumber(intrinsic)} to tell vols apart (time value ${formatNumber(timeValue)}, below ${SMALLEST_TIME_VALUE_FRACTION} of the underlying): the smallest price that gives a vol is ${formatNumber(intrinsic + smallest)}`,
    );
  }
  // Normalised out-of-the-money call: x ≤ 0 and 0 < β < e^(x/2).
  const normaliser = discount * Math.sqrt(forward * strike);
  const logMoneyness = sign * Math.log(forward / strike);
  const beta = (timeValue * unitsPerPrice) / normaliser;
  const x = -Math.abs(logMoneyness);
  const bMaximum = Math.exp(0.5 * x);
  if (!(beta < bMaximum)) {
    return problem("atOrAboveMaximum", `price ${price} is too close to the most a ${optionType} can be worth, ${formatNumber(maximum)}, to give a vol`);
  }
  const standardDeviation = normalisedImpliedStandardDeviationBelowMaximum(beta, x, bMaximum);
  const vol = standardDeviation / Math.sqrt(years);
  if (!Number.isFinite(vol) || !(vol > 0)) {
    return problem("tooSmall", `price ${price}: no vol reproduces this price to double precision; check the leg's inputs`);
  }
  vols[index] = vol;
  return null;
}
