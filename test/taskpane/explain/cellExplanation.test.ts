/*
 * "Explain selected cell" over a fake gateway, with the real XV adapters: a bad cell in a spill gives the message the
 * adapter gives for that cell, a good one its value; every other case (no XV formula, a nested call, a calculation as
 * an argument, an unknown function, a missing name, a spill this Excel cannot trace) ends in a message that says so.
 */
import { volcorr } from "../../../src/functions/correlationFunctions";
import { vega } from "../../../src/functions/vegaFunctions";
import { explainSelectedCell } from "../../../src/taskpane/pane/explainController";
import { describeValues } from "../../../src/taskpane/explain/valueText";
import type { SelectedCell } from "../../../src/taskpane/workbook/workbookGateway";
import { FakeGateway } from "../pane/fakeGateway";

const VEGA_FORMULA = "=XV.VEGA(B2:B4,C2:C4,D2:D4,E2:E4,5%)";
const COLUMNS: Record<string, unknown[][]> = {
  "B2:B4": [[100], [100], [100]],
  "C2:C4": [[100], [100], [100]],
  "D2:D4": [[1], [1], [1]],
  // 65 typed for 65%: the second leg's vega is an error.
  "E2:E4": [[0.2], [65], [0.3]],
};

function cell(overrides: Partial<SelectedCell> = {}): SelectedCell {
  return {
    selectionAddress: "Sheet1!F2",
    multipleCells: false,
    cellAddress: "Sheet1!F2",
    sheetName: "Sheet1",
    shown: 0.37524035,
    formula: VEGA_FORMULA,
    formulaAddress: "Sheet1!F2",
    offset: { row: 0, column: 0 },
    spillLookup: "notNeeded",
    ...overrides,
  };
}

function gatewayWith(selected: SelectedCell, columns: Record<string, unknown[][]> = COLUMNS): FakeGateway {
  const gateway = new FakeGateway();
  gateway.selectedCell = selected;
  for (const [text, values] of Object.entries(columns)) gateway.argumentValues.set(text, { ok: true, address: `Sheet1!${text}`, values });
  return gateway;
}

const spilledVega = vega(COLUMNS["B2:B4"] ?? [], COLUMNS["C2:C4"] ?? [], COLUMNS["D2:D4"] ?? [], COLUMNS["E2:E4"] ?? [], [[0.05]]);

describe("a cell of an XV formula", () => {
  test("a bad cell in a spill: the message the function gives that cell, the arguments as read, where it sits", async () => {
    const gateway = gatewayWith(cell({ cellAddress: "Sheet1!F3", selectionAddress: "Sheet1!F3", shown: "#VALUE!", formulaAddress: "Sheet1!F2", offset: { row: 1, column: 0 }, spillLookup: "found" }));
    const explanation = await explainSelectedCell(gateway);
    const expected = spilledVega[1]?.[0] as CustomFunctions.Error;
    expect(expected.message).toMatch(/65/);
    expect(explanation.outcome).toEqual({ kind: "error", text: `#VALUE! ${expected.message}` });
    expect(explanation.functionName).toBe("XV.VEGA");
    expect(explanation.formula).toBe(VEGA_FORMULA);
    expect(explanation.shown).toBe("#VALUE!");
    expect(explanation.context).toEqual(["Sheet1!F3 lies in the spill of the formula in Sheet1!F2 (row 2, column 1 of its result)."]);
    expect(explanation.arguments.map((line) => [line.name, line.written])).toEqual([
      ["underlying", "B2:B4"],
      ["strike", "C2:C4"],
      ["years", "D2:D4"],
      ["vol", "E2:E4"],
      ["rate", "5%"],
    ]);
    expect(explanation.arguments[3]?.read).toBe("Sheet1!E2:E4, 3 rows × 1 column: 0.2, 65, 0.3");
    // Unqualified references are read on the formula's sheet.
    expect(gateway.argumentReads).toEqual([{ sheetName: "Sheet1", sources: expect.arrayContaining([expect.objectContaining({ text: "E2:E4" })]) }]);
  });

  test("a good cell: it computes, and its value (QuantLib's 0.37524035 per vol point)", async () => {
    const explanation = await explainSelectedCell(gatewayWith(cell({ shown: spilledVega[0]?.[0] })));
    expect(spilledVega[0]?.[0]).toBeCloseTo(0.37524035, 8);
    expect(explanation.outcome).toEqual({ kind: "value", text: `It computes: ${String(Number((spilledVega[0]?.[0] as number).toPrecision(10)))}.` });
    expect(explanation.notes).toEqual([]);
  });

  test("constants, omitted arguments and array constants are passed as Excel passes them", async () => {
    const explanation = await explainSelectedCell(gatewayWith(cell({ formula: '=XV.VEGA(100,{100,110},1,20%,,,"bsm")', shown: 0.37524035 })));
    expect(explanation.outcome.kind).toBe("value");
    expect(explanation.arguments.map((line) => line.read)).toEqual(["100", "1 row × 2 columns: 100, 110", "1", "0.2", "omitted: the default applies", "omitted: the default applies", '"bsm"']);
  });

  test("a call that fails as a whole gives its message, whatever the cell", async () => {
    const explanation = await explainSelectedCell(gatewayWith(cell({ formula: "=XV.VOLCORR({1,2})", shown: "#VALUE!" })));
    let thrown: unknown;
    try {
      volcorr([[1, 2]]);
    } catch (error) {
      thrown = error;
    }
    expect(explanation.outcome).toEqual({ kind: "error", text: `#VALUE! ${(thrown as CustomFunctions.Error).message}` });
  });

  test("Excel showing another number than the inputs give now: a note to recalculate", async () => {
    const explanation = await explainSelectedCell(gatewayWith(cell({ shown: 0.5 })));
    expect(explanation.outcome.kind).toBe("value");
    expect(explanation.notes).toEqual([expect.stringMatching(/^Excel shows 0\.5 but the same inputs give 0\.37524.*Ctrl\+Alt\+F9/)]);
  });

  test("Excel showing #SPILL!: the size the result needs, and to clear the way", async () => {
    const explanation = await explainSelectedCell(gatewayWith(cell({ shown: "#SPILL!" })));
    expect(explanation.notes).toEqual(["Excel shows #SPILL!: the result needs 3 × 1 cells from Sheet1!F2 and something is in the way (or it runs off the sheet): clear the cells it spills into."]);
  });

  test("a multi-cell selection explains its top-left cell and says so", async () => {
    const explanation = await explainSelectedCell(gatewayWith(cell({ selectionAddress: "Sheet1!F2:G9", multipleCells: true })));
    expect(explanation.context[0]).toBe("You selected Sheet1!F2:G9: this explains its top-left cell, Sheet1!F2.");
    expect(explanation.outcome.kind).toBe("value");
  });
});

