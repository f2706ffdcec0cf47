/*
 * The built task pane (dist/) in a real browser (Debian's Chromium via playwright-core) over a fake Excel host
 * (excelStub.js): import Higham's invalid matrix, see the check, edit (mirror, refusal), Save refused, Repair, Save,
 * and read the workbook back; a hostile asset name stays text; a foreign XV_Config sheet is not overwritten without a
 * yes; the Hedge tab previews and inserts a live report; the Stability tab runs the backtest and the stress, draws its
 * charts (read back pixel by pixel) and inserts its report. No request leaves 127.0.0.1 (office.js is stubbed), no dialog
 * opens, no script error or CSP violation happens. Screenshots go to test-artifacts/ (git-ignored).
 */
import * as fs from "fs";
import * as path from "path";
import { EigenvalueDecomposition, Matrix } from "ml-matrix";
import type { Browser, Page } from "playwright-core";
import { runHedgeBacktest, stressHedge } from "../../src/core/backtest";
import { computeProxyHedge } from "../../src/core/hedge";
import { ARTIFACTS, DIST, launchChromium, openPane, PANE_VIEWPORT, requireBuiltPane, type PaneRecord, type PaneSession } from "./paneSession";
import { serveDirectory, type StaticServer } from "./staticServer";
import { valuesAt, type CellValue } from "./testWorkbook";
import { SAMPLE_HEDGE_INPUT, VALID_LABELLED_CORRELATIONS } from "../support/paneHedgeFixture";

const HOSTILE_NAME = "<img src=x onerror=alert(1)>";

/** Higham (2002), "Computing the nearest correlation matrix", §1: not PSD, smallest eigenvalue 1 − √2. */
const HIGHAM: CellValue[][] = [
  ["", "BTC", "ETH", "SOL"],
  ["BTC", 1, 1, 0],
  ["ETH", 1, 1, 1],
  ["SOL", 0, 1, 1],
];

const VALID: CellValue[][] = VALID_LABELLED_CORRELATIONS;

let server: StaticServer;
let browser: Browser;
const sessions: PaneSession[] = [];

beforeAll(async () => {
  requireBuiltPane();
  server = await serveDirectory(DIST);
  browser = await launchChromium();
  fs.mkdirSync(ARTIFACTS, { recursive: true });
});

afterAll(async () => {
  for (const session of sessions) await session.close().catch(() => undefined);
  await browser?.close();
  await server?.close();
});

async function open(seed?: () => void): Promise<PaneSession> {
  const session = await openPane(browser, server.origin, seed);
  sessions.push(session);
  return session;
}

/** Nothing left 127.0.0.1 (office.js was asked for and stubbed), no dialog, no script error, no CSP violation. */
function expectCleanRun(record: PaneRecord): void {
  expect(record.outsideRequests).toEqual([]);
  expect(record.officeCdnRequests).toEqual(["https://appsforoffice.microsoft.com/lib/1/hosted/office.js"]);
  expect(record.dialogs).toEqual([]);
  expect(record.pageErrors).toEqual([]);
  expect(record.consoleErrors).toEqual([]);
}

async function seedAndSelect(page: Page, sheetName: string, values: CellValue[][], address: string): Promise<void> {
  await page.evaluate(
    ({ sheetName, values, address }) => {
      window.__xvegaTestWorkbook.setCells(sheetName, address.split(":")[0] ?? "A1", values);
      window.__xvegaTestWorkbook.select(sheetName, address);
    },
    { sheetName, values, address },
  );
}

function cell(page: Page, rowAsset: string, columnAsset: string) {
  return page.getByLabel(`Correlation of ${rowAsset} and ${columnAsset}`, { exact: true });
}

/** Waits until the text of `selector` matches `pattern` (a string must match exactly); fails saying what it was. */
async function textOf(page: Page, selector: string, pattern: RegExp | string): Promise<string> {
  const wanted = typeof pattern === "string" ? { source: `^${pattern.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`, flags: "" } : { source: pattern.source, flags: pattern.flags };
  try {
    await page.waitForFunction(
      ({ selector, source, flags }) => new RegExp(source, flags).test(document.querySelector(selector)?.textContent ?? ""),
      { selector, ...wanted },
      { timeout: 10_000 },
    );
  } catch {
    throw new Error(`${selector} never matched ${String(pattern)}: it says "${(await page.locator(selector).textContent()) ?? "(nothing)"}"`);
  }
  return (await page.locator(selector).textContent()) ?? "";
}

/** Waits for the status region to say something matching `pattern`, and returns what it says. */
function statusMatching(page: Page, pattern: RegExp): Promise<string> {
  return textOf(page, "#pane-status", pattern);
}

/**
 * The whole pane at its usual width, as one picture: the viewport is made as tall as the page first, so that the sticky
 * tabs and status bar sit where a reader of the pane sees them (a fullPage capture draws them mid-page).
 */
async function screenshotWholePane(page: Page, file: string): Promise<void> {
  const viewport = page.viewportSize() ?? PANE_VIEWPORT;
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width: viewport.width, height });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(ARTIFACTS, file) });
  await page.setViewportSize(viewport);
}

