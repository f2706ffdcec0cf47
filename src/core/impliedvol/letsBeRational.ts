import { INVERSE_SQRT_TWO_PI } from "../normalDistribution";
import { fastStandardNormalCumulative, scaledComplementaryErrorFunction } from "../rationalErrorFunction";
import { approximateInverseStandardNormalCumulative } from "./inverseNormal";
import {
  normalisedBlackCallComplementFrom,
  normalisedBlackCallForSolver,
  normalisedBlackCallFrom,
  normalisedGaussian,
  normalisedVolgaOverVega,
} from "./normalisedBlack";
import { shapePreservingRationalCubic } from "./rationalCubic";

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
 * Householder's third-order method converges with order four: after a step of relative size δ the error left is of
 * order δ⁴ (1e-20 here), far below what a double shows, so the step is taken without evaluating b again. Checked on a
 * dense (x, s) grid against stopping at 1e-11: the vols agree to the rounding noise of b itself (a few 1e-16). This
 * saves the third evaluation for most prices in the lower region and the second for the best middle-region guesses.
 */
const FINAL_RELATIVE_STEP = 1e-5;

/** Above this √|x|, erfcx(√|x|) < 0.63 and b at the inflexion comes from it alone. */
const CENTRE_ERFCX_LIMIT = 0.5;

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
  const f = shapePreservingRationalCubic(0, bLow, 0, fLow, 1, slope, curvature, false, beta);
  if (!(f > 0)) return 0.5 * sLow;
  const guessZ = approximateInverseStandardNormalCumulative(Math.cbrt(Math.min(f / scale, 1)));
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
  const guessF = shapePreservingRationalCubic(bHigh, bMaximum, f, 0, slope, -0.5, curvature, true, beta);
  const bounded = Math.min(Math.max(guessF, Number.MIN_VALUE), f);
  const guess = -2 * approximateInverseStandardNormalCumulative(bounded);
  return Number.isFinite(guess) && guess > sHigh ? guess : 2 * sHigh;
}

/** Guess in one of the two middle regions: s as a rational cubic in β between two points of b. */
function middleRegionGuess(beta: number, x: number, sLeft: number, bLeft: number, vegaLeft: number, sRight: number, bRight: number, vegaRight: number, curvatureAtLeft: boolean): number {
  const sEnd = curvatureAtLeft ? sLeft : sRight;
  const vegaEnd = curvatureAtLeft ? vegaLeft : vegaRight;
  // d²s/dβ² = −(b''/b')/b'² for the inverse function.
  const curvature = sEnd > 0 ? -normalisedVolgaOverVega(x, sEnd) / (vegaEnd * vegaEnd) : 0;
  const guess = shapePreservingRationalCubic(bLeft, bRight, sLeft, sRight, 1 / vegaLeft, 1 / vegaRight, curvature, curvatureAtLeft, beta);
  return guess >= sLeft && guess <= sRight ? guess : 0.5 * (sLeft + sRight);
}

/**
 * The s > 0 with b(x, s) = β, for x ≤ 0 and 0 < β < e^(x/2) (the caller has checked both). Householder steps from
 * the region's guess, kept inside a bracket that every evaluation narrows, so a step can never leave the domain.
 * e^(±x/2) are computed once here and passed down: every b evaluation of the two-term formula needs them.
 */
export function normalisedImpliedStandardDeviation(beta: number, x: number): number {
  return normalisedImpliedStandardDeviationBelowMaximum(beta, x, Math.exp(0.5 * x));
}

