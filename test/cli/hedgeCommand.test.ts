import { readFileSync } from "fs";
import { WorkedCase, WorkedStatistic, workedExample } from "../fixtures/hedge/workedExample";
import { expectClose } from "../core/tolerance";
import { CliRun, csvRecords, field, fixture, runXvega } from "./runXvega";

/*
 * `xvega hedge` on DOMAIN.md §2's worked example (target ALT +10,000 USD/pt; s = ALT 3.0, BTC 2.0, ETH 2.5;
 * ρ(ALT,BTC) 0.8, ρ(ALT,ETH) 0.85, ρ(BTC,ETH) 0.9 or 0.99). The book, matrices and vol-of-vols are CSV fixtures in
 * test/fixtures/cli (hedge-*.csv); the expected figures, published and exact, are read from the engine's fixture
 * test/fixtures/hedge/workedExample.json, so the command line is held to the same numbers as the engine.
 */

const CASES: WorkedCase[] = workedExample.cases;
/** The output statistic of each fixture statistic. */
const STATISTIC_NAMES: Record<WorkedStatistic, string> = {
  effectiveness: "effectiveness",
  residualSd: "residual_sd",
  unhedgedSd: "unhedged_sd",
  conditionNumber: "condition",
};
const EXACT = { absolute: 1e-9, relative: 1e-12 };

const BOOK = fixture("hedge-book.csv");
const VOLVOL = fixture("hedge-volvol.csv");
const CORR_BY_RHO_BTC_ETH: Record<string, string> = { "0.9": fixture("hedge-corr.csv"), "0.99": fixture("hedge-corr-collinear.csv") };

function corrFor(correlationBtcEth: number): string {
  const path = CORR_BY_RHO_BTC_ETH[String(correlationBtcEth)];
  if (path === undefined) throw new Error(`no matrix fixture for ρ(BTC,ETH) = ${correlationBtcEth}`);
  return path;
}

function hedgeArgs(proxies: string, corr = fixture("hedge-corr.csv"), ...more: string[]): string[] {
  return ["hedge", "--exposures", BOOK, "--corr", corr, "--volvol", VOLVOL, "--proxies", proxies, ...more];
}

/** CSV output: the proxies table and the statistics, split at the blank line between them. */
function parseHedgeCsv(stdout: string): { proxies: Record<string, string>[]; statistics: Map<string, string> } {
  const tables = stdout.split("\n\n");
  expect(tables).toHaveLength(2);
  const statistics = csvRecords(tables[1] ?? "");
  expect(Object.keys(statistics[0] ?? {})).toEqual(["statistic", "value"]);
  return {
    proxies: csvRecords(tables[0] ?? ""),
    statistics: new Map(statistics.map((record) => [field(record, "statistic"), field(record, "value")])),
  };
}

interface HedgeJson {
  proxies: { asset: string; hedge_vega: number; contracts?: number; rounded_contracts?: number; rounded_hedge_vega?: number }[];
  [statistic: string]: unknown;
  warnings: { code: string; message: string }[];
}

/** wᵀΣw with Σ = diag(s)·R·diag(s): the variance of the daily vega P&L, computed here independently of the engine. */
function pnlVariance(vegas: number[], deviations: number[], correlation: number[][]): number {
  let variance = 0;
  vegas.forEach((vi, i) =>
    vegas.forEach((vj, j) => {
      variance += vi * vj * (deviations[i] ?? 0) * (deviations[j] ?? 0) * (correlation[i]?.[j] ?? 0);
    }),
  );
  return variance;
}

