/*
 * The "XV Stability Report" sheet: live XV.HEDGEBACKTEST, XV.BACKTESTSTATS and XV.HEDGESTRESS formulas over the
 * history, the book's columns and the saved names, never pasted numbers; and two native charts. Pure: the Office module
 * writes these blocks and adds the charts. Rows below are 1-based, p proxies, s shifts, N out-of-sample days.
 *
 *   A1 title · A2:B6 inserted (UTC), correlations as of (XV_META), the history, the book's two columns
 *   row 8 headers: A9:A(8+p) proxies · C9:D12 window, lambda (blank: the sample estimate, noted in E10), ridge,
 *      rebalance · F9:F(8+s) shifts
 *   H9 =XV.HEDGESTRESS(…) (spills s+1 rows: shift, held effectiveness, held residual sd, reoptimised effectiveness,
 *      repaired); under it, from row 11+s, the stress chart's table: shift | held | reoptimised, sorted by shift
 *   row b: A(b+1) =XV.HEDGEBACKTEST(…) (spills N+1 rows: date, unhedged_pnl, hedge_pnl, hedged_pnl, hedge <proxy>…);
 *      beside it (one column apart) the P&L chart's table: date | cumulative unhedged | cumulative hedged
 *   the column right of everything: =XV.BACKTESTSTATS(…) in row 9 (label/value rows, warnings appended: nothing is
 *      below it); the charts float right of it.
 *
 * The charts' tables are formulas over the spills (running SUMs, references), so they stay live. Their corner cell is
 * blank so that Excel takes the first column as the categories (dates) or the x values (shifts). Their size is fixed
 * when the report is inserted (N from today's history, s from the shifts): a longer history needs a new report, as a
 * new asset needs a new hedge report. Every option is a cell the formulas read, so it can be changed in place: a blank
 * lambda cell is the sample estimate (the functions read blank, or the desktop's 0, as XV.VOLCORR does).
 */
import type { StabilityReportSpec } from "./workbookGateway";
import { CORRELATION_NAME, METADATA_NAME, VOL_OF_VOL_NAME } from "./workbookGateway";
import { absoluteSheetReference, boxAddress, cellAddress, columnLetters } from "./a1Address";
import { blank, block, formula, numberCell, text, type CellSpec, type SheetBlock } from "./sheetBlock";

export const STABILITY_SHEET_NAME = "XV Stability Report";
export const STABILITY_TITLE = "xvega stability report";
export const PNL_CHART_TITLE = "Cumulative vol P&L, unhedged and hedged (out of sample)";
export const STRESS_CHART_TITLE = "Hedge effectiveness against the target–proxy correlation shift";
/** How Excel shows an Excel date serial in the report's date columns. */
export const DATE_FORMAT = "yyyy-mm-dd";

/** "XV Stability Report", or "… 2", 3… when taken (sheet names compare case-insensitively). */
export function stabilitySheetName(existingSheetNames: readonly string[]): string {
  const taken = new Set(existingSheetNames.map((name) => name.toLowerCase()));
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? STABILITY_SHEET_NAME : `${STABILITY_SHEET_NAME} ${n}`;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}

export interface ReportChart {
  /** Excel.ChartType. */
  type: "Line" | "XYScatterLines";
  sourceAddress: string;
  topLeft: string;
  bottomRight: string;
  title: string;
}

export interface StabilityReportLayout {
  blocks: SheetBlock[];
  /** Number formats for cells a spill fills (nothing is written there, or the spill would be blocked). */
  formats: { address: string; rows: number; format: string }[];
  charts: ReportChart[];
}

function dateCell(content: string, asDate: boolean): CellSpec {
  const cell = formula(content);
  return asDate ? { ...cell, format: DATE_FORMAT } : cell;
}

