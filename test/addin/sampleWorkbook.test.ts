/*
 * assets/xvega-sample.xlsx (written by scripts/make-sample-workbook.js): the positions sheet, formulas stored the way
 * Excel stores custom functions, spills marked as dynamic arrays, cached values computed by the engine, the correlation inputs
 * behind the workbook names XV_CORR and XV_VOLVOL, the hedge sheet, the marks sheet (coin marks to vols and Greeks), and
 * the vol history with the stability block (backtest and stress of the hedge).
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
// jszip is exceljs's own dependency (the xlsx container); used here to read the parts exceljs does not expose.
import JSZip from "jszip";
import { validateCorrelationMatrix } from "../../src/core/correlation";
import { backteststats, hedgebacktest, hedgestress } from "../../src/functions/backtestFunctions";
import { greeks } from "../../src/functions/greeksFunctions";
import { impliedvol } from "../../src/functions/impliedVolFunctions";
import { hedgestats, xvegahedge } from "../../src/functions/hedgeFunctions";
import { vega, years } from "../../src/functions/vegaFunctions";
import { expectClose } from "../core/tolerance";

const ROOT = path.resolve(__dirname, "..", "..");
const WORKBOOK = path.join(ROOT, "assets", "xvega-sample.xlsx");
const SCRIPT = path.join(ROOT, "scripts", "make-sample-workbook.js");
const HEDGE_ARGUMENTS = "A7:A9,B7:B9,A14:A15,XV_CORR,XV_VOLVOL,G14:G15,H14:H15";

/** An Excel date serial (days since 1899-12-30) of a UTC date-time, as Excel holds the book's date cells. */
const excelSerial = (date: Date): number => date.getTime() / 86_400_000 + 25_569;

function formulaOf(cell: ExcelJS.Cell): string | null {
  const value = cell.value as { formula?: string } | null;
  return typeof value === "object" && value !== null && typeof value.formula === "string" ? value.formula : null;
}

/** The cells of a range such as "A4:D7" (no sheet), row by row. */
function cellsOf(sheet: ExcelJS.Worksheet, address: string): ExcelJS.CellValue[][] {
  const match = /^\$?([A-Z])\$?(\d+):\$?([A-Z])\$?(\d+)$/.exec(address);
  if (!match) throw new Error(`not a range: ${address}`);
  const [, firstColumn = "", firstRow = "", lastColumn = "", lastRow = ""] = match;
  const rows: ExcelJS.CellValue[][] = [];
  for (let row = Number(firstRow); row <= Number(lastRow); row++) {
    const values: ExcelJS.CellValue[] = [];
    for (let column = firstColumn.charCodeAt(0); column <= lastColumn.charCodeAt(0); column++) {
      values.push(sheet.getCell(`${String.fromCharCode(column)}${row}`).value);
    }
    rows.push(values);
  }
  return rows;
}

