import { parse } from "csv-parse/sync";
import { runHedgeBacktest, type DateLabel, type HedgeBacktestInput, type HedgeBacktestResult } from "../../src/core/backtest";
import type { HistoryCell } from "../../src/core/correlation";
import { expectClose } from "../core/tolerance";
import { CliRun, csvRecords, field, fixture, runXvega } from "./runXvega";

/*
 * `xvega backtest`: the plumbing from files to core's runHedgeBacktest and back (the engine's numbers are tested in
 * test/core/backtest). Each run is compared with the engine called here on the same history, read independently of
 * the command (csv-parse, blanks as gaps), with the dates the issue defines: the later row's date as written, or its
 * line in the file (header = line 1) when there is no date column.
 */

const JSON_ROW_KEYS = ["date", "unhedged_pnl", "hedge_pnl", "hedged_pnl", "hedge"];
const JSON_STAT_KEYS = [
  "days",
  "unhedged_sd",
  "hedged_sd",
  "effectiveness_out_of_sample",
  "effectiveness_in_sample",
  "regression_slope",
  "regression_r2",
  "dollar_offset",
  "worst_hedged_pnl",
  "worst_date",
  "turnover",
];

interface BacktestJson {
  rows: { date: DateLabel; unhedged_pnl: number; hedge_pnl: number; hedged_pnl: number; hedge: Record<string, number> }[];
  stats: Record<string, number | string | null>;
  warnings: string[];
}

const BOOK = "asset,vega\nALT,10000\nETH,-2000\n";

/** A made-up history: `days` dated rows of ALT, BTC, ETH levels from a fixed pseudo-random walk. */
function walkHistory(days: number, options: { dated?: boolean; extraColumn?: (day: number) => string } = {}): string {
  let seed = 12345;
  const next = (): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648 - 0.5;
  };
  const levels = [80, 50, 60];
  const lines = [[...(options.dated === false ? [] : ["date"]), "ALT", "BTC", "ETH", ...(options.extraColumn ? ["SOL"] : [])].join(",")];
  for (let day = 0; day < days; day++) {
    const common = next() * 3;
    levels[0] = Math.round(((levels[0] as number) + common * 1.2 + next() * 1.5) * 100) / 100;
    levels[1] = Math.round(((levels[1] as number) + common + next() * 0.8) * 100) / 100;
    levels[2] = Math.round(((levels[2] as number) + common * 1.1 + next()) * 100) / 100;
    const date = new Date(Date.UTC(2025, 0, 1 + day)).toISOString().slice(0, 10);
    lines.push([...(options.dated === false ? [] : [date]), ...levels.map(String), ...(options.extraColumn ? [options.extraColumn(day)] : [])].join(","));
  }
  return `${lines.join("\n")}\n`;
}

/** The history as the engine takes it, read here: the first column is dates when `dated`; blank cells are gaps. */
function engineHistory(text: string, dated: boolean): Pick<HedgeBacktestInput, "history" | "rowDates"> {
  const records = parse(text, { info: true, relax_column_count: true }) as unknown as { record: string[]; info: { lines: number } }[];
  const [header, ...rows] = records;
  const first = dated ? 1 : 0;
  const assets = (header?.record ?? []).slice(first);
  const levels: HistoryCell[][] = rows.map(({ record }) => record.slice(first).map((cell) => (cell.trim() === "" ? null : Number(cell))));
  const rowDates = rows.map(({ record, info }) => (dated ? (record[0] as string) : info.lines));
  return { history: { assets, levels }, rowDates };
}

function engineRun(text: string, dated: boolean, options: Partial<HedgeBacktestInput> & { proxies: string[] }): HedgeBacktestResult {
  return runHedgeBacktest({
    ...engineHistory(text, dated),
    targets: [
      { asset: "ALT", vegaPerVolPoint: 10000 },
      { asset: "ETH", vegaPerVolPoint: -2000 },
    ],
    ...options,
  });
}

