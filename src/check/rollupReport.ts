/*
 * The desk head's roll-up (`xvega check … --report OUT.xlsx`), written with exceljs: values, never formulas, each row
 * carrying the book and cell it came from.
 *   Summary   one row per book: formulas, checked, findings by kind, OK/FAIL (or the reason it could not be read)
 *   Findings  one row per finding; header frozen, autofilter on
 *   Exposure  net vega per asset per book (from the assets/vegas arguments of its hedge formulas), then the total
 *   Hedges    each hedge found, one row per proxy; with --corr/--volvol/--proxies the firm-level hedge of the total
 */
import ExcelJS from "exceljs";
import { FINDING_KINDS, INFORMATIONAL_KINDS, WorkbookEntry, isUnreadable } from "./checkTypes";
import { CSV_COLUMNS } from "./checkOutput";

/** The firm-level hedge of the total exposure, computed by the caller (the CLI reads --corr/--volvol/--proxies). */
export interface FirmHedge {
  proxies: { proxy: string; hedgeVega: number }[];
  effectiveness: number;
}

export interface TotalExposure {
  asset: string;
  netVega: number;
}

/** Net vega per asset over every book (names compared ignoring case and spaces; the first spelling is shown). */
export function totalExposure(entries: readonly WorkbookEntry[]): TotalExposure[] {
  const totals = new Map<string, TotalExposure>();
  for (const entry of entries) {
    if (isUnreadable(entry)) continue;
    for (const line of entry.exposure) {
      const key = line.asset.trim().toUpperCase();
      const total = totals.get(key) ?? { asset: line.asset, netVega: 0 };
      total.netVega += line.netVega;
      totals.set(key, total);
    }
  }
  return [...totals.values()];
}

function headerRow(sheet: ExcelJS.Worksheet, headers: readonly string[], widths: readonly number[]): void {
  sheet.addRow([...headers]).font = { bold: true };
  widths.forEach((width, index) => (sheet.getColumn(index + 1).width = width));
  sheet.views = [{ state: "frozen", ySplit: 1 }];
}

function addSummary(workbook: ExcelJS.Workbook, entries: readonly WorkbookEntry[]): void {
  const sheet = workbook.addWorksheet("Summary");
  headerRow(sheet, ["book", "formulas", "checked", ...FINDING_KINDS, "status", "error"], [40, 10, 10, ...FINDING_KINDS.map(() => 12), 8, 60]);
  for (const entry of entries) {
    if (isUnreadable(entry)) {
      sheet.addRow([entry.file, null, null, ...FINDING_KINDS.map(() => null), "FAIL", entry.error]);
      continue;
    }
    const counts = FINDING_KINDS.map((kind) => entry.findings.filter((finding) => finding.kind === kind).length);
    const failing = entry.findings.some((finding) => !INFORMATIONAL_KINDS.includes(finding.kind));
    sheet.addRow([entry.file, entry.formulas, entry.checked, ...counts, failing ? "FAIL" : "OK", null]);
  }
}

function addFindings(workbook: ExcelJS.Workbook, entries: readonly WorkbookEntry[]): void {
  const sheet = workbook.addWorksheet("Findings");
  headerRow(sheet, CSV_COLUMNS, [40, 16, 8, 16, 14, 100, 14, 14]);
  for (const entry of entries) {
    if (isUnreadable(entry)) continue;
    for (const finding of entry.findings) {
      sheet.addRow([entry.file, finding.sheet, finding.cell, finding.function, finding.kind, finding.message, finding.cached, finding.recomputed]);
    }
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, sheet.rowCount), column: CSV_COLUMNS.length } };
}

function addExposure(workbook: ExcelJS.Workbook, entries: readonly WorkbookEntry[]): void {
  const sheet = workbook.addWorksheet("Exposure");
  headerRow(sheet, ["book", "asset", "net vega", "sheet", "cell"], [40, 10, 16, 16, 8]);
  for (const entry of entries) {
    if (isUnreadable(entry)) continue;
    for (const line of entry.exposure) sheet.addRow([entry.file, line.asset, line.netVega, line.sheet, line.cell]);
  }
  for (const total of totalExposure(entries)) sheet.addRow(["total (all books)", total.asset, total.netVega, null, null]).font = { bold: true };
  sheet.getColumn(3).numFmt = "#,##0.00;[Red]-#,##0.00";
}

function addHedges(workbook: ExcelJS.Workbook, entries: readonly WorkbookEntry[], firm: FirmHedge | null): void {
  const sheet = workbook.addWorksheet("Hedges");
  headerRow(sheet, ["book", "sheet", "cell", "function", "proxy", "hedge vega", "effectiveness"], [40, 16, 8, 16, 10, 16, 14]);
  for (const entry of entries) {
    if (isUnreadable(entry)) continue;
    for (const line of entry.hedges) sheet.addRow([entry.file, line.sheet, line.cell, line.function, line.proxy, line.hedgeVega, line.effectiveness]);
  }
  if (firm !== null) {
    for (const line of firm.proxies) sheet.addRow(["firm (total of all books)", null, null, "xvega hedge", line.proxy, line.hedgeVega, firm.effectiveness]).font = { bold: true };
  }
  sheet.getColumn(6).numFmt = "#,##0.00;[Red]-#,##0.00";
  sheet.getColumn(7).numFmt = "0.0%";
}

/** The roll-up workbook's bytes. */
export async function rollupReportBytes(entries: readonly WorkbookEntry[], firm: FirmHedge | null): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "xvega check";
  addSummary(workbook, entries);
  addFindings(workbook, entries);
  addExposure(workbook, entries);
  addHedges(workbook, entries, firm);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
