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
/** Highest power of t the wing series may keep. */
const SERIES_ORDERS = 25;
const SQRT_HALF_PI = Math.sqrt(Math.PI / 2);
/**
 * 1/n! for the odd powers of the near-the-money series, t¹ to t¹⁷: for t < 0.25 and −3 ≤ h ≤ 0 the first term left
 * out, Y⁽¹⁹⁾(h)·t¹⁹/19!, is below 1e-18 of the sum (|Y⁽ⁿ⁾(h)| grows only like √(n!) there: Y⁽²ᵏ⁺¹⁾(0) = 2ᵏ·k!), so a
 * polynomial of fixed length replaces a loop with a division and a stopping test per term.
 */
const INVERSE_FACTORIAL_3 = 1 / 6;
const INVERSE_FACTORIAL_5 = 1 / 120;
const INVERSE_FACTORIAL_7 = 1 / 5040;
const INVERSE_FACTORIAL_9 = 1 / 362880;
const INVERSE_FACTORIAL_11 = 1 / 39916800;
const INVERSE_FACTORIAL_13 = 1 / 6227020800;
const INVERSE_FACTORIAL_15 = 1 / 1307674368000;
const INVERSE_FACTORIAL_17 = 1 / 355687428096000;
/** Below this t the series stops at t¹³: the t¹⁵ term, at most about t¹⁴·2⁷·7!/15!, is then below 1e-19 of the sum. */
const SHORT_SERIES_HALF_S_LIMIT = 0.125;

/**
 * b for small s near the money, where the two terms agree to many digits (1 hour at 1% vol: s ≈ 1e-4). With
 * h = x/s, t = s/2 and Y(h) = N(h)/φ(h), b = φ(h)·e^(−t²/2)·[Y(h + t) − Y(h − t)] = 2φ(h)·e^(−t²/2)·Σ Y⁽ⁿ⁾(h)·tⁿ/n!
 * over odd n, and Y' = 1 + h·Y gives every derivative by the recurrence Y⁽ⁿ⁺¹⁾ = h·Y⁽ⁿ⁾ + n·Y⁽ⁿ⁻¹⁾ (stable for
 * h ≥ −3). `gaussian` = e^(−(h² + t²)/2), which the caller shares with the vega.
 */
function smallStandardDeviationSeries(h: number, t: number, gaussian: number): number {
  const y0 = SQRT_HALF_PI * scaledComplementaryErrorFunction(-h * Math.SQRT1_2);
  const y1 = 1 + h * y0;
  const y2 = h * y1 + y0;
  const y3 = h * y2 + 2 * y1;
  const y4 = h * y3 + 3 * y2;
  const y5 = h * y4 + 4 * y3;
  const y6 = h * y5 + 5 * y4;
  const y7 = h * y6 + 6 * y5;
  const y8 = h * y7 + 7 * y6;
  const y9 = h * y8 + 8 * y7;
  const y10 = h * y9 + 9 * y8;
  const y11 = h * y10 + 10 * y9;
  const y12 = h * y11 + 11 * y10;
  const y13 = h * y12 + 12 * y11;
  const w = t * t;
  // Below t = 1/8 the t¹⁵ term is under 1e-19 of the sum: stop at t¹³ (two fewer steps of the recurrence's chain).
  let tail = 0;
  if (t >= SHORT_SERIES_HALF_S_LIMIT) {
    const y14 = h * y13 + 13 * y12;
    const y15 = h * y14 + 14 * y13;
    const y16 = h * y15 + 15 * y14;
    const y17 = h * y16 + 16 * y15;
    tail = y15 * INVERSE_FACTORIAL_15 + w * y17 * INVERSE_FACTORIAL_17;
  }
  const sum =
    t *
    (y1 +
      w *
        (y3 * INVERSE_FACTORIAL_3 +
          w * (y5 * INVERSE_FACTORIAL_5 + w * (y7 * INVERSE_FACTORIAL_7 + w * (y9 * INVERSE_FACTORIAL_9 + w * (y11 * INVERSE_FACTORIAL_11 + w * (y13 * INVERSE_FACTORIAL_13 + w * tail)))))));
  return 2 * INVERSE_SQRT_TWO_PI * gaussian * sum;
}

/** −ln(1e-17): how many e-folds the wing series' terms must fall for the first one left out to be below 1e-17. */
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
function smallStandardDeviationWingSeries(h: number, t: number, gaussian: number): number {
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
  return 2 * INVERSE_SQRT_TWO_PI * gaussian * sum;
}

