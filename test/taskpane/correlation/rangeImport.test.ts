import { checkConfig, importLabelledRange, repairConfig } from "../../../src/taskpane/correlation";
import { volcorr } from "../../../src/functions/correlationFunctions";
import { expectClose } from "../../core/tolerance";
import { accepted, LATER, NOW, refused } from "./configTestUtils";

/** As XV.VOLCORR spills it, and as the XV_CORR name is laid out. */
const labelled = [
  ["abs", "ALT", "BTC", "ETH"],
  ["ALT", 1, 0.8, 0.85],
  ["BTC", 0.8, 1, 0.9],
  ["ETH", 0.85, 0.9, 1],
];

describe("importLabelledRange", () => {
  test("issue 8 item 4: a matrix typed in percent or a covariance matrix is refused with the fix (Repair would give all 1s)", () => {
    expect(refused(importLabelledRange([["", "BTC", "ETH"], ["BTC", 100, 90], ["ETH", 90, 100]], NOW))).toBe(
      'the selection: the diagonal is 100: correlations typed in percent (80 for 0.8)? Divide every entry by 100, then import again (=XV.NEARCORR(range, "percent") spills it converted and repaired)',
    );
    expect(refused(importLabelledRange([["", "BTC", "ETH"], ["BTC", 4, 3], ["ETH", 3, 9]], NOW))).toMatch(
      /^the selection: the diagonal holds \(BTC, BTC\) 4, \(ETH, ETH\) 9, not 1: a covariance matrix\? .*=XV\.NEARCORR\(range, "covariance"\)/,
    );
  });

  test("reads names, correlations and the kind of changes; source selection, method imported; no vol-of-vols yet", () => {
    expect(accepted(importLabelledRange(labelled, NOW))).toEqual({
      assets: ["ALT", "BTC", "ETH"],
      correlations: [
        [1, 0.8, 0.85],
        [0.8, 1, 0.9],
        [0.85, 0.9, 1],
      ],
      volOfVols: [null, null, null],
      changes: "absolute",
      metadata: { asOf: NOW.toISOString(), source: "selection", method: "imported", lambda: null, repaired: false },
    });
  });

  test.each([
    ["log", "log"],
    ["relative", "log"],
    [" LOG ", "log"],
    ["abs", "absolute"],
    ["", "absolute"],
    [null, "absolute"],
    [0, "absolute"],
    ["ρ", "absolute"],
  ])("corner %j means %s changes", (corner, changes) => {
    const values = [[corner, "BTC", "ETH"], ["BTC", 1, 0.9], ["ETH", 0.9, 1]];
    expect(accepted(importLabelledRange(values, NOW)).changes).toBe(changes);
  });

  test("names are trimmed and matched across the first row and column ignoring case", () => {
    const values = [["", " btc ", "ETH"], ["BTC", 1, 0.9], ["eth", 0.9, 1]];
    expect(accepted(importLabelledRange(values, NOW)).assets).toEqual(["btc", "ETH"]);
  });

  test("what =XV.VOLCORR spills imports as it is", () => {
    const history = [["Date", "BTC", "ETH"], [45000, 50, 60], [45001, 52, 59], [45002, 51, 63], [45003, 55, 62]];
    const spilled = volcorr(history, [[0.94]], [["log"]]);
    const config = accepted(importLabelledRange(spilled, NOW));
    expect(config.changes).toBe("log");
    expect(config.correlations).toEqual(spilled.slice(1).map((row) => row.slice(1)));
  });

  test("an invalid matrix is let in (asymmetric, |ρ| > 1, diagonal ≠ 1), for the check to show and Repair to fix", () => {
    const values = [["", "A", "B"], ["A", 0.9, 1.2], ["B", 0.7, 1]];
    const config = accepted(importLabelledRange(values, NOW));
    expect(config.correlations).toEqual([[0.9, 1.2], [0.7, 1]]);
    expect(checkConfig(config).valid).toBe(false);
  });

  test.each([
    ["a text entry, named by its assets", [["", "BTC", "ETH"], ["BTC", 1, "high"], ["ETH", 0.9, 1]], /the selection entry \(BTC, ETH\) "high" is text; expected a correlation between −1 and 1/],
    ["a blank entry", [["", "BTC", "ETH"], ["BTC", 1, 0.9], ["ETH", "", 1]], /the selection entry \(ETH, BTC\) is blank; expected a correlation/],
    ["an error cell", [["", "BTC", "ETH"], ["BTC", 1, 0.9], ["ETH", "#N/A", 1]], /entry \(ETH, BTC\) "#N\/A" is text/],
    ["a logical", [["", "BTC", "ETH"], ["BTC", 1, true], ["ETH", 0.9, 1]], /entry \(BTC, ETH\) TRUE is a logical value/],
    ["NaN", [["", "BTC", "ETH"], ["BTC", 1, Number.NaN], ["ETH", 0.9, 1]], /the selection entry \(BTC, ETH\) is NaN: every correlation must be a finite number/],
    ["an unlabelled block", [[1, 0.9], [0.9, 1]], /the selection has 1 in its top-left cell, so it has no asset names: give a square range with asset names in its first row and first column/],
    ["a block that is not square", [["", "BTC", "ETH"], ["BTC", 1, 0.9]], /the selection is 2 rows × 3 columns: give a square range with asset names/],
    ["a single cell", [["BTC"]], /the selection is 1 row × 1 column/],
    ["an empty range", [], /the selection is 0 rows × 0 columns/],
    ["a missing row name", [["", "BTC", "ETH"], ["BTC", 1, 0.9], ["", 0.9, 1]], /row 3 of its first column is blank, not an asset name/],
    ["a numeric column name", [["", "BTC", 5], ["BTC", 1, 0.9], ["ETH", 0.9, 1]], /column 3 of its first row is 5, not an asset name/],
    ["names in a different order", [["", "BTC", "ETH"], ["ETH", 1, 0.9], ["BTC", 0.9, 1]], /row 2 is labelled ETH but column 2 is labelled BTC/],
    ["a repeated name", [["", "BTC", "btc"], ["BTC", 1, 0.9], ["btc", 0.9, 1]], /the selection, column 3 of its first row: asset name "btc" is already used by "BTC"/],
    ["a formula-like name", [["", "BTC", "=cmd|' /C calc'!A0"], ["BTC", 1, 0.9], ["=cmd|' /C calc'!A0", 0.9, 1]], /column 3 of its first row: asset name .* starts with "="/],
  ])("refuses %s", (_, values, message) => {
    expect(refused(importLabelledRange(values as unknown[][], NOW))).toMatch(message);
  });

  test("a markup name is taken as plain text", () => {
    const name = "<img src=x onerror=alert(1)>";
    expect(accepted(importLabelledRange([["", name], [name, 1]], NOW)).assets).toEqual([name]);
  });
});

