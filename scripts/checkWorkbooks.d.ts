/* Types for scripts/checkWorkbooks.js: the end-of-day check's fixture books. */
/* eslint-disable @typescript-eslint/no-explicit-any -- the adapters take and return Excel's raw any[][] */
export type CheckFixtureName =
  | "clean.xlsx"
  | "stale-vega.xlsx"
  | "value-error.xlsx"
  | "uncalculated.xlsx"
  | "invalid-corr.xlsx"
  | "old-meta.xlsx"
  | "weak-hedge.xlsx"
  | "unchecked.xlsx"
  | "missing-corr.xlsx";
export interface FixtureFunctions {
  vega: (...args: any[]) => any;
  years: (...args: any[]) => any;
  twvega: (...args: any[]) => any;
  xvegahedge: (...args: any[]) => any;
  hedgestats: (...args: any[]) => any;
}
export function buildCheckWorkbook(name: CheckFixtureName, functions: FixtureFunctions): Promise<Buffer>;
export const EXPECTED_FINDINGS: Record<CheckFixtureName, [sheet: string, cell: string, kind: string][]>;
export const CHECK_AS_OF: string;
export const POSITIONS: string;
export const VALUATION: Date;
