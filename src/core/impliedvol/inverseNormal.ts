import { INVERSE_SQRT_TWO_PI } from "../normalDistribution";
import { fastStandardNormalCumulative } from "../rationalErrorFunction";

/*
 * Inverse of the standard normal cumulative, N⁻¹(p): P. J. Acklam's rational approximation (relative error about
 * 1e-9), then one Halley step against the accurate N(x), which brings it to double precision. Implied vol needs it
 * only for initial guesses and takes the approximation alone; the refined one is for any other caller.
 */

const LOWER_BREAK = 0.02425;
const A = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239] as const;
const B = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1] as const;
const C = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783] as const;
const D = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416] as const;

function tailApproximation(p: number): number {
  const q = Math.sqrt(-2 * Math.log(p));
  return (
    (((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5]) /
    ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1)
  );
}

function centralApproximation(p: number): number {
  const q = p - 0.5;
  const r = q * q;
  return (
    ((((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5]) * q) /
    (((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1)
  );
}

/**
 * Acklam's N⁻¹(p) alone (relative error about 1e-9), for 0 < p < 1: enough for an initial guess of implied vol, whose
 * interpolation error is far larger, and half the cost of the refined one.
 */
export function approximateInverseStandardNormalCumulative(p: number): number {
  if (!(p > 0)) return -Infinity;
  if (!(p < 1)) return Infinity;
  if (p < LOWER_BREAK) return tailApproximation(p);
  if (p <= 1 - LOWER_BREAK) return centralApproximation(p);
  return -tailApproximation(1 - p);
}

/** N⁻¹(p) for 0 < p < 1; −Infinity at 0 and +Infinity at 1 (callers keep p inside). */
export function inverseStandardNormalCumulative(p: number): number {
  const x = approximateInverseStandardNormalCumulative(p);
  if (!Number.isFinite(x)) return x;
  // Halley's step on N(x) − p = 0, using N' = φ and N'' = −x·φ. In the upper half the error is measured on the
  // complement, which keeps its relative accuracy.
  const error = x <= 0 ? fastStandardNormalCumulative(x) - p : 1 - p - fastStandardNormalCumulative(-x);
  const newtonStep = error / (INVERSE_SQRT_TWO_PI * Math.exp(-0.5 * x * x));
  return x - newtonStep / (1 + 0.5 * x * newtonStep);
}
