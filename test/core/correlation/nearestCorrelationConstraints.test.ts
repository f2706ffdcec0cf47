import { CorrelationInputError } from "../../../src/core/correlation/correlationErrors";
import { nearestCorrelationMatrix } from "../../../src/core/correlation/nearestCorrelation";
import { factorModelCorrelation, perturbedCorrelation } from "../../../bench/randomCorrelation";
import { expectClose } from "../tolerance";
import { maxAbsoluteDifference, seededUniform, smallestEigenvalue } from "./matrixTestUtils";

const HIGHAM = [
  [1, 1, 0],
  [1, 1, 1],
  [0, 1, 1],
];

function expectCorrelationMatrix(matrix: number[][], minEigenvalue: number): void {
  matrix.forEach((row, i) => {
    expect(row[i]).toBe(1);
    row.forEach((value, j) => {
      expect(value).toBe(matrix[j]?.[i]);
      expect(Math.abs(value)).toBeLessThanOrEqual(1);
    });
  });
  expect(smallestEigenvalue(matrix)).toBeGreaterThanOrEqual(minEigenvalue - 1e-12);
}

function randomInvalid(size: number, seed: number): number[][] {
  const random = seededUniform(seed);
  return perturbedCorrelation(factorModelCorrelation(size, random), 0.2, random);
}

function mask(size: number, assets: readonly number[]): boolean[][] {
  return Array.from({ length: size }, (_, i) => Array.from({ length: size }, (_, j) => i !== j && assets.includes(i) && assets.includes(j)));
}

describe("nearestCorrelationMatrix: min_eigenvalue", () => {
  test.each([0.01, 0.1, 0.3])("δ = %f: unit diagonal, λmin ≥ δ, Newton and alternating projections agree to 1e-9", (minEigenvalue) => {
    for (const input of [HIGHAM, randomInvalid(30, 5)]) {
      const newton = nearestCorrelationMatrix(input, { minEigenvalue });
      const projections = nearestCorrelationMatrix(input, { minEigenvalue, method: "alternatingProjections", tolerance: 1e-13, maxIterations: 20000 });
      expect(newton.converged).toBe(true);
      expectCorrelationMatrix(newton.matrix, minEigenvalue);
      expect(maxAbsoluteDifference(newton.matrix, projections.matrix)).toBeLessThanOrEqual(1e-9);
      // The bound is active: the nearest matrix sits on it.
      expectClose(smallestEigenvalue(newton.matrix), minEigenvalue, { absolute: 1e-9 });
    }
  });

  test("a valid matrix whose smallest eigenvalue is below δ is moved; one above δ comes back unchanged", () => {
    const valid = [
      [1, 0.9, 0.8],
      [0.9, 1, 0.9],
      [0.8, 0.9, 1],
    ];
    const smallest = smallestEigenvalue(valid);
    expect(nearestCorrelationMatrix(valid, { minEigenvalue: smallest / 2 })).toMatchObject({ iterations: 0, largestChange: null });
    const moved = nearestCorrelationMatrix(valid, { minEigenvalue: 2 * smallest });
    expect(moved.largestChange).not.toBeNull();
    expectCorrelationMatrix(moved.matrix, 2 * smallest);
  });

  test.each([-0.1, 1, 1.5, Number.NaN])("rejects min_eigenvalue %f with the range", (minEigenvalue) => {
    expect(() => nearestCorrelationMatrix(HIGHAM, { minEigenvalue })).toThrow("must be a number from 0 up to (not including) 1");
  });
});

