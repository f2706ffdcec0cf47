import { INVERSE_SQRT_TWO_PI } from "../normalDistribution";
import { fastStandardNormalCumulative } from "../rationalErrorFunction";
import { inverseStandardNormalCumulative } from "./inverseNormal";
import {
  normalisedBlackCall,
  normalisedBlackCallComplement,
  normalisedThirdOverVega,
  normalisedVega,
  normalisedVolgaOverVega,
} from "./normalisedBlack";
import { RationalCubicEnds, shapePreservingRationalCubic } from "./rationalCubic";

/*
 * The normalised implied standard deviation s = σ√T from Jäckel, "Let's Be Rational" (Wilmott, 2015; revised 2024),
 * written from the paper's description. For an out-of-the-money call (x = ln(F/K) ≤ 0) b(x, s) rises from 0 to
 * e^(x/2) with one inflexion, at s_c = √(2|x|). The tangent there meets 0 at s_l and the maximum at s_u, which splits
 * the prices into four regions:
 *
 *   lower        β < b(s_l):  b behaves like f(s) = 2π|x|/(3√3)·N(−|x|/(√3·s))³; a rational cubic in β
 *                             interpolates f from (0, 0) with slope 1, and inverting f gives s.
 *   lower middle b(s_l) ≤ β < b(s_c), and
 *   upper middle b(s_c) ≤ β < b(s_u): s itself is a rational cubic in β between the two points.
 *   upper        β ≥ b(s_u):  b approaches the maximum like f(s) = N(−s/2); a rational cubic in β interpolates f
 *                             down to (e^(x/2), 0) with slope −1/2, and s = −2·N⁻¹(f).
 *
 * Each end's slope and curvature are matched and the cubic is kept shape-preserving, so the guess is close enough
 * for Householder's third-order method (fourth-order convergence) to reach machine precision in one or two steps.
 * The step is taken on an objective that is nearly linear in s in each region: 1/ln(b) in the lower region (b is
 * like exp(−x²/2s²) there), b in the middle, −ln(e^(x/2) − b) in the upper region.
 */

/** Objective used for the Householder steps: chosen by the region of the price. */
const enum Objective {
  InverseLogarithm,
  Plain,
  LogarithmOfComplement,
}

/** More steps than fourth-order convergence from these guesses ever needs; the bracket makes each one safe. */
const MAXIMUM_STEPS = 10;
/**
 * Householder's third-order method converges with order four: after a step of relative size δ the error is of order
 * δ⁴, so a step below this leaves nothing a double can show, and more steps would only chase rounding noise.
 */
const FINAL_RELATIVE_STEP = 1e-11;

const TWO_PI_OVER_THREE_SQRT_THREE = (2 * Math.PI) / (3 * Math.sqrt(3));
const INVERSE_SQRT_THREE = 1 / Math.sqrt(3);

/** Guess in the lower region: interpolate f_lower(β) on [0, b_l], then invert f_lower. */
function lowerRegionGuess(beta: number, x: number, sLow: number, bLow: number, vegaLow: number): number {
  const absoluteX = -x;
  const scale = TWO_PI_OVER_THREE_SQRT_THREE * absoluteX;
  const z = -INVERSE_SQRT_THREE * (absoluteX / sLow);
  const cumulative = fastStandardNormalCumulative(z);
  const density = INVERSE_SQRT_TWO_PI * Math.exp(-0.5 * z * z);
  const fLow = scale * cumulative * cumulative * cumulative;
  // df/ds and d²f/ds² with dz/ds = −z/s.
  const fPrime = 3 * scale * cumulative * cumulative * density * (-z / sLow);
  const fSecond = ((3 * scale * cumulative * density) / (sLow * sLow)) * (2 * density * z * z - cumulative * z * z * z + 2 * cumulative * z);
  const slope = fPrime / vegaLow;
  const curvature = (fSecond - fPrime * normalisedVolgaOverVega(x, sLow)) / (vegaLow * vegaLow);
  const ends: RationalCubicEnds = { xLeft: 0, xRight: bLow, yLeft: 0, yRight: fLow, slopeLeft: 1, slopeRight: slope };
  const f = shapePreservingRationalCubic(ends, curvature, false, beta);
  if (!(f > 0)) return 0.5 * sLow;
  const guessZ = inverseStandardNormalCumulative(Math.cbrt(Math.min(f / scale, 1)));
  const guess = -absoluteX / (Math.sqrt(3) * guessZ);
  return guess > 0 && guess < sLow ? guess : 0.5 * sLow;
}

