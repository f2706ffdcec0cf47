import fc from "fast-check";
import { GREEK_NAMES, GreekName, greekIndex } from "../../../src/core/greeks/greekNames";
import { fillGreeksRow } from "../../../src/core/greeks/greeksRow";
import { OptionType } from "../../../src/core/greeks/optionType";
import { blackPrice } from "../../../src/core/vega/blackPrice";
import { vegaPerUnitVol } from "../../../src/core/vega/blackVega";
import { OptionModel } from "../../../src/core/vega/optionModel";
import published from "../../fixtures/greeks/published.json";
import { expectClose } from "../tolerance";

interface Leg {
  optionType: OptionType;
  model: OptionModel;
  underlying: number;
  strike: number;
  years: number;
  vol: number;
  rate: number;
  carry: number;
}

function greeksOf(leg: Leg): Record<GreekName, number> {
  const row = new Float64Array(GREEK_NAMES.length);
  fillGreeksRow(leg.optionType, leg.model, leg.underlying, leg.strike, leg.years, leg.vol, leg.rate, leg.carry, row, 0);
  return Object.fromEntries(GREEK_NAMES.map((name, index) => [name, row[index] as number])) as Record<GreekName, number>;
}

const priceOf = (leg: Leg): number => greeksOf(leg).price;
const deltaOf = (leg: Leg): number => greeksOf(leg).delta;
const vegaOf = (leg: Leg): number => greeksOf(leg).vega;

/** Central difference of f along one input, with step h. */
function central(leg: Leg, change: (leg: Leg, step: number) => Leg, f: (leg: Leg) => number, step: number): number {
  return (f(change(leg, step)) - f(change(leg, -step))) / (2 * step);
}

const withUnderlying = (leg: Leg, step: number): Leg => ({ ...leg, underlying: leg.underlying + step });
const withVol = (leg: Leg, step: number): Leg => ({ ...leg, vol: leg.vol + step });
const withYears = (leg: Leg, step: number): Leg => ({ ...leg, years: leg.years + step });
// bsm: ∂V/∂r with S and q held; black76 and inverse: the forward is the input, so it is held by construction.
const withRate = (leg: Leg, step: number): Leg => ({ ...leg, rate: leg.rate + step });

describe("Greeks row: published values", () => {
  for (const example of published.greeks) {
    test(example.source, () => {
      const leg = example as unknown as Leg;
      const greeks = greeksOf(leg);
      const expected = example.expected as Record<string, number>;
      const tolerance = example.absoluteTolerance as Record<string, number>;
      const ours: Record<string, number> = {
        price: greeks.price,
        delta: greeks.delta,
        gamma: greeks.gamma,
        thetaPerYear: greeks.theta * 365,
        vegaPerUnitVol: greeks.vega * 100,
        rhoPerUnitRate: greeks.rho * 100,
      };
      for (const [name, value] of Object.entries(expected)) {
        expectClose(ours[name], value, { absolute: tolerance[name] as number }, name);
      }
    });
  }

  test("DOMAIN.md §4: QuantLib call 10.450584 and vega 37.524035 (S=K=100, T=1, r=5%, σ=20%); Haug Black-76 1.7011; Merton put 2.4648", () => {
    const atm: Leg = { optionType: "call", model: "bsm", underlying: 100, strike: 100, years: 1, vol: 0.2, rate: 0.05, carry: 0 };
    expectClose(greeksOf(atm).price, 10.450584, { absolute: 5e-7 });
    expectClose(greeksOf(atm).vega, 0.37524035, { absolute: 5e-9 });
    const black76: Leg = { optionType: "put", model: "black76", underlying: 19, strike: 19, years: 0.75, vol: 0.28, rate: 0.1, carry: 0 };
    expectClose(greeksOf(black76).price, 1.7011, { absolute: 5e-5 });
    const merton: Leg = { optionType: "put", model: "bsm", underlying: 100, strike: 95, years: 0.5, vol: 0.2, rate: 0.1, carry: 0.05 };
    expectClose(greeksOf(merton).price, 2.4648, { absolute: 5e-5 });
  });
});

const MODELS: OptionModel[] = ["bsm", "black76", "inverse"];
const TYPES: OptionType[] = ["call", "put"];

const legArbitrary = fc.record({
  optionType: fc.constantFrom(...TYPES),
  model: fc.constantFrom(...MODELS),
  underlying: fc.double({ min: 1, max: 100_000, noNaN: true }),
  moneyness: fc.double({ min: -0.6, max: 0.6, noNaN: true }),
  years: fc.double({ min: 0.02, max: 3, noNaN: true }),
  vol: fc.double({ min: 0.05, max: 2, noNaN: true }),
  rate: fc.double({ min: -0.01, max: 0.1, noNaN: true }),
  carry: fc.double({ min: -0.05, max: 0.1, noNaN: true }),
}).map(({ moneyness, carry, ...rest }): Leg => ({
  ...rest,
  strike: rest.underlying * Math.exp(moneyness),
  carry: rest.model === "bsm" ? carry : 0,
}));

