import { CorrelationInputError } from "../../../src/core/correlation/correlationErrors";
import { correlationsFromInput, findCorrelationScaleProblem } from "../../../src/core/correlation/correlationInputKind";
import { nearestCorrelationMatrix } from "../../../src/core/correlation/nearestCorrelation";

const noHint = (): string => "";

describe("findCorrelationScaleProblem (issue 8 item 4)", () => {
  test("a matrix typed in percent (diagonal all 100)", () => {
    const percent = [
      [100, 80],
      [80, 100],
    ];
    expect(findCorrelationScaleProblem(percent)?.kind).toBe("percent");
    // Repaired as correlations it became all 1s, "converged": the reason for refusing.
    expect(nearestCorrelationMatrix(percent).matrix).toEqual([
      [1, 1],
      [1, 1],
    ]);
  });

  test("a covariance matrix (positive diagonal other than 1), entries named by label", () => {
    const problem = findCorrelationScaleProblem(
      [
        [4, 3, 0],
        [3, 9, 0],
        [0, 0, 16],
      ],
      ["BTC", "ETH", "SOL"],
    );
    expect(problem?.kind).toBe("covariance");
    expect(problem?.message).toBe("the diagonal holds (BTC, BTC) 4, (ETH, ETH) 9, …, not 1: a covariance matrix? Convert it to correlations, ρ_ij = c_ij/√(c_ii·c_jj)");
  });

  test.each([
    ["a correlation matrix", [[1, 0.5], [0.5, 1]]],
    ["a diagonal within 1e-12 of 1", [[1 + 1e-13, 0.5], [0.5, 1]]],
    ["one diagonal typo beside 1s (the check or the repair shows it)", [[0.9, 0.5], [0.5, 1]]],
    ["a zero on the diagonal (no covariance: left to the repair)", [[0, 0.5], [0.5, 2]]],
    ["a negative diagonal entry", [[-1, 0], [0, 2]]],
  ])("no problem: %s", (_, values) => {
    expect(findCorrelationScaleProblem(values)).toBeNull();
  });
});

describe("correlationsFromInput", () => {
  test("correlation (default) refuses with the route's hint appended", () => {
    expect(() => correlationsFromInput([[100, 50], [50, 100]], "correlation", (problem) => ` [ask for ${problem.kind}]`)).toThrow(
      new CorrelationInputError("invalidInput", "the diagonal is 100: correlations typed in percent (80 for 0.8)? Divide every entry by 100 [ask for percent]"),
    );
  });

  test("percent divides by 100; covariance converts c_ij/√(c_ii·c_jj); raw passes the numbers; none mutates its input", () => {
    const covariance = [
      [4, 3],
      [3, 9],
    ];
    expect(correlationsFromInput([[100, 80], [80, 100]], "percent", noHint)).toEqual([[1, 0.8], [0.8, 1]]);
    expect(correlationsFromInput(covariance, "covariance", noHint)).toEqual([[1, 0.5], [0.5, 1]]);
    expect(correlationsFromInput(covariance, "raw", noHint)).toEqual(covariance);
    expect(covariance).toEqual([[4, 3], [3, 9]]);
    // Variances near 1E±300: dividing by each deviation in turn stays finite where the product would not.
    expect(correlationsFromInput([[1e300, 5e299], [5e299, 1e300]], "covariance", noHint)).toEqual([[1, 0.5], [0.5, 1]]);
    expect(correlationsFromInput([[1e-300, 5e-301], [5e-301, 1e-300]], "covariance", noHint)).toEqual([[1, 0.5], [0.5, 1]]);
  });

  test("covariance needs a positive variance on the diagonal", () => {
    expect(() => correlationsFromInput([[0, 1], [1, 4]], "covariance", noHint, ["A", "B"])).toThrow(
      "variance (A, A) is 0: a covariance matrix needs a positive variance on its diagonal to convert to correlations",
    );
  });
});
