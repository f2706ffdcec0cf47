import { ExponentialCovariance, SlidingSampleCovariance } from "../../../src/core/backtest/rollingCovariance";
import { mulberry32 } from "../../../bench/random";
import { expectClose } from "../tolerance";
import { referenceCovariance } from "./backtestReference";

function changes(seed: number, count: number, size: number, mean: number): number[][] {
  const next = mulberry32(seed);
  return Array.from({ length: count }, () => Array.from({ length: size }, () => mean + (next() - 0.5) * (1 + next())));
}

function estimateOf(estimator: { copyInto: (target: number[][]) => void }, size: number): number[][] {
  const target = Array.from({ length: size }, () => new Array<number>(size).fill(0));
  estimator.copyInto(target);
  return target;
}

describe("SlidingSampleCovariance", () => {
  // A mean 100× the spread is where running sums of x and xxᵀ lose about 8 digits; West's updates must not.
  it.each([0, 100])("matches the two-pass estimate of every window over 1,000 steps (mean %p)", (mean) => {
    const size = 4;
    const window = 37;
    const data = changes(3, 1000, size, mean);
    const estimator = new SlidingSampleCovariance(size, window);
    let worst = 0;
    data.forEach((change, t) => {
      estimator.push(change);
      if (t + 1 < window) return;
      const expected = referenceCovariance(data.slice(t + 1 - window, t + 1).map((row) => Array.from(row)), null);
      const actual = estimateOf(estimator, size);
      for (let i = 0; i < size; i++) for (let j = 0; j < size; j++) worst = Math.max(worst, Math.abs(actual[i]![j]! - expected[i]![j]!) / Math.sqrt(expected[i]![i]! * expected[j]![j]!));
      expect(actual[1]![2]).toBe(actual[2]![1]);
    });
    expect(worst).toBeLessThan(1e-11);
  });

  it("estimates from fewer changes while the window fills up", () => {
    const data = changes(5, 3, 2, 0);
    const estimator = new SlidingSampleCovariance(2, 10);
    data.forEach((change) => estimator.push(change));
    const expected = referenceCovariance(data.map((row) => Array.from(row)), null);
    expectClose(estimateOf(estimator, 2)[0]![1], expected[0]![1]!, { relative: 1e-13 });
  });
});

describe("ExponentialCovariance", () => {
  it.each([0.94, 0.999, 1])("matches λ^age weights normalised to 1 (λ = %p)", (lambda) => {
    const data = changes(9, 300, 3, 0.2);
    const estimator = new ExponentialCovariance(3, lambda);
    data.forEach((change) => estimator.push(change));
    const expected = referenceCovariance(data.map((row) => Array.from(row)), lambda);
    const actual = estimateOf(estimator, 3);
    for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) expectClose(actual[i]![j], expected[i]![j]!, { relative: 1e-12 }, `(${i}, ${j})`);
  });
});
