/*
 * Types for the npm package `greeks` 1.0.0 (no types of its own), the peer the vega benchmark compares against.
 * Only what the benchmark calls.
 */
declare module "greeks" {
  /**
   * Black–Scholes vega with no carry (q = 0), per 1% of vol: s·√t·φ(w)/100 with w = d1; 0 when w is not finite.
   * @param s spot, @param k strike, @param t years, @param v vol as a decimal, @param r rate as a decimal
   */
  export function getVega(s: number, k: number, t: number, v: number, r: number): number;
}