describe("nearestCorrelationMatrix: locked entries", () => {
  test("Higham's 3×3 with (1,3) locked at 0: closed form X12 = X23 = (1 − δ)/√2 (λmin = 1 − √2·X12 = δ), both routes", () => {
    const locked = [
      [false, false, true],
      [false, false, false],
      [false, false, false],
    ];
    for (const [minEigenvalue, method] of [[0, "newton"], [0.2, "newton"], [0, "alternatingProjections"], [0.2, "alternatingProjections"]] as const) {
      const result = nearestCorrelationMatrix(HIGHAM, { locked, minEigenvalue, method });
      expect(result.converged).toBe(true);
      expect(result.matrix[0]?.[2]).toBe(0);
      expect(result.matrix[2]?.[0]).toBe(0);
      expectClose(result.matrix[0]?.[1] ?? 0, (1 - minEigenvalue) / Math.SQRT2, { absolute: 1e-8 });
      expectClose(result.matrix[1]?.[2] ?? 0, (1 - minEigenvalue) / Math.SQRT2, { absolute: 1e-8 });
      expectCorrelationMatrix(result.matrix, minEigenvalue);
    }
  });

  test("random 40×40 with a locked 4-asset block: locked entries bit-identical to the symmetrised input, unit diagonal, λmin ≥ δ", () => {
    const input = randomInvalid(40, 9).map((row) => [...row]);
    // An asymmetric locked pair: it keeps the average of the two cells.
    (input[3] as number[])[7] = 0.31;
    (input[7] as number[])[3] = 0.35;
    const block = [3, 7, 12, 20];
    const valid = factorModelCorrelation(4, seededUniform(77));
    block.forEach((i, a) => block.forEach((j, b) => a !== b && ((input[i] as number[])[j] = valid[a]?.[b] ?? 0)));
    (input[3] as number[])[7] = 0.31;
    (input[7] as number[])[3] = 0.35;
    for (const minEigenvalue of [0, 0.05]) {
      const result = nearestCorrelationMatrix(input, { locked: mask(40, block), minEigenvalue });
      expect(result.converged).toBe(true);
      for (const i of block) {
        for (const j of block) {
          if (i !== j) expect(Object.is(result.matrix[i]?.[j], ((input[i]?.[j] ?? 0) + (input[j]?.[i] ?? 0)) / 2)).toBe(true);
        }
      }
      expectCorrelationMatrix(result.matrix, minEigenvalue);
      // The Newton route (default) and the alternating projections agree on the locked answer.
      const projections = nearestCorrelationMatrix(input, { locked: mask(40, block), minEigenvalue, method: "alternatingProjections", tolerance: 1e-12, maxIterations: 20000 });
      expect(projections.converged).toBe(true);
      expect(maxAbsoluteDifference(result.matrix, projections.matrix)).toBeLessThanOrEqual(1e-9);
      // Locking costs distance: the answer is no nearer than the unconstrained one, and differs from it.
      const free = nearestCorrelationMatrix(input, { minEigenvalue });
      expect(maxAbsoluteDifference(result.matrix, free.matrix)).toBeGreaterThan(1e-6);
    }
  });

  test("a locked block that is not positive semidefinite is an error naming its assets", () => {
    const input = [
      [1, 0.9, -0.9, 0.1],
      [0.9, 1, 0.9, 0.1],
      [-0.9, 0.9, 1, 0.1],
      [0.1, 0.1, 0.1, 1],
    ];
    const names = ["BTC", "ETH", "SOL", "XRP"];
    const run = (): unknown => nearestCorrelationMatrix(input, { locked: mask(4, [0, 1, 2]), names });
    expect(run).toThrow(CorrelationInputError);
    expect(run).toThrow("the locked correlations among BTC, ETH, SOL admit no valid matrix");
    // Feasible at δ = 0 but not above the block's own smallest eigenvalue.
    const fine = [
      [1, 0.9, 0.1],
      [0.9, 1, 0.1],
      [0.1, 0.1, 1],
    ];
    expect(() => nearestCorrelationMatrix(fine, { locked: mask(3, [0, 1]), minEigenvalue: 0.2, names })).toThrow("the locked correlation (BTC, ETH) is 0.9");
    expect(() => nearestCorrelationMatrix(fine, { locked: mask(3, [0, 1]), minEigenvalue: 0.05 })).not.toThrow();
  });

  test("a locked |ρ| > 1 is an error; a mask of the wrong size is an error", () => {
    expect(() => nearestCorrelationMatrix(HIGHAM, { locked: mask(3, [0, 1]).map((row) => row.map(() => false)).map((row, i) => row.map((_, j) => i + j === 1)) })).not.toThrow();
    expect(() => nearestCorrelationMatrix([[1, 1.2], [1.2, 1]], { locked: mask(2, [0, 1]) })).toThrow("is 1.2");
    expect(() => nearestCorrelationMatrix(HIGHAM, { locked: mask(2, [0, 1]) })).toThrow("locked must be 3×3");
  });
});

describe("nearestCorrelationMatrix: a locked block on the boundary (known limit)", () => {
  test("a locked correlation of exactly 1 may stop unconverged; the matrix returned is then still positive semidefinite", () => {
    const input = [
      [1, 1, 0.5],
      [1, 1, 0.2],
      [0.5, 0.2, 1],
    ];
    const result = nearestCorrelationMatrix(input, { locked: mask(3, [0, 1]), maxIterations: 200 });
    if (result.converged) {
      expect(result.matrix[0]?.[1]).toBe(1);
    } else {
      expect(result.stoppedBy).toBe("iterations");
    }
    expectCorrelationMatrix(result.matrix, 0);
  });
});
