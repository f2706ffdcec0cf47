import fc from "fast-check";
import { vegaPerUnitVol } from "../../../src/core/vega/blackVega";
import { blackPrice } from "../../../src/core/vega/blackPrice";
import { OptionModel, OPTION_MODELS } from "../../../src/core/vega/optionModel";
import { findLegProblem } from "../../../src/core/vega/legValidation";
import { INVERSE_SQRT_TWO_PI } from "../../../src/core/normalDistribution";
import { expectClose } from "../tolerance";

const modelArbitrary = fc.constantFrom<OptionModel>(...OPTION_MODELS);
const legArbitrary = fc.record({
  model: modelArbitrary,
  underlying: fc.double({ min: 1, max: 100_000, noNaN: true }),
  moneyness: fc.double({ min: 0.5, max: 2, noNaN: true }),
  years: fc.double({ min: 1 / 365, max: 5, noNaN: true }),
  vol: fc.double({ min: 0.05, max: 2, noNaN: true }),
  rate: fc.double({ min: -0.02, max: 0.15, noNaN: true }),
  carry: fc.double({ min: -0.05, max: 0.1, noNaN: true }),
});

function legVega(leg: { model: OptionModel; underlying: number; moneyness: number; years: number; vol: number; rate: number; carry: number }): number {
  const carry = leg.model === "bsm" ? leg.carry : 0;
  return vegaPerUnitVol(leg.model, leg.underlying, leg.underlying * leg.moneyness, leg.years, leg.vol, leg.rate, carry);
}

