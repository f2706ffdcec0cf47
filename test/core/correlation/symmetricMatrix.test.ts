import { Matrix } from "ml-matrix";
import { symmetricEigen } from "../../../src/core/correlation/symmetricMatrix";

describe("symmetricEigen on subnormal and huge entries (issue 8 item 6)", () => {
  test("the proxy covariance of a vol-of-vol of 1E-310 (BTC) beside 2.5 (ETH), ρ 0.9: no internal error", () => {
    // Σ_pp = diag(s)·R·diag(s): s_BTC² underflows to 0, the covariance is subnormal. ml-matrix alone threw
    // "Cannot read properties of undefined" on it, which XV.XVEGAHEDGE and XV.HEDGESTATS showed as their message.
    const covariance = new Matrix([
      [0, 2.25e-310],
      [2.25e-310, 6.25],
    ]);
    const eigen = symmetricEigen(covariance);
    expect(eigen.values).toEqual([0, 6.25]);
    expect(covariance.get(0, 1)).toBe(2.25e-310);
  });

  test("entries near the top of the double range give finite eigenvalues", () => {
    const eigen = symmetricEigen(new Matrix([[1e308, 0], [0, -1e308]]));
    expect(eigen.values).toEqual([-1e308, 1e308]);
    expect(eigen.values.every(Number.isFinite)).toBe(true);
  });
});
