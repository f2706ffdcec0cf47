import fc from "fast-check";
import { formatTable, OutputCell } from "../../src/cli/csvTable";
import { NonFiniteOutputError } from "../../src/cli/finiteOutput";
import { RowTableWriter } from "../../src/cli/rowTableOutput";

/*
 * Issue 11 part 3: the streaming commands write their table a batch of rows at a time; the text must be exactly what
 * formatTable gives for the whole table at once (csv-stringify's quoting, formula neutralising, JSON's layout).
 */

const text = fc.oneof(
  fc.constantFrom("", " ", "ALT", "-10", "+3", "-1.5e-3", "-2%", "=SUM(A1)", "@x", "+x", "-x", "\tx", "\rx", "＝1", "＠a", "__proto__", "1"),
  fc.array(fc.constantFrom("a", ",", '"', "\n", "\r", " ", "=", "-", "é", "1"), { maxLength: 6 }).map((parts) => parts.join("")),
);
const cell: fc.Arbitrary<OutputCell> = fc.oneof(text, fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constant(null));

/** The rows cut into batches at `cuts`. */
function batches<T>(rows: readonly T[], cuts: readonly number[]): T[][] {
  const positions = [...new Set(cuts.map((cut) => cut % (rows.length + 1)))].sort((a, b) => a - b);
  const result: T[][] = [];
  let start = 0;
  for (const position of [...positions, rows.length]) {
    result.push(rows.slice(start, position));
    start = Math.max(start, position);
  }
  return result;
}

function written(format: "csv" | "json", header: readonly string[], rows: readonly OutputCell[][], cuts: readonly number[]): string {
  const writer = new RowTableWriter(format, header);
  return writer.start() + batches(rows, cuts).map((batch) => writer.rows(batch)).join("") + writer.end();
}

describe("RowTableWriter writes what formatTable writes", () => {
  it.each(["csv", "json"] as const)("%s: any table, in any batches", (format) => {
    const table = fc.integer({ min: 1, max: 5 }).chain((width) =>
      fc.tuple(
        fc.uniqueArray(text, { minLength: width, maxLength: width, selector: (name) => name.trim().toLowerCase() }),
        fc.array(fc.array(cell, { minLength: width, maxLength: width }), { maxLength: 8 }),
      ),
    );
    fc.assert(
      fc.property(table, fc.array(fc.nat(), { maxLength: 4 }), ([header, rows], cuts) => {
        expect(written(format, header, rows, cuts)).toBe(formatTable(format, header, rows));
      }),
      { numRuns: 1500 },
    );
  });

  it("an empty table: the header alone in CSV, [] in JSON", () => {
    expect(written("csv", ["leg", "vega"], [], [])).toBe("leg,vega\n");
    expect(written("json", ["leg", "vega"], [], [])).toBe("[]\n");
  });

  it.each([
    ["csv", "row L2, column vega"],
    ["json", "vega of row 2"],
  ] as const)("%s: a number that is not finite is refused, named as formatTable names it (%s)", (format, where) => {
    const writer = new RowTableWriter(format, ["leg", "vega"]);
    writer.start();
    writer.rows([["L1", 1]]);
    expect(() => writer.rows([["L2", Number.NaN]])).toThrow(NonFiniteOutputError);
    expect(() => formatTable(format, ["leg", "vega"], [["L1", 1], ["L2", Number.NaN]])).toThrow(where);
    const again = new RowTableWriter(format, ["leg", "vega"]);
    again.rows([["L1", 1]]);
    expect(() => again.rows([["L2", Number.NaN]])).toThrow(where);
  });
});
