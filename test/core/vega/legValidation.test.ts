import { findLegProblem } from "../../../src/core/vega/legValidation";

describe("leg validation names the argument, the value and the fix", () => {
  test.each([
    ["underlying ≤ 0", ["bsm", -5, 100, 1, 0.5, 0, 0], "underlying", /underlying -5 must be a positive price \(the spot price\)/],
    ["forward ≤ 0 for black76", ["black76", 0, 100, 1, 0.5, 0, 0], "underlying", /forward or futures price/],
    ["strike ≤ 0", ["bsm", 100, 0, 1, 0.5, 0, 0], "strike", /strike 0 must be a positive price/],
    ["vol < 0", ["bsm", 100, 100, 1, -0.1, 0, 0], "vol", /vol -0.1 must be ≥ 0/],
    ["vol typed in percent", ["bsm", 100, 100, 1, 65, 0, 0], "vol", /vol 65 looks like a percentage: enter 65% or 0.65/],
    ["years as an Excel date", ["bsm", 100, 100, 46000, 0.5, 0, 0], "years", /years 46000 looks like an Excel date.*\(expiry − valuation\)\/365/],
    ["rate typed in percent", ["bsm", 100, 100, 1, 0.5, 5, 0], "rate", /rate 5 looks like a percentage: enter 5% or 0.05/],
    ["carry typed in percent", ["bsm", 100, 100, 1, 0.5, 0, 3], "carry", /carry 3 looks like a percentage/],
    ["carry with a forward model", ["black76", 100, 100, 1, 0.5, 0, 0.02], "carry", /carry 0.02 is not used by model black76/],
    ["non-finite input", ["bsm", Number.NaN, 100, 1, 0.5, 0, 0], "underlying", /must be a finite number/],
    ["absurd price", ["bsm", 1e16, 100, 1, 0.5, 0, 0], "underlying", /larger than/],
  ] as const)("%s", (_label, leg, argument, message) => {
    const [model, underlying, strike, years, vol, rate, carry] = leg;
    const problem = findLegProblem(model, underlying, strike, years, vol, rate, carry);
    expect(problem?.argument).toBe(argument);
    expect(problem?.message).toMatch(message);
  });

  test.each([
    ["a normal leg", ["bsm", 100, 100, 1, 0.5, 0.05, 0.01]],
    ["an expired leg", ["bsm", 100, 100, -0.01, 0.5, 0, 0]],
    ["zero vol", ["black76", 100, 100, 1, 0, 0, 0]],
    ["the limits themselves", ["bsm", 1e15, 1e15, 100, 10, 2, -2]],
    ["negative rates", ["inverse", 40000, 40000, 0.1, 0.6, -0.01, 0]],
  ] as const)("accepts %s", (_label, leg) => {
    const [model, underlying, strike, years, vol, rate, carry] = leg;
    expect(findLegProblem(model, underlying, strike, years, vol, rate, carry)).toBeNull();
  });
});
