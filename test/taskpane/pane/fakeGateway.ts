/* A WorkbookGateway in memory for the controller's tests: records every call, answers what the test set up. */
import type { CorrelationConfig } from "../../../src/taskpane/correlation/correlationConfig";
import type { ArgumentSource, ArgumentValues, HedgeReportSpec, SaveOutcome, SelectedCell, SelectedRange, StabilityReportSpec, WorkbookGateway } from "../../../src/taskpane/workbook/workbookGateway";
import { VALID_LABELLED_CORRELATIONS } from "../../support/paneHedgeFixture";

export interface SaveCall {
  config: CorrelationConfig;
  overwriteForeign: boolean;
}

export class FakeGateway implements WorkbookGateway {
  problem: string | null = null;
  stored: CorrelationConfig | null = null;
  /** A sheet or names xvega did not create: saves without overwriteForeign are refused with this. */
  foreignContent: string | null = null;
  selection: SelectedRange = { address: "Book!A1:A1", values: [[""]] };
  ranges = new Map<string, unknown[][]>();
  saves: SaveCall[] = [];
  reports: HedgeReportSpec[] = [];
  stabilityReports: StabilityReportSpec[] = [];
  selectionReads = 0;
  /** When set, the next call of that method rejects with it. */
  failNext: Partial<Record<"loadConfig" | "saveConfig" | "readSelection" | "readRange" | "insertHedgeReport" | "insertStabilityReport" | "readSelectedCell", Error>> = {};
  /** What readSelectedCell answers. */
  selectedCell: SelectedCell | null = null;
  /** What readArgumentValues answers, by the source's text ("B2:B4", "XV_CORR"); a missing one is a problem. */
  argumentValues = new Map<string, ArgumentValues>();
  argumentReads: { sheetName: string; sources: ArgumentSource[] }[] = [];

  private failure(method: keyof FakeGateway["failNext"]): Error | undefined {
    const error = this.failNext[method];
    delete this.failNext[method];
    return error;
  }

  requirementProblem(): string | null {
    return this.problem;
  }

  async loadConfig(): Promise<CorrelationConfig | null> {
    const error = this.failure("loadConfig");
    if (error) throw error;
    return this.stored;
  }

  async saveConfig(config: CorrelationConfig, options: { overwriteForeign: boolean }): Promise<SaveOutcome> {
    const error = this.failure("saveConfig");
    if (error) throw error;
    if (this.foreignContent !== null && !options.overwriteForeign) return { saved: false, needsConfirmation: this.foreignContent };
    this.saves.push({ config, overwriteForeign: options.overwriteForeign });
    this.stored = config;
    this.foreignContent = null;
    return { saved: true };
  }

  async readSelection(): Promise<SelectedRange> {
    this.selectionReads += 1;
    const error = this.failure("readSelection");
    if (error) throw error;
    return this.selection;
  }

  async readRange(address: string): Promise<unknown[][]> {
    const error = this.failure("readRange");
    if (error) throw error;
    const values = this.ranges.get(address);
    if (!values) throw new Error(`no range ${address}`);
    return values;
  }

  async readSelectedCell(): Promise<SelectedCell> {
    const error = this.failure("readSelectedCell");
    if (error) throw error;
    if (this.selectedCell === null) throw new Error("no selected cell set up");
    return this.selectedCell;
  }

  async readArgumentValues(sheetName: string, sources: readonly ArgumentSource[]): Promise<ArgumentValues[]> {
    this.argumentReads.push({ sheetName, sources: [...sources] });
    return sources.map((source) => this.argumentValues.get(source.text) ?? { ok: false, problem: `the fake has no ${source.text}` });
  }

  async insertHedgeReport(spec: HedgeReportSpec): Promise<{ sheetName: string }> {
    const error = this.failure("insertHedgeReport");
    if (error) throw error;
    this.reports.push(spec);
    return { sheetName: `XV_Hedge${this.reports.length}` };
  }

  async insertStabilityReport(spec: StabilityReportSpec): Promise<{ sheetName: string }> {
    const error = this.failure("insertStabilityReport");
    if (error) throw error;
    this.stabilityReports.push(spec);
    return { sheetName: `XV_Stability${this.stabilityReports.length}` };
  }
}

/** Higham (2002)'s example of an invalid "correlation" matrix, labelled: smallest eigenvalue 1 − √2 ≈ −0.4142. */
export const HIGHAM_SELECTION: SelectedRange = {
  address: "Book!A1:D4",
  values: [
    ["", "BTC", "ETH", "SOL"],
    ["BTC", 1, 1, 0],
    ["ETH", 1, 1, 1],
    ["SOL", 0, 1, 1],
  ],
};

/** A valid 3-asset set-up (positive definite). */
export const VALID_SELECTION: SelectedRange = {
  address: "Book!A1:D4",
  values: VALID_LABELLED_CORRELATIONS,
};
