/**
 * Asserts |actual − expected| ≤ absolute + relative·|expected|, with a message that shows both numbers and the gap.
 * Used instead of toBeCloseTo, whose fixed decimal places are wrong for values far from 1 (a coin vega of 9e-4, a
 * position vega of 1e5). `actual` may be anything a function returned: a non-number fails with what it was.
 */
export function expectClose(actual: unknown, expected: number, tolerance: { absolute?: number; relative?: number }, label = ""): void {
  const prefix = label ? `${label}: ` : "";
  if (typeof actual !== "number") throw new Error(`${prefix}expected the number ${expected}, got ${JSON.stringify(actual)}`);
  const allowed = (tolerance.absolute ?? 0) + (tolerance.relative ?? 0) * Math.abs(expected);
  const gap = Math.abs(actual - expected);
  if (!(gap <= allowed)) {
    throw new Error(`${prefix}expected ${expected}, got ${actual} (gap ${gap.toExponential(3)} > allowed ${allowed.toExponential(3)})`);
  }
}
