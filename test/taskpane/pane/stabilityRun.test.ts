/*
 * The Stability tab's sums: the ranges go through the functions' readers into the engine, dated by the history's rows
 * (checked by hand on a small history), the stress under the editor's set-up, each failure its own message; and the
 * figures and series the tab shows.
 */
import { runHedgeBacktest, stressHedge } from "../../../src/core/backtest";
import { emptyConfig } from "../../../src/taskpane/correlation";
import type { CorrelationConfig } from "../../../src/taskpane/correlation/correlationConfig";
import { DEFAULT_STABILITY_FORM, readStabilityOptions, type StabilityOptions } from "../../../src/taskpane/pane/stabilityForm";
import { runStability, type StabilityInputs } from "../../../src/taskpane/pane/stabilityRun";
import { cumulativePnl, hedgeSeries, statisticRows, stressPointsByShift } from "../../../src/taskpane/pane/stabilityStatistics";
import { SAMPLE_HEDGE_INPUT } from "../../support/paneHedgeFixture";

const NOW = new Date("2026-11-21T08:00:00.000Z");
const LEVELS = [
  [60, 70, 90],
  [61, 70.5, 92],
  [59.5, 69, 89],
  [62, 71.5, 93],
  [61, 70, 90.5],
  [63, 72.5, 94],
  [62.5, 71, 93.5],
  [64, 72, 95],
];

/** The fixture's valid BTC/ETH/SOL set-up with vol-of-vols 3, 4, 5, as the editor holds it. */
const CONFIG: CorrelationConfig = {
  ...emptyConfig(NOW),
  assets: ["BTC", "ETH", "SOL"],
  correlations: SAMPLE_HEDGE_INPUT.correlation.values.map((row) => [...row]),
  volOfVols: [3, 4, 5],
};

function options(changes: Partial<StabilityOptions> = {}): StabilityOptions {
  const read = readStabilityOptions(DEFAULT_STABILITY_FORM);
  if (!read.ok) throw new Error("the default form must read");
  return { ...read.value, ...changes };
}

function inputs(changes: Partial<StabilityInputs> = {}): StabilityInputs {
  return {
    history: [["BTC", "ETH", "SOL"], ...LEVELS],
    assets: [["BTC"], ["ETH"], ["SOL"], ["SOL"]],
    vegas: [[1000], [-500], [2000], [500]],
    proxies: ["BTC", "ETH"],
    config: CONFIG,
    options: options({ window: 3 }),
    ...changes,
  };
}

describe("the backtest", () => {
  test("without a date column, day k is dated by its later row's number in the range (names row = row 1)", () => {
    const outcome = runStability(inputs());
    if (!outcome.backtest.ok) throw new Error(outcome.backtest.message);
    // Eight level rows (range rows 2–9) give seven changes; with a window of 3 the out-of-sample ones end on rows 6–9.
    expect(outcome.backtest.value.result.days.map((day) => day.date)).toEqual([6, 7, 8, 9]);
    expect(outcome.backtest.value.datesFromDateColumn).toBe(false);
    // Day 1's book P&L by hand: BTC −1 × 1,000, ETH −1.5 × −500, SOL −2.5 × 2,500 (rows 5 → 6 of the range).
    expect(outcome.backtest.value.result.days[0]?.unhedgedPnl).toBeCloseTo(-1 * 1000 + -1.5 * -500 + -2.5 * 2500, 9);
  });

  test("with a date column the dates are its cells, and the options reach the engine (EWMA, ridge, rebalance)", () => {
    const serials = [45658, 45659, 45660, 45663, 45664, 45665, 45666, 45667];
    const chosen = options({ window: 2, lambda: 0.9, ridge: 0.01, rebalance: 2 });
    const outcome = runStability(inputs({ history: [["Date", "BTC", "ETH", "SOL"], ...LEVELS.map((row, i) => [serials[i], ...row])], options: chosen }));
    if (!outcome.backtest.ok) throw new Error(outcome.backtest.message);
    const direct = runHedgeBacktest({
      history: { assets: ["BTC", "ETH", "SOL"], levels: LEVELS, order: "oldestFirst" },
      rowDates: serials,
      targets: SAMPLE_HEDGE_INPUT.targets,
      proxies: ["BTC", "ETH"],
      window: 2,
      lambda: 0.9,
      ridge: 0.01,
      rebalance: 2,
    });
    expect(outcome.backtest.value.result).toEqual(direct);
    expect(outcome.backtest.value.result.days.map((day) => [day.date, day.rebalanced])).toEqual([
      [45663, true],
      [45664, false],
      [45665, true],
      [45666, false],
      [45667, true],
    ]);
    expect(outcome.backtest.value.datesFromDateColumn).toBe(true);
  });

  test("an engine refusal is the backtest's message; the stress still runs", () => {
    const outcome = runStability(inputs({ history: [["BTC", "ETH"], ...LEVELS.map((row) => row.slice(0, 2))] }));
    expect(outcome.backtest).toEqual({ ok: false, message: expect.stringMatching(/^asset SOL is not a column of the history/) });
    expect(outcome.stress.ok).toBe(true);
  });

  test("too short a history says how many changes there are and what the window needs", () => {
    const outcome = runStability(inputs({ options: options() }));
    expect(outcome.backtest).toEqual({ ok: false, message: expect.stringMatching(/gives 7 complete daily changes .* more than the window of 60/) });
  });

  test("a bad book is the reader's message, naming the row", () => {
    const outcome = runStability(inputs({ vegas: [[1000], ["abc"], [2000], [500]] }));
    expect(outcome.backtest.ok).toBe(false);
    expect(outcome.backtest.ok ? "" : outcome.backtest.message).toMatch(/row 2 .*vega of ETH/);
  });
});