describe("Higham's matrix, imported, checked and repaired", () => {
  /*
   * Higham, N. J. (2002), "Computing the nearest correlation matrix — a problem from finance", IMA J. Numer. Anal.
   * 22(3):329–343: [[1,1,0],[1,1,1],[0,1,1]], eigenvalues 1 − √2, 1, 1 + √2. Its nearest correlation matrix is
   * [[1,a,b],[a,1,a],[b,a,1]] with a the root of 4a³ − a − 1 = 0, a = 0.7606898534022838, b = 2a² − 1 =
   * 0.15729810613837603 (closed form: test/fixtures/hedge/nearestCorrelation.json; DOMAIN.md's 0.7606899170501267
   * is Higham's solver stopped at 1e-7).
   */
  const values = [
    ["", "ALT", "BTC", "ETH"],
    ["ALT", 1, 1, 0],
    ["BTC", 1, 1, 1],
    ["ETH", 0, 1, 1],
  ];
  const a = 0.7606898534022838;
  const b = 0.15729810613837603;

  test("the check says not positive semidefinite, smallest eigenvalue 1 − √2, no condition number", () => {
    const check = checkConfig(accepted(importLabelledRange(values, NOW)));
    expect(check.valid).toBe(false);
    expect(check.positiveSemidefinite).toBe(false);
    expectClose(check.smallestEigenvalue, 1 - Math.SQRT2, { absolute: 1e-14 });
    expect(check.conditionNumber).toBeNull();
    expect(check.problems).toEqual([
      "the matrix is not positive semidefinite (smallest eigenvalue -0.414214): some correlations contradict each other; Repair finds the nearest valid matrix",
    ]);
    expect(check.missingVolOfVols).toEqual(["ALT", "BTC", "ETH"]);
  });

  test("repair gives Higham's answer, reports the largest change and marks the set-up repaired", () => {
    const config = accepted(importLabelledRange(values, NOW));
    const preview = repairConfig(config, LATER);
    expect(preview.changed).toBe(true);
    expect(preview.converged).toBe(true);
    expect(preview.iterations).toBeGreaterThan(0);
    const expected = [
      [1, a, b],
      [a, 1, a],
      [b, a, 1],
    ];
    // The pane repairs to a smallest eigenvalue of 1e-8 (PANE_REPAIR_MIN_EIGENVALUE), which moves Higham's answer by ~6e-9.
    expected.forEach((row, i) => row.forEach((value, j) => expectClose(preview.repaired.correlations[i]?.[j], value, { absolute: 2e-8 }, `(${i + 1}, ${j + 1})`)));
    // (ALT, BTC) and (BTC, ETH) move by the same 1 − a in exact arithmetic; rounding picks one.
    expect([["ALT", "BTC"], ["BTC", "ETH"]]).toContainEqual([preview.largestChange?.rowAsset, preview.largestChange?.columnAsset]);
    expect(preview.largestChange?.before).toBe(1);
    expectClose(preview.largestChange?.after, a, { absolute: 2e-8 });
    expect(preview.repaired.metadata).toEqual({ ...config.metadata, asOf: LATER.toISOString(), repaired: true });
    expect(preview.repaired.assets).toEqual(config.assets);
    const after = checkConfig(preview.repaired);
    expect(after).toMatchObject({ valid: true, positiveSemidefinite: true, problems: [] });
  });
});
