/*
 * Finding the XV formulas of a book in every form a saved file holds them (PLATFORM.md): `_xldudf_XV_VEGA(…)` as
 * Excel stores a custom function, `XV.VEGA(…)` as other tools write it, nested in other formulas, spilling anchors
 * (`<f t="array" ref=…>`), and shared formulas (one formula per cell, each checked). Spill cells hold only cached values
 * and belong to their anchor: a spill is one formula, at its anchor.
 */
import type ExcelJS from "exceljs";
import { findXvFunction } from "../functions/functionRegistry";
import { SheetRange, parseRange } from "./cellAddress";
import { CheckCellValue, cachedValueOf, isFormulaCell } from "./cellValues";

/** A call of an XV function in formula text: the stored form or the typed one. */
const XV_CALL_PATTERN = /(?:_xldudf_XV_([A-Za-z0-9_]+)|(?<![A-Za-z0-9_.])XV\.([A-Za-z0-9_.]+))\s*\(/i;

export interface XvFormulaCell {
  sheet: string;
  row: number;
  column: number;
  /** The formula text as saved, without `=`. */
  formula: string;
  /** The range a spilling (array) formula was saved over; null for a single-cell formula. */
  spill: SheetRange | null;
  /** The first XV function in the text, as typed (`XV.TWVEGA` for `=SUM(_xldudf_XV_TWVEGA(…))`). */
  functionName: string;
  /** The saved result (the anchor's for a spill); undefined when none was saved. */
  cached: CheckCellValue | undefined;
}

/** The XV function a formula calls first, as typed, or null when it calls none. */
export function firstXvFunction(formula: string): string | null {
  const match = XV_CALL_PATTERN.exec(formula);
  if (!match) return null;
  const stored = match[1];
  const typed = `XV.${(stored ?? match[2] ?? "").toUpperCase()}`;
  return findXvFunction(typed)?.name ?? typed;
}

export interface FormulaScan {
  xvFormulas: XvFormulaCell[];
  /** Every spilling formula's range by anchor ("sheet!row,column", sheet in lower case): what `A1#` refers to. */
  spills: Map<string, SheetRange>;
}

export function anchorKey(sheet: string, row: number, column: number): string {
  return `${sheet.toLowerCase()}!${row},${column}`;
}

function formulaText(cell: ExcelJS.Cell): string {
  // exceljs gives a shared formula's other cells their own, translated text.
  return (cell.formula ?? "").replace(/^=/, "");
}

export function scanFormulas(sheets: readonly ExcelJS.Worksheet[], date1904: boolean): FormulaScan {
  const xvFormulas: XvFormulaCell[] = [];
  const spills = new Map<string, SheetRange>();
  for (const sheet of sheets) {
    sheet.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        if (!isFormulaCell(cell)) return;
        const value = cell.value as { shareType?: string; ref?: string };
        const rowNumber = Number(cell.row);
        const columnNumber = Number(cell.col);
        const spill = value.shareType === "array" && typeof value.ref === "string" ? parseRange(value.ref, sheet.name) : null;
        if (spill) spills.set(anchorKey(sheet.name, rowNumber, columnNumber), spill);
        const formula = formulaText(cell);
        const functionName = firstXvFunction(formula);
        if (functionName === null) return;
        xvFormulas.push({ sheet: sheet.name, row: rowNumber, column: columnNumber, formula, spill, functionName, cached: cachedValueOf(cell, date1904) });
      });
    });
  }
  return { xvFormulas, spills };
}