function numberIn(text: string | null): number {
  return Number((text ?? "").replace(/[−–]/g, "-").replace(/,/g, "").trim());
}

/** The saved labelled matrix XV_CORR, read from the fake workbook's cells. */
async function savedMatrix(page: Page): Promise<{ names: Record<string, string>; labels: CellValue[]; values: number[][] }> {
  const names = await page.evaluate(() => window.__xvegaTestWorkbook.names());
  const address = names.XV_CORR;
  if (!address) throw new Error(`no XV_CORR among the workbook names ${JSON.stringify(names)}`);
  const sheetName = address.split("!")[0]?.replace(/^'|'$/g, "") ?? "";
  const cells = await page.evaluate((sheet) => window.__xvegaTestWorkbook.cells(sheet), sheetName);
  const grid = valuesAt(cells, address);
  return { names, labels: (grid[0] ?? []).slice(1), values: grid.slice(1).map((row) => row.slice(1).map(Number)) };
}

describe("the Correlations tab", () => {
  test("import Higham's matrix, check, edit, refuse, repair, save", async () => {
    const { page, record } = await open();
    expect(await page.locator("#tab-correlations").getAttribute("aria-selected")).toBe("true");

    await seedAndSelect(page, "Book", HIGHAM, "A1:D4");
    await page.click("#import-selection");
    await statusMatching(page, /Imported BTC, ETH and SOL/);
    await textOf(page, "#check-psd", "No");
    expect(numberIn(await page.locator("#check-smallest-eigenvalue").textContent())).toBeCloseTo(1 - Math.SQRT2, 3);
    expect(await page.locator("#check-problems").textContent()).toMatch(/not positive semidefinite/);
    expect(await page.locator("#check-missing-volvols").textContent()).toBe("BTC, ETH, SOL");
    expect(await page.locator("#unsaved-marker").textContent()).toMatch(/Unsaved/);
    expect(await page.locator("#tab-unsaved").isVisible()).toBe(true);

    // An edit of (BTC, ETH) updates (ETH, BTC).
    await cell(page, "BTC", "ETH").fill("0.9");
    await cell(page, "BTC", "ETH").press("Enter");
    expect(await cell(page, "ETH", "BTC").inputValue()).toBe("0.9");
    // A refused edit: the model's message by the grid, the old value back in both cells.
    await cell(page, "ETH", "BTC").fill("1.5");
    await cell(page, "ETH", "BTC").press("Tab");
    await page.locator("#matrix-message").waitFor({ state: "visible" });
    expect(await page.locator("#matrix-message").textContent()).toMatch(/1\.5/);
    expect(await cell(page, "ETH", "BTC").inputValue()).toBe("0.9");
    expect(await cell(page, "BTC", "ETH").inputValue()).toBe("0.9");
    // The diagonal cannot be typed in.
    expect(await cell(page, "SOL", "SOL (always 1)").getAttribute("readonly")).not.toBeNull();

    // Save is refused for an invalid matrix: a question in the pane, nothing written.
    await page.click("#save-button");
    await page.locator("#save-confirmation").waitFor({ state: "visible" });
    expect(await page.locator("#save-confirmation-text").textContent()).toMatch(/not a valid correlation matrix/);
    expect(await page.evaluate(() => window.__xvegaTestWorkbook.names())).not.toHaveProperty("XV_CORR");
    await page.click("#confirm-cancel");
    await page.locator("#save-confirmation").waitFor({ state: "hidden" });

    // Repair: a preview first, then Apply.
    await page.click("#repair-button");
    await page.locator("#repair-preview").waitFor({ state: "visible" });
    expect(await page.locator("#repair-largest-change").textContent()).toMatch(/Largest change: \S+ \/ \S+ .+ → .+/);
    await screenshotWholePane(page, "pane-repair-preview.png");
    await page.click("#repair-apply");
    await textOf(page, "#check-psd", "Yes");
    const smallestAfter = (await page.locator("#check-smallest-eigenvalue").textContent()) ?? "";
    expect(smallestAfter === "≈ 0" || numberIn(smallestAfter) >= 0).toBe(true);

    await page.click("#save-button");
    await statusMatching(page, /Saved 3 assets/);
    expect(await page.locator("#unsaved-marker").textContent()).toBe("Saved");
    expect(await page.locator("#tab-unsaved").isVisible()).toBe(false);

    // What the workbook holds: the repaired matrix, labelled, symmetric, unit diagonal, PSD; the three names.
    const saved = await savedMatrix(page);
    expect(Object.keys(saved.names)).toEqual(expect.arrayContaining(["XV_CORR", "XV_VOLVOL", "XV_META"]));
    expect(saved.labels).toEqual(["BTC", "ETH", "SOL"]);
    const values = saved.values;
    expect(values).toHaveLength(3);
    values.forEach((row, i) => {
      expect(row).toHaveLength(3);
      expect(row[i]).toBeCloseTo(1, 12);
      row.forEach((value, j) => {
        expect(Number.isFinite(value)).toBe(true);
        expect(Math.abs(value)).toBeLessThanOrEqual(1);
        expect(value).toBeCloseTo(values[j]?.[i] ?? Number.NaN, 12);
      });
    });
    const eigenvalues = new EigenvalueDecomposition(new Matrix(values), { assumeSymmetric: true }).realEigenvalues;
    expect(Math.min(...eigenvalues)).toBeGreaterThanOrEqual(-1e-10);
    // Repair changed what contradicted itself: (BTC, SOL) can no longer be 0 with both near 0.9–1 to ETH.
    expect(values[0]?.[1]).not.toBe(0.9);

    await screenshotWholePane(page, "pane.png");
    expectCleanRun(record);
  });

  test("an asset named like HTML shows as text and runs nothing", async () => {
    const { page, record } = await open();
    await seedAndSelect(page, "Book", VALID, "A1:D4");
    await page.click("#import-selection");
    await statusMatching(page, /Imported/);

    await page.getByLabel("New asset", { exact: true }).fill(HOSTILE_NAME);
    await page.click("#add-asset-button");
    const header = page.locator("#correlation-matrix thead th.matrix-header").nth(3);
    expect(await header.textContent()).toBe(HOSTILE_NAME);
    expect(await page.getByLabel("Name of asset 4", { exact: true }).inputValue()).toBe(HOSTILE_NAME);
    expect(await cell(page, HOSTILE_NAME, "BTC").inputValue()).toBe("0");
    // Give a would-be <img onerror> every chance to fire.
    await page.waitForTimeout(300);
    const images = await page.evaluate(() => ({
      inPanels: document.querySelectorAll(".tab-panel img").length,
      withSourceX: document.querySelectorAll('img[src="x"]').length,
      all: document.images.length,
    }));
    expect(images).toEqual({ inPanels: 0, withSourceX: 0, all: 1 }); // the only image is the banner's logo

    // Renaming it back is refused for a duplicate, and the input shows the kept name.
    await page.getByLabel("Name of asset 4", { exact: true }).fill("btc");
    await page.getByLabel("Name of asset 4", { exact: true }).press("Enter");
    await page.locator("#assets-message").waitFor({ state: "visible" });
    expect(await page.getByLabel("Name of asset 4", { exact: true }).inputValue()).toBe(HOSTILE_NAME);
    expectCleanRun(record);
  });

  test("a foreign XV_Config sheet is not written until Overwrite", async () => {
    const { page, record } = await open(() => {
      window.__xvegaTestWorkbook.setCells("XV_Config", "A1", [["Someone's notes", 42]]);
    });
    const before = await page.evaluate(() => window.__xvegaTestWorkbook.cells("XV_Config"));
    expect(before).toMatchObject({ A1: "Someone's notes", B1: 42 });

    await seedAndSelect(page, "Book", VALID, "A1:D4");
    await page.click("#import-selection");
    await statusMatching(page, /Imported/);
    await page.click("#save-button");
    await page.locator("#confirm-overwrite").waitFor({ state: "visible" });
    expect((await page.locator("#save-confirmation-text").textContent())?.length).toBeGreaterThan(10);
    expect(await page.evaluate(() => window.__xvegaTestWorkbook.cells("XV_Config"))).toEqual(before);
    expect(await page.evaluate(() => window.__xvegaTestWorkbook.names())).not.toHaveProperty("XV_CORR");
    expect(await page.locator("#unsaved-marker").textContent()).toMatch(/Unsaved/);

    await page.click("#confirm-overwrite");
    await statusMatching(page, /Saved 3 assets/);
    const saved = await savedMatrix(page);
    expect(saved.labels).toEqual(["BTC", "ETH", "SOL"]);
    expect(saved.values).toEqual([
      [1, 0.8, 0.6],
      [0.8, 1, 0.7],
      [0.6, 0.7, 1],
    ]);
    expectCleanRun(record);
  });
});