describe("xvega hedge on the DOMAIN.md §2 worked example", () => {
  it.each(CASES.map((workedCase) => [workedCase.name, workedCase] as const))("%s: CSV output matches the published and exact figures", (name, workedCase) => {
    const run = runXvega(hedgeArgs(workedCase.proxies.join(","), corrFor(workedCase.correlationBtcEth)));
    expect(run.status).toBe(0);
    const { proxies, statistics } = parseHedgeCsv(run.stdout);
    expect(proxies.map((record) => field(record, "asset"))).toEqual(workedCase.proxies);
    expect(Object.keys(proxies[0] ?? {})).toEqual(["asset", "hedge_vega"]);
    proxies.forEach((record, index) => {
      const hedge = Number(field(record, "hedge_vega"));
      const published = workedCase.published.hedge[index];
      if (published) expectClose(hedge, published.value, { absolute: published.tolerance }, `${name} ${field(record, "asset")} (DOMAIN.md)`);
      expectClose(hedge, workedCase.exact.hedge[index] ?? Number.NaN, EXACT, `${name} ${field(record, "asset")} (exact)`);
    });
    for (const statistic of Object.keys(STATISTIC_NAMES) as WorkedStatistic[]) {
      const value = Number(statistics.get(STATISTIC_NAMES[statistic]));
      const published = workedCase.published[statistic];
      if (published) expectClose(value, published.value, { absolute: published.tolerance }, `${name} ${statistic} (DOMAIN.md)`);
      const exact = workedCase.exact[statistic];
      if (exact !== undefined) expectClose(value, exact, EXACT, `${name} ${statistic} (exact)`);
    }
    expect(statistics.get("changes")).toBe("abs");
    expect(statistics.get("ridge")).toBe("0");
    expect(run.stderr === "").toBe(!workedCase.collinearWarning);
  });

  it("BTC alone: hedge −12,000, effectiveness 0.64, residual sd 18,000 vs 30,000 unhedged (DOMAIN.md §2)", () => {
    const run = runXvega(hedgeArgs("BTC", fixture("hedge-corr.csv"), "--format", "json"));
    expect(run).toMatchObject({ status: 0, stderr: "" });
    const result = JSON.parse(run.stdout) as HedgeJson;
    expectClose(result.proxies[0]?.hedge_vega, -12000, { absolute: 1e-8 }, "hedge");
    expectClose(result.effectiveness, 0.64, { absolute: 1e-12 }, "effectiveness");
    expectClose(result.residual_sd, 18000, { absolute: 1e-8 }, "residual sd");
    expectClose(result.unhedged_sd, 30000, { absolute: 1e-8 }, "unhedged sd");
    expect(result.warnings).toEqual([]);
  });

  it("ρ(BTC,ETH) = 0.99: the ≈ +31,281 / −34,975 spread bet, condition ≈ 209, with the warning on stderr and in JSON", () => {
    const run = runXvega(hedgeArgs("BTC,ETH", fixture("hedge-corr-collinear.csv"), "--format", "json"));
    expect(run.status).toBe(0);
    const result = JSON.parse(run.stdout) as HedgeJson;
    expectClose(result.proxies[0]?.hedge_vega, 31281, { absolute: 0.5 }, "BTC");
    expectClose(result.proxies[1]?.hedge_vega, -34975, { absolute: 0.5 }, "ETH");
    expectClose(result.condition, 209, { absolute: 0.5 }, "condition of Σ_pp");
    // cond(R_pp) = (1 + ρ)/(1 − ρ) for two proxies.
    expectClose(result.proxy_correlation_condition, 1.99 / 0.01, { relative: 1e-9 }, "condition of R_pp");
    expect(result.warnings.map((warning) => warning.code)).toEqual(["collinearProxies", "spreadBet"]);
    const stderrLines = run.stderr.trimEnd().split("\n");
    expect(stderrLines).toEqual(result.warnings.map((warning) => `xvega hedge: warning: ${warning.message}`));
    expect(stderrLines[0]).toContain("BTC and ETH have correlation 0.990");
  });

  it("JSON and CSV carry the same numbers, with every documented key", () => {
    const csv = parseHedgeCsv(runXvega(hedgeArgs("BTC,ETH")).stdout);
    const json = JSON.parse(runXvega(hedgeArgs("BTC,ETH", fixture("hedge-corr.csv"), "--format", "json")).stdout) as HedgeJson;
    expect(Object.keys(json)).toEqual([
      "proxies", "unhedged_sd", "residual_sd", "effectiveness", "condition", "proxy_correlation_condition", "ridge", "changes", "warnings",
    ]);
    expect([...csv.statistics.keys()]).toEqual(Object.keys(json).filter((key) => key !== "proxies" && key !== "warnings"));
    for (const [name, value] of csv.statistics) expect(String(json[name])).toBe(value);
    expect(json.proxies.map((line) => [line.asset, String(line.hedge_vega)])).toEqual(csv.proxies.map((record) => [record.asset, record.hedge_vega]));
  });

  it("nets exposure rows by asset, names trimmed and in any case", () => {
    const files = { "one-row.csv": "asset,vega\nALT,10000\n" };
    const split = runXvega(hedgeArgs("BTC"));
    const single = runXvega(["hedge", "--exposures", "one-row.csv", "--corr", fixture("hedge-corr.csv"), "--volvol", VOLVOL, "--proxies", "BTC"], files);
    expect(split.stdout).toBe(single.stdout);
  });

  it("with --changes log, log vol-of-vols × current vols in points give the same hedge as the absolute ones (Σ_abs = D·Σ_rel·D)", () => {
    const files = {
      "log-volvol.csv": "asset,volvol\nALT,0.03\nBTC,0.04\nETH,0.04\n",
      "log-corr.csv": readFileSync(fixture("hedge-corr.csv"), "utf8").replace(/^abs,/, "log,"),
      "current-vols.csv": "asset,vol\nALT,100\nBTC,50\nETH,62.5\n",
    };
    const absolute = JSON.parse(runXvega(hedgeArgs("BTC,ETH", fixture("hedge-corr.csv"), "--format", "json")).stdout) as HedgeJson;
    const logRun = runXvega(
      ["hedge", "--exposures", BOOK, "--corr", "log-corr.csv", "--volvol", "log-volvol.csv", "--current-vols", "current-vols.csv",
        "--proxies", "BTC,ETH", "--changes", "log", "--format", "json"],
      files,
    );
    expect(logRun.status).toBe(0);
    const relative = JSON.parse(logRun.stdout) as HedgeJson;
    expect(relative.changes).toBe("log");
    relative.proxies.forEach((line, index) => expectClose(line.hedge_vega, absolute.proxies[index]?.hedge_vega ?? Number.NaN, { relative: 1e-12 }, line.asset));
    expectClose(relative.residual_sd, absolute.residual_sd as number, { relative: 1e-12 }, "residual sd");
  });

  it("reads exposure rows with a trailing comma like rows without (issue 8 item 14)", () => {
    const files = { "plain.csv": "asset,vega\nALT,6000\nALT,4000\n", "trailing.csv": "asset,vega\nALT,6000,\nALT,4000, \n" };
    const args = (book: string): string[] => ["hedge", "--exposures", book, "--corr", fixture("hedge-corr.csv"), "--volvol", VOLVOL, "--proxies", "BTC"];
    const trailing = runXvega(args("trailing.csv"), files);
    expect(trailing.status).toBe(0);
    expect(trailing).toEqual(runXvega(args("plain.csv"), files));
  });

  it("a ridge shrinks the collinear hedge, and says so", () => {
    const run = runXvega(hedgeArgs("BTC,ETH", fixture("hedge-corr-collinear.csv"), "--ridge", "0.05", "--format", "json"));
    expect(run.status).toBe(0);
    const result = JSON.parse(run.stdout) as HedgeJson;
    expect(result.ridge).toBe(0.05);
    const gross = result.proxies.reduce((sum, line) => sum + Math.abs(line.hedge_vega), 0);
    expect(gross).toBeLessThan(20000);
    expect(result.warnings.map((warning) => warning.code)).toContain("ridgeApplied");
    expect(run.stderr).toContain("warning: a ridge of 0.05");
  });

  it("without --volvol, warns that every asset is taken to move alike", () => {
    const run = runXvega(["hedge", "--exposures", BOOK, "--corr", fixture("hedge-corr.csv"), "--proxies", "BTC"]);
    expect(run.status).toBe(0);
    // s = 1 for all: the one-proxy hedge is −ρ·v.
    expectClose(Number(field(parseHedgeCsv(run.stdout).proxies[0], "hedge_vega")), -8000, { relative: 1e-12 }, "hedge");
    expect(run.stderr).toMatch(/^xvega hedge: warning: no vol-of-vols were given/);
  });

  it("reads volcorr's output as --corr and as --volvol", () => {
    const estimate = runXvega(["volcorr", fixture("volcorr-history.csv")]);
    const files = { "estimate.csv": estimate.stdout };
    const run = runXvega(["hedge", "--exposures", BOOK, "--corr", "estimate.csv", "--volvol", "estimate.csv", "--proxies", "BTC,ETH"], files);
    expect(run.status).toBe(0);
    // volcorr marks both tables abs, as --changes (by default) says: nothing to note.
    expect(run.stderr).toBe("");
    expect(parseHedgeCsv(run.stdout).proxies.map((record) => record.asset)).toEqual(["BTC", "ETH"]);
  });
});

