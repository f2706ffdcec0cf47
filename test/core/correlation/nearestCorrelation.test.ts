import fc from "fast-check";
import { EigenvalueDecomposition, Matrix } from "ml-matrix";
import { CorrelationInputError } from "../../../src/core/correlation/correlationErrors";
import { nearestCorrelationMatrix, traceMatchingShift } from "../../../src/core/correlation/nearestCorrelation";
import fixture from "../../fixtures/hedge/nearestCorrelation.json";
import { expectClose } from "../tolerance";
import {
  correlationFromVectors,
  correlationMatrixArbitrary,
  frobeniusDistance,
  maxAbsoluteDifference,
  smallestEigenvalue,
  symmetricUnitDiagonalArbitrary,
} from "./matrixTestUtils";

/** Checks the output guarantees: exactly symmetric, diagonal exactly 1, |ρ| ≤ 1, smallest eigenvalue ≥ −1e-12. */
function expectCorrelationMatrix(matrix: number[][]): void {
  matrix.forEach((row, i) => {
    expect(row[i]).toBe(1);
    row.forEach((value, j) => {
      expect(value).toBe(matrix[j]?.[i]);
      expect(Math.abs(value)).toBeLessThanOrEqual(1);
    });
  });
  expect(smallestEigenvalue(matrix)).toBeGreaterThanOrEqual(-1e-12);
}

/** Eigenvalue clipping plus rescaling to unit diagonal: a valid but (DOMAIN.md §3) worse answer. */
function clipAndRescale(input: number[][]): number[][] {
  const { realEigenvalues, eigenvectorMatrix } = new EigenvalueDecomposition(new Matrix(input), { assumeSymmetric: true });
  const clipped = eigenvectorMatrix.mmul(Matrix.diag(realEigenvalues.map((value) => Math.max(value, 0)))).mmul(eigenvectorMatrix.transpose());
  const scale = clipped.diag().map((value) => 1 / Math.sqrt(value));
  return clipped.to2DArray().map((row, i) => row.map((value, j) => (i === j ? 1 : value * (scale[i] ?? 0) * (scale[j] ?? 0))));
}

/**
 * Optimality (KKT) of X as the nearest correlation matrix to symmetric A: X = P_S(A + diag y) for some y, i.e.
 * N = X − A − diag(y) is PSD with X·N = 0. The off-diagonal of N is fixed (X − A); its diagonal is fitted by least
 * squares to X·N = 0, column by column. Returns max |X·N| and the smallest eigenvalue of N. Shares no code with the
 * solver.
 */
function optimalityResiduals(input: number[][], output: number[][]): { complementarity: number; smallestEigenvalue: number } {
  const size = input.length;
  const x = new Matrix(output);
  const offDiagonal = new Matrix(size, size);
  for (let i = 0; i < size; i++) {
    for (let j = 0; j < size; j++) if (i !== j) offDiagonal.set(i, j, (output[i]?.[j] ?? 0) - ((input[i]?.[j] ?? 0) + (input[j]?.[i] ?? 0)) / 2);
  }
  const xb = x.mmul(offDiagonal);
  const n = offDiagonal.clone();
  for (let j = 0; j < size; j++) {
    const column = x.getColumn(j);
    const dot = column.reduce((sum, value, i) => sum + value * xb.get(i, j), 0);
    const norm = column.reduce((sum, value) => sum + value * value, 0);
    n.set(j, j, -dot / norm);
  }
  const complementarity = Math.max(...x.mmul(n).to1DArray().map(Math.abs));
  const eigenvalues = new EigenvalueDecomposition(n, { assumeSymmetric: true }).realEigenvalues;
  return { complementarity, smallestEigenvalue: Math.min(...eigenvalues) };
}

describe("nearestCorrelationMatrix: published vectors (DOMAIN.md §3)", () => {
  for (const testCase of fixture.cases) {
    test(`${testCase.name} (${testCase.source.slice(0, 60)}…)`, () => {
      const result = nearestCorrelationMatrix(testCase.input);
      expect(result.converged).toBe(true);
      expectCorrelationMatrix(result.matrix);
      for (const entry of testCase.entries) {
        const actual = result.matrix[entry.row - 1]?.[entry.column - 1] ?? Number.NaN;
        expectClose(actual, entry.value, { absolute: entry.tolerance }, `${testCase.name} (${entry.row},${entry.column})`);
      }
    });
  }

  test("the DOMAIN.md 16-digit Higham figures are 6.4e-8 from the exact answer (so are compared at 1e-7)", () => {
    const a = 0.7606898534022838;
    expect(Math.abs(4 * a ** 3 - a - 1)).toBeLessThan(1e-15);
    expect(Math.abs(a - 0.7606899170501267)).toBeGreaterThan(6e-8);
  });

  test.each(fixture.cases.map((testCase) => [testCase.name, testCase.input] as const))(
    "%s: converged to 1e-9 (tight tolerance agrees, optimality conditions hold)",
    (_name, input) => {
      const standard = nearestCorrelationMatrix(input);
      const tight = nearestCorrelationMatrix(input, { tolerance: 1e-15, maxIterations: 10000 });
      const plain = nearestCorrelationMatrix(input, { method: "alternatingProjections", tolerance: 1e-14, andersonDepth: 0, maxIterations: 100000 });
      expect(maxAbsoluteDifference(standard.matrix, tight.matrix)).toBeLessThan(1e-9);
      expect(maxAbsoluteDifference(plain.matrix, tight.matrix)).toBeLessThan(1e-9);
      const residuals = optimalityResiduals(input, tight.matrix);
      expect(residuals.complementarity).toBeLessThan(1e-9);
      expect(residuals.smallestEigenvalue).toBeGreaterThan(-1e-9);
    },
  );

  test("NAG example keeps the input's persymmetry (entry (i,j) = (n+1−j, n+1−i))", () => {
    const input = fixture.cases[2]?.input ?? [];
    const { matrix } = nearestCorrelationMatrix(input);
    for (let i = 0; i < 4; i++) {
      for (let j = 0; j < 4; j++) expectClose(matrix[i]?.[j] ?? 0, matrix[3 - j]?.[3 - i] ?? 1, { absolute: 1e-12 });
    }
  });
});

