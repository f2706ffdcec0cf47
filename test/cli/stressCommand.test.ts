import { DEFAULT_CORRELATION_SHIFTS, stressHedge, type CorrelationStressInput, type CorrelationStressResult } from "../../src/core/backtest";
import { CliRun, csvRecords, field, fixture, runXvega } from "./runXvega";

/*
 * `xvega stress`: the plumbing from files to core's stressHedge and back (the engine's numbers are tested in
 * test/core/backtest). The files are DOMAIN.md §2's worked example (test/fixtures/cli/hedge-*.csv: ALT +10,000 USD
 * per vol point in two legs; s = ALT 3, BTC 2, ETH 2.5; ρ(ALT,BTC) 0.8, ρ(ALT,ETH) 0.85, ρ(BTC,ETH) 0.9); each run is
 * compared with the engine called here on the same values, written out by hand.
 */

const BOOK = fixture("hedge-book.csv");
const CORR = fixture("hedge-corr.csv");
const VOLVOL = fixture("hedge-volvol.csv");
const COLUMNS = ["shift", "held_effectiveness", "held_residual_sd", "reoptimised_effectiveness", "repaired"];

/** The worked example as the engine takes it: the book's two legs, the matrix and the vol-of-vols of the fixtures. */
const WORKED: Omit<CorrelationStressInput, "proxies"> = {
  targets: [
    { asset: "ALT", vegaPerVolPoint: 6000 },
    { asset: "alt", vegaPerVolPoint: 4000 },
  ],
  correlation: {
    assets: ["ALT", "BTC", "ETH"],
    values: [
      [1, 0.8, 0.85],
      [0.8, 1, 0.9],
      [0.85, 0.9, 1],
    ],
  },
  volOfVols: [
    { asset: "ALT", value: 3 },
    { asset: "BTC", value: 2 },
    { asset: "ETH", value: 2.5 },
  ],
};

interface StressJson {
  rows: { shift: number; held_effectiveness: number; held_residual_sd: number; reoptimised_effectiveness: number; repaired: boolean }[];
  warnings: string[];
}

function expectedJson(result: CorrelationStressResult): StressJson {
  return {
    rows: result.rows.map((row) => ({
      shift: row.shift,
      held_effectiveness: row.heldEffectiveness,
      held_residual_sd: row.heldResidualSd,
      reoptimised_effectiveness: row.reoptimisedEffectiveness,
      repaired: row.repaired,
    })),
    warnings: result.warnings.map((warning) => warning.message),
  };
}

function stress(proxies: string, ...more: string[]): CliRun {
  return runXvega(["stress", "--exposures", BOOK, "--corr", CORR, "--volvol", VOLVOL, "--proxies", proxies, ...more]);
}

function json(run: CliRun): StressJson {
  expect(`exit ${run.status}: ${run.stderr}`).toMatch(/^exit 0: /);
  return JSON.parse(run.stdout) as StressJson;
}

