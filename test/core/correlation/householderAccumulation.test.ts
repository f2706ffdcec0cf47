import { reduceToTridiagonal } from "../../../src/core/correlation/householderTridiagonal";
import { seededUniform } from "./matrixTestUtils";

/** A random symmetric size×size matrix, row-major, entries uniform in [−1, 1]. */
function randomSymmetric(size: number, seed: number): Float64Array {
  const random = seededUniform(seed);
  const matrix = new Float64Array(size * size);
  for (let i = 0; i < size; i++) {
    for (let j = i; j < size; j++) {
      const value = random() * 2 - 1;
      matrix[i * size + j] = value;
      matrix[j * size + i] = value;
    }
  }
  return matrix;
}

/**
 * The blocked formation of Q (`accumulateReflectors`: four rows at a time, two reflectors per pass, with a single row
 * and a single reflector left over at the edges) checked as a whole through `reduceToTridiagonal`: Q orthogonal and
 * Q·T·Qᵀ = A, at sizes that leave every remainder (rows mod 4, reflectors mod 2).
 */
describe("accumulateReflectors (through reduceToTridiagonal)", () => {
  test.each([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 37, 64, 101])("size %i: Q orthogonal and Q·T·Qᵀ = A to 1e-12", (size) => {
    const matrix = randomSymmetric(size, 1000 + size);
    const work = Float64Array.from(matrix);
    const diagonal = new Float64Array(size);
    const offDiagonal = new Float64Array(size);
    reduceToTridiagonal(work, size, diagonal, offDiagonal, new Float64Array(size * size));
    // work row k is column k of Q: Q(i, k) = work[k·size + i].
    let orthogonality = 0;
    let reconstruction = 0;
    for (let i = 0; i < size; i++) {
      for (let j = 0; j < size; j++) {
        let dot = 0;
        let product = 0;
        for (let k = 0; k < size; k++) {
          const left = work[k * size + i] as number;
          dot += left * (work[k * size + j] as number);
          // (Q·T)(i, k) = Q(i, k)·T(k, k) + Q(i, k − 1)·T(k − 1, k) + Q(i, k + 1)·T(k + 1, k).
          let row = left * (diagonal[k] as number);
          if (k > 0) row += (work[(k - 1) * size + i] as number) * (offDiagonal[k] as number);
          if (k + 1 < size) row += (work[(k + 1) * size + i] as number) * (offDiagonal[k + 1] as number);
          product += row * (work[k * size + j] as number);
        }
        orthogonality = Math.max(orthogonality, Math.abs(dot - (i === j ? 1 : 0)));
        reconstruction = Math.max(reconstruction, Math.abs(product - (matrix[i * size + j] as number)));
      }
    }
    expect(orthogonality).toBeLessThan(1e-12);
    expect(reconstruction).toBeLessThan(1e-12);
    expect(offDiagonal[0]).toBe(0);
  });
});
