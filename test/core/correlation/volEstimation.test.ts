import fc from "fast-check";
import { CorrelationInputError } from "../../../src/core/correlation/correlationErrors";
import { volChangesFromLevels, type HistoryCell } from "../../../src/core/correlation/volChanges";
import { estimateVolBeta, estimateVolCorrelation, minimumChangesFor } from "../../../src/core/correlation/volEstimation";
import fixture from "../../fixtures/hedge/volEstimation.json";
import { expectClose } from "../tolerance";
import { maxAbsoluteDifference, smallestEigenvalue } from "./matrixTestUtils";

const history = { assets: fixture.assets, levels: fixture.levels as HistoryCell[][] };
const exact = { absolute: 1e-14, relative: 1e-14 };

describe("volChangesFromLevels", () => {
  test("skips incomplete rows: a gap row removes the changes into and out of it", () => {
    const table = volChangesFromLevels(history);
    expect(table.changes).toEqual([
      [1, -1],
      [-1, -2],
      [2, 3],
    ]);
    expect(table.incompleteLevelRows).toEqual(fixture.expected.incompleteLevelRows);
    expect(table.lostChangeCount).toBe(fixture.expected.lostChangeCount);
    expect(table.levelRowCount).toBe(6);
  });

  test("log changes are ln ratios; NaN, ±Infinity and undefined are gaps too", () => {
    const table = volChangesFromLevels(
      { assets: ["A", "B"], levels: [[50, 40], [55, 44], [Number.NaN, 1], [60, Number.POSITIVE_INFINITY], [61, undefined], [66, 48], [72, 50]] },
      "log",
    );
    expect(table.incompleteLevelRows).toEqual([2, 3, 4]);
    expect(table.changes).toHaveLength(2);
    expectClose(table.changes[0]?.[0] ?? 0, Math.log(55 / 50), exact);
    expectClose(table.changes[1]?.[1] ?? 0, Math.log(50 / 48), exact);
  });

  test("newestFirst reverses the rows but reports positions as given", () => {
    const reversed = { ...history, levels: [...history.levels].reverse(), order: "newestFirst" as const };
    const table = volChangesFromLevels(reversed);
    expect(table.changes).toEqual(volChangesFromLevels(history).changes);
    expect(table.incompleteLevelRows).toEqual([3]);
  });

  test("rejects malformed tables and non-positive levels for log changes", () => {
    expect(() => volChangesFromLevels({ assets: ["A", "a "], levels: [] })).toThrow("appears twice");
    expect(() => volChangesFromLevels({ assets: ["A", "B"], levels: [[1, 2], [3]] })).toThrow("history row 2 has 1 values but 2 assets");
    expect(() => volChangesFromLevels({ assets: ["A", "B"], levels: [[50, 0], [51, 1]] }, "log")).toThrow("history row 1, B: level 0 must be > 0");
    expect(() => volChangesFromLevels({ assets: [], levels: [] })).toThrow(CorrelationInputError);
  });
});

