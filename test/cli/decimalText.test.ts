import fc from "fast-check";
import { isDecimalText } from "../../src/cli/cellParsing";

/* The hand-written number check the commands use on millions of fields says exactly what the pattern it replaces says. */
const DECIMAL_PATTERN = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

describe("isDecimalText", () => {
  it("agrees with /^[+-]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][+-]?\\d+)?$/ on generated text", () => {
    const piece = fc.constantFrom("0", "1", "9", ".", "+", "-", "e", "E", " ", "x", "%", "٣", "");
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 10 }), (parts) => {
        const text = parts.join("");
        expect(isDecimalText(text)).toBe(DECIMAL_PATTERN.test(text));
      }),
      { numRuns: 20000 },
    );
  });

  it.each(["0", "-1", "+3", "1.", ".5", "1.5e-3", "2E+10", "007"])("reads %s as a number", (text) => {
    expect(isDecimalText(text)).toBe(true);
  });

  it.each(["", "+", ".", "-.", "1e", "e5", "1.2.3", "0x10", "1,5", "Infinity", "NaN", " 1"])("refuses %j", (text) => {
    expect(isDecimalText(text)).toBe(false);
  });
});
