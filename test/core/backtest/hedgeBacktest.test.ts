import { runHedgeBacktest, type HedgeBacktestInput } from "../../../src/core/backtest";
import { computeProxyHedge } from "../../../src/core/hedge";
import { CorrelationInputError } from "../../../src/core/correlation";
import { HedgeInputError } from "../../../src/core/hedge";
import { expectClose } from "../tolerance";
import { referenceBacktest, sampleCovariance, sampleVariance } from "./backtestReference";
import { randomHistory } from "./historyFixtures";

/**
 * The hand example (worked in the comments): ALT (book, vega 100 per vol point) hedged with BTC, window 2.
 * Changes: ALT +2, −1, +3, −1; BTC +1, −1, +2, −2.
 * k = 2: window (Δ0, Δ1): cov(ALT, BTC) = (1.5·1 + (−1.5)(−1))/1 = 3, var BTC = 2 → h = −3/2·100 = −150;
 *        Δ2: unhedged 100·3 = 300, hedge −150·2 = −300, hedged 0.
 * k = 3: window (Δ1, Δ2): ALT −1, 3 (mean 1), BTC −1, 2 (mean 0.5): cov = (−2)(−1.5) + 2·1.5 = 6, var BTC = 4.5
 *        → h = −6/4.5·100 = −133.33…; Δ3: unhedged −100, hedge +266.67, hedged 166.67.
 */
const HAND: HedgeBacktestInput = {
  history: {
    assets: ["ALT", "BTC"],
    levels: [
      [50, 60],
      [52, 61],
      [51, 60],
      [54, 62],
      [53, 60],
    ],
  },
  rowDates: ["d1", "d2", "d3", "d4", "d5"],
  targets: [{ asset: "ALT", vegaPerVolPoint: 100 }],
  proxies: ["BTC"],
  window: 2,
};

describe("runHedgeBacktest on a history worked by hand", () => {
  const result = runHedgeBacktest(HAND);

  it("gives the hedge, the P&L and the date of each out-of-sample day", () => {
    expect(result.days.map((day) => day.date)).toEqual(["d4", "d5"]);
    expectClose(result.days[0]?.hedge[0], -150, { relative: 1e-14 }, "h on d4");
    expectClose(result.days[0]?.unhedgedPnl, 300, { relative: 1e-14 });
    expectClose(result.days[0]?.hedgePnl, -300, { relative: 1e-14 });
    expectClose(result.days[0]?.hedgedPnl, 0, { absolute: 1e-11 });
    expectClose(result.days[1]?.hedge[0], -400 / 3, { relative: 1e-14 }, "h on d5");
    expectClose(result.days[1]?.unhedgedPnl, -100, { relative: 1e-14 });
    expectClose(result.days[1]?.hedgePnl, 800 / 3, { relative: 1e-14 });
    expectClose(result.days[1]?.hedgedPnl, 500 / 3, { relative: 1e-14 });
  });

  it("gives every statistic of the hand example", () => {
    const s = result.statistics;
    expect(s.days).toBe(2);
    // unhedged 300, −100: sd = sqrt(200² + 200²) = 282.84…; hedged 0, 166.67: sd = 166.67/√2
    expectClose(s.unhedgedSd, Math.sqrt(80000), { relative: 1e-14 });
    expectClose(s.hedgedSd, 500 / 3 / Math.SQRT2, { relative: 1e-14 });
    expectClose(s.effectivenessOutOfSample, 1 - (500 / 3) ** 2 / 2 / 80000, { relative: 1e-14 });
    // Two changes per window: every in-sample correlation is ±1, so HEDGESTATS claimed 1 both days.
    expectClose(s.effectivenessInSample, 1, { absolute: 1e-14 });
    // hedge −300, 266.67 against unhedged 300, −100: cov = −2·283.33·200 = −113333.3, / 80000
    expectClose(s.regressionSlope, -(2 * (850 / 3) * 200) / 80000, { relative: 1e-14 });
    expectClose(s.regressionR2, 1, { relative: 1e-14 });
    expectClose(s.dollarOffset, -(-300 + 800 / 3) / 200, { relative: 1e-13 });
    expectClose(s.worstHedgedPnl, 0, { absolute: 1e-11 });
    expect(s.worstDate).toBe("d4");
    expectClose(s.turnover, 150 - 400 / 3, { relative: 1e-13 });
  });

  it("warns of the overstated in-sample claim, the slope outside the band and the short test, in that order", () => {
    expect(result.warnings.map((warning) => warning.code)).toEqual(["inSampleOverstates", "slopeOutsideBand", "fewDays"]);
    expect(result.warnings[1]?.message).toMatch(/over-hedges/);
  });

  it("sets the first day's hedge as XV.XVEGAHEDGE would under that day's estimate", () => {
    // Σ from Δ0, Δ1: var ALT 4.5, var BTC 2, cov 3 → ρ = 3/√9 = 1, vol-of-vols √4.5 and √2.
    const today = computeProxyHedge({
      targets: HAND.targets,
      proxies: ["BTC"],
      correlation: { assets: ["ALT", "BTC"], values: [[1, 1], [1, 1]] },
      volOfVols: [{ asset: "ALT", value: Math.sqrt(4.5) }, { asset: "BTC", value: Math.SQRT2 }],
    });
    expectClose(result.days[0]?.hedge[0], today.proxies[0]?.hedgeVegaPerVolPoint ?? NaN, { relative: 1e-14 });
  });
});