describe("xvega hedge contracts", () => {
  const BTC_ETH = CASES.find((workedCase) => workedCase.name === "BTC + ETH");
  const [btcHedge = Number.NaN, ethHedge = Number.NaN] = BTC_ETH?.exact.hedge ?? [];

  it("sizes contracts = hedge vega / vega per contract and rounds them to the lot sizes, in --proxies order", () => {
    const run = runXvega(hedgeArgs("BTC,ETH", fixture("hedge-corr.csv"), "--contract-vegas", "150,9", "--lot-sizes", "0.1,1"));
    expect(run.status).toBe(0);
    const { proxies, statistics } = parseHedgeCsv(run.stdout);
    expect(Object.keys(proxies[0] ?? {})).toEqual(["asset", "hedge_vega", "contracts", "rounded_contracts", "rounded_hedge_vega"]);
    const [btc, eth] = proxies;
    expectClose(Number(field(btc, "contracts")), btcHedge / 150, { relative: 1e-12 }, "BTC contracts");
    expectClose(Number(field(eth, "contracts")), ethHedge / 9, { relative: 1e-12 }, "ETH contracts");
    // −18.42 BTC contracts in lots of 0.1 → −18.4; −912.28 ETH contracts in whole lots → −912.
    expect(field(btc, "rounded_contracts")).toBe("-18.4");
    expect(field(eth, "rounded_contracts")).toBe("-912");
    expect(Number(field(btc, "rounded_hedge_vega"))).toBeCloseTo(-2760, 9);
    expect(Number(field(eth, "rounded_hedge_vega"))).toBe(-8208);
    // The residual of the rounded hedge, recomputed here: w = (ALT 10,000, BTC −2,760, ETH −8,208).
    const correlation = [[1, 0.8, 0.85], [0.8, 1, 0.9], [0.85, 0.9, 1]];
    const deviations = [3, 2, 2.5];
    const rounded = pnlVariance([10000, -2760, -8208], deviations, correlation);
    const unhedged = pnlVariance([10000, 0, 0], deviations, correlation);
    expectClose(Number(statistics.get("residual_sd_after_rounding")), Math.sqrt(rounded), { relative: 1e-12 }, "residual after rounding");
    expectClose(Number(statistics.get("effectiveness_after_rounding")), 1 - rounded / unhedged, { relative: 1e-12 }, "effectiveness after rounding");
    expect(Number(statistics.get("residual_sd_after_rounding"))).toBeGreaterThanOrEqual(Number(statistics.get("residual_sd")));
  });

  it("rounds to whole contracts by default, and takes one lot size for all proxies", () => {
    const whole = JSON.parse(runXvega(hedgeArgs("BTC", fixture("hedge-corr.csv"), "--contract-vegas", "7", "--format", "json")).stdout) as HedgeJson;
    // −12,000 / 7 = −1714.29 contracts.
    expect(whole.proxies[0]).toMatchObject({ rounded_contracts: -1714, rounded_hedge_vega: -11998 });
    expectClose(whole.proxies[0]?.contracts, -12000 / 7, { relative: 1e-12 }, "contracts");
    const lots = JSON.parse(runXvega(hedgeArgs("BTC,ETH", fixture("hedge-corr.csv"), "--contract-vegas", "150,9", "--lot-sizes", "10", "--format", "json")).stdout) as HedgeJson;
    expect(lots.proxies.map((line) => line.rounded_contracts)).toEqual([-20, -910]);
    expect(Object.keys(lots)).toEqual(expect.arrayContaining(["residual_sd_after_rounding", "effectiveness_after_rounding"]));
  });
});

