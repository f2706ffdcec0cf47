/*
 * Plausibility notes on one option leg: inputs that compute but look like a unit slip. Not errors: each can be right,
 * so the leg still computes and the note says what it probably should be. Finding a rule builds no text (a million
 * legs with one slip build one message: see `describeLegNote`).
 */
import { DAYS_PER_YEAR } from "../vega/timeWeightedVega";
import type { OptionModel } from "../vega/optionModel";
import {
  MAX_PLAUSIBLE_COIN_SETTLED_YEARS,
  MAX_PLAUSIBLE_STRIKE_RATIO,
  MAX_PLAUSIBLE_YEARS,
  MIN_PLAUSIBLE_REFERENCE_DAYS,
  MIN_PLAUSIBLE_VOL,
  MIN_SUSPICIOUS_CARRY,
  MIN_SUSPICIOUS_RATE,
  MIN_SUSPICIOUS_VOL,
} from "./plausibilityThresholds";

export type LegNoteRule =
  | "yearsLongCoinSettled"
  | "yearsLong"
  | "yearsZero"
  | "volZero"
  | "volTiny"
  | "volHigh"
  | "rateHigh"
  | "carryHigh"
  | "strikeFarFromUnderlying"
  | "referenceDaysTiny";

/** The argument each rule is about, as named in the function reference. */
export const LEG_NOTE_ARGUMENT: Readonly<Record<LegNoteRule, string>> = {
  yearsLongCoinSettled: "years",
  yearsLong: "years",
  yearsZero: "years",
  volZero: "vol",
  volTiny: "vol",
  volHigh: "vol",
  rateHigh: "rate",
  carryHigh: "carry",
  strikeFarFromUnderlying: "strike",
  referenceDaysTiny: "ref_days",
};

/** A leg's inputs as the notes see them; `model` is null where the function has none (XV.TWVEGA). */
export interface LegForNotes {
  model: OptionModel | null;
  underlying: number;
  strike: number;
  years: number;
  vol: number;
  rate: number;
  carry: number;
}

/** `years` days typed as years? Only for a leg that computes (years ≤ 100: above, XV.VEGA refuses it). */
export function yearsRule(years: number, model: OptionModel | null): LegNoteRule | null {
  if (model === "inverse" && years > MAX_PLAUSIBLE_COIN_SETTLED_YEARS) return "yearsLongCoinSettled";
  if (years > MAX_PLAUSIBLE_YEARS) return "yearsLong";
  // Exactly 0 is what a blank cell inside a range becomes on Excel for the desktop; a real expired leg is rarely 0.
  if (years === 0) return "yearsZero";
  return null;
}

/** `vol` in percent (5 for 5%), divided twice (0.0065 for 65%), or blank (0) on a leg that has not expired. */
export function volRule(vol: number, years: number): LegNoteRule | null {
  if (vol >= MIN_SUSPICIOUS_VOL) return "volHigh";
  if (!(years > 0)) return null;
  if (vol === 0) return "volZero";
  if (vol > 0 && vol < MIN_PLAUSIBLE_VOL) return "volTiny";
  return null;
}

export function rateRule(rate: number): LegNoteRule | null {
  return Math.abs(rate) >= MIN_SUSPICIOUS_RATE ? "rateHigh" : null;
}

export function carryRule(carry: number): LegNoteRule | null {
  return Math.abs(carry) >= MIN_SUSPICIOUS_CARRY ? "carryHigh" : null;
}

export function strikeRule(underlying: number, strike: number): LegNoteRule | null {
  const ratio = strike / underlying;
  return ratio >= MAX_PLAUSIBLE_STRIKE_RATIO || ratio <= 1 / MAX_PLAUSIBLE_STRIKE_RATIO ? "strikeFarFromUnderlying" : null;
}

export function referenceDaysRule(referenceDays: number): LegNoteRule | null {
  return referenceDays > 0 && referenceDays < MIN_PLAUSIBLE_REFERENCE_DAYS ? "referenceDaysTiny" : null;
}