describe("nearestCorrelationMatrix: behaviour", () => {
  test("returns a valid matrix unchanged with 0 iterations", () => {
    const valid = [
      [1, 0.5, 0.2],
      [0.5, 1, 0.3],
      [0.2, 0.3, 1],
    ];
    const result = nearestCorrelationMatrix(valid);
    expect(result).toEqual({ matrix: valid, iterations: 0, converged: true, stoppedBy: null, residual: 0, elapsedMilliseconds: expect.any(Number), largestChange: null });
    expect(result.matrix).not.toBe(valid);
  });

  test("reports the largest change with its position and values", () => {
    const result = nearestCorrelationMatrix([
      [1, 1, 0],
      [1, 1, 1],
      [0, 1, 1],
    ]);
    const change = result.largestChange;
    expect(change).not.toBeNull();
    // (1,2), (2,1), (2,3) and (3,2) move by the same amount up to rounding; any of them may be reported.
    expect([[0, 1], [1, 0], [1, 2], [2, 1]]).toContainEqual([change?.row, change?.column]);
    expect(change?.before).toBe(1);
    expectClose(change?.change ?? 0, 0.7606898534022838 - 1, { absolute: 1e-9 });
    expect(result.iterations).toBeGreaterThan(0);
  });

  test("symmetrises a non-symmetric input and rescales a non-unit diagonal", () => {
    const result = nearestCorrelationMatrix([
      [2, 0.9],
      [0.5, 2],
    ]);
    expect(result.converged).toBe(true);
    expectCorrelationMatrix(result.matrix);
    expectClose(result.matrix[0]?.[1] ?? 0, 0.7, { absolute: 1e-12 });
  });

  test("clips |ρ| > 1 in a 2×2 to exactly ±1", () => {
    const { matrix } = nearestCorrelationMatrix([
      [1, 1.3],
      [1.3, 1],
    ]);
    expect(matrix).toEqual([
      [1, 1],
      [1, 1],
    ]);
  });

  test("handles a 1×1 matrix", () => {
    expect(nearestCorrelationMatrix([[-3]]).matrix).toEqual([[1]]);
    expect(nearestCorrelationMatrix([[1]]).iterations).toBe(0);
  });

  test("an exhausted iteration cap still returns a valid correlation matrix, flagged not converged", () => {
    const result = nearestCorrelationMatrix(
      [
        [1, 1, 0],
        [1, 1, 1],
        [0, 1, 1],
      ],
      { method: "alternatingProjections", maxIterations: 2, andersonDepth: 0 },
    );
    expect(result.converged).toBe(false);
    expect(result.iterations).toBe(2);
    expectCorrelationMatrix(result.matrix);
  });

  test("issue 8 item 8: the time budget stops the run (injected clock), flagged with what stopped it and the residual", () => {
    let now = 0;
    // Every reading of the clock is 10 ms later (start 10; checks after iterations 1, 2 read 20, 30). After iteration 2,
    // 20 ms have gone and one more iteration (10 ms, like the last) would end at 30 ms, past the 25 ms budget: it stops
    // there, so the budget bounds the whole call. The final reading (40) gives the elapsed 30 ms.
    const clock = (): number => (now += 10);
    const higham = [
      [1, 1, 0],
      [1, 1, 1],
      [0, 1, 1],
    ];
    const result = nearestCorrelationMatrix(higham, { method: "alternatingProjections", andersonDepth: 0, timeBudgetMilliseconds: 25, clock });
    expect(result).toMatchObject({ converged: false, stoppedBy: "time", iterations: 2 });
    expect(result.residual).toBeGreaterThan(1e-10);
    expect(result.elapsedMilliseconds).toBe(30);
    expectCorrelationMatrix(result.matrix);
    // The same run with no budget converges; the iteration cap says so too.
    const capped = nearestCorrelationMatrix(higham, { method: "alternatingProjections", andersonDepth: 0, maxIterations: 2 });
    expect(capped).toMatchObject({ converged: false, stoppedBy: "iterations", iterations: 2 });
    const full = nearestCorrelationMatrix(higham);
    expect(full).toMatchObject({ converged: true, stoppedBy: null });
    expect(full.residual).toBeLessThanOrEqual(1e-10);
    expect(() => nearestCorrelationMatrix(higham, { timeBudgetMilliseconds: 0 })).toThrow("time budget 0 ms must be a positive number of milliseconds");
  });

  test("issue 8 item 8: entries of ±1E6 on 60×60 stop within the budget instead of running for minutes", () => {
    let state = 7;
    const random = (): number => ((state = (state * 48271) % 2147483647) / 2147483647) * 2 - 1;
    const size = 60;
    const huge = Array.from({ length: size }, () => Array.from({ length: size }, () => random() * 1e6));
    const started = Date.now();
    const result = nearestCorrelationMatrix(huge, { timeBudgetMilliseconds: 300 });
    expect(Date.now() - started).toBeLessThan(5000);
    expect(result.matrix).toHaveLength(size);
    if (!result.converged) expect(result.stoppedBy).toBe("time");
  });

  test("trace-matching shift solves Σ max(λ + c, 0) = n", () => {
    const eigenvalues = [-0.41421356, 1, 2.41421356];
    const shift = traceMatchingShift(eigenvalues);
    expectClose(eigenvalues.reduce((sum, value) => sum + Math.max(value + shift, 0), 0), 3, { absolute: 1e-12 });
  });

  test.each([
    [[], "empty"],
    [[[1, 0.5]], "square"],
    [
      [
        [1, Number.NaN],
        [0.2, 1],
      ],
      "(row 1, column 2) is NaN",
    ],
    [
      [
        [1, 2e6],
        [2e6, 1],
      ],
      "larger than 1000000",
    ],
  ])("rejects malformed input %#", (input, fragment) => {
    expect(() => nearestCorrelationMatrix(input)).toThrow(CorrelationInputError);
    expect(() => nearestCorrelationMatrix(input)).toThrow(fragment);
  });

  test.each([{ tolerance: 0 }, { tolerance: Number.NaN }, { maxIterations: 0 }, { maxIterations: 2.5 }, { andersonDepth: -1 }, { andersonDepth: 51 }])(
    "rejects option %j",
    (options) => {
      expect(() => nearestCorrelationMatrix([[1]], options)).toThrow(CorrelationInputError);
    },
  );
});

