import fc from "fast-check";
import { flatCrossTimesVega, flatQuadraticForm, writeCovarianceOf } from "../../../src/core/hedge/flatCovariance";
import { covarianceOf, quadraticForm } from "../../../src/core/hedge/hedgeAlgebra";
import { correlationMatrixArbitrary } from "../correlation/matrixTestUtils";

/** A correlation matrix, vol-of-vols, vegas (some 0: those rows are skipped) and the proxies among the assets. */
const problem = fc.integer({ min: 1, max: 10 }).chain((size) =>
  fc.record({
    correlation: correlationMatrixArbitrary(size),
    deviations: fc.array(fc.double({ min: 0.01, max: 10, noNaN: true }), { minLength: size, maxLength: size }),
    vegas: fc.array(fc.oneof(fc.constant(0), fc.double({ min: -1e5, max: 1e5, noNaN: true })), { minLength: size, maxLength: size }),
    proxyIndices: fc.uniqueArray(fc.nat(size - 1), { minLength: 1, maxLength: Math.min(size, 4) }),
    // Where each involved asset's row lies in the matrix: a shuffle.
    rows: fc.shuffledSubarray([...Array(size).keys()], { minLength: size, maxLength: size }),
  }),
);

describe("flatCovariance", () => {
  test("the same doubles as the rows-of-numbers twins in hedgeAlgebra.ts: Σ (from rows in any order), wᵀΣw and Σ_p·v", () => {
    fc.assert(
      fc.property(problem, ({ correlation, deviations, vegas, proxyIndices, rows }) => {
        const size = rows.length;
        const involved = rows.map((i) => rows.map((j) => (correlation[i]?.[j] as number)));
        const nested = covarianceOf(involved, deviations);
        // A used buffer, longer than needed, as computeProxyHedge reuses.
        const flat = new Float64Array(size * size + 5).fill(7);
        writeCovarianceOf({ values: Float64Array.from(correlation.flat()), size, rows }, deviations, flat);
        expect([...flat.subarray(0, size * size)]).toEqual(nested.flat());
        expect(Object.is(flatQuadraticForm(flat, vegas), quadraticForm(nested, vegas))).toBe(true);
        // solveMinimumVarianceHedge's right-hand side: each proxy's row of Σ times the vegas, summed in order.
        const expectedCross = proxyIndices.map((index) => (nested[index] ?? []).reduce((sum, value, j) => sum + value * (vegas[j] as number), 0));
        expect(flatCrossTimesVega(flat, vegas, proxyIndices)).toEqual(expectedCross);
      }),
      { seed: 20261209, numRuns: 300 },
    );
  });
});
