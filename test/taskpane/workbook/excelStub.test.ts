/*
 * The fake Excel host (test/browser/excelStub.js) behaves like Excel where the add-in could go wrong: load/sync,
 * batch order, shapes, strings read as typed input unless the cell is Text ("@"), names, null objects.
 */
import { loadFakeExcelHost, type FakeWindow } from "./fakeExcelHost";

let host: FakeWindow;
type Run = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;
let run: Run;

beforeEach(() => {
  host = loadFakeExcelHost();
  run = host.Excel.run as Run;
});

describe("load and sync", () => {
  it("throws PropertyNotLoaded before load + sync, and reads after", async () => {
    host.__xvegaTestWorkbook.setCells("Sheet1", "A1", [[1, "x"]]);
    await run(async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1:B1");
      expect(() => range.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      range.load("values");
      expect(() => range.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      await context.sync();
      expect(range.values).toEqual([[1, "x"]]);
    });
  });

  it("runs the batch in order: a load queued before a write sees the old value", async () => {
    host.__xvegaTestWorkbook.setCells("Sheet1", "A1", [["old"]]);
    await run(async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1");
      range.load("values");
      range.values = [["new"]];
      await context.sync();
      expect(range.values).toEqual([["old"]]);
    });
    expect(host.__xvegaTestWorkbook.cells("Sheet1")).toEqual({ A1: "new" });
  });

  it("rejects a write whose shape is not the range's, at sync, dropping the rest of the batch", async () => {
    const attempt = run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("A1:B2").values = [[1, 2]];
      sheet.getRange("C1").values = [[3]];
      await context.sync();
    });
    await expect(attempt).rejects.toMatchObject({ code: "InvalidArgument" });
    expect(host.__xvegaTestWorkbook.cells("Sheet1")).toEqual({});
  });

  it("reports isNullObject after sync, and fails a batch that uses a missing sheet", async () => {
    await run(async (context) => {
      const missing = context.workbook.worksheets.getItemOrNullObject("Nope");
      const present = context.workbook.worksheets.getItemOrNullObject("sheet1");
      await context.sync();
      expect(missing.isNullObject).toBe(true);
      expect(present.isNullObject).toBe(false);
    });
    await expect(
      run(async (context) => {
        context.workbook.worksheets.getItem("Nope").getRange("A1").load("values");
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "ItemNotFound" });
  });
});

describe("cell input", () => {
  it("reads strings as typed input in a General cell, and keeps them exactly in a Text (@) cell", async () => {
    const inputs = [["=Z", "+ETH", "-X", "@Y", "1e3", "TRUE", "2026-11-21T08:00:00.000Z"]];
    await run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("A1:G1").values = inputs;
      const text = sheet.getRange("A2:G2");
      text.numberFormat = [inputs[0]!.map(() => "@")];
      text.values = inputs;
    });
    const cells = host.__xvegaTestWorkbook.cells("Sheet1");
    expect([cells.A1, cells.B1, cells.C1, cells.D1, cells.E1, cells.F1]).toEqual(["=Z", "=+ETH", "=-X", "=Y", 1000, true]);
    expect(Object.keys(host.__xvegaTestWorkbook.formulas("Sheet1"))).toEqual(["A1", "B1", "C1", "D1"]);
    expect([cells.A2, cells.B2, cells.C2, cells.D2, cells.E2, cells.F2, cells.G2]).toEqual(inputs[0]);
    await run(async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1:B1").load("values");
      await context.sync();
      expect(range.values).toEqual([["#UNEVALUATED!", "#UNEVALUATED!"]]);
    });
  });

  it("leaves a cell unchanged for null and empties it for an empty string", async () => {
    host.__xvegaTestWorkbook.setCells("Sheet1", "A1", [[1, 2]]);
    await run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1:B1").values = [[null, ""]];
    });
    expect(host.__xvegaTestWorkbook.cells("Sheet1")).toEqual({ A1: 1 });
  });
});

describe("names and sheets", () => {
  it("adds workbook names on ranges or constants, finds them case-insensitively, refuses duplicates", async () => {
    await run(async (context) => {
      const sheet = context.workbook.worksheets.add("My Book");
      context.workbook.names.add("XV_CORR", sheet.getRange("B2:C3"), "a comment");
      context.workbook.names.add("XV_META", "=0.5");
      const found = context.workbook.names.getItemOrNullObject("xv_corr").load("name,type,value,comment");
      await context.sync();
      expect([found.name, found.type, found.value, found.comment]).toEqual(["XV_CORR", "Range", "'My Book'!$B$2:$C$3", "a comment"]);
    });
    expect(host.__xvegaTestWorkbook.names()).toEqual({ XV_CORR: "'My Book'!$B$2:$C$3", XV_META: "=0.5" });
    await expect(
      run(async (context) => {
        context.workbook.names.add("xv_corr", "=1");
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "ItemAlreadyExists" });
  });

  it("lists sheets, records charts and gives the selection", async () => {
    host.__xvegaTestWorkbook.setCells("Positions", "A1", [["BTC", 100]]);
    host.__xvegaTestWorkbook.select("Positions", "A1:B1");
    const selected = await run(async (context) => {
      const range = context.workbook.getSelectedRange().load("address,values");
      const sheet = context.workbook.worksheets.getItem("Positions");
      sheet.charts.add("ColumnClustered", sheet.getRange("A1:B1"), "Columns");
      await context.sync();
      return { address: range.address, values: range.values };
    });
    expect(selected).toEqual({ address: "Positions!A1:B1", values: [["BTC", 100]] });
    expect(host.__xvegaTestWorkbook.sheetNames()).toEqual(["Sheet1", "Positions"]);
    expect(host.__xvegaTestWorkbook.chartCount("Positions")).toBe(1);
  });
});

describe("Office and CustomFunctions", () => {
  it("says it is Excel on the web and supports every requirement set", async () => {
    await expect(host.Office.onReady()).resolves.toEqual({ host: "Excel", platform: "OfficeOnline" });
    expect(host.Office.context.requirements.isSetSupported("ExcelApi", "1.4")).toBe(true);
    expect(host.CustomFunctions).toMatchObject({ ErrorCode: { invalidValue: "#VALUE!" } });
  });
});
