/*
 * The Office reads behind "Explain selected cell", against the fake Excel host (test/browser/excelStub.js): the
 * selection's top-left cell and the formula behind it (its own, its spill anchor's through ExcelApi 1.12, or none
 * when 1.12 is missing), and the values of reference and name arguments, each bad one a problem of its own.
 */
import { readFormulaCall } from "../../../src/taskpane/explain/formulaCall";
import { MAX_ARGUMENT_CELLS } from "../../../src/taskpane/workbook/cellFormulaReading";
import { createOfficeGateway } from "../../../src/taskpane/workbook/officeGateway";
import type { ArgumentSource, WorkbookGateway } from "../../../src/taskpane/workbook/workbookGateway";
import { installFakeExcelHost, type FakeWindow } from "./fakeExcelHost";

let host: FakeWindow & { uninstall: () => void };
let gateway: WorkbookGateway;

const FORMULA = "=XV.VEGA(B2:B4,C2:C4,D2:D4,E2:E4)";

beforeEach(() => {
  host = installFakeExcelHost();
  gateway = createOfficeGateway({ retry: { sleep: async () => undefined } });
  const book = host.__xvegaTestWorkbook;
  book.setCells("Sheet1", "B2", [
    [100, 100, 1, 0.2],
    [100, 100, 1, 65],
    [100, 100, 1, 0.3],
  ]);
  book.setFormulaResult("Sheet1", "F2", FORMULA, [[0.397], ["#VALUE!"], [0.59]]);
});

afterEach(() => host.uninstall());

/** The reference and name arguments of `formula`. */
function sourcesOf(formula: string): ArgumentSource[] {
  const reading = readFormulaCall(formula);
  if (reading.kind !== "call") throw new Error(`not a call: ${formula}`);
  return reading.arguments.filter((argument): argument is ArgumentSource => argument.kind === "reference" || argument.kind === "name");
}

function withoutApi(version: string): void {
  host.Office.context.requirements.isSetSupported = (name: string, minimum?: string | number) => !(name === "ExcelApi" && String(minimum) === version);
}

describe("the selected cell", () => {
  test("the anchor of a spill: its own formula, offset 0", async () => {
    host.__xvegaTestWorkbook.select("Sheet1", "F2");
    expect(await gateway.readSelectedCell()).toEqual({
      selectionAddress: "Sheet1!F2",
      multipleCells: false,
      cellAddress: "Sheet1!F2",
      sheetName: "Sheet1",
      shown: 0.397,
      formula: FORMULA,
      formulaAddress: "Sheet1!F2",
      offset: { row: 0, column: 0 },
      spillLookup: "notNeeded",
    });
  });

  test("a cell in the spill: the anchor's formula and the offset; a multi-cell selection reads its top-left cell", async () => {
    host.__xvegaTestWorkbook.select("Sheet1", "F3:G9");
    expect(await gateway.readSelectedCell()).toMatchObject({
      selectionAddress: "Sheet1!F3:G9",
      multipleCells: true,
      cellAddress: "Sheet1!F3",
      shown: "#VALUE!",
      formula: FORMULA,
      formulaAddress: "Sheet1!F2",
      offset: { row: 1, column: 0 },
      spillLookup: "found",
    });
  });

  test("a constant outside any spill has no formula", async () => {
    host.__xvegaTestWorkbook.select("Sheet1", "E3");
    expect(await gateway.readSelectedCell()).toMatchObject({ cellAddress: "Sheet1!E3", shown: 65, formula: null, spillLookup: "notInSpill" });
  });

  test("without ExcelApi 1.12 a spilled cell is not traced (and no 1.12 call is made)", async () => {
    withoutApi("1.12");
    host.__xvegaTestWorkbook.select("Sheet1", "F4");
    expect(await gateway.readSelectedCell()).toMatchObject({ cellAddress: "Sheet1!F4", shown: 0.59, formula: null, spillLookup: "unsupported" });
  });
});

describe("argument values", () => {
  test("references on the formula's sheet and on a quoted sheet; names of ranges and constants; a sheet's own name first", async () => {
    const book = host.__xvegaTestWorkbook;
    book.setCells("My Sheet", "A1", [["BTC", 2], ["ETH", 3]]);
    await host.Excel.run(async (context) => {
      context.workbook.names.add("XV_VOLVOL", context.workbook.worksheets.getItem("My Sheet").getRange("A1:B2"));
      context.workbook.names.add("LAMBDA_DAILY", "=0.94");
      context.workbook.names.add("LOCAL", "=1");
      await context.sync();
    });
    book.addSheetName("Sheet1", "LOCAL", "=2");
    const reads = await gateway.readArgumentValues("Sheet1", sourcesOf("=XV.VOLCORR(E2:E4,'My Sheet'!$B$1:$B$2,XV_VOLVOL,LAMBDA_DAILY,LOCAL)"));
    expect(reads).toEqual([
      { ok: true, address: "Sheet1!E2:E4", values: [[0.2], [65], [0.3]] },
      { ok: true, address: "'My Sheet'!B1:B2", values: [[2], [3]] },
      { ok: true, address: "'My Sheet'!A1:B2", values: [["BTC", 2], ["ETH", 3]] },
      { ok: true, address: null, values: [[0.94]] },
      { ok: true, address: null, values: [[2]] },
    ]);
  });

  test("a spill reference (F2#) reads the whole spill; without ExcelApi 1.12 it is a problem", async () => {
    expect(await gateway.readArgumentValues("Sheet1", sourcesOf("=XV.TWVEGA(F2#,D2:D4)"))).toEqual([
      { ok: true, address: "Sheet1!F2:F4", values: [[0.397], ["#VALUE!"], [0.59]] },
      { ok: true, address: "Sheet1!D2:D4", values: [[1], [1], [1]] },
    ]);
    withoutApi("1.12");
    const [spill] = await gateway.readArgumentValues("Sheet1", sourcesOf("=XV.TWVEGA(F2#,D2:D4)"));
    expect(spill).toEqual({ ok: false, problem: expect.stringMatching(/F2# is a spill reference.*1\.12/) });
  });

  test("each bad source is a problem of its own, and the good ones are still read", async () => {
    const reads = await gateway.readArgumentValues("Sheet1", sourcesOf("=XV.VEGA(Nowhere!A1,NO_SUCH_NAME,A:A,A1:Z5000,B2#,B2)"));
    expect(reads).toEqual([
      { ok: false, problem: "the workbook has no sheet named Nowhere" },
      { ok: false, problem: "the workbook has no name NO_SUCH_NAME (Excel shows #NAME?)" },
      { ok: false, problem: expect.stringMatching(/A:A is a whole column or row/) },
      { ok: false, problem: `A1:Z5000 (Sheet1!A1:Z5000) has 130,000 cells: the pane reads at most ${MAX_ARGUMENT_CELLS.toLocaleString("en-US")}` },
      { ok: false, problem: "B2# does not spill (its cell holds no dynamic-array formula)" },
      { ok: true, address: "Sheet1!B2", values: [[100]] },
    ]);
  });

  test("a name holding a calculation is not re-evaluated", async () => {
    await host.Excel.run(async (context) => {
      context.workbook.names.add("SHIFTED", "=Sheet1!$B$2*2+1");
      await context.sync();
    });
    const [read] = await gateway.readArgumentValues("Sheet1", sourcesOf("=XV.NEARCORR(SHIFTED)"));
    expect(read).toEqual({ ok: false, problem: expect.stringMatching(/SHIFTED holds a calculation/) });
  });
});