describe("estimateVolCorrelation: hand-computed golden (fixture)", () => {
  test("sample, mean removed, n − 1", () => {
    const estimate = estimateVolCorrelation(history);
    const expected = fixture.expected.sample;
    expect(estimate.changeCount).toBe(3);
    expectClose(estimate.covariance[0]?.[0] ?? 0, expected.varianceAlt, exact);
    expectClose(estimate.covariance[1]?.[1] ?? 0, expected.varianceBtc, exact);
    expectClose(estimate.covariance[0]?.[1] ?? 0, expected.covariance, exact);
    expectClose(estimate.correlation[0]?.[1] ?? 0, expected.correlation, exact);
    expectClose(estimate.volOfVols[0] ?? 0, Math.sqrt(expected.varianceAlt), exact);
    expect(estimate.correlation[1]?.[0]).toBe(estimate.correlation[0]?.[1]);
    expect([estimate.correlation[0]?.[0], estimate.correlation[1]?.[1]]).toEqual([1, 1]);
    expect(estimate).toMatchObject({ method: "sample", mean: "remove", lambda: null, changes: "absolute" });
  });

  test("sample, zero mean, n", () => {
    const estimate = estimateVolCorrelation(history, { mean: "zero" });
    const expected = fixture.expected.sampleZeroMean;
    expectClose(estimate.covariance[0]?.[0] ?? 0, expected.varianceAlt, exact);
    expectClose(estimate.covariance[1]?.[1] ?? 0, expected.varianceBtc, exact);
    expectClose(estimate.correlation[0]?.[1] ?? 0, expected.correlation, exact);
  });

  test("EWMA λ = 0.5, zero mean, weights renormalised", () => {
    const expected = fixture.expected.ewmaHalf;
    const estimate = estimateVolCorrelation(history, { method: "ewma", lambda: expected.lambda });
    expectClose(estimate.covariance[0]?.[0] ?? 0, expected.varianceAlt, exact);
    expectClose(estimate.covariance[1]?.[1] ?? 0, expected.varianceBtc, exact);
    expectClose(estimate.covariance[0]?.[1] ?? 0, expected.covariance, exact);
    expectClose(estimate.correlation[0]?.[1] ?? 0, expected.correlation, exact);
    expect(estimate.warnings.map((warning) => warning.code)).toContain("shortEwmaHistory");
  });

  test("beta of BTC vol changes on ALT's = cov/var", () => {
    const beta = estimateVolBeta(history, " btc", "ALT");
    expectClose(beta.beta, fixture.expected.sample.betaBtcOnAlt, exact);
    expect(beta).toMatchObject({ dependentAsset: "BTC", independentAsset: "ALT", changeCount: 3 });
    expectClose(beta.correlation, fixture.expected.sample.correlation, exact);
  });
});

