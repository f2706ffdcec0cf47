import { parse } from "csv-parse/sync";
import { readFileSync } from "fs";
import { expectClose } from "../core/tolerance";
import { csvRecords, field, fixture, runXvega } from "./runXvega";

/*
 * `xvega volcorr` against estimates computed here, independently of the engine, by the textbook formulas: Pearson's
 * sample correlation and the n − 1 standard deviation of the daily changes, and the RiskMetrics (1996) EWMA with zero
 * mean, Σ_t = λΣ_{t−1} + (1 − λ)x_t x_tᵀ (weights λ^age; the correlation does not depend on normalising them). The
 * history, test/fixtures/cli/volcorr-history.csv, is made up: ten dates of ALT, BTC and ETH vol levels with one gap
 * (ALT on 2025-01-04, line 5), which costs the changes into and out of that date.
 */

const HISTORY = fixture("volcorr-history.csv");

interface VolcorrJson {
  names: string[];
  correlation: number[][];
  volvols: number[];
  changes: string;
  method: string;
  lambda: number | null;
  rows_used: number;
  rows_skipped: number;
  skipped_lines: number[];
  daily_changes: number;
  order: string;
  warnings: { code: string; message: string }[];
}

/** Daily changes between consecutive complete rows of the fixture (no change spans the gap). */
function fixtureChanges(kind: "abs" | "log"): { assets: string[]; changes: number[][] } {
  const [header = [], ...rows] = parse(readFileSync(HISTORY, "utf8")) as string[][];
  const levels = rows.map((row) => row.slice(1).map((cell) => (cell.trim() === "" ? null : Number(cell))));
  const changes: number[][] = [];
  for (let t = 1; t < levels.length; t++) {
    const before = levels[t - 1] ?? [];
    const after = levels[t] ?? [];
    if (before.includes(null) || after.includes(null)) continue;
    changes.push(after.map((level, i) => (kind === "log" ? Math.log((level as number) / (before[i] as number)) : (level as number) - (before[i] as number))));
  }
  return { assets: header.slice(1), changes };
}

function column(changes: number[][], index: number): number[] {
  return changes.map((row) => row[index] ?? Number.NaN);
}

