/*
 * The pane's only Office.js code: the WorkbookGateway over Excel.run. Layouts, ownership and messages are decided by
 * the pure modules beside it; this file observes the workbook, asks them, and writes. Each operation reads in its
 * first batches and writes everything in its last one, so a batch refused for cell-edit mode can be retried whole.
 *
 * Excel JavaScript API used, with requirement sets (learn.microsoft.com/javascript/api/excel; @types/office-js):
 *   ExcelApi 1.1  Excel.run, context.sync, workbook.getSelectedRange, worksheets.add / load("items/name"),
 *                 worksheet.getRange / activate / charts.add, Range.values / formulas / numberFormat / address /
 *                 worksheet / clear, NamedItem.getRange / type / value, Chart.title.text / setPosition
 *   ExcelApi 1.4  worksheets.getItemOrNullObject, names.getItemOrNullObject, names.add(name, range, comment),
 *                 NamedItem.delete
 * The stability report uses only ExcelApi 1.1 calls of that list (charts.add with the "Line" and "XYScatterLines"
 * types, Range.numberFormat for its date columns), so the same check covers it.
 * Hence REQUIRED_EXCEL_API = "1.4", checked with Office.context.requirements.isSetSupported. "Explain selected cell"
 * reads through cellFormulaReading.ts, which feature-detects the ExcelApi 1.12 spill calls it uses.
 */
import type { CorrelationConfig } from "../correlation/correlationConfig";
import {
  CONFIG_SHEET_NAME,
  CORRELATION_NAME,
  METADATA_NAME,
  VOL_OF_VOL_NAME,
  type HedgeReportSpec,
  type SaveOutcome,
  type StabilityReportSpec,
  type SelectedRange,
  type WorkbookGateway,
} from "./workbookGateway";
import { splitSheetAddress } from "./a1Address";
import { withCellEditRetry, type CellEditRetryOptions } from "./cellEditRetry";
import { readArgumentValues, readSelectedCell } from "./cellFormulaReading";
import { confirmationMessage, judgeOwnership, type NameObservation } from "./configOwnership";
import { configFromNamedValues, configToSheet, MARKER_ADDRESS, type ConfigNameKey } from "./configSheetLayout";
import { hedgeReportLayout, reportAssets, reportSheetName } from "./hedgeReportLayout";
import type { SheetBlock } from "./sheetBlock";
import { stabilityReportLayout, stabilitySheetName } from "./stabilityReportLayout";

export const REQUIRED_EXCEL_API = "1.4";
export const NAME_COMMENT = "Saved by the xvega add-in; change it from the xvega pane";
const CONFIG_NAMES: readonly ConfigNameKey[] = [CORRELATION_NAME, VOL_OF_VOL_NAME, METADATA_NAME];

export interface OfficeGatewayOptions {
  retry?: CellEditRetryOptions;
  /** The clock for the report's "inserted" cell. */
  now?: () => Date;
}

function requirementProblem(): string | null {
  const requirements = typeof Office === "undefined" ? undefined : Office.context?.requirements;
  if (!requirements) return "The xvega pane works inside Excel: open it from Excel's ribbon (Home › xvega) in Excel for the web, Windows or Mac.";
  if (requirements.isSetSupported("ExcelApi", REQUIRED_EXCEL_API)) return null;
  return (
    `Saving the set-up and inserting the hedge report need Excel JavaScript API ${REQUIRED_EXCEL_API} (ExcelApi ${REQUIRED_EXCEL_API}), ` +
    "which this Excel does not have: use Excel for the web, or Excel in Microsoft 365 (or Excel 2019 or later) on Windows or Mac."
  );
}

function writeBlock(sheet: Excel.Worksheet, written: SheetBlock): void {
  const range = sheet.getRange(written.address);
  // The format first: a "@" (Text) cell keeps the string written next exactly (see sheetBlock.ts).
  range.numberFormat = written.numberFormats;
  if (written.kind === "formulas") range.formulas = written.cells;
  else range.values = written.cells;
}

/** The range at a sheet-qualified address, after checking that the sheet exists (Excel's own error is vague). */
async function rangeAt(context: Excel.RequestContext, address: string): Promise<Excel.Range> {
  const parts = splitSheetAddress(address);
  if (!parts) throw new Error(`${address} is not a sheet-qualified range address: give one such as Positions!A6:A17`);
  const sheet = context.workbook.worksheets.getItemOrNullObject(parts.sheetName).load("name");
  await context.sync();
  if (sheet.isNullObject) throw new Error(`${address}: the workbook has no sheet named ${parts.sheetName}`);
  return sheet.getRange(parts.reference.replace(/\$/g, ""));
}

function namedItems(context: Excel.RequestContext): { name: ConfigNameKey; item: Excel.NamedItem }[] {
  return CONFIG_NAMES.map((name) => ({ name, item: context.workbook.names.getItemOrNullObject(name).load("name,type,value") }));
}

async function loadConfig(context: Excel.RequestContext): Promise<CorrelationConfig | null> {
  const named = namedItems(context);
  await context.sync();
  const present = named.filter(({ item }) => !item.isNullObject);
  if (present.length === 0) return null;
  const missing = named.filter(({ item }) => item.isNullObject).map(({ name }) => name);
  if (missing.length > 0) {
    throw new Error(`The workbook has ${present.map(({ name }) => name).join(", ")} but no ${missing.join(", ")}: save the set-up again from the pane`);
  }
  const notRange = named.find(({ item }) => item.type !== "Range");
  if (notRange) throw new Error(`${notRange.name} does not refer to a range of cells: save the set-up again from the pane`);
  const [correlations, volOfVols, metadata] = named.map(({ item }) => item.getRange().load("values"));
  await context.sync();
  const config = configFromNamedValues(correlations?.values ?? [], volOfVols?.values ?? [], metadata?.values ?? []);
  if ("problem" in config) throw new Error(config.problem);
  return config;
}

