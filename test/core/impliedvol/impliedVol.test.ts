import { GREEK_NAMES } from "../../../src/core/greeks/greekNames";
import { fillGreeksRow } from "../../../src/core/greeks/greeksRow";
import { OptionType } from "../../../src/core/greeks/optionType";
import { ImpliedVolProblem, impliedVol } from "../../../src/core/impliedvol/impliedVol";
import { inverseStandardNormalCumulative } from "../../../src/core/impliedvol/inverseNormal";
import { fastComplementaryErrorFunction, fastStandardNormalCumulative } from "../../../src/core/rationalErrorFunction";
import { complementaryErrorFunction, standardNormalCumulative } from "../../../src/core/normalDistribution";
import { OptionModel } from "../../../src/core/vega/optionModel";
import { expectClose } from "../tolerance";

function priceAndVega(optionType: OptionType, model: OptionModel, underlying: number, strike: number, years: number, vol: number, rate: number, carry = 0) {
  const row = new Float64Array(GREEK_NAMES.length);
  fillGreeksRow(optionType, model, underlying, strike, years, vol, rate, carry, row, 0);
  return { price: row[0] as number, vegaPerUnitVol: (row[3] as number) * 100 };
}

function expectProblem(result: number | ImpliedVolProblem, kind: ImpliedVolProblem["kind"], ...fragments: string[]): void {
  if (typeof result === "number") throw new Error(`expected a ${kind} problem, got the vol ${result}`);
  expect(result.kind).toBe(kind);
  for (const fragment of fragments) expect(result.message).toContain(fragment);
}

/** One unit in the last place of v. */
function ulp(value: number): number {
  return 2 ** (Math.floor(Math.log2(Math.abs(value))) - 52);
}

describe("fast normal distribution (Cody's rational approximations)", () => {
  test("erfc and N agree with the series/continued-fraction implementation to a few ulps over the whole range", () => {
    for (let x = -8; x <= 26; x += 0.0137) {
      expectClose(fastComplementaryErrorFunction(x), complementaryErrorFunction(x), { relative: 4e-15, absolute: 5e-16 }, `erfc(${x})`);
    }
    for (let x = -37; x <= 8; x += 0.0113) {
      expectClose(fastStandardNormalCumulative(x), standardNormalCumulative(x), { relative: 1e-13, absolute: 5e-16 }, `N(${x})`);
    }
  });

  test("N⁻¹ inverts N to double precision, tails included", () => {
    for (const p of [1e-300, 1e-20, 1e-8, 0.01, 0.02425, 0.3, 0.5, 0.7, 0.97575, 0.999]) {
      const x = inverseStandardNormalCumulative(p);
      // N's relative sensitivity to its argument is |x|: allow for the rounding of x itself.
      expectClose(fastStandardNormalCumulative(x), p, { relative: 4e-15 * Math.max(1, x * x) }, `p ${p}`);
    }
  });
});

describe("implied vol: published prices give back their vols", () => {
  test.each([
    ["QuantLib / DOMAIN.md §4: call S=K=100, T=1, r=5%", "call", "bsm", 10.450584, 100, 100, 1, 0.05, 0, 0.2, 1e-7],
    ["Haug Black-76: F=K=19, T=0.75, r=10%, call", "call", "black76", 1.7011, 19, 19, 0.75, 0.1, 0, 0.28, 5e-5],
    ["Haug Black-76: the put", "put", "black76", 1.7011, 19, 19, 0.75, 0.1, 0, 0.28, 5e-5],
    ["Haug Merton put S=100, K=95, T=0.5, r=10%, q=5%", "put", "bsm", 2.4648, 100, 95, 0.5, 0.1, 0.05, 0.2, 5e-5],
    ["Hull: call S=49, K=50, r=5%, 20 weeks, price 2.40", "call", "bsm", 2.4005273232717, 49, 50, 20 / 52, 0.05, 0, 0.2, 1e-9],
  ] as const)("%s", (_source, optionType, model, price, underlying, strike, years, rate, carry, vol, tolerance) => {
    expectClose(impliedVol(optionType, model, price, underlying, strike, years, rate, carry), vol, { absolute: tolerance });
  });

  test("a Deribit-style coin mark: inverse call F=39165.86, K=40000, 30 days, mark 0.0125 BTC round-trips", () => {
    const vol = impliedVol("call", "inverse", 0.0125, 39165.86, 40000, 30 / 365, 0, 0);
    if (typeof vol !== "number") throw new Error(vol.message);
    expect(vol).toBeGreaterThan(0.1);
    expect(vol).toBeLessThan(1);
    expectClose(priceAndVega("call", "inverse", 39165.86, 40000, 30 / 365, vol, 0).price, 0.0125, { relative: 4 * Number.EPSILON });
  });
});