describe("estimateVolCorrelation: errors and warnings", () => {
  test("too little history states the counts found and needed", () => {
    const call = () => estimateVolCorrelation({ assets: ["A", "B"], levels: [[50, 60], [null, 61], [52, 62], [53, 60]] });
    expect(call).toThrow(CorrelationInputError);
    expect(call).toThrow("found 1 complete daily change (from 4 rows of levels, 1 skipped for gaps, which removed 2 changes); need at least 2");
    try {
      call();
    } catch (error) {
      expect((error as CorrelationInputError).kind).toBe("insufficientHistory");
    }
  });

  test("a constant column is named", () => {
    const call = () => estimateVolCorrelation({ assets: ["A", "FLAT"], levels: [[50, 60], [51, 60], [49, 60]] });
    expect(call).toThrow("FLAT did not move");
  });

  test("option conflicts are rejected", () => {
    expect(() => estimateVolCorrelation(history, { method: "ewma", mean: "remove" })).toThrow("zero mean");
    expect(() => estimateVolCorrelation(history, { lambda: 0.9 })).toThrow("only to method ewma");
    expect(() => estimateVolCorrelation(history, { method: "ewma", lambda: 1.2 })).toThrow("(0, 1]");
    expect(() => estimateVolBeta(history, "ALT", "alt")).toThrow("two different assets");
    expect(() => estimateVolBeta(history, "ALT", "SOL")).toThrow("SOL is not a column");
  });

  test("issue 8 item 5: a certainly singular estimate is refused (sample: m ≤ n; zero mean and EWMA: m < n)", () => {
    // 2 changes of 2 assets, mean removed: rank ≤ 1, ρ = ±1. This was estimated without a word.
    const twoByTwo = { assets: ["A", "B"], levels: [[1, 2], [2, 2.5], [4, 1]] };
    expect(() => estimateVolCorrelation(twoByTwo)).toThrow(
      new CorrelationInputError(
        "insufficientHistory",
        "2 complete daily changes (3 rows, 0 skipped for gaps) for 2 assets: an estimate from m changes has rank ≤ m − 1, so this matrix would be singular; need at least 3 (better 10+): add dates, fill gaps or drop assets",
      ),
    );
    expect(() => estimateVolBeta(twoByTwo, "A", "B")).toThrow("rank ≤ m − 1");
    // Zero mean (and EWMA): rank ≤ m, so 2 changes of 2 assets can be regular, 2 of 3 cannot.
    expect(estimateVolCorrelation(twoByTwo, { mean: "zero" }).correlation[0]?.[1]).toBeGreaterThan(-1);
    expect(estimateVolCorrelation(twoByTwo, { method: "ewma" }).correlation[0]?.[1]).toBeGreaterThan(-1);
    const threeAssets = { assets: ["A", "B", "C"], levels: [[1, 2, 3], [2, 2, 5], [4, 1, 4]] };
    expect(() => estimateVolCorrelation(threeAssets, { method: "ewma" })).toThrow("rank ≤ m, so this matrix would be singular; need at least 3");
    expect(minimumChangesFor(3, "remove")).toBe(4);
    expect(minimumChangesFor(3, "zero")).toBe(3);
  });

  test("issue 8 item 5: a thin history is warned about (effective changes < max(20, 5 × assets)), with Kish's effective sample size", () => {
    const levels = Array.from({ length: 12 }, (_, day) => [50 + Math.sin(day), 60 + Math.cos(day * 1.3)]);
    const sample = estimateVolCorrelation({ assets: ["A", "B"], levels });
    expect(sample.effectiveSampleSize).toBe(11);
    expect(sample.warnings.map((warning) => warning.message)).toEqual([
      "thin history: 11 complete changes for 2 assets, below 20 (20 or 5 per asset, whichever is more): correlations are noisy and the matrix nearly singular, so hedges on several proxies are unreliable; add dates or use fewer assets",
    ]);
    // EWMA weights ∝ λ^age: (Σw)²/Σw² = (1 − λ^m)²/(1 − λ)² · (1 − λ²)/(1 − λ^2m).
    const lambda = 0.9;
    const ewma = estimateVolCorrelation({ assets: ["A", "B"], levels }, { method: "ewma", lambda });
    const m = 11;
    expectClose(ewma.effectiveSampleSize, ((1 - lambda ** m) ** 2 / (1 - lambda) ** 2) * ((1 - lambda ** 2) / (1 - lambda ** (2 * m))), { relative: 1e-12 });
    expect(ewma.warnings.map((warning) => warning.code)).toEqual(["shortEwmaHistory", "thinHistory"]);
    // 40 changes of 2 assets: no warning.
    const long = Array.from({ length: 41 }, (_, day) => [50 + Math.sin(day), 60 + Math.cos(day * 1.3)]);
    expect(estimateVolCorrelation({ assets: ["A", "B"], levels: long }).warnings).toEqual([]);
  });

  test("issue 8 item 6: levels above 1,000,000 or non-zero below 1e-6 are refused by name; small valid levels give scaled estimates", () => {
    expect(() => estimateVolCorrelation({ assets: ["A", "B"], levels: [[1e200, 1], [2e200, 2], [1.5e200, 4], [1, 3]] })).toThrow(
      "history row 1 of levels, A: level 1e+200 is larger than 1,000,000, which no implied vol is: check the cell (65 for 65 vol points, or 0.65)",
    );
    // Levels near the smallest doubles made scaled changes overflow (npm run fuzz found Infinity vol-of-vols).
    expect(() => estimateVolCorrelation({ assets: ["A", "B"], levels: [[1e-300, 1], [3e-300, 2], [2e-300, 4], [5e-300, 3]] })).toThrow(
      "history row 1 of levels, A: level 1e-300 is smaller than 0.000001, which no implied vol is: check the cell (65 for 65 vol points, or 0.65)",
    );
    const small = estimateVolCorrelation({ assets: ["A", "B"], levels: [[1e-6, 1], [3e-6, 2], [2e-6, 4], [5e-6, 3]] });
    const ordinary = estimateVolCorrelation({ assets: ["A", "B"], levels: [[1, 1], [3, 2], [2, 4], [5, 3]] });
    small.correlation.forEach((row, i) => row.forEach((value, j) => expectClose(value, ordinary.correlation[i]?.[j] ?? NaN, { absolute: 1e-12 })));
    expectClose(small.volOfVols[0], (ordinary.volOfVols[0] ?? 0) * 1e-6, { relative: 1e-12 });
  });
});