/** The JSON the command should print for an engine result. */
function expectedJson(result: HedgeBacktestResult): BacktestJson {
  const s = result.statistics;
  return {
    rows: result.days.map((day) => ({
      date: day.date,
      unhedged_pnl: day.unhedgedPnl,
      hedge_pnl: day.hedgePnl,
      hedged_pnl: day.hedgedPnl,
      hedge: Object.fromEntries(result.proxies.map((proxy, index) => [proxy, day.hedge[index] as number])),
    })),
    stats: {
      days: s.days,
      unhedged_sd: s.unhedgedSd,
      hedged_sd: s.hedgedSd,
      effectiveness_out_of_sample: s.effectivenessOutOfSample,
      effectiveness_in_sample: s.effectivenessInSample,
      regression_slope: s.regressionSlope,
      regression_r2: s.regressionR2,
      dollar_offset: s.dollarOffset,
      worst_hedged_pnl: s.worstHedgedPnl,
      worst_date: s.worstDate,
      turnover: s.turnover,
    },
    warnings: result.warnings.map((warning) => warning.message),
  };
}

function backtest(history: string, ...more: string[]): CliRun {
  return runXvega(["backtest", "--history", "h.csv", "--exposures", "book.csv", ...more], { "h.csv": history, "book.csv": BOOK });
}

function json(run: CliRun): BacktestJson {
  expect(`exit ${run.status}: ${run.stderr}`).toMatch(/^exit 0: /);
  return JSON.parse(run.stdout) as BacktestJson;
}

/** The three CSV tables, split at the blank lines between them. */
function csvTables(stdout: string): { days: string; statistics: string; warnings: string } {
  const tables = stdout.split("\n\n");
  expect(tables).toHaveLength(3);
  return { days: tables[0] ?? "", statistics: tables[1] ?? "", warnings: tables[2] ?? "" };
}

describe("xvega backtest: output layout", () => {
  const history = walkHistory(40);

  it("JSON: rows, stats and warnings under exactly the issue's keys, the hedge keyed by proxy in --proxies order", () => {
    const document = json(backtest(history, "--proxies", "ETH,BTC", "--window", "20", "--format", "json"));
    expect(Object.keys(document)).toEqual(["rows", "stats", "warnings"]);
    expect(document.rows.length).toBeGreaterThan(0);
    for (const row of document.rows) {
      expect(Object.keys(row)).toEqual(JSON_ROW_KEYS);
      expect(Object.keys(row.hedge)).toEqual(["ETH", "BTC"]);
    }
    expect(Object.keys(document.stats)).toEqual(JSON_STAT_KEYS);
    for (const warning of document.warnings) expect(typeof warning).toBe("string");
  });

  it("CSV: the days with the header date,unhedged_pnl,hedge_pnl,hedged_pnl,hedge <proxy>…, a statistic,value table, a warning table", () => {
    const run = backtest(history, "--proxies", "ETH,BTC", "--window", "20");
    expect(run.status).toBe(0);
    const tables = csvTables(run.stdout);
    expect(tables.days.split("\n")[0]).toBe("date,unhedged_pnl,hedge_pnl,hedged_pnl,hedge ETH,hedge BTC");
    expect(csvRecords(tables.statistics).map((record) => field(record, "statistic"))).toEqual(JSON_STAT_KEYS);
    expect(tables.statistics.split("\n")[0]).toBe("statistic,value");
    expect(tables.warnings.split("\n")[0]).toBe("warning");
  });

  it("CSV and JSON carry the same numbers, in full precision, and the same warnings", () => {
    const document = json(backtest(history, "--proxies", "BTC,ETH", "--window", "20", "--format", "json"));
    const tables = csvTables(backtest(history, "--proxies", "BTC,ETH", "--window", "20").stdout);
    const days = csvRecords(tables.days);
    expect(days).toHaveLength(document.rows.length);
    days.forEach((record, k) => {
      const row = document.rows[k];
      expect(field(record, "date")).toBe(String(row?.date));
      expect(Number(field(record, "unhedged_pnl"))).toBe(row?.unhedged_pnl);
      expect(Number(field(record, "hedge_pnl"))).toBe(row?.hedge_pnl);
      expect(Number(field(record, "hedged_pnl"))).toBe(row?.hedged_pnl);
      expect(Number(field(record, "hedge BTC"))).toBe(row?.hedge.BTC);
      expect(Number(field(record, "hedge ETH"))).toBe(row?.hedge.ETH);
    });
    for (const record of csvRecords(tables.statistics)) {
      const value = document.stats[field(record, "statistic")];
      expect(field(record, "value")).toBe(String(value));
    }
    expect(csvRecords(tables.warnings).map((record) => field(record, "warning"))).toEqual(document.warnings);
  });

  it("puts each warning on stderr too", () => {
    const run = backtest(history, "--proxies", "BTC", "--window", "20");
    const document = json(backtest(history, "--proxies", "BTC", "--window", "20", "--format", "json"));
    expect(document.warnings.length).toBeGreaterThan(0);
    for (const warning of document.warnings) expect(run.stderr).toContain(`xvega backtest: warning: ${warning}\n`);
  });
});

