/*
 * The Office.js reads behind "Explain selected cell": the selection's top-left cell with the formula behind it (its
 * own, or its spill anchor's), and the values of a formula's reference and name arguments. Reads only, in a few
 * batches; a bad argument (a missing sheet or name, a range too large for the pane) becomes a problem for that
 * argument, never a failed batch.
 *
 * Excel JavaScript API used, with requirement sets:
 *   ExcelApi 1.1   getSelectedRange, Range.getCell / address / formulas / values / rowCount / columnCount / rowIndex /
 *                  columnIndex / worksheet, worksheets.getItemOrNullObject (1.4), names.getItemOrNullObject (1.4),
 *                  NamedItem.type / value / getRange, Worksheet.names (1.4)
 *   ExcelApi 1.12  Range.getSpillParentOrNullObject (the anchor of a spilled cell), Range.getSpillingToRangeOrNullObject
 *                  (B2#): feature-detected with isSetSupported; without them a spilled cell is explained from its anchor
 *                  only (the pane says "select the top-left cell of the spill") and a B2# argument is not read.
 */
import type { ArgumentSource, ArgumentValues, SelectedCell } from "./workbookGateway";

export const SPILL_API = "1.12";

/** The largest argument range the pane reads (cells): enough for a book of legs, small enough for one request. */
export const MAX_ARGUMENT_CELLS = 100_000;

function spillApiSupported(): boolean {
  const requirements = typeof Office === "undefined" ? undefined : Office.context?.requirements;
  return requirements?.isSetSupported("ExcelApi", SPILL_API) === true;
}

function isFormula(value: unknown): value is string {
  return typeof value === "string" && value.startsWith("=");
}

export async function readSelectedCell(context: Excel.RequestContext): Promise<SelectedCell> {
  const selection = context.workbook.getSelectedRange().load("address,rowCount,columnCount");
  const cell = selection.getCell(0, 0).load("address,formulas,values,rowIndex,columnIndex");
  cell.worksheet.load("name");
  await context.sync();
  const base = {
    selectionAddress: selection.address,
    multipleCells: selection.rowCount * selection.columnCount > 1,
    cellAddress: cell.address,
    sheetName: cell.worksheet.name,
    shown: cell.values[0]?.[0],
  };
  const own = cell.formulas[0]?.[0];
  if (isFormula(own)) return { ...base, formula: own, formulaAddress: cell.address, offset: { row: 0, column: 0 }, spillLookup: "notNeeded" };
  const none = { formula: null, formulaAddress: null, offset: { row: 0, column: 0 } };
  if (!spillApiSupported()) return { ...base, ...none, spillLookup: "unsupported" };
  const anchor = cell.getSpillParentOrNullObject().load("address,formulas,rowIndex,columnIndex");
  await context.sync();
  const formula = anchor.isNullObject ? undefined : anchor.formulas[0]?.[0];
  if (!isFormula(formula)) return { ...base, ...none, spillLookup: "notInSpill" };
  return {
    ...base,
    formula,
    formulaAddress: anchor.address,
    offset: { row: cell.rowIndex - anchor.rowIndex, column: cell.columnIndex - anchor.columnIndex },
    spillLookup: "found",
  };
}

/** A1:B2 without $; whole columns or rows (A:A, 1:1) are refused before Excel is asked (a million cells). */
function boundedReference(source: Extract<ArgumentSource, { kind: "reference" }>): string | null {
  const reference = source.reference.replace(/\$/g, "");
  return /^[A-Z]+:[A-Z]+$/i.test(reference) || /^\d+:\d+$/.test(reference) ? null : reference;
}

type Pending =
  | { kind: "done"; result: ArgumentValues }
  | { kind: "range"; label: string; range: Excel.Range }
  | { kind: "name"; source: Extract<ArgumentSource, { kind: "name" }>; local: Excel.NamedItem | null; global: Excel.NamedItem | null };

function problem(text: string): Pending {
  return { kind: "done", result: { ok: false, problem: text } };
}

