import { mkdtempSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { lineOfUnclosedQuote } from "../../src/cli/csvParseErrors";
import { fixture, runXvega } from "./runXvega";

/*
 * Issue 8 item 13, command-line part: files that are not comma-separated UTF-8 get a hint saying what was detected
 * and how to save them, and an unterminated quote is placed on the line where it opened.
 */

const SAVE_AS_CSV = 'save it as comma-separated UTF-8 (in Excel: File › Save As › "CSV UTF-8 (Comma delimited) (*.csv)")';

function firstLine(argv: string[], files: Record<string, string> = {}): { status: number; line: string; stdout: string } {
  const run = runXvega(argv, files);
  return { status: run.status, line: run.stderr.split("\n")[0] ?? "", stdout: run.stdout };
}

describe("a semicolon-separated file (Excel's CSV where the decimal separator is a comma)", () => {
  const fix =
    'save it with commas between fields and dots for decimals (in Excel: File › Options › Advanced, untick "Use system ' +
    'separators" and set the decimal separator to ".", then Save As "CSV UTF-8 (Comma delimited)")';

  it.each([
    ["vega", ["vega", "f.csv"], "underlying;strike;years;vol\n100;100;1;0,2\n", "underlying;strike;years;vol"],
    ["volcorr", ["volcorr", "f.csv"], "date;A;B\n2025-01-01;50,5;60\n2025-01-02;51;62,25\n", "date;A;B"],
    ["nearcorr, unlabelled, with decimal commas", ["nearcorr", "f.csv"], "1;0,5\n0,5;1\n", "1;0,5"],
    ["hedge --exposures", ["hedge", "--exposures", "f.csv", "--corr", fixture("hedge-corr.csv"), "--proxies", "BTC"], "asset;vega\nALT;10000\n", "asset;vega"],
  ])("%s: exit 1, saying what was detected and how to save it", (_, argv, text, shownLine) => {
    const run = firstLine(argv, { "f.csv": text });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.line).toBe(
      `xvega ${argv[0]}: f.csv looks semicolon-separated (line 1 is ${JSON.stringify(shownLine)}), but the command line reads comma-separated CSV: ${fix}`,
    );
  });

  it("a tab-separated file gets its own hint", () => {
    const run = firstLine(["vega", "f.csv"], { "f.csv": "underlying\tstrike\tyears\tvol\n100\t100\t1\t0.2\n" });
    expect(run.line).toBe(
      `xvega vega: f.csv looks tab-separated (line 1 is "underlying\\tstrike\\tyears\\tvol"), but the command line reads comma-separated CSV: ${SAVE_AS_CSV}`,
    );
  });

  it("a comma-separated file with semicolons in its text is read as usual", () => {
    const text = 'underlying,strike,years,vol,note\n100,100,1,0.2,"a;b;c;d;e"\n100,100,1,0.2,x;y\n';
    expect(runXvega(["vega", "f.csv"], { "f.csv": text }).status).toBe(0);
  });
});

describe("a UTF-16 file (Excel's Unicode Text) or a workbook", () => {
  const legs = "underlying,strike,years,vol\n100,100,1,0.2\n";
  let directory = "";
  beforeAll(() => {
    directory = mkdtempSync(join(tmpdir(), "xvega-encoding-"));
    writeFileSync(join(directory, "le-bom.csv"), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(legs, "utf16le")]));
    writeFileSync(join(directory, "be-bom.csv"), Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(legs, "utf16le").swap16()]));
    writeFileSync(join(directory, "no-bom.csv"), Buffer.from(legs, "utf16le"));
  });
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  it.each([["le-bom.csv"], ["be-bom.csv"]])("%s: names the byte-order mark and how to save as UTF-8", (name) => {
    const path = join(directory, name);
    const run = firstLine(["vega", path]);
    expect(run.status).toBe(1);
    expect(run.line).toBe(`xvega vega: ${path} starts with a UTF-16 byte-order mark (FF FE or FE FF), as Excel's "Unicode Text" writes: ${SAVE_AS_CSV}`);
  });

  it("without a byte-order mark: names the NUL bytes", () => {
    const path = join(directory, "no-bom.csv");
    const run = firstLine(["volcorr", path]);
    expect(run.status).toBe(1);
    expect(run.line).toBe(
      `xvega volcorr: ${path} holds NUL bytes (the first at character 2): it is UTF-16 text without a byte-order mark, or not a text file; ${SAVE_AS_CSV}`,
    );
  });

  it("an Excel workbook", () => {
    const path = join(__dirname, "..", "..", "assets", "xvega-sample.xlsx");
    const run = firstLine(["nearcorr", path]);
    expect(run.status).toBe(1);
    expect(run.line).toBe(`xvega nearcorr: ${path} is an Excel workbook (.xlsx) or another zip file, not CSV text: ${SAVE_AS_CSV}`);
  });
});