describe("an Excel without the APIs the pane needs", () => {
  test("shows the gateway's message as a banner and turns the workbook buttons off; the editor still works", async () => {
    const { page, record } = await open(() => {
      (window as unknown as { Office: { context: { requirements: { isSetSupported(): boolean } } } }).Office.context.requirements.isSetSupported = () => false;
    });
    const banner = page.locator("#requirement-banner");
    expect(await banner.isVisible()).toBe(true);
    expect(await banner.textContent()).toMatch(/ExcelApi/);
    for (const id of ["#import-selection", "#estimate-selection", "#save-button", "#restore-button"]) {
      expect(`${id} ${(await page.locator(id).isDisabled()) ? "off" : "on"}`).toBe(`${id} off`);
    }
    await page.getByLabel("New asset", { exact: true }).fill("BTC");
    await page.keyboard.press("Enter");
    expect(await page.locator("#correlation-matrix thead th.matrix-header").first().textContent()).toBe("BTC");
    expectCleanRun(record);
  });
});

describe("at the pane's narrowest", () => {
  test("320 px with six assets, one with a long name: only the matrix scrolls sideways", async () => {
    const { page, record } = await open();
    await page.setViewportSize({ width: 320, height: 900 });
    const names = ["BTC", "ETH", "SOL", "AVAX", "Bitcoin Cash (spot index, Deribit)", "DOGE"];
    const matrix: CellValue[][] = [["", ...names], ...names.map((name, i) => [name, ...names.map((_, j) => (i === j ? 1 : 0.5))])];
    await seedAndSelect(page, "Book", matrix, "A1:G7");
    await page.click("#import-selection");
    await statusMatching(page, /Imported/);
    const widths = await page.evaluate(() => ({
      page: document.documentElement.scrollWidth,
      viewport: document.documentElement.clientWidth,
      scroller: document.querySelector("#matrix-section .matrix-scroller")?.scrollWidth ?? 0,
    }));
    expect(widths.page).toBeLessThanOrEqual(widths.viewport);
    expect(widths.scroller).toBeGreaterThan(widths.viewport - 32); // six 60 px columns do not fit: the grid scrolls
    await screenshotWholePane(page, "pane-narrow.png");
    expectCleanRun(record);
  });
});

