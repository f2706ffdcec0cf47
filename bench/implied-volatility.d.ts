/*
 * Types for the npm package `implied-volatility` 1.0.0 (no types of its own), the peer the implied-vol benchmark
 * compares against. Only what the benchmark calls.
 */
declare module "implied-volatility" {
  /**
   * Black–Scholes implied vol (no carry) by bisection on the `black-scholes` package's price, at most 100 steps,
   * stopping when the price matches "down to the cent".
   * @param expectedCost option price, @param s spot, @param k strike, @param t years, @param r rate as a decimal
   */
  export function getImpliedVolatility(expectedCost: number, s: number, k: number, t: number, r: number, callPut: "call" | "put", estimate?: number): number;
}
