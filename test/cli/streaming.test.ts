import { readFileSync } from "fs";
import { runCli, runCliAsync } from "../../src/cli/main";
import { CliIo } from "../../src/cli/subcommand";
import { CliRun, fixture, runXvega } from "./runXvega";

/*
 * Issue 11 part 3: `xvega vega`, `iv` and `greeks` stream (io.openFile: read, compute and write a chunk at a time).
 * Whatever the chunk size, the output, the messages and the exit status are those of the whole-file path (io.readFile,
 * one chunk, which the other tests pin against the goldens): inputs that cross chunk boundaries in every way
 * (quoted fields with line breaks, a byte-order mark, CRLF, multi-byte characters, a bad row in the middle), and
 * unusable files, whose fault may be found only at their end, still print nothing.
 */

/** `xvega ...argv` streamed: each file's bytes arrive in chunks of `chunkBytes`; stdout drains after a tick. */
async function runStreamed(argv: string[], files: Readonly<Record<string, string | Buffer>>, chunkBytes: number): Promise<CliRun & { drains: number }> {
  let stdout = "";
  let stderr = "";
  let drains = 0;
  const bytesOf = (path: string): Buffer => {
    const file = files[path];
    if (file === undefined) return readFileSync(path);
    return typeof file === "string" ? Buffer.from(file, "utf8") : file;
  };
  const io: CliIo = {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    readFile: (path) => bytesOf(path).toString("utf8"),
    openFile: async function* (path) {
      const bytes = bytesOf(path);
      for (let start = 0; start < bytes.length; start += chunkBytes) yield bytes.subarray(start, start + chunkBytes);
    },
    stdoutDrained: () => {
      drains++;
      return new Promise((resolve) => setImmediate(resolve));
    },
  };
  const status = await runCliAsync(argv, io);
  return { status, stdout, stderr, drains };
}

function wholeFile(argv: string[], files: Readonly<Record<string, string | Buffer>>): CliRun {
  const texts: Record<string, string> = {};
  for (const [path, file] of Object.entries(files)) texts[path] = typeof file === "string" ? file : file.toString("utf8");
  return runXvega(argv, texts);
}

const CHUNK_SIZES = [1, 2, 3, 5, 7, 16, 64, 1000, 1 << 16];

async function expectSameAsWholeFile(argv: string[], files: Readonly<Record<string, string | Buffer>> = {}): Promise<CliRun> {
  const expected = wholeFile(argv, files);
  for (const chunkBytes of CHUNK_SIZES) {
    const streamed = await runStreamed(argv, files, chunkBytes);
    expect({ chunkBytes, status: streamed.status, stdout: streamed.stdout, stderr: streamed.stderr }).toEqual({
      chunkBytes,
      status: expected.status,
      stdout: expected.stdout,
      stderr: expected.stderr,
    });
  }
  return expected;
}

/** A book that crosses chunk edges in every way: BOM, CRLF, quotes holding commas and line breaks, a bad row mid-file. */
const TRICKY_BOOK =
  "\uFEFFleg,note,underlying,strike,years,vol,type,qty,multiplier\r\n" +
  'L1,"ATM, the QuantLib case",100,100,1,0.2,call,10,100\r\n' +
  'L2,"two\r\nlines, and a ""quote""",100,90,0.5,65%,put,-3,100\r\n' +
  "L3,=cmd(),100,abc,1,0.2,call,1,1\r\n" +
  "L4,prix en €,49,50,0.3846,0.2,c,2.5,1000\r\n" +
  ",,,,,,,,\r\n" +
  "\r\n" +
  "L5,short row,100,100\r\n" +
  'L6,"",19,19,0.75,0.28,p,2,10';

const IV_BOOK =
  "\uFEFFleg,price,underlying,strike,years,type,model\r\n" +
  'M1,"10.4505835721856",100,100,1,call,bsm\r\n' +
  'M2,0.0125,39165.86,40000,"0.0833",c,inverse\r\n' +
  "M3,0.5,100,50,1,call,bsm\r\n" +
  "M4,5.57352602225697,100,100,1,put,bsm\r\n";

