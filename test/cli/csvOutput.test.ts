import { parse } from "csv-parse/sync";
import { formatCsvRows, neutraliseFormula } from "../../src/cli/csvOutput";
import { runXvega } from "./runXvega";

/*
 * Issue 8 item 12: CSV injection (OWASP, "CSV Injection"). Text that a spreadsheet would run as a formula gets a
 * leading single quote in every CSV the command line writes; numbers, and text that is a number, stay as they are.
 */

describe("neutraliseFormula", () => {
  it.each([
    ["=1+1", "'=1+1"],
    ['=HYPERLINK("http://evil","x")', `'=HYPERLINK("http://evil","x")`],
    ["+A1", "'+A1"],
    ["-A1+B1", "'-A1+B1"],
    ["-", "'-"],
    ["@SUM(A1:A9)", "'@SUM(A1:A9)"],
    ["\t=1+1", "'\t=1+1"],
    ["\r=1+1", "'\r=1+1"],
    ["\uFF1D1+1", "'\uFF1D1+1"],
    ["\uFF20SUM(A1)", "'\uFF20SUM(A1)"],
  ])("quotes the text %j", (text, expected) => {
    expect(neutraliseFormula(text)).toBe(expected);
  });

  it.each([["-0.5"], ["-10"], ["+3"], ["-1.5e-3"], ["-2%"], ["0.65"], ["BTC"], [""], [" =1"], ["a=b"]])(
    "leaves %j as it is (a number, or text that does not start a formula)",
    (text) => {
      expect(neutraliseFormula(text)).toBe(text);
    },
  );
});

describe("formatCsvRows", () => {
  it("writes numbers as numbers, negative ones included, and quotes formula-like text, headers included", () => {
    const text = formatCsvRows([["asset", "=cmd", "value"], ["-BTC", "@x", -0.5], ["ETH", "-10", null]]);
    expect(text).toBe("asset,'=cmd,value\n'-BTC,'@x,-0.5\nETH,-10,\n");
  });
});

describe("every CSV the command line writes is neutralised", () => {
  const legs =
    "underlying,strike,years,vol,qty,note,=cmd\n" +
    "100,100,1,0.2,-10,\"=HYPERLINK(\"\"http://x\"\")\",a\n" +
    "100,100,1,0.2,-5,@SUM(A1),+b\n" +
    "100,100,1,0.2,3,-0.5,-c\n";

  it("xvega vega: pass-through text and column names, but not passed-through negative numbers", () => {
    const run = runXvega(["vega", "legs.csv"], { "legs.csv": legs });
    expect(run.status).toBe(0);
    const rows = parse(run.stdout) as string[][];
    expect(rows[0]).toEqual(["underlying", "strike", "years", "vol", "qty", "note", "'=cmd", "vega", "error"]);
    expect(rows.slice(1).map((row) => [row[4], row[5], row[6]])).toEqual([
      ["-10", `'=HYPERLINK("http://x")`, "a"],
      ["-5", "'@SUM(A1)", "'+b"],
      ["3", "-0.5", "'-c"],
    ]);
    // JSON is not for spreadsheets: the text stays as read.
    const json = JSON.parse(runXvega(["vega", "legs.csv", "--format", "json"], { "legs.csv": legs }).stdout) as Record<string, unknown>[];
    expect(json[0]?.note).toBe('=HYPERLINK("http://x")');
  });

  it("xvega volcorr and xvega nearcorr: asset names", () => {
    const history = "=A,@B\n50,60\n51,62\n53,61\n52,64\n";
    const volcorr = runXvega(["volcorr", "h.csv"], { "h.csv": history });
    expect(volcorr.status).toBe(0);
    expect(volcorr.stdout.split("\n")[0]).toBe("abs,'=A,'@B");
    expect(volcorr.stdout).toContain("\n'=A,1,");
    expect(volcorr.stdout).toContain("\n'@B,");
    const nearcorr = runXvega(["nearcorr", "m.csv"], { "m.csv": ",+X,-Y\n+X,1,0.5\n-Y,0.5,1\n" });
    expect(nearcorr.stdout).toBe(",'+X,'-Y\n'+X,1,0.5\n'-Y,0.5,1\n");
  });

  it("xvega hedge: proxy names", () => {
    const files = { "book.csv": "asset,vega\n=T,100\n", "corr.csv": "abs,=T,@P\n=T,1,0.5\n@P,0.5,1\n" };
    const run = runXvega(["hedge", "--exposures", "book.csv", "--corr", "corr.csv", "--proxies", "@P"], files);
    expect(run.status).toBe(0);
    expect(run.stdout.split("\n")[1]).toBe("'@P,-50");
  });
});