describe("xvega hedge errors", () => {
  const CORR = fixture("hedge-corr.csv");

  it("a bad exposure row stops the hedge: exit 2, nothing on stdout, every bad row named by line", () => {
    const run = runXvega(["hedge", "--exposures", fixture("hedge-bad-book.csv"), "--corr", CORR, "--volvol", VOLVOL, "--proxies", "BTC"]);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe("");
    const lines = run.stderr.trimEnd().split("\n");
    const path = fixture("hedge-bad-book.csv");
    expect(lines).toEqual([
      `xvega hedge: ${path} line 3 (ETH): vega "12,000" is not a number; expected the row's cash vega per vol point (e.g. USD per vol point, negative when short vol)`,
      `xvega hedge: ${path} line 4: asset is blank (vega "500"); every row needs an asset name such as BTC`,
      `xvega hedge: ${path} line 6 (BTC): vega is blank; expected the row's cash vega per vol point (e.g. USD per vol point, negative when short vol)`,
      `xvega hedge: no hedge computed: 3 of 5 rows of ${path} are unusable, and a hedge of part of the book would hedge the wrong risk; fix them and run again`,
    ]);
  });

  it.each([
    ["a proxy missing from the matrix", ["--proxies", "SOL"], {}, "asset SOL is not in the correlation matrix (its assets: ALT, BTC, ETH): add a row and a column for it"],
    ["a target missing from the vol-of-vols", ["--proxies", "BTC", "--volvol", "short-volvol.csv"], { "short-volvol.csv": "asset,volvol\nBTC,2\n" }, "no vol-of-vol for ALT"],
    ["a matrix that is not positive semidefinite", ["--proxies", "BTC", "--corr", "not-psd.csv"], { "not-psd.csv": ",ALT,BTC,ETH\nALT,1,0.9,0.9\nBTC,0.9,1,-0.9\nETH,0.9,-0.9,1\n" }, "repair it with xvega nearcorr not-psd.csv"],
    ["an asymmetric matrix", ["--proxies", "BTC", "--corr", "asymmetric.csv"], { "asymmetric.csv": ",ALT,BTC\nALT,1,0.8\nBTC,0.7,1\n" }, "the matrix must be symmetric"],
    ["proxies that are one risk", ["--proxies", "BTC,ETH", "--corr", "singular.csv"], { "singular.csv": ",ALT,BTC,ETH\nALT,1,0.8,0.8\nBTC,0.8,1,1\nETH,0.8,1,1\n" }, "proxies BTC and ETH have correlation 1.000000"],
    ["a matrix entry that is not a number", ["--proxies", "BTC", "--corr", "text.csv"], { "text.csv": ",ALT,BTC\nALT,1,high\nBTC,0.8,1\n" }, 'text.csv line 2, entry (ALT, BTC): entry "high" is not a number'],
    ["a negative vol-of-vol", ["--proxies", "BTC", "--volvol", "negative.csv"], { "negative.csv": "asset,volvol\nALT,3\nBTC,-2\n" }, "vol-of-vol for BTC is -2"],
  ])("%s: exit 2, the engine's message on stderr, nothing on stdout", (_, extra, files, message) => {
    const base: Record<string, string> = { "--exposures": BOOK, "--corr": CORR, "--volvol": VOLVOL };
    const args = [...extra];
    for (const [option, value] of Object.entries(base)) if (!args.includes(option)) args.push(option, value);
    const run = runXvega(["hedge", ...args], files);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr.split("\n")[0]).toContain(message);
    expect(run.stderr).toMatch(/^xvega hedge: /);
    expect(run.stderr).not.toContain("usage:");
  });

  it.each([
    ["no --corr", ["--exposures", BOOK, "--proxies", "BTC"], {}, "missing required option --corr FILE.csv"],
    ["no options at all", [], {}, "missing required options --exposures FILE.csv, --corr FILE.csv, --proxies BTC,ETH"],
    ["an operand", ["book.csv", "--exposures", BOOK, "--corr", CORR, "--proxies", "BTC"], {}, 'expected no arguments, only options, got "book.csv"'],
    ["a missing exposures file", ["--exposures", "nowhere.csv", "--corr", CORR, "--proxies", "BTC"], {}, "cannot read nowhere.csv: no such file"],
    ["an exposures file without a vega column", ["--exposures", "legs.csv", "--corr", CORR, "--proxies", "BTC"], { "legs.csv": "asset,cash\nALT,1\n" }, "legs.csv has no column vega (required: asset, vega; found: asset, cash)"],
    ["a matrix that is not square", ["--exposures", BOOK, "--corr", "short.csv", "--proxies", "BTC"], { "short.csv": ",ALT,BTC\nALT,1,0.8\n" }, "short.csv has 1 matrix row under a header of 2 assets (line 1)"],
    ["row names unlike the header", ["--exposures", BOOK, "--corr", "swapped.csv", "--proxies", "BTC"], { "swapped.csv": ",ALT,BTC\nBTC,1,0.8\nALT,0.8,1\n" }, "swapped.csv line 2 is named BTC but column 1 is ALT"],
    ["a matrix without names", ["--exposures", BOOK, "--corr", "bare.csv", "--proxies", "BTC"], { "bare.csv": "1,0.8\n0.8,1\n" }, "bare.csv has no asset names"],
    ["a proxy named twice", ["--exposures", BOOK, "--corr", CORR, "--proxies", "BTC, btc"], {}, "--proxies names btc twice"],
    ["an empty proxy", ["--exposures", BOOK, "--corr", CORR, "--proxies", "BTC,,ETH"], {}, '--proxies "BTC,,ETH" has an empty proxy (item 2)'],
    ["one contract vega for two proxies", ["--exposures", BOOK, "--corr", CORR, "--proxies", "BTC,ETH", "--contract-vegas", "150"], {}, "--contract-vegas has 1 value for 2 proxies (BTC, ETH)"],
    ["a zero contract vega", ["--exposures", BOOK, "--corr", CORR, "--proxies", "BTC", "--contract-vegas", "0"], {}, "--contract-vegas for BTC is 0"],
    ["lot sizes without contract vegas", ["--exposures", BOOK, "--corr", CORR, "--proxies", "BTC", "--lot-sizes", "1"], {}, "--lot-sizes needs --contract-vegas"],
    ["a zero lot size", ["--exposures", BOOK, "--corr", CORR, "--proxies", "BTC", "--contract-vegas", "150", "--lot-sizes", "0"], {}, "--lot-sizes for BTC is 0"],
    ["a ridge that is not a number", ["--exposures", BOOK, "--corr", CORR, "--proxies", "BTC", "--ridge", "some"], {}, '--ridge "some" is not a number'],
    ["a negative ridge", ["--exposures", BOOK, "--corr", CORR, "--proxies", "BTC", "--ridge=-1"], {}, "--ridge -1 must be from 0 (none) to 1000000"],
    ["a negative ridge without =", ["--exposures", BOOK, "--corr", CORR, "--proxies", "BTC", "--ridge", "-1"], {}, "option '--ridge' argument is ambiguous: to give a value that starts with a dash, join it with =, as in --ridge=-1"],
    ["log changes without current vols", ["--exposures", BOOK, "--corr", CORR, "--proxies", "BTC", "--changes", "log"], {}, "--changes log needs --current-vols FILE.csv"],
    ["current vols with absolute changes", ["--exposures", BOOK, "--corr", CORR, "--proxies", "BTC", "--current-vols", VOLVOL], {}, "--current-vols is used only with --changes log"],
    ["an unknown kind of changes", ["--exposures", BOOK, "--corr", CORR, "--proxies", "BTC", "--changes", "pct"], {}, '--changes "pct" is not one of abs, log'],
  ])("%s: exit 1, one line and the usage on stderr", (_, args, files, message) => {
    const run = runXvega(["hedge", ...args], files);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe("");
    const lines = run.stderr.split("\n");
    expect(lines[0]).toContain(`xvega hedge: ${message}`);
    expect(lines[1]).toMatch(/^usage: xvega hedge --exposures FILE\.csv --corr FILE\.csv --proxies BTC,ETH \[/);
  });
});