describe("xvega stress: output", () => {
  it("JSON: rows and warnings under exactly the issue's keys; the default shifts, in order", () => {
    const document = json(stress("BTC,ETH", "--format", "json"));
    expect(Object.keys(document)).toEqual(["rows", "warnings"]);
    for (const row of document.rows) expect(Object.keys(row)).toEqual(COLUMNS);
    expect(document.rows.map((row) => row.shift)).toEqual([...DEFAULT_CORRELATION_SHIFTS]);
  });

  it.each([["BTC"], ["BTC,ETH"], ["ETH,BTC"]])("numbers equal the engine's on the same inputs, proxies %s", (proxies) => {
    const document = json(stress(proxies, "--format", "json"));
    expect(document).toEqual(expectedJson(stressHedge({ ...WORKED, proxies: proxies.split(",") })));
  });

  it("CSV: the header shift,held_effectiveness,…,repaired, one row per shift with the JSON's numbers in full precision, then the warning table", () => {
    const run = stress("BTC,ETH");
    expect(run.status).toBe(0);
    const tables = run.stdout.split("\n\n");
    expect(tables).toHaveLength(2);
    expect(tables[0]?.split("\n")[0]).toBe(COLUMNS.join(","));
    expect(tables[1]).toBe("warning\n");
    const document = json(stress("BTC,ETH", "--format", "json"));
    const records = csvRecords(tables[0] ?? "");
    expect(records).toHaveLength(document.rows.length);
    records.forEach((record, index) => {
      const row = document.rows[index];
      expect(Number(field(record, "shift"))).toBe(row?.shift);
      expect(Number(field(record, "held_effectiveness"))).toBe(row?.held_effectiveness);
      expect(Number(field(record, "held_residual_sd"))).toBe(row?.held_residual_sd);
      expect(Number(field(record, "reoptimised_effectiveness"))).toBe(row?.reoptimised_effectiveness);
      expect(field(record, "repaired")).toBe(String(row?.repaired));
    });
  });

  it("the shift-0 row repeats xvega hedge's effectiveness and residual sd", () => {
    const row = json(stress("BTC,ETH", "--shifts", "0", "--format", "json")).rows[0];
    const hedge = JSON.parse(runXvega(["hedge", "--exposures", BOOK, "--corr", CORR, "--volvol", VOLVOL, "--proxies", "BTC,ETH", "--format", "json"]).stdout) as Record<string, unknown>;
    expect(row?.held_effectiveness).toBe(hedge.effectiveness);
    expect(row?.reoptimised_effectiveness).toBe(hedge.effectiveness);
    expect(row?.held_residual_sd).toBe(hedge.residual_sd);
  });

  it("a shift that leaves no valid matrix is repaired: repaired true in JSON, true in CSV, the rest false", () => {
    // +0.2: ρ(ALT,BTC) 1 and ρ(ALT,ETH) 1 (clipped from 1.05) with ρ(BTC,ETH) 0.9 contradict each other.
    const document = json(stress("BTC,ETH", "--shifts", "0,0.2", "--format", "json"));
    expect(document.rows.map((row) => row.repaired)).toEqual([false, true]);
    expect(document).toEqual(expectedJson(stressHedge({ ...WORKED, proxies: ["BTC", "ETH"], shifts: [0, 0.2] })));
    const csv = csvRecords(stress("BTC,ETH", "--shifts", "0,0.2").stdout.split("\n\n")[0] ?? "");
    expect(csv.map((record) => field(record, "repaired"))).toEqual(["false", "true"]);
  });

  it("warnings (here: no vol-of-vols) go to JSON as strings, to the CSV warning table and to stderr", () => {
    const argv = ["stress", "--exposures", BOOK, "--corr", CORR, "--proxies", "BTC"];
    const run = runXvega([...argv, "--format", "json"]);
    const document = json(run);
    expect(document.warnings).toHaveLength(1);
    expect(document.warnings[0]).toMatch(/^no vol-of-vols were given/);
    expect(run.stderr).toContain(`xvega stress: warning: ${document.warnings[0]}\n`);
    const csv = runXvega(argv).stdout.split("\n\n")[1] ?? "";
    expect(csvRecords(csv).map((record) => field(record, "warning"))).toEqual(document.warnings);
  });
});

describe("xvega stress: --shifts", () => {
  const expected = expectedJson(stressHedge({ ...WORKED, proxies: ["BTC"], shifts: [-0.5, 0] }));

  it.each([
    ["joined with =", ["--shifts=-0.5,0"]],
    ["spaced, starting with a minus sign", ["--shifts", "-0.5,0"]],
    ["spaced, with spaces after the commas", ["--shifts", "-0.5, 0"]],
  ])("%s", (_, argv) => {
    expect(json(stress("BTC", ...argv, "--format", "json"))).toEqual(expected);
  });

  it("a negative shift after a positive one needs nothing special", () => {
    expect(json(stress("BTC", "--shifts", "0.1,-0.2", "--format", "json")).rows.map((row) => row.shift)).toEqual([0.1, -0.2]);
  });

  it.each([
    ["a shift beyond ±2", ["--shifts", "-3"], "xvega stress: --shifts item 1 is -3: a shift is added to the target–proxy correlations and must be from -2 to 2"],
    ["a shift that is not a number", ["--shifts", "0,x"], "xvega stress: --shifts "],
    ["an empty item", ["--shifts=-0.5,,0"], "xvega stress: --shifts "],
    ["an option where the shifts should be", ["--shifts", "--format", "json"], "xvega stress: option '--shifts' argument is ambiguous"],
  ])("%s: exit 1", (_, argv, message) => {
    const run = stress("BTC", ...argv);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr.startsWith(message)).toBe(true);
  });
});

