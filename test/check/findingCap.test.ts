/*
 * Findings per formula are capped: one per differing spill cell up to 100, then one finding per kind that says how
 * many more there are. And Excel's array arithmetic inside arguments, which the formula library lacks.
 */
import ExcelJS from "exceljs";
import FormulaParser from "fast-formula-parser";
import { markArrayFormulasAsDynamic, putSpill } from "../../scripts/storedForm";
import { enableArrayOperators } from "../../src/check/arrayOperators";
import { loadWorkbookBytes } from "../../src/check/workbookLoading";
import { checkLoadedWorkbook } from "../../src/check/workbookCheck";
import { vega } from "../../src/functions/vegaFunctions";

jest.setTimeout(30_000);

const OPTIONS = { relativeTolerance: 1e-9, asOfDate: "2026-11-21", maxAgeDays: 7, minEffectiveness: 0.5 };

async function bookWithSpill(rows: number, corrupt: (value: number) => number): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Legs");
  const strikes = Array.from({ length: rows }, (_, index) => [80 + index * 0.25]);
  strikes.forEach(([strike], index) => (sheet.getCell(index + 1, 1).value = strike as number));
  const vegas = vega([[100]], strikes, [[0.5]], [[0.6]]) as number[][];
  putSpill(sheet, "B1", `_xldudf_XV_VEGA(100,A1:A${rows},0.5,0.6)`, vegas.map(([value]) => [corrupt(value as number)]));
  return (await markArrayFormulasAsDynamic(await workbook.xlsx.writeBuffer(), new Date(0))).bytes;
}

describe("findings per formula", () => {
  it("lists 100 differing spill cells, then one finding with the count of the rest", async () => {
    const result = checkLoadedWorkbook("big.xlsx", await loadWorkbookBytes(await bookWithSpill(250, (value) => value * 1.5)), OPTIONS);
    expect(result.formulas).toBe(1);
    expect(result.findings).toHaveLength(101);
    expect(result.findings.slice(0, 100).map((finding) => finding.cell)).toEqual(Array.from({ length: 100 }, (_, index) => `B${index + 1}`));
    expect(result.findings[100]).toMatchObject({ cell: "B1", kind: "mismatch", message: expect.stringMatching(/^150 more mismatch findings in this formula's spill/) });
  });

  it("accepts differences within the relative tolerance of 1e-9, and flags one just beyond it", async () => {
    const within = checkLoadedWorkbook("a.xlsx", await loadWorkbookBytes(await bookWithSpill(5, (value) => value * (1 + 5e-10))), OPTIONS);
    expect(within.findings).toEqual([]);
    const beyond = checkLoadedWorkbook("b.xlsx", await loadWorkbookBytes(await bookWithSpill(5, (value) => value * (1 + 5e-9))), OPTIONS);
    expect(beyond.findings.map((finding) => finding.cell)).toEqual(["B1", "B2", "B3", "B4", "B5"]);
  });
});

describe("array arithmetic in formulas", () => {
  const cells: Record<string, number> = { A1: 10, A2: 20, A3: 30, B1: 4 };
  const parser = new FormulaParser({
    onCell: ({ row, col }) => cells[`${String.fromCharCode(64 + col)}${row}`] ?? null,
    onRange: ({ from, to }) => {
      const grid: unknown[][] = [];
      for (let row = from.row; row <= to.row; row++) {
        const line: unknown[] = [];
        for (let col = from.col; col <= to.col; col++) line.push(cells[`${String.fromCharCode(64 + col)}${row}`] ?? null);
        grid.push(line);
      }
      return grid;
    },
  });
  enableArrayOperators(parser);
  const at = { sheet: "S", row: 9, col: 9 };

  it("computes (A1:A3-B1)/2 cell by cell, as dynamic-array Excel does", () => {
    expect(parser.parse("(A1:A3-B1)/2", at, true)).toEqual([[3], [8], [13]]);
  });

  it("broadcasts a row against a column and gives #N/A beyond the smaller array", () => {
    expect(parser.parse("{1,2}*{10;20}", at, true)).toEqual([
      [10, 20],
      [20, 40],
    ]);
    const result = parser.parse("{1,2,3}+{1,2}", at, true) as unknown[][];
    expect(result[0]?.slice(0, 2)).toEqual([2, 4]);
    expect(String(result[0]?.[2])).toBe("#N/A");
  });

  it("leaves scalar arithmetic as it was", () => {
    expect(parser.parse("-B1%+A1", at)).toBeCloseTo(9.96, 12);
  });
});

describe("an error in an input", () => {
  it("is the formula's result, as in Excel, and its message names the argument that holds it", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Legs");
    sheet.getCell("A1").value = { formula: "1/0", result: { error: "#DIV/0!" } };
    sheet.getCell("B1").value = { formula: "_xldudf_XV_VEGA(100,100,A1,0.6)", result: { error: "#DIV/0!" } };
    const bytes = (await markArrayFormulasAsDynamic(await workbook.xlsx.writeBuffer(), new Date(0))).bytes;
    const [finding] = checkLoadedWorkbook("inputs.xlsx", await loadWorkbookBytes(bytes), OPTIONS).findings;
    expect(finding).toMatchObject({ cell: "B1", kind: "error", cached: "#DIV/0!", recomputed: "#DIV/0!" });
    expect(finding?.message).toBe("#DIV/0!: years holds #DIV/0! from a cell it reads: fix that cell first");
  });
});