/**
 * Every rule an XV.VEGA leg that computes trips, in argument order (`years`, `vol`, `rate`, `carry`, `strike`). The
 * leg must have passed `classifyLegProblem`.
 */
export function vegaLegRules(leg: LegForNotes): LegNoteRule[] {
  const rules: LegNoteRule[] = [];
  const candidates = [
    yearsRule(leg.years, leg.model),
    volRule(leg.vol, leg.years),
    rateRule(leg.rate),
    carryRule(leg.carry),
    strikeRule(leg.underlying, leg.strike),
  ];
  for (const rule of candidates) if (rule !== null) rules.push(rule);
  return rules;
}

/** Up to 3 significant figures, without trailing zeros: 0.0822, 500, 100000. */
function readable(value: number): string {
  return String(Number(value.toPrecision(3)));
}

/** A number without the binary noise of a division (0.0065 × 100 shows 0.65, not 0.6499999999999999). */
function clean(value: number): string {
  return String(Number(value.toPrecision(12)));
}

/** A decimal as a percentage: 500 for 5, 0.65 for 0.0065. */
function percentOf(value: number): string {
  return clean(value * 100);
}

/** The value of a leg's input a rule is about (what its message quotes first). */
export function legNoteValue(rule: LegNoteRule, leg: LegForNotes): number {
  switch (LEG_NOTE_ARGUMENT[rule]) {
    case "years":
      return leg.years;
    case "vol":
      return leg.vol;
    case "rate":
      return leg.rate;
    case "carry":
      return leg.carry;
    case "strike":
      return leg.strike;
    default:
      return Number.NaN;
  }
}

/** The note's message: what looks wrong, what it probably should be, and how to type it. */
export function describeLegNote(rule: LegNoteRule, leg: LegForNotes, referenceDays = Number.NaN): string {
  switch (rule) {
    case "yearsLongCoinSettled":
      return (
        `years ${leg.years} on a coin-settled (inverse) leg, listed out to about a year and a half: days typed as years? ` +
        `${leg.years} days is ${readable(leg.years / DAYS_PER_YEAR)} years (=${leg.years}/365)`
      );
    case "yearsLong":
      return `years ${leg.years} is a ${readable(leg.years)}-year option: days typed as years? ${leg.years} days is ${readable(leg.years / DAYS_PER_YEAR)} years (=${leg.years}/365)`;
    case "yearsZero":
      return "years 0: a blank cell? (Excel for the desktop sends blank cells in a range as 0); the leg counts as expired and its vega is 0";
    case "volZero":
      return "vol 0: a blank cell? (Excel for the desktop sends blank cells in a range as 0); at zero vol the vega is 0 away from the money";
    case "volTiny":
      return `vol ${leg.vol} is ${percentOf(leg.vol)}%: meant ${percentOf(leg.vol * 100)}%? type ${percentOf(leg.vol * 100)}% or ${clean(leg.vol * 100)}`;
    case "volHigh":
      return `vol ${leg.vol} is ${percentOf(leg.vol)}%: meant ${leg.vol}%? type ${leg.vol}% or ${clean(leg.vol / 100)}`;
    case "rateHigh":
      return `rate ${leg.rate} is ${percentOf(leg.rate)}%: meant ${leg.rate}%? type ${leg.rate}% or ${clean(leg.rate / 100)}`;
    case "carryHigh":
      return `carry ${leg.carry} is ${percentOf(leg.carry)}% a year: meant ${leg.carry}%? type ${leg.carry}% or ${clean(leg.carry / 100)}`;
    case "strikeFarFromUnderlying": {
      const ratio = leg.strike / leg.underlying;
      const relation = ratio >= 1 ? `${readable(ratio)} times` : `1/${readable(1 / ratio)} of`;
      return `strike ${leg.strike} is ${relation} the underlying ${leg.underlying}: a strike or price from another asset, or in other units? vega is then about 0`;
    }
    case "referenceDaysTiny":
      return `ref_days ${referenceDays} is less than a day: ref_days is in days (30 for DVOL), not years`;
  }
}