async function saveConfig(context: Excel.RequestContext, config: CorrelationConfig, overwriteForeign: boolean): Promise<SaveOutcome> {
  const layout = configToSheet(config);
  const sheets = context.workbook.worksheets;
  const sheet = sheets.getItemOrNullObject(CONFIG_SHEET_NAME).load("name");
  const named = namedItems(context);
  await context.sync();

  const marker = sheet.isNullObject ? null : sheet.getRange(MARKER_ADDRESS).load("values");
  const targets = named.map(({ name, item }) => {
    if (item.isNullObject || item.type !== "Range") return { name, item, range: null };
    const range = item.getRange().load("address");
    range.worksheet.load("name");
    return { name, item, range };
  });
  await context.sync();

  const observations: NameObservation[] = targets.map(({ name, item, range }) => ({
    name,
    exists: !item.isNullObject,
    sheetName: range ? range.worksheet.name : null,
    refersTo: range ? range.address : item.isNullObject ? "" : String(item.value),
  }));
  const verdict = judgeOwnership({ exists: !sheet.isNullObject, markerValue: marker?.values[0]?.[0] }, observations);
  if (verdict.foreign.length > 0 && !overwriteForeign) return { saved: false, needsConfirmation: confirmationMessage(verdict.foreign) };

  // One batch of writes: clear the old blocks (our names' ranges), write the new ones, redefine the names.
  const target = sheet.isNullObject ? sheets.add(CONFIG_SHEET_NAME) : sheet;
  for (const { name, range } of targets) {
    if (range && verdict.ourNames.includes(name)) range.clear("All");
  }
  for (const written of [layout.marker, ...layout.blocks]) writeBlock(target, written);
  for (const { name, item } of targets) {
    if (!item.isNullObject) item.delete();
    // A Range, not an address string: a string reference to a sheet whose name needs quotes can end up as text.
    context.workbook.names.add(name, target.getRange(layout.names[name]), NAME_COMMENT);
  }
  await context.sync();
  return { saved: true };
}

async function readSelection(context: Excel.RequestContext): Promise<SelectedRange> {
  const range = context.workbook.getSelectedRange().load("address,values");
  await context.sync();
  return { address: range.address, values: range.values };
}

async function readRange(context: Excel.RequestContext, address: string): Promise<unknown[][]> {
  const range = (await rangeAt(context, address)).load("values");
  await context.sync();
  return range.values;
}

async function insertHedgeReport(context: Excel.RequestContext, spec: HedgeReportSpec, insertedAt: Date): Promise<{ sheetName: string }> {
  const bookAssets = (await rangeAt(context, spec.assetsAddress)).load("values");
  await rangeAt(context, spec.vegasAddress);
  const sheets = context.workbook.worksheets.load("items/name");
  await context.sync();

  const sheetName = reportSheetName(sheets.items.map((existing) => existing.name));
  const layout = hedgeReportLayout(spec, reportAssets(bookAssets.values, spec.proxies), insertedAt.toISOString());
  const sheet = sheets.add(sheetName);
  for (const written of layout.blocks) writeBlock(sheet, written);
  const chart = sheet.charts.add("ColumnClustered", sheet.getRange(layout.chart.sourceAddress), "Columns");
  chart.title.text = layout.chart.title;
  chart.setPosition(layout.chart.topLeft, layout.chart.bottomRight);
  sheet.activate();
  await context.sync();
  return { sheetName };
}

async function insertStabilityReport(context: Excel.RequestContext, spec: StabilityReportSpec, insertedAt: Date): Promise<{ sheetName: string }> {
  for (const address of [spec.historyAddress, spec.assetsAddress, spec.vegasAddress]) await rangeAt(context, address);
  const sheets = context.workbook.worksheets.load("items/name");
  await context.sync();

  const sheetName = stabilitySheetName(sheets.items.map((existing) => existing.name));
  const layout = stabilityReportLayout(spec, insertedAt.toISOString());
  const sheet = sheets.add(sheetName);
  for (const written of layout.blocks) writeBlock(sheet, written);
  // Formats only where a spill will land: writing values there would block the spill (#SPILL!).
  for (const { address, rows, format } of layout.formats) sheet.getRange(address).numberFormat = Array.from({ length: rows }, () => [format]);
  for (const spec of layout.charts) {
    const chart = sheet.charts.add(spec.type, sheet.getRange(spec.sourceAddress), "Columns");
    chart.title.text = spec.title;
    chart.setPosition(spec.topLeft, spec.bottomRight);
  }
  sheet.activate();
  await context.sync();
  return { sheetName };
}

export function createOfficeGateway(options: OfficeGatewayOptions = {}): WorkbookGateway {
  const now = options.now ?? (() => new Date());
  const run = <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => withCellEditRetry(() => Excel.run(batch), options.retry);
  return {
    requirementProblem,
    loadConfig: () => run(loadConfig),
    saveConfig: (config, { overwriteForeign }) => run((context) => saveConfig(context, config, overwriteForeign)),
    readSelection: () => run(readSelection),
    readRange: (address) => run((context) => readRange(context, address)),
    insertHedgeReport: (spec) => run((context) => insertHedgeReport(context, spec, now())),
    insertStabilityReport: (spec) => run((context) => insertStabilityReport(context, spec, now())),
    readSelectedCell: () => run(readSelectedCell),
    readArgumentValues: (sheetName, sources) => run((context) => readArgumentValues(context, sheetName, sources)),
  };
}
