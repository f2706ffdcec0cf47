/*
 * Where an input stops looking like what the trader meant. Each threshold sits well beyond what real books hold, so a
 * note is rare on a normal book, and below the limit where the input is refused outright (legValidation.ts): between
 * the two, the value computes and gets a note, since it can be right.
 */

/** Coin-settled (inverse) options are listed out to about a year and a half: beyond 2 years, days were typed as years. */
export const MAX_PLAUSIBLE_COIN_SETTLED_YEARS = 2;
/** Few listed options run past 10 years (long-dated swaptions do, over the counter): beyond it, days typed as years? */
export const MAX_PLAUSIBLE_YEARS = 10;
/** A vol of 300% or more is seen only on the wildest altcoins: vol 5 was probably meant as 5%. */
export const MIN_SUSPICIOUS_VOL = 3;
/** A vol under 1% is below any traded market's: 0.0065 was probably meant as 65% (0.65), entered as 0.65%. */
export const MIN_PLAUSIBLE_VOL = 0.01;
/** A risk-free rate of 25% or more is rare outside a currency crisis: rate 1 was probably meant as 1%. */
export const MIN_SUSPICIOUS_RATE = 0.25;
/** A carry (dividend, borrow, funding basis) of 50% or more a year is rare even on crypto basis trades. */
export const MIN_SUSPICIOUS_CARRY = 0.5;
/** A strike 10 times the underlying or a tenth of it: a price from another asset or in other units (vega is then ≈ 0). */
export const MAX_PLAUSIBLE_STRIKE_RATIO = 10;
/** A reference maturity under one day was probably typed in years (30 days as 0.0822). */
export const MIN_PLAUSIBLE_REFERENCE_DAYS = 1;