describe("nearestCorrelationMatrix: properties", () => {
  test("output is an exactly symmetric, unit-diagonal, PSD correlation matrix, nearer than clip-and-rescale", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 7 }).chain(symmetricUnitDiagonalArbitrary), (input) => {
        const result = nearestCorrelationMatrix(input);
        expect(result.converged).toBe(true);
        expectCorrelationMatrix(result.matrix);
        // Eigenvalue clipping plus rescaling is a feasible point, so the nearest matrix is at least as near.
        const clipped = clipAndRescale(input);
        expect(frobeniusDistance(input, result.matrix)).toBeLessThanOrEqual(frobeniusDistance(input, clipped) + 1e-9);
        const residuals = optimalityResiduals(input, result.matrix);
        expect(residuals.complementarity).toBeLessThan(1e-7);
        expect(residuals.smallestEigenvalue).toBeGreaterThan(-1e-7);
      }),
      { numRuns: 60 },
    );
  });

  test("a valid correlation matrix comes back unchanged", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 8 }).chain((size) => correlationMatrixArbitrary(size, 0.01)), (valid) => {
        const result = nearestCorrelationMatrix(valid);
        expect(result.iterations).toBe(0);
        expect(maxAbsoluteDifference(result.matrix, valid)).toBeLessThanOrEqual(1e-15);
      }),
      { numRuns: 60 },
    );
  });

  test("a valid rank-2 correlation matrix (eigenvalues 0 up to rounding) comes back unchanged", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -3, max: 3, noNaN: true }), { minLength: 3, maxLength: 8 }), (slopes) => {
        // Parallel vectors can give a correlation one ulp above 1 (an invalid entry, which the repair rightly moves):
        // clipped to ±1, the matrix is a valid correlation matrix, as this test means it to be.
        const valid = correlationFromVectors(
          slopes.map((slope) => [1, slope]),
          0,
        ).map((row) => row.map((value) => Math.min(1, Math.max(-1, value))));
        const result = nearestCorrelationMatrix(valid);
        if (smallestEigenvalue(valid) >= -1e-12) {
          expect(result.iterations).toBe(0);
          expect(result.matrix).toEqual(valid);
        } else {
          expect(maxAbsoluteDifference(result.matrix, valid)).toBeLessThan(1e-9);
        }
      }),
      { numRuns: 60 },
    );
  });

  test("repairing twice changes nothing more (idempotent to 1e-9)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 6 }).chain(symmetricUnitDiagonalArbitrary), (input) => {
        const once = nearestCorrelationMatrix(input).matrix;
        const twice = nearestCorrelationMatrix(once).matrix;
        expect(maxAbsoluteDifference(once, twice)).toBeLessThan(1e-9);
      }),
      { numRuns: 40 },
    );
  });
});
