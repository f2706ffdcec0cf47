import { formatCsvTables } from "../../src/cli/csvSections";
import { formatTable } from "../../src/cli/csvTable";
import { NonFiniteOutputError } from "../../src/cli/finiteOutput";
import { formatJsonDocument } from "../../src/cli/jsonOutput";
import { runXvega } from "./runXvega";

/*
 * Issue 8 item 6, command-line part: no command prints Infinity or NaN (nor JSON's silent null for them). The writers
 * refuse a number that is not finite, naming where it is; the command prints nothing and explains, with exit 2. The
 * engine should never return such a number: the last test fakes one, so that this defence is tested however the engine
 * handles huge inputs.
 */

const FAKE_OVERFLOW_LEVEL = 999_999;

jest.mock("../../src/core/correlation", () => {
  const actual = jest.requireActual<typeof import("../../src/core/correlation")>("../../src/core/correlation");
  return {
    ...actual,
    // A history holding the level 999,999 stands in for an engine that lets an overflow through (the real engine
    // refuses levels above 1,000,000 before estimating, so the fake is keyed on a level it accepts).
    estimateVolCorrelation: (...[history, options]: Parameters<typeof actual.estimateVolCorrelation>) => {
      const marked = history.levels.some((row) => row.some((level) => level === FAKE_OVERFLOW_LEVEL));
      const estimate = actual.estimateVolCorrelation(history, options);
      if (!marked) return estimate;
      return { ...estimate, volOfVols: estimate.volOfVols.map((value, index) => (index === 0 ? Infinity : value)) };
    },
  };
});

describe("the output writers refuse numbers that are not finite", () => {
  it.each([
    ["Infinity in a CSV table", () => formatCsvTables([[["", "A"], ["A", 1]], [["asset", "volvol"], ["A", Infinity]]]), "row A, column volvol"],
    ["NaN in a CSV table", () => formatTable("csv", ["leg", "vega"], [["L1", 1], ["L2", Number.NaN]]), "row L2, column vega"],
    ["NaN in a JSON table", () => formatTable("json", ["leg", "vega"], [["L1", Number.NaN]]), "vega of row 1"],
    ["-Infinity in a JSON document", () => formatJsonDocument({ names: ["A"], volvols: [-Infinity] }), '"volvols" item 1'],
    ["NaN deep in a JSON document", () => formatJsonDocument({ proxies: [{ asset: "BTC", hedge_vega: Number.NaN }] }), '"proxies" item 1, "hedge_vega"'],
  ])("%s", (_, write, where) => {
    expect(write).toThrow(NonFiniteOutputError);
    try {
      write();
    } catch (error) {
      expect((error as NonFiniteOutputError).where).toBe(where);
      expect((error as Error).message).not.toMatch(/Infinity|NaN/);
    }
  });

  it("let finite numbers through, subnormal ones included", () => {
    expect(formatTable("csv", ["v"], [[5e-324], [-1.7976931348623157e308]])).toBe("v\n5e-324\n-1.7976931348623157e+308\n");
  });
});

describe("a command whose result is not finite prints nothing and explains", () => {
  const levels = Array.from({ length: 30 }, (_, day) => `2025-01-${String(day + 1).padStart(2, "0")},${day === 0 ? FAKE_OVERFLOW_LEVEL : 60 + (day % 7)},${50 + (day % 5)}`);
  const history = `date,A,B\n${levels.join("\n")}\n`;

  it.each([["csv"], ["json"]])("xvega volcorr --format %s: exit 2, where and why on stderr, never Infinity or NaN", (format) => {
    const run = runXvega(["volcorr", "huge.csv", "--format", format], { "huge.csv": history });
    expect(run.status).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).not.toMatch(/Infinity|NaN|null/);
    const where = format === "csv" ? "row A, column volvol" : '"volvols" item 1';
    expect(run.stderr).toBe(
      `xvega volcorr: nothing printed: the result holds a value beyond the range of numbers (about ±1.8E308) at ${where}. ` +
        "The inputs hold numbers too large or too small to compute with (a vol level of 1E200, a contract vega of 1E-320, …): check their units and magnitudes\n",
    );
  });
});
