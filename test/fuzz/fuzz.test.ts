/*
 * The short seeded run of `npm run fuzz` (a few thousand inputs over every XV function and xvega command, a few real
 * child processes, the timing checks at small sizes), and the checks the fuzzer relies on, each shown to fail on a
 * defect. The long run (1,000,000 inputs) is `npm run fuzz`, not part of `npm test`.
 * Failures listed in knownFailures.ts are tolerated until the fixes of issue 8 are merged; everything else fails here.
 */
import { existsSync } from "fs";
import { join } from "path";
import { RegisteredFunction } from "../../src/functions/functionRegistry";
import { resolveArgument } from "./argumentKinds";
import { CommandInput, outputViolations } from "./commandTargets";
import { DEFAULT_TIME_CAP_MS, runCampaign } from "./fuzzCampaign";
import { formatFailure } from "./fuzzReport";
import { KNOWN_FAILURES, matchKnownFailure } from "./knownFailures";
import { callFunction } from "./functionTargets";
import { runChildProcesses } from "./processRuns";
import { SHORT_SCALING, checkCommandScaling, checkFunctionScaling, checkHardCases } from "./scalingCheck";
import { functionTargets } from "./functionTargets";
import { internalPart, namesASubject } from "./violations";

const SEED = 42;
const COUNT = 2600;

describe("npm run fuzz, short seeded run", () => {
  // First, while the heap is small: a major GC inside a timed call costs in proportion to everything alive.
  it("keeps time per cell linear in the input's size, and the hard cases under the cap", () => {
    const targets = functionTargets(DEFAULT_TIME_CAP_MS);
    const options = { sizes: SHORT_SCALING, timeCapMs: DEFAULT_TIME_CAP_MS, repeats: 5 };
    const reports = [...checkFunctionScaling(targets, options), ...checkHardCases(targets, 50_000, 30, DEFAULT_TIME_CAP_MS), ...checkCommandScaling(options)];
    expect(reports.length).toBeGreaterThanOrEqual(10);
    const failing = reports.filter((entry) => entry.violation !== null && matchKnownFailure(entry.target, entry.violation.check, entry.violation.detail) === null);
    expect(failing.map((entry) => entry.summary)).toEqual([]);
  }, 240_000);

  it(`finds no failure in ${COUNT} random and hostile inputs over every function and command`, () => {
    const reports = runCampaign({
      seed: SEED,
      count: COUNT,
      keepGoing: true,
      known: KNOWN_FAILURES,
      timeCapMs: DEFAULT_TIME_CAP_MS,
      only: [],
      shrinkBudgetMs: 5000,
    });
    expect(reports.length).toBeGreaterThanOrEqual(13);
    for (const report of reports) expect(report.inputs).toBeGreaterThanOrEqual(Math.floor(COUNT / reports.length));
    const failures = reports.flatMap((report) => report.failures).map((failure) => formatFailure(failure, SEED, COUNT));
    expect(failures).toEqual([]);
  }, 240_000);

  it("runs the real bin/xvega.js on generated files, and survives a closed pipe and a full disk", () => {
    const compiled = join(__dirname, "..", "..", "build", "node", "src", "cli", "main.js");
    if (!existsSync(compiled)) throw new Error(`${compiled} is missing: run "npm run build:node" first (npm test does it)`);
    const report = runChildProcesses(4, SEED, DEFAULT_TIME_CAP_MS);
    expect(report.inputs).toBeGreaterThanOrEqual(5);
    expect(report.failures.map((failure) => formatFailure(failure, SEED, COUNT))).toEqual([]);
  }, 120_000);

});

describe("the fuzzer's checks fail on defects", () => {
  const resolved = [resolveArgument("strike", false)];
  const fake = (adapter: (...args: unknown[]) => unknown): RegisteredFunction => ({ name: "XV.FAKE", adapter, argumentNames: ["strike"] });
  const checksOf = (adapter: (...args: unknown[]) => unknown): string[] =>
    callFunction(fake(adapter), resolved, [[[1]]], DEFAULT_TIME_CAP_MS).violations.map((violation) => violation.check);

  it("flags an escaped exception, a NaN cell, an internal or unnamed message, a hidden message and a bad spill", () => {
    expect(checksOf(() => {
      throw new TypeError("x is not a function");
    })).toContain("exception");
    expect(checksOf(() => [[Number.NaN]])).toEqual(["non-finite"]);
    expect(checksOf(() => [[new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, "XV.FAKE failed: Cannot read properties of undefined")]])).toContain("internal-message");
    expect(checksOf(() => [[new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, "something is wrong")]])).toEqual(["unnamed-subject"]);
    expect(checksOf(() => [[new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidNumber, "strike is negative")]])).toEqual(["hidden-message"]);
    expect(checksOf(() => [[1], [2, 3]])).toEqual(["bad-result"]);
    expect(checksOf(() => [[null]])).toEqual(["bad-result"]);
    expect(checksOf(() => [[new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, "row 2: strike -1 must be positive")]])).toEqual([]);
  });

  it("reads a user's own text as theirs: a quoted or echoed NaN is not an internal message", () => {
    expect(internalPart('strike "NaN" is text; expected a positive price')).toBeNull();
    expect(internalPart("asset NaN is not in the correlation matrix", ["NaN"])).toBeNull();
    expect(internalPart("asset NaN is not in the correlation matrix")).toBe("NaN");
    expect(internalPart("its correlations are undefined")).toBeNull();
    expect(namesASubject("row 3: the result is not finite", [])).toBe(true);
    expect(namesASubject("the result is not finite", ["strike"])).toBe(false);
  });

  it("flags a command's stack trace, bad exit, printed Infinity and formula text in its CSV", () => {
    const input: CommandInput = { argv: ["vega", "/fuzz/book.csv"], files: {} };
    const checks = (status: number, stdout: string, stderr: string): string[] => outputViolations(input, status, stdout, stderr).map((violation) => violation.check);
    expect(checks(1, "", "Error: boom\n    at f (/x/main.js:1:2)\n")).toContain("stack-trace");
    expect(checks(3, "", "xvega vega: /fuzz/book.csv has no column vol\n")).toEqual(["bad-exit"]);
    expect(checks(2, "", "")).toEqual(["bad-exit"]);
    expect(checks(0, "note,vega,error\nx,Infinity,\n", "")).toEqual(["non-finite"]);
    expect(checks(0, "note,vega,error\n=1+1,1,\n", "")).toEqual(["csv-injection"]);
    expect(checks(0, "note,vega,error\nx,,\n", "")).toEqual(["bad-output"]);
    expect(checks(0, "note,vega,error\nx,0.5,\n-1%,,strike is blank; expected a positive price\n", "")).toEqual([]);
  });

  it("takes xvega backtest's undefined statistics, null inside stats, as designed, and still flags a null statistic elsewhere", () => {
    const input: CommandInput = { argv: ["backtest", "--format", "json"], files: {} };
    const checks = (stdout: string): string[] => outputViolations(input, 0, stdout, "").map((violation) => violation.check);
    expect(checks('{"rows": [], "stats": {"days": 1, "unhedged_sd": null}, "warnings": []}\n')).toEqual([]);
    expect(checks('{"proxies": [], "unhedged_sd": null, "warnings": []}\n')).toEqual(["bad-output"]);
  });

  it("keeps its known-failure list documented: every entry names the issue item that fixes it", () => {
    for (const entry of KNOWN_FAILURES) expect(entry.reason).toMatch(/^issue 8 item \d+: /);
  });
});
