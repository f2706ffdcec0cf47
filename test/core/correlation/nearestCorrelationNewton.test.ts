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
const NAG_INPUT = [
  [2, -1, 0, 0],
  [-1, 2, -1, 0],
  [0, -1, 2, -1],
  [0, 0, -1, 2],
];

function expectCorrelationMatrix(matrix: number[][], minEigenvalue = 0): void {
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

describe("nearestCorrelationMatrix, Newton route (the default)", () => {
  test("NAG g02aa example program: tridiag(−1, 2, −1) 4×4 to the 4 decimals NAG prints", () => {
    // Printed output of NAG's example program for g02aaf (Mark 26.2 "Example Program Results", support.nag.com
    // .../examples/baseresults/g02aafe.r.html): 1.0000 −0.8084 0.1916 0.1068 / −0.8084 1.0000 −0.6562 0.1916 / …,
    // "Number of Newton steps taken: 3".
    const printed = [
      [1, -0.8084, 0.1916, 0.1068],
      [-0.8084, 1, -0.6562, 0.1916],
      [0.1916, -0.6562, 1, -0.8084],
      [0.1068, 0.1916, -0.8084, 1],
    ];
    const result = nearestCorrelationMatrix(NAG_INPUT);
    expect(result.converged).toBe(true);
    expect(result.iterations).toBeLessThanOrEqual(6);
    expectCorrelationMatrix(result.matrix);
    printed.forEach((row, i) => row.forEach((value, j) => expectClose(result.matrix[i]?.[j] ?? Number.NaN, value, { absolute: 5e-5 }, `(${i + 1},${j + 1})`)));
  });

  test("Higham (2002) 3×3 to the root of 4a³ − a − 1 = 0 (see the fixture), in a handful of Newton steps", () => {
    const result = nearestCorrelationMatrix(HIGHAM);
    expect(result.iterations).toBeLessThanOrEqual(6);
    expectClose(result.matrix[0]?.[1] ?? 0, 0.7606898534022838, { absolute: 1e-13 });
    expectClose(result.matrix[0]?.[2] ?? 0, 0.15729810613837603, { absolute: 1e-13 });
    expect(result.residual).toBeLessThanOrEqual(1e-10);
  });

  test.each([
    [8, 1],
    [25, 2],
    [60, 3],
    [90, 4],
  ])("random %i×%i (seed %i) agrees with alternating projections to 1e-9, unit diagonal, symmetric, PSD", (size, seed) => {
    const input = randomInvalid(size, seed);
    const newton = nearestCorrelationMatrix(input);
    const projections = nearestCorrelationMatrix(input, { method: "alternatingProjections", tolerance: 1e-13, maxIterations: 20000 });
    expect(newton.converged).toBe(true);
    expect(projections.converged).toBe(true);
    expect(newton.iterations).toBeLessThanOrEqual(12);
    expectCorrelationMatrix(newton.matrix);
    expect(maxAbsoluteDifference(newton.matrix, projections.matrix)).toBeLessThanOrEqual(1e-9);
  });

  test("the time budget stops Newton before a step that would end past it (injected clock)", () => {
    let now = 0;
    // Readings 10 apart: start 10, check before step 1 at 20 (10 + 10 < 25: go), before step 2 at 30 (20 + 10 ≥ 25: stop).
    const clock = (): number => (now += 10);
    const result = nearestCorrelationMatrix(NAG_INPUT, { timeBudgetMilliseconds: 25, clock });
    expect(result).toMatchObject({ converged: false, stoppedBy: "time", iterations: 1 });
    expect(result.residual).toBeGreaterThan(1e-10);
    expectCorrelationMatrix(result.matrix);
    expect(nearestCorrelationMatrix(NAG_INPUT, { maxIterations: 1 })).toMatchObject({ converged: false, stoppedBy: "iterations", iterations: 1 });
  });

  test("rejects an unknown method", () => {
    expect(() => nearestCorrelationMatrix(HIGHAM, { method: "bisection" as never })).toThrow(CorrelationInputError);
  });
});
