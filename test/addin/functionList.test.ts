import { FUNCTION_NAMESPACE, firstSentence, summariseFunctions } from "../../src/taskpane/functionList";

describe("firstSentence", () => {
  test("ends at a period followed by a space, not at a decimal point", () => {
    expect(firstSentence("Vol as 0.65 for 65%. Blank = 0.")).toBe("Vol as 0.65 for 65%.");
  });
  test("keeps a text without a sentence break whole", () => {
    expect(firstSentence("  Years to expiry  ")).toBe("Years to expiry");
  });
});

describe("summariseFunctions", () => {
  const metadata = {
    functions: [
      {
        id: "VEGA",
        name: "VEGA",
        description: "Vega of each leg. More detail.",
        helpUrl: "https://localhost:3000/help/functions.html#xvvega",
        parameters: [
          { name: "underlying", type: "any" },
          { name: "rate", type: "any", optional: true },
        ],
      },
      { id: "YEARS", name: "YEARS", parameters: [] },
    ],
  };

  test("names functions as typed in a cell, with optional parameters in brackets", () => {
    expect(summariseFunctions(metadata)).toEqual([
      {
        formulaName: `${FUNCTION_NAMESPACE}.VEGA`,
        signature: "XV.VEGA(underlying, [rate])",
        summary: "Vega of each leg.",
        helpUrl: "https://localhost:3000/help/functions.html#xvvega",
      },
      { formulaName: "XV.YEARS", signature: "XV.YEARS()", summary: "", helpUrl: null },
    ]);
  });

  test("refuses malformed metadata with a TypeError that says what is wrong", () => {
    expect(() => summariseFunctions(null)).toThrow(new TypeError('functions.json has no "functions" array'));
    expect(() => summariseFunctions({ functions: [{ id: "X" }] })).toThrow("functions.json entry 0 has no name");
  });
});
