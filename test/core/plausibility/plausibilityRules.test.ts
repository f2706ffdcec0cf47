import fc from "fast-check";
import {
  LegForNotes,
  carryRule,
  describeLegNote,
  everyLegExpiredNote,
  rateRule,
  referenceDaysRule,
  strikeRule,
  swappedDatesNote,
  vegaLegRules,
  volRule,
  yearsRule,
} from "../../../src/core/plausibility";
import { classifyLegProblem } from "../../../src/core/vega/legValidation";

const normalLeg: LegForNotes = { model: "bsm", underlying: 100, strike: 110, years: 0.25, vol: 0.65, rate: 0.05, carry: 0.01 };

describe("each rule fires on the slip, with its message, and stays silent just inside its threshold", () => {
  test.each<[string, Partial<LegForNotes>, string]>([
    ["30 days typed as years on a coin-settled leg", { model: "inverse", years: 30, carry: 0 }, "years 30 on a coin-settled (inverse) leg, listed out to about a year and a half: days typed as years? 30 days is 0.0822 years (=30/365)"],
    ["30 days typed as years on any leg", { years: 30 }, "years 30 is a 30-year option: days typed as years? 30 days is 0.0822 years (=30/365)"],
    ["years 0 (a blank cell on the desktop)", { years: 0 }, "years 0: a blank cell? (Excel for the desktop sends blank cells in a range as 0); the leg counts as expired and its vega is 0"],
    ["vol 5 (500%)", { vol: 5 }, "vol 5 is 500%: meant 5%? type 5% or 0.05"],
    ["vol 0 on a live leg", { vol: 0 }, "vol 0: a blank cell? (Excel for the desktop sends blank cells in a range as 0); at zero vol the vega is 0 away from the money"],
    ["vol 0.0065 (65% entered as 0.65%)", { vol: 0.0065 }, "vol 0.0065 is 0.65%: meant 65%? type 65% or 0.65"],
    ["rate 1 (100%)", { rate: 1 }, "rate 1 is 100%: meant 1%? type 1% or 0.01"],
    ["carry 1.5", { carry: 1.5 }, "carry 1.5 is 150% a year: meant 1.5%? type 1.5% or 0.015"],
    ["strike from another asset", { underlying: 0.4, strike: 40000 }, "strike 40000 is 100000 times the underlying 0.4: a strike or price from another asset, or in other units? vega is then about 0"],
    ["strike a tenth of the underlying", { underlying: 95000, strike: 9500 }, "strike 9500 is 1/10 of the underlying 95000: a strike or price from another asset, or in other units? vega is then about 0"],
  ])("%s", (_label, slip, message) => {
    const leg = { ...normalLeg, ...slip };
    expect(classifyLegProblem(leg.model ?? "bsm", leg.underlying, leg.strike, leg.years, leg.vol, leg.rate, leg.carry)).toBeNull();
    const rules = vegaLegRules(leg);
    expect(rules).toHaveLength(1);
    expect(describeLegNote(rules[0] as never, leg)).toBe(message);
  });

  test("thresholds: years 2 on a coin-settled leg and 10 on any, vol 3, rate 25%, carry 50%, strike 10× or 1/10, ref_days 1", () => {
    expect([yearsRule(2, "inverse"), yearsRule(2.01, "inverse"), yearsRule(10, "bsm"), yearsRule(10.01, "bsm"), yearsRule(10.01, null)]).toEqual([
      null,
      "yearsLongCoinSettled",
      null,
      "yearsLong",
      "yearsLong",
    ]);
    expect([volRule(2.99, 1), volRule(3, 1), volRule(0.01, 1), volRule(0.0099, 1), volRule(0, -0.1)]).toEqual([null, "volHigh", null, "volTiny", null]);
    expect([rateRule(0.2499), rateRule(-0.25), carryRule(0.4999), carryRule(-0.5)]).toEqual([null, "rateHigh", null, "carryHigh"]);
    expect([strikeRule(100, 999), strikeRule(100, 1000), strikeRule(100, 10.01), strikeRule(100, 10)]).toEqual([null, "strikeFarFromUnderlying", null, "strikeFarFromUnderlying"]);
    expect([referenceDaysRule(1), referenceDaysRule(0.0822)]).toEqual([null, "referenceDaysTiny"]);
    expect(describeLegNote("referenceDaysTiny", normalLeg, 0.0822)).toBe("ref_days 0.0822 is less than a day: ref_days is in days (30 for DVOL), not years");
  });

  test("a normal book (1 day to 2 years, vol 10–150%, rate 0–8%, carry ±10%, strike 0.5–1.5× spot) gets no note", () => {
    const leg = fc.record({
      model: fc.constantFrom<"bsm" | "black76" | "inverse">("bsm", "black76", "inverse"),
      underlying: fc.double({ min: 0.01, max: 200_000, noNaN: true }),
      moneyness: fc.double({ min: 0.5, max: 1.5, noNaN: true }),
      years: fc.double({ min: 1 / 365, max: 2, noNaN: true }),
      vol: fc.double({ min: 0.1, max: 1.5, noNaN: true }),
      rate: fc.double({ min: 0, max: 0.08, noNaN: true }),
      carry: fc.double({ min: -0.1, max: 0.1, noNaN: true }),
    });
    fc.assert(
      fc.property(leg, ({ moneyness, ...inputs }) => {
        expect(vegaLegRules({ ...inputs, strike: inputs.underlying * moneyness })).toEqual([]);
      }),
      { numRuns: 2_000 },
    );
  });
});

describe("notes on the whole call", () => {
  test("every leg expired: only when all are", () => {
    expect(everyLegExpiredNote(3, 3, "vega")).toBe(
      "every leg (all 3) has expired (years ≤ 0), so every vega is 0: were the years computed with XV.YEARS's arguments swapped (XV.YEARS(expiry, valuation)), or from an old valuation date?",
    );
    expect(everyLegExpiredNote(1, 1, "time-weighted vega")).toMatch(/^the leg has expired \(years ≤ 0\), so every time-weighted vega is 0/);
    expect([everyLegExpiredNote(3, 2, "vega"), everyLegExpiredNote(0, 0, "vega")]).toEqual([null, null]);
  });

  test("XV.YEARS with its arguments swapped: every expiry before the valuation", () => {
    expect(swappedDatesNote(4, 4)).toBe(
      "every expiry (all 4) is before the valuation date, so every leg has expired: arguments swapped? The order is XV.YEARS(expiry, valuation)",
    );
    expect([swappedDatesNote(4, 3), swappedDatesNote(0, 0)]).toEqual([null, null]);
  });
});
