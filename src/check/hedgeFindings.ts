/*
 * How good each hedge in a book is: for every XV.XVEGAHEDGE / XV.HEDGESTATS call, the add-in's own HEDGESTATS on the
 * same arguments gives the effectiveness and the warnings (a `hedge` finding at the formula's anchor when it is below
 * --min-effectiveness, and one per warning), XVEGAHEDGE gives the hedge vega per proxy, and the `assets`/`vegas`
 * arguments give the book's net vega per asset for the roll-up's Exposure sheet.
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- the adapters take Excel's raw any[][] arguments */
import { hedgestats, xvegahedge, HEDGE_STATISTIC_LABELS, WARNING_LABEL } from "../functions/hedgeFunctions";
import { readLegs } from "../ranges/hedgeArguments";
import { ExposureLine, Finding, HedgeLine } from "./checkTypes";
import { cellName } from "./cellAddress";
import { XvCall } from "./formulaEvaluation";
import { XvFormulaCell } from "./formulaCells";

const HEDGE_FUNCTIONS = new Set(["XV.XVEGAHEDGE", "XV.HEDGESTATS"]);
const EFFECTIVENESS_ROW = HEDGE_STATISTIC_LABELS.indexOf("effectiveness");

export interface HedgeReview {
  findings: Finding[];
  exposure: ExposureLine[];
  hedges: HedgeLine[];
}

function safely<T>(compute: () => T): T | null {
  try {
    return compute();
  } catch {
    return null;
  }
}

function netVegaByAsset(assets: unknown, vegas: unknown): Map<string, { asset: string; netVega: number }> {
  const net = new Map<string, { asset: string; netVega: number }>();
  for (const leg of readLegs(assets, vegas)) {
    const key = leg.asset.trim().toUpperCase();
    const entry = net.get(key) ?? { asset: leg.asset.trim(), netVega: 0 };
    entry.netVega += leg.vegaPerVolPoint;
    net.set(key, entry);
  }
  return net;
}

/**
 * @param countedExposures the `assets`/`vegas` arguments whose exposure the book has already counted (shared by all
 *   its formulas: a book often has XVEGAHEDGE and HEDGESTATS over the same legs)
 */
export function reviewHedges(formula: XvFormulaCell, calls: readonly XvCall[], minEffectiveness: number, countedExposures: Set<string>): HedgeReview {
  const review: HedgeReview = { findings: [], exposure: [], hedges: [] };
  const cell = cellName(formula.row, formula.column);
  for (const call of calls) {
    if (!HEDGE_FUNCTIONS.has(call.name) || !Array.isArray(call.result)) continue;
    const args = call.args as any[];
    // The call's own result is one of the two blocks; only the other is computed again.
    const ownResult = call.result as unknown[][];
    const statistics = (call.name === "XV.HEDGESTATS" ? ownResult : safely(() => hedgestats(...(args as [any, any, any, any])))) as unknown[][] | null;
    if (statistics === null) continue;
    const base = { sheet: formula.sheet, cell, function: call.name, cached: null, recomputed: null };
    const effectiveness = statistics[EFFECTIVENESS_ROW]?.[1];
    if (typeof effectiveness === "number" && effectiveness < minEffectiveness) {
      review.findings.push({
        ...base,
        kind: "hedge",
        recomputed: effectiveness,
        message: `hedge effectiveness ${effectiveness.toFixed(4)} is below ${minEffectiveness} (--min-effectiveness): the proxies remove only ${(effectiveness * 100).toFixed(1)}% of the book's vega P&L variance; add or change proxies`,
      });
    }
    for (const row of statistics) if (row[0] === WARNING_LABEL && typeof row[1] === "string") review.findings.push({ ...base, kind: "hedge", message: row[1] });
    const proxies = (call.name === "XV.XVEGAHEDGE" ? ownResult : safely(() => xvegahedge(...(args as [any, any, any, any])))) as unknown[][] | null;
    for (const line of proxies ?? []) {
      review.hedges.push({
        sheet: formula.sheet,
        cell,
        function: call.name,
        proxy: String(line[0] ?? ""),
        hedgeVega: typeof line[1] === "number" ? line[1] : null,
        effectiveness: typeof effectiveness === "number" ? effectiveness : null,
      });
    }
    const key = JSON.stringify([args[0], args[1]]);
    if (countedExposures.has(key)) continue;
    countedExposures.add(key);
    const net = safely(() => netVegaByAsset(args[0], args[1]));
    for (const { asset, netVega } of net?.values() ?? []) review.exposure.push({ asset, netVega, sheet: formula.sheet, cell });
  }
  return review;
}
