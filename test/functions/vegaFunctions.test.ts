import fc from "fast-check";
import { twvega, vega, years } from "../../src/functions/vegaFunctions";
import { vegaPerUnitVol } from "../../src/core/vega/blackVega";
import { expectClose } from "../core/tolerance";
import * as cellReading from "../../src/ranges/cellReading";

type Cell = number | CustomFunctions.Error;

function errorAt(result: Cell[][], row: number, column = 0): CustomFunctions.Error {
  const cell = result[row]?.[column];
  if (!(cell instanceof CustomFunctions.Error)) throw new Error(`expected an error at (${row}, ${column}), got ${String(cell)}`);
  return cell;
}

function numberAt(result: Cell[][], row: number, column = 0): number {
  const cell = result[row]?.[column];
  if (typeof cell !== "number") throw new Error(`expected a number at (${row}, ${column}), got ${JSON.stringify(cell)}`);
  return cell;
}

const column = (...values: unknown[]) => values.map((value) => [value]);
const single = (value: unknown) => [[value]];

describe("XV.VEGA spills one vega per leg", () => {
  test("columns spill a column; single cells broadcast; per point by default", () => {
    const result = vega(column(100, 49, 55), column(100, 50, 60), column(1, 20 / 52, 0.75), column(0.2, 0.2, 0.3), single(0.05), null as never) as Cell[][];
    expect(result).toHaveLength(3);
    // QuantLib S=K=100 case, per 1 vol point (DOMAIN.md §4).
    expectClose(numberAt(result, 0), 0.37524035, { absolute: 5e-9 });
    expectClose(numberAt(result, 1), vegaPerUnitVol("bsm", 49, 50, 20 / 52, 0.2, 0.05, 0) / 100, { relative: 1e-15 });
    expectClose(numberAt(result, 2), vegaPerUnitVol("bsm", 55, 60, 0.75, 0.3, 0.05, 0) / 100, { relative: 1e-15 });
  });

  test("a row of legs spills a row; a block spills a block", () => {
    const row = vega([[100, 110, 120]], single(100), single(1), single(0.5)) as Cell[][];
    expect(row).toHaveLength(1);
    expect(row[0]).toHaveLength(3);
    const block = vega([[100, 110], [120, 130]], single(100), single(1), single(0.5)) as Cell[][];
    expect(block.map((r) => r.length)).toEqual([2, 2]);
    expectClose(numberAt(block, 1, 1), vegaPerUnitVol("bsm", 130, 100, 1, 0.5, 0, 0) / 100, { relative: 1e-15 });
  });

  test("model and unit, any case; unit = 100 × point; inverse = black76 / forward", () => {
    const perPoint = numberAt(vega(single(40000), single(42000), single(0.1), single(0.6), null as never, null as never, single("Black76")) as Cell[][], 0);
    const perUnit = numberAt(vega(single(40000), single(42000), single(0.1), single(0.6), null as never, null as never, single("black76"), single(" UNIT ")) as Cell[][], 0);
    const inCoin = numberAt(vega(single(40000), single(42000), single(0.1), single(0.6), null as never, null as never, single("inverse")) as Cell[][], 0);
    expectClose(perUnit, 100 * perPoint, { relative: 1e-15 });
    expectClose(inCoin * 40000, perPoint, { relative: 1e-14 });
  });

  test("a blank optional cell means its default (rate 0, carry 0, bsm, point)", () => {
    const withBlanks = vega(single(100), single(100), single(1), single(0.2), single(null), single(""), single(null), single("")) as Cell[][];
    const omitted = vega(single(100), single(100), single(1), single(0.2)) as Cell[][];
    expect(numberAt(withBlanks, 0)).toBe(numberAt(omitted, 0));
    expectClose(numberAt(omitted, 0), vegaPerUnitVol("bsm", 100, 100, 1, 0.2, 0, 0) / 100, { relative: 1e-15 });
  });

  test("expired legs give 0, not an error", () => {
    expect(numberAt(vega(single(100), single(100), single(-0.01), single(0.5)) as Cell[][], 0)).toBe(0);
  });
});