describe("xvega backtest: the numbers are the engine's on the same history", () => {
  it.each([
    ["sample window, daily", ["--window", "15"], { window: 15 }],
    ["EWMA, rebalanced every 3 days, with a ridge", ["--window", "10", "--lambda", "0.94", "--rebalance", "3", "--ridge", "0.05"], { window: 10, lambda: 0.94, rebalance: 3, ridge: 0.05 }],
  ])("%s", (_, argv, options) => {
    const history = walkHistory(50);
    const document = json(backtest(history, "--proxies", "BTC,ETH", "--format", "json", ...argv));
    expect(document).toEqual(expectedJson(engineRun(history, true, { proxies: ["BTC", "ETH"], ...options })));
  });

  it("the default window is 60 changes", () => {
    const history = walkHistory(70);
    const document = json(backtest(history, "--proxies", "BTC", "--format", "json"));
    expect(document.rows).toHaveLength(69 - 60);
    expect(document).toEqual(expectedJson(engineRun(history, true, { proxies: ["BTC"] })));
  });

  it("dates are the later row's date as written in the file, whatever its form", () => {
    const history = "Date,ALT,BTC,ETH\n5-Jan-2025,80,50,60\n6-Jan-2025,82,51,61\n7-Jan-2025,81,49,60\n8-Jan-2025,84,52,63\n9-Jan-2025,83,51,62\n";
    const document = json(backtest(history, "--proxies", "BTC", "--window", "2", "--format", "json"));
    expect(document.rows.map((row) => row.date)).toEqual(["8-Jan-2025", "9-Jan-2025"]);
    expect(document).toEqual(expectedJson(engineRun(history, true, { proxies: ["BTC"], window: 2 })));
  });

  it("dates that fall are read newest first: the same days, oldest first, with their dates as written, and a note", () => {
    const oldestFirst = walkHistory(20);
    const [header, ...rows] = oldestFirst.trimEnd().split("\n");
    const newestFirst = `${[header, ...rows.reverse()].join("\n")}\n`;
    const run = backtest(newestFirst, "--proxies", "BTC", "--window", "8", "--format", "json");
    expect(json(run)).toEqual(json(backtest(oldestFirst, "--proxies", "BTC", "--window", "8", "--format", "json")));
    expect(run.stderr).toContain("xvega backtest: note: the dates fall, so the rows were read newest first\n");
  });

  it("without a date column, a day's date is its later row's line number in the file (header = line 1), as a number", () => {
    const history = walkHistory(12, { dated: false });
    const document = json(backtest(history, "--proxies", "BTC", "--window", "8", "--format", "json"));
    // 12 level rows on lines 2–13: 11 changes, the 9th to 11th out of sample, their later rows on lines 11, 12, 13.
    expect(document.rows.map((row) => row.date)).toEqual([11, 12, 13]);
    expect(document).toEqual(expectedJson(engineRun(history, false, { proxies: ["BTC"], window: 8 })));
    const csv = csvRecords(csvTables(backtest(history, "--proxies", "BTC", "--window", "8").stdout).days);
    expect(csv.map((record) => field(record, "date"))).toEqual(["11", "12", "13"]);
  });

  it("a dated row whose date cell is blank is dated by its line number", () => {
    const history = "date,ALT,BTC\n2025-01-01,80,50\n2025-01-02,82,51\n2025-01-03,81,49\n,84,52\n2025-01-05,83,51\n";
    const run = runXvega(["backtest", "--history", "h.csv", "--exposures", "b.csv", "--proxies", "BTC", "--window", "2", "--format", "json"], { "h.csv": history, "b.csv": "asset,vega\nALT,10000\n" });
    const document = json(run);
    expect(document.rows.map((row) => row.date)).toEqual([5, "2025-01-05"]);
  });

  it("a gap row drops the changes into and out of it, and the line numbers still count every line of the file", () => {
    // Lines: 1 header, 2–5 levels, 6 blank cell for ALT, 7–9 levels; changes 2→3, 3→4, 4→5, 7→8, 8→9.
    const history = "ALT,BTC,ETH\n80,50,60\n82,51,61\n81,49,60\n84,52,63\n,51,62\n86,53,64\n85,52,62\n87,54,64\n";
    const document = json(backtest(history, "--proxies", "BTC", "--window", "3", "--format", "json"));
    expect(document.rows.map((row) => row.date)).toEqual([8, 9]);
    expect(document).toEqual(expectedJson(engineRun(history, false, { proxies: ["BTC"], window: 3 })));
  });

  it("a gap row in a dated file is named on stderr", () => {
    const run = runXvega(["backtest", "--history", fixture("volcorr-history.csv"), "--exposures", "book.csv", "--proxies", "BTC", "--window", "3"], { "book.csv": BOOK });
    expect(run.status).toBe(0);
    expect(run.stderr).toContain("xvega backtest: note: skipped 1 row with gaps: 2025-01-04 (line 5); 7 complete daily changes in all\n");
  });

  it("a column neither the book nor the proxies use costs nothing: its gaps and typos change no number", () => {
    const plain = walkHistory(30);
    const withSol = walkHistory(30, { extraColumn: (day) => (day % 7 === 3 ? "" : day === 11 ? "oops" : String(100 + day)) });
    const run = backtest(withSol, "--proxies", "BTC,ETH", "--window", "10", "--format", "json");
    expect(run.stderr).not.toContain("skipped");
    expect(json(run)).toEqual(json(backtest(plain, "--proxies", "BTC,ETH", "--window", "10", "--format", "json")));
    expect(json(run).rows).toHaveLength(29 - 10);
  });

  it("a used column's bad level stops the run, named by file, line and asset (exit 2, nothing on stdout)", () => {
    const history = walkHistory(30).replace(/\n(2025-01-05),([\d.]+),/, "\n$1,abc,");
    const run = backtest(history, "--proxies", "BTC", "--window", "10");
    expect(run.status).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain('xvega backtest: h.csv line 6, ALT: level "abc" is not a number');
  });

  it("proxies keep the order given, in the CSV header and in the hedge columns", () => {
    const history = walkHistory(30);
    const forward = json(backtest(history, "--proxies", "BTC,ETH", "--window", "10", "--format", "json"));
    const backward = json(backtest(history, "--proxies", "ETH,BTC", "--window", "10", "--format", "json"));
    expect(Object.keys(backward.rows[0]?.hedge ?? {})).toEqual(["ETH", "BTC"]);
    backward.rows.forEach((row, k) => {
      // The same hedge solved with the proxies in the other order: equal to rounding.
      expectClose(row.hedge.BTC, forward.rows[k]?.hedge.BTC ?? Number.NaN, { absolute: 1e-6, relative: 1e-9 }, `day ${k + 1} BTC`);
      expectClose(row.hedge.ETH, forward.rows[k]?.hedge.ETH ?? Number.NaN, { absolute: 1e-6, relative: 1e-9 }, `day ${k + 1} ETH`);
    });
    const header = backtest(history, "--proxies", "ETH,BTC", "--window", "10").stdout.split("\n")[0];
    expect(header).toBe("date,unhedged_pnl,hedge_pnl,hedged_pnl,hedge ETH,hedge BTC");
  });

  it("the book's cash vega is read as xvega hedge reads it: position_vega before vega", () => {
    const history = walkHistory(25);
    const positions = "asset,vega,position_vega\nALT,1,10000\nETH,1,-2000\n";
    const run = runXvega(["backtest", "--history", "h.csv", "--exposures", "p.csv", "--proxies", "BTC", "--window", "10", "--format", "json"], { "h.csv": history, "p.csv": positions });
    expect(json(run)).toEqual(expectedJson(engineRun(history, true, { proxies: ["BTC"], window: 10 })));
  });
});

