import fc from "fast-check";
import { checkConfig, configsEqual, emptyConfig, repairConfig } from "../../../src/taskpane/correlation";
import { correlationMatrixArbitrary, maxAbsoluteDifference, symmetricUnitDiagonalArbitrary } from "../../core/correlation/matrixTestUtils";
import { configOf, deepFreeze, LATER, NOW } from "./configTestUtils";
import { PANE_REPAIR_MIN_EIGENVALUE } from "../../../src/taskpane/correlation/configRepair";

const names = (size: number): string[] => Array.from({ length: size }, (_, k) => `A${k + 1}`);

describe("repairConfig", () => {
  test("a valid matrix comes back as it is: same set-up, nothing changed, no iterations", () => {
    const config = deepFreeze(configOf(["ALT", "BTC", "ETH"], [[1, 0.8, 0.85], [0.8, 1, 0.9], [0.85, 0.9, 1]], { volOfVols: [3, 2, 2.5] }));
    expect(repairConfig(config, LATER)).toEqual({ repaired: config, changed: false, largestChange: null, iterations: 0, converged: true });
    expect(repairConfig(config, LATER).repaired).toBe(config);
  });

  test("a hard repair is bounded in time like XV.NEARCORR: it stops at the pane's budget and says so", () => {
    // Higham's own 3×3 example needs several iterations; a clock that jumps 3 s a reading exhausts the 4 s budget.
    const config = deepFreeze(configOf(["A", "B", "C"], [[1, 1, 0], [1, 1, 1], [0, 1, 1]]));
    let milliseconds = 0;
    const preview = repairConfig(config, LATER, () => (milliseconds += 3000));
    expect(preview.converged).toBe(false);
    expect(preview.notConverged).toMatch(/^not converged: time limit hit after \d+ iterations? \(\d+\.\d s\), residual .*; the preview is valid but not the nearest matrix/);
    expect(repairConfig(config, LATER).notConverged).toBeUndefined();
  });

  test("an empty set-up has nothing to repair", () => {
    const config = emptyConfig(NOW);
    expect(repairConfig(config, LATER)).toEqual({ repaired: config, changed: false, largestChange: null, iterations: 0, converged: true });
  });

  test("out-of-range and asymmetric entries are repaired too; names, vol-of-vols, changes and provenance are kept", () => {
    const config = deepFreeze(
      configOf(["BTC", "ETH"], [[1, 1.3], [1.1, 1]], { volOfVols: [2, null], changes: "log", metadata: { source: "selection", method: "imported" } }),
    );
    const preview = repairConfig(config, LATER);
    expect(preview.changed).toBe(true);
    // Not exactly 1: the pane keeps the smallest eigenvalue 1 − ρ at PANE_REPAIR_MIN_EIGENVALUE.
    const repairedCorrelation = preview.repaired.correlations[0]?.[1] ?? 0;
    expect(Math.abs(repairedCorrelation - (1 - PANE_REPAIR_MIN_EIGENVALUE))).toBeLessThan(1e-15);
    expect(preview.repaired.correlations).toEqual([[1, repairedCorrelation], [repairedCorrelation, 1]]);
    expect(preview.largestChange).toEqual({ rowAsset: "BTC", columnAsset: "ETH", before: 1.3, after: repairedCorrelation });
    expect(preview.repaired).toEqual({ ...config, correlations: [[1, repairedCorrelation], [repairedCorrelation, 1]], metadata: { ...config.metadata, asOf: LATER.toISOString(), repaired: true } });
  });

  test("a matrix that cannot be repaired (non-finite entry, from a damaged sheet) says why instead of throwing", () => {
    const config = configOf(["BTC", "ETH"], [[1, Number.NaN], [Number.NaN, 1]]);
    expect(repairConfig(config, LATER)).toEqual({
      repaired: config,
      changed: false,
      largestChange: null,
      iterations: 0,
      converged: false,
      problem: expect.stringMatching(/entry \(row 1, column 2\) is NaN: fill it in with a number before repairing/),
    });
  });

  test("property: the repair passes the check, its largest change is the largest entry change, and repairing it again changes nothing", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 6 }).chain(symmetricUnitDiagonalArbitrary), (values) => {
        const config = deepFreeze(configOf(names(values.length), values, { volOfVols: values.map((_, k) => k + 1) }));
        const preview = repairConfig(config, LATER);
        const check = checkConfig(preview.repaired);
        expect(check).toMatchObject({ valid: true, positiveSemidefinite: true, problems: [] });
        expect(preview.converged).toBe(true);
        expect(preview.repaired.volOfVols).toEqual(config.volOfVols);
        expect(preview.changed).toBe(!configsEqual(preview.repaired, config));
        expect(preview.repaired.metadata.repaired).toBe(preview.changed);
        if (preview.largestChange) {
          const { before, after } = preview.largestChange;
          expect(Math.abs(after - before)).toBe(maxAbsoluteDifference(values, preview.repaired.correlations));
        }
        expect(repairConfig(preview.repaired, LATER).changed).toBe(false);
      }),
      { numRuns: 200 },
    );
  });

  test("property: a positive definite correlation matrix repairs to itself", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }).chain((size) => correlationMatrixArbitrary(size)), (values) => {
        const config = deepFreeze(configOf(names(values.length), values));
        expect(repairConfig(config, LATER)).toMatchObject({ repaired: config, changed: false, largestChange: null, iterations: 0 });
      }),
      { numRuns: 200 },
    );
  });
});

describe("repairConfig: a repaired matrix is positive definite (issue 11)", () => {
  test("its smallest eigenvalue is at least PANE_REPAIR_MIN_EIGENVALUE, so the check shows a finite condition number", () => {
    const config = configOf(["BTC", "ETH", "SOL"], [[1, 0.9, 0.7], [0.9, 1, 0.3], [0.7, 0.3, 1]]);
    const preview = repairConfig(config, LATER);
    expect(preview.changed).toBe(true);
    const check = checkConfig(preview.repaired);
    expect(check.smallestEigenvalue).toBeGreaterThanOrEqual(PANE_REPAIR_MIN_EIGENVALUE - 1e-12);
    expect(check.conditionNumber).not.toBeNull();
  });
});
