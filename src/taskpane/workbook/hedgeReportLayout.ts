/*
 * The "XV Hedge Report" sheet: live formulas over the book and the saved names, never pasted numbers. Pure: the
 * Office module reads the book's asset column, then writes these blocks and adds the chart.
 *
 *   A1 title · A2:B2 inserted (UTC) · A3:B3 correlations as of (from XV_META) · A4:B5 the book's two columns
 *   A7 proxies header; A8:A(7+p) proxies [B: contract vega, C: lot size]
 *   F7 "hedge statistics"; F8 =XV.HEDGESTATS(…) (spills down two columns; nothing is below it)
 *   row h = p+9: hedge header; A(h+1) =XV.XVEGAHEDGE(…) (spills p rows: proxy, hedge vega[, contracts, rounded])
 *   row t = h+p+2: asset | net vega before | net vega after, one row per asset; the chart is drawn over this table
 *
 * The table's rows are the assets in the book when the report is inserted (plus the proxies), each with its own
 * formulas: SUMPRODUCT over the book's columns (before) plus the proxy's hedge vega from the XVEGAHEDGE spill (after).
 * That works in every Excel that runs the add-in (web, Windows, Mac), and the chart's range has a fixed size; an
 * =UNIQUE(…) spill would follow new assets but leave the chart's range behind. Values stay live; a new asset in the
 * book needs a new report. Names are matched as TRIM(…) = TRIM(…), which ignores case as the engine does.
 */
import { assetKey } from "../../core/correlation";
import type { HedgeReportSpec } from "./workbookGateway";
import { CORRELATION_NAME, METADATA_NAME, VOL_OF_VOL_NAME } from "./workbookGateway";
import { absoluteSheetReference, boxAddress, cellAddress } from "./a1Address";
import { block, formula, numberCell, text, type CellSpec, type SheetBlock } from "./sheetBlock";

export const REPORT_SHEET_NAME = "XV Hedge Report";
export const REPORT_TITLE = "xvega hedge report";
export const CHART_TITLE = "Net vega by asset, before and after the hedge";

/** "XV Hedge Report", or "XV Hedge Report 2", 3… when taken (sheet names compare case-insensitively). */
export function reportSheetName(existingSheetNames: readonly string[]): string {
  const taken = new Set(existingSheetNames.map((name) => name.toLowerCase()));
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? REPORT_SHEET_NAME : `${REPORT_SHEET_NAME} ${n}`;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}

/** The book's assets (first spelling, trimmed, blanks skipped, once each under the engine's rule), then missing proxies. */
export function reportAssets(bookAssetValues: readonly (readonly unknown[])[], proxies: readonly string[]): string[] {
  const seen = new Set<string>();
  const assets: string[] = [];
  const add = (name: unknown): void => {
    if (typeof name !== "string" || name.trim() === "" || seen.has(assetKey(name))) return;
    seen.add(assetKey(name));
    assets.push(name.trim());
  };
  bookAssetValues.forEach((row) => row.forEach(add));
  proxies.forEach(add);
  return assets;
}

export interface HedgeReportLayout {
  blocks: SheetBlock[];
  chart: { sourceAddress: string; topLeft: string; bottomRight: string; title: string };
}

function checkSizing(values: number[] | undefined, proxies: number, what: string): number[] | null {
  if (values === undefined || values.length === 0) return null;
  if (values.length !== proxies) throw new Error(`${values.length} ${what} for ${proxies} proxies: give one per proxy`);
  values.forEach((value) => numberCell(value));
  return values;
}

function checkProxies(proxies: readonly string[]): void {
  if (proxies.length === 0) throw new Error("the hedge report needs at least one proxy, such as BTC");
  const seen = new Set<string>();
  for (const proxy of proxies) {
    if (typeof proxy !== "string" || proxy.trim() === "") throw new Error("every proxy needs a name, such as BTC");
    if (seen.has(assetKey(proxy))) throw new Error(`proxy ${proxy.trim()} is listed twice: keep one`);
    seen.add(assetKey(proxy));
  }
}