/** A random history: `rows` dates × `columns` assets, levels in [20, 120] with occasional gaps. */
function historyArbitrary(columns: number, rows: number) {
  return fc.array(
    fc.array(fc.oneof({ weight: 20, arbitrary: fc.double({ min: 20, max: 120, noNaN: true }) }, { weight: 1, arbitrary: fc.constant(null) }), {
      minLength: columns,
      maxLength: columns,
    }),
    { minLength: rows, maxLength: rows },
  );
}

describe("estimateVolCorrelation: properties", () => {
  const assets = ["A", "B", "C"];
  const usable = (levels: HistoryCell[][]) => {
    try {
      return estimateVolCorrelation({ assets, levels });
    } catch {
      return null;
    }
  };

  test("EWMA with λ → 1 approaches the zero-mean sample estimate (λ = 1 equals it)", () => {
    fc.assert(
      fc.property(historyArbitrary(3, 30), (levels) => {
        if (usable(levels) === null) return;
        const sample = estimateVolCorrelation({ assets, levels }, { mean: "zero" });
        const nearOne = estimateVolCorrelation({ assets, levels }, { method: "ewma", lambda: 1 - 1e-9 });
        const one = estimateVolCorrelation({ assets, levels }, { method: "ewma", lambda: 1 });
        expect(maxAbsoluteDifference(one.covariance, sample.covariance)).toBeLessThan(1e-9);
        expect(maxAbsoluteDifference(nearOne.correlation, sample.correlation)).toBeLessThan(1e-6);
        const farther = estimateVolCorrelation({ assets, levels }, { method: "ewma", lambda: 0.999 });
        const nearer = estimateVolCorrelation({ assets, levels }, { method: "ewma", lambda: 0.99999 });
        expect(maxAbsoluteDifference(nearer.covariance, sample.covariance)).toBeLessThanOrEqual(maxAbsoluteDifference(farther.covariance, sample.covariance) + 1e-12);
      }),
      { numRuns: 40 },
    );
  });

  test("EWMA equals the RiskMetrics recursion from Σ₀ = 0 divided by 1 − λⁿ", () => {
    fc.assert(
      fc.property(historyArbitrary(3, 20), fc.double({ min: 0.5, max: 0.99, noNaN: true }), (levels, lambda) => {
        if (usable(levels) === null) return;
        const { changes } = volChangesFromLevels({ assets, levels });
        let recursion = [0, 1, 2].map(() => [0, 0, 0]);
        for (const x of changes) recursion = recursion.map((row, i) => row.map((value, j) => lambda * value + (1 - lambda) * (x[i] ?? 0) * (x[j] ?? 0)));
        const scale = 1 - Math.pow(lambda, changes.length);
        const estimate = estimateVolCorrelation({ assets, levels }, { method: "ewma", lambda });
        estimate.covariance.forEach((row, i) =>
          row.forEach((value, j) => expectClose(value, (recursion[i]?.[j] ?? 0) / scale, { absolute: 1e-12, relative: 1e-10 })),
        );
      }),
      { numRuns: 40 },
    );
  });

  test("estimates from complete rows are PSD correlation matrices; sample beta = ρ·s_y/s_x", () => {
    fc.assert(
      fc.property(historyArbitrary(3, 12), fc.constantFrom<"absolute" | "log">("absolute", "log"), (levels, changes) => {
        let estimate;
        try {
          estimate = estimateVolCorrelation({ assets, levels }, { changes });
        } catch {
          return;
        }
        expect(smallestEigenvalue(estimate.correlation)).toBeGreaterThan(-1e-12);
        const beta = estimateVolBeta({ assets, levels }, "A", "B", { changes });
        // Two columns may keep rows that the three-column estimate skipped, so compare with a two-column estimate.
        const pair = estimateVolCorrelation({ assets: ["A", "B"], levels: levels.map((row) => [row[0], row[1]]) }, { changes });
        expectClose(beta.beta, (pair.correlation[0]?.[1] ?? 0) * ((pair.volOfVols[0] ?? 0) / (pair.volOfVols[1] ?? 1)), { absolute: 1e-12, relative: 1e-9 });
      }),
      { numRuns: 60 },
    );
  });
});