describe("runHedgeBacktest against a straightforward reference on random histories", () => {
  const columns = ["ALT", "SOL", "BTC", "ETH", "UNUSED"];
  const { levels, dates } = randomHistory(7, columns, 160, 0.03);
  // A gap only in a column the book does not use must cost nothing.
  levels.forEach((row, r) => {
    if (r % 7 === 3) row[4] = null;
  });
  const book = { ALT: 1200, SOL: -450, ETH: 300 };
  const cases = [
    { name: "sample, daily", window: 40, lambda: null, ridge: 0, rebalance: 1 },
    { name: "sample, every 3 days, ridge 0.05", window: 25, lambda: null, ridge: 0.05, rebalance: 3 },
    { name: "EWMA 0.94, every 5 days", window: 30, lambda: 0.94, ridge: 0, rebalance: 5 },
    { name: "EWMA 1 (equal weights, zero mean)", window: 10, lambda: 1, ridge: 0.01, rebalance: 2 },
  ];

  it.each(cases)("$name", ({ window, lambda, ridge, rebalance }) => {
    const proxies = ["BTC", "ETH"];
    const result = runHedgeBacktest({
      history: { assets: columns, levels },
      rowDates: dates,
      targets: Object.entries(book).map(([asset, vegaPerVolPoint]) => ({ asset, vegaPerVolPoint })),
      proxies,
      window,
      lambda,
      ridge,
      rebalance,
    });
    const reference = referenceBacktest({ columns, levels, dates, book, proxies, window, lambda, ridge, rebalance });
    expect(result.days.length).toBe(reference.days.length);
    expect(result.days.length).toBeGreaterThan(50);
    result.days.forEach((day, k) => {
      const expected = reference.days[k]!;
      expect(day.date).toBe(expected.date);
      const scale = Math.abs(expected.unhedged) + 1;
      expectClose(day.unhedgedPnl, expected.unhedged, { absolute: 1e-12 * scale }, `unhedged ${day.date}`);
      expectClose(day.hedgePnl, expected.hedge, { absolute: 1e-10 * scale }, `hedge ${day.date}`);
      expectClose(day.hedgedPnl, expected.hedged, { absolute: 1e-10 * scale }, `hedged ${day.date}`);
      day.hedge.forEach((h, p) => expectClose(h, expected.hedgeVegas[p]!, { relative: 1e-10, absolute: 1e-9 }, `h ${proxies[p]} ${day.date}`));
      expect(day.rebalanced).toBe(k % rebalance === 0);
    });
    const unhedged = reference.days.map((d) => d.unhedged);
    const hedge = reference.days.map((d) => d.hedge);
    const hedged = reference.days.map((d) => d.hedged);
    const s = result.statistics;
    expect(s.days).toBe(reference.days.length);
    expectClose(s.unhedgedSd, Math.sqrt(sampleVariance(unhedged)), { relative: 1e-12 });
    expectClose(s.hedgedSd, Math.sqrt(sampleVariance(hedged)), { relative: 1e-10 });
    expectClose(s.effectivenessOutOfSample, 1 - sampleVariance(hedged) / sampleVariance(unhedged), { absolute: 1e-10 });
    expectClose(s.effectivenessInSample, reference.inSample.reduce((a, b) => a + b, 0) / reference.inSample.length, { absolute: 1e-10 });
    const slope = sampleCovariance(hedge, unhedged) / sampleVariance(unhedged);
    expectClose(s.regressionSlope, slope, { absolute: 1e-10 });
    expectClose(s.regressionR2, sampleCovariance(hedge, unhedged) ** 2 / (sampleVariance(hedge) * sampleVariance(unhedged)), { absolute: 1e-10 });
    expectClose(s.dollarOffset, -hedge.reduce((a, b) => a + b, 0) / unhedged.reduce((a, b) => a + b, 0), { relative: 1e-9 });
    const worst = hedged.indexOf(Math.min(...hedged));
    expect(s.worstDate).toBe(reference.days[worst]!.date);
    expectClose(s.worstHedgedPnl, hedged[worst]!, { relative: 1e-10 });
    let turnover = 0;
    for (let r = 1; r < reference.hedgesSet.length; r++) reference.hedgesSet[r]!.forEach((h, p) => (turnover += Math.abs(h - reference.hedgesSet[r - 1]![p]!)));
    expectClose(s.turnover, turnover / (reference.hedgesSet.length - 1), { relative: 1e-9 });
  });

  it("has no look-ahead: changing the history after a day changes nothing up to that day", () => {
    const input = {
      history: { assets: columns, levels },
      rowDates: dates,
      targets: Object.entries(book).map(([asset, vegaPerVolPoint]) => ({ asset, vegaPerVolPoint })),
      proxies: ["BTC", "ETH"],
      window: 30,
    };
    const before = runHedgeBacktest(input);
    for (const cut of [45, 90, 140]) {
      const altered = levels.map((row, r) => (r <= cut ? row : row.map((x) => (x === null ? 70 : x * 1.5 + r))));
      for (const lambda of [null, 0.97]) {
        const full = runHedgeBacktest({ ...input, lambda });
        const after = runHedgeBacktest({ ...input, lambda, history: { assets: columns, levels: altered } });
        const kept = full.days.filter((day) => String(day.date) <= (dates[cut] as string));
        expect(kept.length).toBeGreaterThan(0);
        expect(after.days.slice(0, kept.length)).toEqual(kept);
        expect(after.days[kept.length]).not.toEqual(full.days[kept.length]);
      }
    }
    expect(before.days.length).toBeGreaterThan(0);
  });
});

