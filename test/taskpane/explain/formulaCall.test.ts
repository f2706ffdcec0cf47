/*
 * Reading a cell's formula as one XV call: references (quoted sheet names, $, whole columns, spills), defined names,
 * constants, array constants, omitted arguments, and the cases it must not pretend to read (calculations, nested calls,
 * a formula it cannot split).
 */
import { canonicalXvName, readArgument, readFormulaCall, type FormulaArgument } from "../../../src/taskpane/explain/formulaCall";

function argumentsOf(formula: string): FormulaArgument[] {
  const reading = readFormulaCall(formula);
  if (reading.kind !== "call") throw new Error(`${formula} was read as ${JSON.stringify(reading)}`);
  return reading.arguments;
}

describe("the call", () => {
  test("a plain XV call: canonical name, typed name, arguments in order", () => {
    const reading = readFormulaCall("=xv.vega(B2:B9,C2:C9,D2:D9,E2:E9)");
    expect(reading).toMatchObject({ kind: "call", name: "XV.VEGA", typedName: "xv.vega" });
    expect(argumentsOf("=XV.VEGA(B2:B9,C2:C9,D2:D9,E2:E9)").map((argument) => argument.text)).toEqual(["B2:B9", "C2:C9", "D2:D9", "E2:E9"]);
  });

  test("the stored form of a saved workbook (_xldudf_XV_…) reads as the typed one", () => {
    expect(readFormulaCall("=_xldudf_XV_TWVEGA(F2:F9,G2:G9)")).toMatchObject({ kind: "call", name: "XV.TWVEGA" });
    expect(canonicalXvName("_xldudf_XV_HEDGESTATS")).toBe("XV.HEDGESTATS");
  });

  test("a leading plus (typed Lotus-style) is the same call", () => {
    expect(readFormulaCall("=+XV.YEARS(A2:A9,$B$1)")).toMatchObject({ kind: "call", name: "XV.YEARS" });
  });

  test("spaces and line breaks around the name and arguments are allowed", () => {
    expect(argumentsOf("= XV.YEARS ( A2:A9 ,\n $B$1 )").map((argument) => argument.text)).toEqual(["A2:A9", "$B$1"]);
  });

  test("no arguments, and omitted ones (between commas and at the end)", () => {
    expect(argumentsOf("=XV.VEGA()")).toEqual([]);
    const omitted = argumentsOf("=XV.VEGA(A1,B1,C1,D1,,,\"black76\",)");
    expect(omitted.map((argument) => argument.kind)).toEqual(["reference", "reference", "reference", "reference", "omitted", "omitted", "string", "omitted"]);
  });

  test("commas inside strings, quoted sheet names, nested calls and arrays do not split arguments", () => {
    const read = argumentsOf("=XV.XVEGAHEDGE('Book, 2026'!A2:A9,\"a,b\",{1,2;3,4},ROUND(C1,2))");
    expect(read.map((argument) => argument.text)).toEqual(["'Book, 2026'!A2:A9", '"a,b"', "{1,2;3,4}", "ROUND(C1,2)"]);
  });

  test("a formula without an XV call, and a constant, are 'none'", () => {
    expect(readFormulaCall("=SUM(A1:A9)")).toEqual({ kind: "none" });
    expect(readFormulaCall("42")).toEqual({ kind: "none" });
    expect(readFormulaCall("")).toEqual({ kind: "none" });
    expect(readFormulaCall('="XV.VEGA(A1)"')).toEqual({ kind: "none" });
    // A name that merely starts like the namespace is not a call of it.
    expect(readFormulaCall("=MYXV.VEGA(A1)")).toEqual({ kind: "none" });
  });

  test("an XV call inside a larger formula is 'nested', named", () => {
    expect(readFormulaCall("=SUM(XV.TWVEGA(F2:F9,G2:G9))")).toEqual({ kind: "nested", name: "XV.TWVEGA" });
    expect(readFormulaCall("=XV.VEGA(A1,B1,C1,D1)*100")).toEqual({ kind: "nested", name: "XV.VEGA" });
    expect(readFormulaCall("=XV.VEGA(A1,B1,C1,D1)+XV.VEGA(A2,B2,C2,D2)")).toEqual({ kind: "nested", name: "XV.VEGA" });
    expect(readFormulaCall("=SUM(_xldudf_XV_VEGA(A1,B1,C1,D1))")).toEqual({ kind: "nested", name: "XV.VEGA" });
  });

  test("a formula that cannot be split says why", () => {
    expect(readFormulaCall("=XV.VEGA(A1,B1")).toEqual({ kind: "unreadable", problem: expect.stringMatching(/not closed/) });
    expect(readFormulaCall('=XV.VEGA("abc)')).toEqual({ kind: "unreadable", problem: expect.stringMatching(/quotes is not closed/) });
    expect(readFormulaCall("=XV.VEGA(A1))")).toEqual({ kind: "unreadable", problem: expect.stringMatching(/closes nothing/) });
  });
});

