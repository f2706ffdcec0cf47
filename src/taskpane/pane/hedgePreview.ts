/*
 * The Hedge tab's sums, without DOM or Office: the form's text fields become the arguments XV.XVEGAHEDGE takes, read
 * by the same reader (src/functions/hedgeArguments.ts) and solved by the same engine (src/core/hedge), so the preview
 * shows what the inserted report's formulas will compute from the same set-up.
 */
import type { CorrelationConfig } from "../correlation/correlationConfig";
import { computeProxyHedge, type ProxyHedgeResult } from "../../core/hedge";
import { readHedgeRequest, type HedgeArguments } from "../../ranges/hedgeArguments";
import type { HedgeReportSpec } from "../workbook/workbookGateway";

/** The Hedge tab's inputs, as typed. */
export interface HedgeForm {
  assetsAddress: string;
  vegasAddress: string;
  /** "BTC, ETH" */
  proxies: string;
  /** Optional, one per proxy: "1200, 800" */
  contractVegas: string;
  /** Optional, one per proxy or one for all: "1" or "0.1, 1" */
  lotSizes: string;
}

export const EMPTY_HEDGE_FORM: HedgeForm = { assetsAddress: "", vegasAddress: "", proxies: "", contractVegas: "", lotSizes: "" };

export type Checked<T> = { ok: true; value: T } | { ok: false; message: string };

/** "BTC, ETH ,, SOL" → ["BTC", "ETH", "SOL"]: commas or semicolons, blanks dropped. */
export function parseNameList(text: string): string[] {
  return text
    .split(/[,;]/)
    .map((part) => part.trim())
    .filter((part) => part !== "");
}

/** A number typed the way Excel users type them: "1200", "1,200" is two entries (commas separate), "1e3". */
function numberOrText(text: string): number | string {
  const value = Number(text);
  return text !== "" && Number.isFinite(value) ? value : text;
}

/**
 * "1200, 800" → [1200, 800]; text that is not a number stays text so that the reader names it in its message
 * ("contract_vegas for ETH is text "abc" …"). Blank → null (the argument is omitted).
 */
export function parseNumberCells(text: string): (number | string)[] | null {
  if (text.trim() === "") return null;
  return text.split(/[,;]/).map((part) => numberOrText(part.trim()));
}

/** The correlation set-up as the labelled range XV_CORR holds: names across the top and down the side. */
export function labelledCorrelations(config: CorrelationConfig): unknown[][] {
  // The corner names the kind of change, as XV_Config's XV_CORR does, so a log set-up is refused here as it is there.
  const corner = config.changes === "log" ? "log" : "abs";
  return [[corner, ...config.assets], ...config.assets.map((asset, i) => [asset, ...(config.correlations[i] ?? [])])];
}

/** Vol-of-vols as XV_VOLVOL holds them (name, value rows), skipping unset ones; null when none is set. */
export function labelledVolOfVols(config: CorrelationConfig): unknown[][] | null {
  const rows = config.assets.flatMap((asset, i) => {
    const value = config.volOfVols[i];
    return value === null || value === undefined ? [] : [[asset, value]];
  });
  return rows.length === 0 ? null : rows;
}

/** Whether two set-ups give the same hedge: same assets, correlations, vol-of-vols and change kind (metadata aside). */
export function sameHedgeInputs(a: CorrelationConfig, b: CorrelationConfig): boolean {
  return (
    a.changes === b.changes &&
    JSON.stringify([a.assets, a.correlations, a.volOfVols]) === JSON.stringify([b.assets, b.correlations, b.volOfVols])
  );
}

/** RangeInputError, HedgeInputError, anything else: the message a trader reads. */
export function messageOf(error: unknown): string {
  if (typeof error === "object" && error !== null && "message" in error && typeof error.message === "string" && error.message !== "") return error.message;
  return String(error);
}

/** The first thing missing from the form before any range is read, or null. */
export function formProblem(form: HedgeForm): string | null {
  if (form.assetsAddress.trim() === "") return "Give the address of the book's asset column (select it and click Use selection).";
  if (form.vegasAddress.trim() === "") return "Give the address of the book's vega column (select it and click Use selection).";
  if (parseNameList(form.proxies).length === 0) return "Name at least one proxy to hedge with, such as BTC, ETH.";
  if (form.contractVegas.trim() === "" && form.lotSizes.trim() !== "") return "Lot sizes need contract vegas: give the vega of one contract of each proxy, or clear the lot sizes.";
  return null;
}

export interface HedgePreview {
  proxies: string[];
  result: ProxyHedgeResult;
}

/**
 * The hedge of the book's legs (`assets`, `vegas`: the values of the two ranges) with the form's proxies and sizing,
 * under `config`'s correlations and vol-of-vols, exactly as XV.XVEGAHEDGE reads them (absolute vol changes).
 */
export function computeHedgePreview(config: CorrelationConfig, assets: unknown[][], vegas: unknown[][], form: HedgeForm): Checked<HedgePreview> {
  const problem = formProblem(form);
  if (problem) return { ok: false, message: problem };
  if (config.assets.length === 0) return { ok: false, message: "The correlation set-up is empty: import or type correlations on the Correlations tab first." };
  const args: HedgeArguments = {
    assets,
    vegas,
    proxies: [parseNameList(form.proxies)],
    correlations: labelledCorrelations(config),
    volvols: labelledVolOfVols(config),
    contractVegas: wrapRow(parseNumberCells(form.contractVegas)),
    lotSizes: wrapRow(parseNumberCells(form.lotSizes)),
    ridge: null,
  };
  try {
    const request = readHedgeRequest(args);
    const result = computeProxyHedge(request.input);
    return { ok: true, value: { proxies: request.proxyNames, result } };
  } catch (error) {
    return { ok: false, message: messageOf(error) };
  }
}

function wrapRow(cells: (number | string)[] | null): unknown[][] | null {
  return cells === null ? null : [cells];
}

/** The numbers of an optional per-proxy list, or a message naming the first entry that is not one. */
function numberList(text: string, label: string): Checked<number[] | undefined> {
  const cells = parseNumberCells(text);
  if (cells === null) return { ok: true, value: undefined };
  const bad = cells.find((cell) => typeof cell !== "number");
  if (bad !== undefined) return { ok: false, message: `${label} must be numbers separated by commas; "${String(bad)}" is not a number.` };
  return { ok: true, value: cells as number[] };
}

/** What "Insert hedge report" sends to the workbook, or why the form cannot make one. */
export function reportSpecFrom(form: HedgeForm): Checked<HedgeReportSpec> {
  const problem = formProblem(form);
  if (problem) return { ok: false, message: problem };
  const contractVegas = numberList(form.contractVegas, "Contract vegas");
  if (!contractVegas.ok) return contractVegas;
  const lotSizes = numberList(form.lotSizes, "Lot sizes");
  if (!lotSizes.ok) return lotSizes;
  return {
    ok: true,
    value: {
      assetsAddress: form.assetsAddress.trim(),
      vegasAddress: form.vegasAddress.trim(),
      proxies: parseNameList(form.proxies),
      ...(contractVegas.value ? { contractVegas: contractVegas.value } : {}),
      ...(lotSizes.value ? { lotSizes: lotSizes.value } : {}),
    },
  };
}
