import fc from "fast-check";
import { CholeskyDecomposition, EigenvalueDecomposition, Matrix } from "ml-matrix";
import { isSymmetricFlatPositiveSemidefiniteWithin, isPositiveSemidefiniteWithin } from "../../../src/core/correlation/positiveSemidefinite";
import { correlationMatrixArbitrary, symmetricUnitDiagonalArbitrary } from "./matrixTestUtils";

const TOLERANCE = 1e-10;

/** The oracle: ml-matrix's Cholesky of (A + Aᵀ)/2 + tolerance·I, the check this function replaced. */
function mlMatrixVerdict(values: readonly (readonly number[])[], tolerance: number): boolean {
  const size = values.length;
  const shifted = new Matrix(size, size);
  for (let i = 0; i < size; i++) {
    shifted.set(i, i, (values[i]?.[i] ?? 0) + tolerance);
    for (let j = i + 1; j < size; j++) {
      const average = ((values[i]?.[j] ?? 0) + (values[j]?.[i] ?? 0)) / 2;
      shifted.set(i, j, average);
      shifted.set(j, i, average);
    }
  }
  return new CholeskyDecomposition(shifted).isPositiveDefinite();
}

/** Row-major copy in one array, as flatCorrelation.ts holds a matrix. */
function flatten(values: readonly (readonly number[])[]): Float64Array {
  return Float64Array.from(values.flat());
}

/** A − (λmin(A) + tolerance + offset)·I: smallest eigenvalue −tolerance − offset, right at the decision boundary. */
function shiftedToBoundary(values: readonly (readonly number[])[], offset: number): number[][] {
  const smallest = Math.min(...new EigenvalueDecomposition(new Matrix(values.map((row) => [...row])), { assumeSymmetric: true }).realEigenvalues);
  return values.map((row, i) => row.map((value, j) => (i === j ? value - smallest - TOLERANCE - offset : value)));
}

describe("isPositiveSemidefiniteWithin", () => {
  test("Higham's [[1,1,0],[1,1,1],[0,1,1]] (λmin = 1 − √2) is refused; the identity and a rank-one matrix of ones pass", () => {
    expect(isPositiveSemidefiniteWithin([[1, 1, 0], [1, 1, 1], [0, 1, 1]], TOLERANCE)).toBe(false);
    expect(isPositiveSemidefiniteWithin([[1, 0], [0, 1]], TOLERANCE)).toBe(true);
    expect(isPositiveSemidefiniteWithin([[1, 1, 1], [1, 1, 1], [1, 1, 1]], TOLERANCE)).toBe(true);
  });

  test("symmetrises first: only (A + Aᵀ)/2 matters", () => {
    expect(isPositiveSemidefiniteWithin([[1, 1.8], [0, 1]], TOLERANCE)).toBe(true); // (A + Aᵀ)/2 has ρ = 0.9
    expect(isPositiveSemidefiniteWithin([[1, 2.2], [0, 1]], TOLERANCE)).toBe(false); // ρ = 1.1
  });

  test("oracle: the same verdict as ml-matrix's Cholesky, on valid, invalid and boundary matrices", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }).chain((size) => fc.oneof(correlationMatrixArbitrary(size), symmetricUnitDiagonalArbitrary(size))), (values) => {
        expect(isPositiveSemidefiniteWithin(values, TOLERANCE)).toBe(mlMatrixVerdict(values, TOLERANCE));
      }),
      { seed: 20240604, numRuns: 300 },
    );
    fc.assert(
      fc.property(correlationMatrixArbitrary(9), fc.double({ min: -1e-13, max: 1e-13, noNaN: true }), (values, offset) => {
        const boundary = shiftedToBoundary(values, offset);
        expect(isPositiveSemidefiniteWithin(boundary, TOLERANCE)).toBe(mlMatrixVerdict(boundary, TOLERANCE));
      }),
      { seed: 20240605, numRuns: 300 },
    );
  });

  test("the flat entry gives the nested entry's verdict, also right after a larger or a refused matrix (reused workspace)", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 14 }).chain((size) => fc.oneof(correlationMatrixArbitrary(size), symmetricUnitDiagonalArbitrary(size))), { minLength: 1, maxLength: 4 }), (matrices) => {
        for (const values of matrices) {
          const expected = mlMatrixVerdict(values, TOLERANCE);
          expect(isSymmetricFlatPositiveSemidefiniteWithin(flatten(values), values.length, TOLERANCE)).toBe(expected);
          expect(isPositiveSemidefiniteWithin(values, TOLERANCE)).toBe(expected);
        }
      }),
      { seed: 20261206, numRuns: 200 },
    );
  });

  test("the flat entry reads the lower triangle only, and at the decision boundary agrees with ml-matrix", () => {
    expect(isSymmetricFlatPositiveSemidefiniteWithin(Float64Array.from([1, 7, 0.9, 1]), 2, TOLERANCE)).toBe(true);
    expect(isSymmetricFlatPositiveSemidefiniteWithin(Float64Array.from([1, 0, 1.1, 1]), 2, TOLERANCE)).toBe(false);
    fc.assert(
      fc.property(correlationMatrixArbitrary(11), fc.double({ min: -1e-13, max: 1e-13, noNaN: true }), (values, offset) => {
        const boundary = shiftedToBoundary(values, offset);
        expect(isSymmetricFlatPositiveSemidefiniteWithin(flatten(boundary), boundary.length, TOLERANCE)).toBe(mlMatrixVerdict(boundary, TOLERANCE));
      }),
      { seed: 20261207, numRuns: 200 },
    );
  });
});
