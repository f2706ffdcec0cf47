import fc from "fast-check";
import { volcorr, volofvol } from "../../../src/functions/correlationFunctions";
import { estimateFromHistory, type HistoryEstimateOptions } from "../../../src/taskpane/correlation";
import volEstimation from "../../fixtures/hedge/volEstimation.json";
import { expectClose } from "../../core/tolerance";
import { NOW } from "./configTestUtils";

/** Daily DVOL-like closes with a date column (Excel serials), one gap row (blank ETH). */
const history: unknown[][] = [
  ["Date", "BTC", "ETH", "SOL"],
  [45292, 50.1, 60.3, 80.2],
  [45293, 52.4, 61.0, 83.9],
  [45294, 51.0, 63.2, 79.5],
  [45295, 55.3, "", 85.0],
  [45296, 54.2, 62.1, 84.1],
  [45297, 53.0, 60.0, 81.7],
  [45298, 56.8, 64.4, 88.3],
  [45299, 57.5, 66.0, 87.0],
];

/** XV.VOLCORR and XV.VOLOFVOL on the same range with the same options: the oracle. */
function excelEstimate(values: unknown[][], options: HistoryEstimateOptions): { assets: unknown[]; correlations: unknown[][]; volOfVols: unknown[] } {
  const lambda = options.method === "ewma" ? [[options.lambda ?? 0.94]] : undefined;
  const changes = [[options.changes === "log" ? "log" : "abs"]];
  const matrix = volcorr(values, lambda, changes);
  const vols = volofvol(values, lambda, changes);
  return { assets: vols[0] ?? [], correlations: matrix.slice(1).map((row) => row.slice(1)), volOfVols: vols[1] ?? [] };
}

function excelMessage(values: unknown[][], options: HistoryEstimateOptions): string {
  try {
    excelEstimate(values, options);
  } catch (error) {
    return String((error as { message?: unknown }).message);
  }
  throw new Error("XV.VOLCORR accepted the history");
}

