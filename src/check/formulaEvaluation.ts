/*
 * Re-running an XV formula outside Excel: fast-formula-parser evaluates the formula text (Excel expressions in the
 * arguments, names, cross-sheet references, array constants, `A1#` spill references) from the cached values of its
 * inputs, and every XV function in it calls the add-in's own adapter through the function registry, so the check and
 * Excel compute with the same code. Formula text is parsed, never executed as code.
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- the adapters take Excel's raw any[][] arguments */
import FormulaParser, { CellReference, FormulaError, FunctionArgument, RangeReference } from "fast-formula-parser";
import { XV_FUNCTIONS, RegisteredFunction } from "../functions/functionRegistry";
import { enableArrayOperators } from "./arrayOperators";
import { CheckCellValue, ExcelErrorValue, cachedValueOf } from "./cellValues";
import { SheetRange } from "./cellAddress";
import { XvFormulaCell, anchorKey } from "./formulaCells";
import { LoadedWorkbook } from "./workbookLoading";
import type ExcelJS from "exceljs";

/** One XV function call made while evaluating a formula: its arguments as Excel passes them, and what it returned. */
export interface XvCall {
  name: string;
  args: unknown[];
  /** The adapter's result grid, or the error it threw. */
  result: unknown[][] | ExcelErrorValue;
}

export type Evaluation =
  | { outcome: "computed"; values: CheckCellValue[][]; calls: XvCall[] }
  | { outcome: "unchecked"; reason: string }
  | { outcome: "missing_name"; name: string };

/** Excel's grid: what a whole-column reference (A:A) is clamped to the sheet's used part of. */
const EXCEL_MAX_ROW = 1_048_576;
const EXCEL_MAX_COLUMN = 16_384;

const VOLATILE_FUNCTIONS = ["NOW", "TODAY", "RAND", "RANDBETWEEN", "RANDARRAY", "OFFSET", "INDIRECT", "CELL", "INFO"];
const VOLATILE_PATTERN = new RegExp(`(?<![A-Za-z0-9_.])(?:_xlfn\\.)?(${VOLATILE_FUNCTIONS.join("|")})\\s*\\(`, "i");
/** `[1]Sheet1!A1` or `'[Book.xlsx]Sheet1'!A1`: a reference into another workbook. */
const EXTERNAL_LINK_PATTERN = /\[[^\]]*\][^!]*!/;

function withoutStrings(formula: string): string {
  return formula.replace(/"(?:[^"]|"")*"/g, '""');
}

function isCustomFunctionsError(value: unknown): value is { code: string; message?: string } {
  return typeof value === "object" && value !== null && typeof (value as { code?: unknown }).code === "string" && (value as { code: string }).code.startsWith("#");
}

function toFormulaError(value: { code: string; message?: string }): FormulaError {
  return new FormulaError(value.code, value.message || value.code);
}

/** A value from the book as the parser takes it: errors as FormulaError. */
function toParserValue(value: CheckCellValue | undefined): unknown {
  if (value === undefined) return null;
  if (value instanceof ExcelErrorValue) return new FormulaError(value.code, value.message ?? value.code);
  return value;
}

/** A value the parser computed as the check reports it: errors as ExcelErrorValue with their message. */
export function fromParserValue(value: unknown): CheckCellValue {
  if (value instanceof FormulaError) return new ExcelErrorValue(value.error, value.message && value.message !== value.error ? value.message : null);
  if (isCustomFunctionsError(value)) return new ExcelErrorValue(value.code, value.message ?? null);
  if (value === undefined || value === null) return null;
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  return new ExcelErrorValue("#VALUE!", "the formula gave a value the check cannot read");
}

function firstErrorIn(values: unknown[][]): FormulaError | null {
  for (const row of values) for (const cell of row) if (cell instanceof FormulaError) return cell;
  return null;
}

/** An argument as Excel passes it to a custom function: a 2-D array, null when omitted. */
function adapterArgument(argument: FunctionArgument | undefined): unknown[][] | null {
  if (argument === undefined || argument.omitted === true) return null;
  const value = argument.value;
  if (Array.isArray(value)) return value.map((row: unknown) => (Array.isArray(row) ? row.map((cell) => (cell === undefined ? null : cell)) : [row]));
  return [[value === undefined ? null : value]];
}

export class WorkbookEvaluator {
  private readonly parser: FormulaParser;
  private readonly sheetsByName = new Map<string, ExcelJS.Worksheet>();
  private calls: XvCall[] = [];
  private missingNames: string[] = [];

  constructor(
    private readonly book: LoadedWorkbook,
    private readonly spills: ReadonlyMap<string, SheetRange>,
  ) {
    for (const sheet of book.sheets) this.sheetsByName.set(sheet.name.toLowerCase(), sheet);
    const functions: Record<string, (...args: FunctionArgument[]) => unknown> = {
      // _xlfn.SINGLE is how a file stores @ (implicit intersection): the first cell.
      SINGLE: (argument) => (Array.isArray(argument?.value) ? ((argument.value as unknown[][])[0]?.[0] ?? null) : argument?.value),
    };
    for (const registered of XV_FUNCTIONS) {
      const call = (...args: FunctionArgument[]) => this.callXvFunction(registered, args);
      functions[registered.name.toUpperCase()] = call;
      functions[`_XLDUDF_${registered.name.toUpperCase().replace(/\./g, "_")}`] = call;
    }
    this.parser = new FormulaParser({
      functions,
      functionsNeedContext: { ANCHORARRAY: (context, argument) => this.anchorArray(context, argument) },
      onCell: (reference) => this.cellValue(reference),
      onRange: (reference) => this.rangeValues(reference),
      onVariable: (name) => this.namedRange(name),
    });
    // ANCHORARRAY needs the reference itself (the anchor), not the anchor's value.
    this.parser.funsNeedContextAndNoDataRetrieve.push("ANCHORARRAY");
    enableArrayOperators(this.parser);
  }