/** e^(−(h² + t²)/2) with h = x/s, t = s/2: the exponential the vega and most branches of b share. */
export function normalisedGaussian(x: number, s: number): number {
  const h = x / s;
  const t = 0.5 * s;
  return Math.exp(-0.5 * (h * h + t * t));
}

/**
 * b(x, s) for x ≤ 0, s > 0. When both N arguments are negative the two terms are nearly equal tails: writing
 * N(h) = φ(h)·erfcx(−h/√2)·√(π/2) and noting e^(x/2)·φ(h₁) = e^(−x/2)·φ(h₂) takes the common exponential out, so
 * the value keeps its relative accuracy however small it is (down to the underflow of that exponential).
 */
export function normalisedBlackCall(x: number, s: number): number {
  return normalisedBlackCallFrom(x, s, normalisedGaussian(x, s), Math.exp(0.5 * x), Math.exp(-0.5 * x));
}

/**
 * `normalisedBlackCall` from the exponentials a caller already holds (the implied-vol solver evaluates b many times
 * for one x, and needs the vega at the same s): `gaussian` = normalisedGaussian(x, s), `expHalfX` = e^(x/2),
 * `expMinusHalfX` = e^(−x/2). Same bits as `normalisedBlackCall`.
 */
export function normalisedBlackCallFrom(x: number, s: number, gaussian: number, expHalfX: number, expMinusHalfX: number): number {
  const h = x / s;
  const t = 0.5 * s;
  if (t < TAYLOR_HALF_S_LIMIT) return h > TAYLOR_H_LIMIT ? smallStandardDeviationSeries(h, t, gaussian) : smallStandardDeviationWingSeries(h, t, gaussian);
  const upper = h + t;
  if (upper < 0) {
    const lower = h - t;
    return 0.5 * gaussian * (scaledComplementaryErrorFunction(-upper * Math.SQRT1_2) - scaledComplementaryErrorFunction(-lower * Math.SQRT1_2));
  }
  return expHalfX * fastStandardNormalCumulative(upper) - expMinusHalfX * fastStandardNormalCumulative(h - t);
}

/** erfc(u) needs no exponential of its own below this u (Cody's first range): N(±u·√2) is then a rational function. */
const RATIONAL_ERFC_LIMIT = 0.46875;

/**
 * b(x, s) as the implied-vol solver evaluates it: `normalisedBlackCallFrom`, except where both N arguments are not
 * negative (h₁ = h + t ≥ 0, t ≥ 1/4). There b = e^(x/2) − c with the complement c = e^(x/2)·N(−h₁) + e^(−x/2)·N(h₂), a
 * sum of two positive tails, and since e^(x/2)·φ(h₁) = e^(−x/2)·φ(h₂) = e^(−(h² + t²)/2)/√(2π), each tail is either
 * ½·gaussian·erfcx(|h|/√2) (no exponential: the solver holds gaussian for the vega) or, for a small argument, the
 * rational N itself. No exponential at all, where the two-term formula takes two; as accurate (checked against 50-digit
 * values: within 6 ulps, like the two-term formula's 4, both inside what the rounding of x and s allows).
 */
export function normalisedBlackCallForSolver(x: number, s: number, gaussian: number, expHalfX: number, expMinusHalfX: number): number {
  const h = x / s;
  const t = 0.5 * s;
  const upper = h + t;
  if (t < TAYLOR_HALF_S_LIMIT || upper < 0) return normalisedBlackCallFrom(x, s, gaussian, expHalfX, expMinusHalfX);
  const upperArgument = upper * Math.SQRT1_2;
  const lowerArgument = (t - h) * Math.SQRT1_2;
  const upperTail = upperArgument <= RATIONAL_ERFC_LIMIT ? expHalfX * fastStandardNormalCumulative(-upper) : 0.5 * gaussian * scaledComplementaryErrorFunction(upperArgument);
  const lowerTail = lowerArgument <= RATIONAL_ERFC_LIMIT ? expMinusHalfX * fastStandardNormalCumulative(h - t) : 0.5 * gaussian * scaledComplementaryErrorFunction(lowerArgument);
  return expHalfX - (upperTail + lowerTail);
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
  return normalisedBlackCallComplementFrom(x, s, Math.exp(0.5 * x), Math.exp(-0.5 * x));
}

/** `normalisedBlackCallComplement` from e^(x/2) and e^(−x/2), which the solver computes once per option. */
export function normalisedBlackCallComplementFrom(x: number, s: number, expHalfX: number, expMinusHalfX: number): number {
  const h = x / s;
  const t = 0.5 * s;
  return expHalfX * fastStandardNormalCumulative(-(h + t)) + expMinusHalfX * fastStandardNormalCumulative(h - t);
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