describe("Greeks row against central finite differences of our own price", () => {
  // Each Greek is the derivative the conventions name (CONTRACTS.md, "Implied vol and Greeks"), so differencing the
  // price (and, for gamma, vanna, volga, the delta and vega) along that input must give it back. Steps are relative,
  // tolerances absolute-plus-relative on the Greek's natural scale (truncation O(h²), rounding O(ε/h)).
  test("delta, gamma, vega, theta, rho, vanna, volga of random legs (all models, calls and puts)", () => {
    fc.assert(
      fc.property(legArbitrary, (leg) => {
        const greeks = greeksOf(leg);
        const priceScale = leg.model === "inverse" ? 1 : leg.underlying;
        // Relative to the leg's standard deviation: delta bends on the scale S·σ√T.
        const spotStep = 1e-4 * leg.underlying * leg.vol * Math.sqrt(leg.years);
        const label = JSON.stringify(leg);
        // Coin delta is F·∂(coin price)/∂F (Deribit's), the others ∂price/∂underlying.
        const deltaScale = leg.model === "inverse" ? leg.underlying : 1;
        expectClose(greeks.delta, deltaScale * central(leg, withUnderlying, priceOf, spotStep), { absolute: 1e-7, relative: 1e-6 }, `delta ${label}`);
        expectClose(greeks.gamma, central(leg, withUnderlying, deltaOf, spotStep), { absolute: 1e-6 / leg.underlying, relative: 1e-5 }, `gamma ${label}`);
        expectClose(greeks.vega, central(leg, withVol, priceOf, 1e-5) * 0.01, { absolute: 1e-9 * priceScale, relative: 1e-6 }, `vega ${label}`);
        expectClose(greeks.theta, -central(leg, withYears, priceOf, 1e-5 * leg.years) / 365, { absolute: 1e-9 * priceScale, relative: 1e-5 }, `theta ${label}`);
        expectClose(greeks.rho, central(leg, withRate, priceOf, 1e-6) * 0.01, { absolute: 1e-9 * priceScale, relative: 1e-6 }, `rho ${label}`);
        expectClose(greeks.vanna, central(leg, withVol, deltaOf, 1e-5) * 0.01, { absolute: 1e-8, relative: 1e-5 }, `vanna ${label}`);
        expectClose(greeks.volga, central(leg, withVol, vegaOf, 1e-5) * 0.01, { absolute: 1e-10 * priceScale, relative: 1e-5 }, `volga ${label}`);
      }),
      { numRuns: 400 },
    );
  });

  test("price agrees with blackPrice and vega with vegaPerUnitVol (the engine XV.VEGA uses)", () => {
    fc.assert(
      fc.property(legArbitrary, (leg) => {
        const greeks = greeksOf(leg);
        const args = [leg.model, leg.underlying, leg.strike, leg.years, leg.vol, leg.rate, leg.carry] as const;
        const priceScale = leg.model === "inverse" ? 1 : leg.underlying;
        expectClose(greeks.price, blackPrice(leg.optionType, ...args), { absolute: 1e-13 * priceScale, relative: 1e-12 });
        expectClose(greeks.vega, vegaPerUnitVol(...args) * 0.01, { absolute: 1e-16 * priceScale, relative: 1e-12 });
      }),
    );
  });
});

describe("put–call parity", () => {
  test("call − put = discounted (forward − strike) (in coin: ÷ forward); delta_call − delta_put = the discounted forward's delta", () => {
    fc.assert(
      fc.property(legArbitrary, (leg) => {
        const call = greeksOf({ ...leg, optionType: "call" });
        const put = greeksOf({ ...leg, optionType: "put" });
        const forward = leg.model === "bsm" ? leg.underlying * Math.exp((leg.rate - leg.carry) * leg.years) : leg.underlying;
        const discount = Math.exp(-leg.rate * leg.years);
        const coin = leg.model === "inverse" ? forward : 1;
        const scale = leg.model === "inverse" ? 1 : leg.underlying;
        expectClose(call.price - put.price, (discount * (forward - leg.strike)) / coin, { absolute: 1e-12 * scale + 1e-12 * leg.strike / coin });
        const deltaDifference = leg.model === "bsm" ? Math.exp(-leg.carry * leg.years) : leg.model === "black76" ? discount : (discount * leg.strike) / forward;
        expectClose(call.delta - put.delta, deltaDifference, { absolute: 1e-12 });
        // The coin delta's parity term D·K/F depends on F: its derivative is the gap between the coin gammas.
        const gammaDifference = leg.model === "inverse" ? (-discount * leg.strike) / (forward * forward) : 0;
        expectClose(call.gamma - put.gamma, gammaDifference, { absolute: 1e-12 * Math.max(1, Math.abs(put.gamma)) });
        for (const name of ["vega", "vanna", "volga"] as const) {
          expectClose(call[name], put[name], { absolute: 1e-13 * Math.max(1, Math.abs(put[name])), relative: 1e-10 }, name);
        }
      }),
    );
  });
});

