/*
 * The pane's XV_Config sheet against the workbook names, and plausibility notes placed on the cell they are about
 * (plausibilityNotes is mocked here: its notes are the hardening issue's, landing separately).
 */
import ExcelJS from "exceljs";
import { markArrayFormulasAsDynamic, putSpill } from "../../scripts/storedForm";
import { CONFIG_MARKER } from "../../src/taskpane/workbook/configSheetLayout";
import { workbookModel, loadWorkbookBytes } from "../../src/check/workbookLoading";
import { checkLoadedWorkbook } from "../../src/check/workbookCheck";
import { vega } from "../../src/functions/vegaFunctions";
import * as plausibility from "../../src/functions/plausibility";

jest.setTimeout(30_000);

const OPTIONS = { relativeTolerance: 1e-9, asOfDate: "2026-11-21", maxAgeDays: 7, minEffectiveness: 0.5 };

function configBook(namesOnConfigSheet: boolean): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  const config = workbook.addWorksheet("XV_Config");
  config.getCell("A1").value = CONFIG_MARKER;
  const meta = [["as_of", "2026-11-20T08:00:00.000Z"], ["source", "manual"], ["method", "typed"], ["lambda", null], ["repaired", false], ["changes", "absolute"]];
  meta.forEach(([label, value], index) => {
    config.getCell(5 + index, 1).value = label as string;
    if (value !== null) config.getCell(5 + index, 2).value = value as string | boolean;
  });
  [["BTC", 2], ["ETH", 2.5]].forEach(([asset, value], index) => {
    config.getCell(13 + index, 1).value = asset as string;
    config.getCell(13 + index, 2).value = value as number;
  });
  [["abs", "BTC", "ETH"], ["BTC", 1, 0.9], ["ETH", 0.9, 1]].forEach((row, r) => row.forEach((value, c) => (config.getCell(13 + r, 4 + c).value = value)));
  const other = workbook.addWorksheet("Mine");
  [["abs", "BTC", "ETH"], ["BTC", 1, 0.5], ["ETH", 0.5, 1]].forEach((row, r) => row.forEach((value, c) => (other.getCell(1 + r, 1 + c).value = value)));
  workbook.definedNames.add(namesOnConfigSheet ? "XV_Config!$D$13:$F$15" : "Mine!$A$1:$C$3", "XV_CORR");
  workbook.definedNames.add("XV_Config!$A$13:$B$14", "XV_VOLVOL");
  workbook.definedNames.add("XV_Config!$A$5:$B$10", "XV_META");
  return workbook;
}

describe("the XV_Config sheet", () => {
  it("is consistent when the names read the blocks the pane saved", () => {
    expect(checkLoadedWorkbook("ok.xlsx", workbookModel(configBook(true)), OPTIONS).findings).toEqual([]);
  });

  it("gives a config finding at XV_Config!A1 when XV_CORR reads another range than the pane saved", () => {
    const findings = checkLoadedWorkbook("moved.xlsx", workbookModel(configBook(false)), OPTIONS).findings;
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ sheet: "XV_Config", cell: "A1", function: "XV_Config", kind: "config" });
    expect(findings[0]?.message).toContain("XV_CORR refers to Mine!A1:C3, not to this sheet");
  });
});

describe("plausibility findings", () => {
  afterEach(() => jest.restoreAllMocks());

  it("places a note about one result cell on that spill cell, and a call-wide note on the anchor", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Legs");
    [[100], [110], [120]].forEach(([strike], index) => (sheet.getCell(index + 1, 1).value = strike as number));
    putSpill(sheet, "B1", "_xldudf_XV_VEGA(100,A1:A3,30,0.6)", vega([[100]], [[100], [110], [120]], [[30]], [[0.6]]));
    const bytes = (await markArrayFormulasAsDynamic(await workbook.xlsx.writeBuffer(), new Date(0))).bytes;
    const notes = jest.spyOn(plausibility, "plausibilityNotes").mockImplementation((name, args) =>
      name === "XV.VEGA" && (args[2] as unknown[][])[0]?.[0] === 30
        ? [
            { argument: "years", cell: 3, message: "years 30 on a crypto leg: days typed as years?", rule: "yearsLong" },
            { argument: null, cell: null, message: "the whole call", rule: "everyLegExpired" },
          ]
        : [],
    );
    const result = checkLoadedWorkbook("notes.xlsx", await loadWorkbookBytes(bytes), OPTIONS);
    expect(notes).toHaveBeenCalledWith("XV.VEGA", [[[100]], [[100], [110], [120]], [[30]], [[0.6]]]);
    expect(result.findings.map((finding) => `${finding.cell} ${finding.kind} ${finding.message}`)).toEqual([
      "B3 plausibility years 30 on a crypto leg: days typed as years?",
      "B1 plausibility the whole call",
    ]);
  });
  it("reports the engine's own notes: a vol of 5 (500%) on one leg is flagged at that leg's spill cell only", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Legs");
    [[0.6], [5], [0.7]].forEach(([vol], index) => (sheet.getCell(index + 1, 1).value = vol as number));
    putSpill(sheet, "B1", "_xldudf_XV_VEGA(100,100,0.5,A1:A3)", vega([[100]], [[100]], [[0.5]], [[0.6], [5], [0.7]]));
    const bytes = (await markArrayFormulasAsDynamic(await workbook.xlsx.writeBuffer(), new Date(0))).bytes;
    const result = checkLoadedWorkbook("vol5.xlsx", await loadWorkbookBytes(bytes), OPTIONS);
    const expected = plausibility.plausibilityNotes("XV.VEGA", [[[100]], [[100]], [[0.5]], [[0.6], [5], [0.7]]]);
    expect(expected.map((note) => [note.rule, note.cell])).toEqual([["volHigh", 2]]);
    expect(result.findings.map((finding) => [finding.cell, finding.kind, finding.message])).toEqual([["B2", "plausibility", expected[0]?.message]]);
  });
});
