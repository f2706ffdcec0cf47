/*
 * Everything the pane asks of the workbook. The Office implementation (officeGateway.ts) is the only code in the pane
 * that calls Office.js; the view and the pure logic see only this interface.
 */
import type { CorrelationConfig } from "../correlation/correlationConfig";
import type { FormulaArgument } from "../explain/formulaCall";

/** The sheet the add-in owns and the workbook names it defines there. */
export const CONFIG_SHEET_NAME = "XV_Config";
export const CORRELATION_NAME = "XV_CORR";
export const VOL_OF_VOL_NAME = "XV_VOLVOL";
export const METADATA_NAME = "XV_META";

/** A save either happened, or would overwrite something the add-in did not create and needs the user's yes first. */
export type SaveOutcome = { saved: true } | { saved: false; needsConfirmation: string };

/** A range the user selected: its address ("Positions!A6:A17") and its values (Excel's any[][]). */
export interface SelectedRange {
  address: string;
  values: unknown[][];
}

/** What "Insert hedge report" writes: live formulas over the book's exposure columns and the saved names. */
export interface HedgeReportSpec {
  /** Sheet-qualified addresses of the book's per-leg asset and vega columns ("Positions!A6:A17"). */
  assetsAddress: string;
  vegasAddress: string;
  /** Proxy names in order (BTC, ETH). */
  proxies: string[];
  /** Optional sizing, one per proxy. */
  contractVegas?: number[];
  lotSizes?: number[];
}

/**
 * What "Insert stability report" writes: live XV.HEDGEBACKTEST, XV.BACKTESTSTATS and XV.HEDGESTRESS formulas over the
 * history, the book's columns and the saved names, with the tab's options, and native charts over their spills.
 */
export interface StabilityReportSpec {
  /** Sheet-qualified addresses of the history of vol levels and of the book's asset and vega columns. */
  historyAddress: string;
  assetsAddress: string;
  vegasAddress: string;
  proxies: string[];
  window: number;
  /** Null: the argument is left out (the sample estimate over the window). */
  lambda: number | null;
  ridge: number;
  rebalance: number;
  shifts: number[];
  /** The out-of-sample days the backtest gives today: the P&L chart's range covers that many rows. */
  dayCount: number;
  /** The history's dates are Excel date serials: the date columns get a date format. */
  datesAreSerials: boolean;
}

/**
 * The selected cell, for "Explain selected cell": the top-left cell of the selection, what it shows, and the formula
 * behind it (its own, or that of the spill it lies in).
 */
export interface SelectedCell {
  /** The whole selection ("Positions!F3:G5") and whether it is more than one cell. */
  selectionAddress: string;
  multipleCells: boolean;
  /** The top-left cell ("Positions!F3"), its sheet, and what Excel shows in it (Range.values: "#VALUE!" for an error). */
  cellAddress: string;
  sheetName: string;
  shown: unknown;
  /** The formula that computes the cell, or null when none does (a constant, a blank, or see spillLookup). */
  formula: string | null;
  /** The cell holding that formula: the cell itself, or the anchor of the spill it lies in. */
  formulaAddress: string | null;
  /** Where the cell sits in that formula's result (0, 0 for the anchor). */
  offset: { row: number; column: number };
  /** "unsupported": the cell holds no formula and this Excel cannot tell whether it lies in a spill (no ExcelApi 1.12). */
  spillLookup: "notNeeded" | "found" | "notInSpill" | "unsupported";
}

/** A reference or name argument to read: where, as the formula gives it. */
export type ArgumentSource = Extract<FormulaArgument, { kind: "reference" | "name" }>;

/** What a reference or name argument holds (values as Excel gives them), or why it was not read. */
export type ArgumentValues = { ok: true; address: string | null; values: unknown[][] } | { ok: false; problem: string };

export interface WorkbookGateway {
  /** Null when the host has every API the pane needs; otherwise a message saying what is missing and what to do. */
  requirementProblem(): string | null;
  /** The set-up saved by the add-in (XV_CORR, XV_VOLVOL, XV_META), or null when the workbook has none. */
  loadConfig(): Promise<CorrelationConfig | null>;
  /**
   * Writes the set-up to the XV_Config sheet and (re)defines XV_CORR, XV_VOLVOL and XV_META on it. Never overwrites a
   * sheet or name the add-in did not create unless `overwriteForeign` is true: without it, returns what would be
   * overwritten. Does not check the matrix: the pane refuses invalid matrices before calling.
   */
  saveConfig(config: CorrelationConfig, options: { overwriteForeign: boolean }): Promise<SaveOutcome>;
  /** The current selection (values as Excel gives them). */
  readSelection(): Promise<SelectedRange>;
  /** The values of a sheet-qualified address. */
  readRange(address: string): Promise<unknown[][]>;
  /** Adds a new sheet with the live hedge report; returns its name. */
  insertHedgeReport(spec: HedgeReportSpec): Promise<{ sheetName: string }>;
  /** Adds a new sheet with the live stability report (backtest, statistics, stress, two charts); returns its name. */
  insertStabilityReport(spec: StabilityReportSpec): Promise<{ sheetName: string }>;
  /** The selection's top-left cell and the formula behind it. */
  readSelectedCell(): Promise<SelectedCell>;
  /** The values of each reference or name, unqualified ones read on `sheetName` (the formula's sheet). Never rejects for one bad source. */
  readArgumentValues(sheetName: string, sources: readonly ArgumentSource[]): Promise<ArgumentValues[]>;
}
