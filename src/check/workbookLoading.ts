/*
 * Opening a saved book for the check: size limits first (workbookLimits), then exceljs, which reads formulas and
 * cached values and never runs anything (macros in an .xlsm stay bytes; external links are not followed). What the
 * check needs is gathered once: sheets by name, workbook names as ranges, the date system.
 */
import { promises as fs } from "fs";
import ExcelJS from "exceljs";
import { SheetRange, parseSheetReference } from "./cellAddress";
import { findSizeProblem } from "./workbookLimits";

export interface LoadedWorkbook {
  workbook: ExcelJS.Workbook;
  date1904: boolean;
  /** By name as written; lookups ignore case as Excel does (see `findSheet`). */
  sheets: ExcelJS.Worksheet[];
  /** Workbook names (upper case) that refer to one range; names holding constants or formulas are absent. */
  names: Map<string, SheetRange>;
}

/** A book the check cannot open: the message says why, in a user's words. */
export class UnreadableWorkbookError extends Error {
  override readonly name = "UnreadableWorkbookError";
}

function readNames(workbook: ExcelJS.Workbook): Map<string, SheetRange> {
  const names = new Map<string, SheetRange>();
  const model = (workbook.definedNames as unknown as { model: { name: string; ranges: string[] }[] }).model;
  for (const entry of model) {
    const [only, ...more] = entry.ranges;
    const range = only === undefined || more.length > 0 ? null : parseSheetReference(only);
    if (range) names.set(entry.name.toUpperCase(), range);
  }
  return names;
}

export function findSheet(book: LoadedWorkbook, name: string): ExcelJS.Worksheet | null {
  const wanted = name.toLowerCase();
  return book.sheets.find((sheet) => sheet.name.toLowerCase() === wanted) ?? null;
}

function describeLoadFailure(error: unknown): string {
  const detail = error instanceof Error ? error.message : String(error);
  if (/end of central directory|zip|Corrupted|signature/i.test(detail)) return `not a readable .xlsx/.xlsm file (the zip container is damaged or it is another format): ${detail}`;
  return `cannot read the workbook: ${detail}`;
}

/** Loads a book from its bytes; throws UnreadableWorkbookError with the reason. */
export async function loadWorkbookBytes(bytes: Buffer): Promise<LoadedWorkbook> {
  let sizeProblem: string | null;
  try {
    sizeProblem = await findSizeProblem(bytes);
  } catch (error) {
    throw new UnreadableWorkbookError(describeLoadFailure(error));
  }
  if (sizeProblem !== null) throw new UnreadableWorkbookError(sizeProblem);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch (error) {
    throw new UnreadableWorkbookError(describeLoadFailure(error));
  }
  if (workbook.worksheets.length === 0) throw new UnreadableWorkbookError("the workbook has no worksheets: not a spreadsheet Excel saved");
  return workbookModel(workbook);
}

/** What the check reads from an exceljs workbook, loaded from a file or built in memory. */
export function workbookModel(workbook: ExcelJS.Workbook): LoadedWorkbook {
  const properties = workbook.properties as unknown as { date1904?: boolean };
  return { workbook, date1904: properties.date1904 === true, sheets: workbook.worksheets, names: readNames(workbook) };
}

export async function loadWorkbookFile(path: string): Promise<LoadedWorkbook> {
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UnreadableWorkbookError(code === "ENOENT" ? "no such file" : `cannot read the file: ${(error as Error).message}`);
  }
  return loadWorkbookBytes(bytes);
}
