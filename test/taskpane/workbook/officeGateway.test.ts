/*
 * The Office gateway against the fake Excel host (test/browser/excelStub.js, the same fake the browser test uses) for
 * everything that needs a workbook that changes — sheets added, names defined, cells written and read back — and
 * against office-addin-mock for what a static mock expresses: the requirement check and a selection read under
 * cell-edit refusals. office-addin-mock builds a fixed object tree: names.add cannot make an item that a later
 * getItemOrNullObject finds, and getRange(address) cannot serve cells, hence the fake (see the report).
 */
import { OfficeMockObject } from "office-addin-mock";
import type { CorrelationConfig } from "../../../src/taskpane/correlation/correlationConfig";
import { CELL_EDIT_MODE_CODE, CELL_EDIT_MODE_MESSAGE } from "../../../src/taskpane/workbook/cellEditRetry";
import { CONFIG_MARKER } from "../../../src/taskpane/workbook/configSheetLayout";
import { createOfficeGateway, REQUIRED_EXCEL_API } from "../../../src/taskpane/workbook/officeGateway";
import type { WorkbookGateway } from "../../../src/taskpane/workbook/workbookGateway";
import { sampleConfig } from "./configFixtures";
import { installFakeExcelHost, type FakeWindow } from "./fakeExcelHost";

type Globals = { Excel?: unknown; Office?: unknown };
const globals = globalThis as unknown as Globals;
const noWait = { sleep: async () => undefined };

let host: FakeWindow & { uninstall: () => void };
let gateway: WorkbookGateway;

beforeEach(() => {
  host = installFakeExcelHost();
  gateway = createOfficeGateway({ retry: noWait, now: () => new Date("2026-11-21T09:30:00.000Z") });
});

afterEach(() => host.uninstall());

function expectSameBits(actual: CorrelationConfig | null, expected: CorrelationConfig): void {
  expect(actual).toEqual(expected);
  actual?.correlations.forEach((row, i) => row.forEach((entry, j) => expect(Object.is(entry, expected.correlations[i]?.[j])).toBe(true)));
}

/** Defines a workbook name through the API, as a user's own name would be. */
async function defineName(name: string, sheetName: string, address: string): Promise<void> {
  await host.Excel.run(async (context) => {
    context.workbook.names.add(name, context.workbook.worksheets.getItem(sheetName).getRange(address));
    await context.sync();
  });
}

function snapshot(): unknown {
  const book = host.__xvegaTestWorkbook;
  return { sheets: book.sheetNames().map((name) => [name, book.cells(name)]), names: book.names() };
}

describe("save → load", () => {
  it("round-trips the set-up losslessly: assets, correlations to the last bit, vol-of-vols with null, changes, metadata", async () => {
    const config = sampleConfig(["BTC", "ETH", "SOL", "=Z", "+X", "1e3"]);
    await expect(gateway.saveConfig(config, { overwriteForeign: false })).resolves.toEqual({ saved: true });
    expectSameBits(await gateway.loadConfig(), config);
  });

  it("loads null from a workbook the add-in never saved to", async () => {
    await expect(gateway.loadConfig()).resolves.toBeNull();
  });

  it("creates the XV_Config sheet with the marker and workbook names with a comment", async () => {
    await gateway.saveConfig(sampleConfig(), { overwriteForeign: false });
    expect(host.__xvegaTestWorkbook.sheetNames()).toEqual(["Sheet1", "XV_Config"]);
    expect(host.__xvegaTestWorkbook.cells("XV_Config").A1).toBe(CONFIG_MARKER);
    expect(host.__xvegaTestWorkbook.names()).toEqual({
      XV_CORR: "XV_Config!$D$13:$G$16",
      XV_VOLVOL: "XV_Config!$A$13:$B$15",
      XV_META: "XV_Config!$A$5:$B$10",
    });
    const comment = await host.Excel.run(async (context) => {
      const item = context.workbook.names.getItem("XV_CORR").load("comment");
      await context.sync();
      return item.comment;
    });
    expect(comment).toMatch(/xvega/);
  });

  it("resizes the names when an asset is added, and clears the old blocks' leftovers when one is removed", async () => {
    await gateway.saveConfig(sampleConfig(["BTC", "ETH", "SOL"]), { overwriteForeign: false });
    await gateway.saveConfig(sampleConfig(["BTC", "ETH", "SOL", "DOGE"]), { overwriteForeign: false });
    expect(host.__xvegaTestWorkbook.names()).toMatchObject({ XV_CORR: "XV_Config!$D$13:$H$17", XV_VOLVOL: "XV_Config!$A$13:$B$16" });

    const smaller = sampleConfig(["BTC", "ETH"]);
    await expect(gateway.saveConfig(smaller, { overwriteForeign: false })).resolves.toEqual({ saved: true });
    expect(host.__xvegaTestWorkbook.names()).toMatchObject({ XV_CORR: "XV_Config!$D$13:$F$15", XV_VOLVOL: "XV_Config!$A$13:$B$14" });
    const leftovers = Object.keys(host.__xvegaTestWorkbook.cells("XV_Config")).filter((address) => {
      const [, column = "", row = "0"] = /^([A-Z]+)([0-9]+)$/.exec(address) ?? [];
      return Number(row) > 15 || (Number(row) >= 13 && column > "F") || (Number(row) === 15 && column <= "B");
    });
    expect(leftovers).toEqual([]);
    expectSameBits(await gateway.loadConfig(), smaller);
  });

  it("says what is wrong when a name is missing or a block was spoilt", async () => {
    await gateway.saveConfig(sampleConfig(), { overwriteForeign: false });
    host.__xvegaTestWorkbook.setCells("XV_Config", "D13", [["neither"]]);
    await expect(gateway.loadConfig()).rejects.toThrow(/XV_CORR has "neither" in its top-left cell/);
    await host.Excel.run(async (context) => {
      context.workbook.names.getItem("XV_META").delete();
      await context.sync();
    });
    await expect(gateway.loadConfig()).rejects.toThrow(/has XV_CORR, XV_VOLVOL but no XV_META/);
  });
});

