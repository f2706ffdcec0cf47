/*
 * `xvega check` on a book of 100,000 legs (XV.YEARS and XV.VEGA spilling over them, an XV.XVEGAHEDGE over the
 * vegas), against exceljs alone loading the same file: the target is check time ≤ 2 × load time. The book is
 * written in Excel's stored form with cached values from the add-in's functions, and the check must find it clean
 * before anything is timed. Loads and checks alternate, each after a full GC and an idle pause; the ratio is taken
 * per round and its median printed. Measured in this process (no vm context), books checked in this thread.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { installCustomFunctionsStub } from "../src/functions/customFunctionsStub";
import { hedgestats, xvegahedge } from "../src/functions/hedgeFunctions";
import { vega, years } from "../src/functions/vegaFunctions";
import { checkWorkbookFile } from "../src/check/workbookCheck";
import { isUnreadable } from "../src/check/checkTypes";
import { mulberry32, uniformBetween } from "./random";
import { collectGarbageAndSettle, formatMilliseconds, formatTable, median } from "./timing";

// The fixture writer is plain CommonJS in scripts/ (shared with the sample and the tests), next to the repository root.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const storedForm = require(join(__dirname, "..", "..", "..", "scripts", "storedForm.js")) as typeof import("../scripts/storedForm");

const LEG_COUNT = 100_000;
const SEED = 20_261_120;
const REPETITIONS = 3;
const TARGET_RATIO = 2;
const ASSETS = ["BTC", "ETH", "SOL", "XRP"];
const VALUATION = Date.UTC(2026, 10, 20, 8);
const serial = (milliseconds: number) => milliseconds / 86_400_000 + 25_569;

/** Writes the 100,000-leg book (exported for profiling by hand). */
export async function writeBook(path: string): Promise<void> {
  const random = mulberry32(SEED);
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Legs");
  sheet.getCell("H1").value = new Date(VALUATION);
  const assets: string[][] = [];
  const expiries: number[][] = [];
  const underlyings: number[][] = [];
  const strikes: number[][] = [];
  const vols: number[][] = [];
  ["asset", "expiry", "underlying", "strike", "vol", "years", "vega"].forEach((header, index) => (sheet.getCell(1, index + 1).value = header));
  for (let index = 0; index < LEG_COUNT; index++) {
    const row = index + 2;
    const asset = ASSETS[index % ASSETS.length] as string;
    const expiry = VALUATION + Math.round(uniformBetween(random, 1, 365)) * 86_400_000;
    const underlying = Math.round(uniformBetween(random, 100, 1000));
    const strike = Math.round(underlying * uniformBetween(random, 0.7, 1.3));
    const vol = Math.round(uniformBetween(random, 0.3, 1.2) * 100) / 100;
    assets.push([asset]);
    expiries.push([serial(expiry)]);
    underlyings.push([underlying]);
    strikes.push([strike]);
    vols.push([vol]);
    sheet.getCell(row, 1).value = asset;
    sheet.getCell(row, 2).value = new Date(expiry);
    sheet.getCell(row, 3).value = underlying;
    sheet.getCell(row, 4).value = strike;
    sheet.getCell(row, 5).value = vol;
  }
  const last = LEG_COUNT + 1;
  const yearsGrid = years(expiries, [[serial(VALUATION)]]);
  storedForm.putSpill(sheet, "F2", `_xldudf_XV_YEARS(B2:B${last},$H$1)`, yearsGrid);
  const vegas = vega(underlyings, strikes, yearsGrid, vols);
  storedForm.putSpill(sheet, "G2", `_xldudf_XV_VEGA(C2:C${last},D2:D${last},F2:F${last},E2:E${last})`, vegas);
  const correlations = [["abs", ...ASSETS], ...ASSETS.map((asset, i) => [asset, ...ASSETS.map((_, j) => (i === j ? 1 : 0.8))])];
  correlations.forEach((line, r) => line.forEach((value, c) => (sheet.getCell(r + 1, 10 + c).value = value)));
  workbook.definedNames.add("Legs!$J$1:$N$5", "XV_CORR");
  const volOfVols = ASSETS.map((asset, index) => [asset, 2 + index * 0.5]);
  volOfVols.forEach(([asset, value], r) => {
    sheet.getCell(r + 1, 16).value = asset as string;
    sheet.getCell(r + 1, 17).value = value as number;
  });
  workbook.definedNames.add("Legs!$P$1:$Q$4", "XV_VOLVOL");
  sheet.getCell("J8").value = "BTC";
  sheet.getCell("J9").value = "ETH";
  const hedgeArguments = [assets, vegas, [["BTC"], ["ETH"]], correlations, volOfVols];
  storedForm.putSpill(sheet, "L8", `_xldudf_XV_XVEGAHEDGE(A2:A${last},G2:G${last},J8:J9,XV_CORR,XV_VOLVOL)`, xvegahedge(...(hedgeArguments as [any, any, any, any, any]))); // eslint-disable-line @typescript-eslint/no-explicit-any
  storedForm.putSpill(sheet, "L12", `_xldudf_XV_HEDGESTATS(A2:A${last},G2:G${last},J8:J9,XV_CORR,XV_VOLVOL)`, hedgestats(...(hedgeArguments as [any, any, any, any, any]))); // eslint-disable-line @typescript-eslint/no-explicit-any
  const { bytes } = await storedForm.markArrayFormulasAsDynamic(await workbook.xlsx.writeBuffer(), new Date(VALUATION));
  writeFileSync(path, bytes);
}

async function timed(run: () => Promise<unknown>): Promise<number> {
  collectGarbageAndSettle();
  const start = performance.now();
  await run();
  return performance.now() - start;
}

export async function runCheckBenchmark(): Promise<void> {
  installCustomFunctionsStub(globalThis);
  const folder = mkdtempSync(join(tmpdir(), "xvega-check-bench-"));
  const path = join(folder, "legs-100k.xlsx");
  try {
    await writeBook(path);
    const options = { relativeTolerance: 1e-9, asOfDate: "2026-11-21", maxAgeDays: 7, minEffectiveness: 0.5 };
    const loadOnly = async () => new ExcelJS.Workbook().xlsx.load(readFileSync(path) as unknown as ExcelJS.Buffer);
    const check = async () => checkWorkbookFile(path, options);
    const first = await check();
    if (isUnreadable(first) || first.findings.length > 0 || first.checked !== 4) {
      throw new Error(`the benchmark book must check clean with 4 formulas: ${JSON.stringify(first).slice(0, 500)}`);
    }
    console.log(`book: ${LEG_COUNT.toLocaleString("en-US")} legs, ${(readFileSync(path).length / 1e6).toFixed(1)} MB; 4 XV formulas (years, vega, hedge, stats), clean`);
    const rows: string[][] = [];
    const ratios: number[] = [];
    for (let repetition = 0; repetition < REPETITIONS; repetition++) {
      const load = await timed(loadOnly);
      const checkTime = await timed(check);
      ratios.push(checkTime / load);
      rows.push([String(repetition + 1), formatMilliseconds(load), formatMilliseconds(checkTime), (checkTime / load).toFixed(2)]);
    }
    console.log(formatTable(["round", "exceljs load (ms)", "xvega check (ms)", "check / load"], rows, "  "));
    const ratio = median(ratios);
    console.log(`check time / exceljs load time: median ${ratio.toFixed(2)} (target ≤ ${TARGET_RATIO}): ${ratio <= TARGET_RATIO ? "PASS" : "MISS"}`);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