describe("xvega backtest: undefined statistics", () => {
  // 8 level rows, 7 changes: a window of 6 leaves one out-of-sample day, whose spread is undefined.
  const history = walkHistory(8);

  it("JSON null, and stderr says which and why", () => {
    const run = backtest(history, "--proxies", "BTC", "--window", "6", "--format", "json");
    const document = json(run);
    expect(document.stats.unhedged_sd).toBeNull();
    expect(document.stats.regression_r2).toBeNull();
    expect(document.stats.days).toBe(1);
    expect(run.stderr).toContain("xvega backtest: note: unhedged_sd, hedged_sd, effectiveness_out_of_sample, regression_slope, regression_r2 are undefined (null): one out-of-sample day has no spread");
  });

  it("CSV: an empty value", () => {
    const run = backtest(history, "--proxies", "BTC", "--window", "6");
    const statistics = new Map(csvRecords(csvTables(run.stdout).statistics).map((record) => [field(record, "statistic"), field(record, "value")]));
    expect(statistics.get("unhedged_sd")).toBe("");
    expect(statistics.get("days")).toBe("1");
    expect(run.stderr).toContain("are undefined (left empty)");
  });
});

describe("xvega backtest: refusals", () => {
  it("too little history for one out-of-sample day: exit 2, nothing printed, the counts on stderr", () => {
    const run = runXvega(["backtest", "--history", fixture("volcorr-history.csv"), "--exposures", "book.csv", "--proxies", "BTC"], { "book.csv": BOOK });
    expect(run.status).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(/the history gives 7 complete daily changes of ALT, ETH, BTC \(10 rows, 1 skipped for gaps\): the backtest needs more than the window of 60/);
    expect(run.stderr).not.toContain("usage:");
  });

  it("an asset missing from the history: exit 2, naming it and the file", () => {
    const run = backtest(walkHistory(20), "--proxies", "SOL", "--window", "5");
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("xvega backtest: h.csv: asset SOL is not a column of the history");
  });

  it("a bad row in the book and a bad level in the history: both named at once (exit 2)", () => {
    const history = walkHistory(20).replace(/\n(2025-01-05),([\d.]+),/, "\n$1,abc,");
    const run = runXvega(["backtest", "--history", "h.csv", "--exposures", "book.csv", "--proxies", "BTC", "--window", "5"], {
      "h.csv": history,
      "book.csv": "asset,vega\nALT,10000\nETH,x\n",
    });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("book.csv line 3 (ETH)");
    expect(run.stderr).toContain("h.csv line 6, ALT");
  });

  it.each([
    ["a missing history file", ["--history", "nowhere.csv", "--exposures", "book.csv", "--proxies", "BTC"], "xvega backtest: cannot read nowhere.csv: no such file"],
    ["a missing book file", ["--history", "h.csv", "--exposures", "nobook.csv", "--proxies", "BTC"], "xvega backtest: cannot read nobook.csv: no such file"],
    ["no --history", ["--exposures", "book.csv", "--proxies", "BTC"], "xvega backtest: missing required option --history FILE.csv"],
    ["a window of 1 for the sample estimate", ["--window", "1"], "xvega backtest: --window 1 must be a whole number ≥ 2"],
    ["a fractional window", ["--window", "2.5"], "xvega backtest: --window 2.5 must be a whole number ≥ 2"],
    ["a rebalance of 0", ["--rebalance", "0"], "xvega backtest: --rebalance 0 must be a whole number ≥ 1"],
    ["a lambda above 1", ["--lambda", "1.5"], "xvega backtest: --lambda 1.5 must be in (0, 1]"],
    ["a negative ridge", ["--ridge=-1"], "xvega backtest: --ridge -1 must be from 0 (none)"],
    ["a proxy named twice", ["--proxies", "BTC,btc"], "xvega backtest: --proxies names btc twice"],
    ["a bad format", ["--format", "xml"], 'xvega backtest: --format "xml" is not one of csv, json'],
  ])("%s: exit 1, the message and the usage", (_, argv, message) => {
    // Options given alone complete a valid command line; whole command lines are taken as they are.
    const complete = argv.includes("--exposures") ? argv : ["--history", "h.csv", "--exposures", "book.csv", ...(argv.includes("--proxies") ? [] : ["--proxies", "BTC"]), ...argv];
    const run = runXvega(["backtest", ...complete], { "h.csv": walkHistory(20), "book.csv": BOOK });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr.startsWith(message)).toBe(true);
    expect(run.stderr).toContain("usage: xvega backtest --history FILE.csv --exposures FILE.csv --proxies BTC,ETH");
  });

  it("a window of 1 is allowed with EWMA", () => {
    const history = walkHistory(10);
    const document = json(backtest(history, "--proxies", "BTC", "--window", "1", "--lambda", "0.9", "--format", "json"));
    expect(document).toEqual(expectedJson(engineRun(history, true, { proxies: ["BTC"], window: 1, lambda: 0.9 })));
  });
});
