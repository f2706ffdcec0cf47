/*
 * The gateway the pane uses when the Office one cannot be created (a plain browser, an Office.js that failed to load):
 * it states the problem and refuses every call, so the editor still works and no button hangs.
 */
import type { WorkbookGateway } from "../workbook/workbookGateway";

export function unavailableGateway(problem: string): WorkbookGateway {
  const refuse = (): Promise<never> => Promise.reject(new Error(problem));
  return {
    requirementProblem: () => problem,
    loadConfig: refuse,
    saveConfig: refuse,
    readSelection: refuse,
    readRange: refuse,
    insertHedgeReport: refuse,
    insertStabilityReport: refuse,
    readSelectedCell: refuse,
    readArgumentValues: refuse,
  };
}
