/*
 * One book, checked: every XV formula recomputed and compared, the set-up checked, hedges and plausibility reviewed.
 * Pure with respect to other books, so the pool can run books in any order and the output stays the same.
 */
import { CheckOptions, CheckedWorkbook, Finding, WorkbookEntry } from "./checkTypes";
import { cellName } from "./cellAddress";
import { checkSetup, CORRELATION_NAME, VOL_OF_VOL_NAME } from "./configChecks";
import { compareFormula } from "./formulaFindings";
import { WorkbookEvaluator } from "./formulaEvaluation";
import { XvFormulaCell, scanFormulas } from "./formulaCells";
import { reviewHedges } from "./hedgeFindings";
import { plausibilityFindings } from "./plausibilityFindings";
import { LoadedWorkbook, UnreadableWorkbookError, findSheet, loadWorkbookFile } from "./workbookLoading";

const SET_UP_NAMES = new Set([CORRELATION_NAME, VOL_OF_VOL_NAME]);

function formulaFinding(formula: XvFormulaCell, kind: "unchecked" | "config", message: string): Finding {
  return { sheet: formula.sheet, cell: cellName(formula.row, formula.column), function: formula.functionName, kind, message, cached: null, recomputed: null };
}

/** The check of a loaded book; `file` is the path as given on the command line. */
export function checkLoadedWorkbook(file: string, book: LoadedWorkbook, options: CheckOptions): CheckedWorkbook {
  const scan = scanFormulas(book.sheets, book.date1904);
  const evaluator = new WorkbookEvaluator(book, scan.spills);
  const result: CheckedWorkbook = { file, formulas: scan.xvFormulas.length, checked: 0, findings: [], exposure: [], hedges: [] };
  const countedExposures = new Set<string>();
  for (const formula of scan.xvFormulas) {
    const evaluation = evaluator.evaluate(formula);
    if (evaluation.outcome === "unchecked") {
      result.findings.push(formulaFinding(formula, "unchecked", `cannot be recomputed: ${evaluation.reason}`));
      continue;
    }
    if (evaluation.outcome === "missing_name") {
      const name = evaluation.name.toUpperCase();
      result.findings.push(
        SET_UP_NAMES.has(name)
          ? formulaFinding(formula, "config", `uses ${name}, but the workbook has no name ${name} referring to a range: save the correlation set-up from the pane (or define the name)`)
          : formulaFinding(formula, "unchecked", `cannot be recomputed: it uses the name ${evaluation.name}, which the workbook does not define as a range`),
      );
      continue;
    }
    result.checked += 1;
    const sheet = findSheet(book, formula.sheet);
    if (sheet !== null) result.findings.push(...compareFormula(formula, evaluation.values, sheet, book.date1904, options.relativeTolerance));
    const hedges = reviewHedges(formula, evaluation.calls, options.minEffectiveness, countedExposures);
    result.findings.push(...hedges.findings);
    result.exposure.push(...hedges.exposure);
    result.hedges.push(...hedges.hedges);
    result.findings.push(...plausibilityFindings(formula, evaluation.calls, evaluation.values[0]?.length ?? 0));
  }
  result.findings.push(...checkSetup(book, options));
  return result;
}

/** Loads and checks one book; a book that cannot be read gives its own entry with the reason. */
export async function checkWorkbookFile(file: string, options: CheckOptions): Promise<WorkbookEntry> {
  try {
    const book = await loadWorkbookFile(file);
    return checkLoadedWorkbook(file, book, options);
  } catch (error) {
    if (error instanceof UnreadableWorkbookError) return { file, error: error.message };
    return { file, error: `the check failed on this book (please report it): ${error instanceof Error ? error.message : String(error)}` };
  }
}
