import fc from "fast-check";
import { MIN_TIME_WEIGHTED_YEARS, findTimeWeightingProblem, timeWeightedVega } from "../../../src/core/vega/timeWeightedVega";
import { expectClose } from "../tolerance";

describe("time-weighted vega: vega × √((ref_days/365) / years)", () => {
  test("a 30-day leg is unchanged; a 7.5-day leg doubles; a 120-day leg halves (root-time rule)", () => {
    expectClose(timeWeightedVega(1000, 30 / 365), 1000, { relative: 1e-15 });
    expectClose(timeWeightedVega(1000, 7.5 / 365), 2000, { relative: 1e-15 });
    expectClose(timeWeightedVega(1000, 120 / 365), 500, { relative: 1e-15 });
    expectClose(timeWeightedVega(1000, 90 / 365, 90), 1000, { relative: 1e-15 });
  });

  test("expired legs weigh nothing", () => {
    expect(timeWeightedVega(1000, 0)).toBe(0);
    expect(timeWeightedVega(1000, -0.1)).toBe(0);
  });

  test("linear in vega and monotone decreasing in years", () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.double({ min: 1e-4, max: 10, noNaN: true }),
        fc.double({ min: 1.01, max: 4, noNaN: true }),
        (vega, years, stretch) => {
          expectClose(timeWeightedVega(2 * vega, years), 2 * timeWeightedVega(vega, years), { relative: 1e-15, absolute: 1e-300 });
          expect(Math.abs(timeWeightedVega(vega, years * stretch))).toBeLessThanOrEqual(Math.abs(timeWeightedVega(vega, years)));
        },
      ),
    );
  });

  test("problems name the argument and the fix", () => {
    expect(findTimeWeightingProblem(100, 45000, 30)).toMatch(/years 45000 looks like an Excel date/);
    expect(findTimeWeightingProblem(100, 0.1, 0)).toMatch(/ref_days 0 must be a positive number of days/);
    expect(findTimeWeightingProblem(Number.POSITIVE_INFINITY, 0.1, 30)).toMatch(/vega must be a finite number/);
    expect(findTimeWeightingProblem(100, 0.1, 30)).toBeNull();
  });
});

/* Regressions found by `npm run fuzz`: subnormal years overflowed ref/years, and the cell said only "not a finite number". */
describe("time-weighted vega at the edges of the number range", () => {
  test("years under one second are refused, naming years and the fix", () => {
    for (const years of [1e-310, 5e-324, MIN_TIME_WEIGHTED_YEARS / 2]) {
      expect(findTimeWeightingProblem(81974, years, 30)).toBe(
        `years ${years} is less than one second to expiry, where the √(ref_days / years) weighting explodes: use 0 for an expired leg`,
      );
    }
    expect(findTimeWeightingProblem(81974, MIN_TIME_WEIGHTED_YEARS, 30)).toBeNull();
  });

  test("vegas beyond any book's (above 1E15) are refused, naming vega", () => {
    expect(findTimeWeightingProblem(-1e200, 0.1, 30)).toBe("vega -1e+200 is beyond any book's vega (at most 1000000000000000): check the cell and its units");
  });

  test("at the bounds the result is finite and matches the formula", () => {
    const weighted = timeWeightedVega(1e15, MIN_TIME_WEIGHTED_YEARS, 36500);
    expect(Number.isFinite(weighted)).toBe(true);
    expectClose(weighted, 1e15 * Math.sqrt(100 / MIN_TIME_WEIGHTED_YEARS), { relative: 1e-14 });
  });
});
