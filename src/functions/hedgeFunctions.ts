/* eslint-disable @typescript-eslint/no-explicit-any -- Excel passes ranges as any[][] (numbers, text, booleans, blanks) */
/*
 * Excel custom functions for the cross-asset (proxy) vega hedge. The JSDoc below is the function reference Excel shows
 * (parsed by custom-functions-metadata-plugin into functions.json): keep it in step with docs/functions.md.
 */
import { SINGULAR_CONDITION_TEXT } from "../core/conditionNumber";
import { computeProxyHedge, type ProxyHedgeResult } from "../core/hedge";
import { withDomainErrors } from "./domainErrors";
import { invalidValueError } from "./excelErrors";
import { readHedgeRequest, type HedgeArguments, type HedgeRequest } from "../ranges/hedgeArguments";

/** Labels of XV.HEDGESTATS, top to bottom; the warnings follow, one row each. */
export const HEDGE_STATISTIC_LABELS = [
  "unhedged sd per day",
  "residual sd per day",
  "effectiveness",
  "condition number",
  "proxy correlation condition number",
  "residual sd per day after rounding",
  "effectiveness after rounding",
] as const;
export const WARNING_LABEL = "warning";

/** Both functions take the same arguments in the same order (omitted optionals arrive as null or undefined). */
function hedgeFor(
  assets: any[][],
  vegas: any[][],
  proxies: any[][],
  correlations: any[][],
  volvols: any[][] | undefined,
  contractVegas: any[][] | undefined,
  lotSizes: any[][] | undefined,
  ridge: any[][] | undefined,
): { request: HedgeRequest; result: ProxyHedgeResult } {
  const args: HedgeArguments = {
    assets,
    vegas,
    proxies,
    correlations,
    volvols: volvols ?? null,
    contractVegas: contractVegas ?? null,
    lotSizes: lotSizes ?? null,
    ridge: ridge ?? null,
  };
  const request = readHedgeRequest(args);
  return { request, result: computeProxyHedge(request.input) };
}

/** A number for a cell; the engine never returns a non-finite one, and if it did the cell must not show it. */
function finite(value: number, what: string): number {
  if (!Number.isFinite(value)) throw invalidValueError(`the ${what} is not a finite number: check the inputs`);
  return value;
}

/** A statistic that may be absent (null): "" shows a blank cell, never 0. */
function optional(value: number | null | undefined): number | string {
  return value === null || value === undefined || !Number.isFinite(value) ? "" : value;
}

/** A condition number, or the text "∞ (singular)" (the engine's one rule for a singular matrix, conditionNumber.ts). */
function conditionCell(value: number | null): number | string {
  return value === null ? SINGULAR_CONDITION_TEXT : finite(value, "condition number");
}

/**
 * Minimum-variance proxy hedge: the vega to add on each proxy so that the book's daily vega P&L has the least variance.
 * One row per proxy, in the order given: name, hedge vega (cash per vol point; negative = sell vol) and, with
 * contract_vegas, contracts and contracts rounded to the lot size. No header row.
 * @customfunction XVEGAHEDGE
 * @helpurl https://localhost:3000/help/functions.html#xvxvegahedge
 * @param assets Asset of each leg (a column or row). Legs on the same asset are netted (names ignore case and spaces). Rows blank in both assets and vegas are skipped.
 * @param vegas Cash vega per vol point of each leg (qty × multiplier × XV.VEGA), same length as assets.
 * @param proxies Assets to hedge with, a row or column of names, e.g. BTC, ETH.
 * @param correlations Correlations of daily vol changes with asset names in the first row and first column (e.g. the name XV_CORR).
 * @param volvols Std dev of daily vol changes in vol points: names and values in two columns or two rows (e.g. XV_VOLVOL). Omitted = all equal.
 * @param contract_vegas Cash vega per vol point of one contract of each proxy's option, positive (same layout as proxies). Adds contracts columns.
 * @param lot_sizes Contracts are rounded to a multiple of this, per proxy or one for all. Blank = 1 (whole contracts).
 * @param ridge Ridge λ ≥ 0 added to the proxies' variances (× their mean) to steady a hedge on collinear proxies. Blank = 0.
 * @returns One row per proxy: name, hedge vega[, contracts, rounded contracts].
 */
export function xvegahedge(
  assets: any[][],
  vegas: any[][],
  proxies: any[][],
  correlations: any[][],
  volvols?: any[][],
  contract_vegas?: any[][],
  lot_sizes?: any[][],
  ridge?: any[][],
): any[][] {
  return withDomainErrors("XV.XVEGAHEDGE", () => {
    const { request, result } = hedgeFor(assets, vegas, proxies, correlations, volvols, contract_vegas, lot_sizes, ridge);
    return result.proxies.map((line, a) => {
      const name = request.proxyNames[a] ?? line.asset;
      const row: (string | number)[] = [name, finite(line.hedgeVegaPerVolPoint, `hedge vega of ${name}`)];
      if (line.contracts) {
        row.push(finite(line.contracts.exactContracts, `contracts of ${name}`), finite(line.contracts.roundedContracts, `rounded contracts of ${name}`));
      }
      return row;
    });
  });
}

/**
 * How good the XV.XVEGAHEDGE hedge is and how fragile: a two-column block of labels and values. P&L standard deviations
 * are in the vegas' currency per day; then effectiveness, condition numbers ("∞ (singular)" for a singular matrix), the
 * figures after rounding (blank without contract_vegas), and one "warning" row per warning.
 * @customfunction HEDGESTATS
 * @helpurl https://localhost:3000/help/functions.html#xvhedgestats
 * @param assets Asset of each leg (a column or row), as for XV.XVEGAHEDGE.
 * @param vegas Cash vega per vol point of each leg, same length as assets.
 * @param proxies Assets to hedge with, a row or column of names.
 * @param correlations Correlations of daily vol changes with asset names in the first row and first column (e.g. XV_CORR).
 * @param volvols Std dev of daily vol changes in vol points, names and values (e.g. XV_VOLVOL). Omitted = all equal.
 * @param contract_vegas Cash vega per vol point of one contract of each proxy's option. Adds the figures after rounding.
 * @param lot_sizes Contracts are rounded to a multiple of this, per proxy or one for all. Blank = 1.
 * @param ridge Ridge λ ≥ 0 (as in XV.XVEGAHEDGE). Blank = 0.
 * @returns Label and value rows: unhedged sd, residual sd, effectiveness, condition numbers, after-rounding figures, warnings.
 */
export function hedgestats(
  assets: any[][],
  vegas: any[][],
  proxies: any[][],
  correlations: any[][],
  volvols?: any[][],
  contract_vegas?: any[][],
  lot_sizes?: any[][],
  ridge?: any[][],
): any[][] {
  return withDomainErrors("XV.HEDGESTATS", () => {
    const { result } = hedgeFor(assets, vegas, proxies, correlations, volvols, contract_vegas, lot_sizes, ridge);
    const values: (number | string)[] = [
      finite(result.unhedgedPnlStandardDeviation, "unhedged sd"),
      finite(result.residualPnlStandardDeviation, "residual sd"),
      finite(result.effectiveness, "effectiveness"),
      conditionCell(result.conditionNumber),
      conditionCell(result.proxyCorrelationConditionNumber),
      optional(result.afterRounding?.residualPnlStandardDeviation),
      optional(result.afterRounding?.effectiveness),
    ];
    const rows: (string | number)[][] = HEDGE_STATISTIC_LABELS.map((label, k) => [label, values[k] ?? ""]);
    for (const warning of result.warnings) rows.push([WARNING_LABEL, warning.message]);
    return rows;
  });
}