describe("runHedgeBacktest refuses what it cannot backtest, saying why", () => {
  it("refuses a history without one out-of-sample day, with the counts", () => {
    const attempt = (): unknown => runHedgeBacktest({ ...HAND, window: 4 });
    expect(attempt).toThrow(CorrelationInputError);
    expect(attempt).toThrow(/4 complete daily changes of ALT, BTC \(5 rows, 0 skipped for gaps\).*more than the window of 4/);
  });

  it("names an asset missing from the history", () => {
    expect(() => runHedgeBacktest({ ...HAND, proxies: ["ETH"] })).toThrow(/asset ETH is not a column of the history/);
  });

  it.each([
    [{ window: 1 }, /window 1 must be a whole number ≥ 2/],
    [{ window: 2.5 }, /window 2.5 must be a whole number/],
    [{ rebalance: 0 }, /rebalance 0 must be a whole number ≥ 1/],
    [{ lambda: 1.2 }, /lambda 1.2 must be an EWMA decay in \(0, 1\]/],
    [{ ridge: -1 }, /ridge -1 must be a number from 0/],
  ])("refuses %p", (change, message) => {
    expect(() => runHedgeBacktest({ ...HAND, ...change })).toThrow(message);
  });

  it("names the date and the proxy when a proxy did not move over the window", () => {
    const flat = { ...HAND, history: { assets: ["ALT", "BTC"], levels: [[50, 60], [52, 60], [51, 60], [54, 62], [53, 60]] } };
    const attempt = (): unknown => runHedgeBacktest({ ...flat, describeRow: (position) => `date ${HAND.rowDates?.[position]}` });
    expect(attempt).toThrow(HedgeInputError);
    expect(attempt).toThrow(/BTC did not move over the 2 changes before date d4/);
  });
});
