/**
 * Asserts |actual − expected| ≤ absolute + relative·|expected|, with a message that shows both numbers and the gap.
 * Used instead of toBeCloseTo, whose fixed decimal places are wrong for values far from 1.
 */
export function expectClose(actual: number, expected: number, tolerance: { absolute?: number; relative?: number }, label = ""): void {
  const absolute = tolerance.absolute ?? 0;
  const relative = tolerance.relative ?? 0;
  const allowed = absolute + relative * Math.abs(expected);
  const gap = Math.abs(actual - expected);
  if (!(gap <= allowed)) {
    throw new Error(
      `${label ? `${label}: ` : ""}expected ${expected}, got ${actual} (gap ${gap.toExponential(3)} > allowed ${allowed.toExponential(3)})`,
    );
  }
}
