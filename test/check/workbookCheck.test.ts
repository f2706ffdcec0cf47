/*
 * The check on books in Excel's stored form (scripts/checkWorkbooks.js): the clean book holds every form a book can
 * hold an XV formula in and must give no finding; each dirty book has one seeded fault that must be found at its
 * cell, with nothing else flagged.
 */
import { CHECK_AS_OF, CheckFixtureName, EXPECTED_FINDINGS, POSITIONS } from "../../scripts/checkWorkbooks";
import { CheckOptions, CheckedWorkbook, DEFAULT_RELATIVE_TOLERANCE } from "../../src/check/checkTypes";
import { loadWorkbookBytes } from "../../src/check/workbookLoading";
import { checkLoadedWorkbook } from "../../src/check/workbookCheck";
import { fixtureBook } from "./checkFixtures";

jest.setTimeout(30_000);

const OPTIONS: CheckOptions = { relativeTolerance: DEFAULT_RELATIVE_TOLERANCE, asOfDate: CHECK_AS_OF, maxAgeDays: 7, minEffectiveness: 0.5 };

async function check(name: CheckFixtureName, options: Partial<CheckOptions> = {}): Promise<CheckedWorkbook> {
  return checkLoadedWorkbook(name, await loadWorkbookBytes(await fixtureBook(name)), { ...OPTIONS, ...options });
}

const located = (result: CheckedWorkbook): string[] => result.findings.map((finding) => `${finding.sheet}!${finding.cell} ${finding.kind}`).sort();

describe("xvega check on books in Excel's stored form", () => {
  it.each(Object.entries(EXPECTED_FINDINGS) as [CheckFixtureName, [string, string, string][]][])(
    "%s: each seeded fault at its cell, nothing else",
    async (name, expected) => {
      const result = await check(name);
      expect(located(result)).toEqual(expected.map(([sheet, cell, kind]) => `${sheet}!${cell} ${kind}`).sort());
    },
  );

  it("reads every form of the clean book: 16 XV formulas (a spill once, a shared formula once per cell), all recomputed", async () => {
    const result = await check("clean.xlsx");
    // F4#, L4#, M4# (expression argument), N4# (typed XV.TWVEGA), O4:O9 shared (6), P1 (SUM over A1#), Q1 (DATE+TIME),
    // Q2# (array constant), Hedge A8#, A12# (names XV_CORR/XV_VOLVOL), D6 (quoted cross-sheet).
    expect(result.formulas).toBe(16);
    expect(result.checked).toBe(16);
    expect(result.findings).toEqual([]);
  });

  it("reports a stale vega with both numbers and the function, at the spill cell that differs", async () => {
    const [finding] = (await check("stale-vega.xlsx")).findings;
    expect(finding).toMatchObject({ sheet: POSITIONS, cell: "L6", function: "XV.VEGA", kind: "mismatch" });
    expect((finding?.cached as number) / (finding?.recomputed as number)).toBeCloseTo(1.01, 12);
    expect(finding?.message).toMatch(/^saved 1\.89\d+, but the engine gives 1\.87\d+ from the saved inputs/);
  });

  it("lets a looser --tolerance accept the 1% stale vega", async () => {
    expect((await check("stale-vega.xlsx", { relativeTolerance: 0.02 })).findings).toEqual([]);
  });

  it("gives a cached #VALUE! the engine's message, which a desktop user never sees", async () => {
    const [finding] = (await check("value-error.xlsx")).findings;
    expect(finding).toMatchObject({ cell: "S1", kind: "error", cached: "#VALUE!", recomputed: "#VALUE!" });
    expect(finding?.message).toBe('#VALUE!: vol "abc" is text; expected a vol as a decimal (0.65 for 65%)');
  });

  it("reports an uncalculated cell (no cached value, or #NAME?) once, with the value the engine gives", async () => {
    const result = await check("uncalculated.xlsx");
    expect(result.checked).toBe(16);
    const [noValue, name] = result.findings;
    expect(noValue).toMatchObject({ cell: "P1", function: "XV.TWVEGA", cached: null });
    expect(typeof noValue?.recomputed).toBe("number");
    expect(name).toMatchObject({ cell: "Q2", function: "XV.VEGA", cached: "#NAME?" });
  });

  it("names the failed check of an invalid XV_CORR at its first cell, and the hedge cells' errors behind it", async () => {
    const result = await check("invalid-corr.xlsx");
    const config = result.findings.find((finding) => finding.kind === "config");
    expect(config).toMatchObject({ sheet: "Correlations", cell: "A1", function: "XV_CORR" });
    expect(config?.message).toContain("failed check symmetric");
    for (const finding of result.findings.filter((each) => each.kind === "error")) expect(finding.message).toContain("symmetric");
  });

  it("flags XV_META older than --max-age before --as-of, and not within it", async () => {
    expect(located(await check("old-meta.xlsx", { maxAgeDays: 60 }))).toEqual([]);
    expect(located(await check("clean.xlsx", { asOfDate: "2026-12-01" }))).toEqual(["Correlations!I1 stale_config"]);
  });

  it("reports a weak hedge's effectiveness against --min-effectiveness", async () => {
    const [finding] = (await check("weak-hedge.xlsx")).findings;
    expect(finding?.recomputed as number).toBeLessThan(0.5);
    expect(finding?.message).toMatch(/^hedge effectiveness 0\.\d{4} is below 0\.5/);
    expect((await check("weak-hedge.xlsx", { minEffectiveness: 0.05 })).findings).toEqual([]);
  });

  it("says why a formula cannot be recomputed: volatile input, external link, a function the evaluator lacks", async () => {
    const result = await check("unchecked.xlsx");
    expect(result.formulas).toBe(19);
    expect(result.checked).toBe(16);
    expect(result.findings.map((finding) => finding.message)).toEqual([
      expect.stringContaining("volatile function NOW()"),
      expect.stringContaining("external link"),
      expect.stringContaining("lacks the function FOOBAR"),
    ]);
  });

  it("reports XV_CORR used but missing at each formula that uses it, which is then not counted as checked", async () => {
    const result = await check("missing-corr.xlsx");
    expect(result.checked).toBe(14);
    for (const finding of result.findings) expect(finding.message).toMatch(/^uses XV_CORR, but the workbook has no name XV_CORR/);
  });

  it("collects each book's exposure and hedges for the roll-up", async () => {
    const result = await check("clean.xlsx");
    expect(result.exposure.map((line) => line.asset)).toEqual(["BTC", "ETH", "ALT"]);
    expect(result.hedges.map((line) => `${line.cell} ${line.proxy}`)).toEqual(["A8 BTC", "A8 ETH", "A12 BTC", "A12 ETH"]);
    for (const line of result.hedges) expect(line.effectiveness as number).toBeGreaterThan(0.5);
  });
});
