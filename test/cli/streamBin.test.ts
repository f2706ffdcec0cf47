/*
 * The streaming commands as installed (bin/xvega.js, the compiled CLI in build/node; run `npm run build:node` first):
 * the process reads regular files in 64 KiB chunks, and input that cannot be read twice (a pipe) whole. Either way
 * the output is the in-process whole-file output, byte for byte.
 */
import { spawnSync } from "child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { runXvega } from "./runXvega";

const ROOT = join(__dirname, "..", "..");
const LAUNCHER = join(ROOT, "bin", "xvega.js");

describe("bin/xvega.js streams vega, iv and greeks", () => {
  let directory = "";
  let book = "";
  let text = "";
  beforeAll(() => {
    if (!existsSync(join(ROOT, "build", "node", "src", "cli", "main.js"))) throw new Error('run "npm run build:node" before this test');
    directory = mkdtempSync(join(tmpdir(), "xvega-stream-"));
    book = join(directory, "book.csv");
    // Several 64 KiB chunks, CRLF, quoted fields holding line breaks and commas, a bad row every 97 rows.
    const rows = Array.from({ length: 6000 }, (_, index) =>
      index % 97 === 50
        ? `L${index},"bad, row\r\nnote",100,abc,1,0.2,put`
        : `L${index},"note ""${index}""",${100 + (index % 50)},${90 + (index % 20)},${(1 + (index % 7)) / 4},${0.2 + (index % 5) / 10},${index % 2 === 0 ? "call" : "put"}`,
    );
    text = `\uFEFFleg,note,underlying,strike,years,vol,type\r\n${rows.join("\r\n")}\r\n`;
    writeFileSync(book, text);
  });
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  // Files this small are streamed by the main thread alone; XVEGA_WORKER_MIN_BYTES=0 sends them through the worker
  // threads that large files use (runs of whole records cut at even quote counts, output written in order).
  it.each([
    ["vega", "main thread", ["vega"]],
    ["vega", "worker threads", ["vega"]],
    ["vega --format json", "main thread", ["vega", "--format", "json"]],
    ["vega --format json", "worker threads", ["vega", "--format", "json"]],
    ["greeks", "worker threads", ["greeks"]],
    ["greeks --format json", "worker threads", ["greeks", "--format", "json"]],
  ])("%s on a file of many chunks, by the %s: the whole-file output, exit 2 for the bad rows", (_, by, [command = "", ...options]) => {
    const expected = runXvega([command, "book.csv", ...options], { "book.csv": text });
    const env = by === "worker threads" ? { ...process.env, XVEGA_WORKER_MIN_BYTES: "0" } : process.env;
    const run = spawnSync(process.execPath, [LAUNCHER, command, book, ...options], { encoding: "utf8", env, maxBuffer: 1 << 28, timeout: 60_000 });
    expect(run.stdout.length).toBeGreaterThan(1 << 18);
    expect(run.stdout === expected.stdout).toBe(true);
    expect(run.stderr).toBe(expected.stderr);
    expect(run.status).toBe(2);
  }, 90_000);

  it("a pipe (bash's <(cat book.csv)) is read whole, with the same output", () => {
    const expected = runXvega(["vega", "book.csv"], { "book.csv": text });
    const run = spawnSync("bash", ["-c", `"${process.execPath}" "${LAUNCHER}" vega <(cat "${book}")`], { encoding: "utf8", maxBuffer: 1 << 28, timeout: 60_000 });
    expect(run.stdout === expected.stdout).toBe(true);
    expect(run.status).toBe(2);
  }, 90_000);
});
