/*
 * The registry that re-runs XV formulas outside Excel (pane's "Explain selected cell", end-of-day check, fuzzer) must
 * list exactly the functions Excel registers, with the parameter names functions.json declares.
 */
import { findXvFunction, XV_FUNCTIONS } from "../../src/functions/functionRegistry";
import { readDist } from "../addin/distFiles";

interface FunctionMetadata {
  id: string;
  parameters: { name: string }[];
}

describe("the XV function registry", () => {
  const declared = (JSON.parse(readDist("functions.json")) as { functions: FunctionMetadata[] }).functions;

  test("lists every function of functions.json, with its parameter names in order, and nothing else", () => {
    const registered = XV_FUNCTIONS.map((entry) => [entry.name, [...entry.argumentNames]]);
    const fromMetadata = declared.map((entry) => [`XV.${entry.id}`, entry.parameters.map((parameter) => parameter.name)]);
    expect(registered.sort()).toEqual(fromMetadata.sort());
  });

  test("finds a function by its typed name in any case and by the name a saved file stores", () => {
    expect(findXvFunction("XV.VEGA")?.name).toBe("XV.VEGA");
    expect(findXvFunction(" xv.hedgestats ")?.name).toBe("XV.HEDGESTATS");
    expect(findXvFunction("_xldudf_XV_NEARCORR")?.name).toBe("XV.NEARCORR");
    expect(findXvFunction("XV.NOPE")).toBeNull();
    expect(findXvFunction("VEGA")).toBeNull();
  });
});