/* Issue 8 item 1: a file's change-kind marker (abs/log in its top-left cell) must agree with --changes. */
describe("xvega hedge change-kind markers", () => {
  const CORR = fixture("hedge-corr.csv");
  const history = fixture("volcorr-history.csv");
  const logEstimate = runXvega(["volcorr", history, "--changes", "log"]).stdout;
  const absEstimate = runXvega(["volcorr", history]).stdout;
  const currentVols = "asset,vol\nALT,100\nBTC,50\nETH,62.5\n";
  const files = { "log.csv": logEstimate, "abs.csv": absEstimate, "current-vols.csv": currentVols };

  it("refuses volcorr --changes log output under the default --changes abs, naming the file, the marker and the fix", () => {
    const run = runXvega(["hedge", "--exposures", BOOK, "--corr", "log.csv", "--volvol", "log.csv", "--proxies", "BTC"], files);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr.split("\n")[0]).toBe(
      "xvega hedge: --corr log.csv is marked log (its top-left cell: log vol changes, ln(level / previous level)) but --changes is abs (the default): " +
        "run with --changes log --current-vols FILE.csv (columns asset, vol), or estimate again with xvega volcorr --changes abs",
    );
  });

  it("refuses a log vol-of-vol file beside an unmarked matrix, and an abs file under --changes log", () => {
    const logVolvol = runXvega(["hedge", "--exposures", BOOK, "--corr", CORR, "--volvol", "log.csv", "--proxies", "BTC"], files);
    expect(logVolvol.status).toBe(1);
    expect(logVolvol.stderr.split("\n")[0]).toContain("xvega hedge: --volvol log.csv is marked log");
    const absUnderLog = runXvega(
      ["hedge", "--exposures", BOOK, "--corr", "abs.csv", "--volvol", "abs.csv", "--proxies", "BTC", "--changes", "log", "--current-vols", "current-vols.csv"],
      files,
    );
    expect(absUnderLog.status).toBe(1);
    expect(absUnderLog.stderr.split("\n")[0]).toBe(
      "xvega hedge: --corr abs.csv is marked abs (its top-left cell: absolute vol changes, in vol points) but --changes is log: " +
        "leave out --changes log (and --current-vols), or estimate again with xvega volcorr --changes log and give that file as --corr",
    );
  });

  it("reads volcorr --changes log output under --changes log, without a note", () => {
    const run = runXvega(
      ["hedge", "--exposures", BOOK, "--corr", "log.csv", "--volvol", "log.csv", "--proxies", "BTC", "--changes", "log", "--current-vols", "current-vols.csv"],
      files,
    );
    expect(run.status).toBe(0);
    expect(run.stderr).toBe("");
    expect(parseHedgeCsv(run.stdout).statistics.get("changes")).toBe("log");
  });

  it("reads a matrix saved from XV.VOLCORR's spill (top-left log, names across and down) the same way", () => {
    const spill = "log,ALT,BTC,ETH\nALT,1,0.8,0.85\nBTC,0.8,1,0.9\nETH,0.85,0.9,1\n";
    const volvols = "asset,volvol\nALT,0.03\nBTC,0.04\nETH,0.04\n";
    const spillFiles = { "spill.csv": spill, "volvols.csv": volvols, "current-vols.csv": currentVols };
    const refused = runXvega(["hedge", "--exposures", BOOK, "--corr", "spill.csv", "--volvol", "volvols.csv", "--proxies", "BTC"], spillFiles);
    expect(refused.status).toBe(1);
    expect(refused.stderr.split("\n")[0]).toContain("--corr spill.csv is marked log");
    const read = runXvega(
      ["hedge", "--exposures", BOOK, "--corr", "spill.csv", "--volvol", "volvols.csv", "--proxies", "BTC", "--changes", "log", "--current-vols", "current-vols.csv", "--format", "json"],
      spillFiles,
    );
    expect(read.status).toBe(0);
    // Only the unmarked vol-of-vols get the note.
    expect(read.stderr).toBe(
      "xvega hedge: note: volvols.csv has no change-kind marker (abs or log in the top-left cell, as xvega volcorr writes it): " +
        "read as log (log vol changes, ln(level / previous level)), as --changes says\n",
    );
    // One proxy: h = −ρ·(s_t·D_t)/(s_p·D_p)·v = −0.8 × (0.03 × 100)/(0.04 × 50) × 10,000 = −12,000.
    expectClose((JSON.parse(read.stdout) as HedgeJson).proxies[0]?.hedge_vega, -12000, { relative: 1e-12 }, "hedge");
  });

  it("reads unmarked files as --changes says, with a note naming them and the kind assumed, and hedges as marked ones", () => {
    const unmarked = {
      "corr.csv": ",ALT,BTC,ETH\nALT,1,0.8,0.85\nBTC,0.8,1,0.9\nETH,0.85,0.9,1\n",
      "volvol.csv": "asset,volvol\nALT,3\nBTC,2\nETH,2.5\n",
    };
    const run = runXvega(["hedge", "--exposures", BOOK, "--corr", "corr.csv", "--volvol", "volvol.csv", "--proxies", "BTC"], unmarked);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe(
      "xvega hedge: note: corr.csv and volvol.csv have no change-kind marker (abs or log in the top-left cell, as xvega volcorr writes it): " +
        "read as abs (absolute vol changes, in vol points), the default of --changes\n",
    );
    expect(run.stdout).toBe(runXvega(hedgeArgs("BTC")).stdout);
    const given = runXvega(["hedge", "--exposures", BOOK, "--corr", "corr.csv", "--proxies", "BTC", "--changes", "abs"], unmarked);
    expect(given.stderr).toContain("xvega hedge: note: corr.csv has no change-kind marker (abs or log in the top-left cell, as xvega volcorr writes it): read as abs (absolute vol changes, in vol points), as --changes says\n");
  });
});

