/*
 * Fills a book's cached values the way Excel would before saving: every formula (XV and plain Excel) evaluated with
 * the check's evaluator, repeated until nothing changes, so that later formulas read the results of earlier ones.
 * For writers of books (the sample workbook, the benchmark): a book saved this way opens with numbers before the
 * add-in loads, and `xvega check` finds it clean by construction of the same adapters.
 */
import type ExcelJS from "exceljs";
import { installCustomFunctionsStub } from "../functions/customFunctionsStub";
import { SheetRange, parseRange } from "./cellAddress";
import { CheckCellValue, ExcelErrorValue, isFormulaCell } from "./cellValues";
import { anchorKey } from "./formulaCells";
import { WorkbookEvaluator } from "./formulaEvaluation";
import { workbookModel } from "./workbookLoading";

const MAX_PASSES = 10;

function excelJsValue(value: CheckCellValue): unknown {
  if (value instanceof ExcelErrorValue) return { error: value.code };
  return value === "" ? null : value;
}

interface FormulaSite {
  sheet: ExcelJS.Worksheet;
  cell: ExcelJS.Cell;
  row: number;
  column: number;
  formula: string;
  spill: SheetRange | null;
}

function formulaSites(workbook: ExcelJS.Workbook): FormulaSite[] {
  const sites: FormulaSite[] = [];
  for (const sheet of workbook.worksheets) {
    sheet.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        if (!isFormulaCell(cell)) return;
        const value = cell.value as { shareType?: string; ref?: string };
        const spill = value.shareType === "array" && typeof value.ref === "string" ? parseRange(value.ref, sheet.name) : null;
        sites.push({ sheet, cell, row: Number(cell.row), column: Number(cell.col), formula: (cell.formula ?? "").replace(/^=/, ""), spill });
      }),
    );
  }
  return sites;
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Sets every formula's cached result (and each spill's cells); returns the number of passes it took. */
export function recalculateWorkbook(workbook: ExcelJS.Workbook): number {
  installCustomFunctionsStub(globalThis);
  const sites = formulaSites(workbook);
  const spills = new Map<string, SheetRange>();
  for (const site of sites) if (site.spill) spills.set(anchorKey(site.sheet.name, site.row, site.column), site.spill);
  const book = workbookModel(workbook);
  for (let pass = 1; pass <= MAX_PASSES; pass++) {
    const evaluator = new WorkbookEvaluator(book, spills);
    let changed = false;
    for (const site of sites) {
      const evaluation = evaluator.evaluate({ sheet: site.sheet.name, row: site.row, column: site.column, formula: site.formula, spill: site.spill, functionName: "", cached: undefined });
      if (evaluation.outcome !== "computed") throw new Error(`cannot compute ${site.sheet.name}!${site.cell.address}: ${evaluation.outcome === "unchecked" ? evaluation.reason : `no name ${evaluation.name}`}`);
      const grid = evaluation.values;
      const result = excelJsValue(grid[0]?.[0] ?? null);
      const current = site.cell.value as unknown as Record<string, unknown>;
      if (!sameValue(current.result, result)) changed = true;
      site.cell.value = { ...current, result } as ExcelJS.CellValue;
      if (site.spill === null) continue;
      grid.forEach((line, r) =>
        line.forEach((value, c) => {
          if (r === 0 && c === 0) return;
          const cell = site.sheet.getCell(site.row + r, site.column + c);
          const next = excelJsValue(value);
          if (!sameValue(cell.value, next)) changed = true;
          cell.value = next as ExcelJS.CellValue;
        }),
      );
    }
    if (!changed) return pass;
  }
  throw new Error(`the book's values did not settle in ${MAX_PASSES} passes: a circular reference?`);
}
