import fc from "fast-check";
import { vega } from "../../src/functions/vegaFunctions";
import { CellProblems } from "../../src/functions/columnReading";
import { describeProblemCells, locateProblems } from "../../src/functions/problemLocations";
import { MAX_SHARED_MESSAGES } from "../../src/functions/sharedMessages";

type Cell = number | CustomFunctions.Error;

/** The row numbers a location such as "rows 2–5, 9 and 3 more rows: " lists, and whether it lists them all. */
function listedRows(message: string): { rows: Set<number>; complete: boolean } {
  const location = /^rows? ([^:]*): /.exec(message)?.[1] ?? "";
  const [listed = "", more] = location.split(" and ");
  const rows = new Set<number>();
  for (const part of listed.split(", ")) {
    const [first, last] = part.split("–").map(Number) as [number, number | undefined];
    for (let row = first; row <= (last ?? first); row++) rows.add(row);
  }
  return { rows, complete: more === undefined };
}

describe("where a shared problem sits", () => {
  test("CellProblems keeps one message per distinct problem, however many cells", () => {
    const problems = new CellProblems(100_000);
    for (let index = 0; index < 100_000; index += 2) problems.add(index, "underlying is blank");
    problems.addToAll("vol is blank");
    expect(problems.distinctMessages).toEqual(["underlying is blank", "vol is blank"]);
    expect([problems.messageAt(0), problems.messageAt(1)]).toEqual(["underlying is blank", "vol is blank"]);
  });

  test("runs, and the count of cells not listed", () => {
    const ids = new Uint32Array([1, 1, 0, 1, 2, 1, 1, 0, 1, 0, 1, 1]);
    expect(locateProblems(ids, 2, { rows: 12, columns: 1 })).toEqual(["rows 1–2, 4, 6–7, 9 and 2 more rows: ", "row 5: "]);
    const block = new Uint32Array([0, 1, 1, 1, 1, 0, 2, 0, 0]);
    expect(locateProblems(block, 2, { rows: 3, columns: 3 })).toEqual(["row 1, columns 2–3; row 2, columns 1–2: ", "row 3, column 1: "]);
    expect(describeProblemCells({ rows: 1, columns: 1 }, { count: 1, runStarts: [0], runEnds: [0] })).toBe("");
  });

  test("every error names its own row, or says that more rows share it; its problem is the one that cell has alone", () => {
    const cellValue = fc.oneof(fc.constant(100), fc.constantFrom("n/a", "x", null, true));
    fc.assert(
      fc.property(fc.array(cellValue, { minLength: 2, maxLength: 60 }), (underlyings) => {
        const result = vega(underlyings.map((value) => [value]), [[100]], [[0.5]], [[0.4]]) as Cell[][];
        result.forEach(([cell], index) => {
          if (typeof cell === "number") return;
          const message = cell?.message ?? "";
          const { rows, complete } = listedRows(message);
          if (complete) expect(rows.has(index + 1)).toBe(true);
          const alone = vega([[underlyings[index]]], [[100]], [[0.5]], [[0.4]]) as Cell[][];
          expect(message.replace(/^[^:]*: /, "")).toBe((alone[0]?.[0] as CustomFunctions.Error).message);
        });
      }),
      { numRuns: 200 },
    );
  });
});

describe("sharing has a bound", () => {
  test("past MAX_SHARED_MESSAGES distinct problems, each cell keeps its own message, as before sharing", () => {
    const count = MAX_SHARED_MESSAGES + 50;
    const vols = Array.from({ length: count }, (_, index) => [11 + index / 1000]);
    const result = vega([[100]], [[100]], [[0.5]], vols) as Cell[][];
    const last = result[count - 1]?.[0] as CustomFunctions.Error;
    expect(last.message).toBe(`row ${count}: vol ${11 + (count - 1) / 1000} looks like a percentage: enter ${11 + (count - 1) / 1000}% or ${(11 + (count - 1) / 1000) / 100} (a decimal)`);
    expect(new Set(result.map(([cell]) => cell)).size).toBe(count);
  });
});
