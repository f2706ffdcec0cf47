import fc from "fast-check";
import { complementaryErrorFunction, standardNormalCumulative, standardNormalDensity } from "../../src/core/normalDistribution";
import { expectClose } from "./tolerance";

// Reference values: Abramowitz & Stegun (1964) Table 7.1 / 26.1 and the same quantities from any arbitrary-precision
// library (e.g. mpmath erfc to 20 digits), rounded to double.
const REFERENCE_ERFC: [number, number][] = [
  [0, 1],
  [0.5, 0.4795001221869535],
  [1, 0.15729920705028513],
  [2, 0.004677734981047266],
  [2.5, 0.0004069520174449590],
  [3, 2.209049699858544e-5],
  [5, 1.5374597944280349e-12],
  [10, 2.088487583762545e-45],
];

describe("normal distribution", () => {
  // Below |x| = 2.5, erfc = 1 − erf: accurate to a few ulps of 1 (absolute); beyond, the continued fraction keeps
  // full relative accuracy in the tail, where option prices far from the money live.
  test.each(REFERENCE_ERFC)("erfc(%p)", (x, expected) => {
    const tolerance = x < 2.5 ? { absolute: 4e-16 } : { relative: 2e-15 };
    expectClose(complementaryErrorFunction(x), expected, tolerance);
    expectClose(complementaryErrorFunction(-x), 2 - expected, { absolute: 9e-16 }); // 2 ulps of 2
  });

  test("N(1.959963984540054) = 0.975 and N(0) = 1/2", () => {
    expectClose(standardNormalCumulative(1.959963984540054), 0.975, { relative: 1e-15 });
    expect(standardNormalCumulative(0)).toBe(0.5);
  });

  test("N(x) + N(−x) = 1 and N is increasing (strictly, where doubles can still tell N(x) from 1)", () => {
    fc.assert(
      fc.property(fc.double({ min: -5, max: 5, noNaN: true }), fc.double({ min: 1e-6, max: 1, noNaN: true }), (x, step) => {
        expectClose(standardNormalCumulative(x) + standardNormalCumulative(-x), 1, { absolute: 4e-16 });
        expect(standardNormalCumulative(x + step)).toBeGreaterThan(standardNormalCumulative(x));
      }),
    );
  });

  test("N' = φ: central differences of N match the density", () => {
    fc.assert(
      fc.property(fc.double({ min: -6, max: 6, noNaN: true }), (x) => {
        const bump = 1e-5;
        const slope = (standardNormalCumulative(x + bump) - standardNormalCumulative(x - bump)) / (2 * bump);
        expectClose(slope, standardNormalDensity(x), { absolute: 1e-10, relative: 1e-8 });
      }),
    );
  });
});
