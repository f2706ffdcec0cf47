/*
 * Loads test/browser/excelStub.js, the one fake Excel host (Playwright injects the same file into the browser), into
 * a fresh `window` object per test, and installs its Excel and Office as the globals the gateway calls.
 */
import { readFileSync } from "fs";
import { join } from "path";

/** window.__xvegaTestWorkbook, as documented in excelStub.js. */
export interface FakeWorkbook {
  setCells(sheetName: string, topLeftAddress: string, values: unknown[][]): void;
  select(sheetName: string, address: string): void;
  cells(sheetName: string): Record<string, unknown>;
  names(): Record<string, string>;
  sheetNames(): string[];
  chartCount(sheetName: string): number;
  charts(sheetName: string): { type: string; source: string; seriesBy: string; title: string; position: { start: string; end: string | null } | null }[];
  formulas(sheetName: string): Record<string, string>;
  /** Types `formula` in the anchor and shows `values` as its result, spilling over their shape ("#VALUE!" is an error). */
  /** Defines a name scoped to a sheet: a sheet-qualified address or a constant formula ("=0.5"). */
  addSheetName(sheetName: string, name: string, reference: string): void;
  setFormulaResult(sheetName: string, anchorAddress: string, formula: string, values: unknown[][]): void;
}

export interface FakeWindow {
  Excel: { run: (batch: (context: Excel.RequestContext) => Promise<unknown>) => Promise<unknown> } & Record<string, unknown>;
  Office: typeof Office;
  CustomFunctions: unknown;
  __xvegaTestWorkbook: FakeWorkbook;
}

const STUB_SOURCE = readFileSync(join(__dirname, "..", "..", "browser", "excelStub.js"), "utf8");

type Globals = { Excel?: unknown; Office?: unknown };

/** A new fake workbook (one sheet, Sheet1), not installed. */
export function loadFakeExcelHost(): FakeWindow {
  const fakeWindow = {} as FakeWindow;
  // Same realm as the tests (unlike vm), so arrays and errors compare normally.
  new Function("window", STUB_SOURCE)(fakeWindow);
  return fakeWindow;
}

/** A new fake workbook whose Excel and Office are the globals; `uninstall` puts the previous ones back. */
export function installFakeExcelHost(): FakeWindow & { uninstall: () => void } {
  const globals = globalThis as unknown as Globals;
  const previous = { Excel: globals.Excel, Office: globals.Office };
  const fakeWindow = loadFakeExcelHost();
  globals.Excel = fakeWindow.Excel;
  globals.Office = fakeWindow.Office;
  return Object.assign(fakeWindow, {
    uninstall: () => {
      globals.Excel = previous.Excel;
      globals.Office = previous.Office;
    },
  });
}
