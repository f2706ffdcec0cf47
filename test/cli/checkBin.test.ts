/*
 * `xvega check` through bin/xvega.js on the compiled CLI (build/node): the worker pool checks books in parallel and
 * prints them in a stable order, the same output as one worker. Needs `npm run build:node` (npm test does it).
 */
import { spawnSync } from "child_process";
import { existsSync } from "fs";
import { join } from "path";

const ROOT = join(__dirname, "..", "..");
const LAUNCHER = join(ROOT, "bin", "xvega.js");
const COMPILED_WORKER = join(ROOT, "build", "node", "src", "check", "checkWorker.js");
const BOOKS = join("test", "fixtures", "check");

function check(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(LAUNCHER, ["check", ...args], { cwd: ROOT, encoding: "utf8", timeout: 120_000 });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("xvega check, installed", () => {
  beforeAll(() => {
    if (!existsSync(COMPILED_WORKER)) throw new Error(`${COMPILED_WORKER} is missing: run "npm run build:node" first (npm test does it)`);
  });

  it("gives the same output, in the same order, with a pool of workers as with one", () => {
    const pooled = check([BOOKS, "--as-of", "2026-11-21", "--workers", "3", "--format", "json"]);
    const single = check([BOOKS, "--as-of", "2026-11-21", "--workers", "1", "--format", "json"]);
    expect(pooled.status).toBe(2);
    expect(pooled.stdout).toBe(single.stdout);
    expect(pooled.stderr).toBe(single.stderr);
    const files = (JSON.parse(pooled.stdout) as { workbooks: { file: string }[] }).workbooks.map((entry) => entry.file);
    expect(files).toEqual([...files].sort());
    expect(files).toHaveLength(9);
  }, 240_000);
});