/** Guess in the upper region: interpolate f_upper(β) = N(−s/2) on [b_u, e^(x/2)], then s = −2·N⁻¹(f). */
function upperRegionGuess(beta: number, x: number, bMaximum: number, sHigh: number, bHigh: number, vegaHigh: number): number {
  const f = fastStandardNormalCumulative(-0.5 * sHigh);
  const density = INVERSE_SQRT_TWO_PI * Math.exp(-0.125 * sHigh * sHigh);
  const fPrime = -0.5 * density;
  const fSecond = 0.125 * sHigh * density;
  const slope = fPrime / vegaHigh;
  const curvature = (fSecond - fPrime * normalisedVolgaOverVega(x, sHigh)) / (vegaHigh * vegaHigh);
  const ends: RationalCubicEnds = { xLeft: bHigh, xRight: bMaximum, yLeft: f, yRight: 0, slopeLeft: slope, slopeRight: -0.5 };
  const guessF = shapePreservingRationalCubic(ends, curvature, true, beta);
  const bounded = Math.min(Math.max(guessF, Number.MIN_VALUE), f);
  const guess = -2 * inverseStandardNormalCumulative(bounded);
  return Number.isFinite(guess) && guess > sHigh ? guess : 2 * sHigh;
}

/** Guess in one of the two middle regions: s as a rational cubic in β between two points of b. */
function middleRegionGuess(beta: number, x: number, sLeft: number, bLeft: number, vegaLeft: number, sRight: number, bRight: number, vegaRight: number, curvatureAtLeft: boolean): number {
  const ends: RationalCubicEnds = { xLeft: bLeft, xRight: bRight, yLeft: sLeft, yRight: sRight, slopeLeft: 1 / vegaLeft, slopeRight: 1 / vegaRight };
  const sEnd = curvatureAtLeft ? sLeft : sRight;
  const vegaEnd = curvatureAtLeft ? vegaLeft : vegaRight;
  // d²s/dβ² = −(b''/b')/b'² for the inverse function.
  const curvature = sEnd > 0 ? -normalisedVolgaOverVega(x, sEnd) / (vegaEnd * vegaEnd) : 0;
  const guess = shapePreservingRationalCubic(ends, curvature, curvatureAtLeft, beta);
  return guess >= sLeft && guess <= sRight ? guess : 0.5 * (sLeft + sRight);
}

/**
 * The s > 0 with b(x, s) = β, for x ≤ 0 and 0 < β < e^(x/2) (the caller has checked both). Householder steps from
 * the region's guess, kept inside a bracket that every evaluation narrows, so a step can never leave the domain.
 */
export function normalisedImpliedStandardDeviation(beta: number, x: number): number {
  const bMaximum = Math.exp(0.5 * x);
  const sCentre = Math.sqrt(-2 * x);
  const bCentre = x === 0 ? 0 : normalisedBlackCall(x, sCentre);
  const vegaCentre = x === 0 ? INVERSE_SQRT_TWO_PI : normalisedVega(x, sCentre);
  let guess: number;
  let objective: Objective;
  let bracketLow = 0;
  let bracketHigh = Infinity;
  if (beta < bCentre) {
    const sLow = sCentre - bCentre / vegaCentre;
    const bLow = sLow > 0 ? normalisedBlackCall(x, sLow) : 0;
    bracketHigh = sCentre;
    if (beta < bLow) {
      guess = lowerRegionGuess(beta, x, sLow, bLow, normalisedVega(x, sLow));
      objective = Objective.InverseLogarithm;
      bracketHigh = sLow;
    } else {
      guess = middleRegionGuess(beta, x, sLow, bLow, normalisedVega(x, sLow), sCentre, bCentre, vegaCentre, true);
      objective = Objective.Plain;
      bracketLow = sLow;
    }
  } else {
    const sHigh = sCentre + (bMaximum - bCentre) / vegaCentre;
    const bHigh = normalisedBlackCall(x, sHigh);
    bracketLow = sCentre;
    if (beta < bHigh) {
      guess = middleRegionGuess(beta, x, sCentre, bCentre, vegaCentre, sHigh, bHigh, normalisedVega(x, sHigh), false);
      objective = Objective.Plain;
      bracketHigh = sHigh;
    } else {
      guess = upperRegionGuess(beta, x, bMaximum, sHigh, bHigh, normalisedVega(x, sHigh));
      objective = Objective.LogarithmOfComplement;
      bracketLow = sHigh;
    }
  }
  return householderSteps(beta, x, bMaximum, guess, objective, bracketLow, bracketHigh);
}

