/*
 * The "Explain selected cell" action: it always settles with an explanation in the state (a missing API, a selection
 * that is not cells, a failed read), never leaves the pane busy; and the plausibility notes shown are those of the
 * selected cell (plausibilityNotes is stubbed here: its contract, not its rules, is what the pane relies on).
 */
import type { PlausibilityNote } from "../../../src/functions/plausibility";
import { PaneController } from "../../../src/taskpane/pane/paneController";
import { CellEditModeError } from "../../../src/taskpane/workbook/cellEditRetry";
import type { SelectedCell } from "../../../src/taskpane/workbook/workbookGateway";
import { FakeGateway } from "./fakeGateway";

const notes: PlausibilityNote[] = [];
const notesCalls: { name: string; args: readonly unknown[] }[] = [];
jest.mock("../../../src/functions/plausibility", () => ({
  plausibilityNotes: (name: string, args: readonly unknown[]) => {
    notesCalls.push({ name, args });
    return notes;
  },
}));

const YEARS_CELL: SelectedCell = {
  selectionAddress: "Book!C3",
  multipleCells: false,
  cellAddress: "Book!C3",
  sheetName: "Book",
  shown: (46010 - 46100) / 365,
  formula: "=XV.YEARS(A2:A4,B1)",
  formulaAddress: "Book!C2",
  offset: { row: 1, column: 0 },
  spillLookup: "found",
};

async function started(): Promise<{ gateway: FakeGateway; controller: PaneController }> {
  const gateway = new FakeGateway();
  const controller = new PaneController({ gateway, now: () => new Date("2026-12-05T08:00:00Z") });
  await controller.start();
  return { gateway, controller };
}

beforeEach(() => {
  notes.length = 0;
  notesCalls.length = 0;
});

test("the notes of the selected cell (and of the whole call) are shown; those of other cells are not", async () => {
  const { gateway, controller } = await started();
  gateway.selectedCell = YEARS_CELL;
  // Valuation after every expiry: the swapped-arguments slip, each leg's years 0.
  gateway.argumentValues.set("A2:A4", { ok: true, address: "Book!A2:A4", values: [[46000], [46010], [46020]] });
  gateway.argumentValues.set("B1", { ok: true, address: "Book!B1", values: [[46100]] });
  notes.push(
    { argument: null, cell: null, message: "Every leg is expired: are expiry and valuation swapped?", rule: "datesSwapped" },
    { argument: "expiry", cell: 1, message: "note for the first leg", rule: "datesSwapped" },
    { argument: "expiry", cell: 2, message: "note for the second leg", rule: "datesSwapped" },
  );
  await controller.explain.explainSelectedCell();
  const explanation = controller.state.explanation;
  expect(explanation?.outcome.kind).toBe("value");
  expect(explanation?.notes).toEqual(["Every leg is expired: are expiry and valuation swapped?", "note for the second leg"]);
  // The notes were asked for with the arguments as Excel passes them.
  expect(notesCalls).toEqual([{ name: "XV.YEARS", args: [[[46000], [46010], [46020]], [[46100]]] }]);
  expect(controller.state.busy).toBeNull();
  expect(controller.state.status?.text).toBe("Explained Book!C3: see the Explain tab.");
});

test("without the APIs the pane needs: a message, and no workbook call", async () => {
  const gateway = new FakeGateway();
  gateway.problem = "This Excel lacks ExcelApi 1.4: use Microsoft 365.";
  const controller = new PaneController({ gateway });
  await controller.start();
  await controller.explain.explainSelectedCell();
  expect(controller.state.explanation?.outcome).toEqual({ kind: "info", text: "Explaining a cell needs the workbook: This Excel lacks ExcelApi 1.4: use Microsoft 365." });
  expect(gateway.argumentReads).toEqual([]);
});

test.each([
  ["a chart is selected", Object.assign(new Error("The current selection is invalid for this operation."), { code: "InvalidSelection" }), "Select a cell first: the selection is not a range of cells (a chart or a shape?)."],
  ["Excel is in cell-edit mode", new CellEditModeError(5), "Excel is in cell-edit mode: press Enter or Esc, then try again."],
  ["another Office error", new Error("GeneralException"), "The selected cell could not be read: GeneralException."],
])("a failed read settles with its message in the explanation: %s", async (_label, error, text) => {
  const { gateway, controller } = await started();
  gateway.failNext.readSelectedCell = error;
  await controller.explain.explainSelectedCell();
  expect(controller.state.explanation?.outcome).toEqual({ kind: "info", text });
  expect(controller.state.status).toEqual({ tone: "error", text });
  expect(controller.state.busy).toBeNull();
});
