import fc from "fast-check";
import { applySweep, applySweepPair, canShareOnePass } from "../../../src/core/correlation/rotationSweeps";
import { nestedSweepsArbitrary, seededUniform } from "./matrixTestUtils";

/** n×n random entries and 2n random rotations (angle uniform), the first n at offset 0, the others at offset n. */
function randomSetup(size: number, seed: number): { vectors: Float64Array; cosines: Float64Array; sines: Float64Array } {
  const random = seededUniform(seed);
  const vectors = Float64Array.from({ length: size * size }, () => random() * 2 - 1);
  const angles = Array.from({ length: 2 * size }, () => random() * 2 * Math.PI);
  return { vectors, cosines: Float64Array.from(angles, Math.cos), sines: Float64Array.from(angles, Math.sin) };
}

/** Sizes up to 23, two nested sweeps and a seed. */
const nestedSweeps = nestedSweepsArbitrary(23);

describe("rotationSweeps", () => {
  test("applySweepPair gives exactly the bits of applySweep twice, for any nested pair of sweeps", () => {
    fc.assert(
      fc.property(nestedSweeps, ([size, firstLow, secondLow, secondHigh, firstHigh, seed]) => {
        expect(canShareOnePass(firstLow, firstHigh, secondLow, secondHigh)).toBe(true);
        const { vectors, cosines, sines } = randomSetup(size, seed);
        const separate = Float64Array.from(vectors);
        applySweep(separate, size, firstLow, firstHigh, 0, cosines, sines);
        applySweep(separate, size, secondLow, secondHigh, size, cosines, sines);
        const fused = Float64Array.from(vectors);
        applySweepPair(fused, size, [firstLow, firstHigh, 0], [secondLow, secondHigh, size], cosines, sines);
        expect(Array.from(fused)).toEqual(Array.from(separate));
      }),
      { seed: 20261206, numRuns: 300 },
    );
  });

  test("applySweep keeps rows' lengths (rotations are orthogonal) and touches only columns low … high", () => {
    const size = 9;
    const { vectors, cosines, sines } = randomSetup(size, 5);
    const rotated = Float64Array.from(vectors);
    applySweep(rotated, size, 2, 6, 0, cosines, sines);
    for (let row = 0; row < size; row++) {
      let before = 0;
      let after = 0;
      for (let k = 0; k < size; k++) {
        before += (vectors[row * size + k] as number) ** 2;
        after += (rotated[row * size + k] as number) ** 2;
        if (k < 2 || k > 6) expect(rotated[row * size + k]).toBe(vectors[row * size + k]);
      }
      expect(Math.abs(after - before)).toBeLessThan(1e-13);
    }
  });

  test("canShareOnePass: only a second sweep strictly inside the first's top and not past its bottom", () => {
    expect(canShareOnePass(0, 9, 1, 9)).toBe(true);
    expect(canShareOnePass(0, 9, 0, 9)).toBe(false);
    expect(canShareOnePass(0, 5, 6, 9)).toBe(false);
    expect(canShareOnePass(0, 5, 2, 6)).toBe(false);
    expect(canShareOnePass(0, 9, 3, 3)).toBe(false);
  });
});