describe("implied vol: prices no vol can give are refused with what is possible", () => {
  test("below the intrinsic value: the bound and the shortfall", () => {
    // Call F=110, K=100, r=0: intrinsic 10.
    expectProblem(impliedVol("call", "black76", 9.5, 110, 100, 0.5, 0, 0), "belowIntrinsic", "intrinsic value 10", "by 0.5");
  });
  test("at or above the no-arbitrage maximum (the discounted forward for a call, the discounted strike for a put)", () => {
    expectProblem(impliedVol("call", "black76", 110, 110, 100, 0.5, 0, 0), "atOrAboveMaximum", "110");
    expectProblem(impliedVol("put", "black76", 120, 110, 100, 0.5, 0, 0), "atOrAboveMaximum", "100");
    expectProblem(impliedVol("call", "inverse", 1.2, 40000, 30000, 0.5, 0, 0), "atOrAboveMaximum", "coin");
  });
  test("zero or negative price", () => {
    expectProblem(impliedVol("call", "bsm", 0, 100, 100, 0.5, 0, 0), "notPositive", "price 0");
    expectProblem(impliedVol("put", "bsm", -1, 100, 100, 0.5, 0, 0), "notPositive", "price -1");
  });
  test("expired", () => {
    expectProblem(impliedVol("call", "bsm", 1, 100, 100, 0, 0, 0), "expired", "expired");
  });
  test("too small to tell vols apart: says the smallest price that works (1e-12 of the underlying above intrinsic)", () => {
    expectProblem(impliedVol("call", "bsm", 1e-13, 100, 200, 0.5, 0, 0), "tooSmall", "smallest price that gives a vol is 1e-10");
    const justAbove = impliedVol("call", "bsm", 1.01e-10, 100, 200, 0.5, 0, 0);
    expect(typeof justAbove).toBe("number");
  });
  test("bad leg inputs use the leg's own messages", () => {
    expectProblem(impliedVol("call", "bsm", 1, -100, 100, 0.5, 0, 0), "invalidInput", "underlying -100");
    expectProblem(impliedVol("call", "black76", 1, 100, 100, 0.5, 0, 0.02), "invalidInput", "carry 0.02");
  });
});

describe("implied vol: dense grid (moneyness ±10 sd, 1 hour to 5 years, vol 1% to 500%)", () => {
  // For each leg the price comes from the Greeks row's accurate price; the vol must come back within 1e-12 relative
  // plus what a few ulps of the price are worth in vol (σ·vega small against the price means the price carries no
  // more digits of σ), and re-pricing at the found vol must give the price within a few ulps plus what one ulp of the
  // vol is worth. Otherwise the answer must be an error that explains (here: too small, beyond 1e-12 of the forward).
  // A few ulps of the price plus what a few ulps of the vol are worth in price (a double vol cannot do better where
  // one ulp of σ moves the price by several ulps): the normalised Black function keeps full relative accuracy
  // (series for small s, erfcx beyond), so the solver's vol is within a few ulps of the exact one.
  const ROUND_TRIP_ULPS = 4;
  test("round trip price → vol → price, or an explaining error", () => {
    const vols = [0.01, 0.03, 0.1, 0.25, 0.6, 1, 2, 3.5, 5];
    const yearsList = [1 / 8760, 1 / 365, 7 / 365, 0.1, 0.5, 1, 2.5, 5];
    let checked = 0;
    let refused = 0;
    for (const model of ["bsm", "black76", "inverse"] as const) {
      for (const vol of vols) {
        for (const years of yearsList) {
          for (let deviations = -10; deviations <= 10; deviations += 0.25) {
            for (const optionType of ["call", "put"] as const) {
              const underlying = model === "inverse" ? 40_000 : 100;
              const strike = underlying * Math.exp(deviations * vol * Math.sqrt(years));
              if (strike > 1e15 || strike < 1e-300) continue;
              const rate = model === "inverse" ? 0 : 0.03;
              const carry = model === "bsm" ? 0.01 : 0;
              const { price, vegaPerUnitVol } = priceAndVega(optionType, model, underlying, strike, years, vol, rate, carry);
              const found = impliedVol(optionType, model, price, underlying, strike, years, rate, carry);
              const label = `${optionType} ${model} K=${strike} T=${years} σ=${vol} price=${price}`;
              if (typeof found !== "number") {
                // Far wings: the time value is below 1e-12 of the underlying, so the price sits on its lower bound
                // (too small, with the smallest price that works) or, for a huge call, rounds onto its maximum.
                expect([["tooSmall", "atOrAboveMaximum"].includes(found.kind), label]).toEqual([true, label]);
                if (found.kind === "tooSmall") expect(found.message).toMatch(/smallest price that gives a vol is \d/);
                refused++;
                continue;
              }
              checked++;
              const volTolerance = 1e-12 * vol + (8 * ulp(price)) / vegaPerUnitVol;
              expectClose(found, vol, { absolute: volTolerance }, `vol ${label}`);
              const repriced = priceAndVega(optionType, model, underlying, strike, years, found, rate, carry).price;
              expectClose(repriced, price, { absolute: ROUND_TRIP_ULPS * ulp(price) + vegaPerUnitVol * ROUND_TRIP_ULPS * 2 * ulp(vol) }, `round trip ${label}`);
            }
          }
        }
      }
    }
    // Most of the grid is solvable; refusals are the far wings whose time value is below 1e-12 of the underlying.
    expect(checked).toBeGreaterThan(refused);
  });
});