export async function readArgumentValues(context: Excel.RequestContext, formulaSheet: string, sources: readonly ArgumentSource[]): Promise<ArgumentValues[]> {
  // 1: the sheets the sources name (or the formula's sheet), and the workbook-scoped names.
  const sheets = new Map<string, Excel.Worksheet>();
  const sheetNamed = (name: string): Excel.Worksheet => {
    const key = name.toLowerCase();
    let sheet = sheets.get(key);
    if (!sheet) {
      sheet = context.workbook.worksheets.getItemOrNullObject(name).load("name");
      sheets.set(key, sheet);
    }
    return sheet;
  };
  const firstPass = sources.map((source) => ({
    source,
    sheet: sheetNamed(source.sheetName ?? formulaSheet),
    global: source.kind === "name" && source.sheetName === null ? context.workbook.names.getItemOrNullObject(source.name).load("type,value") : null,
  }));
  await context.sync();

  // 2: the ranges of references; sheet-scoped names (a name local to the formula's sheet wins, as in Excel).
  const spillSupported = spillApiSupported();
  const pending: Pending[] = firstPass.map(({ source, sheet, global }): Pending => {
    const sheetName = source.sheetName ?? formulaSheet;
    if (source.kind === "reference") {
      if (sheet.isNullObject) return problem(`the workbook has no sheet named ${sheetName}`);
      const reference = boundedReference(source);
      if (reference === null) return problem(`${source.text} is a whole column or row: the pane reads at most ${MAX_ARGUMENT_CELLS.toLocaleString("en-US")} cells (and Excel for the web gives #CALC! for whole columns): use a bounded range such as A2:A500`);
      if (source.spill && !spillSupported) return problem(`${source.text} is a spill reference, which the pane reads only with Excel JavaScript API ${SPILL_API}: give the range's address instead`);
      const range = sheet.getRange(reference);
      const read = source.spill ? range.getSpillingToRangeOrNullObject() : range;
      return { kind: "range", label: source.text, range: read.load("address,rowCount,columnCount") };
    }
    if (source.sheetName !== null && sheet.isNullObject) return problem(`the workbook has no sheet named ${sheetName}`);
    const local = sheet.isNullObject ? null : sheet.names.getItemOrNullObject(source.name).load("type,value");
    return { kind: "name", source, local, global };
  });
  await context.sync();

  // 3: what each name holds (a range to read, or a constant).
  const resolved: Pending[] = pending.map((entry): Pending => {
    if (entry.kind !== "name") return entry;
    const item = entry.local && !entry.local.isNullObject ? entry.local : entry.global && !entry.global.isNullObject ? entry.global : null;
    const name = entry.source.text;
    if (item === null) return problem(`the workbook has no name ${name} (Excel shows #NAME?)`);
    if (item.type === "Range") return { kind: "range", label: name, range: item.getRange().load("address,rowCount,columnCount") };
    const value: unknown = item.value;
    if (item.type === "Double" || item.type === "Integer" || item.type === "Boolean" || (item.type === "String" && !isFormula(value))) {
      return { kind: "done", result: { ok: true, address: null, values: [[value]] } };
    }
    return problem(`the name ${name} holds a calculation or an array (${String(value)}), which the pane cannot re-evaluate`);
  });
  await context.sync();

  // 4: the values of the ranges that are small enough.
  const withValues = resolved.map((entry): Pending => {
    if (entry.kind !== "range") return entry;
    if (entry.range.isNullObject) return problem(`${entry.label} does not spill (its cell holds no dynamic-array formula)`);
    const cells = entry.range.rowCount * entry.range.columnCount;
    if (cells > MAX_ARGUMENT_CELLS) {
      return problem(`${entry.label} (${entry.range.address}) has ${cells.toLocaleString("en-US")} cells: the pane reads at most ${MAX_ARGUMENT_CELLS.toLocaleString("en-US")}`);
    }
    entry.range.load("values");
    return entry;
  });
  await context.sync();
  return withValues.map((entry) => {
    if (entry.kind === "range") return { ok: true, address: entry.range.address, values: entry.range.values };
    if (entry.kind === "done") return entry.result;
    return { ok: false, problem: "not read" };
  });
}
