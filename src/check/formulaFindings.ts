/*
 * The findings of one recomputed formula, cell by cell: for a spill, every cell of the saved range and of the
 * recomputed one (a spill that grew or shrank differs too), named by the spill cell that differs. At most
 * MAX_FINDINGS_PER_FORMULA per formula; the rest are summed up in one finding per kind at the anchor.
 */
import { Finding, FindingKind, MAX_FINDINGS_PER_FORMULA } from "./checkTypes";
import { cellName } from "./cellAddress";
import { CheckCellValue, ExcelErrorValue, cachedValueOf, reportedValue } from "./cellValues";
import { XvFormulaCell } from "./formulaCells";
import { describeValue, valuesAgree } from "./valueComparison";
import type ExcelJS from "exceljs";

/** Saved while the add-in was not loaded (#NAME?) or before it answered (#BUSY!): the book was never calculated. */
const NOT_CALCULATED_CODES = new Set(["#NAME?", "#BUSY!"]);

function isNotCalculated(value: CheckCellValue | undefined): boolean {
  return value === undefined || (value instanceof ExcelErrorValue && NOT_CALCULATED_CODES.has(value.code));
}

function engineMessage(value: CheckCellValue): string {
  return value instanceof ExcelErrorValue && value.message ? `: ${value.message}` : "";
}

/** One cell's finding, or null when the saved value is what the engine gives. */
function cellFinding(
  formula: XvFormulaCell,
  row: number,
  column: number,
  cached: CheckCellValue | undefined,
  recomputed: CheckCellValue,
  relativeTolerance: number,
): Finding | null {
  const base = { sheet: formula.sheet, cell: cellName(row, column), function: formula.functionName, cached: reportedValue(cached), recomputed: reportedValue(recomputed) };
  if (cached instanceof ExcelErrorValue && !NOT_CALCULATED_CODES.has(cached.code) && recomputed instanceof ExcelErrorValue && cached.code === recomputed.code) {
    return { ...base, kind: "error", message: `${cached.code}${engineMessage(recomputed) || ": the engine gives the same error for the saved inputs"}` };
  }
  if (valuesAgree(cached, recomputed, relativeTolerance)) return null;
  const engine = recomputed instanceof ExcelErrorValue ? `${recomputed.code}${engineMessage(recomputed)}` : describeValue(recomputed);
  return {
    ...base,
    kind: "mismatch",
    message: `saved ${describeValue(cached)}, but the engine gives ${engine} from the saved inputs: the book was saved with stale or broken numbers; recalculate it (Ctrl+Alt+F9) with the add-in loaded and save`,
  };
}

/** Caps the list: the first MAX_FINDINGS_PER_FORMULA, then one finding per kind saying how many more there are. */
function capped(formula: XvFormulaCell, findings: Finding[]): Finding[] {
  if (findings.length <= MAX_FINDINGS_PER_FORMULA) return findings;
  const kept = findings.slice(0, MAX_FINDINGS_PER_FORMULA);
  const more = new Map<FindingKind, number>();
  for (const finding of findings.slice(MAX_FINDINGS_PER_FORMULA)) more.set(finding.kind, (more.get(finding.kind) ?? 0) + 1);
  for (const [kind, count] of more) {
    kept.push({
      sheet: formula.sheet,
      cell: cellName(formula.row, formula.column),
      function: formula.functionName,
      kind,
      message: `${count.toLocaleString("en-US")} more ${kind} findings in this formula's spill, not listed (at most ${MAX_FINDINGS_PER_FORMULA} per formula)`,
      cached: null,
      recomputed: null,
    });
  }
  return kept;
}

/** Compares a recomputed formula with what the book saved; `sheet` is the formula's own sheet (for the spill cells). */
export function compareFormula(
  formula: XvFormulaCell,
  recomputed: CheckCellValue[][],
  sheet: ExcelJS.Worksheet,
  date1904: boolean,
  relativeTolerance: number,
): Finding[] {
  const anchorValue = recomputed[0]?.[0] ?? null;
  if (isNotCalculated(formula.cached)) {
    const saved = formula.cached === undefined ? "no saved result" : `a saved ${describeValue(formula.cached)}`;
    return [
      {
        sheet: formula.sheet,
        cell: cellName(formula.row, formula.column),
        function: formula.functionName,
        kind: "not_calculated",
        message: `${saved}: the book was saved while the add-in was not loaded (or before it finished); open it with the add-in loaded, recalculate (Ctrl+Alt+F9) and save. The engine gives ${describeValue(anchorValue)}${engineMessage(anchorValue)}`,
        cached: reportedValue(formula.cached),
        recomputed: reportedValue(anchorValue),
      },
    ];
  }
  if (formula.spill === null) {
    const finding = cellFinding(formula, formula.row, formula.column, formula.cached, anchorValue, relativeTolerance);
    return finding === null ? [] : [finding];
  }
  const rows = Math.max(recomputed.length, formula.spill.bottom - formula.row + 1);
  const columns = Math.max(...recomputed.map((line) => line.length), formula.spill.right - formula.column + 1);
  const findings: Finding[] = [];
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < columns; c++) {
      const row = formula.row + r;
      const column = formula.column + c;
      const cached = r === 0 && c === 0 ? formula.cached : cachedOrBlank(sheet, row, column, date1904);
      const finding = cellFinding(formula, row, column, cached, recomputed[r]?.[c] ?? null, relativeTolerance);
      if (finding !== null) findings.push(finding);
    }
  }
  return capped(formula, findings);
}

function cachedOrBlank(sheet: ExcelJS.Worksheet, row: number, column: number, date1904: boolean): CheckCellValue | undefined {
  const cell = sheet.findCell(row, column);
  return cell === undefined ? null : (cachedValueOf(cell, date1904) ?? null);
}
