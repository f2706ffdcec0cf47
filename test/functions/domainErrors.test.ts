import { CorrelationInputError } from "../../src/core/correlation";
import { HedgeInputError } from "../../src/core/hedge";
import { excelErrorForDomainError, withDomainErrors } from "../../src/functions/domainErrors";
import { thrownBy } from "./functionTestUtils";

describe("engine errors map to Excel errors in one place", () => {
  test.each([
    [new HedgeInputError("missingAsset", "asset SOL is not in the correlation matrix"), "#N/A"],
    [new HedgeInputError("invalidMatrix", "correlation matrix check symmetric failed"), "#VALUE!"],
    [new HedgeInputError("singularProxies", "proxies BTC and ETH have correlation 1"), "#VALUE!"],
    [new HedgeInputError("invalidInput", "ridge -1 must be a number"), "#VALUE!"],
    [new CorrelationInputError("invalidInput", "changes x must be absolute or log"), "#VALUE!"],
    [new CorrelationInputError("insufficientHistory", "found 1 complete daily change"), "#VALUE!"],
    [new CorrelationInputError("constantSeries", "ALT did not move"), "#VALUE!"],
  ])("%s → %s, message kept", (error, code) => {
    expect(excelErrorForDomainError(error)).toEqual(expect.objectContaining({ code, message: error.message }));
    expect(thrownBy(() => withDomainErrors("XV.TEST", () => { throw error; }))).toEqual(expect.objectContaining({ code, message: error.message }));
  });

  test("anything else is not a domain error: withDomainErrors reports it as a #VALUE! naming the function", () => {
    expect(excelErrorForDomainError(new Error("boom"))).toBeNull();
    expect(thrownBy(() => withDomainErrors("XV.TEST", () => { throw new TypeError("boom"); }))).toEqual(expect.objectContaining({ code: "#VALUE!", message: "XV.TEST failed: boom" }));
    expect(withDomainErrors("XV.TEST", () => [[1]])).toEqual([[1]]);
  });
});