describe("the stress", () => {
  test("holds today's hedge under the editor's correlations and vol-of-vols, with the tab's ridge and shifts", () => {
    const outcome = runStability(inputs({ options: options({ window: 3, ridge: 0.02, shifts: [-0.4, 0, 0.1] }) }));
    expect(outcome.stress).toEqual({ ok: true, value: stressHedge({ ...SAMPLE_HEDGE_INPUT, ridge: 0.02, shifts: [-0.4, 0, 0.1] }) });
  });

  test("an empty or invalid set-up is refused with what to do; the backtest still runs", () => {
    const empty = runStability(inputs({ config: emptyConfig(NOW) }));
    expect(empty.stress).toEqual({ ok: false, message: expect.stringMatching(/correlation set-up is empty/) });
    expect(empty.backtest.ok).toBe(true);
    const invalid = runStability(inputs({ config: { ...CONFIG, correlations: [[1, 1, 0], [1, 1, 1], [0, 1, 1]] } }));
    expect(invalid.stress).toEqual({ ok: false, message: expect.stringMatching(/fails the checks.*repair/) });
  });
});

describe("what the tab shows", () => {
  test("the statistics under XV.BACKTESTSTATS' labels, in its order; an undefined one gives the engine's reason", () => {
    const outcome = runStability(inputs({ options: options({ window: 6 }) }));
    if (!outcome.backtest.ok) throw new Error(outcome.backtest.message);
    const rows = statisticRows(outcome.backtest.value.result, false);
    expect(rows.map((row) => row.label)).toEqual([
      "days",
      "unhedged sd",
      "hedged sd",
      "out-of-sample effectiveness",
      "in-sample effectiveness",
      "regression slope",
      "regression r2",
      "dollar offset",
      "worst hedged day",
      "worst date",
      "turnover",
    ]);
    // One out-of-sample day: no spread.
    expect(rows[0]?.text).toBe("1");
    expect(rows[1]).toMatchObject({ text: "undefined", reason: expect.stringMatching(/one out-of-sample day/) });
    expect(rows[9]?.text).toBe("row 9");
  });

  test("cumulative P&L are running sums; the hedge series are the days' hedges; the stress points sorted by shift", () => {
    const outcome = runStability(inputs({ options: options({ window: 3, shifts: [0.1, -0.5, 0] }) }));
    if (!outcome.backtest.ok || !outcome.stress.ok) throw new Error("both must run");
    const days = outcome.backtest.value.result.days;
    const totals = cumulativePnl(outcome.backtest.value.result);
    expect(totals.unhedged.slice(0, 2)).toEqual([days[0]?.unhedgedPnl, (days[0]?.unhedgedPnl ?? 0) + (days[1]?.unhedgedPnl ?? 0)]);
    expect(totals.unhedged[3]).toBeCloseTo(days.reduce((sum, day) => sum + day.unhedgedPnl, 0), 9);
    expect(totals.hedged[3]).toBeCloseTo(days.reduce((sum, day) => sum + day.hedgedPnl, 0), 9);
    expect(hedgeSeries(outcome.backtest.value.result).map((series) => series.proxy)).toEqual(["BTC", "ETH"]);
    expect(hedgeSeries(outcome.backtest.value.result)[1]?.vegas).toEqual(days.map((day) => day.hedge[1]));
    expect(stressPointsByShift(outcome.stress.value).map((row) => row.shift)).toEqual([-0.5, 0, 0.1]);
  });
});
