/*
 * "Explain selected cell": reads the selection's top-left cell and the formula behind it, then the arguments' values,
 * and puts the explanation (../explain/cellExplanation.ts) in the state. Every path settles with an explanation: a
 * missing API, a selection that is not cells, a failed read each become a message in the explanation itself.
 */
import { argumentSources, explainCall, explainWithoutArguments, messageExplanation, type CellExplanation } from "../explain/cellExplanation";
import { CellEditModeError } from "../workbook/cellEditRetry";
import type { WorkbookGateway } from "../workbook/workbookGateway";
import { messageOf } from "./hedgePreview";
import { status, type PaneStore } from "./paneStore";

/** The selected cell explained, through the gateway (no Office here). */
export async function explainSelectedCell(gateway: WorkbookGateway): Promise<CellExplanation> {
  const cell = await gateway.readSelectedCell();
  const early = explainWithoutArguments(cell);
  if (early !== null) return early;
  const sources = argumentSources(cell);
  const reads = sources.length === 0 ? [] : await gateway.readArgumentValues(cell.sheetName, sources);
  return explainCall(cell, reads);
}

/** Why the selection could not be read, in a trader's words. */
function readFailure(error: unknown): string {
  const code = typeof error === "object" && error !== null ? (error as { code?: unknown }).code : undefined;
  if (code === "InvalidSelection") return "Select a cell first: the selection is not a range of cells (a chart or a shape?).";
  if (error instanceof CellEditModeError) return `${error.message}.`;
  return `The selected cell could not be read: ${messageOf(error)}.`;
}

export class ExplainController {
  constructor(
    private readonly store: PaneStore,
    private readonly gateway: WorkbookGateway,
  ) {}

  async explainSelectedCell(): Promise<void> {
    const problem = this.store.state.requirementProblem;
    if (problem !== null) {
      this.store.update({ explanation: messageExplanation(`Explaining a cell needs the workbook: ${problem}`), status: status("error", problem) });
      return;
    }
    await this.store.run("Reading the selected cell…", async () => {
      let explanation: CellExplanation;
      try {
        explanation = await explainSelectedCell(this.gateway);
      } catch (error) {
        const text = readFailure(error);
        this.store.update({ explanation: messageExplanation(text), status: status("error", text) });
        return;
      }
      const where = explanation.cellAddress === null ? "the selection" : explanation.cellAddress;
      this.store.update({ explanation, status: status("info", `Explained ${where}: see the Explain tab.`) });
    });
  }
}
