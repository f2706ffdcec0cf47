import { runHedgeBacktest, stressHedge } from "../../src/core/backtest";
import { BACKTEST_STATISTIC_ROWS } from "../../src/core/backtest";
import { backteststats, hedgebacktest, hedgestress, STRESS_COLUMNS } from "../../src/functions/backtestFunctions";
import { hedgestats } from "../../src/functions/hedgeFunctions";
import { randomHistory } from "../core/backtest/historyFixtures";
import { expectClose } from "../core/tolerance";
import { column, expectExcelError, row, single } from "./functionTestUtils";

/** Omitted optional arguments arrive as null (PLATFORM.md). */
const omitted = null as never;

// A history as a sheet holds it: a date column of Excel serials (2025-01-01 = 45658), names in the first row.
const COLUMNS = ["ALT", "BTC", "ETH", "XRP"];
const { levels } = randomHistory(11, COLUMNS, 90, 0.02);
const FIRST_SERIAL = 45658;
const historyRange: unknown[][] = [["date", ...COLUMNS], ...levels.map((cells, r) => [FIRST_SERIAL + r, ...cells.map((x) => (x === null ? "" : x))])];
const undatedRange: unknown[][] = [COLUMNS, ...levels.map((cells) => cells.map((x) => (x === null ? "#N/A" : x)))];
const book = { assets: column("ALT", "ETH", "ALT"), vegas: column(1000, -300, 500) };
const engineBook = [
  { asset: "ALT", vegaPerVolPoint: 1000 },
  { asset: "ETH", vegaPerVolPoint: -300 },
  { asset: "ALT", vegaPerVolPoint: 500 },
];
const engineLevels = levels.map((cells) => cells.map((x) => x));

describe("XV.HEDGEBACKTEST", () => {
  const spill = hedgebacktest(historyRange as never, book.assets as never, book.vegas as never, row("BTC", "ETH") as never, single(30) as never);
  const engine = runHedgeBacktest({ history: { assets: COLUMNS, levels: engineLevels }, targets: engineBook, proxies: ["BTC", "ETH"], window: 30 });

  it("spills a header row, then one row per out-of-sample day with the engine's numbers", () => {
    expect(spill[0]).toEqual(["date", "unhedged_pnl", "hedge_pnl", "hedged_pnl", "hedge BTC", "hedge ETH"]);
    expect(spill).toHaveLength(engine.days.length + 1);
    engine.days.forEach((day, k) => {
      const cells = spill[k + 1] as unknown[];
      expect(cells.slice(1)).toEqual([day.unhedgedPnl, day.hedgePnl, day.hedgedPnl, ...day.hedge]);
    });
  });

  it("dates each day by the date cell of the change's later row (an Excel serial)", () => {
    // The engine without dates numbers level rows from 1: level row n is the range's row n + 1, serial FIRST + n − 1.
    engine.days.forEach((day, k) => expect(spill[k + 1]?.[0]).toBe(FIRST_SERIAL + (day.date as number) - 1));
  });

  it("dates each day by its row number in the range when there is no date column (names row = row 1)", () => {
    const undated = hedgebacktest(undatedRange as never, book.assets as never, book.vegas as never, row("BTC", "ETH") as never, single(30) as never);
    engine.days.forEach((day, k) => expect(undated[k + 1]?.[0]).toBe((day.date as number) + 1));
    expect(undated.slice(1).map((cells) => cells.slice(1))).toEqual(spill.slice(1).map((cells) => cells.slice(1)));
  });

  it("reads blank (or 0, the desktop's blank) window, lambda, ridge and rebalance as their defaults", () => {
    const defaults = hedgebacktest(historyRange as never, book.assets as never, book.vegas as never, row("BTC", "ETH") as never, single(0) as never, single("") as never, single(0) as never, single(0) as never);
    const engineDefaults = runHedgeBacktest({ history: { assets: COLUMNS, levels: engineLevels }, targets: engineBook, proxies: ["BTC", "ETH"] });
    expect(defaults).toHaveLength(engineDefaults.days.length + 1);
    expect(defaults[1]?.slice(1)).toEqual([engineDefaults.days[0]?.unhedgedPnl, engineDefaults.days[0]?.hedgePnl, engineDefaults.days[0]?.hedgedPnl, ...(engineDefaults.days[0]?.hedge ?? [])]);
  });

  it.each([
    [single("sixty"), /window "sixty" is text; expected a whole number of daily changes ≥ 2 \(default 60\)/],
    [single(30.5), /window 30.5 must be a whole number of daily changes ≥ 2/],
    [single(-5), /window -5 must be a whole number/],
  ])("refuses the window %p, naming it", (window, message) => {
    expectExcelError(() => hedgebacktest(historyRange as never, book.assets as never, book.vegas as never, single("BTC") as never, window as never), message);
  });

  it("refuses too short a history with the counts, and an asset missing from it with #N/A", () => {
    expectExcelError(() => hedgebacktest(historyRange as never, book.assets as never, book.vegas as never, single("BTC") as never, single(200) as never), /complete daily changes of ALT, ETH, BTC \(90 rows, \d+ skipped for gaps\).*window of 200/);
    expectExcelError(() => hedgebacktest(historyRange as never, book.assets as never, book.vegas as never, single("SOL") as never), /SOL is not a column of the history/, "#N/A");
  });

  it("names the date when the proxies cannot be hedged on on a rebalance day", () => {
    const flat = historyRange.map((cells, r) => (r === 0 ? cells : [cells[0], cells[1], 60, cells[3], cells[4]]));
    expectExcelError(() => hedgebacktest(flat as never, book.assets as never, book.vegas as never, single("BTC") as never, single(30) as never), /BTC did not move over the 30 changes before 2025-02-0\d \(history row \d+\)/);
  });
});