describe("the sample workbook", () => {
  const workbook = new ExcelJS.Workbook();
  let positions: ExcelJS.Worksheet;
  let correlations: ExcelJS.Worksheet;
  let hedge: ExcelJS.Worksheet;
  let marks: ExcelJS.Worksheet;
  let zip: JSZip;
  const sheetXml = async (index: number): Promise<string> => (await zip.file(`xl/worksheets/sheet${index}.xml`)?.async("string")) ?? "";

  beforeAll(async () => {
    const bytes = fs.readFileSync(WORKBOOK);
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    zip = await JSZip.loadAsync(bytes);
    const sheet = (name: string): ExcelJS.Worksheet => {
      const found = workbook.getWorksheet(name);
      if (!found) throw new Error(`no ${name} sheet`);
      return found;
    };
    positions = sheet("Positions");
    correlations = sheet("Correlations");
    hedge = sheet("Hedge");
    marks = sheet("Marks");
  });

  test("has a Read me with nine instructions, then Positions, Correlations, Hedge, Marks, VolHistory and Stability", () => {
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(["Read me", "Positions", "Correlations", "Hedge", "Marks", "VolHistory", "Stability"]);
    const readme = workbook.getWorksheet("Read me");
    const lines = [3, 4, 5, 6, 7, 8, 9, 10, 11].map((row) => String(readme?.getCell(`A${row}`).value ?? ""));
    lines.forEach((line, index) => expect(line.startsWith(`${index + 1}. `)).toBe(true));
    expect(lines[5]).toMatch(/^6\. Correlations .*XV_CORR \(A4:D7.*XV_VOLVOL \(F5:G7.*XV\.NEARCORR\(XV_CORR\)/);
    expect(lines[6]).toMatch(/^7\. Hedge .*XV\.XVEGAHEDGE in A20.*XV\.HEDGESTATS in A26/);
    expect(lines[7]).toMatch(/^8\. Marks .*XV\.IMPLIEDVOL in I5.*XV\.VEGA \(J5\).*XV\.GREEKS in A12/);
    expect(lines[8]).toMatch(/^9\. VolHistory .*XV\.HEDGEBACKTEST in A24.*XV\.BACKTESTSTATS in A6.*XV\.HEDGESTRESS in D6/);
    expect(readme?.getCell("A12").value).toBeNull();
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

  test("converts each leg's position vega to USD, inverse legs at their forward", () => {
    expect(positions.getCell("O5").value).toBe("USD vega");
    for (let row = 6; row <= 17; row += 1) expect(formulaOf(positions.getCell(`O${row}`))).toBe(`IF(C${row}="inverse",M${row}*D${row},M${row})`);
  });

  test("marks the two spills as dynamic arrays (cell metadata XLDAPR), not legacy array formulas", async () => {
    const sheet = await sheetXml(2);
    expect(sheet).toMatch(/<c r="F6"[^>]* cm="1"><f t="array" ref="F6:F17">/);
    expect(sheet).toMatch(/<c r="L6"[^>]* cm="1"><f t="array" ref="L6:L17">/);
    expect(await zip.file("xl/metadata.xml")?.async("string")).toContain('<metadataType name="XLDAPR"');
    expect(await zip.file("[Content_Types].xml")?.async("string")).toContain('PartName="/xl/metadata.xml"');
  });

  test("has only decimal vols; the Read me shows how to type a bad one (65) to see a per-cell error", () => {
    const vols = [];
    for (let row = 6; row <= 17; row += 1) vols.push(Number(positions.getCell(`G${row}`).value));
    for (const vol of vols) expect(vol >= 0.45 && vol <= 0.9).toBe(true);
    expect(String(workbook.getWorksheet("Read me")?.getCell("A7").value)).toMatch(/^5\. Type 65 \(instead of 65%\) as row 17's vol/);
  });

  test("opens with numbers: every formula carries a cached value computed by the add-in's functions", () => {
    const anchor = (sheet: ExcelJS.Worksheet, cell: string): unknown => (sheet.getCell(cell) as unknown as { result?: unknown }).result;
    expectClose(anchor(positions, "F6"), 7 / 365, { absolute: 1e-15 }, "F6 years");
    expect(typeof anchor(positions, "L6")).toBe("number");
    expect(typeof positions.getCell("L17").value).toBe("number");
    expect(anchor(hedge, "A20")).toBe("BTC");
    expect(typeof hedge.getCell("B21").value).toBe("number");
    expect(hedge.getCell("A26").value).toMatchObject({ result: "unhedged sd per day" });
  });

  test("passes xvega check clean (exit 0, no finding)", () => {
    const result = spawnSync(process.execPath, [path.join(ROOT, "bin", "xvega.js"), "check", WORKBOOK, "--as-of", "2026-11-21"], { cwd: ROOT, encoding: "utf8" });
    expect(result.stdout).toBe("file,sheet,cell,function,kind,message,cached,recomputed\n");
    expect(result.stderr).toBe("xvega check: 1 workbook, 12 XV formulas, 12 recomputed, 0 findings\n");
    expect(result.status).toBe(0);
  });

  describe("the correlation inputs", () => {
    test("defines the workbook-scoped names XV_CORR and XV_VOLVOL on the Correlations sheet", async () => {
      expect(workbook.definedNames.getRanges("XV_CORR").ranges).toEqual(["Correlations!$A$4:$D$7"]);
      expect(workbook.definedNames.getRanges("XV_VOLVOL").ranges).toEqual(["Correlations!$F$5:$G$7"]);
      // In the file as Excel reads it: no localSheetId, so the names belong to the workbook, not to one sheet.
      const xml = (await zip.file("xl/workbook.xml")?.async("string")) ?? "";
      expect(xml).toContain('<definedName name="XV_CORR">Correlations!$A$4:$D$7</definedName>');
      expect(xml).toContain('<definedName name="XV_VOLVOL">Correlations!$F$5:$G$7</definedName>');
      expect(xml).not.toContain("localSheetId");
    });

    test("XV_CORR is a labelled, symmetric, unit-diagonal, positive definite matrix covering the book and the proxies", () => {
      const [header = [], ...rows] = cellsOf(correlations, "A4:D7");
      const columnLabels = header.slice(1).map(String);
      const rowLabels = rows.map((row) => String(row[0]));
      expect(columnLabels).toEqual(["BTC", "ETH", "SOL"]);
      expect(rowLabels).toEqual(columnLabels);
      expect(typeof header[0]).toBe("string");
      const values = rows.map((row) => row.slice(1).map((value) => value as number));
      for (const row of values) for (const value of row) expect(typeof value).toBe("number");
      const validation = validateCorrelationMatrix(values, columnLabels);
      expect(validation.problems).toEqual([]);
      expect(validation.valid).toBe(true);
      // Positive definite, not merely semidefinite: the hedge's proxy block must be invertible with room to spare.
      expect(validation.smallestEigenvalue).toBeGreaterThan(0.01);
      expect(values[0]?.[1]).toBe(0.9);
      // Every asset of the book and every proxy has a row (the hedge would give #N/A otherwise).
      const bookAssets = new Set<unknown>();
      for (let row = 6; row <= 17; row += 1) bookAssets.add(positions.getCell(`A${row}`).value);
      for (const asset of [...bookAssets, "BTC", "ETH"]) expect(columnLabels).toContain(asset);
    });

    test("XV_VOLVOL lists a positive vol of vol, in vol points a day, for every asset of XV_CORR", () => {
      const pairs = cellsOf(correlations, "F5:G7");
      expect(pairs.map(([name]) => name)).toEqual(["BTC", "ETH", "SOL"]);
      expect(pairs.map(([, value]) => value)).toEqual([2, 2.5, 3]);
    });

    test("says how to repair an invalid matrix with XV.NEARCORR", () => {
      const notes = [];
      for (let row = 1; row <= 20; row += 1) notes.push(String(correlations.getCell(`A${row}`).value ?? ""));
      expect(notes.some((note) => note.includes("=XV.NEARCORR(XV_CORR)") && note.includes("Paste Special › Values over A4:D7"))).toBe(true);
    });
  });

  describe("the hedge sheet", () => {
    test("nets the book's USD vega by asset with SUMIF over Positions, SOL among the targets", () => {
      expect(cellsOf(hedge, "A7:A9").map(([asset]) => asset)).toEqual(["BTC", "ETH", "SOL"]);
      for (const row of [7, 8, 9]) expect(formulaOf(hedge.getCell(`B${row}`))).toBe(`SUMIF(Positions!$A$6:$A$17,A${row},Positions!$O$6:$O$17)`);
    });

    test("hedges with BTC and ETH, each with the vega of one ATM 30-day contract and a lot size", () => {
      expect(cellsOf(hedge, "A14:A15").map(([proxy]) => proxy)).toEqual(["BTC", "ETH"]);
      expect(formulaOf(hedge.getCell("G14"))).toBe('F14:F15*_xldudf_XV_VEGA(B14:B15,C14:C15,D14:D15,E14:E15,0,,"black76")');
      expect(formulaOf(hedge.getCell("D14"))).toBe("30/365");
      expect(cellsOf(hedge, "H14:H15")).toEqual([[0.1], [1]]);
    });

    test("stores XV.XVEGAHEDGE and XV.HEDGESTATS as custom functions reading XV_CORR and XV_VOLVOL", () => {
      expect(formulaOf(hedge.getCell("A20"))).toBe(`_xldudf_XV_XVEGAHEDGE(${HEDGE_ARGUMENTS})`);
      expect(formulaOf(hedge.getCell("A26"))).toBe(`_xldudf_XV_HEDGESTATS(${HEDGE_ARGUMENTS})`);
      // Inside the spill ranges only cached values, as Excel saves a spill (a formula there would be #SPILL!); below, nothing.
      for (const cell of ["B20", "C20", "D20", "A21", "B21", "C21", "D21", "B26", "A27", "B32"]) {
        expect(formulaOf(hedge.getCell(cell))).toBeNull();
        expect(hedge.getCell(cell).value).not.toBeNull();
      }
      for (const cell of ["A33", "A40"]) expect(hedge.getCell(cell).value).toBeNull();
    });

    test("computes, with the add-in's own functions, a BTC/ETH hedge of the whole book", () => {
      // What Excel does with the book: XV.YEARS and XV.VEGA over Positions (row 17's vol as a decimal, as the tutorial
      // tells), column O in USD, SUMIF by asset, the contract vegas, then the two hedge formulas on the sheet's ranges.
      const legs = cellsOf(positions, "A6:K17");
      const column = (index: number): unknown[][] => legs.map((cells) => [cells[index]]);
      const valuation = [[excelSerial(positions.getCell("B2").value as Date)]];
      const yearsToExpiry = years(legs.map((cells) => [excelSerial(cells[1] as Date)]), valuation);
      const vols = legs.map((cells) => [(cells[6] as number) > 10 ? (cells[6] as number) / 100 : cells[6]]);
      const vegas = vega(column(3), column(4), yearsToExpiry, vols, column(7), column(8), column(2));
      const netVega = new Map<string, number>();
      legs.forEach((cells, index) => {
        const [asset, , model, underlying, , , , , , qty, multiplier] = cells as [string, Date, string, number, number, number, number, number, number, number, number];
        const positionVega = qty * multiplier * (vegas[index]?.[0] as number);
        const usd = model === "inverse" ? positionVega * underlying : positionVega;
        netVega.set(asset, (netVega.get(asset) ?? 0) + usd);
      });
      const targets = cellsOf(hedge, "A7:A9");
      const targetVegas = targets.map(([asset]) => [netVega.get(asset as string) as number]);
      for (const [value] of targetVegas) expect(Number.isFinite(value)).toBe(true);
      const proxyCells = cellsOf(hedge, "A14:H15");
      const proxyColumn = (index: number): unknown[][] => proxyCells.map((cells) => [cells[index]]);
      const contractVegas = vega(proxyColumn(1), proxyColumn(2), proxyColumn(3).map(() => [30 / 365]), proxyColumn(4), [[0]], null as never, [["black76"]]).map(
        ([perCoin], index) => [(perCoin as number) * (proxyCells[index]?.[5] as number)],
      );
      const args = [targets, targetVegas, proxyColumn(0), cellsOf(correlations, "A4:D7"), cellsOf(correlations, "F5:G7"), contractVegas, proxyColumn(7)] as const;

      const result = xvegahedge(...args);
      expect(result.map(([proxy]) => proxy)).toEqual(["BTC", "ETH"]);
      const sol = netVega.get("SOL") as number;
      expect(sol).toBeGreaterThan(1000); // the altcoin is a real part of the book's vega, not a rounding error
      // Each proxy's hedge cancels the book's own vega on it and adds SOL's share: DOMAIN.md's BTC + ETH example,
      // (−2,763.16, −8,210.53) per +10,000 of ALT (= SOL) vega.
      const solShare = [-2763.1579, -8210.5263].map((perTenThousand) => (perTenThousand * sol) / 10_000);
      result.forEach(([proxy, hedgeVega, contracts, rounded], index) => {
        expectClose((hedgeVega as number) + (netVega.get(proxy as string) as number), solShare[index] as number, { absolute: 0.01 }, `${proxy} share of SOL`);
        expectClose(contracts, (hedgeVega as number) / (contractVegas[index]?.[0] as number), { relative: 1e-12 }, `${proxy} contracts`);
        const lot = proxyCells[index]?.[7] as number;
        expect(Math.abs((rounded as number) / lot - Math.round((rounded as number) / lot))).toBeLessThan(1e-9);
      });

      const stats = hedgestats(...args);
      expect(stats).toHaveLength(7); // no warning rows: BTC and ETH are correlated 0.9, not collinear
      const effectiveness = stats[2]?.[1] as number;
      expect(effectiveness).toBeGreaterThan(0.9);
      expect(effectiveness).toBeLessThan(1); // SOL's own vol moves stay unhedged
    });

    test("marks its three spills as dynamic arrays", async () => {
      const sheet = await sheetXml(4);
      expect(sheet).toMatch(/<c r="G14"[^>]* cm="1"><f t="array" ref="G14:G15">/);
      expect(sheet).toMatch(/<c r="A20"[^>]* cm="1"><f t="array" ref="A20:D21">_xldudf_XV_XVEGAHEDGE\(/);
      expect(sheet).toMatch(/<c r="A26"[^>]* cm="1"><f t="array" ref="A26:B32">_xldudf_XV_HEDGESTATS\(/);
      expect(sheet.match(/cm="1"/g)).toHaveLength(3);
    });
  });

  describe("the vol history and the stability block", () => {
    const resultOf = (sheet: ExcelJS.Worksheet, cell: string): unknown => {
      const value = sheet.getCell(cell).value as { result?: unknown } | null;
      return typeof value === "object" && value !== null && "result" in value ? value.result : value;
    };
    /** A block as the add-in receives it: dates as serials, cached results in place of the anchors' formulas. */
    const block = (sheet: ExcelJS.Worksheet, address: string): unknown[][] =>
      cellsOf(sheet, address).map((cells) => cells.map((cell) => (cell instanceof Date ? excelSerial(cell) : typeof cell === "object" && cell !== null && "result" in cell ? (cell as { result: unknown }).result : cell)));

    test("holds 181 dated days of BTC, ETH and SOL vol levels, oldest first, ending on the valuation date", () => {
      const history = workbook.getWorksheet("VolHistory") as ExcelJS.Worksheet;
      const rows = block(history, "A1:D182");
      expect(rows[0]).toEqual(["date", "BTC", "ETH", "SOL"]);
      const dates = rows.slice(1).map((cells) => cells[0] as number);
      dates.forEach((date, index) => index > 0 && expect(date - (dates[index - 1] as number)).toBe(1));
      expect(dates[dates.length - 1]).toBe(Math.floor(excelSerial(positions.getCell("B2").value as Date)));
      for (const cells of rows.slice(1)) for (const level of cells.slice(1)) expect(level as number).toBeGreaterThan(10);
      expect(history.getCell("A183").value).toBeNull();
    });

    test("stores the backtest, its statistics and the stress as custom functions over the Hedge sheet's book", async () => {
      const stability = workbook.getWorksheet("Stability") as ExcelJS.Worksheet;
      const book = "Hedge!$A$7:$A$9,Hedge!$B$7:$B$9,Hedge!$A$14:$A$15";
      expect(formulaOf(stability.getCell("A24"))).toBe(`_xldudf_XV_HEDGEBACKTEST(VolHistory!$A$1:$D$182,${book},60)`);
      expect(formulaOf(stability.getCell("A6"))).toBe(`_xldudf_XV_BACKTESTSTATS(VolHistory!$A$1:$D$182,${book},60)`);
      expect(formulaOf(stability.getCell("D6"))).toBe(`_xldudf_XV_HEDGESTRESS(${book},XV_CORR,XV_VOLVOL)`);
      const sheet = await sheetXml(7);
      expect(sheet).toMatch(/<c r="A24"[^>]* cm="1"><f t="array" ref="A24:F144">/);
      expect(sheet).toMatch(/<c r="D6"[^>]* cm="1"><f t="array" ref="D6:H12">/);
    });

    test("caches what the functions give on the sheets' own cells; the stress at shift 0 is the Hedge sheet's effectiveness", () => {
      const stability = workbook.getWorksheet("Stability") as ExcelJS.Worksheet;
      const history = block(workbook.getWorksheet("VolHistory") as ExcelJS.Worksheet, "A1:D182");
      const assets = block(hedge, "A7:A9");
      const vegas = block(hedge, "B7:B9");
      const proxies = block(hedge, "A14:A15");
      const backtest = hedgebacktest(history as never, assets as never, vegas as never, proxies as never, [[60]] as never);
      expect(backtest).toHaveLength(121);
      expect(block(stability, "A24:F144")).toEqual(backtest);
      const stats = backteststats(history as never, assets as never, vegas as never, proxies as never, [[60]] as never);
      expect(block(stability, `A6:B${5 + stats.length}`)).toEqual(stats);
      const matrix = block(correlations, "A4:D7");
      const volvols = block(correlations, "F5:G7");
      const stress = hedgestress(assets as never, vegas as never, proxies as never, matrix as never, volvols as never);
      expect(block(stability, "D6:H12")).toEqual(stress);
      const zero = stress.find((cells) => cells[0] === 0) as unknown[];
      expectClose(zero[1], resultOf(hedge, "B28") as number, { absolute: 1e-12 }, "held effectiveness at shift 0 vs XV.HEDGESTATS");
    });
  });

  describe("the marks sheet", () => {
    test("turns coin marks into vols that feed XV.VEGA, and spills a Greeks block, all as stored custom functions", async () => {
      expect(formulaOf(marks.getCell("H5"))).toBe("_xldudf_XV_YEARS(B5:B8,Positions!$B$2)");
      expect(formulaOf(marks.getCell("I5"))).toBe("_xldudf_XV_IMPLIEDVOL(G5:G8,E5:E8,F5:F8,H5:H8,,,D5:D8,C5:C8)");
      expect(formulaOf(marks.getCell("J5"))).toBe("_xldudf_XV_VEGA(E5:E8,F5:F8,H5:H8,I5:I8,,,D5:D8)");
      expect(formulaOf(marks.getCell("A12"))).toBe("_xldudf_XV_GREEKS(E5:E8,F5:F8,H5:H8,I5:I8,,,D5:D8,C5:C8)");
      // Spill cells hold only the engine's cached values (no formula); below the Greeks block nothing.
      for (const cell of ["I6", "J8", "B12", "H15"]) {
        expect(formulaOf(marks.getCell(cell))).toBeNull();
        expect(Number.isFinite(marks.getCell(cell).value)).toBe(true);
      }
      expect(marks.getCell("A16").value).toBeNull();
      const sheet = await sheetXml(5);
      expect(sheet).toMatch(/<c r="I5"[^>]* cm="1"><f t="array" ref="I5:I8">/);
      expect(sheet).toMatch(/<c r="A12"[^>]* cm="1"><f t="array" ref="A12:H15">/);
    });

    test("computes, with the add-in's own functions: every mark has a vol between 30% and 100%, and re-prices to its mark", () => {
      const rows = cellsOf(marks, "A5:G8");
      const column = (index: number): unknown[][] => rows.map((cells) => [cells[index]]);
      const valuation = [[excelSerial(positions.getCell("B2").value as Date)]];
      const yearsToExpiry = years(rows.map((cells) => [excelSerial(cells[1] as Date)]), valuation);
      const vols = impliedvol(column(6), column(4), column(5), yearsToExpiry, null as never, null as never, column(3), column(2));
      for (const [vol] of vols) {
        expect(vol).toBeGreaterThan(0.3);
        expect(vol).toBeLessThan(1);
      }
      const block = greeks(column(4), column(5), yearsToExpiry, vols, null as never, null as never, column(3), column(2));
      block.forEach((cells, index) => {
        expect(cells).toHaveLength(8);
        expectClose(cells[0], rows[index]?.[6] as number, { relative: 1e-13 }, `price of ${String(rows[index]?.[0])}`);
      });
    });
  });

  test("regenerating it gives identical bytes", () => {
    const output = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "xvega-sample-")), "regenerated.xlsx");
    try {
      const result = spawnSync(process.execPath, [SCRIPT, "--out", output], { cwd: ROOT, encoding: "utf8" });
      expect(result.stderr).toBe("");
      expect(result.status).toBe(0);
      expect(fs.readFileSync(output).equals(fs.readFileSync(WORKBOOK))).toBe(true);
    } finally {
      fs.rmSync(path.dirname(output), { recursive: true, force: true });
    }
  });
});
