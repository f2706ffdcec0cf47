import fc from "fast-check";
import { EigenvalueDecomposition, Matrix } from "ml-matrix";
import { SINGULAR_CONDITION_LIMIT } from "../../../src/core/conditionNumber";
import { checkConfig, emptyConfig } from "../../../src/taskpane/correlation";
import { expectClose } from "../../core/tolerance";
import { correlationMatrixArbitrary, smallestEigenvalue, symmetricUnitDiagonalArbitrary } from "../../core/correlation/matrixTestUtils";
import { configOf, NOW } from "./configTestUtils";

/** λmax/λmin by ml-matrix's general (non-symmetric path) decomposition: an independent route to the same number. */
function conditionNumberByGeneralEigen(values: number[][]): number {
  const eigenvalues = new EigenvalueDecomposition(new Matrix(values), { assumeSymmetric: false }).realEigenvalues;
  return Math.max(...eigenvalues) / Math.min(...eigenvalues);
}

const names = (size: number): string[] => Array.from({ length: size }, (_, k) => `A${k + 1}`);

describe("checkConfig", () => {
  test("an empty set-up: nothing to check, and a message saying how to start", () => {
    expect(checkConfig(emptyConfig(NOW))).toEqual({
      valid: false,
      positiveSemidefinite: false,
      smallestEigenvalue: null,
      conditionNumber: null,
      problems: ["there are no assets yet: add assets, import a matrix from a selection, or estimate one from a history"],
      missingVolOfVols: [],
    });
  });

  test("the worked example (DOMAIN.md §2) is valid; the assets without a vol-of-vol are listed", () => {
    const config = configOf(["ALT", "BTC", "ETH"], [[1, 0.8, 0.85], [0.8, 1, 0.9], [0.85, 0.9, 1]], { volOfVols: [3, null, null] });
    const check = checkConfig(config);
    expect(check).toMatchObject({ valid: true, positiveSemidefinite: true, problems: [], missingVolOfVols: ["BTC", "ETH"] });
    expect(check.smallestEigenvalue).toBeGreaterThan(0);
    expectClose(check.conditionNumber, conditionNumberByGeneralEigen(config.correlations), { relative: 1e-10 });
  });

  test("2 × 2: eigenvalues 1 ± ρ, condition number (1 + |ρ|)/(1 − |ρ|): 199 at ρ = 0.99, 3 at −0.5, 1 for the identity", () => {
    expectClose(checkConfig(configOf(["BTC", "ETH"], [[1, 0.99], [0.99, 1]])).conditionNumber, 199, { relative: 1e-12 });
    expectClose(checkConfig(configOf(["BTC", "ETH"], [[1, -0.5], [-0.5, 1]])).conditionNumber, 3, { relative: 1e-12 });
    expectClose(checkConfig(configOf(["BTC", "ETH"], [[1, 0], [0, 1]])).conditionNumber, 1, { relative: 1e-15 });
  });

  test("a singular matrix (ρ = 1) is positive semidefinite without a meaningful condition number", () => {
    const check = checkConfig(configOf(["BTC", "XBT"], [[1, 1], [1, 1]]));
    expect(check).toMatchObject({ valid: true, positiveSemidefinite: true });
    expectClose(check.smallestEigenvalue, 0, { absolute: 1e-15 });
    // λmin is 0 up to rounding: null, or a ratio so large it says the same.
    expect(check.conditionNumber === null || check.conditionNumber > 1e14).toBe(true);
  });

  test("problems name the entries by asset, the eigenvalue check last", () => {
    const check = checkConfig(configOf(["BTC", "ETH", "SOL"], [[1, 1.2, 0.5], [1.2, 1, 0.3], [0.4, 0.3, 0.9]]));
    expect(check.valid).toBe(false);
    expect(check.problems).toEqual([
      "entry (BTC, ETH) is 1.2: a correlation must lie between −1 and 1",
      "entry (BTC, SOL) is 0.5 but (SOL, BTC) is 0.4: the matrix must be symmetric",
      "diagonal entry (SOL, SOL) is 0.9: an asset's correlation with itself must be 1",
      expect.stringMatching(/^the matrix is not positive semidefinite \(smallest eigenvalue -0\.\d+\): some correlations contradict each other; Repair finds the nearest valid matrix$/),
    ]);
    expect(check.positiveSemidefinite).toBe(false);
    expect(check.conditionNumber).toBeNull();
  });

  test("a loaded set-up with a non-finite entry, a repeated name or bad vol-of-vols is reported, never thrown", () => {
    const nonFinite = checkConfig(configOf(["BTC", "ETH"], [[1, Number.NaN], [Number.NaN, 1]]));
    expect(nonFinite).toMatchObject({ valid: false, positiveSemidefinite: false, smallestEigenvalue: null, conditionNumber: null });
    expect(nonFinite.problems[0]).toMatch(/entry \(BTC, ETH\) is NaN: every correlation must be a finite number/);
    expect(checkConfig(configOf(["BTC", "btc"], [[1, 0], [0, 1]])).problems).toEqual([expect.stringMatching(/btc appears twice/)]);
    expect(checkConfig(configOf(["BTC", "ETH"], [[1, 0], [0, 1]], { volOfVols: [-1, Number.NaN] })).problems).toEqual([
      "vol-of-vol -1 for BTC must be a number, 0 or more",
      "vol-of-vol NaN for ETH must be a number, 0 or more",
    ]);
    expect(checkConfig(configOf(["BTC", "ETH"], [[1, 0], [0, 1]], { volOfVols: [1] })).problems).toEqual([
      "1 vol-of-vols for 2 assets: there must be one per asset (blank when not set)",
    ]);
    expect(checkConfig(configOf(["BTC", "ETH"], [[1, 0]])).problems[0]).toMatch(/must be square/);
  });

  test("property: a positive definite correlation matrix is valid, with the condition number of an independent decomposition", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }).chain((size) => correlationMatrixArbitrary(size, 0.2)), (values) => {
        const check = checkConfig(configOf(names(values.length), values));
        expect(check).toMatchObject({ valid: true, positiveSemidefinite: true, problems: [] });
        expectClose(check.conditionNumber, conditionNumberByGeneralEigen(values), { relative: 1e-8 });
        expect(check.conditionNumber).toBeGreaterThanOrEqual(1 - 1e-12);
      }),
      { numRuns: 200 },
    );
  });

  test("property: positive semidefinite exactly when the smallest eigenvalue is ≥ −1e-10", () => {
    fc.assert(
      // Entries below 1e-150 are left out: the engine's eigen-decomposition sets them to 0 (ml-matrix alone, this test's
      // oracle, can crash on subnormal ones), which may flip the sign of an eigenvalue that is 0 up to rounding.
      fc.property(fc.integer({ min: 2, max: 6 }).chain(symmetricUnitDiagonalArbitrary).map((rows) => rows.map((row) => row.map((value) => (Math.abs(value) < 1e-150 ? 0 : value)))), (values) => {
        const check = checkConfig(configOf(names(values.length), values));
        const smallest = smallestEigenvalue(values);
        expectClose(check.smallestEigenvalue, smallest, { absolute: 1e-12 });
        expect(check.positiveSemidefinite).toBe(smallest >= -1e-10);
        expect(check.valid).toBe(check.positiveSemidefinite);
        // core/conditionNumber's rule: singular (null) when λmin ≤ λmax / 1e12, the hedge solver's limit. Cases within
        // 1% of the limit are left out: rounding may put them on either side.
        const largest = Math.max(...new EigenvalueDecomposition(new Matrix(values), { assumeSymmetric: true }).realEigenvalues);
        const ratio = smallest > 0 ? largest / smallest : Number.POSITIVE_INFINITY;
        if (Math.abs(ratio / SINGULAR_CONDITION_LIMIT - 1) > 0.01) expect(check.conditionNumber === null).toBe(ratio >= SINGULAR_CONDITION_LIMIT);
      }),
      { numRuns: 300 },
    );
  });
});
