/*
 * The one-pass path of XV.VEGA, XV.GREEKS, XV.TWVEGA and XV.YEARS (a column of legs: src/functions/plainColumns.ts)
 * against the general, argument-by-argument path: the same legs laid out as a row take the general path, so every cell of the
 * column result must equal the row result's cell, value for value (same bits) and error for error (same code, same
 * message once the location says "row" where the row says "column"). Columns mix good legs with the bad cells users
 * type, so both the fast legs and the troubled ones handed back to the general path are covered.
 */
import { greeks } from "../../src/functions/greeksFunctions";
import { twvega, vega, years } from "../../src/functions/vegaFunctions";
import { mulberry32 } from "../../bench/random";

/** A cell: mostly `good()`, otherwise one of `bad` (what users type by mistake). */
function cellDrawer(random: () => number, good: () => unknown, bad: readonly unknown[], badShare: number): () => unknown {
  return () => (random() < badShare ? bad[Math.floor(random() * bad.length)] : good());
}

const HOSTILE = ["n/a", "", null, true, false, "65%", " ", -1, 0, 1e300, -1e300, 5e-324, 46_361];

/** An argument: the cells of a range (laid out as a column, then as a row), one cell for all legs, or omitted. */
type Argument = unknown[] | { single: unknown } | null;

/** The same arguments as a column (n × 1) and as a row (1 × n); single cells and omitted arguments stay as they are. */
function asColumnAndRow(parameters: readonly Argument[]): { column: unknown[]; row: unknown[] } {
  const asIs = (argument: Argument) => (argument === null ? null : [[(argument as { single: unknown }).single]]);
  const column = parameters.map((argument) => (Array.isArray(argument) ? argument.map((value) => [value]) : asIs(argument)));
  const row = parameters.map((argument) => (Array.isArray(argument) ? [argument] : asIs(argument)));
  return { column, row };
}

/** A row result's cell as the column result must show it: its location words "row", not "column". */
function asColumnCell(cell: unknown): unknown {
  if (!(cell instanceof CustomFunctions.Error)) return cell;
  const message = (cell.message ?? "").replace(/^columns? /, (word) => (word.startsWith("columns") ? "rows " : "row ")).replace(/ more columns?:/, (words) => words.replace("column", "row"));
  return { code: cell.code, message };
}

/**
 * The column call's result equals the row call's, cell for cell. A spill of one value per leg lies along the row in
 * the row call; XV.GREEKS spills one row per leg either way (`rowPerLeg`).
 */
function expectColumnEqualsRow(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the custom functions take Excel's raw any[][] arguments
  call: (...parameters: any[]) => any[][],
  parameters: readonly Argument[],
  rows: number,
  someComputed = true,
  rowPerLeg = false,
): void {
  const { column, row } = asColumnAndRow(parameters);
  const columnResult = call(...column);
  const rowResult = call(...row);
  expect(columnResult.length).toBe(rows);
  expect(rowResult.length).toBe(rowPerLeg ? rows : 1);
  const differing: string[] = [];
  let errors = 0;
  for (let index = 0; index < rows; index++) {
    const fromColumn = columnResult[index] as unknown[];
    const fromRow = rowPerLeg ? (rowResult[index] as unknown[]) : [rowResult[0]?.[index]];
    if (fromColumn[0] instanceof CustomFunctions.Error) errors++;
    const actual = fromColumn.map((cell) => (cell instanceof CustomFunctions.Error ? { code: cell.code, message: cell.message } : cell));
    const expected = fromRow.map(asColumnCell);
    if (JSON.stringify(actual) !== JSON.stringify(expected) || !actual.every((cell, at) => typeof cell !== "number" || Object.is(cell, expected[at]))) {
      differing.push(`row ${index + 1}: ${JSON.stringify(actual)} vs ${JSON.stringify(expected)}`);
    }
  }
  expect(differing.slice(0, 5)).toEqual([]);
  // Both paths were exercised: some legs refused and (unless every leg must be) some computed.
  expect(errors).toBeGreaterThan(0);
  if (someComputed) expect(errors).toBeLessThan(rows);
}

const ROWS = 3_000;

