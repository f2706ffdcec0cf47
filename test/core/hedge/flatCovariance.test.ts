import fc from "fast-check";
import { crossTimesVegaOf, proxyCovarianceOf, threeQuadraticFormsOf } from "../../../src/core/hedge/flatCovariance";
import { covarianceOf, quadraticForm } from "../../../src/core/hedge/hedgeAlgebra";
import { correlationMatrixArbitrary } from "../correlation/matrixTestUtils";

const weights = (size: number) =>
  fc.array(fc.oneof(fc.constant(0), fc.double({ min: -1e5, max: 1e5, noNaN: true })), { minLength: size, maxLength: size });

/** A correlation matrix, where each involved asset's row lies in it, vol-of-vols, three weight vectors (some 0: those rows are skipped) and the proxies. */
const problem = fc.integer({ min: 1, max: 10 }).chain((size) =>
  fc.record({
    correlation: correlationMatrixArbitrary(size),
    rows: fc.shuffledSubarray([...Array(size).keys()], { minLength: size, maxLength: size }),
    deviations: fc.array(fc.double({ min: 0.01, max: 10, noNaN: true }), { minLength: size, maxLength: size }),
    first: weights(size),
    second: weights(size),
    third: weights(size),
    proxyIndices: fc.uniqueArray(fc.nat(size - 1), { minLength: 1, maxLength: Math.min(size, 4) }),
  }),
);

describe("flatCovariance", () => {
  test("the same doubles as covarianceOf and quadraticForm on the sub-matrix built: Σ_pp, Σ_p·v and three wᵀΣw", () => {
    fc.assert(
      fc.property(problem, ({ correlation, rows, deviations, first, second, third, proxyIndices }) => {
        const involved = rows.map((i, a) => rows.map((j, b) => (a === b ? 1 : (correlation[i]?.[j] as number))));
        const covariance = covarianceOf(involved, deviations);
        const correlationRows = { values: Float64Array.from(correlation.flat()), size: rows.length, rows };
        expect(proxyCovarianceOf(correlationRows, deviations, proxyIndices)).toEqual(proxyIndices.map((i) => proxyIndices.map((j) => covariance[i]?.[j])));
        // solveMinimumVarianceHedge's right-hand side: each proxy's row of Σ times the vegas, summed in order.
        const expectedCross = proxyIndices.map((index) => (covariance[index] ?? []).reduce((sum, value, j) => sum + value * (first[j] as number), 0));
        expect(crossTimesVegaOf(correlationRows, deviations, first, proxyIndices)).toEqual(expectedCross);
        const forms = threeQuadraticFormsOf(correlationRows, deviations, first, second, third);
        expect([...forms]).toEqual([quadraticForm(covariance, first), quadraticForm(covariance, second), quadraticForm(covariance, third)]);
      }),
      { seed: 20261209, numRuns: 300 },
    );
  });
});