describe("XV.BACKTESTSTATS", () => {
  it("spills the statistics in the issue's order with the engine's values, then the warnings", () => {
    const spill = backteststats(historyRange as never, book.assets as never, book.vegas as never, single("BTC") as never, single(20) as never, omitted, single(0.05) as never, single(5) as never);
    const engine = runHedgeBacktest({ history: { assets: COLUMNS, levels: engineLevels }, targets: engineBook, proxies: ["BTC"], window: 20, ridge: 0.05, rebalance: 5 });
    expect(spill.slice(0, BACKTEST_STATISTIC_ROWS.length).map((cells) => cells[0])).toEqual([
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
    BACKTEST_STATISTIC_ROWS.forEach(([, name], k) => {
      const expected = name === "worstDate" ? FIRST_SERIAL + (engine.statistics.worstDate as number) - 1 : engine.statistics[name];
      expect(spill[k]?.[1]).toBe(expected);
    });
    const warningRows = spill.slice(BACKTEST_STATISTIC_ROWS.length);
    expect(warningRows).toEqual(engine.warnings.map((warning) => ["warning", warning.message]));
    expect(warningRows.length).toBeGreaterThan(0);
  });

  it("shows an undefined figure as #N/A saying why (one out-of-sample day has no spread)", () => {
    const short = historyRange.slice(0, 40);
    const changes = runHedgeBacktest({ history: { assets: COLUMNS, levels: engineLevels.slice(0, 39) }, targets: engineBook, proxies: ["BTC"], window: 2 }).changeCount;
    const spill = backteststats(short as never, book.assets as never, book.vegas as never, single("BTC") as never, single(changes - 1) as never);
    expect(spill[0]?.[1]).toBe(1);
    const sd = spill[1]?.[1] as CustomFunctions.Error;
    expect(sd).toBeInstanceOf(CustomFunctions.Error);
    expect({ code: sd.code, message: sd.message }).toEqual({ code: "#N/A", message: expect.stringMatching(/^unhedged sd is undefined: one out-of-sample day has no spread/) });
  });
});

describe("XV.HEDGESTRESS", () => {
  const correlations = [
    ["", "BTC", "ALT", "ETH"],
    ["BTC", 1, 0.7, 0.85],
    ["ALT", 0.7, 1, 0.6],
    ["ETH", 0.85, 0.6, 1],
  ];
  const volvols = [
    ["ALT", 3.2],
    ["BTC", 2],
    ["ETH", 2.4],
  ];

  it("spills a header and one row per default shift; shift 0 is XV.HEDGESTATS", () => {
    const spill = hedgestress(column("ALT") as never, column(10_000) as never, row("BTC", "ETH") as never, correlations as never, volvols as never);
    expect(spill[0]).toEqual([...STRESS_COLUMNS]);
    expect(spill.slice(1).map((cells) => cells[0])).toEqual([-0.5, -0.3, -0.2, -0.1, 0, 0.1]);
    const stats = new Map(hedgestats(column("ALT") as never, column(10_000) as never, row("BTC", "ETH") as never, correlations as never, volvols as never).map((cells) => [cells[0], cells[1]]));
    const zero = spill.find((cells) => cells[0] === 0) as unknown[];
    expectClose(zero[1], stats.get("effectiveness") as number, { absolute: 1e-12 });
    expectClose(zero[2], stats.get("residual sd per day") as number, { relative: 1e-12 });
    expectClose(zero[3], stats.get("effectiveness") as number, { absolute: 1e-12 });
    expect(zero[4]).toBe(false);
  });

  it("takes the shifts from a range (blank cells skipped) and gives the engine's rows", () => {
    const spill = hedgestress(column("ALT") as never, column(10_000) as never, single("BTC") as never, correlations as never, volvols as never, column(-0.4, "", 0, 0.2) as never, single(0.1) as never);
    const engine = stressHedge({
      targets: [{ asset: "ALT", vegaPerVolPoint: 10_000 }],
      proxies: ["BTC"],
      correlation: { assets: ["BTC", "ALT", "ETH"], values: correlations.slice(1).map((cells) => cells.slice(1) as number[]) },
      volOfVols: volvols.map(([asset, value]) => ({ asset: asset as string, value: value as number })),
      shifts: [-0.4, 0, 0.2],
      ridge: 0.1,
    });
    expect(spill.slice(1)).toEqual(engine.rows.map((r) => [r.shift, r.heldEffectiveness, r.heldResidualSd, r.reoptimisedEffectiveness, r.repaired]));
  });

  it("refuses a text shift, and correlations of log changes, naming them", () => {
    expectExcelError(() => hedgestress(column("ALT") as never, column(1) as never, single("BTC") as never, correlations as never, omitted, column(-0.1, "-20%") as never), /shifts row 2 is "-20%": expected a correlation shift such as -0.3 \(for -20% type -0.2\)/);
    const logged = correlations.map((cells, r) => (r === 0 ? ["log", ...cells.slice(1)] : cells));
    expectExcelError(() => hedgestress(column("ALT") as never, column(1) as never, single("BTC") as never, logged as never), /labelled "log".*XV.HEDGESTRESS works in absolute/);
  });
});