describe("the one-pass column path gives what the general path gives, cell for cell", () => {
  for (const seed of [1, 2, 3, 4]) {
    it(`XV.VEGA, hostile cells in every argument (seed ${seed})`, () => {
      const random = mulberry32(seed);
      const number = (low: number, high: number) => () => low + (high - low) * random();
      const draw = (good: () => unknown, badShare = 0.03) => Array.from({ length: ROWS }, cellDrawer(random, good, HOSTILE, badShare));
      const models = ["bsm", "black76", "inverse", "BSM ", "Inverse"];
      const parameters: Argument[] = [
        draw(number(1, 1e5)),
        draw(number(1, 1e5)),
        draw(number(-0.1, 3)),
        draw(() => (random() < 0.02 ? 65 : 0.1 + 1.4 * random())),
        seed % 2 === 0 ? draw(number(-0.05, 0.1)) : { single: 0.03 },
        seed === 3 ? draw(() => (random() < 0.5 ? 0 : 0.02)) : null,
        seed <= 2 ? draw(() => models[Math.floor(random() * models.length)], 0.01) : { single: "black76" },
        seed === 4 ? draw(() => (random() < 0.5 ? "point" : "unit"), 0.02) : null,
      ];
      expectColumnEqualsRow(vega, parameters, ROWS);
    });
  }

  for (const picked of [null, { single: "vega,delta" }, { single: "volga, price" }]) {
    it(`XV.GREEKS, hostile cells in every argument, greeks ${JSON.stringify(picked)}`, () => {
      const random = mulberry32(7);
      const number = (low: number, high: number) => () => low + (high - low) * random();
      const draw = (good: () => unknown, badShare = 0.03) => Array.from({ length: ROWS }, cellDrawer(random, good, HOSTILE, badShare));
      const types = ["call", "put", "C", " Put", "p"];
      const models = ["bsm", "black76", "inverse"];
      const parameters: Argument[] = [
        draw(number(1, 1e5)),
        draw(number(1, 1e5)),
        draw(number(-0.1, 3)),
        draw(() => (random() < 0.02 ? 65 : 0.1 + 1.4 * random())),
        draw(number(-0.05, 0.1)),
        { single: 0 },
        draw(() => models[Math.floor(random() * models.length)], 0.01),
        draw(() => types[Math.floor(random() * types.length)], 0.02),
        picked,
      ];
      expectColumnEqualsRow(greeks, parameters, ROWS, true, true);
    });
  }

  it("XV.VEGA: a single unknown model or unit errs in every row, as the general path words it", () => {
    const random = mulberry32(9);
    const legs = () => Array.from({ length: 50 }, () => 10 + random() * 100);
    expectColumnEqualsRow(vega, [legs(), legs(), { single: 0.5 }, { single: 0.6 }, null, null, { single: "heston" }, null], 50, false);
    expectColumnEqualsRow(vega, [legs(), legs(), { single: 0.5 }, { single: 0.6 }, null, null, null, { single: "bp" }], 50, false);
  });

  it("every leg troubled (the general path over the call as given): a column of text, vols all in percent, for XV.VEGA and XV.GREEKS", () => {
    const random = mulberry32(10);
    const legs = (low: number, high: number) => Array.from({ length: 200 }, () => low + (high - low) * random());
    const text = Array.from({ length: 200 }, (_, row) => (row % 3 === 0 ? "n/a" : "#N/A"));
    const percent = Array.from({ length: 200 }, () => 20 + Math.floor(131 * random()));
    expectColumnEqualsRow(vega, [text, legs(1, 100), legs(0.1, 2), legs(0.1, 1), null, null, null, null], 200, false);
    expectColumnEqualsRow(vega, [legs(1, 100), legs(1, 100), legs(0.1, 2), percent, null, null, null, null], 200, false);
    const types = Array.from({ length: 200 }, (_, row) => (row % 2 === 0 ? "call" : "put"));
    expectColumnEqualsRow(greeks, [legs(1, 100), legs(1, 100), legs(0.1, 2), percent, null, null, null, types, null], 200, false, true);
  });

  it("a column that starts bad (the probe of the first 64 legs) and turns good, and one with a good leg at 64", () => {
    const random = mulberry32(12);
    const legs = (low: number, high: number) => Array.from({ length: 300 }, () => low + (high - low) * random());
    for (const badRows of [100, 63]) {
      const vols = legs(0.1, 1).map((vol, row) => (row < badRows ? 20 + Math.floor(131 * random()) : vol));
      expectColumnEqualsRow(vega, [legs(1, 100), legs(1, 100), legs(0.1, 2), vols, null, null, null, null], 300);
    }
  });

  it("XV.TWVEGA, hostile cells in every argument", () => {
    const random = mulberry32(5);
    const draw = (good: () => unknown) => Array.from({ length: ROWS }, cellDrawer(random, good, HOSTILE, 0.05));
    expectColumnEqualsRow(twvega, [draw(() => 1000 * random() - 200), draw(() => 3 * random() - 0.1), draw(() => 1 + 90 * random())], ROWS);
    expectColumnEqualsRow(twvega, [draw(() => 1000 * random()), draw(() => 2 * random()), null], ROWS);
  });

  it("XV.YEARS, hostile cells in both arguments", () => {
    const random = mulberry32(6);
    const draw = (good: () => unknown) => Array.from({ length: ROWS }, cellDrawer(random, good, HOSTILE, 0.05));
    expectColumnEqualsRow(years, [draw(() => 46_000 + 1_000 * random()), draw(() => 46_300 + random())], ROWS);
    expectColumnEqualsRow(years, [draw(() => 46_000 + 1_000 * random()), { single: 46_361.5 }], ROWS);
  });
});