describe("XV.VEGA: a bad cell errors alone, with a message naming argument, value and fix", () => {
  test.each([
    ["text", { underlying: "abc" }, /^row 2: underlying "abc" is text; expected a positive price$/],
    ["a number stored as text", { strike: "100" }, /strike "100" is text \(a number stored as text: convert it with VALUE\(\)/],
    ["blank required", { years: null }, /row 2: years is blank; expected years to expiry/],
    ["blank required (web sends \"\")", { vol: "" }, /vol is blank/],
    ["a logical", { vol: true }, /vol TRUE is a logical value/],
    ["strike ≤ 0", { strike: 0 }, /strike 0 must be a positive price/],
    ["underlying ≤ 0", { underlying: -1 }, /underlying -1 must be a positive price/],
    ["vol < 0", { vol: -0.2 }, /vol -0.2 must be ≥ 0/],
    ["vol typed as 65", { vol: 65 }, /vol 65 looks like a percentage: enter 65% or 0.65/],
    ["years as a date serial", { years: 46016 }, /years 46016 looks like an Excel date, not a time to expiry: use \(expiry − valuation\)\/365$/],
    ["unknown model", { model: "heston" }, /model "heston" is not one of bsm, black76, inverse/],
    ["unknown unit", { unit: "bp" }, /unit "bp" is not one of point, unit/],
    ["model as a number", { model: 3 }, /model 3 is not one of/],
    ["an error cell (data-type form)", { strike: { type: "Error", errorType: "NotAvailable", basicValue: "#N/A" } }, /strike holds #N\/A: fix the cell it comes from/],
  ])("%s", (_label, bad, message) => {
    const good = { underlying: 100, strike: 100, years: 0.5, vol: 0.5, rate: 0, carry: 0, model: "bsm", unit: "point" };
    const legs = [good, { ...good, ...bad }, good];
    const pick = (key: keyof typeof good) => legs.map((leg) => [leg[key]]);
    const result = vega(pick("underlying"), pick("strike"), pick("years"), pick("vol"), pick("rate"), pick("carry"), pick("model"), pick("unit")) as Cell[][];
    const error = errorAt(result, 1);
    expect(error.code).toBe(CustomFunctions.ErrorCode.invalidValue);
    expect(error.message).toMatch(message);
    expect(numberAt(result, 0)).toBeGreaterThan(0);
    expect(numberAt(result, 2)).toBe(numberAt(result, 0));
  });

  test("one bad cell in a 10,000-row range: that cell errors, the other 9,999 compute", () => {
    const rows = 10_000;
    const underlying: unknown[][] = Array.from({ length: rows }, (_, index) => [90 + (index % 20)]);
    underlying[7_345] = ["n/a"];
    const result = vega(underlying, single(100), single(0.25), single(0.8)) as Cell[][];
    expect(errorAt(result, 7_345).message).toBe('row 7346: underlying "n/a" is text; expected a positive price');
    const numbers = result.filter((row) => typeof row[0] === "number");
    expect(numbers).toHaveLength(rows - 1);
  });

  test("ranges of different shapes: one clear error for the whole call", () => {
    expect(() => vega(column(100, 100, 100), column(100, 100), single(1), single(0.5))).toThrow(
      expect.objectContaining({ code: "#VALUE!", message: "strike is 2 rows × 1 column but underlying is 3 rows × 1 column: give ranges of the same shape, or single cells" }),
    );
  });

  test("whatever the cells hold, every output cell is a finite number or an error with a message", () => {
    const anyCell = fc.oneof(
      fc.double(),
      fc.constantFrom(null, "", "abc", "12", true, false, Number.NaN, Number.POSITIVE_INFINITY, -0, 5e-324, 1e308),
      fc.string(),
    );
    fc.assert(
      fc.property(fc.array(fc.array(anyCell, { minLength: 8, maxLength: 8 }), { minLength: 1, maxLength: 20 }), (legs) => {
        const pick = (index: number) => legs.map((leg) => [leg[index]]);
        const result = vega(pick(0), pick(1), pick(2), pick(3), pick(4), pick(5), pick(6), pick(7)) as Cell[][];
        expect(result).toHaveLength(legs.length);
        for (const [cell] of result) {
          if (typeof cell === "number") expect(Number.isFinite(cell)).toBe(true);
          else expect(cell?.message?.length ?? 0).toBeGreaterThan(10);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe("XV.TWVEGA and XV.YEARS", () => {
  test("TWVEGA weights by √(30/365 / years), broadcasting like VEGA", () => {
    const result = twvega(column(1000, 1000, 1000), column(30 / 365, 7.5 / 365, -1), null as never) as Cell[][];
    expectClose(numberAt(result, 0), 1000, { relative: 1e-15 });
    expectClose(numberAt(result, 1), 2000, { relative: 1e-15 });
    expect(numberAt(result, 2)).toBe(0);
    expectClose(numberAt(twvega(single(1000), single(90 / 365), single(90)) as Cell[][], 0), 1000, { relative: 1e-15 });
  });

  test("TWVEGA errors name the argument", () => {
    expect(errorAt(twvega(column(1, "x"), single(0.1)) as Cell[][], 1).message).toBe('row 2: vega "x" is text; expected a vega (a number)');
    expect(errorAt(twvega(single(1), single(0.1), single(-5)) as Cell[][], 0).message).toMatch(/ref_days -5 must be a positive number of days/);
  });

  test("YEARS counts fractional days ACT/365 and refuses non-dates", () => {
    const christmasEightAm = 46016 + 8 / 24;
    expectClose(numberAt(years(single(christmasEightAm), single(46015 + 20 / 24)) as Cell[][], 0), 0.5 / 365, { relative: 1e-9 });
    expect(errorAt(years(single("25/12/2025"), single(46000)) as Cell[][], 0).message).toMatch(/expiry "25\/12\/2025" is text; expected a date-time/);
    expect(errorAt(years(single(-4), single(46000)) as Cell[][], 0).message).toMatch(/expiry -4 is not an Excel date-time/);
  });
});

describe("identical problems share one message and one error object (hardening issue, item 9)", () => {
  const rows = 10_000;
  const filled = (value: unknown) => Array.from({ length: rows }, () => [value]);

  test("a whole column of text: one error object, whose message names every row, and one message built", () => {
    const describe = jest.spyOn(cellReading, "notANumberMessage");
    try {
      const result = vega(filled("n/a"), single(100), single(0.25), single(0.8)) as Cell[][];
      const first = errorAt(result, 0);
      expect(first.message).toBe('rows 1–10000: underlying "n/a" is text; expected a positive price');
      expect(result.every(([cell]) => cell === first)).toBe(true);
      expect(describe).toHaveBeenCalledTimes(1);
    } finally {
      describe.mockRestore();
    }
  });

  test("vol typed in percent, three values: three error objects, each naming its own rows", () => {
    const vols = Array.from({ length: rows }, (_, index) => [[65, 70, 0.5, 80][index % 4]]);
    const result = vega(single(100), single(100), single(0.25), vols) as Cell[][];
    const distinct = new Set(result.map(([cell]) => cell).filter((cell) => typeof cell !== "number"));
    expect(distinct.size).toBe(3);
    expect(errorAt(result, 0).message).toBe("rows 1, 5, 9, 13 and 2496 more rows: vol 65 looks like a percentage: enter 65% or 0.65 (a decimal)");
    expect(errorAt(result, 4)).toBe(errorAt(result, 0));
    expect(errorAt(result, 1)).not.toBe(errorAt(result, 0));
    expect(numberAt(result, 2)).toBeGreaterThan(0);
  });

  test("a problem in one cell reads as before; the same problem in two cells names both", () => {
    const result = vega(column(100, "x", 100, "x", "y"), single(100), single(0.25), single(0.8)) as Cell[][];
    expect(errorAt(result, 1).message).toBe('rows 2, 4: underlying "x" is text; expected a positive price');
    expect(errorAt(result, 3)).toBe(errorAt(result, 1));
    expect(errorAt(result, 4).message).toBe('row 5: underlying "y" is text; expected a positive price');
  });

  test("a block names cells by row and columns; a row of legs by columns", () => {
    const block = vega([[100, "x"], ["x", "x"]], single(100), single(0.25), single(0.8)) as Cell[][];
    expect(errorAt(block, 0, 1).message).toBe('row 1, column 2; row 2, columns 1–2: underlying "x" is text; expected a positive price');
    const legsInARow = vega([[100, "x", "x"]], single(100), single(0.25), single(0.8)) as Cell[][];
    expect(errorAt(legsInARow, 0, 1).message).toBe('columns 2–3: underlying "x" is text; expected a positive price');
  });

  test("a long problem over scattered rows still fits Excel's tooltip whole", () => {
    const models = Array.from({ length: rows }, (_, index) => [index % 2 === 0 ? "inverse" : "bsm"]);
    const result = vega(single(40000), single(40000), single(0.25), single(0.8), single(0), single(0.01), models) as Cell[][];
    const message = errorAt(result, 0).message ?? "";
    expect(message).toMatch(/^rows 1, 3, 5, 7 and 4996 more rows: carry 0.01 is not used by model inverse .*use model bsm with the spot$/);
    expect(message.length).toBeLessThanOrEqual(250);
  });

  test("XV.TWVEGA and XV.YEARS share errors the same way", () => {
    const weighted = twvega(filled(1000), filled(0.1), single(-5)) as Cell[][];
    expect(errorAt(weighted, 0).message).toBe("rows 1–10000: ref_days -5 must be a positive number of days (30 for DVOL)");
    expect(weighted.every(([cell]) => cell === weighted[0]?.[0])).toBe(true);
    const dated = years(filled(-4), single(46000)) as Cell[][];
    expect(errorAt(dated, 0).message).toMatch(/^rows 1–10000: expiry -4 is not an Excel date-time/);
    expect(dated.every(([cell]) => cell === dated[0]?.[0])).toBe(true);
  });
});