/** `normalisedImpliedStandardDeviation` for a caller that has already computed bMaximum = e^(x/2) (to check β < it). */
export function normalisedImpliedStandardDeviationBelowMaximum(beta: number, x: number, bMaximum: number): number {
  const inverseBMaximum = Math.exp(-0.5 * x);
  const sCentre = Math.sqrt(-2 * x);
  // At s_c = √(2|x|), h = x/s = −s/2 = −t, so e^(−(h² + t²)/2) = e^(x/2): the vega there needs no exponential.
  // b(x, s_c) = e^(x/2)·[1 − erfcx(√|x|)]/2: one rational function where erfcx(√|x|) ≤ 0.63 (no cancellation to
  // speak of); nearer the money the general evaluation, which is the series there.
  const rootAbsoluteX = Math.sqrt(-x);
  const bCentre =
    x === 0
      ? 0
      : rootAbsoluteX > CENTRE_ERFCX_LIMIT
        ? 0.5 * bMaximum * (1 - scaledComplementaryErrorFunction(rootAbsoluteX))
        : normalisedBlackCallFrom(x, sCentre, bMaximum, bMaximum, inverseBMaximum);
  const vegaCentre = INVERSE_SQRT_TWO_PI * bMaximum;
  let guess: number;
  let objective: Objective;
  let bracketLow = 0;
  let bracketHigh = Infinity;
  if (beta < bCentre) {
    const sLow = sCentre - bCentre / vegaCentre;
    const gaussianLow = sLow > 0 ? normalisedGaussian(x, sLow) : 0;
    const bLow = sLow > 0 ? normalisedBlackCallForSolver(x, sLow, gaussianLow, bMaximum, inverseBMaximum) : 0;
    const vegaLow = INVERSE_SQRT_TWO_PI * gaussianLow;
    bracketHigh = sCentre;
    if (beta < bLow) {
      guess = lowerRegionGuess(beta, x, sLow, bLow, vegaLow);
      objective = Objective.InverseLogarithm;
      bracketHigh = sLow;
    } else {
      guess = middleRegionGuess(beta, x, sLow, bLow, vegaLow, sCentre, bCentre, vegaCentre, true);
      objective = Objective.Plain;
      bracketLow = sLow;
    }
  } else {
    const sHigh = sCentre + (bMaximum - bCentre) / vegaCentre;
    const gaussianHigh = normalisedGaussian(x, sHigh);
    const bHigh = normalisedBlackCallForSolver(x, sHigh, gaussianHigh, bMaximum, inverseBMaximum);
    const vegaHigh = INVERSE_SQRT_TWO_PI * gaussianHigh;
    bracketLow = sCentre;
    if (beta < bHigh) {
      guess = middleRegionGuess(beta, x, sCentre, bCentre, vegaCentre, sHigh, bHigh, vegaHigh, false);
      objective = Objective.Plain;
      bracketHigh = sHigh;
    } else {
      guess = upperRegionGuess(beta, x, bMaximum, sHigh, bHigh, vegaHigh);
      objective = Objective.LogarithmOfComplement;
      bracketLow = sHigh;
    }
  }
  return householderSteps(beta, x, bMaximum, inverseBMaximum, guess, objective, bracketLow, bracketHigh);
}

function householderSteps(beta: number, x: number, bMaximum: number, inverseBMaximum: number, start: number, objective: Objective, low: number, high: number): number {
  const logBeta = objective === Objective.InverseLogarithm ? Math.log(beta) : 0;
  const logComplementBeta = objective === Objective.LogarithmOfComplement ? Math.log(bMaximum - beta) : 0;
  let s = start;
  for (let step = 0; step < MAXIMUM_STEPS; step++) {
    const gaussian = normalisedGaussian(x, s);
    const vega = INVERSE_SQRT_TWO_PI * gaussian;
    // b″/b′ = x²/s³ − s/4 and b‴/b′ = (b″/b′)² − 3x²/s⁴ − 1/4, with one division.
    const inverseS = 1 / s;
    const hSquaredOverS = x * x * inverseS * inverseS * inverseS;
    const volgaOverVega = hSquaredOverS - 0.25 * s;
    const thirdOverVega = volgaOverVega * volgaOverVega - 3 * hSquaredOverS * inverseS - 0.25;
    // Newton step ν = −g/g′ and the ratios g″/g′, g‴/g′ of the objective g(s) = G(b(s)) − G(β).
    let newton: number;
    let secondOverFirst: number;
    let thirdOverFirst: number;
    let below: boolean;
    if (objective === Objective.Plain) {
      const b = normalisedBlackCallForSolver(x, s, gaussian, bMaximum, inverseBMaximum);
      below = b < beta;
      newton = (beta - b) / vega;
      secondOverFirst = volgaOverVega;
      thirdOverFirst = thirdOverVega;
    } else if (objective === Objective.InverseLogarithm) {
      // G = 1/ln b: G′ = −1/(b·L²), G″/G′ = −(1 + 2/L)/b, G‴/G′ = (2 + 6/L + 6/L²)/b², L = ln b.
      const b = normalisedBlackCallForSolver(x, s, gaussian, bMaximum, inverseBMaximum);
      below = b < beta;
      const logB = Math.log(b);
      newton = ((1 / logB - 1 / logBeta) * b * logB * logB) / vega;
      // In terms of b′/b, which stays of order x²/s³ however small b is: b·b would underflow below 1e-154.
      const vegaOverB = vega / b;
      const gRatio2 = -(1 + 2 / logB) * vegaOverB;
      const gRatio3 = (2 + 6 / logB + 6 / (logB * logB)) * vegaOverB * vegaOverB;
      secondOverFirst = gRatio2 + volgaOverVega;
      thirdOverFirst = gRatio3 + 3 * gRatio2 * volgaOverVega + thirdOverVega;
    } else {
      // G = −ln(e^(x/2) − b) = −ln c: G′ = 1/c, G″/G′ = 1/c, G‴/G′ = 2/c².
      const complement = normalisedBlackCallComplementFrom(x, s, bMaximum, inverseBMaximum);
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
