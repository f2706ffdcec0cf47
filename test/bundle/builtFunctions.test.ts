/*
 * The shipped bundle, not the sources: loads dist/functions.js in a bare Node vm context whose
 * CustomFunctions.associate records each (id, function), as Excel's runtime would. Proves that every id in
 * dist/functions.json is registered by the built code and that the registered functions compute.
 * `npm test` builds dist/ before Jest runs.
 */
import fs from "node:fs";
import path from "node:path";
import vm from "node:vm";
import { vegaPerUnitVol } from "../../src/core/vega/blackVega";
import { expectClose } from "../core/tolerance";

const distDirectory = path.join(__dirname, "../../dist");

interface FunctionMetadata {
  id: string;
  name: string;
  parameters: { name: string }[];
}

function readBuilt(file: string): string {
  const fullPath = path.join(distDirectory, file);
  if (!fs.existsSync(fullPath)) throw new Error(`${fullPath} is missing: run "npm run build" first (npm test does)`);
  return fs.readFileSync(fullPath, "utf8");
}

type Registered = (...args: unknown[]) => unknown;

function loadBundle(): Map<string, Registered> {
  const registered = new Map<string, Registered>();
  // Same Error/ErrorCode shape as the runtime; everything else the bundle touches must exist in a bare context.
  class RuntimeError {
    constructor(
      public code: string,
      public message?: string,
    ) {}
  }
  const customFunctions = {
    associate: (id: string, implementation: Registered) => registered.set(id, implementation),
    Error: RuntimeError,
    ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A", invalidNumber: "#NUM!", divisionByZero: "#DIV/0!", nullReference: "#NULL!" },
  };
  const context: Record<string, unknown> = { CustomFunctions: customFunctions, console };
  context.self = context;
  context.window = context;
  context.globalThis = context;
  vm.runInNewContext(readBuilt("functions.js"), context, { filename: "functions.js" });
  return registered;
}

describe("the built functions bundle", () => {
  const metadata = JSON.parse(readBuilt("functions.json")) as { functions: FunctionMetadata[] };
  const registered = loadBundle();

  test("registers exactly the ids that functions.json declares", () => {
    const declared = metadata.functions.map((entry) => entry.id).sort();
    expect(declared).toEqual(
      expect.arrayContaining(["TWVEGA", "VEGA", "YEARS", "XVEGAHEDGE", "HEDGESTATS", "NEARCORR", "VOLCORR", "VOLOFVOL", "VOLBETA", "VOLCHECK"]),
    );
    expect([...registered.keys()].sort()).toEqual(declared);
  });

  test("declares the parameter names and order the contract fixes", () => {
    const parametersOf = (id: string) => metadata.functions.find((entry) => entry.id === id)?.parameters.map((p) => p.name);
    expect(parametersOf("VEGA")).toEqual(["underlying", "strike", "years", "vol", "rate", "carry", "model", "unit"]);
    expect(parametersOf("TWVEGA")).toEqual(["vega", "years", "ref_days"]);
    expect(parametersOf("YEARS")).toEqual(["expiry", "valuation"]);
    const hedgeParameters = ["assets", "vegas", "proxies", "correlations", "volvols", "contract_vegas", "lot_sizes", "ridge"];
    expect(parametersOf("XVEGAHEDGE")).toEqual(hedgeParameters);
    expect(parametersOf("HEDGESTATS")).toEqual(hedgeParameters);
    expect(parametersOf("NEARCORR")).toEqual(["matrix", "input", "min_eigenvalue", "locked"]);
    expect(parametersOf("VOLCORR")).toEqual(["history", "lambda", "changes"]);
    expect(parametersOf("VOLOFVOL")).toEqual(["history", "lambda", "changes"]);
    expect(parametersOf("VOLBETA")).toEqual(["target_history", "proxy_history", "lambda"]);
    expect(parametersOf("VOLCHECK")).toEqual(["history", "lambda", "changes"]);
  });

  test("XV.VEGA from the bundle spills a column with a per-cell error, as in Excel", () => {
    const vega = registered.get("VEGA");
    if (!vega) throw new Error("VEGA is not registered");
    // Omitted optional arguments arrive as null (PLATFORM.md).
    const result = vega([[100], [49], ["abc"]], [[100], [50], [50]], [[1], [20 / 52], [1]], [[0.2]], [[0.05]], null, null, null) as unknown[][];
    expectClose(result[0]?.[0] as number, 0.37524035, { absolute: 5e-9 });
    expectClose(result[1]?.[0] as number, vegaPerUnitVol("bsm", 49, 50, 20 / 52, 0.2, 0.05, 0) / 100, { relative: 1e-15 });
    expect(result[2]?.[0]).toEqual(expect.objectContaining({ code: "#VALUE!", message: 'row 3: underlying "abc" is text; expected a positive price' }));
  });

  test("XV.XVEGAHEDGE from the bundle hedges DOMAIN.md §2's worked example; its errors are the runtime's", () => {
    const xvegahedge = registered.get("XVEGAHEDGE");
    if (!xvegahedge) throw new Error("XVEGAHEDGE is not registered");
    const xvCorr = [
      [null, "ALT", "BTC", "ETH"],
      ["ALT", 1, 0.8, 0.85],
      ["BTC", 0.8, 1, 0.9],
      ["ETH", 0.85, 0.9, 1],
    ];
    const xvVolVol = [
      ["ALT", 3],
      ["BTC", 2],
      ["ETH", 2.5],
    ];
    const btcAlone = xvegahedge([["ALT"]], [[10_000]], [["BTC"]], xvCorr, xvVolVol, null, null, null) as unknown[][];
    expect(btcAlone[0]?.[0]).toBe("BTC");
    expectClose(btcAlone[0]?.[1], -12_000, { absolute: 1e-9 });
    const both = xvegahedge([["ALT"]], [[10_000]], [["BTC", "ETH"]], xvCorr, xvVolVol, [[100, 200]], null, null) as unknown[][];
    expectClose(both[0]?.[1], -2763.1578947368425, { absolute: 1e-9 });
    expectClose(both[1]?.[1], -8210.526315789473, { absolute: 1e-9 });
    expect(both.map((row) => row[3])).toEqual([-28, -41]);
    // A missing asset is the runtime's #N/A with the message (the engine's error class crossed the bundle boundary).
    expect(() => xvegahedge([["SOL"]], [[1]], [["BTC"]], xvCorr, null, null, null, null)).toThrow(
      expect.objectContaining({ code: "#N/A", message: expect.stringMatching(/^asset SOL is not in the correlation matrix/) }),
    );
  });
});
