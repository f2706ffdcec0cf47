import golden from "../../fixtures/impliedvol/normalisedBlackGolden.json";
import { GREEK_NAMES } from "../../../src/core/greeks/greekNames";
import { fillGreeksRow } from "../../../src/core/greeks/greeksRow";
import { impliedVol, impliedVolInto } from "../../../src/core/impliedvol/impliedVol";
import { normalisedImpliedStandardDeviation } from "../../../src/core/impliedvol/letsBeRational";
import { normalisedBlackCall } from "../../../src/core/impliedvol/normalisedBlack";
import { expectClose } from "../tolerance";

/*
 * Jäckel's own published example, and golden implied standard deviations from an independent high-precision route.
 *
 * Jäckel's paper (Wilmott, 2015) shows its accuracy in figures, not tables of numbers; the numbers below are the worked
 * example in the README of his reference implementation (www.jaeckel.org/LetsBeRational.7z, 2024 revision, section on
 * Matlab's blsimpv): "S0=100, r=0.03, sigma=0.2, T=0.1, K=180. This gives us the forward F=S0·exp(r·T) = 100.3004505,
 * Black(F,K,sigma,T,+1) = 1.04392E-20 and the call option value is Black(F,K,sigma,T,+1)·exp(-r·T) = 1.04079E-20.
 * ImpliedBlackVolatility(value·exp(r·T), S0·exp(r·T), K, T, 1) returns *exactly* 0.2 for these data."
 *
 * The golden table (test/fixtures/impliedvol/normalisedBlackGolden.json, made by normalisedBlackGolden.py beside it)
 * covers every region of the solver: for each (x, s), β = b(x, s) rounded to a double, and the exact s of that β, both
 * by mpmath at 60 digits (bisection on the Black formula itself, not on any code under test).
 */

const README_SPOT = 100;
const README_RATE = 0.03;
const README_YEARS = 0.1;
const README_STRIKE = 180;
const README_VOL = 0.2;

function priceOf(model: "bsm" | "black76", underlying: number, rate: number): number {
  const row = new Float64Array(GREEK_NAMES.length);
  fillGreeksRow("call", model, underlying, README_STRIKE, README_YEARS, README_VOL, rate, 0, row, 0);
  return row[0] as number;
}

describe("Jäckel's README example: a call 80% out of the money, 0.1 years at 20% vol, worth 1e-20", () => {
  const forward = README_SPOT * Math.exp(README_RATE * README_YEARS);

  test("the forward and both prices agree with the six digits Jäckel prints", () => {
    expectClose(forward, 100.3004505, { relative: 1e-9 });
    // Undiscounted Black(F, K, σ, T) and the discounted call value.
    expectClose(priceOf("black76", forward, 0), 1.04392e-20, { relative: 5e-6 });
    expectClose(priceOf("bsm", README_SPOT, README_RATE), 1.04079e-20, { relative: 5e-6 });
  });

  test("the normalised price gives back exactly 0.2 (within the two ulps the division by √T can cost)", () => {
    const x = Math.log(forward / README_STRIKE);
    const beta = priceOf("black76", forward, 0) / Math.sqrt(forward * README_STRIKE);
    const vol = normalisedImpliedStandardDeviation(beta, x) / Math.sqrt(README_YEARS);
    expectClose(vol, README_VOL, { absolute: 2 * 2 ** -55 });
  });

  test("the same leg at K=150 (worth 1e-10, still 5 standard deviations out) through XV.IMPLIEDVOL's core: 0.2 back", () => {
    const row = new Float64Array(GREEK_NAMES.length);
    fillGreeksRow("call", "bsm", README_SPOT, 150, README_YEARS, README_VOL, README_RATE, 0, row, 0);
    const price = row[0] as number;
    expect(price).toBeGreaterThan(1e-10); // above the 1e-12-of-the-underlying floor XV.IMPLIEDVOL applies
    expectClose(impliedVol("call", "bsm", price, README_SPOT, 150, README_YEARS, README_RATE, 0), README_VOL, { relative: 1e-14 });
  });
});

describe("golden implied standard deviations (mpmath, 60 digits) in every region of the solver", () => {
  test.each(golden.cases.map((entry) => [entry.case, entry] as const))("%s", (_label, entry) => {
    const found = normalisedImpliedStandardDeviation(entry.beta, entry.x);
    // What a double β allows: (1 + |b/(s·b')|) ulps of s (Jäckel's error propagation), times a few for the rounding
    // of b's own evaluation, which that factor amplifies the same way.
    const allowedUlps = 4 * entry.attainableUlps;
    expectClose(found, entry.s, { relative: allowedUlps * Number.EPSILON }, entry.case);
    // And b at the found s is β back, within what one ulp of s moves b: (1 + |s·b'/b|) ulps, s·b'/b being
    // 1/(attainableUlps − 1) (over 100 far out of the money, where b is steep in s), times the same few.
    const priceUlps = 4 * (1 + 1 / (entry.attainableUlps - 1));
    expectClose(normalisedBlackCall(entry.x, found), entry.beta, { relative: priceUlps * Number.EPSILON }, `b back ${entry.case}`);
  });

  test("the table covers the lower, middle and upper regions, at the money and 1-hour expiries", () => {
    const standardDeviations = golden.cases.map((entry) => entry.s);
    expect(Math.min(...standardDeviations)).toBeLessThan(2e-4);
    expect(Math.max(...standardDeviations)).toBeGreaterThan(9);
    expect(golden.cases.some((entry) => entry.x === 0)).toBe(true);
    expect(golden.cases.some((entry) => entry.x < -40)).toBe(true);
  });
});

describe("impliedVolInto: the column form of impliedVol", () => {
  test("writes the same vol impliedVol returns, and returns the same problem for a refused price", () => {
    const vols = new Float64Array([NaN, 7]);
    expect(impliedVolInto(vols, 0, "put", "bsm", 2.4648, 100, 95, 0.5, 0.1, 0.05)).toBeNull();
    expect(vols[0]).toBe(impliedVol("put", "bsm", 2.4648, 100, 95, 0.5, 0.1, 0.05));
    const refused = impliedVolInto(vols, 1, "call", "black76", 9.5, 110, 100, 0.5, 0, 0);
    expect(refused).toEqual(impliedVol("call", "black76", 9.5, 110, 100, 0.5, 0, 0));
    expect(refused?.kind).toBe("belowIntrinsic");
    expect(vols[1]).toBe(7);
  });
});