describe("an unterminated quote", () => {
  const fix = 'close it, or remove it; a field holding a comma or a line break is written between quotes, with "" for a quote inside it';

  it.each([
    ["vega", ["vega", "q.csv"], 'underlying,strike,years,vol\n100,100,1,0.2\n100,"100,1,0.2\n100,100,1,0.2\n100,100,1,0.2\n', 3],
    ["hedge", ["hedge", "--exposures", "q.csv", "--corr", fixture("hedge-corr.csv"), "--proxies", "BTC"], 'asset,vega,note\nALT,1,"fine, quoted\nover two lines"\nALT,2,"open\nALT,3,x\n', 4],
    ["volcorr", ["volcorr", "q.csv"], 'A,B\n"50,60\n51,62\n', 2],
  ])("%s: names the line where the quote opened, not the end of the file", (_, argv, text, line) => {
    const run = firstLine(argv, { "q.csv": text });
    expect(run.status).toBe(1);
    expect(run.line).toBe(`xvega ${argv[0]}: q.csv is not readable CSV: the quote (") opening a field on line ${line} is never closed: ${fix}`);
  });

  it("text after a closing quote, or a quote inside an unquoted field: line and field", () => {
    expect(firstLine(["vega", "q.csv"], { "q.csv": 'underlying,strike,years,vol\n100,"100"x,1,0.2\n' }).line).toBe(
      'xvega vega: q.csv is not readable CSV: line 2, field 2: text follows the quote that closes a quoted field: end the field at its closing quote, or write "" for a quote inside it',
    );
    expect(firstLine(["vega", "q.csv"], { "q.csv": 'underlying,strike,years,vol\n100,1"00,1,0.2\n' }).line).toBe(
      'xvega vega: q.csv is not readable CSV: line 2, field 2: a quote (") inside a field that does not start with one: put the whole field between quotes and write "" for the quote inside it, or remove the quote',
    );
  });

  it.each([
    ['a,"b\nc",d\ne,"f', 3],
    ['\uFEFF"a', 1],
    ['a,"b""",c\r\nd,"e""\r\nf', 2],
    ['a,b"c\nd,"e', 2],
    ['a,"b"\n"c""d",e', null],
  ])("lineOfUnclosedQuote(%j) is %p", (text, line) => {
    expect(lineOfUnclosedQuote(text)).toBe(line);
  });
});

describe("a JSON file (an xvega command's --format json output)", () => {
  it.each([
    ["volcorr's JSON as --corr", "{\n  \"names\": [\"ALT\"]\n}\n", "{"],
    ["vega's JSON as --exposures", "[\n{\"asset\":\"ALT\",\"vega\":1}\n]\n", "["],
  ])("%s: says it is JSON and to give the CSV output", (_, text, start) => {
    const run = firstLine(["hedge", "--exposures", "f.json", "--corr", "f.json", "--proxies", "BTC"], { "f.json": text });
    expect(run.status).toBe(1);
    expect(run.line).toBe(
      `xvega hedge: f.json looks like JSON (it starts with "${start}"), not CSV: give the CSV output of xvega commands (leave out --format json), or a CSV file saved from Excel`,
    );
  });
});