describe("data safety", () => {
  it("does not overwrite a foreign XV_Config sheet: it writes nothing and asks, naming the sheet", async () => {
    host.__xvegaTestWorkbook.setCells("XV_Config", "A1", [["my own notes"], [42]]);
    const before = snapshot();
    const outcome = await gateway.saveConfig(sampleConfig(), { overwriteForeign: false });
    expect(outcome).toEqual({ saved: false, needsConfirmation: expect.stringContaining("the sheet XV_Config") });
    expect(snapshot()).toEqual(before);

    await expect(gateway.saveConfig(sampleConfig(), { overwriteForeign: true })).resolves.toEqual({ saved: true });
    expect(host.__xvegaTestWorkbook.cells("XV_Config").A1).toBe(CONFIG_MARKER);
    expectSameBits(await gateway.loadConfig(), sampleConfig());
  });

  it("does not redefine a foreign XV_CORR pointing elsewhere; with confirmation it does, leaving that sheet alone", async () => {
    host.__xvegaTestWorkbook.setCells("Correlations", "A1", [["", "BTC"], ["BTC", 1]]);
    await defineName("XV_CORR", "Correlations", "A1:B2");
    const before = snapshot();
    const outcome = await gateway.saveConfig(sampleConfig(), { overwriteForeign: false });
    expect(outcome).toEqual({ saved: false, needsConfirmation: expect.stringContaining("the name XV_CORR, which refers to Correlations!A1:B2") });
    expect(snapshot()).toEqual(before);

    await expect(gateway.saveConfig(sampleConfig(), { overwriteForeign: true })).resolves.toEqual({ saved: true });
    expect(host.__xvegaTestWorkbook.names().XV_CORR).toBe("XV_Config!$D$13:$G$16");
    expect(host.__xvegaTestWorkbook.cells("Correlations")).toEqual({ B1: "BTC", A2: "BTC", B2: 1 });
  });

  it("treats a name on a constant as foreign, and saves again without asking once everything is its own", async () => {
    await host.Excel.run(async (context) => {
      context.workbook.names.add("XV_META", "=0.5");
      await context.sync();
    });
    await expect(gateway.saveConfig(sampleConfig(), { overwriteForeign: false })).resolves.toEqual({
      saved: false,
      needsConfirmation: expect.stringContaining("the name XV_META, which refers to 0.5"),
    });
    await gateway.saveConfig(sampleConfig(), { overwriteForeign: true });
    await expect(gateway.saveConfig(sampleConfig(["BTC"]), { overwriteForeign: false })).resolves.toEqual({ saved: true });
  });
});