describe("vega against central finite differences of the price", () => {
  test("call and put price derivatives in vol both equal vega, for every model", () => {
    fc.assert(
      fc.property(legArbitrary, (leg) => {
        const carry = leg.model === "bsm" ? leg.carry : 0;
        const strike = leg.underlying * leg.moneyness;
        const analytic = legVega(leg);
        for (const optionType of ["call", "put"] as const) {
          const price = (vol: number) => blackPrice(optionType, leg.model, leg.underlying, strike, leg.years, vol, leg.rate, carry);
          const centralDifference = (bump: number) => (price(leg.vol + bump) - price(leg.vol - bump)) / (2 * bump);
          // Richardson extrapolation of two central differences cancels the bump² term, so the check stays tight
          // for deep in- or out-of-the-money legs whose vega curves sharply in vol.
          const bump = 1e-3 * leg.vol;
          const finiteDifference = (4 * centralDifference(bump / 2) - centralDifference(bump)) / 3;
          const priceScale = leg.model === "inverse" ? 1 : leg.underlying;
          expectClose(analytic, finiteDifference, { absolute: 1e-7 * priceScale, relative: 1e-6 }, optionType);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe("vega properties", () => {
  test("vega is finite and non-negative over the whole accepted input domain", () => {
    const wideLeg = fc.record({
      model: modelArbitrary,
      underlying: fc.double({ min: 1e-12, max: 1e15, noNaN: true }),
      strike: fc.double({ min: 1e-12, max: 1e15, noNaN: true }),
      years: fc.double({ min: -100, max: 100, noNaN: true }),
      vol: fc.double({ min: 0, max: 10, noNaN: true }),
      rate: fc.double({ min: -2, max: 2, noNaN: true }),
      carry: fc.double({ min: -2, max: 2, noNaN: true }),
    });
    fc.assert(
      fc.property(wideLeg, (leg) => {
        const carry = leg.model === "bsm" ? leg.carry : 0;
        expect(findLegProblem(leg.model, leg.underlying, leg.strike, leg.years, leg.vol, leg.rate, carry)).toBeNull();
        const value = vegaPerUnitVol(leg.model, leg.underlying, leg.strike, leg.years, leg.vol, leg.rate, carry);
        expect(Number.isFinite(value)).toBe(true);
        expect(value).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 2000 },
    );
  });

  test("bsm and black76 vega are homogeneous of degree 1 in (underlying, strike); inverse of degree 0", () => {
    fc.assert(
      fc.property(legArbitrary, fc.double({ min: 0.01, max: 100, noNaN: true }), (leg, factor) => {
        const scaled = legVega({ ...leg, underlying: leg.underlying * factor });
        const expected = leg.model === "inverse" ? legVega(leg) : legVega(leg) * factor;
        expectClose(scaled, expected, { relative: 1e-11, absolute: 1e-300 });
      }),
    );
  });

  test("bsm on the spot equals black76 on the forward F = S·e^((r−q)T)", () => {
    fc.assert(
      fc.property(legArbitrary, (leg) => {
        const strike = leg.underlying * leg.moneyness;
        const onSpot = vegaPerUnitVol("bsm", leg.underlying, strike, leg.years, leg.vol, leg.rate, leg.carry);
        const forward = leg.underlying * Math.exp((leg.rate - leg.carry) * leg.years);
        const onForward = vegaPerUnitVol("black76", forward, strike, leg.years, leg.vol, leg.rate, 0);
        expectClose(onSpot, onForward, { relative: 1e-11, absolute: 1e-300 });
      }),
    );
  });

  test("inverse vega is the black76 vega divided by the forward (coin per unit of vol)", () => {
    fc.assert(
      fc.property(legArbitrary, (leg) => {
        const strike = leg.underlying * leg.moneyness;
        const inCoin = vegaPerUnitVol("inverse", leg.underlying, strike, leg.years, leg.vol, leg.rate, 0);
        const inUsd = vegaPerUnitVol("black76", leg.underlying, strike, leg.years, leg.vol, leg.rate, 0);
        expectClose(inCoin * leg.underlying, inUsd, { relative: 1e-12, absolute: 1e-300 });
      }),
    );
  });

  test("at the money-forward, vega peaks over strikes", () => {
    fc.assert(
      fc.property(legArbitrary, fc.double({ min: 0.01, max: 0.5, noNaN: true }), (leg, offset) => {
        const atTheMoney = vegaPerUnitVol("black76", leg.underlying, leg.underlying, leg.years, leg.vol, leg.rate, 0);
        // The Black vega maximum over strike sits at K = F·e^(σ²T/2), a hair above the money-forward; compare
        // against strikes well away on both sides.
        const peak = leg.underlying * Math.exp((leg.vol * leg.vol * leg.years) / 2);
        const atPeak = vegaPerUnitVol("black76", leg.underlying, peak, leg.years, leg.vol, leg.rate, 0);
        for (const strike of [peak * Math.exp(offset * leg.vol * Math.sqrt(leg.years)), peak * Math.exp(-offset * leg.vol * Math.sqrt(leg.years))]) {
          expect(vegaPerUnitVol("black76", leg.underlying, strike, leg.years, leg.vol, leg.rate, 0)).toBeLessThan(atPeak);
        }
        expect(atTheMoney).toBeLessThanOrEqual(atPeak * (1 + 1e-12));
      }),
    );
  });
});

describe("degenerate cases are handled before the general formula", () => {
  test("expired legs (years ≤ 0) have vega 0", () => {
    for (const years of [0, -1e-9, -0.5, -100]) {
      for (const model of OPTION_MODELS) expect(vegaPerUnitVol(model, 100, 100, years, 0.5, 0.05, 0)).toBe(0);
    }
  });

  test("zero vol at the money-forward gives the σ→0 limit F·e^(−rT)·√T/√(2π), and the formula tends to it", () => {
    const years = 0.25;
    const rate = 0.03;
    const limit = 100 * Math.exp(-rate * years) * Math.sqrt(years) * INVERSE_SQRT_TWO_PI;
    expectClose(vegaPerUnitVol("black76", 100, 100, years, 0, rate, 0), limit, { relative: 1e-15 });
    expectClose(vegaPerUnitVol("black76", 100, 100, years, 1e-9, rate, 0), limit, { relative: 1e-12 });
    // bsm at the money-forward (strike S·e^((r−q)T), equal to it only up to rounding): the limit is S·e^(−qT)·√T/√(2π).
    const forward = 100 * Math.exp(rate * years);
    const spotLimit = 100 * Math.sqrt(years) * INVERSE_SQRT_TWO_PI;
    expectClose(vegaPerUnitVol("bsm", 100, forward, years, 0, rate, 0), spotLimit, { relative: 1e-15 });
    expectClose(vegaPerUnitVol("bsm", 100, forward, years, 1e-9, rate, 0), spotLimit, { relative: 1e-12 });
  });

  test("zero vol away from the money gives 0, and tiny vols tend to it without NaN", () => {
    expect(vegaPerUnitVol("bsm", 100, 120, 1, 0, 0, 0)).toBe(0);
    expect(vegaPerUnitVol("black76", 100, 80, 1, 0, 0, 0)).toBe(0);
    for (const vol of [1e-300, 5e-324, 1e-12, 1e-6]) {
      const value = vegaPerUnitVol("bsm", 100, 120, 1, vol, 0, 0);
      expect(Number.isFinite(value)).toBe(true);
      expect(value).toBeLessThan(1e-100);
    }
  });

  test("a leg one minute from expiry stays finite and tends to 0 like √T at the money", () => {
    const oneMinute = 1 / (365 * 24 * 60);
    const value = vegaPerUnitVol("black76", 40_000, 40_000, oneMinute, 0.6, 0, 0);
    expectClose(value, 40_000 * Math.sqrt(oneMinute) * INVERSE_SQRT_TWO_PI, { relative: 1e-6 });
  });
});