describe("streamed commands give exactly the whole-file output, at every chunk size", () => {
  it.each([
    ["vega, CSV", ["vega", "book.csv"]],
    ["vega, JSON", ["vega", "book.csv", "--format", "json"]],
    ["vega --unit unit", ["vega", "book.csv", "--unit", "unit"]],
    ["greeks, CSV", ["greeks", "book.csv"]],
    ["greeks, JSON", ["greeks", "book.csv", "--format", "json"]],
  ])("%s on a book with a BOM, CRLF, quoted line breaks and bad rows (exit 2, every row printed)", async (_, argv) => {
    const expected = await expectSameAsWholeFile(argv, { "book.csv": TRICKY_BOOK });
    expect(expected.status).toBe(2);
    expect(expected.stderr).toContain("rows failed; see the error column");
  });

  it.each([
    ["CSV", ["iv", "marks.csv"]],
    ["JSON", ["iv", "marks.csv", "--format", "json"]],
  ])("iv, %s", async (_, argv) => {
    const expected = await expectSameAsWholeFile(argv, { "marks.csv": IV_BOOK });
    expect(expected.status).toBe(2);
  });

  it.each([
    ["golden legs", ["vega", fixture("golden-legs.csv")]],
    ["positions (note on stderr, position_vega)", ["vega", fixture("positions.csv"), "--format", "json"]],
    ["bad rows", ["vega", fixture("bad-rows.csv")]],
    ["percent", ["vega", fixture("percent.csv")]],
  ])("the vega fixtures: %s", async (_, argv) => {
    await expectSameAsWholeFile(argv);
  });

  it("a file of only a header: the header alone (CSV) or [] (JSON), exit 0", async () => {
    const files = { "h.csv": "underlying,strike,years,vol\n" };
    expect((await expectSameAsWholeFile(["vega", "h.csv"], files)).stdout).toBe("underlying,strike,years,vol,vega,error\n");
    expect((await expectSameAsWholeFile(["vega", "h.csv", "--format", "json"], files)).stdout).toBe("[]\n");
  });

  it("reads a file that cannot be read twice (openFile gives null: a pipe) whole, synchronously, with the same output", () => {
    const expected = wholeFile(["vega", "book.csv"], { "book.csv": TRICKY_BOOK });
    let stdout = "";
    const status = runCli(["vega", "book.csv"], {
      stdout: (text) => {
        stdout += text;
      },
      stderr: () => undefined,
      readFile: () => TRICKY_BOOK,
      openFile: () => null,
    });
    expect({ status, stdout }).toEqual({ status: expected.status, stdout: expected.stdout });
  });

  it("waits for stdout to drain between chunks", async () => {
    const rows = Array.from({ length: 200 }, (_, index) => `L${index},100,${90 + (index % 20)},1,0.2`);
    const run = await runStreamed(["vega", "big.csv"], { "big.csv": ["leg,underlying,strike,years,vol", ...rows].join("\n") }, 256);
    expect(run.status).toBe(0);
    expect(run.drains).toBeGreaterThan(10);
  });
});

describe("unusable files still print nothing, with the whole-file message, when the fault is found late", () => {
  const many = Array.from({ length: 300 }, (_, index) => `L${index},100,100,1,0.2`).join("\n");

  it.each([
    ["an unclosed quote on the last line, named by its line", `leg,underlying,strike,years,vol\n${many}\n"L300,100,100,1,0.2\n`, "is never closed"],
    ["a quote inside a field, late in the file", `leg,underlying,strike,years,vol\n${many}\nL300,1"00,100,1,0.2\n`, "a quote (\") inside a field"],
    ["text after a closing quote, late in the file", `leg,underlying,strike,years,vol\n${many}\n"L300"x,100,100,1,0.2\n`, "text follows the quote"],
    ["a NUL byte after multi-byte characters, named by its character", `leg,underlying,strike,years,vol\nL€,100,100,1,0.2\n${many}\nL\u0000,1,1,1,1\n`, "holds NUL bytes"],
    ["a semicolon-separated file", "underlying;strike;years;vol\n100;100;1;0,2\n", "looks semicolon-separated"],
    ["a tab-separated file whose lines are cut by chunks", "underlying\tstrike\tyears\tvol\n100\t100\t1\t0.2\n100\t100\t1\t0.2\n", "looks tab-separated"],
    ["JSON", '[\n{"underlying":"100"}\n]\n', "looks like JSON"],
    ["a workbook", "PK\u0003\u0004rest of a zip", "is an Excel workbook"],
    ["UTF-16 text", Buffer.from([0xff, 0xfe, 0x61, 0x00, 0x2c, 0x00]), "starts with a UTF-16 byte-order mark"],
    ["an empty file", "", "has no header row"],
    ["a missing column", "underlying,strike,years\n100,100,1\n", "has no column vol"],
    ["a repeated column", "underlying,strike,years,vol,Vol\n100,100,1,0.2,0.3\n", "appears twice"],
  ])("%s", async (_, file, message) => {
    for (const command of ["vega", "greeks"]) {
      const expected = await expectSameAsWholeFile([command, "f.csv"], { "f.csv": file });
      expect(expected.status).toBe(1);
      expect(expected.stdout).toBe("");
      expect(expected.stderr).toContain(message);
    }
  });

  it("a missing file and a directory: cannot read, as before", async () => {
    const missing = await expectSameAsWholeFile(["vega", "/nonexistent/book.csv"]);
    expect(missing.stderr).toContain("cannot read /nonexistent/book.csv: no such file");
    const directory = await expectSameAsWholeFile(["iv", __dirname]);
    expect(directory.stderr).toContain("it is a directory, not a file");
  });
});
