import { conditionNumberOrSingular, conditionNumberText, SINGULAR_CONDITION_LIMIT, SINGULAR_CONDITION_TEXT } from "../../src/core/conditionNumber";

describe("the one rule for a singular matrix's condition number", () => {
  test.each<[string, number[], number | null]>([
    ["well conditioned", [0.5, 2], 4],
    ["just below the limit", [1, SINGULAR_CONDITION_LIMIT / 2], SINGULAR_CONDITION_LIMIT / 2],
    ["at the limit (the solver refuses it)", [1, SINGULAR_CONDITION_LIMIT], null],
    // The eigenvalues of [[1, 1], [1, 1]] as a solver returns them: rounding noise of either sign, never a ratio of ~9E15.
    ["ρ = 1, noise above 0", [2.220446049250313e-16, 2], null],
    ["ρ = 1, noise below 0", [-2.220446049250313e-16, 2], null],
    ["zero matrix", [0, 0], null],
    ["no eigenvalues", [], null],
  ])("%s", (_name, eigenvalues, expected) => {
    expect(conditionNumberOrSingular(eigenvalues)).toBe(expected);
  });

  test("text: the number as formatted, or ∞ (singular)", () => {
    expect(conditionNumberText(null)).toBe(SINGULAR_CONDITION_TEXT);
    expect(SINGULAR_CONDITION_TEXT).toBe("∞ (singular)");
    expect(conditionNumberText(209.17612, (value) => value.toFixed(1))).toBe("209.2");
  });
});
