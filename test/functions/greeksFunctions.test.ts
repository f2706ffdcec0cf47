import { greeks } from "../../src/functions/greeksFunctions";
import { impliedvol } from "../../src/functions/impliedVolFunctions";
import { vega } from "../../src/functions/vegaFunctions";
import { expectClose } from "../core/tolerance";
import { column, expectExcelError, row, single } from "./functionTestUtils";

type Cell = number | CustomFunctions.Error;

function numberAt(result: Cell[][], rowIndex: number, columnIndex = 0): number {
  const cell = result[rowIndex]?.[columnIndex];
  if (typeof cell !== "number") throw new Error(`expected a number at (${rowIndex}, ${columnIndex}), got ${JSON.stringify(cell)}`);
  return cell;
}

function errorAt(result: Cell[][], rowIndex: number, columnIndex = 0): CustomFunctions.Error {
  const cell = result[rowIndex]?.[columnIndex];
  if (!(cell instanceof CustomFunctions.Error)) throw new Error(`expected an error at (${rowIndex}, ${columnIndex}), got ${String(cell)}`);
  return cell;
}

describe("XV.IMPLIEDVOL", () => {
  test("a column of prices spills a column of vols; single cells broadcast; type and model in any case", () => {
    const result = impliedvol(column(10.450584, 5.573526), single(100), single(100), single(1), single(0.05), null as never, single("BSM"), column("call", "P")) as Cell[][];
    expect(result).toHaveLength(2);
    expectClose(numberAt(result, 0), 0.2, { absolute: 1e-7 });
    // Put from parity: 10.450584 − (100 − 100·e^(−0.05)) = 5.573526.
    expectClose(numberAt(result, 1), 0.2, { absolute: 1e-6 });
  });

  test("feeds XV.VEGA: a coin mark's vol gives the inverse leg's coin vega", () => {
    const vol = numberAt(impliedvol(single(0.0125), single(39165.86), single(40000), single(30 / 365), null as never, null as never, single("inverse")) as Cell[][], 0);
    const coinVega = numberAt(vega(single(39165.86), single(40000), single(30 / 365), single(vol), null as never, null as never, single("inverse")) as Cell[][], 0);
    expect(coinVega).toBeGreaterThan(0);
  });

  test("a bad cell gives only its own cell an error that says what is possible", () => {
    const result = impliedvol(column(12, 9.5, 0, 1), single(110), single(100), column(0.5, 0.5, 0.5, 0), null as never, null as never, single("black76")) as Cell[][];
    expect(typeof result[0]?.[0]).toBe("number");
    expect(errorAt(result, 1).message).toMatch(/^row 2: price 9.5 is below the intrinsic value 10 .* by 0.5/);
    expect(errorAt(result, 2).message).toMatch(/^row 3: price 0 is not positive/);
    expect(errorAt(result, 3).message).toMatch(/^row 4: .*expired/);
  });

  test("unknown type names the argument and the choices", () => {
    const result = impliedvol(single(5), single(100), single(100), single(1), null as never, null as never, null as never, single("straddle")) as Cell[][];
    expect(errorAt(result, 0).message).toMatch(/type "straddle" is not one of call, put/);
  });
});

describe("XV.GREEKS", () => {
  test("one row per leg, eight columns in order; 'greeks' picks and orders them", () => {
    const all = greeks(column(49, 100), column(50, 100), column(20 / 52, 1), single(0.2), single(0.05)) as Cell[][];
    expect(all.map((cells) => cells.length)).toEqual([8, 8]);
    // Hull's example, per vol point / per day / per rate point.
    expectClose(numberAt(all, 0, 0), 2.40, { absolute: 0.005 });
    expectClose(numberAt(all, 0, 1), 0.522, { absolute: 0.0005 });
    expectClose(numberAt(all, 0, 3), 0.121, { absolute: 0.0005 });
    expectClose(numberAt(all, 1, 0), 10.450584, { absolute: 5e-7 });
    const picked = greeks(column(49, 100), column(50, 100), column(20 / 52, 1), single(0.2), single(0.05), null as never, null as never, null as never, single("vega, Delta")) as Cell[][];
    expect(picked.map((cells) => cells.length)).toEqual([2, 2]);
    expect(numberAt(picked, 1, 0)).toBe(numberAt(all, 1, 3));
    expect(numberAt(picked, 1, 1)).toBe(numberAt(all, 1, 1));
    const fromRange = greeks(single(100), single(100), single(1), single(0.2), null as never, null as never, null as never, null as never, row("gamma", "theta")) as Cell[][];
    expect(fromRange[0]).toHaveLength(2);
  });

  test("a bad leg fills its own row with its message; the other legs are computed", () => {
    const result = greeks(column(100, -5, 100), single(100), single(1), single(0.2)) as Cell[][];
    expect(result[1]?.map((cell) => (cell as CustomFunctions.Error).message)).toEqual(Array(8).fill(expect.stringMatching(/^row 2: underlying -5 must be a positive price/)));
    // One error object fills the row (and is shared with every leg of the same problem), as in XV.VEGA.
    expect(new Set(result[1]).size).toBe(1);
    expect(typeof result[2]?.[7]).toBe("number");
  });

  test("a leg whose Greeks leave the doubles is named with its inputs; an error cell in 'greeks' is named as Excel shows it (npm run fuzz)", () => {
    const result = greeks([[1e-300], [100]], [[1e-100], [100]], [[1]], [[0.5]], null as never, null as never, [["inverse"]], [["put"]]);
    const messages = (result[0] ?? []).map((cell) => (cell as CustomFunctions.Error).message);
    expect(messages).toEqual(Array(8).fill(expect.stringMatching(/^row 1: \w+ leaves the range of numbers for underlying 1e-300, strike 1e-100, years 1 and vol 0.5: check their units/)));
    expect((result[1] ?? []).every((cell) => typeof cell === "number" && Number.isFinite(cell))).toBe(true);
    const errorCell = { type: "Error", basicValue: "#N/A", errorType: "NotAvailable" };
    expectExcelError(() => greeks([[100]], [[100]], [[1]], [[0.5]], null as never, null as never, null as never, null as never, [[errorCell]]), /not #N\/A$/);
  });

  test("unknown Greek names fail the call, naming the choices", () => {
    expectExcelError(() => greeks(single(100), single(100), single(1), single(0.2), null as never, null as never, null as never, null as never, single("delta,charm")), /greeks: "charm" is not one of price, delta/);
  });
});
