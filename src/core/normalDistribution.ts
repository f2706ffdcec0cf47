/** 1/√(2π): the standard normal density at 0. */
export const INVERSE_SQRT_TWO_PI = 0.3989422804014327;

/** Standard normal density φ(x). */
export function standardNormalDensity(x: number): number {
  return INVERSE_SQRT_TWO_PI * Math.exp(-0.5 * x * x);
}

// Below this |x| the positive-term series for erf converges quickly and loses no digits;
// above it the continued fraction for erfc converges in a few dozen terms.
const SERIES_LIMIT = 2.5;
const SERIES_MAX_TERMS = 200;
const FRACTION_MAX_TERMS = 300;
const RELATIVE_TOLERANCE = 1e-17;
const TWO_OVER_SQRT_PI = 1.1283791670955126;
const INVERSE_SQRT_PI = 0.5641895835477563;

/** erf(x) for |x| < SERIES_LIMIT: 2/√π·e^(−x²)·Σ 2ⁿx^(2n+1)/(1·3·…·(2n+1)), all terms positive for x > 0. */
function errorFunctionSeries(x: number): number {
  const xSquared = x * x;
  let term = x;
  let sum = x;
  for (let n = 1; n < SERIES_MAX_TERMS; n++) {
    term *= (2 * xSquared) / (2 * n + 1);
    sum += term;
    if (Math.abs(term) <= RELATIVE_TOLERANCE * Math.abs(sum)) break;
  }
  return TWO_OVER_SQRT_PI * Math.exp(-xSquared) * sum;
}

/**
 * erfc(x) for x ≥ SERIES_LIMIT by the continued fraction
 * erfc(x) = e^(−x²)/√π · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + …)))), evaluated with the modified Lentz method.
 */
function complementaryErrorFunctionFraction(x: number): number {
  const tiny = 1e-300;
  let f = x;
  let c = x;
  let d = 0;
  for (let n = 1; n < FRACTION_MAX_TERMS; n++) {
    const a = n / 2;
    d = x + a * d;
    d = d === 0 ? tiny : d;
    c = x + a / c;
    c = c === 0 ? tiny : c;
    d = 1 / d;
    const delta = c * d;
    f *= delta;
    if (Math.abs(delta - 1) <= RELATIVE_TOLERANCE) break;
  }
  return (INVERSE_SQRT_PI * Math.exp(-x * x)) / f;
}

/**
 * Complementary error function erfc(x) = 1 − erf(x): within a few 1e-16 absolute for |x| < 2.5, and about 1e-15
 * relative beyond (the tails, where far out-of-the-money prices live).
 */
export function complementaryErrorFunction(x: number): number {
  if (x >= SERIES_LIMIT) return complementaryErrorFunctionFraction(x);
  if (x <= -SERIES_LIMIT) return 2 - complementaryErrorFunctionFraction(-x);
  return 1 - errorFunctionSeries(x);
}

/** Standard normal cumulative distribution N(x) = erfc(−x/√2)/2. */
export function standardNormalCumulative(x: number): number {
  return 0.5 * complementaryErrorFunction(-x * Math.SQRT1_2);
}
