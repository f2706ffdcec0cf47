/*
 * `xvega hedge` goes through the same engine as XV.XVEGAHEDGE: issue 8's hedge items reach the command line too
 * (items 3, 7 and 14; the engine's own tests are test/core/hedge/proxyHedge.hardening.test.ts).
 */
import { csvRecords, field, fixture, runXvega } from "./runXvega";

const BOOK = fixture("hedge-book.csv");
const VOLVOL = fixture("hedge-volvol.csv");
const CORR = fixture("hedge-corr.csv");
/** ρ(BTC, ETH) = 1: singular, solvable only with a ridge. */
const SINGULAR = { "singular.csv": ",ALT,BTC,ETH\nALT,1,0.8,0.8\nBTC,0.8,1,1\nETH,0.8,1,1\n" };

describe("xvega hedge: hostile inputs (issue 8)", () => {
  test("item 3: a target's vol-of-vol of 0 stops the hedge with exit 2, naming the asset", () => {
    const run = runXvega(["hedge", "--exposures", BOOK, "--corr", CORR, "--proxies", "BTC,ETH", "--volvol", "zero.csv"], { "zero.csv": "asset,volvol\nALT,0\nBTC,2\nETH,2.5\n" });
    expect(run.status).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain("xvega hedge: vol-of-vol of target ALT is 0");
  });

  test("item 7: a negative --contract-vegas stops the hedge, naming the proxy and the value", () => {
    const run = runXvega(["hedge", "--exposures", BOOK, "--corr", CORR, "--volvol", VOLVOL, "--proxies", "BTC,ETH", "--contract-vegas", "100,-200"]);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain("ETH is -200");
  });

  test("item 14: both condition numbers of a singular pair read alike (JSON null), never 9E15", () => {
    const args = ["hedge", "--exposures", BOOK, "--corr", "singular.csv", "--volvol", VOLVOL, "--proxies", "BTC,ETH", "--ridge", "0.05"];
    const json = runXvega([...args, "--format", "json"], SINGULAR);
    expect(json.status).toBe(0);
    const document = JSON.parse(json.stdout) as Record<string, unknown>;
    expect(document.condition).toBeNull();
    expect(document.proxy_correlation_condition).toBeNull();
    const csv = runXvega(args, SINGULAR);
    const statistics = new Map(csvRecords(csv.stdout.split("\n\n")[1] ?? "").map((record) => [field(record, "statistic"), field(record, "value")]));
    expect(statistics.get("proxy_correlation_condition")).toBe(statistics.get("condition"));
    expect(statistics.get("condition")).toBe("∞ (singular)");
  });
});
