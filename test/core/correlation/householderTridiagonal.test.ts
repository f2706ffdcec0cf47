import { reduceToTridiagonal } from "../../../src/core/correlation/householderTridiagonal";
import { randomSymmetric } from "./matrixTestUtils";

/** Largest |QᵀQ − I| and |Q·T·Qᵀ − A| after `reduceToTridiagonal` of `matrix`; also checks offDiagonal[0] = 0. */
function reductionErrors(matrix: Float64Array, size: number): { orthogonality: number; reconstruction: number } {
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
  expect(offDiagonal[0]).toBe(0);
  return { orthogonality, reconstruction };
}

/**
 * The reduction and the blocked formation of Q (`accumulateReflectors`: four rows at a time, two reflectors per pass)
 * checked as a whole: Q orthogonal and Q·T·Qᵀ = A, at sizes that leave every remainder (rows mod 4, reflectors mod 2),
 * and on matrices with columns that need no reflection (tred2's h = 0 path, alone or between ordinary steps).
 */
describe("reduceToTridiagonal", () => {
  test.each([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 37, 64, 101])("size %i: Q orthogonal and Q·T·Qᵀ = A to 1e-12", (size) => {
    const { orthogonality, reconstruction } = reductionErrors(randomSymmetric(size, 1000 + size), size);
    expect(orthogonality).toBeLessThan(1e-12);
    expect(reconstruction).toBeLessThan(1e-12);
  });

  test.each([
    ["zero", (i: number, j: number) => 0 * (i + j)],
    ["identity", (i: number, j: number) => (i === j ? 1 : 0)],
    ["diagonal", (i: number, j: number) => (i === j ? i - 3.5 : 0)],
    ["two blocks", (i: number, j: number) => (i < 4 === j < 4 ? 1 / (1 + i + j) : 0)],
    ["zero last row but the diagonal", (i: number, j: number) => (i === 8 || j === 8 ? (i === j ? 2 : 0) : Math.cos(i * j))],
    ["tridiagonal already", (i: number, j: number) => (Math.abs(i - j) <= 1 ? 1 + i + j : 0)],
  ])("%s 9×9: Q orthogonal and Q·T·Qᵀ = A to 1e-13", (_name, entry) => {
    const size = 9;
    const matrix = Float64Array.from({ length: size * size }, (_, index) => entry(Math.floor(index / size), index % size));
    const { orthogonality, reconstruction } = reductionErrors(matrix, size);
    expect(orthogonality).toBeLessThan(1e-13);
    expect(reconstruction).toBeLessThan(1e-13);
  });
});