describe("references", () => {
  test.each([
    ["B2", null, "B2", false],
    ["$B$2:$B$9", null, "$B$2:$B$9", false],
    ["Positions!B2:B9", "Positions", "B2:B9", false],
    ["'My Sheet'!A1:B2", "My Sheet", "A1:B2", false],
    ["'Bob''s book'!C3", "Bob's book", "C3", false],
    ["A:A", null, "A:A", false],
    ["$3:$5", null, "$3:$5", false],
    ["B2#", null, "B2", true],
    ["'Vols 2026'!$B$2#", "Vols 2026", "$B$2", true],
    ["_xlfn.ANCHORARRAY(B2)", null, "B2", true],
    ["XFD1048576", null, "XFD1048576", false],
  ])("%s", (text, sheetName, reference, spill) => {
    expect(readArgument(text)).toEqual({ kind: "reference", text, sheetName, reference, spill });
  });

  test("beyond the grid is not a cell: XFE1 is a name, A1048577 too", () => {
    expect(readArgument("XFE1")).toMatchObject({ kind: "name", name: "XFE1" });
    expect(readArgument("A1048577")).toMatchObject({ kind: "name" });
  });

  test("3-D, external-workbook, union and intersection references are expressions", () => {
    for (const text of ["Sheet1:Sheet3!A1", "[Book1.xlsx]Sheet1!A1", "A1:A3 B2", "(A1,B1)", "A1:B2:C3"]) {
      expect(readArgument(text)).toEqual({ kind: "expression", text });
    }
  });
});

describe("names and constants", () => {
  test("defined names, workbook- and sheet-scoped", () => {
    expect(readArgument("XV_CORR")).toEqual({ kind: "name", text: "XV_CORR", sheetName: null, name: "XV_CORR" });
    expect(readArgument("'Hedge book'!Vegas")).toEqual({ kind: "name", text: "'Hedge book'!Vegas", sheetName: "Hedge book", name: "Vegas" });
    expect(readArgument("Volatilité")).toMatchObject({ kind: "name", name: "Volatilité" });
  });

  test.each([
    ["0.05", 0.05],
    ["-0.5", -0.5],
    ["+3", 3],
    ["1E-308", 1e-308],
    [".5", 0.5],
    ["65%", 0.65],
    ["95000", 95000],
  ])("number %s", (text, value) => {
    expect(readArgument(text)).toEqual({ kind: "number", text, value });
  });

  test("strings (with doubled quotes) and booleans in any case", () => {
    expect(readArgument('"black76"')).toEqual({ kind: "string", text: '"black76"', value: "black76" });
    expect(readArgument('"say ""hi"""')).toEqual({ kind: "string", text: '"say ""hi"""', value: 'say "hi"' });
    expect(readArgument('""')).toEqual({ kind: "string", text: '""', value: "" });
    expect(readArgument("true")).toEqual({ kind: "boolean", text: "true", value: true });
    expect(readArgument("FALSE")).toEqual({ kind: "boolean", text: "FALSE", value: false });
  });

  test("array constants: rows by ';', columns by ','; mixed kinds; ragged or non-constant ones are expressions", () => {
    expect(readArgument("{1,2;3,4}")).toEqual({ kind: "array", text: "{1,2;3,4}", values: [[1, 2], [3, 4]] });
    expect(readArgument('{-1,-1E-308;0,"a;b"}')).toMatchObject({ kind: "array", values: [[-1, -1e-308], [0, "a;b"]] });
    expect(readArgument('{"BTC","ETH";TRUE,50%}')).toMatchObject({ values: [["BTC", "ETH"], [true, 0.5]] });
    expect(readArgument("{1,2;3}")).toEqual({ kind: "expression", text: "{1,2;3}" });
    expect(readArgument("{1,A1}")).toEqual({ kind: "expression", text: "{1,A1}" });
    expect(readArgument("{}")).toEqual({ kind: "expression", text: "{}" });
  });

  test("calculations are expressions, kept verbatim", () => {
    for (const text of ["(C2:C9-$B$1)/365", "-A1", "A1*2", "TODAY()", "1/0", "Table1[Vol]", "#N/A", "1E400", "--1"]) {
      expect(readArgument(text)).toEqual({ kind: "expression", text });
    }
  });
});