describe("estimateFromHistory", () => {
  test.each<HistoryEstimateOptions>([
    { method: "sample", changes: "absolute" },
    { method: "sample", changes: "log" },
    { method: "ewma", lambda: 0.94, changes: "absolute" },
    { method: "ewma", lambda: 0.5, changes: "log" },
  ])("gives =XV.VOLCORR's correlations and =XV.VOLOFVOL's vol-of-vols, bit for bit: %j", (options) => {
    const result = estimateFromHistory(history, options, NOW);
    if (!result.ok) throw new Error(result.message);
    const oracle = excelEstimate(history, options);
    expect(result.config.assets).toEqual(oracle.assets);
    expect(result.config.correlations).toEqual(oracle.correlations);
    expect(result.config.volOfVols).toEqual(oracle.volOfVols);
    expect(result.config.changes).toBe(options.changes);
    expect(result.config.metadata).toEqual({
      asOf: NOW.toISOString(),
      source: "history",
      method: options.method,
      lambda: options.method === "ewma" ? options.lambda : null,
      repaired: false,
    });
    // 8 rows of levels, one gap: 7 changes less the 2 into and out of the gap.
    expect(result.changeCount).toBe(5);
    expect(result.skippedRowCount).toBe(1);
  });

  test("EWMA without lambda uses RiskMetrics' 0.94, and warns that 5 changes are short of its window", () => {
    const result = estimateFromHistory(history, { method: "ewma", changes: "absolute" }, NOW);
    if (!result.ok) throw new Error(result.message);
    expect(result.config.metadata.lambda).toBe(0.94);
    expect(result.config.correlations).toEqual(excelEstimate(history, { method: "ewma", lambda: 0.94, changes: "absolute" }).correlations);
    expect(result.warnings).toEqual([
      expect.stringMatching(/^EWMA with lambda 0.94 spreads 99% of its weight over 75 days but only 5 complete changes were found/),
      expect.stringMatching(/^thin history: an effective sample of 5\.0 changes \(EWMA weights\) for 3 assets, below 20/),
    ]);
  });

  test("the sample estimate ignores a lambda left in the options", () => {
    const result = estimateFromHistory(history, { method: "sample", lambda: 0.94, changes: "absolute" }, NOW);
    if (!result.ok) throw new Error(result.message);
    expect(result.config.metadata).toMatchObject({ method: "sample", lambda: null });
    expect(result.config.correlations).toEqual(excelEstimate(history, { method: "sample", changes: "absolute" }).correlations);
  });

  test("newest-first dates are read the other way round, as XV.VOLCORR reads them", () => {
    const newestFirst = [history[0] as unknown[], ...history.slice(1).reverse()];
    const options: HistoryEstimateOptions = { method: "ewma", lambda: 0.9, changes: "absolute" };
    const result = estimateFromHistory(newestFirst, options, NOW);
    if (!result.ok) throw new Error(result.message);
    expect(result.config.correlations).toEqual(excelEstimate(newestFirst, options).correlations);
    expect(result.config.correlations).toEqual((estimateFromHistory(history, options, NOW) as { config: { correlations: number[][] } }).config.correlations);
  });

  /* Hand-computed figures (test/fixtures/hedge/volEstimation.json): a 6-date history with one gap row. */
  test("the worked fixture: ρ = √3/2 (sample), 27/√855 (EWMA 0.5); vol-of-vols √(7/3), √7 and √(19/7), √(45/7)", () => {
    const values = [volEstimation.assets, ...volEstimation.levels];
    const sample = estimateFromHistory(values, { method: "sample", changes: "absolute" }, NOW);
    const ewma = estimateFromHistory(values, { method: "ewma", lambda: 0.5, changes: "absolute" }, NOW);
    if (!sample.ok || !ewma.ok) throw new Error("refused");
    const tight = { absolute: 1e-15, relative: 1e-14 };
    expectClose(sample.config.correlations[0]?.[1], volEstimation.expected.sample.correlation, tight);
    expectClose(sample.config.volOfVols[0], Math.sqrt(7 / 3), tight);
    expectClose(sample.config.volOfVols[1], Math.sqrt(7), tight);
    expectClose(ewma.config.correlations[0]?.[1], volEstimation.expected.ewmaHalf.correlation, tight);
    expectClose(ewma.config.volOfVols[0], Math.sqrt(19 / 7), tight);
    expectClose(ewma.config.volOfVols[1], Math.sqrt(45 / 7), tight);
  });

  test.each<[string, unknown[][], HistoryEstimateOptions, RegExp]>([
    ["too little history", [["BTC", "ETH"], [50, 60], [51, 61]], { method: "sample", changes: "absolute" }, /found 1 complete daily change .* need at least 2: add dates or fill the gaps/],
    ["an asset that never moved", [["BTC", "ETH"], [50, 60], [51, 60], [53, 60]], { method: "sample", changes: "absolute" }, /ETH did not move over the 2 complete daily changes/],
    ["a lambda above 1", history, { method: "ewma", lambda: 1.5, changes: "absolute" }, /EWMA lambda 1.5 must be in \(0, 1\]/],
    ["a missing name", [["Date", "BTC", ""], [1, 50, 60], [2, 51, 61], [3, 52, 63]], { method: "sample", changes: "absolute" }, /^the selected history: column 3 of its first row is blank: the first row must name each asset/],
    ["a repeated name", [["BTC", "btc"], [50, 60], [51, 61], [53, 60]], { method: "sample", changes: "absolute" }, /history column btc appears twice/],
    ["dates out of order", [["Date", "BTC"], [45292, 50], [45294, 51], [45293, 52]], { method: "sample", changes: "absolute" }, /the selected history: the dates are not in order/],
    ["a negative level with log changes", [["BTC", "ETH"], [50, 60], [-51, 61], [53, 60]], { method: "sample", changes: "log" }, /level -51 must be > 0 for log changes/],
  ])("refuses %s, with XV.VOLCORR's message", (_, values, options, message) => {
    const result = estimateFromHistory(values, options, NOW);
    expect(result).toEqual({ ok: false, message: expect.stringMatching(message) });
    // The same reader; only the range's name differs (the argument "history" there, "the selected history" here).
    if (!result.ok) expect(result.message.replace(/^the selected history/, "history")).toBe(excelMessage(values, options));
  });

  test("issue 8 items 5 and 11: the result's warnings include the reader's (ambiguous text dates) and the thin history", () => {
    const values = [["Date", "BTC", "ETH"], ["01/02/2025", 50, 60], ["03/04/2025", 51, 61], ["02/03/2025", 53, 60], ["04/05/2025", 52, 62]];
    const result = estimateFromHistory(values, { method: "sample", changes: "absolute" }, NOW);
    if (!result.ok) throw new Error(result.message);
    expect(result.warnings).toEqual([
      expect.stringMatching(/^the selected history: the order of the dates could not be checked/),
      expect.stringMatching(/^thin history: 3 complete changes for 2 assets/),
    ]);
    const summary = estimateFromHistory([...values.slice(0, 4), ["Average", 51, 60]], { method: "sample", changes: "absolute" }, NOW);
    expect(summary).toEqual({ ok: false, message: expect.stringMatching(/^the selected history row 5 is a summary row \("Average"\), not a day/) });
  });

  test("refuses an asset name the set-up could not keep", () => {
    const values = [["BTC", "=cmd|' /C calc'!A0"], [50, 60], [51, 61], [53, 60], [52, 62]];
    expect(estimateFromHistory(values, { method: "sample", changes: "absolute" }, NOW)).toEqual({
      ok: false,
      message: expect.stringMatching(/^the selected history: asset name "=cmd\|' \/C calc'!A0" starts with "="/),
    });
  });

  test("property: any small history gives XV.VOLCORR's numbers, or the same refusal", () => {
    const level = fc.oneof({ weight: 8, arbitrary: fc.integer({ min: 1, max: 200 }) }, { weight: 1, arbitrary: fc.constant("") });
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }).chain((assets) => fc.array(fc.array(level, { minLength: assets, maxLength: assets }), { minLength: 0, maxLength: 12 })),
        fc.constantFrom<HistoryEstimateOptions>({ method: "sample", changes: "absolute" }, { method: "ewma", lambda: 0.8, changes: "log" }),
        (rows, options) => {
          const values = [(rows[0] ?? [0]).map((_, k) => `A${k}`), ...rows];
          const result = estimateFromHistory(values, options, NOW);
          if (result.ok) {
            const oracle = excelEstimate(values, options);
            expect(result.config.correlations).toEqual(oracle.correlations);
            expect(result.config.volOfVols).toEqual(oracle.volOfVols);
          } else {
            expect(result.message.replace(/^the selected history/, "history")).toBe(excelMessage(values, options));
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
