import fc from "fast-check";
import { vegaPerUnitVol } from "../../../src/core/vega/blackVega";
import { LegColumns, fillVegaPerUnitVol, reportLegProblems } from "../../../src/core/vega/legColumns";
import { LEG_PROBLEM_ARGUMENT, findLegProblem, isAcceptableLeg } from "../../../src/core/vega/legValidation";
import { OPTION_MODELS, OptionModel } from "../../../src/core/vega/optionModel";

// Values on both sides of every limit, plus the non-finite ones a CSV can carry.
const edgyNumber = fc.oneof(
  fc.double(),
  fc.constantFrom(0, -0, 1e-300, -1e-300, 2, -2, 2.0000000001, 10, 10.000001, 100, 100.0001, 1e15, 1.0000001e15, Number.NaN, Infinity, -Infinity),
);
const modelArbitrary = fc.constantFrom<OptionModel>(...OPTION_MODELS);

describe("the fast leg check agrees with the message-building one", () => {
  test("isAcceptableLeg(leg) ⟺ findLegProblem(leg) is null, on edge values of every input", () => {
    fc.assert(
      fc.property(modelArbitrary, edgyNumber, edgyNumber, edgyNumber, edgyNumber, edgyNumber, edgyNumber, (model, ...numbers) => {
        const [underlying, strike, years, vol, rate, carry] = numbers as [number, number, number, number, number, number];
        expect(isAcceptableLeg(model, underlying, strike, years, vol, rate, carry)).toBe(
          findLegProblem(model, underlying, strike, years, vol, rate, carry) === null,
        );
      }),
      { numRuns: 20_000 },
    );
  });
});

describe("column-wise vega over a book", () => {
  function columns(legs: [OptionModel, number, number, number, number, number, number][]): LegColumns {
    const pick = (position: number) => Float64Array.from(legs, (leg) => leg[position] as number);
    return {
      models: legs.map((leg) => leg[0]),
      underlying: pick(1),
      strike: pick(2),
      years: pick(3),
      vol: pick(4),
      rate: pick(5),
      carry: pick(6),
    };
  }

  test("each leg's vega equals the scalar kernel's; rejected legs get 0; problems are reported once, in order", () => {
    const book = columns([
      ["bsm", 100, 100, 1, 0.2, 0.05, 0.01],
      ["black76", 40000, 42000, 0.1, 0.6, 0, 0],
      ["bsm", 100, 100, 1, 65, 0, 0],
      ["inverse", 40000, 38000, 0.3, 0.7, 0.01, 0],
      ["bsm", -1, 100, 1, 0.2, 0, 0],
    ]);
    const rejected = new Uint8Array(5);
    rejected[4] = 1; // already refused upstream: must not be reported again
    const reported: [number, string][] = [];
    reportLegProblems(book, rejected, (index, kind) => reported.push([index, LEG_PROBLEM_ARGUMENT[kind]]));
    expect(reported).toEqual([[2, "vol"]]);
    rejected[2] = 1;
    const vegas = new Float64Array(5);
    fillVegaPerUnitVol(book, rejected, vegas);
    expect(vegas[0]).toBe(vegaPerUnitVol("bsm", 100, 100, 1, 0.2, 0.05, 0.01));
    expect(vegas[1]).toBe(vegaPerUnitVol("black76", 40000, 42000, 0.1, 0.6, 0, 0));
    expect(vegas[3]).toBe(vegaPerUnitVol("inverse", 40000, 38000, 0.3, 0.7, 0.01, 0));
    expect([vegas[2], vegas[4]]).toEqual([0, 0]);
  });

  test("one model for the whole book gives the same vegas as that model per leg", () => {
    const perLeg = columns([
      ["black76", 100, 90, 0.5, 0.3, 0.02, 0],
      ["black76", 100, 110, 0.5, 0.3, 0.02, 0],
    ]);
    const single: LegColumns = { ...perLeg, models: "black76" };
    const fromPerLeg = new Float64Array(2);
    const fromSingle = new Float64Array(2);
    fillVegaPerUnitVol(perLeg, new Uint8Array(2), fromPerLeg);
    fillVegaPerUnitVol(single, new Uint8Array(2), fromSingle);
    expect(Array.from(fromSingle)).toEqual(Array.from(fromPerLeg));
  });
});