describe("the Hedge tab", () => {
  test("preview under the editor's set-up, then insert a live report", async () => {
    const { page, record } = await open();
    await seedAndSelect(page, "Book", VALID, "A1:D4");
    await page.click("#import-selection");
    await statusMatching(page, /Imported/);
    for (const [index, value] of ["3", "4", "5"].entries()) {
      const input = page.locator(".asset-volvol").nth(index);
      await input.fill(value);
      await input.press("Enter");
    }
    expect(await page.locator("#check-missing-volvols").textContent()).toBe("None");
    await page.click("#save-button");
    await statusMatching(page, /Saved 3 assets/);

    await page.evaluate(() => {
      window.__xvegaTestWorkbook.setCells("Positions", "A1", [
        ["Asset", "Vega"],
        ["BTC", 1000],
        ["ETH", -500],
        ["SOL", 2000],
        ["SOL", 500],
      ]);
    });

    // Keyboard: Right arrow from the Correlations tab selects Hedge.
    await page.focus("#tab-correlations");
    await page.keyboard.press("ArrowRight");
    expect(await page.locator("#tab-hedge").getAttribute("aria-selected")).toBe("true");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("tab-hedge");
    expect(await page.locator("#panel-hedge").isVisible()).toBe(true);
    expect(await page.locator("#panel-correlations").isVisible()).toBe(false);

    await page.evaluate(() => window.__xvegaTestWorkbook.select("Positions", "A2:A5"));
    await page.click("#hedge-assetsAddress-use-selection");
    await page.waitForFunction(() => (document.getElementById("hedge-assetsAddress") as HTMLInputElement).value !== "");
    expect(await page.locator("#hedge-assetsAddress").inputValue()).toMatch(/^'?Positions'?!\$?A\$?2:\$?A\$?5$/);
    await page.evaluate(() => window.__xvegaTestWorkbook.select("Positions", "B2:B5"));
    await page.click("#hedge-vegasAddress-use-selection");
    await page.waitForFunction(() => (document.getElementById("hedge-vegasAddress") as HTMLInputElement).value !== "");
    await page.getByLabel("Proxies", { exact: true }).fill("BTC,ETH");
    await page.getByLabel("Contract vegas (optional)", { exact: true }).fill("100, 50");

    await page.click("#hedge-preview-button");
    await statusMatching(page, /Hedge computed on BTC and ETH/);
    const expected = computeProxyHedge({
      ...SAMPLE_HEDGE_INPUT,
      contracts: [
        { proxy: "BTC", vegaPerContract: 100 },
        { proxy: "ETH", vegaPerContract: 50 },
      ],
    });
    const rows = await page.locator("#hedge-result tbody tr").evaluateAll((trs) => trs.map((tr) => Array.from(tr.children).map((c) => c.textContent ?? "")));
    expect(rows.map((row) => row[0])).toEqual(["BTC", "ETH"]);
    rows.forEach((row, k) => {
      const line = expected.proxies[k];
      expect(numberIn(row[1] ?? "")).toBeCloseTo(line?.hedgeVegaPerVolPoint ?? Number.NaN, -1); // shown to the unit
      expect(numberIn(row[3] ?? "")).toBe(line?.contracts?.roundedContracts);
    });
    expect(await page.locator("#hedge-statistics").textContent()).toMatch(/Effectiveness/);
    expect(await page.locator("#hedge-basis").textContent()).toMatch(/saved correlations/);
    await screenshotWholePane(page, "pane-hedge.png");

    const sheetsBefore = await page.evaluate(() => window.__xvegaTestWorkbook.sheetNames());
    await page.click("#hedge-insert-button");
    const status = await statusMatching(page, /Inserted the hedge report on sheet /);
    const sheetName = /on sheet (.+?)\.(?: |$)/.exec(status)?.[1] ?? "";
    const sheetsAfter = await page.evaluate(() => window.__xvegaTestWorkbook.sheetNames());
    expect(sheetsAfter).toContain(sheetName);
    expect(sheetsBefore).not.toContain(sheetName);
    const formulas = Object.values(await page.evaluate((sheet) => window.__xvegaTestWorkbook.formulas(sheet), sheetName)).join("\n");
    expect(formulas).toMatch(/XV\.XVEGAHEDGE\(/);
    expect(formulas).toMatch(/XV\.HEDGESTATS\(/);
    expect(formulas).toMatch(/XV_CORR/);
    expect(await page.evaluate((sheet) => window.__xvegaTestWorkbook.chartCount(sheet), sheetName)).toBeGreaterThan(0);
    expectCleanRun(record);
  });
});

describe("Estimate from selection (issue 8, item 5)", () => {
  test("the estimate's warnings (a short EWMA history, a row skipped for a gap) are listed and stay after an edit", async () => {
    const { page, record } = await open();
    await seedAndSelect(
      page,
      "Vols",
      [
        ["BTC", "ETH"],
        [60, 70],
        [61, 70.5],
        [59.5, 69],
        [null, 70.2],
        [62, 71.5],
        [61, 70],
        [63, 72.5],
        [62.5, 71],
      ],
      "A1:B9",
    );
    await page.getByLabel("EWMA", { exact: true }).check();
    await page.click("#estimate-selection");
    await statusMatching(page, /^Estimated BTC and ETH/);
    const warnings = page.locator("#estimate-warnings li");
    await warnings.first().waitFor();
    const texts = await warnings.allTextContents();
    expect(texts).toEqual(expect.arrayContaining([expect.stringMatching(/EWMA with lambda 0\.94/), expect.stringMatching(/^1 row of Vols!A1:B9 had a gap/)]));
    expect(await page.locator("#estimate-summary").textContent()).toMatch(/^Estimated BTC and ETH from \d+ daily changes in Vols!A1:B9 \(EWMA, λ = 0\.94, 1 row with gaps skipped\)\.$/);
    await screenshotWholePane(page, "pane-estimate-warnings.png");

    // An edit replaces the status line; the estimate's caveats stay beside the source buttons.
    const volOfVol = page.locator(".asset-volvol").first();
    await volOfVol.fill("2.5");
    await volOfVol.press("Enter");
    expect(await warnings.allTextContents()).toEqual(texts);
    expect(await page.locator("#estimate-warnings").isVisible()).toBe(true);
    expectCleanRun(record);
  });
});

describe("Explain selected cell", () => {
  const FORMULA = "=XV.VEGA(B2:B4,C2:C4,D2:D4,E2:E4,0.05)";

  /** A positions table whose vol column has 65 typed for 65% on the second leg, and the spilled vegas Excel shows. */
  async function seedBook(page: Page): Promise<void> {
    await page.evaluate((formula) => {
      const book = window.__xvegaTestWorkbook;
      book.setCells("Positions", "A1", [
        ["Leg", "Underlying", "Strike", "Years", "Vol", "Vega"],
        ["BTC-1", 100, 100, 1, 0.2, null],
        ["BTC-2", 100, 100, 1, 65, null],
        ["BTC-3", 100, 100, 1, 0.3, null],
      ]);
      // What Excel displays: the second cell's error without its message (as Excel for Windows and Mac do).
      book.setFormulaResult("Positions", "F2", formula, [[0.37524035], ["#VALUE!"], [0.3924]]);
      book.setCells("Positions", "H1", [['=SUM("<img src=x onerror=alert(1)>")']]);
    }, FORMULA);
  }

  async function explain(page: Page, address: string): Promise<string> {
    await page.evaluate((selected) => window.__xvegaTestWorkbook.select("Positions", selected), address);
    // The button works from any tab, and brings the Explain tab forward.
    await page.click("#explain-button");
    return statusMatching(page, /^Explained /);
  }

  test("a bad cell in a spill (its message), a good cell (its value), a cell without an XV formula", async () => {
    const { page, record } = await open();
    await seedBook(page);

    expect(await page.locator("#tab-correlations").getAttribute("aria-selected")).toBe("true");
    await explain(page, "F3");
    expect(await page.locator("#tab-explain").getAttribute("aria-selected")).toBe("true");
    expect(await page.locator("#panel-explain").isVisible()).toBe(true);
    expect(await textOf(page, "#explain-outcome", /^#VALUE! .*vol 65 looks like a percentage/)).toMatch(/65%|0\.65/);
    expect(await page.locator("#explain-outcome").getAttribute("class")).toMatch(/\berror\b/);
    expect(await page.locator("#explain-function").textContent()).toBe("Function XV.VEGA");
    expect(await page.locator("#explain-formula").textContent()).toBe(FORMULA);
    expect(await page.locator("#explain-shown").textContent()).toBe("Excel shows: #VALUE!");
    expect(await page.locator(".explain-context").first().textContent()).toMatch(/Positions!F3 lies in the spill of the formula in Positions!F2 \(row 2/);
    const argumentsRead = await page.locator("#explain-arguments .check-item").allTextContents();
    expect(argumentsRead).toHaveLength(5);
    expect(argumentsRead[3]).toMatch(/^vol E2:E4.*3 rows × 1 column: 0\.2, 65, 0\.3$/);
    expect(argumentsRead[4]).toMatch(/^rate 0\.05\s*0\.05$/);
    await screenshotWholePane(page, "pane-explain-error.png");

    await explain(page, "F2:F4");
    // QuantLib's vega per vol point of S = K = 100, T = 1, r = 5%, σ = 20%: 0.37524035.
    expect(await textOf(page, "#explain-outcome", /^It computes: 0\.37524034/)).toBeTruthy();
    expect(await page.locator(".explain-context").first().textContent()).toBe("You selected Positions!F2:F4: this explains its top-left cell, Positions!F2.");
    await screenshotWholePane(page, "pane-explain-value.png");

    await explain(page, "E3");
    await textOf(page, "#explain-outcome", "Positions!E3 holds no XV formula: select a cell with an XV formula, or one in its spill.");
    expect(await page.locator("#explain-arguments").count()).toBe(0);

    // A formula's text is shown as text: nothing in it runs.
    await explain(page, "H1");
    await textOf(page, "#explain-formula", '=SUM("<img src=x onerror=alert(1)>")');
    expect(await page.locator("#explanation img").count()).toBe(0);
    expectCleanRun(record);
  });
});

describe("the About tab", () => {
  test("keeps the function list and the version; End and Home move between tabs", async () => {
    const { page, record } = await open();
    await page.focus("#tab-correlations");
    await page.keyboard.press("End");
    expect(await page.locator("#tab-about").getAttribute("aria-selected")).toBe("true");
    await page.locator("#function-list li").first().waitFor();
    expect(await page.locator("#function-list li").count()).toBeGreaterThan(5);
    expect(await page.locator("#version").textContent()).toMatch(/^Version \d+\.\d+\.\d+/);
    // The eigen-solver's WebAssembly kernels compile under the page's Content-Security-Policy ('wasm-unsafe-eval').
    expect(await page.locator("#engine-status").textContent()).toBe("Eigen-solver: WebAssembly SIMD kernels.");
    await page.keyboard.press("Home");
    expect(await page.locator("#tab-correlations").getAttribute("aria-selected")).toBe("true");
    await page.keyboard.press("ArrowLeft");
    expect(await page.locator("#tab-about").getAttribute("aria-selected")).toBe("true");
    expectCleanRun(record);
  });
});

describe("the Stability tab", () => {
  /** Excel's serial of 2025-01-02, the history's first date. */
  const FIRST_SERIAL = 45659;
  const DAYS = 130;
  const ASSETS = ["BTC", "ETH", "SOL"];

  /** A seeded history of vol levels (a common factor plus noise: correlated, as vols are), one row per day. */
  function history(): { levels: number[][]; serials: number[] } {
    let seed = 20251205;
    const uniform = (): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648 - 0.5;
    };
    const level = [60, 70, 90];
    const levels: number[][] = [];
    const serials: number[] = [];
    for (let day = 0; day < DAYS; day++) {
      const common = uniform() * 3;
      const next = level.map((value, a) => Math.round((value + common * (1 + 0.2 * a) + uniform() * (1 + a)) * 100) / 100);
      level.splice(0, 3, ...next);
      levels.push(next);
      serials.push(FIRST_SERIAL + day);
    }
    return { levels, serials };
  }

  /** A date serial as the pane shows it, computed here on its own: 1899-12-30 is Excel's day 0. */
  function isoDate(serial: number): string {
    return new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000).toISOString().slice(0, 10);
  }

  /** Pixels of `canvasId` within a small distance of the colour of CSS variable `variable`, and all drawn pixels. */
  async function pixels(page: Page, canvasId: string, variable: string): Promise<{ matching: number; drawn: number; total: number }> {
    return page.evaluate(
      ({ canvasId, variable }) => {
        const canvas = document.getElementById(canvasId) as HTMLCanvasElement;
        const hex = getComputedStyle(document.documentElement).getPropertyValue(variable).trim();
        const target = [1, 3, 5].map((at) => parseInt(hex.slice(at, at + 2), 16));
        const { data } = (canvas.getContext("2d") as CanvasRenderingContext2D).getImageData(0, 0, canvas.width, canvas.height);
        let matching = 0;
        let drawn = 0;
        for (let i = 0; i < data.length; i += 4) {
          if ((data[i + 3] ?? 0) === 0) continue;
          drawn += 1;
          if ((data[i + 3] ?? 0) > 200 && target.every((value, k) => Math.abs((data[i + k] ?? 0) - value) <= 12)) matching += 1;
        }
        return { matching, drawn, total: data.length / 4 };
      },
      { canvasId, variable },
    );
  }

  test("runs the backtest and the stress, draws three charts, refuses a bad option, inserts a live report", async () => {
    const { page, record } = await open();
    // The Hedge tab's set-up: saved correlations with vol-of-vols 3, 4, 5, the book, BTC and ETH as proxies.
    await seedAndSelect(page, "Book", VALID, "A1:D4");
    await page.click("#import-selection");
    await statusMatching(page, /Imported/);
    for (const [index, value] of ["3", "4", "5"].entries()) {
      const input = page.locator(".asset-volvol").nth(index);
      await input.fill(value);
      await input.press("Enter");
    }
    await page.click("#save-button");
    await statusMatching(page, /Saved 3 assets/);
    const { levels, serials } = history();
    await page.evaluate(
      ({ rows }) => {
        window.__xvegaTestWorkbook.setCells("Positions", "A1", [["Asset", "Vega"], ["BTC", 1000], ["ETH", -500], ["SOL", 2000], ["SOL", 500]]);
        window.__xvegaTestWorkbook.setCells("Vols", "A1", rows);
      },
      { rows: [["Date", ...ASSETS], ...levels.map((row, day) => [serials[day] as number, ...row])] },
    );
    await page.click("#tab-hedge");
    await page.locator("#hedge-assetsAddress").fill("Positions!A2:A5");
    await page.locator("#hedge-vegasAddress").fill("Positions!B2:B5");
    await page.getByLabel("Proxies", { exact: true }).fill("BTC, ETH");

    await page.click("#tab-stability");
    expect(await page.locator("#panel-stability").isVisible()).toBe(true);
    expect(await page.locator("#stability-book").textContent()).toBe("Book from the Hedge tab: assets Positions!A2:A5, vegas Positions!B2:B5, hedged with BTC and ETH.");
    await page.evaluate(() => window.__xvegaTestWorkbook.select("Vols", "A1:D131"));
    await page.click("#stability-historyAddress-use-selection");
    await page.waitForFunction(() => (document.getElementById("stability-historyAddress") as HTMLInputElement).value !== "");
    expect(await page.locator("#stability-historyAddress").inputValue()).toMatch(/^'?Vols'?!\$?A\$?1:\$?D\$?131$/);

    // A bad option is refused beside its field, and nothing runs.
    await page.locator("#stability-window").fill("1.5");
    await page.locator("#stability-shifts").fill("-0.5, lots");
    await page.click("#stability-run-button");
    expect(await textOf(page, "#stability-window-message", /^Window "1\.5" is not a whole number/)).toMatch(/such as 60/);
    expect(await textOf(page, "#stability-shifts-message", /^Shift 2, "lots", is not a number/)).toBeTruthy();
    expect(await page.locator("#stability-window").getAttribute("aria-invalid")).toBe("true");
    await statusMatching(page, /^Not run: 2 options to fix/);
    expect(await page.locator("#stability-backtest").isVisible()).toBe(false);
    // Editing the field takes its message away.
    await page.locator("#stability-window").fill("60");
    expect(await page.locator("#stability-window-message").isVisible()).toBe(false);
    await page.locator("#stability-shifts").fill("");

    await page.click("#stability-run-button");
    await statusMatching(page, /^Ran the backtest over 69 out-of-sample days, hedging with BTC and ETH, and the stress at 6 correlation shifts\.$/);

    // The statistics shown are the engine's, fed the history directly (not through the pane's readers).
    const expected = runHedgeBacktest({
      history: { assets: ASSETS, levels, order: "oldestFirst" },
      rowDates: serials,
      targets: SAMPLE_HEDGE_INPUT.targets,
      proxies: ["BTC", "ETH"],
    });
    const shown = async (name: string): Promise<string> => (await page.locator(`#stability-stat-${name}`).textContent()) ?? "";
    const labels = await page.locator("#stability-statistics dt").allTextContents();
    expect(labels).toEqual(["days", "unhedged sd", "hedged sd", "out-of-sample effectiveness", "in-sample effectiveness", "regression slope", "regression r2", "dollar offset", "worst hedged day", "worst date", "turnover"]);
    const statistics = expected.statistics;
    expect(await shown("days")).toBe(String(statistics.days));
    expect(numberIn(await shown("unhedgedSd"))).toBeCloseTo(statistics.unhedgedSd ?? Number.NaN, -0.3); // whole units
    expect(numberIn(await shown("hedgedSd"))).toBeCloseTo(statistics.hedgedSd ?? Number.NaN, -0.3);
    expect(Number((await shown("effectivenessOutOfSample")).replace("%", ""))).toBeCloseTo((statistics.effectivenessOutOfSample ?? Number.NaN) * 100, 1);
    expect(Number((await shown("effectivenessInSample")).replace("%", ""))).toBeCloseTo(statistics.effectivenessInSample * 100, 1);
    expect(numberIn(await shown("regressionSlope"))).toBeCloseTo(statistics.regressionSlope ?? Number.NaN, 4);
    expect(numberIn(await shown("regressionR2"))).toBeCloseTo(statistics.regressionR2 ?? Number.NaN, 4);
    expect(numberIn(await shown("dollarOffset"))).toBeCloseTo(statistics.dollarOffset ?? Number.NaN, 4);
    expect(numberIn(await shown("worstHedgedPnl"))).toBeCloseTo(statistics.worstHedgedPnl, -0.3);
    expect(await shown("worstDate")).toBe(isoDate(statistics.worstDate as number));
    expect(numberIn(await shown("turnover"))).toBeCloseTo(statistics.turnover, -0.3);
    const warningTexts = expected.warnings.map((warning) => warning.message);
    if (warningTexts.length === 0) expect(await page.locator("#stability-warnings").textContent()).toBe("No warnings.");
    else expect(await page.locator("#stability-warnings li").allTextContents()).toEqual(warningTexts);

    // The stress table: today's hedge held and re-optimised under each shift, as the engine computes them.
    const stress = stressHedge(SAMPLE_HEDGE_INPUT);
    const stressRows = await page.locator("#stability-stress-table tbody tr").evaluateAll((trs) => trs.map((tr) => Array.from(tr.children).map((c) => c.textContent ?? "")));
    expect(stressRows.map((row) => numberIn(row[0] ?? ""))).toEqual([-0.5, -0.3, -0.2, -0.1, 0, 0.1]);
    stressRows.forEach((row, k) => {
      expect(Number((row[1] ?? "").replace("%", ""))).toBeCloseTo((stress.rows[k]?.heldEffectiveness ?? Number.NaN) * 100, 1);
      expect(Number((row[2] ?? "").replace("%", ""))).toBeCloseTo((stress.rows[k]?.reoptimisedEffectiveness ?? Number.NaN) * 100, 1);
    });

    // Three canvases drawn (one per task, then marked): each series' colour (the pane's CSS variables) is on its canvas.
    await page.waitForFunction(() => ["pnl", "hedge", "stress"].every((chart) => document.getElementById(`stability-${chart}-chart`)?.getAttribute("data-drawn") === "light"));
    for (const [canvasId, variables] of [
      ["stability-pnl-chart", ["--chart-unhedged", "--chart-hedged"]],
      ["stability-hedge-chart", ["--chart-series-1", "--chart-series-2"]],
      ["stability-stress-chart", ["--chart-held", "--chart-reoptimised"]],
    ] as const) {
      for (const variable of variables) {
        const seen = await pixels(page, canvasId, variable);
        expect(`${canvasId} ${variable} ${seen.matching > 40 ? "drawn" : `only ${seen.matching} pixels`}`).toBe(`${canvasId} ${variable} drawn`);
        expect(seen.drawn / seen.total).toBeGreaterThan(0.02);
      }
    }
    await screenshotWholePane(page, "pane-stability.png");

    // Dark mode: the charts are redrawn in the dark palette.
    await page.emulateMedia({ colorScheme: "dark" });
    await page.waitForFunction(() => ["pnl", "hedge", "stress"].every((chart) => document.getElementById(`stability-${chart}-chart`)?.getAttribute("data-drawn") === "dark"));
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue("--chart-hedged").trim())).toBe("#479ef5");
    expect((await pixels(page, "stability-pnl-chart", "--chart-hedged")).matching).toBeGreaterThan(40);
    await screenshotWholePane(page, "pane-stability-dark.png");
    await page.emulateMedia({ colorScheme: "light" });

    // The report: live formulas with these exact argument orders, and two native charts over their spills.
    await page.click("#stability-insert-button");
    const status = await statusMatching(page, /Inserted the stability report on sheet /);
    const sheetName = /on sheet (.+?)\.(?: |$)/.exec(status)?.[1] ?? "";
    const formulas = Object.values(await page.evaluate((sheet) => window.__xvegaTestWorkbook.formulas(sheet), sheetName));
    const backtestArgs = "Vols!$A$1:$D$131,Positions!$A$2:$A$5,Positions!$B$2:$B$5,$A$9:$A$10,$D$9,$D$10,$D$11,$D$12";
    expect(formulas).toContain(`=XV.HEDGEBACKTEST(${backtestArgs})`);
    expect(formulas).toContain(`=XV.BACKTESTSTATS(${backtestArgs})`);
    expect(formulas).toContain("=XV.HEDGESTRESS(Positions!$A$2:$A$5,Positions!$B$2:$B$5,$A$9:$A$10,XV_CORR,XV_VOLVOL,$F$9:$F$14,$D$11)");
    const charts = await page.evaluate((sheet) => window.__xvegaTestWorkbook.charts(sheet), sheetName);
    expect(charts.map((chart) => chart.type)).toEqual(["Line", "XYScatterLines"]);
    // The P&L chart spans the header and one row per out-of-sample day.
    const pnlRows = /\$(\d+):\$[A-Z]+\$(\d+)$/.exec(charts[0]?.source ?? "");
    expect(Number(pnlRows?.[2]) - Number(pnlRows?.[1])).toBe(expected.days.length);
    expect(await page.locator("#stability-last-report").textContent()).toBe(`Last report: sheet ${sheetName}.`);
    expectCleanRun(record);
  });

  test("an engine error is shown as a message and nothing breaks", async () => {
    const { page, record } = await open();
    await page.evaluate(() => {
      window.__xvegaTestWorkbook.setCells("Positions", "A1", [["Asset", "Vega"], ["BTC", 1000], ["SOL", 2000]]);
      window.__xvegaTestWorkbook.setCells("Vols", "A1", [["BTC", "SOL"], [60, 90], [61, 91], [62, 90.5]]);
    });
    await page.click("#tab-hedge");
    await page.locator("#hedge-assetsAddress").fill("Positions!A2:A3");
    await page.locator("#hedge-vegasAddress").fill("Positions!B2:B3");
    await page.getByLabel("Proxies", { exact: true }).fill("BTC");
    await page.click("#tab-stability");
    await page.locator("#stability-historyAddress").fill("Vols!A1:B4");
    await page.click("#stability-run-button");
    await statusMatching(page, /^Neither the backtest nor the stress ran/);
    expect(await textOf(page, "#stability-backtest-error", /gives 2 complete daily changes .* more than the window of 60/)).toBeTruthy();
    expect(await textOf(page, "#stability-stress-error", /correlation set-up is empty/)).toBeTruthy();
    expect(await page.locator("#stability-backtest").isVisible()).toBe(false);
    expectCleanRun(record);
  });
});