describe("every other case ends in a message", () => {
  test("a constant, a blank, a formula without XV", async () => {
    for (const [selected, pattern] of [
      [cell({ formula: null, formulaAddress: null, shown: 42, spillLookup: "notInSpill" }), /holds no XV formula: select/],
      [cell({ formula: null, formulaAddress: null, shown: "", spillLookup: "notInSpill" }), /holds no XV formula \(it is empty\)/],
      [cell({ formula: "=SUM(A1:A3)", shown: 6 }), /Sheet1!F2 holds no XV formula/],
    ] as const) {
      const explanation = await explainSelectedCell(gatewayWith(selected));
      expect(explanation.outcome).toEqual({ kind: "info", text: expect.stringMatching(pattern) });
    }
  });

  test("without ExcelApi 1.12 a spilled cell cannot be traced: select the top-left cell of the spill", async () => {
    const explanation = await explainSelectedCell(gatewayWith(cell({ formula: null, formulaAddress: null, shown: "#VALUE!", spillLookup: "unsupported" })));
    expect(explanation.outcome.text).toMatch(/select the top-left cell of the spill.*1\.12/);
  });

  test("an XV call inside a larger formula", async () => {
    const explanation = await explainSelectedCell(gatewayWith(cell({ formula: "=SUM(XV.TWVEGA(F2:F9,G2:G9))" })));
    expect(explanation.functionName).toBe("XV.TWVEGA");
    expect(explanation.outcome.text).toMatch(/XV\.TWVEGA is part of a larger formula/);
  });

  test("a calculation as an argument: not re-run, what Excel shows instead", async () => {
    const gateway = gatewayWith(cell({ formula: "=XV.VEGA(B2:B4,C2:C4,(D2:D4-$A$1)/365,E2:E4)", shown: "#VALUE!" }));
    const explanation = await explainSelectedCell(gateway);
    expect(explanation.outcome.kind).toBe("info");
    expect(explanation.outcome.text).toMatch(/cannot re-run XV\.VEGA.*years \(\(D2:D4-\$A\$1\)\/365\): a calculation.*Excel shows #VALUE!/);
    expect(explanation.arguments[2]).toMatchObject({ name: "years", blocking: true });
    expect(explanation.arguments[3]).toMatchObject({ name: "vol", blocking: false });
  });

  test("a name the workbook lacks blocks the re-run and says which", async () => {
    const gateway = gatewayWith(cell({ formula: "=XV.NEARCORR(XV_CORR)", shown: "#NAME?" }));
    const explanation = await explainSelectedCell(gateway);
    expect(explanation.arguments).toEqual([{ name: "matrix", written: "XV_CORR", read: "the fake has no XV_CORR", blocking: true }]);
    expect(explanation.outcome.text).toMatch(/matrix \(XV_CORR\): the fake has no XV_CORR/);
  });

  test("an XV name that is no xvega function, and a formula that cannot be split", async () => {
    expect((await explainSelectedCell(gatewayWith(cell({ formula: "=XV.VEGAA(A1)" })))).outcome.text).toMatch(/XV\.VEGAA is not an xvega function/);
    expect((await explainSelectedCell(gatewayWith(cell({ formula: '=XV.VEGA("x)' })))).outcome.text).toMatch(/cannot be read/);
  });

  test("too many arguments are named as such", async () => {
    const explanation = await explainSelectedCell(gatewayWith(cell({ formula: "=XV.YEARS(1,2,3)" })));
    expect(explanation.arguments[2]?.name).toBe("argument 3 (one too many)");
  });
});

test("big ranges are abbreviated: shape, first cells, count", () => {
  const column = Array.from({ length: 12 }, (_, k) => [k + 0.5]);
  expect(describeValues(column)).toBe("12 rows × 1 column: 0.5, 1.5, 2.5, 3.5, 4.5, 5.5, … (12 cells)");
  expect(describeValues([["", true, "BTC"]])).toBe('1 row × 3 columns: blank, TRUE, "BTC"');
});
