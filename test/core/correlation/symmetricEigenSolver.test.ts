import fc from "fast-check";
import { EigenvalueDecomposition, Matrix } from "ml-matrix";
import { SymmetricEigenSolver } from "../../../src/core/correlation/symmetricEigenSolver";
import { expectClose } from "../tolerance";
import { correlationMatrixArbitrary, symmetricUnitDiagonalArbitrary } from "./matrixTestUtils";

function decompose(values: readonly (readonly number[])[]): SymmetricEigenSolver {
  const solver = new SymmetricEigenSolver(values.length);
  solver.setMatrix(new Matrix(values.map((row) => [...row])));
  solver.decompose();
  return solver;
}

describe("SymmetricEigenSolver", () => {
  test("Higham's [[1,1,0],[1,1,1],[0,1,1]]: eigenvalues 1 − √2, 1, 1 + √2 ascending, orthonormal vectors", () => {
    const solver = decompose([[1, 1, 0], [1, 1, 1], [0, 1, 1]]);
    expectClose(solver.values[0] ?? 0, 1 - Math.SQRT2, { absolute: 1e-14 });
    expectClose(solver.values[1] ?? 0, 1, { absolute: 1e-14 });
    expectClose(solver.values[2] ?? 0, 1 + Math.SQRT2, { absolute: 1e-14 });
    // The eigenvector of 1 is (1, 0, −1)/√2, up to sign.
    expectClose(Math.abs(solver.vectors[3] ?? 0), Math.SQRT1_2, { absolute: 1e-14 });
    expectClose(solver.vectors[4] ?? 1, 0, { absolute: 1e-14 });
    expectClose((solver.vectors[3] ?? 0) + (solver.vectors[5] ?? 0), 0, { absolute: 1e-14 });
  });

  test("its layout: values and row-major vectors are ml-matrix's EigenvalueDecomposition's, reusing one solver", () => {
    const solvers = new Map<number, SymmetricEigenSolver>();
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10 }).chain((size) => fc.oneof(correlationMatrixArbitrary(size), symmetricUnitDiagonalArbitrary(size))), (values) => {
        const size = values.length;
        const solver = solvers.get(size) ?? new SymmetricEigenSolver(size);
        solvers.set(size, solver);
        solver.setMatrix(new Matrix(values.map((row) => [...row])));
        solver.decompose();
        const reference = new EigenvalueDecomposition(new Matrix(values.map((row) => [...row])), { assumeSymmetric: true });
        expect(Array.from(solver.values)).toEqual(reference.realEigenvalues);
        const vectors = reference.eigenvectorMatrix;
        for (let k = 0; k < size; k++) {
          for (let i = 0; i < size; i++) expect(Object.is(solver.vectors[k * size + i], vectors.get(i, k))).toBe(true);
        }
      }),
      { seed: 20240606, numRuns: 300 },
    );
  });

  test("refuses a size that is not a whole number ≥ 1", () => {
    expect(() => new SymmetricEigenSolver(0)).toThrow(RangeError);
  });
});
