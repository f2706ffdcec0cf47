import fc from "fast-check";
import { CellProblem, isCellProblem, readOptionalChoice, readOptionalNumber, readRequiredNumber } from "../../src/cli/cellParsing";
import { OPTION_MODELS, parseOptionModel } from "../../src/core/vega/optionModel";

const VOL = { column: "vol", expected: "a vol", percentAllowed: true };
const STRIKE = { column: "strike", expected: "a positive price", percentAllowed: false };

function problemOf(reading: number | CellProblem): string {
  if (!isCellProblem(reading)) throw new Error(`expected a problem, got ${reading}`);
  return reading.problem;
}

describe("readRequiredNumber", () => {
  it.each([
    ["0.65", 0.65],
    [" 42 ", 42],
    ["-1.5e-3", -0.0015],
    ["+2E2", 200],
    [".5", 0.5],
    ["5.", 5],
    ["65%", 0.65],
    ["65 %", 0.65],
    ["-2.5%", -0.025],
    ["1e2%", 1],
  ])("reads %j in a percent column as %p", (text, expected) => {
    expect(readRequiredNumber(text, VOL)).toBe(expected);
  });

  it.each([
    ["", "vol is blank; expected a vol"],
    ["   ", "vol is blank; expected a vol"],
    ["abc", 'vol "abc" is not a number; expected a vol'],
    ["NaN", 'vol "NaN" is not a number; expected a vol'],
    ["Infinity", 'vol "Infinity" is not a number; expected a vol'],
    ["-Infinity", 'vol "-Infinity" is not a number; expected a vol'],
    ["0x10", 'vol "0x10" is not a number; expected a vol'],
    ["1,000", 'vol "1,000" is not a number; expected a vol'],
    ["1e", 'vol "1e" is not a number; expected a vol'],
    ["%", 'vol "%" is not a number; expected a vol'],
    ["5%%", 'vol "5%%" is not a number; expected a vol'],
    ["1e999", 'vol "1e999" is too large to be a number; expected a vol'],
  ])("refuses %j with a message", (text, message) => {
    expect(problemOf(readRequiredNumber(text, VOL))).toBe(message);
  });

  it("refuses a % sign where the column does not read one, and says where it does", () => {
    expect(problemOf(readRequiredNumber("100%", STRIKE))).toBe(
      'strike "100%" is not a number (a % sign is read only in vol, rate and carry); expected a positive price',
    );
  });

  it("shortens a long text in the message", () => {
    expect(problemOf(readRequiredNumber("x".repeat(100), STRIKE))).toBe(`strike "${"x".repeat(39)}…" is not a number; expected a positive price`);
  });

  it("reads back every finite double exactly as JavaScript prints it (the CLI's own output round-trips)", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (value) => {
        expect(readRequiredNumber(String(value), STRIKE)).toBe(value === 0 ? 0 : value);
      }),
    );
  });

  it("reads x% as x / 100", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }), (value) => {
        expect(readRequiredNumber(`${value}%`, VOL)).toBe(Number(String(value)) / 100);
      }),
    );
  });
});

describe("readOptionalNumber and readOptionalChoice", () => {
  it("give the fallback for a blank field or an absent column", () => {
    expect(readOptionalNumber("", VOL, 0)).toBe(0);
    expect(readOptionalNumber(undefined, VOL, 0.3)).toBe(0.3);
    expect(readOptionalNumber(" 5% ", VOL, 0)).toBe(0.05);
    expect(readOptionalChoice(" ", "model", OPTION_MODELS, parseOptionModel, "bsm")).toBe("bsm");
    expect(readOptionalChoice(undefined, "model", OPTION_MODELS, parseOptionModel, "bsm")).toBe("bsm");
  });

  it("read model names in any case and name the choices otherwise", () => {
    expect(readOptionalChoice(" Black76 ", "model", OPTION_MODELS, parseOptionModel, "bsm")).toBe("black76");
    expect(readOptionalChoice("bs", "model", OPTION_MODELS, parseOptionModel, "bsm")).toEqual({
      problem: 'model "bs" is not one of bsm, black76, inverse',
    });
  });
});
