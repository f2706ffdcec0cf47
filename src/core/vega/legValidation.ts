import type { OptionModel } from "./optionModel";

export type LegArgument = "underlying" | "strike" | "years" | "vol" | "rate" | "carry";

/** What is wrong with one input of a leg: which argument, the value seen, and what is expected instead. */
export interface LegProblem {
  argument: LegArgument;
  value: number;
  message: string;
}

/**
 * Every way a leg can be refused, as a code: finding one builds no text, so a million refused legs cost a million
 * codes, and the message (`describeLegProblem`) is built once per distinct code, model and value.
 */
export type LegProblemKind =
  | "underlyingNotFinite"
  | "underlyingNotPositive"
  | "underlyingTooLarge"
  | "strikeNotFinite"
  | "strikeNotPositive"
  | "strikeTooLarge"
  | "yearsNotFinite"
  | "yearsLooksLikeDate"
  | "volNotFinite"
  | "volNegative"
  | "volLooksLikePercent"
  | "rateNotFinite"
  | "rateLooksLikePercent"
  | "carryNotFinite"
  | "carryLooksLikePercent"
  | "carryNotUsed";

/** The argument each kind of problem is about. */
export const LEG_PROBLEM_ARGUMENT: Readonly<Record<LegProblemKind, LegArgument>> = {
  underlyingNotFinite: "underlying",
  underlyingNotPositive: "underlying",
  underlyingTooLarge: "underlying",
  strikeNotFinite: "strike",
  strikeNotPositive: "strike",
  strikeTooLarge: "strike",
  yearsNotFinite: "years",
  yearsLooksLikeDate: "years",
  volNotFinite: "vol",
  volNegative: "vol",
  volLooksLikePercent: "vol",
  rateNotFinite: "rate",
  rateLooksLikePercent: "rate",
  carryNotFinite: "carry",
  carryLooksLikePercent: "carry",
  carryNotUsed: "carry",
};

/** Above this, a vol was almost surely typed in percent (65 for 65%). */
export const MAX_VOL = 10;
/** Above this, "years" was almost surely an Excel date serial (46000 for 2025-12-09). */
export const MAX_YEARS = 100;
/** Above this, a rate or carry was almost surely typed in percent (5 for 5%). */
export const MAX_ABSOLUTE_RATE = 2;
/** No traded price is this large; beyond it the arithmetic could overflow. */
export const MAX_PRICE = 1e15;

function priceProblem(argument: "underlying" | "strike", value: number): LegProblemKind | null {
  if (!Number.isFinite(value)) return argument === "underlying" ? "underlyingNotFinite" : "strikeNotFinite";
  if (value <= 0) return argument === "underlying" ? "underlyingNotPositive" : "strikeNotPositive";
  if (value > MAX_PRICE) return argument === "underlying" ? "underlyingTooLarge" : "strikeTooLarge";
  return null;
}

function rateProblem(argument: "rate" | "carry", value: number): LegProblemKind | null {
  if (!Number.isFinite(value)) return argument === "rate" ? "rateNotFinite" : "carryNotFinite";
  if (Math.abs(value) > MAX_ABSOLUTE_RATE) return argument === "rate" ? "rateLooksLikePercent" : "carryLooksLikePercent";
  return null;
}

/**
 * The first problem with a leg's numeric inputs, as a code, or null when `vegaPerUnitVol` can take them.
 * Returns rather than throws so that a 10,000-leg range costs no exception on the happy path.
 */
export function classifyLegProblem(
  model: OptionModel,
  underlying: number,
  strike: number,
  years: number,
  vol: number,
  rate: number,
  carry: number,
): LegProblemKind | null {
  const price = priceProblem("underlying", underlying) ?? priceProblem("strike", strike);
  if (price !== null) return price;
  if (!Number.isFinite(years)) return "yearsNotFinite";
  if (years > MAX_YEARS) return "yearsLooksLikeDate";
  if (!Number.isFinite(vol)) return "volNotFinite";
  if (vol < 0) return "volNegative";
  if (vol > MAX_VOL) return "volLooksLikePercent";
  const rateOrCarry = rateProblem("rate", rate) ?? rateProblem("carry", carry);
  if (rateOrCarry !== null) return rateOrCarry;
  if (model !== "bsm" && carry !== 0) return "carryNotUsed";
  return null;
}

/**
 * The message for a problem of `kind` whose argument (LEG_PROBLEM_ARGUMENT[kind]) holds `value`, on a leg of `model`:
 * which argument, the value, what is expected and the fix. A pure function of its three inputs, so callers may share
 * one message between every leg with the same three.
 */
export function describeLegProblem(kind: LegProblemKind, model: OptionModel, value: number): string {
  const underlyingMeaning = model === "bsm" ? "the spot price" : "the forward or futures price";
  switch (kind) {
    case "underlyingNotFinite":
      return `underlying must be a finite number (${underlyingMeaning})`;
    case "underlyingNotPositive":
      return `underlying ${value} must be a positive price (${underlyingMeaning})`;
    case "strikeNotFinite":
      return "strike must be a finite number (the option's strike)";
    case "strikeNotPositive":
      return `strike ${value} must be a positive price (the option's strike)`;
    case "underlyingTooLarge":
    case "strikeTooLarge":
      return `${LEG_PROBLEM_ARGUMENT[kind]} ${value} is larger than ${MAX_PRICE}: check the cell`;
    case "yearsNotFinite":
      return "years must be a finite number of years to expiry";
    case "yearsLooksLikeDate":
      return `years ${value} looks like an Excel date, not a time to expiry: use (expiry − valuation)/365`;
    case "volNotFinite":
      return "vol must be a finite number (0.65 for 65%)";
    case "volNegative":
      return `vol ${value} must be ≥ 0, as a decimal (0.65 for 65%)`;
    case "volLooksLikePercent":
      return `vol ${value} looks like a percentage: enter ${value}% or ${value / 100} (a decimal)`;
    case "rateNotFinite":
      return "rate must be a finite number (the risk-free rate as a decimal)";
    case "carryNotFinite":
      return "carry must be a finite number (the carry as a decimal)";
    case "rateLooksLikePercent":
    case "carryLooksLikePercent":
      return `${LEG_PROBLEM_ARGUMENT[kind]} ${value} looks like a percentage: enter ${value}% or ${value / 100} (a decimal, limit ±${MAX_ABSOLUTE_RATE})`;
    case "carryNotUsed":
      return `carry ${value} is not used by model ${model} (its forward already includes carry): leave it blank or 0, or use model bsm with the spot`;
  }
}

/** The input of a leg that a problem of `kind` is about. */
export function legProblemValue(
  kind: LegProblemKind,
  underlying: number,
  strike: number,
  years: number,
  vol: number,
  rate: number,
  carry: number,
): number {
  switch (LEG_PROBLEM_ARGUMENT[kind]) {
    case "underlying":
      return underlying;
    case "strike":
      return strike;
    case "years":
      return years;
    case "vol":
      return vol;
    case "rate":
      return rate;
    case "carry":
      return carry;
  }
}

/**
 * The first problem with a leg's numeric inputs, with its message, or null when `vegaPerUnitVol` can take them.
 * For one leg at a time (the command line); a whole book goes through `reportLegProblems`, which shares messages.
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
  const kind = classifyLegProblem(model, underlying, strike, years, vol, rate, carry);
  if (kind === null) return null;
  const value = legProblemValue(kind, underlying, strike, years, vol, rate, carry);
  return { argument: LEG_PROBLEM_ARGUMENT[kind], value, message: describeLegProblem(kind, model, value) };
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
