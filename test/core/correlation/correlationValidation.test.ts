import fc from "fast-check";
import { validateCorrelationMatrix } from "../../../src/core/correlation/correlationValidation";
import { expectClose } from "../tolerance";
import { correlationMatrixArbitrary, symmetricUnitDiagonalArbitrary, smallestEigenvalue } from "./matrixTestUtils";

const labels = ["ALT", "BTC", "ETH"];

describe("validateCorrelationMatrix", () => {
  test("accepts a valid matrix and reports its smallest eigenvalue", () => {
    const result = validateCorrelationMatrix(
      [
        [1, 0.8, 0.85],
        [0.8, 1, 0.9],
        [0.85, 0.9, 1],
      ],
      labels,
    );
    expect(result.valid).toBe(true);
    expect(result.problems).toEqual([]);
    expect(result.smallestEigenvalue).toBeGreaterThan(0);
  });

  test("Higham's example fails only the PSD check, with smallest eigenvalue 1 − √2", () => {
    const result = validateCorrelationMatrix([
      [1, 1, 0],
      [1, 1, 1],
      [0, 1, 1],
    ]);
    expect(result.valid).toBe(false);
    expect(result.problems.map((problem) => problem.check)).toEqual(["positiveSemidefinite"]);
    expectClose(result.smallestEigenvalue ?? 0, 1 - Math.SQRT2, { absolute: 1e-14 });
    expect(result.problems[0]?.message).toMatch(/smallest eigenvalue -0\.414214 .*XV\.NEARCORR/);
  });

  test("names failing entries by asset when labelled", () => {
    const result = validateCorrelationMatrix(
      [
        [1, 1.2, 0.3],
        [1.2, 0.98, 0.5],
        [0.35, 0.5, 1],
      ],
      labels,
    );
    const byCheck = Object.fromEntries(result.problems.map((problem) => [problem.check, problem]));
    expect(byCheck.bounds).toMatchObject({ row: 0, column: 1, value: 1.2 });
    expect(byCheck.bounds?.message).toContain("(ALT, BTC) is 1.2");
    expect(byCheck.unitDiagonal).toMatchObject({ row: 1, column: 1, value: 0.98 });
    expect(byCheck.unitDiagonal?.message).toContain("(BTC, BTC)");
    expect(byCheck.symmetric).toMatchObject({ row: 0, column: 2, value: 0.3 });
    expect(byCheck.symmetric?.message).toContain("(ALT, ETH) is 0.3 but (ETH, ALT) is 0.35");
    // The symmetric 1.2 pair is reported once.
    expect(result.problems.filter((problem) => problem.check === "bounds")).toHaveLength(1);
  });

  test("names failing entries by 1-based row and column without labels", () => {
    const result = validateCorrelationMatrix([
      [1, Number.NaN],
      [0.5, 1],
    ]);
    expect(result.problems[0]).toMatchObject({ check: "finite", row: 0, column: 1 });
    expect(result.problems[0]?.message).toContain("(row 1, column 2)");
    expect(result.smallestEigenvalue).toBeNull();
  });

  test("tolerances: asymmetry and diagonal error of 1e-13 pass, 1e-11 fail", () => {
    expect(validateCorrelationMatrix([[1, 0.5], [0.5 + 1e-13, 1 - 1e-13]]).valid).toBe(true);
    const failing = validateCorrelationMatrix([[1, 0.5], [0.5 + 1e-11, 1 + 1e-11]]);
    expect(failing.problems.map((problem) => problem.check).sort()).toEqual(["symmetric", "unitDiagonal"]);
  });

  test("shape and label problems", () => {
    expect(validateCorrelationMatrix([]).problems[0]?.check).toBe("square");
    expect(validateCorrelationMatrix([[1, 0], [0]]).problems[0]?.message).toContain("row 2 has 1 entries");
    expect(validateCorrelationMatrix([[1]], ["A", "B"]).problems[0]?.check).toBe("labels");
    expect(validateCorrelationMatrix([[1, 0], [0, 1]], ["BTC", " btc "]).problems[0]?.message).toContain("appears twice");
  });

  test("property: a PSD unit-diagonal matrix is valid; the verdict on random ones matches the eigenvalue", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }).chain((size) => correlationMatrixArbitrary(size)), (matrix) => {
        expect(validateCorrelationMatrix(matrix).valid).toBe(true);
      }),
      { numRuns: 50 },
    );
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 6 }).chain(symmetricUnitDiagonalArbitrary), (matrix) => {
        const result = validateCorrelationMatrix(matrix);
        expect(result.valid).toBe(smallestEigenvalue(matrix) >= -1e-10);
      }),
      { numRuns: 50 },
    );
  });
});
