import { INVERSE_SQRT_TWO_PI } from "../normalDistribution";
import { fastStandardNormalCumulative, scaledComplementaryErrorFunction } from "../rationalErrorFunction";

/*
 * Jäckel's normalised Black function for an out-of-the-money call: with x = ln(F/K) ≤ 0 and s = σ√T > 0,
 *
 *   b(x, s) = e^(x/2)·N(x/s + s/2) − e^(−x/2)·N(x/s − s/2)  =  Black price / (discount·√(F·K)).
 *
 * Every option reduces to this by put–call parity (subtract the intrinsic value) and the symmetry
 * put(x) = call(−x). Its vega ∂b/∂s = exp(−(x/s)²/2 − s²/8)/√(2π) has no cancellation.
 */

/** Below this s/2 (and above this x/s) the two terms of b are too close to subtract: use the series instead. */
const TAYLOR_HALF_S_LIMIT = 0.25;
const TAYLOR_H_LIMIT = -3;
/** Highest power of t kept: for t < 0.25 the next term is below 1e-17 of the sum. */
const SERIES_ORDERS = 25;
const SQRT_HALF_PI = Math.sqrt(Math.PI / 2);

/**
 * b for small s near the money, where the two terms agree to many digits (1 hour at 1% vol: s ≈ 1e-4). With
 * h = x/s, t = s/2 and Y(h) = N(h)/φ(h), b = φ(h)·e^(−t²/2)·[Y(h + t) − Y(h − t)] = 2φ(h)·e^(−t²/2)·Σ Y⁽ⁿ⁾(h)·tⁿ/n!
 * over odd n, and Y' = 1 + h·Y gives every derivative by the recurrence Y⁽ⁿ⁺¹⁾ = h·Y⁽ⁿ⁾ + n·Y⁽ⁿ⁻¹⁾ (stable for
 * h ≥ −3).
 */
function smallStandardDeviationSeries(h: number, t: number): number {
  let previous = SQRT_HALF_PI * scaledComplementaryErrorFunction(-h * Math.SQRT1_2);
  let current = 1 + h * previous;
  const tSquared = t * t;
  let power = t;
  let factorial = 1;
  let sum = current * t;
  for (let order = 1; order < SERIES_ORDERS; order += 2) {
    const next = h * current + order * previous;
    const nextNext = h * next + (order + 1) * current;
    previous = next;
    current = nextNext;
    power *= tSquared;
    factorial *= (order + 1) * (order + 2);
    const term = (current * power) / factorial;
    sum += term;
    if (Math.abs(term) <= SERIES_TOLERANCE * Math.abs(sum)) break;
  }
  return 2 * INVERSE_SQRT_TWO_PI * Math.exp(-0.5 * (h * h + tSquared)) * sum;
}

/** Relative size of the first series term left out. */
const SERIES_TOLERANCE = 1e-17;
/** −ln(SERIES_TOLERANCE): how many e-folds the wing series' terms must fall. */
const SERIES_E_FOLDS = 39.2;
/**
 * Laplace's continued fraction for Y needs about 360/z² terms beyond the derivatives used for 1e-17 (40 at z = 3, a
 * handful far out); the tails are written into one preallocated array, so a call allocates nothing.
 */
const FRACTION_DEPTH_SCALE = 360;
const fractionTails = new Float64Array(SERIES_ORDERS + 1);

/**
 * The same series where x/s < −3: there h·Y(h) ≈ −1 and the recurrence would cancel. Laplace's continued fraction
 * Y(h) = 1/(z + T₁), T_k = k/(z + T_(k+1)) with z = −h gives every derivative as a product of positive terms,
 * Y⁽ⁿ⁾(h) = Y(h)·T₁·T₂·…·T_n (it satisfies the same recurrence), so nothing cancels however far out of the money.
 * Y⁽ⁿ⁾/n! ≤ Y/zⁿ, so the terms fall at least by (t/z)² per odd order: that fixes how many orders are needed.
 */