export function stabilityReportLayout(spec: StabilityReportSpec, insertedAtIso: string): StabilityReportLayout {
  const proxyCount = spec.proxies.length;
  const shiftCount = spec.shifts.length;
  if (proxyCount === 0) throw new Error("the stability report needs at least one proxy, such as BTC");
  if (shiftCount === 0) throw new Error("the stability report needs at least one correlation shift, such as 0");
  if (!Number.isInteger(spec.dayCount) || spec.dayCount < 1) throw new Error(`the backtest has ${spec.dayCount} out-of-sample days: the report needs at least one`);
  const history = absoluteSheetReference(spec.historyAddress);
  const assets = absoluteSheetReference(spec.assetsAddress);
  const vegas = absoluteSheetReference(spec.vegasAddress);

  // Zero-based rows and columns from here on (row 8 of the sheet is 7).
  const inputTop = 8;
  const proxies = boxAddress({ top: inputTop, left: 0, rows: proxyCount, columns: 1 }, true);
  const setting = (k: number): string => cellAddress(inputTop + k, 3, true);
  const shifts = boxAddress({ top: inputTop, left: 5, rows: shiftCount, columns: 1 }, true);
  const backtestArgs = `${history},${assets},${vegas},${proxies},${setting(0)},${setting(1)},${setting(2)},${setting(3)}`;
  const stressArgs = `${assets},${vegas},${proxies},${CORRELATION_NAME},${VOL_OF_VOL_NAME},${shifts},${setting(2)}`;

  const stressLeft = 7;
  const stressAnchor = inputTop;
  const stressTableHeader = stressAnchor + shiftCount + 2;
  const order = spec.shifts.map((shift, k) => ({ shift, k })).sort((a, b) => a.shift - b.shift);
  const stressRow = (k: number): number => stressAnchor + 1 + k;
  const stressTable: CellSpec[][] = [
    [blank(), text("held effectiveness"), text("reoptimised effectiveness")],
    ...order.map(({ k }) => [0, 1, 3].map((offset) => formula(`=${cellAddress(stressRow(k), stressLeft + offset)}`))),
  ];

  const backtestHeader = Math.max(inputTop + proxyCount, inputTop + 4, stressTableHeader + 1 + shiftCount) + 1;
  const backtestAnchor = backtestHeader + 1;
  const firstDay = backtestAnchor + 1;
  const pnlLeft = 4 + proxyCount + 1;
  const running = (column: number, row: number): string => {
    const letters = columnLetters(column);
    const day = cellAddress(row, column);
    return `=IF(ISNUMBER(${day}),SUM(${letters}$${firstDay + 1}:${day}),NA())`;
  };
  const pnlTable: CellSpec[][] = [
    [blank(), text("cumulative unhedged P&L"), text("cumulative hedged P&L")],
    ...Array.from({ length: spec.dayCount }, (_, d) => {
      const row = firstDay + d;
      return [dateCell(`=${cellAddress(row, 0)}`, spec.datesAreSerials), formula(running(1, row)), formula(running(3, row))];
    }),
  ];

  const statsLeft = Math.max(pnlLeft + 2, stressLeft + 4) + 2;
  const chartLeft = statsLeft + 3;
  const blocks: SheetBlock[] = [
    block(0, 0, [[text(STABILITY_TITLE)]]),
    block(1, 0, [[text("inserted (UTC)"), text(insertedAtIso)]]),
    block(2, 0, [[text("correlations as of"), formula(`=IFERROR(VLOOKUP("as_of",${METADATA_NAME},2,FALSE),"not saved")`)]], "formulas"),
    block(3, 0, [[text("history"), text(history)], [text("book assets"), text(assets)], [text("book vegas"), text(vegas)]]),
    block(inputTop - 1, 0, [[text("proxy")], ...spec.proxies.map((proxy) => [text(proxy)])]),
    block(inputTop - 1, 2, [
      [text("setting"), text("value")],
      [text("window"), numberCell(spec.window)],
      [text("lambda"), spec.lambda === null ? blank() : numberCell(spec.lambda)],
      [text("ridge"), numberCell(spec.ridge)],
      [text("rebalance"), numberCell(spec.rebalance)],
    ]),
    block(inputTop + 1, 4, [[text("blank = sample")]]),
    block(inputTop - 1, 5, [[text("shift")], ...spec.shifts.map((shift) => [numberCell(shift)])]),
    block(inputTop - 1, stressLeft, [[text("correlation stress")], [formula(`=XV.HEDGESTRESS(${stressArgs})`)]], "formulas"),
    block(stressTableHeader, stressLeft, stressTable, "formulas"),
    block(backtestHeader, 0, [[text("out-of-sample backtest")], [formula(`=XV.HEDGEBACKTEST(${backtestArgs})`)]], "formulas"),
    block(backtestAnchor, pnlLeft, pnlTable, "formulas"),
    block(inputTop - 1, statsLeft, [[text("backtest statistics")], [formula(`=XV.BACKTESTSTATS(${backtestArgs})`)]], "formulas"),
  ];
  const formats = spec.datesAreSerials ? [{ address: boxAddress({ top: firstDay, left: 0, rows: spec.dayCount, columns: 1 }), rows: spec.dayCount, format: DATE_FORMAT }] : [];
  return {
    blocks,
    formats,
    charts: [
      {
        type: "Line",
        sourceAddress: boxAddress({ top: backtestAnchor, left: pnlLeft, rows: spec.dayCount + 1, columns: 3 }),
        topLeft: cellAddress(inputTop - 1, chartLeft),
        bottomRight: cellAddress(inputTop + 16, chartLeft + 7),
        title: PNL_CHART_TITLE,
      },
      {
        type: "XYScatterLines",
        sourceAddress: boxAddress({ top: stressTableHeader, left: stressLeft, rows: shiftCount + 1, columns: 3 }),
        topLeft: cellAddress(inputTop + 18, chartLeft),
        bottomRight: cellAddress(inputTop + 34, chartLeft + 7),
        title: STRESS_CHART_TITLE,
      },
    ],
  };
}
