import fc from "fast-check";
import { vega } from "../../src/functions/vegaFunctions";
import { CellProblems } from "../../src/functions/columnReading";
import { ProblemCells, collectProblemCells, describeProblemCells } from "../../src/functions/problemLocations";

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
    const [first, second] = collectProblemCells(ids, 2, { rows: 12, columns: 1 }) as [ProblemCells, ProblemCells];
    expect(describeProblemCells({ rows: 12, columns: 1 }, first)).toBe("rows 1–2, 4, 6–7, 9 and 2 more rows: ");
    expect(describeProblemCells({ rows: 12, columns: 1 }, second)).toBe("row 5: ");
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