  private sheet(name: string | undefined): ExcelJS.Worksheet | undefined {
    return this.sheetsByName.get((name ?? this.parser.position.sheet).toLowerCase());
  }

  private cellValue(reference: CellReference): unknown {
    const cell = this.sheet(reference.sheet)?.findCell(reference.row, reference.col);
    return cell === undefined ? null : toParserValue(cachedValueOf(cell, this.book.date1904));
  }

  private rangeValues(reference: RangeReference): unknown[][] {
    const sheet = this.sheet(reference.sheet);
    if (sheet === undefined) return [[FormulaError.REF]];
    const bottom = reference.to.row >= EXCEL_MAX_ROW ? Math.max(sheet.rowCount, reference.from.row) : reference.to.row;
    const right = reference.to.col >= EXCEL_MAX_COLUMN ? Math.max(sheet.columnCount, reference.from.col) : reference.to.col;
    const grid: unknown[][] = new Array(bottom - reference.from.row + 1);
    for (let row = reference.from.row; row <= bottom; row++) {
      const sheetRow = sheet.findRow(row);
      const values: unknown[] = new Array(right - reference.from.col + 1);
      for (let column = reference.from.col; column <= right; column++) {
        const cell = sheetRow?.findCell(column);
        values[column - reference.from.col] = cell === undefined ? null : toParserValue(cachedValueOf(cell, this.book.date1904));
      }
      grid[row - reference.from.row] = values;
    }
    return grid;
  }

  private namedRange(name: string): CellReference | RangeReference | null {
    const range = this.book.names.get(name.toUpperCase());
    if (range === undefined) {
      this.missingNames.push(name);
      return null;
    }
    return { sheet: range.sheet, from: { row: range.top, col: range.left }, to: { row: range.bottom, col: range.right } };
  }

  /** `A1#` (stored as `_xlfn.ANCHORARRAY(A1)`): the range the formula at A1 spilled over when the book was saved. */
  private anchorArray(context: FormulaParser, argument: unknown): unknown {
    const reference = (argument as { ref?: CellReference } | null)?.ref;
    if (reference === undefined || typeof reference.row !== "number") return FormulaError.REF;
    const spill = this.spills.get(anchorKey(reference.sheet ?? context.position.sheet, reference.row, reference.col));
    if (spill === undefined) return FormulaError.REF;
    return { ref: { sheet: spill.sheet, from: { row: spill.top, col: spill.left }, to: { row: spill.bottom, col: spill.right } } };
  }

  private callXvFunction(registered: RegisteredFunction, args: FunctionArgument[]): unknown {
    const adapterArgs = args.map(adapterArgument);
    // As in Excel, an error in an input is the result: the function never sees it.
    for (const [index, argument] of adapterArgs.entries()) {
      const inputError = argument === null ? null : firstErrorIn(argument);
      if (inputError !== null) {
        const name = registered.argumentNames[index] ?? `argument ${index + 1}`;
        const error = new FormulaError(inputError.error, `${name} holds ${inputError.error} from a cell it reads: fix that cell first`);
        this.calls.push({ name: registered.name, args: adapterArgs, result: fromParserValue(error) as ExcelErrorValue });
        throw error;
      }
    }
    let result: unknown;
    try {
      result = registered.adapter(...(adapterArgs as any[]));
    } catch (error) {
      const formulaError = isCustomFunctionsError(error)
        ? toFormulaError(error)
        : new FormulaError("#VALUE!", `${registered.name} failed: ${error instanceof Error ? error.message : String(error)}`);
      this.calls.push({ name: registered.name, args: adapterArgs, result: fromParserValue(formulaError) as ExcelErrorValue });
      throw formulaError;
    }
    const grid = Array.isArray(result) ? (result as unknown[][]) : [[result]];
    this.calls.push({ name: registered.name, args: adapterArgs, result: grid });
    return grid.map((row) => row.map((cell) => (isCustomFunctionsError(cell) ? toFormulaError(cell) : cell)));
  }

  /** Recomputes one XV formula from the cached values of its inputs. */
  evaluate(formula: XvFormulaCell): Evaluation {
    const text = withoutStrings(formula.formula);
    const volatile = VOLATILE_PATTERN.exec(text);
    if (volatile) {
      return { outcome: "unchecked", reason: `it uses the volatile function ${(volatile[1] ?? "").toUpperCase()}(), whose value changes at every recalculation, so the saved result cannot be reproduced` };
    }
    if (EXTERNAL_LINK_PATTERN.test(text)) {
      return { outcome: "unchecked", reason: "it reads another workbook (an external link), which the check never opens" };
    }
    this.calls = [];
    this.missingNames = [];
    let result: unknown;
    try {
      result = this.parser.parse(formula.formula, { sheet: formula.sheet, row: formula.row, col: formula.column }, true);
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      const missing = /Function (\S+) is not implemented/.exec(detail);
      if (missing) return { outcome: "unchecked", reason: `the formula evaluator lacks the function ${missing[1]}` };
      return { outcome: "unchecked", reason: `the formula evaluator cannot read this formula (${detail.split("\n")[0]})` };
    }
    const [missingName] = this.missingNames;
    if (missingName !== undefined) return { outcome: "missing_name", name: missingName };
    const grid = Array.isArray(result) ? (result as unknown[][]) : [[result]];
    return { outcome: "computed", values: grid.map((row) => (Array.isArray(row) ? row : [row]).map(fromParserValue)), calls: this.calls };
  }
}