describe("xvega stress: the kind of changes", () => {
  const logFiles = (): Record<string, string> => {
    const estimate = runXvega(["volcorr", fixture("volcorr-history.csv"), "--changes", "log"]);
    expect(estimate.status).toBe(0);
    return { "log.csv": estimate.stdout };
  };

  it("a matrix marked log (xvega volcorr --changes log) is refused, as xvega hedge refuses it under --changes abs: exit 1", () => {
    const run = runXvega(["stress", "--exposures", BOOK, "--corr", "log.csv", "--volvol", VOLVOL, "--proxies", "BTC"], logFiles());
    expect(run.status).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr.split("\n")[0]).toBe(
      "xvega stress: --corr log.csv is marked log (its top-left cell: log vol changes, ln(level / previous level)) but the stress works on absolute vol changes, in vol points: estimate again with xvega volcorr --changes abs (the default) and give that file as --corr",
    );
    const hedge = runXvega(["hedge", "--exposures", BOOK, "--corr", "log.csv", "--volvol", VOLVOL, "--proxies", "BTC", "--changes", "abs"], logFiles());
    expect(hedge.status).toBe(1);
  });

  it("vol-of-vols marked log are refused too", () => {
    const run = runXvega(["stress", "--exposures", BOOK, "--corr", CORR, "--volvol", "log.csv", "--proxies", "BTC"], logFiles());
    expect(run.status).toBe(1);
    expect(run.stderr.split("\n")[0]).toMatch(/^xvega stress: --volvol log\.csv is marked log/);
  });

  it("a file without a marker is read as absolute changes, with a note", () => {
    const run = runXvega(["stress", "--exposures", BOOK, "--corr", "plain.csv", "--volvol", VOLVOL, "--proxies", "BTC", "--format", "json"], {
      "plain.csv": ",ALT,BTC,ETH\nALT,1,0.8,0.85\nBTC,0.8,1,0.9\nETH,0.85,0.9,1\n",
    });
    expect(json(run)).toEqual(expectedJson(stressHedge({ ...WORKED, proxies: ["BTC"] })));
    expect(run.stderr).toContain("xvega stress: note: plain.csv has no change-kind marker (abs or log in the top-left cell, as xvega volcorr writes it): read as abs (absolute vol changes, in vol points), the only kind the stress uses\n");
  });
});

describe("xvega stress: refusals", () => {
  it("an asset missing from the matrix: exit 2, nothing printed", () => {
    const run = stress("SOL");
    expect(run.status).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(/^xvega stress: .*SOL/);
    expect(run.stderr).toContain("xvega stress: no stress run\n");
  });

  it("a matrix that is not a correlation matrix: exit 2, pointing at xvega nearcorr", () => {
    const run = runXvega(["stress", "--exposures", BOOK, "--corr", "bad.csv", "--volvol", VOLVOL, "--proxies", "BTC,ETH"], {
      "bad.csv": "abs,ALT,BTC,ETH\nALT,1,0.9,-0.9\nBTC,0.9,1,0.9\nETH,-0.9,0.9,1\n",
    });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("xvega nearcorr bad.csv");
  });

  it("a bad row in the book: exit 2, the row named", () => {
    const run = runXvega(["stress", "--exposures", "book.csv", "--corr", CORR, "--volvol", VOLVOL, "--proxies", "BTC"], { "book.csv": "asset,vega\nALT,1e4\nALT,abc\n" });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("book.csv line 3 (ALT)");
  });

  it.each([
    ["a missing matrix file", ["--exposures", BOOK, "--corr", "nowhere.csv", "--proxies", "BTC"], "xvega stress: cannot read nowhere.csv: no such file"],
    ["no --corr", ["--exposures", BOOK, "--proxies", "BTC"], "xvega stress: missing required option --corr FILE.csv"],
    ["a negative ridge", ["--exposures", BOOK, "--corr", CORR, "--proxies", "BTC", "--ridge=-0.1"], "xvega stress: --ridge -0.1 must be from 0 (none)"],
  ])("%s: exit 1 and the usage", (_, argv, message) => {
    const run = runXvega(["stress", ...argv]);
    expect(run.status).toBe(1);
    expect(run.stderr.startsWith(message)).toBe(true);
    expect(run.stderr).toContain("usage: xvega stress --exposures FILE.csv --corr FILE.csv --proxies BTC,ETH");
  });
});