/* Issue 8 item 2: never size a hedge from xvega vega's per-unit vega column. */
describe("xvega hedge --exposures from xvega vega's output", () => {
  const CORR = fixture("hedge-corr.csv");
  const legs =
    "asset,underlying,strike,years,vol,qty,multiplier\nALT,100,100,1,0.2,10,100\nALT,100,90,0.5,0.25,-5,100\n";
  const legsWithoutSize = "asset,underlying,strike,years,vol\nALT,100,100,1,0.2\n";
  const vegaOutput = runXvega(["vega", "legs.csv"], { "legs.csv": legs }).stdout;
  const perUnitOutput = runXvega(["vega", "legs.csv"], { "legs.csv": legsWithoutSize }).stdout;
  const positionTotal = csvRecords(vegaOutput).reduce((sum, record) => sum + Number(field(record, "position_vega")), 0);

  function hedgeOf(exposures: string, text: string, ...more: string[]): CliRun {
    return runXvega(["hedge", "--exposures", exposures, "--corr", CORR, "--volvol", VOLVOL, "--proxies", "BTC", "--format", "json", ...more], {
      [exposures]: text,
    });
  }

  it("sizes the hedge from position_vega, not from the per-unit vega", () => {
    const run = hedgeOf("vega-output.csv", vegaOutput);
    expect(run.status).toBe(0);
    // DOMAIN.md §2: BTC alone hedges −1.2 × the book's net vega.
    expectClose((JSON.parse(run.stdout) as HedgeJson).proxies[0]?.hedge_vega, -1.2 * positionTotal, { relative: 1e-12 }, "hedge");
    expect(Math.abs(positionTotal)).toBeGreaterThan(100);
  });

  it("refuses xvega vega's output without position_vega, saying which column to use", () => {
    const run = hedgeOf("per-unit.csv", perUnitOutput);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr.split("\n")[0]).toBe(
      "xvega hedge: per-unit.csv looks like xvega vega output (columns underlying, strike, years, vol, vega) without position_vega: " +
        "its vega is per unit of underlying, not each position's cash vega, and would size a wrong hedge; add qty and multiplier " +
        "columns to the legs and run xvega vega again (it then adds position_vega, which the hedge reads), or name the cash-vega column with --vega-column",
    );
  });

  it("reads the column named by --vega-column, and refuses a name the file lacks", () => {
    const book = "asset,vega_usd,vega\nALT,10000,0.4\n";
    const run = hedgeOf("book.csv", book, "--vega-column", " Vega_USD ");
    expect(run.status).toBe(0);
    expectClose((JSON.parse(run.stdout) as HedgeJson).proxies[0]?.hedge_vega, -12000, { relative: 1e-12 }, "hedge");
    const missing = hedgeOf("book.csv", book, "--vega-column", "cash_vega");
    expect(missing.status).toBe(1);
    expect(missing.stderr.split("\n")[0]).toBe("xvega hedge: book.csv has no column cash_vega (required: asset, cash_vega; found: asset, vega_usd, vega)");
  });

  it("names a failed xvega vega row by its position_vega column", () => {
    const failed = "asset,underlying,strike,years,vol,qty,multiplier,vega,position_vega,error\nALT,100,100,1,0.2,10,100,,,vol is blank\n";
    const run = hedgeOf("failed.csv", failed);
    expect(run.status).toBe(2);
    expect(run.stderr.split("\n")[0]).toBe(
      "xvega hedge: failed.csv line 2 (ALT): position_vega is blank; expected the row's cash vega per vol point (e.g. USD per vol point, negative when short vol)",
    );
  });
});