describe("reading the book", () => {
  it("reads the selection and a sheet-qualified range", async () => {
    host.__xvegaTestWorkbook.setCells("My Book", "A1", [["asset", "vega"], ["BTC", 1500], ["ETH", -300]]);
    host.__xvegaTestWorkbook.select("My Book", "A2:B3");
    await expect(gateway.readSelection()).resolves.toEqual({ address: "'My Book'!A2:B3", values: [["BTC", 1500], ["ETH", -300]] });
    await expect(gateway.readRange("'My Book'!$B$2:B3")).resolves.toEqual([[1500], [-300]]);
    await expect(gateway.readRange("Nowhere!A1")).rejects.toThrow("Nowhere!A1: the workbook has no sheet named Nowhere");
    await expect(gateway.readRange("A1:B2")).rejects.toThrow(/not a sheet-qualified range address/);
  });
});

describe("insertHedgeReport", () => {
  const spec = { assetsAddress: "Positions!A2:A6", vegasAddress: "Positions!B2:B6", proxies: ["BTC", "ETH"], contractVegas: [12.5, 4], lotSizes: [1, 1] };

  beforeEach(() => {
    host.__xvegaTestWorkbook.setCells("Positions", "A1", [["asset", "vega"], ["SOL", 900], ["BTC", 1500], ["sol ", -200], ["AVAX", 300], ["", ""]]);
  });

  it("adds a sheet with live formulas, the net vega table and a chart", async () => {
    await expect(gateway.insertHedgeReport(spec)).resolves.toEqual({ sheetName: "XV Hedge Report" });
    const book = host.__xvegaTestWorkbook;
    const formulas = book.formulas("XV Hedge Report");
    const hedgeArgs = "Positions!$A$2:$A$6,Positions!$B$2:$B$6,$A$8:$A$9,XV_CORR,XV_VOLVOL,$B$8:$B$9,$C$8:$C$9";
    expect(formulas.A12).toBe(`=XV.XVEGAHEDGE(${hedgeArgs})`);
    expect(formulas.F8).toBe(`=XV.HEDGESTATS(${hedgeArgs})`);
    const cells = book.cells("XV Hedge Report");
    expect([cells.A16, cells.A17, cells.A18, cells.A19]).toEqual(["SOL", "BTC", "AVAX", "ETH"]);
    expect(cells.B2).toBe("2026-11-21T09:30:00.000Z");
    expect(formulas.C19).toBe("=B19+SUMPRODUCT(--(TRIM($A$8:$A$9)=TRIM($A$19)),$B$12:$B$13)");
    expect(book.chartCount("XV Hedge Report")).toBe(1);
  });

  it("numbers the sheet when the name is taken, and refuses a sheet that does not exist", async () => {
    await gateway.insertHedgeReport(spec);
    await expect(gateway.insertHedgeReport(spec)).resolves.toEqual({ sheetName: "XV Hedge Report 2" });
    const before = host.__xvegaTestWorkbook.sheetNames();
    await expect(gateway.insertHedgeReport({ ...spec, vegasAddress: "Book!B2:B6" })).rejects.toThrow(/no sheet named Book/);
    expect(host.__xvegaTestWorkbook.sheetNames()).toEqual(before);
  });
});

