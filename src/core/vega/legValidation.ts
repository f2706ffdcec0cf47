import type { OptionModel } from "./optionModel";

/** What is wrong with one input of a leg: which argument, the value seen, and what is expected instead. */
export interface LegProblem {
  argument: "underlying" | "strike" | "years" | "vol" | "rate" | "carry";
  value: number;
  message: string;
}

/** Above this, a vol was almost surely typed in percent (65 for 65%). */
export const MAX_VOL = 10;
/** Above this, "years" was almost surely an Excel date serial (46000 for 2025-12-09). */
export const MAX_YEARS = 100;
/** Above this, a rate or carry was almost surely typed in percent (5 for 5%). */
export const MAX_ABSOLUTE_RATE = 2;
/** No traded price is this large; beyond it the arithmetic could overflow. */
export const MAX_PRICE = 1e15;

function checkPrice(argument: "underlying" | "strike", value: number, what: string): LegProblem | null {
  if (!Number.isFinite(value)) return { argument, value, message: `${argument} must be a finite number (${what})` };
  if (value <= 0) return { argument, value, message: `${argument} ${value} must be a positive price (${what})` };
  if (value > MAX_PRICE) return { argument, value, message: `${argument} ${value} is larger than ${MAX_PRICE}: check the cell` };
  return null;
}

function checkRate(argument: "rate" | "carry", value: number, what: string): LegProblem | null {
  if (!Number.isFinite(value)) return { argument, value, message: `${argument} must be a finite number (${what})` };
  if (Math.abs(value) > MAX_ABSOLUTE_RATE) {
    return {
      argument,
      value,
      message: `${argument} ${value} looks like a percentage: enter ${value}% or ${value / 100} (a decimal, limit ±${MAX_ABSOLUTE_RATE})`,
    };
  }
  return null;
}

/**
 * The first problem with a leg's numeric inputs, or null when `vegaPerUnitVol` can take them.
 * Returns rather than throws so that a 10,000-leg range costs no exception on the happy path.
 */
export function findLegProblem(
  model: OptionModel,
  underlying: number,
  strike: number,
  years: number,
  vol: number,
  rate: number,
  carry: number,
): LegProblem | null {
  const underlyingMeaning = model === "bsm" ? "the spot price" : "the forward or futures price";
  const problem = checkPrice("underlying", underlying, underlyingMeaning) ?? checkPrice("strike", strike, "the option's strike");
  if (problem) return problem;
  if (!Number.isFinite(years)) return { argument: "years", value: years, message: "years must be a finite number of years to expiry" };
  if (years > MAX_YEARS) {
    return {
      argument: "years",
      value: years,
      message: `years ${years} looks like an Excel date, not a time to expiry: use (expiry − valuation)/365`,
    };
  }
  if (!Number.isFinite(vol)) return { argument: "vol", value: vol, message: "vol must be a finite number (0.65 for 65%)" };
  if (vol < 0) return { argument: "vol", value: vol, message: `vol ${vol} must be ≥ 0, as a decimal (0.65 for 65%)` };
  if (vol > MAX_VOL) {
    return { argument: "vol", value: vol, message: `vol ${vol} looks like a percentage: enter ${vol}% or ${vol / 100} (a decimal)` };
  }
  const rateProblem = checkRate("rate", rate, "the risk-free rate as a decimal") ?? checkRate("carry", carry, "the carry as a decimal");
  if (rateProblem) return rateProblem;
  if (model !== "bsm" && carry !== 0) {
    return {
      argument: "carry",
      value: carry,
      message: `carry ${carry} is not used by model ${model} (its forward already includes carry): leave it blank or 0, or use model bsm with the spot`,
    };
  }
  return null;
}

/**
 * True exactly when `findLegProblem` finds nothing, but small enough for the JavaScript engine to inline in a loop over
 * a whole book: the fast check runs on every leg, the message-building one only on the legs it refuses. NaN fails
 * every comparison, so non-finite inputs are refused without a separate test (a property test holds the two equal).
 */
export function isAcceptableLeg(
  model: OptionModel,
  underlying: number,
  strike: number,
  years: number,
  vol: number,
  rate: number,
  carry: number,
): boolean {
  return (
    underlying > 0 &&
    underlying <= MAX_PRICE &&
    strike > 0 &&
    strike <= MAX_PRICE &&
    years >= -Number.MAX_VALUE &&
    years <= MAX_YEARS &&
    vol >= 0 &&
    vol <= MAX_VOL &&
    rate >= -MAX_ABSOLUTE_RATE &&
    rate <= MAX_ABSOLUTE_RATE &&
    carry >= -MAX_ABSOLUTE_RATE &&
    carry <= MAX_ABSOLUTE_RATE &&
    (carry === 0 || model === "bsm")
  );
}
