/*
 * The installed command: bin/xvega.js run as a child process, through its shebang and executable bit, on the compiled
 * CLI in build/node. `npm test` builds it first; run `npm run build:node` before `npx jest test/cli` by hand.
 */
import { spawnSync } from "child_process";
import { closeSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { csvRecords, fixture } from "./runXvega";
import { expectClose } from "../core/tolerance";

const ROOT = join(__dirname, "..", "..");
const LAUNCHER = join(ROOT, "bin", "xvega.js");
const COMPILED_MAIN = join(ROOT, "build", "node", "src", "cli", "main.js");

function runLauncher(launcher: string, args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(launcher, args, { encoding: "utf8", timeout: 20_000 });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("bin/xvega.js", () => {
  beforeAll(() => {
    if (!existsSync(COMPILED_MAIN)) {
      throw new Error(`${COMPILED_MAIN} is missing: run "npm run build:node" before "npx jest test/cli" (npm test does it)`);
    }
  });

  it("is executable, so that npm links it as the xvega command", () => {
    expect(statSync(LAUNCHER).mode & 0o111).toBe(0o111);
  });

  it("computes a fixture and exits 0", () => {
    const run = runLauncher(LAUNCHER, ["vega", fixture("positions.csv")]);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const [first] = csvRecords(run.stdout);
    // QuantLib ATM case, 37.524035 per 1.00 (DOMAIN.md §4); 10 contracts × multiplier 100.
    expectClose(Number(first?.vega), 0.37524035, { absolute: 5e-9 }, "vega");
    expectClose(Number(first?.position_vega), 375.24035, { absolute: 5e-6 }, "position_vega");
  });

  it("exits 2 on bad rows and 1 on unusable input, with the messages on stderr", () => {
    const bad = runLauncher(LAUNCHER, ["vega", fixture("bad-rows.csv"), "--format", "json"]);
    expect(bad.status).toBe(2);
    expect(JSON.parse(bad.stdout)).toHaveLength(17);
    const missing = runLauncher(LAUNCHER, ["vega", fixture("missing-column.csv")]);
    expect(missing.status).toBe(1);
    expect(missing.stdout).toBe("");
    expect(missing.stderr).toContain("has no column vol");
  });

  it("runs the hedge, correlation and repair subcommands too", () => {
    const hedge = runLauncher(LAUNCHER, [
      "hedge", "--exposures", fixture("hedge-book.csv"), "--corr", fixture("hedge-corr.csv"), "--volvol", fixture("hedge-volvol.csv"),
      "--proxies", "BTC", "--format", "json",
    ]);
    expect(hedge.status).toBe(0);
    // DOMAIN.md §2: BTC alone hedges ALT's +10,000 with −12,000.
    expectClose((JSON.parse(hedge.stdout) as { proxies: { hedge_vega: number }[] }).proxies[0]?.hedge_vega, -12000, { absolute: 1e-8 }, "hedge");
    const bad = runLauncher(LAUNCHER, ["hedge", "--exposures", fixture("hedge-bad-book.csv"), "--corr", fixture("hedge-corr.csv"), "--proxies", "BTC"]);
    expect(bad.status).toBe(2);
    expect(bad.stdout).toBe("");
    expect(runLauncher(LAUNCHER, ["volcorr", fixture("volcorr-history.csv")]).status).toBe(0);
    expect(runLauncher(LAUNCHER, ["nearcorr", fixture("nearcorr-higham.csv")]).status).toBe(0);
  });

  describe("when the output cannot be written (issue 8 item 13)", () => {
    let directory = "";
    let bigFile = "";
    beforeAll(() => {
      directory = mkdtempSync(join(tmpdir(), "xvega-output-"));
      bigFile = join(directory, "big.csv");
      // Far more output than a pipe buffers (64 KiB), so that the writer is still writing when the reader leaves.
      const rows = Array.from({ length: 20_000 }, (_, index) => `L${index},100,${90 + (index % 20)},1,0.2,10,100`);
      writeFileSync(bigFile, ["leg,underlying,strike,years,vol,qty,multiplier", ...rows].join("\n"));
    });
    afterAll(() => rmSync(directory, { recursive: true, force: true }));

    it("a reader that closes the pipe early (| head -1): exits quietly, as Unix tools do", () => {
      const errors = join(directory, "stderr.txt");
      const script = `"${process.execPath}" "${LAUNCHER}" vega "${bigFile}" 2>"${errors}" | head -1; echo "xvega status \${PIPESTATUS[0]}"`;
      const result = spawnSync("bash", ["-c", script], { encoding: "utf8", timeout: 60_000 });
      expect(result.stdout).toBe("leg,underlying,strike,years,vol,qty,multiplier,vega,position_vega,error\nxvega status 0\n");
      expect(readFileSync(errors, "utf8")).toBe("");
    }, 90_000);

    it("a full disk (/dev/full): one line on stderr, exit 1, no stack trace", () => {
      const full = openSync("/dev/full", "w");
      try {
        const result = spawnSync(LAUNCHER, ["vega", bigFile], { stdio: ["ignore", full, "pipe"], encoding: "utf8", timeout: 60_000 });
        expect(result.stderr).toBe("xvega: cannot write the output (ENOSPC): no space left on device: free some space, or write the output elsewhere\n");
        expect(result.status).toBe(1);
      } finally {
        closeSync(full);
      }
    }, 90_000);
  });

  it("says how to build when build/node is missing", () => {
    const directory = mkdtempSync(join(tmpdir(), "xvega-unbuilt-"));
    try {
      mkdirSync(join(directory, "bin"));
      copyFileSync(LAUNCHER, join(directory, "bin", "xvega.js"));
      const run = spawnSync(process.execPath, [join(directory, "bin", "xvega.js"), "--version"], { encoding: "utf8" });
      expect(run.status).toBe(1);
      expect(run.stderr).toBe("xvega is not built: run npm run build:node\n");
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });
});
