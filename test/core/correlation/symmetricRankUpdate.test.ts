import fc from "fast-check";
import { addOuterProductsToUpperTriangle, positiveEigenspaceProjector } from "../../../src/core/correlation/symmetricRankUpdate";
import { SymmetricEigenSolver } from "../../../src/core/correlation/symmetricEigenSolver";
import { seededUniform } from "./matrixTestUtils";

describe("symmetricRankUpdate", () => {
  test("addOuterProductsToUpperTriangle: Σ w_k·p_k·p_kᵀ on the upper triangle, added to what is there, lower triangle untouched", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 11 }), fc.integer({ min: 1, max: 11 }), fc.integer({ min: 1, max: 1_000_000 }), fc.boolean(), (size, count, seed, weighted) => {
        const random = seededUniform(seed);
        const vectors = Float64Array.from({ length: count * size }, () => random() * 2 - 1);
        const weights = weighted ? Float64Array.from({ length: count }, () => random() * 4 - 2) : null;
        const first = Math.floor(random() * count);
        const start = Float64Array.from({ length: size * size }, () => random());
        const target = Float64Array.from(start);
        addOuterProductsToUpperTriangle(target, size, vectors, first, count, weights);
        for (let i = 0; i < size; i++) {
          for (let j = 0; j < size; j++) {
            if (j < i) {
              expect(target[i * size + j]).toBe(start[i * size + j]);
              continue;
            }
            let expected = start[i * size + j] as number;
            for (let k = first; k < count; k++) expected += (weights === null ? 1 : (weights[k] as number)) * (vectors[k * size + i] as number) * (vectors[k * size + j] as number);
            expect(Math.abs((target[i * size + j] as number) - expected)).toBeLessThan(1e-13);
          }
        }
      }),
      { seed: 20261206, numRuns: 200 },
    );
  });

  test("positiveEigenspaceProjector: P_α·P_αᵀ whichever set it is formed from, exactly symmetric", () => {
    for (const size of [1, 2, 7, 30]) {
      const random = seededUniform(size);
      const solver = new SymmetricEigenSolver(size);
      for (let i = 0; i < size; i++) {
        for (let j = i; j < size; j++) {
          const value = random() * 2 - 1;
          solver.vectors[i * size + j] = value;
          solver.vectors[j * size + i] = value;
        }
      }
      solver.decompose();
      const target = new Float64Array(size * size).fill(Number.NaN);
      for (let negativeCount = 0; negativeCount <= size; negativeCount++) {
        positiveEigenspaceProjector(target, size, solver.vectors, negativeCount);
        for (let i = 0; i < size; i++) {
          for (let j = 0; j < size; j++) {
            let expected = 0;
            for (let k = negativeCount; k < size; k++) expected += (solver.vectors[k * size + i] as number) * (solver.vectors[k * size + j] as number);
            expect(Math.abs((target[i * size + j] as number) - expected)).toBeLessThan(1e-13);
            expect(target[i * size + j]).toBe(target[j * size + i]);
          }
        }
      }
    }
  });
});