function mean(values: number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

/** Pearson's r = Σ(x − x̄)(y − ȳ) / √(Σ(x − x̄)² Σ(y − ȳ)²). */
function pearson(x: number[], y: number[]): number {
  const mx = mean(x);
  const my = mean(y);
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  x.forEach((xi, t) => {
    const yi = y[t] ?? Number.NaN;
    sxy += (xi - mx) * (yi - my);
    sxx += (xi - mx) ** 2;
    syy += (yi - my) ** 2;
  });
  return sxy / Math.sqrt(sxx * syy);
}

function sampleStandardDeviation(x: number[]): number {
  const m = mean(x);
  return Math.sqrt(x.reduce((sum, value) => sum + (value - m) ** 2, 0) / (x.length - 1));
}

/** RiskMetrics EWMA, zero mean: weights λ^age (newest age 0), normalised to sum to 1. */
function ewma(x: number[], y: number[], lambda: number): { covariance: number; correlation: number } {
  const n = x.length;
  const weights = x.map((_, t) => lambda ** (n - 1 - t));
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  const moment = (a: number[], b: number[]): number => a.reduce((sum, ai, t) => sum + ((weights[t] ?? 0) / total) * ai * (b[t] ?? 0), 0);
  return { covariance: moment(x, y), correlation: moment(x, y) / Math.sqrt(moment(x, x) * moment(y, y)) };
}

function runJson(args: string[], files: Record<string, string> = {}): VolcorrJson {
  const run = runXvega(["volcorr", ...args, "--format", "json"], files);
  expect(run.status).toBe(0);
  return JSON.parse(run.stdout) as VolcorrJson;
}

const TIGHT = { absolute: 1e-14, relative: 1e-12 };

describe("xvega volcorr", () => {
  it("gives the sample correlation and vol-of-vols of the daily changes, as the textbook formulas do", () => {
    const { assets, changes } = fixtureChanges("abs");
    expect(changes).toHaveLength(7);
    const result = runJson([HISTORY]);
    expect(result.names).toEqual(assets);
    expect(result).toMatchObject({ changes: "abs", method: "sample", lambda: null });
    assets.forEach((rowAsset, i) => {
      expectClose(result.volvols[i], sampleStandardDeviation(column(changes, i)), TIGHT, `volvol ${rowAsset}`);
      assets.forEach((columnAsset, j) => {
        const expected = i === j ? 1 : pearson(column(changes, i), column(changes, j));
        expectClose(result.correlation[i]?.[j], expected, TIGHT, `ρ(${rowAsset}, ${columnAsset})`);
      });
    });
  });

  it("skips the row with a gap and counts it, on stderr and in JSON", () => {
    const run = runXvega(["volcorr", HISTORY]);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe(
      "xvega volcorr: note: skipped 1 row with gaps: 2025-01-04 (line 5); estimated from 7 daily changes over 10 rows\n" +
        "xvega volcorr: warning: thin history: 7 complete changes for 3 assets, below 20 (20 or 5 per asset, whichever is more): correlations are noisy and the matrix nearly singular, so hedges on several proxies are unreliable; add dates or use fewer assets\n",
    );
    const result = runJson([HISTORY]);
    expect(result).toMatchObject({ rows_used: 9, rows_skipped: 1, skipped_lines: [5], daily_changes: 7, order: "oldest_first" });
    expect(result.warnings.map((warning) => warning.code)).toEqual(["thinHistory"]);
  });

  it("prints the labelled matrix, a blank line, then the vol-of-vols, each marked abs in its top-left cell", () => {
    const stdout = runXvega(["volcorr", HISTORY]).stdout;
    const [matrix = "", volvols = "", ...rest] = stdout.split("\n\n");
    expect(rest).toEqual([]);
    const rows = parse(matrix) as string[][];
    expect(rows[0]).toEqual(["abs", "ALT", "BTC", "ETH"]);
    expect(volvols.split("\n")[0]).toBe("abs,volvol");
    expect(rows.slice(1).map((row) => row[0])).toEqual(["ALT", "BTC", "ETH"]);
    const json = runJson([HISTORY]);
    expect(rows.slice(1).map((row) => row.slice(1).map(Number))).toEqual(json.correlation);
    const records = csvRecords(volvols);
    expect(records.map((record) => field(record, "abs"))).toEqual(json.names);
    expect(records.map((record) => Number(field(record, "volvol")))).toEqual(json.volvols);
  });

  it("with --lambda: the RiskMetrics EWMA, zero mean, newest change weighted most", () => {
    const { changes } = fixtureChanges("abs");
    const result = runJson([HISTORY, "--lambda", "0.94"]);
    expect(result).toMatchObject({ method: "ewma", lambda: 0.94 });
    const [alt, btc, eth] = [0, 1, 2].map((index) => column(changes, index)) as [number[], number[], number[]];
    expectClose(result.correlation[0]?.[1], ewma(alt, btc, 0.94).correlation, TIGHT, "ρ(ALT, BTC)");
    expectClose(result.correlation[1]?.[2], ewma(btc, eth, 0.94).correlation, TIGHT, "ρ(BTC, ETH)");
    expectClose(result.volvols[2], Math.sqrt(ewma(eth, eth, 0.94).covariance), TIGHT, "volvol ETH");
    // 7 changes are far fewer than the 75 days holding 99% of the weight at 0.94.
    expect(result.warnings.map((warning) => warning.code)).toEqual(["shortEwmaHistory", "thinHistory"]);
    expect(runXvega(["volcorr", HISTORY, "--lambda", "0.94"]).stderr).toContain("xvega volcorr: warning: EWMA with lambda 0.94");
  });

  it("with --changes log: correlations of ln(level / previous level), marked log in JSON and in each CSV table's top-left cell", () => {
    const { changes } = fixtureChanges("log");
    const result = runJson([HISTORY, "--changes", "log"]);
    expect(result.changes).toBe("log");
    const [matrix = "", volvols = ""] = runXvega(["volcorr", HISTORY, "--changes", "log"]).stdout.split("\n\n");
    expect(matrix.split("\n")[0]).toBe("log,ALT,BTC,ETH");
    expect(volvols.split("\n")[0]).toBe("log,volvol");
    expectClose(result.correlation[0]?.[2], pearson(column(changes, 0), column(changes, 2)), TIGHT, "ρ(ALT, ETH)");
    expectClose(result.volvols[0], sampleStandardDeviation(column(changes, 0)), TIGHT, "volvol ALT");
  });

  it("reads ISO dates that fall as newest first, and says so", () => {
    const text = readFileSync(HISTORY, "utf8").trimEnd().split("\n");
    const newestFirst = [text[0], ...text.slice(1).reverse()].join("\n");
    const run = runXvega(["volcorr", "newest.csv", "--lambda", "0.9", "--format", "json"], { "newest.csv": newestFirst });
    expect(run.status).toBe(0);
    expect(run.stderr).toContain("xvega volcorr: note: the dates fall, so the rows were read newest first");
    const result = JSON.parse(run.stdout) as VolcorrJson;
    expect(result.order).toBe("newest_first");
    expect(result.skipped_lines).toEqual([8]); // 2025-01-04, the 7th data row from the top once reversed
    const oldestFirst = runJson([HISTORY, "--lambda", "0.9"]);
    result.correlation.forEach((row, i) => row.forEach((value, j) => expectClose(value, oldestFirst.correlation[i]?.[j] ?? Number.NaN, TIGHT, `(${i}, ${j})`)));
  });

  describe("the date column", () => {
    const LEVELS = ["50,60", "51,62", "53,61", "52,64", "55,63"];
    const expected = runJson(["plain.csv"], { "plain.csv": ["A,B", ...LEVELS].join("\n") });

    it.each([
      ["named date", "date", ["2025-01-01", "2025-01-02", "2025-01-03", "2025-01-04", "2025-01-05"]],
      ["named Timestamp (UTC)", "Timestamp (UTC)", ["1", "2", "3", "4", "5"]],
      ["with a blank header", "", ["20250101", "20250102", "20250103", "20250104", "20250105"]],
      ["recognised by its text values", "when", ["Mon 6 Jan", "Tue 7 Jan", "Wed 8 Jan", "Thu 9 Jan", "Fri 10 Jan"]],
    ])("is detected when %s, and is not an asset", (_, name, dates) => {
      const text = [`${name},A,B`, ...LEVELS.map((levels, index) => `${dates[index]},${levels}`)].join("\n");
      const result = runJson(["dated.csv"], { "dated.csv": text });
      expect(result.names).toEqual(["A", "B"]);
      expect(result.correlation).toEqual(expected.correlation);
    });

    it("is an asset when its header is a name and its values are numbers", () => {
      expect(runJson(["plain.csv"], { "plain.csv": ["A,B", ...LEVELS].join("\n") }).names).toEqual(["A", "B"]);
    });
  });

  it("reads blank cells, #N/A, NA, NaN and null as gaps, and a blank line inside the history as a date without quotes", () => {
    const text = "A,B\n50,60\n51,#N/A\n52,63\n54,NaN\n53,61\n\n56,64\n55,null\n57,66\n58,NA\n59,65\n60,67\n62,66\n63,68\n\n\n";
    const result = runJson(["gaps.csv"], { "gaps.csv": text });
    expect(result.skipped_lines).toEqual([3, 5, 7, 9, 11]);
    expect(result.rows_used).toBe(9);
    // Every other complete row sits next to a gap: only lines 12→13, 13→14 and 14→15 give changes. Trailing blank lines are not dates.
    expect(result.daily_changes).toBe(3);
  });

  it("issue 8 item 11: a summary row is refused naming its line; text dates are read and their order checked", () => {
    const summary = runXvega(["volcorr", "s.csv"], { "s.csv": "date,A,B\n2025-01-01,50,60\n2025-01-02,51,62\n2025-01-03,53,61\n2025-01-04,52,63\nAverage,51.5,61.5\n" });
    expect(summary.status).toBe(2);
    expect(summary.stderr.split("\n")[0]).toBe('xvega volcorr: s.csv line 6 is a summary row ("Average"), not a day: remove it from the history');
    const unsorted = runXvega(["volcorr", "u.csv"], { "u.csv": "date,A,B\n13/12/2025,50,60\n15/12/2025,51,62\n14/12/2025,53,61\n16/12/2025,52,63\n" });
    expect(unsorted.status).toBe(2);
    expect(unsorted.stderr.split("\n")[0]).toBe("xvega volcorr: u.csv line 4: date 14/12/2025 is out of order after 15/12/2025 (line 3): sort the history by date, oldest first, with one row per date");
    const ambiguous = runXvega(["volcorr", "a.csv"], { "a.csv": "date,A,B\n01/02/2025,50,60\n03/04/2025,51,62\n02/03/2025,53,61\n04/05/2025,52,63\n" });
    expect(ambiguous.status).toBe(0);
    expect(ambiguous.stderr).toContain("xvega volcorr: warning: the order of the dates could not be checked (every date text");
  });

  it("issue 8 item 6: a level of 1E200 is refused naming its line, instead of printing Infinity", () => {
    const run = runXvega(["volcorr", "h.csv"], { "h.csv": "A,B\n1e200,1\n2e200,2\n1.5e200,4\n1,3\n" });
    expect(run.status).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr.split("\n")[0]).toBe("xvega volcorr: h.csv line 2, A: level 1e+200 is larger than 1,000,000, which no implied vol is: check the cell (65 for 65 vol points, or 0.65)");
  });

  it("issue 8 item 5: 2 changes of 2 assets are refused (the matrix would be singular)", () => {
    const run = runXvega(["volcorr", "two.csv"], { "two.csv": "A,B\n50,60\n51,62\n53,61\n" });
    expect(run.status).toBe(2);
    expect(run.stderr.split("\n")[0]).toBe(
      "xvega volcorr: two.csv: 2 complete daily changes (3 rows, 0 skipped for gaps) for 2 assets: an estimate from m changes has rank ≤ m − 1, so this matrix would be singular; need at least 3 (better 10+): add dates, fill gaps or drop assets",
    );
  });

  it("reads rows with a trailing comma like rows without (issue 8 item 14)", () => {
    const plain = "A,B\n50,60\n51,62\n53,61\n52,64\n";
    const trailing = "A,B\n50,60,\n51,62,\n53,61\n52,64,,\n";
    expect(runXvega(["volcorr", "t.csv"], { "t.csv": trailing })).toEqual(runXvega(["volcorr", "t.csv"], { "t.csv": plain }));
  });

  it("a history too short to estimate: exit 2 with the counts found and needed", () => {
    const run = runXvega(["volcorr", "short.csv"], { "short.csv": "date,A,B\n2025-01-01,50,60\n2025-01-02,51,62\n2025-01-03,,61\n" });
    expect(run.status).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toBe(
      "xvega volcorr: short.csv: found 1 complete daily change (from 3 rows of levels, 1 skipped for gaps, which removed 1 change); need at least 2: add dates or fill the gaps\n" +
        "xvega volcorr: no correlations estimated\n",
    );
  });

  it.each([
    ["a level that is not a number", "date,A,B\n2025-01-01,50,60\n2025-01-02,51,6x\n2025-01-03,52,63\n2025-01-04,54,61\n", 'bad.csv line 3, B: level "6x" is not a number'],
    ["a level with a % sign", "A,B\n50,60\n51%,62\n52,63\n54,61\n", 'bad.csv line 3, A: level "51%" is not a number'],
    ["a row with a missing comma", "A,B\n50,60\n5162\n52,63\n54,61\n", "bad.csv line 3: the row has 1 fields but the header has 2"],
    ["dates out of order", "date,A,B\n2025-01-01,50,60\n2025-01-03,51,62\n2025-01-02,53,61\n", "bad.csv line 4: date 2025-01-02 is out of order after 2025-01-03 (line 3)"],
    ["a repeated date", "date,A,B\n2025-01-01,50,60\n2025-01-02,51,62\n2025-01-02,53,61\n", "bad.csv line 4: date 2025-01-02 repeats 2025-01-02 (line 3)"],
    ["an asset that never moved", "A,B\n50,60\n50,62\n50,61\n", "bad.csv: A did not move over the 2 complete daily changes"],
    ["a zero level with log changes", "A,B\n50,60\n0,62\n52,61\n53,60\n", "bad.csv: history row 2, A: level 0 must be > 0 for log changes"],
  ])("%s: exit 2, named on stderr, nothing on stdout", (name, text, message) => {
    const args = name.includes("log") ? ["--changes", "log"] : [];
    const run = runXvega(["volcorr", "bad.csv", ...args], { "bad.csv": text });
    expect(run.status).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr.split("\n")[0]).toContain(`xvega volcorr: ${message}`);
    expect(run.stderr).not.toContain("usage:");
  });

  it.each([
    ["no asset columns", "date\n2025-01-01\n", [], "h.csv has no asset columns after its date column"],
    ["an unnamed asset column", "date,A,,B\n2025-01-01,1,2,3\n", [], "column 3 of h.csv has no name"],
    ["a column named twice", "A,B,a\n1,2,3\n", [], "column a appears twice in the header of h.csv (columns 1 and 3): keep one"],
    ["a lambda above 1", "A,B\n1,2\n", ["--lambda", "1.5"], "--lambda 1.5 must be in (0, 1]"],
    ["a lambda that is not a number", "A,B\n1,2\n", ["--lambda", "RiskMetrics"], '--lambda "RiskMetrics" is not a number'],
    ["an unknown kind of changes", "A,B\n1,2\n", ["--changes", "pct"], '--changes "pct" is not one of abs, log'],
    ["an empty file", "", [], "h.csv has no header row"],
  ])("%s: exit 1", (_, text, args, message) => {
    const run = runXvega(["volcorr", "h.csv", ...args], { "h.csv": text });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr.split("\n")[0]).toContain(`xvega volcorr: ${message}`);
  });
});
