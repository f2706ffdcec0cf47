/* How the pane writes numbers: what an input shows can be typed back; no "-0", no NaN dressed as a number. */
import { formatAmount, formatContracts, formatCorrelation, formatPercent, formatStatistic, formatTimestamp, formatVolOfVol } from "../../../src/taskpane/pane/format";

test("correlations: 4 decimals at most, trailing zeros dropped, no -0", () => {
  expect(formatCorrelation(1)).toBe("1");
  expect(formatCorrelation(0.5)).toBe("0.5");
  expect(formatCorrelation(0.79289321881)).toBe("0.7929");
  expect(formatCorrelation(-0.00001)).toBe("0");
  expect(formatCorrelation(-0.35)).toBe("-0.35");
  expect(Number(formatCorrelation(-0.123456))).toBeCloseTo(-0.1235, 10);
});

test("vol-of-vols: blank when unset", () => {
  expect(formatVolOfVol(null)).toBe("");
  expect(formatVolOfVol(3.2)).toBe("3.2");
  expect(formatVolOfVol(0.0525)).toBe("0.0525");
});

test("statistics: fixed for ordinary sizes, exponent for tiny and huge, 'none' for null", () => {
  expect(formatStatistic(1 - Math.SQRT2)).toBe("-0.4142");
  expect(formatStatistic(5.8284)).toBe("5.8284");
  expect(formatStatistic(3e-12)).toBe("3.00e-12");
  expect(formatStatistic(2.5e7)).toBe("2.50e+7");
  expect(formatStatistic(0)).toBe("0");
  expect(formatStatistic(-8.49e-17)).toBe("≈ 0");
  expect(formatStatistic(null)).toBe("none");
});

test("amounts, contracts, percentages, timestamps", () => {
  expect(formatAmount(-1234.567)).toBe("-1,235");
  expect(formatAmount(12.345)).toBe("12.35");
  expect(formatAmount(-0.001)).toBe("0");
  expect(formatContracts(-12.34567)).toBe("-12.3457");
  expect(formatPercent(0.91234)).toBe("91.2%");
  expect(formatTimestamp("2026-11-21T08:00:00.000Z")).toBe("2026-11-21 08:00 UTC");
  expect(formatTimestamp("yesterday")).toBe("yesterday");
});