describe("insertStabilityReport", () => {
  const spec = {
    historyAddress: "Vols!A1:C6",
    assetsAddress: "Positions!A2:A3",
    vegasAddress: "Positions!B2:B3",
    proxies: ["BTC"],
    window: 3,
    lambda: 0.94,
    ridge: 0.01,
    rebalance: 2,
    shifts: [-0.2, 0],
    dayCount: 2,
    datesAreSerials: true,
  };

  beforeEach(() => {
    host.__xvegaTestWorkbook.setCells("Positions", "A1", [["asset", "vega"], ["SOL", 900], ["BTC", 1500]]);
    host.__xvegaTestWorkbook.setCells("Vols", "A1", [["Date", "BTC", "SOL"], [45658, 60, 90], [45659, 61, 91], [45660, 60, 92], [45661, 62, 93], [45662, 61, 95]]);
  });

  it("adds a sheet with the three live formulas, its settings, date-formatted date cells and two native charts", async () => {
    await expect(gateway.insertStabilityReport(spec)).resolves.toEqual({ sheetName: "XV Stability Report" });
    const book = host.__xvegaTestWorkbook;
    const formulas = Object.values(book.formulas("XV Stability Report"));
    const backtestArgs = "Vols!$A$1:$C$6,Positions!$A$2:$A$3,Positions!$B$2:$B$3,$A$9,$D$9,$D$10,$D$11,$D$12";
    expect(formulas).toEqual(
      expect.arrayContaining([
        `=XV.HEDGEBACKTEST(${backtestArgs})`,
        `=XV.BACKTESTSTATS(${backtestArgs})`,
        "=XV.HEDGESTRESS(Positions!$A$2:$A$3,Positions!$B$2:$B$3,$A$9,XV_CORR,XV_VOLVOL,$F$9:$F$10,$D$11)",
      ]),
    );
    const cells = book.cells("XV Stability Report");
    expect([cells.A9, cells.D9, cells.D10, cells.D11, cells.D12, cells.F9, cells.F10]).toEqual(["BTC", 3, 0.94, 0.01, 2, -0.2, 0]);
    expect(book.charts("XV Stability Report").map(({ type, seriesBy, title }) => ({ type, seriesBy, title: title.split(" ")[0] }))).toEqual([
      { type: "Line", seriesBy: "Columns", title: "Cumulative" },
      { type: "XYScatterLines", seriesBy: "Columns", title: "Hedge" },
    ]);
    // Where the backtest spills its dates (nothing written there), a date format.
    const anchor = Object.entries(book.formulas("XV Stability Report")).find(([, text]) => text.startsWith("=XV.HEDGEBACKTEST("))?.[0] ?? "";
    const firstDay = `A${Number(anchor.slice(1)) + 1}`;
    const formats = await host.Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("XV Stability Report").getRange(`${firstDay}:A${Number(anchor.slice(1)) + 2}`).load("numberFormat,formulas");
      await context.sync();
      return { numberFormat: range.numberFormat, formulas: range.formulas };
    });
    expect(formats).toEqual({ numberFormat: [["yyyy-mm-dd"], ["yyyy-mm-dd"]], formulas: [[""], [""]] });
  });

  it("refuses a history on a sheet that does not exist, adding nothing", async () => {
    const before = host.__xvegaTestWorkbook.sheetNames();
    await expect(gateway.insertStabilityReport({ ...spec, historyAddress: "History!A1:C6" })).rejects.toThrow(/no sheet named History/);
    expect(host.__xvegaTestWorkbook.sheetNames()).toEqual(before);
  });
});

describe("cell-edit mode", () => {
  const refusal = () => Object.assign(new Error("cell-edit mode"), { code: CELL_EDIT_MODE_CODE });

  it("retries a save refused while the user edits a cell, and it lands once", async () => {
    const realRun = host.Excel.run;
    let refusals = 2;
    host.Excel.run = (batch) => (refusals-- > 0 ? Promise.reject(refusal()) : realRun(batch));
    await expect(gateway.saveConfig(sampleConfig(), { overwriteForeign: false })).resolves.toEqual({ saved: true });
    expect(refusals).toBe(-1);
    expect(host.__xvegaTestWorkbook.sheetNames()).toEqual(["Sheet1", "XV_Config"]);
  });

  it("reads the selection through office-addin-mock after transient refusals, and gives the clear message at the cap", async () => {
    let refusals = 3;
    const excelMock = new OfficeMockObject({
      context: {
        workbook: {
          range: { address: "Positions!A2:A3", values: [["BTC"], ["ETH"]] },
          getSelectedRange: function () {
            return this.range;
          },
        },
      },
      run: async function (batch: (context: unknown) => Promise<unknown>) {
        if (refusals-- > 0) throw refusal();
        return batch(this.context);
      },
    });
    globals.Excel = excelMock;
    await expect(gateway.readSelection()).resolves.toEqual({ address: "Positions!A2:A3", values: [["BTC"], ["ETH"]] });
    refusals = Infinity;
    await expect(gateway.readSelection()).rejects.toThrow(CELL_EDIT_MODE_MESSAGE);
  });
});

describe("requirementProblem", () => {
  function officeMock(supported: boolean): { mock: OfficeMockObject; calls: unknown[][] } {
    const calls: unknown[][] = [];
    const mock = new OfficeMockObject({
      context: {
        requirements: {
          isSetSupported: (name: string, version: string) => {
            calls.push([name, version]);
            return supported;
          },
        },
      },
    });
    return { mock, calls };
  }

  it("is null when Excel has the API set the pane needs", () => {
    const { mock, calls } = officeMock(true);
    globals.Office = mock;
    expect(gateway.requirementProblem()).toBeNull();
    expect(calls).toEqual([["ExcelApi", REQUIRED_EXCEL_API]]);
  });

  it("names what is missing and where the pane works when Excel lacks it", () => {
    globals.Office = officeMock(false).mock;
    expect(gateway.requirementProblem()).toMatch(/Excel JavaScript API 1\.4 \(ExcelApi 1\.4\).*Excel for the web.*Windows or Mac/);
  });

  it("says to open the pane in Excel when there is no Office at all", () => {
    globals.Office = undefined;
    expect(gateway.requirementProblem()).toMatch(/inside Excel/);
  });
});
