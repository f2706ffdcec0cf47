import fc from "fast-check";
import { findEntryProblems } from "../../../src/core/correlation/correlationValidation";
import { symmetrise } from "../../../src/core/correlation/symmetricMatrix";
import { flatSubmatrixWithUnitDiagonal, nestedCorrelationWithUnitDiagonal, writeSymmetricPartIfEntriesValid } from "../../../src/core/correlation/flatCorrelation";
import { correlationMatrixArbitrary, symmetricUnitDiagonalArbitrary } from "./matrixTestUtils";

/** One entry of a valid matrix spoiled the way a sheet spoils it, or left alone (kind "none"). */
const SPOILERS: Record<string, (value: number) => unknown> = {
  none: (value) => value,
  tinyAsymmetry: (value) => value + 5e-13,
  asymmetry: (value) => value + 1e-9,
  notANumber: () => Number.NaN,
  infinite: () => Number.POSITIVE_INFINITY,
  text: (value) => String(value),
  blank: () => undefined,
  // value − value is 0 for these two, as for a number: the type test after it must refuse them.
  empty: () => null,
  logical: () => true,
  outOfBounds: () => 1.0001,
  boundary: () => 1 + 1e-12,
  negativeZero: () => -0,
};

const spoiledMatrix = fc.integer({ min: 1, max: 40 }).chain((size) =>
  fc.tuple(fc.oneof(correlationMatrixArbitrary(size), symmetricUnitDiagonalArbitrary(size)), fc.nat(size - 1), fc.nat(size - 1), fc.constantFrom(...Object.keys(SPOILERS))),
);

describe("writeSymmetricPartIfEntriesValid", () => {
  test("true exactly when findEntryProblems finds nothing, and then (A + Aᵀ)/2 row-major, as symmetrise computes it", () => {
    fc.assert(
      fc.property(spoiledMatrix, ([values, row, column, spoiler]) => {
        // Rows as `new Array(n)` makes them (holey doubles, the kind the finiteness test keeps unboxed), and a blank
        // as a hole left in one, not only as an undefined stored.
        const spoiled: unknown[][] = values.map((entries) => {
          const copy = new Array<unknown>(entries.length);
          entries.forEach((entry, index) => (copy[index] = entry));
          return copy;
        });
        if (spoiler === "blank" && column % 2 === 0) delete (spoiled[row] as unknown[])[column];
        else (spoiled[row] as unknown[])[column] = (SPOILERS[spoiler] as (value: number) => unknown)(values[row]?.[column] as number);
        const matrix = spoiled as number[][];
        // A used buffer, longer than needed: what the memo hands out.
        const into = new Float64Array(matrix.length ** 2 + 3).fill(0.5);
        const valid = writeSymmetricPartIfEntriesValid(matrix, into);
        expect(valid).toBe(findEntryProblems(matrix).length === 0);
        if (valid) expect([...into.subarray(0, matrix.length ** 2)]).toEqual(symmetrise(matrix).to1DArray());
      }),
      { seed: 20261208, numRuns: 400 },
    );
  });

  test("the worked example of DOMAIN.md §2 passes; a text entry '0.8' is refused, not read as a number", () => {
    const values = [
      [1, 0.8, 0.85],
      [0.8, 1, 0.9],
      [0.85, 0.9, 1],
    ];
    const into = new Float64Array(9);
    expect(writeSymmetricPartIfEntriesValid(values, into)).toBe(true);
    expect([...into]).toEqual([1, 0.8, 0.85, 0.8, 1, 0.9, 0.85, 0.9, 1]);
    const withText = [values[0], ["0.8", 1, 0.9], values[2]] as unknown as number[][];
    expect(writeSymmetricPartIfEntriesValid(withText, into)).toBe(false);
  });
});

describe("flatSubmatrixWithUnitDiagonal and nestedCorrelationWithUnitDiagonal", () => {
  test("rows and columns in the order asked, 1 on the diagonal", () => {
    const values = Float64Array.from([1, 0.6, 0.2, 0.6, 1, 0.3, 0.2, 0.3, 1.0000000000001]);
    expect([...flatSubmatrixWithUnitDiagonal(values, 3, [2, 0])]).toEqual([1, 0.2, 0.2, 1]);
    expect([...flatSubmatrixWithUnitDiagonal(values, 3, [0, 1, 2])]).toEqual([1, 0.6, 0.2, 0.6, 1, 0.3, 0.2, 0.3, 1]);
    // Involved assets 0, 1, 2 lie in matrix rows 2, 0, 1; entries (2, 0) of them are matrix entries (1, 2).
    expect(nestedCorrelationWithUnitDiagonal(values, 3, [2, 0, 1], [2, 0])).toEqual([
      [1, 0.3],
      [0.3, 1],
    ]);
  });
});