export function hedgeReportLayout(spec: HedgeReportSpec, assets: readonly string[], insertedAtIso: string): HedgeReportLayout {
  checkProxies(spec.proxies);
  const count = spec.proxies.length;
  const contractVegas = checkSizing(spec.contractVegas, count, "contract vegas");
  const lotSizes = checkSizing(spec.lotSizes, count, "lot sizes");
  if (lotSizes && !contractVegas) throw new Error("lot sizes round contracts, so they need contract vegas too");
  const bookAssets = absoluteSheetReference(spec.assetsAddress);
  const bookVegas = absoluteSheetReference(spec.vegasAddress);

  const proxyTop = 7;
  const column = (left: number, rows: number, top = proxyTop): string => boxAddress({ top, left, rows, columns: 1 }, true);
  const sizingArgs = contractVegas ? `,${column(1, count)}${lotSizes ? `,${column(2, count)}` : ""}` : "";
  const hedgeArgs = `${bookAssets},${bookVegas},${column(0, count)},${CORRELATION_NAME},${VOL_OF_VOL_NAME}${sizingArgs}`;

  const proxyHeader = [text("proxy"), ...(contractVegas ? [text("contract vega")] : []), ...(lotSizes ? [text("lot size")] : [])];
  const proxyRows = spec.proxies.map((proxy, k) => [
    text(proxy),
    ...(contractVegas ? [numberCell(contractVegas[k] ?? 0)] : []),
    ...(lotSizes ? [numberCell(lotSizes[k] ?? 0)] : []),
  ]);

  const hedgeHeaderRow = proxyTop + count + 1;
  const hedgeTop = hedgeHeaderRow + 1;
  const hedgeHeader = [text("hedge: proxy"), text("hedge vega"), ...(contractVegas ? [text("contracts"), text("rounded contracts")] : [])];
  const hedgeVegas = column(1, count, hedgeTop);

  const tableHeaderRow = hedgeTop + count + 1;
  const tableRows: CellSpec[][] = assets.map((asset, i) => {
    const row = tableHeaderRow + 1 + i;
    const name = cellAddress(row, 0, true);
    const before = `=SUMPRODUCT(--(TRIM(${bookAssets})=TRIM(${name})),${bookVegas})`;
    const after = `=${cellAddress(row, 1)}+SUMPRODUCT(--(TRIM(${column(0, count)})=TRIM(${name})),${hedgeVegas})`;
    return [text(asset), formula(before), formula(after)];
  });
  if (tableRows.length === 0) throw new Error(`${spec.assetsAddress} holds no asset names: select the book's asset column`);

  const blocks: SheetBlock[] = [
    block(0, 0, [[text(REPORT_TITLE)]]),
    block(1, 0, [[text("inserted (UTC)"), text(insertedAtIso)]]),
    block(2, 0, [[text("correlations as of"), formula(`=IFERROR(VLOOKUP("as_of",${METADATA_NAME},2,FALSE),"not saved")`)]], "formulas"),
    block(3, 0, [[text("book assets"), text(bookAssets)], [text("book vegas"), text(bookVegas)]]),
    block(proxyTop - 1, 0, [proxyHeader, ...proxyRows]),
    block(proxyTop - 1, 5, [[text("hedge statistics")], [formula(`=XV.HEDGESTATS(${hedgeArgs})`)]], "formulas"),
    block(hedgeHeaderRow, 0, [hedgeHeader]),
    block(hedgeTop, 0, [[formula(`=XV.XVEGAHEDGE(${hedgeArgs})`)]], "formulas"),
    block(tableHeaderRow, 0, [[text("asset"), text("net vega before"), text("net vega after")], ...tableRows], "formulas"),
  ];
  return {
    blocks,
    chart: {
      sourceAddress: boxAddress({ top: tableHeaderRow, left: 0, rows: assets.length + 1, columns: 3 }),
      topLeft: "I7",
      bottomRight: "P24",
      title: CHART_TITLE,
    },
  };
}