describe("degenerate legs (CONTRACTS.md: expired legs)", () => {
  test.each([
    ["call", "bsm", 110, 100, 10, 1],
    ["call", "bsm", 90, 100, 0, 0],
    ["put", "black76", 90, 100, 10, -1],
    ["put", "black76", 110, 100, 0, 0],
    ["call", "inverse", 40_000, 30_000, 0.25, 1],
  ] as const)("expired %s %s S=%p K=%p: price = intrinsic %p, delta step %p, the rest 0", (optionType, model, underlying, strike, price, delta) => {
    for (const years of [0, -0.01]) {
      const greeks = greeksOf({ optionType, model, underlying, strike, years, vol: 0.5, rate: 0.05, carry: 0 });
      expect(greeks.price).toBe(price);
      expect(greeks.delta).toBe(delta);
      for (const name of ["gamma", "vega", "theta", "rho", "vanna", "volga"] as const) expect(greeks[name]).toBe(0);
    }
  });

  test("zero vol gives finite σ → 0 limits, never NaN: intrinsic on the forward, delta step, vega only at the money", () => {
    for (const model of MODELS) {
      for (const optionType of TYPES) {
        for (const strike of [80, 100, 120]) {
          const greeks = greeksOf({ optionType, model, underlying: 100, strike, years: 0.5, vol: 0, rate: 0, carry: 0 });
          for (const name of GREEK_NAMES) expect(Number.isFinite(greeks[name])).toBe(true);
          // Coin gamma keeps the −delta/F term of the coin delta; the others vanish.
          expect(greeks.gamma + 0).toBe(model === "inverse" ? -greeks.delta / 100 + 0 : 0);
          if (strike !== 100) expect(greeks.vega).toBe(0);
          else expect(greeks.vega).toBeGreaterThan(0);
        }
      }
    }
  });

  test("greek names are read in any case, unknown ones give −1", () => {
    expect(greekIndex(" Vega ")).toBe(3);
    expect(greekIndex("VOLGA")).toBe(7);
    expect(greekIndex("charm")).toBe(-1);
  });
});

/*
 * Regressions found by `npm run fuzz`: a subnormal underlying made F/K underflow to 0 (ln = −∞, vanna NaN), and a
 * vol near the smallest doubles made d1·d2/σ overflow (volga NaN). Every leg the validation accepts has a finite row.
 */
describe("Greeks row: finite for every valid leg, down to the smallest doubles", () => {
  test("the fuzzer's two legs give finite rows (zero-vol and far-out-of-the-money limits)", () => {
    const row = new Float64Array(8);
    fillGreeksRow("call", "bsm", 4.4e-323, 469.6479730452892, 3.553147025313228, 0.021361156415962864, 0, 0, row, 0);
    expect(Array.from(row)).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
    fillGreeksRow("call", "bsm", 92.05691709438196, 998.6388543814031, 3.0210068823071192, 3.5869271017679406e-188, 0, 0, row, 0);
    expect(Array.from(row)).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
  });

  // Strikes within 1e±20 of the underlying: beyond that an inverse leg's gamma (∝ K/F²) leaves the doubles, and the
  // adapter reports the leg with its inputs instead.
  test("property: extreme but valid magnitudes never give NaN or Infinity", () => {
    // Prices within 1e±100 (an inverse leg's gamma ∝ 1/F leaves the doubles below that; the adapter then names the leg).
    const magnitude = fc.oneof(fc.constantFrom(1e-100, 1e-50, 1e50, 1e100), fc.double({ min: 1e-100, max: 1e100, noNaN: true }));
    fc.assert(
      fc.property(
        fc.constantFrom<OptionType>("call", "put"),
        fc.constantFrom<OptionModel>("bsm", "black76", "inverse"),
        magnitude,
        fc.double({ min: 1e-20, max: 1e20, noNaN: true }),
        fc.oneof(fc.constantFrom(5e-324, 1e-300, 1e-150), fc.double({ min: 1e-6, max: 5, noNaN: true })),
        fc.oneof(fc.constantFrom(5e-324, 1e-300, 1e-150), fc.double({ min: 1e-6, max: 10, noNaN: true })),
        (type, model, underlying, strikeRatio, years, vol) => {
          const strike = underlying * strikeRatio;
          const row = new Float64Array(8);
          fillGreeksRow(type, model, underlying, strike, years, vol, 0.05, model === "bsm" ? 0.01 : 0, row, 0);
          expect(Array.from(row).filter((value) => !Number.isFinite(value))).toEqual([]);
        },
      ),
      { numRuns: 3000, seed: 20261205 },
    );
  });
});