function smallStandardDeviationWingSeries(h: number, t: number): number {
  const z = -h;
  const tSquared = t * t;
  const pairs = Math.ceil(SERIES_E_FOLDS / -Math.log(tSquared / (z * z)));
  const orders = Math.min(2 * pairs + 1, SERIES_ORDERS);
  const depth = orders + Math.ceil(FRACTION_DEPTH_SCALE / (z * z)) + 4;
  let tail = 0;
  for (let k = depth; k >= 1; k--) {
    tail = k / (z + tail);
    if (k <= orders) fractionTails[k] = tail;
  }
  let derivative = 1 / (z + tail); // Y(h)
  let power = t;
  let factorial = 1;
  let sum = 0;
  for (let order = 1; order <= orders; order++) {
    derivative *= fractionTails[order] as number;
    if (order > 1) factorial *= order;
    if (order % 2 === 1) {
      sum += (derivative * power) / factorial;
      power *= tSquared;
    }
  }
  return 2 * INVERSE_SQRT_TWO_PI * Math.exp(-0.5 * (h * h + tSquared)) * sum;
}

/**
 * b(x, s) for x ≤ 0, s > 0. When both N arguments are negative the two terms are nearly equal tails: writing
 * N(h) = φ(h)·erfcx(−h/√2)·√(π/2) and noting e^(x/2)·φ(h₁) = e^(−x/2)·φ(h₂) takes the common exponential out, so
 * the value keeps its relative accuracy however small it is (down to the underflow of that exponential).
 */
export function normalisedBlackCall(x: number, s: number): number {
  const h = x / s;
  const t = 0.5 * s;
  if (t < TAYLOR_HALF_S_LIMIT) return h > TAYLOR_H_LIMIT ? smallStandardDeviationSeries(h, t) : smallStandardDeviationWingSeries(h, t);
  const upper = h + t;
  if (upper < 0) {
    const lower = h - t;
    const common = 0.5 * Math.exp(-0.5 * (h * h + t * t));
    return common * (scaledComplementaryErrorFunction(-upper * Math.SQRT1_2) - scaledComplementaryErrorFunction(-lower * Math.SQRT1_2));
  }
  return Math.exp(0.5 * x) * fastStandardNormalCumulative(upper) - Math.exp(-0.5 * x) * fastStandardNormalCumulative(h - t);
}

/**
 * True where `normalisedBlackCall` uses the plain two-term formula e^(x/2)·N(h₁) − e^(−x/2)·N(h₂): a caller that
 * already holds N(h₁) and N(h₂) (the Greeks row) can then form b itself, to the same bits.
 */
export function usesTwoTermFormula(x: number, s: number): boolean {
  const t = 0.5 * s;
  return !(t < TAYLOR_HALF_S_LIMIT) && x / s + t >= 0;
}

/**
 * e^(x/2) − b(x, s) for x ≤ 0: the distance to the no-arbitrage maximum, = e^(x/2)·N(−h₁) + e^(−x/2)·N(h₂), a sum
 * of positive terms, so it stays accurate when b is within a few ulps of its maximum (very high vols).
 */
export function normalisedBlackCallComplement(x: number, s: number): number {
  const h = x / s;
  const t = 0.5 * s;
  return Math.exp(0.5 * x) * fastStandardNormalCumulative(-(h + t)) + Math.exp(-0.5 * x) * fastStandardNormalCumulative(h - t);
}

/** ∂b/∂s = exp(−(x/s)²/2 − s²/8)/√(2π). */
export function normalisedVega(x: number, s: number): number {
  const h = x / s;
  const t = 0.5 * s;
  return INVERSE_SQRT_TWO_PI * Math.exp(-0.5 * (h * h + t * t));
}

/** (∂²b/∂s²)/(∂b/∂s) = x²/s³ − s/4. */
export function normalisedVolgaOverVega(x: number, s: number): number {
  return (x * x) / (s * s * s) - 0.25 * s;
}

/** (∂³b/∂s³)/(∂b/∂s) = (x²/s³ − s/4)² − 3x²/s⁴ − 1/4. */
export function normalisedThirdOverVega(x: number, s: number): number {
  const volgaOverVega = normalisedVolgaOverVega(x, s);
  return volgaOverVega * volgaOverVega - (3 * x * x) / (s * s * s * s) - 0.25;
}