function householderSteps(beta: number, x: number, bMaximum: number, start: number, objective: Objective, low: number, high: number): number {
  const logBeta = objective === Objective.InverseLogarithm ? Math.log(beta) : 0;
  const logComplementBeta = objective === Objective.LogarithmOfComplement ? Math.log(bMaximum - beta) : 0;
  let s = start;
  for (let step = 0; step < MAXIMUM_STEPS; step++) {
    const vega = normalisedVega(x, s);
    const volgaOverVega = normalisedVolgaOverVega(x, s);
    const thirdOverVega = normalisedThirdOverVega(x, s);
    // Newton step ν = −g/g′ and the ratios g″/g′, g‴/g′ of the objective g(s) = G(b(s)) − G(β).
    let newton: number;
    let secondOverFirst: number;
    let thirdOverFirst: number;
    let below: boolean;
    if (objective === Objective.Plain) {
      const b = normalisedBlackCall(x, s);
      below = b < beta;
      newton = (beta - b) / vega;
      secondOverFirst = volgaOverVega;
      thirdOverFirst = thirdOverVega;
    } else if (objective === Objective.InverseLogarithm) {
      // G = 1/ln b: G′ = −1/(b·L²), G″/G′ = −(1 + 2/L)/b, G‴/G′ = (2 + 6/L + 6/L²)/b², L = ln b.
      const b = normalisedBlackCall(x, s);
      below = b < beta;
      const logB = Math.log(b);
      newton = ((1 / logB - 1 / logBeta) * b * logB * logB) / vega;
      const gRatio2 = (-(1 + 2 / logB) / b) * vega;
      const gRatio3 = ((2 + 6 / logB + 6 / (logB * logB)) / (b * b)) * vega * vega;
      secondOverFirst = gRatio2 + volgaOverVega;
      thirdOverFirst = gRatio3 + 3 * gRatio2 * volgaOverVega + thirdOverVega;
    } else {
      // G = −ln(e^(x/2) − b) = −ln c: G′ = 1/c, G″/G′ = 1/c, G‴/G′ = 2/c².
      const complement = normalisedBlackCallComplement(x, s);
      below = complement > bMaximum - beta;
      newton = ((logComplementBeta - Math.log(complement)) * complement) / -vega;
      const gRatio2 = vega / complement;
      secondOverFirst = gRatio2 + volgaOverVega;
      thirdOverFirst = 2 * gRatio2 * gRatio2 + 3 * gRatio2 * volgaOverVega + thirdOverVega;
    }
    if (below) low = Math.max(low, s);
    else high = Math.min(high, s);
    const householder = (newton * (1 + 0.5 * secondOverFirst * newton)) / (1 + newton * (secondOverFirst + (thirdOverFirst * newton) / 6));
    // A step this small leaves an error of order its fourth power: take it and stop.
    if (Math.abs(householder) <= FINAL_RELATIVE_STEP * s) return s + householder;
    let next = s + householder;
    if (!(next >= low && next <= high)) {
      // Outside the bracket (or NaN where b underflowed): fall back to the middle of what is known.
      next = Number.isFinite(high) ? 0.5 * (low + high) : 2 * Math.max(s, low);
    }
    s = next;
  }
  return s;
}
