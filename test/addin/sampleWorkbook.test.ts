/*
 * assets/xvega-sample.xlsx (written by scripts/make-sample-workbook.js): the positions sheet, formulas stored the way
 * Excel stores custom functions, spills marked as dynamic arrays, and the deliberately bad row.
 */
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
// jszip is exceljs's own dependency (the xlsx container); used here to read the parts exceljs does not expose.
import JSZip from "jszip";

const WORKBOOK = path.resolve(__dirname, "..", "..", "assets", "xvega-sample.xlsx");

function formulaOf(cell: ExcelJS.Cell): string | null {
  const value = cell.value as { formula?: string } | null;
  return typeof value === "object" && value !== null && typeof value.formula === "string" ? value.formula : null;
}

describe("the sample workbook", () => {
  const workbook = new ExcelJS.Workbook();
  let positions: ExcelJS.Worksheet;
  beforeAll(async () => {
    await workbook.xlsx.load(fs.readFileSync(WORKBOOK) as unknown as ExcelJS.Buffer);
    const sheet = workbook.getWorksheet("Positions");
    if (!sheet) throw new Error("no Positions sheet");
    positions = sheet;
  });

  test("has a Read me with five instructions and a Positions sheet", () => {
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(["Read me", "Positions"]);
    const readme = workbook.getWorksheet("Read me");
    const lines = [3, 4, 5, 6, 7].map((row) => String(readme?.getCell(`A${row}`).value ?? ""));
    lines.forEach((line, index) => expect(line.startsWith(`${index + 1}. `)).toBe(true));
  });

  test("holds 12 BTC/ETH/SOL legs under a fixed 08:00 UTC valuation", () => {
    expect(positions.getCell("B2").value).toEqual(new Date(Date.UTC(2026, 10, 20, 8)));
    const assets = [];
    for (let row = 6; row <= 17; row += 1) {
      assets.push(positions.getCell(`A${row}`).value);
      const expiry = positions.getCell(`B${row}`).value as Date;
      expect([expiry.getUTCDay(), expiry.getUTCHours()]).toEqual([5, 8]);
      expect(["bsm", "black76", "inverse"]).toContain(positions.getCell(`C${row}`).value);
    }
    expect(new Set(assets)).toEqual(new Set(["BTC", "ETH", "SOL"]));
    expect(positions.getCell("A18").value).toBeNull();
  });

  test("stores XV.YEARS and XV.VEGA as Excel stores custom functions, each one spilling formula", () => {
    expect(formulaOf(positions.getCell("F6"))).toBe("_xldudf_XV_YEARS(B6:B17,$B$2)");
    expect(formulaOf(positions.getCell("L6"))).toBe("_xldudf_XV_VEGA(D6:D17,E6:E17,F6:F17,G6:G17,H6:H17,I6:I17,C6:C17)");
    for (const column of ["F", "L"]) expect(formulaOf(positions.getCell(`${column}7`))).toBeNull();
    expect(formulaOf(positions.getCell("M9"))).toBe("J9*K9*L9");
  });

  test("marks the two spills as dynamic arrays (cell metadata XLDAPR), not legacy array formulas", async () => {
    const zip = await JSZip.loadAsync(fs.readFileSync(WORKBOOK));
    const sheet = (await zip.file("xl/worksheets/sheet2.xml")?.async("string")) ?? "";
    expect(sheet).toMatch(/<c r="F6"[^>]* cm="1"><f t="array" ref="F6:F17">/);
    expect(sheet).toMatch(/<c r="L6"[^>]* cm="1"><f t="array" ref="L6:L17">/);
    expect(await zip.file("xl/metadata.xml")?.async("string")).toContain('<metadataType name="XLDAPR"');
    expect(await zip.file("[Content_Types].xml")?.async("string")).toContain('PartName="/xl/metadata.xml"');
  });

  test("has exactly one deliberately bad vol (typed in percent)", () => {
    const vols = [];
    for (let row = 6; row <= 17; row += 1) vols.push(Number(positions.getCell(`G${row}`).value));
    expect(vols.filter((vol) => vol > 10)).toEqual([65]);
    for (const vol of vols.filter((v) => v <= 10)) expect(vol >= 0.45 && vol <= 0.9).toBe(true);
  });
});
