import { computeProxyHedge } from "../../../src/core/hedge/proxyHedge";
import { HedgeInputError, type HedgeInputErrorKind } from "../../../src/core/hedge/hedgeErrors";
import type { ProxyHedgeInput } from "../../../src/core/hedge/hedgeTypes";

const base: ProxyHedgeInput = {
  targets: [{ asset: "ALT", vegaPerVolPoint: 10000 }],
  proxies: ["BTC", "ETH"],
  correlation: {
    assets: ["ALT", "BTC", "ETH"],
    values: [
      [1, 0.8, 0.85],
      [0.8, 1, 0.9],
      [0.85, 0.9, 1],
    ],
  },
  volOfVols: [
    { asset: "ALT", value: 3 },
    { asset: "BTC", value: 2 },
    { asset: "ETH", value: 2.5 },
  ],
};

function expectHedgeError(input: ProxyHedgeInput, kind: HedgeInputErrorKind, ...fragments: (string | RegExp)[]): void {
  let caught: unknown;
  try {
    computeProxyHedge(input);
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(HedgeInputError);
  const error = caught as HedgeInputError;
  expect(error.kind).toBe(kind);
  expect(error.name).toBe("HedgeInputError");
  for (const fragment of fragments) expect(error.message).toMatch(fragment);
}

describe("computeProxyHedge: errors", () => {
  test("missingAsset: a target, a proxy, a vol-of-vol or a current vol absent", () => {
    expectHedgeError({ ...base, targets: [{ asset: "SOL", vegaPerVolPoint: 1 }] }, "missingAsset", "asset SOL is not in the correlation matrix", "ALT, BTC, ETH");
    expectHedgeError({ ...base, proxies: ["BTC", "DOGE"] }, "missingAsset", "DOGE");
    expectHedgeError({ ...base, volOfVols: [{ asset: "ALT", value: 3 }, { asset: "BTC", value: 2 }] }, "missingAsset", "no vol-of-vol for ETH");
    expectHedgeError(
      { ...base, changes: "relative", currentVols: [{ asset: "ALT", value: 110 }, { asset: "BTC", value: 50 }] },
      "missingAsset",
      "no current vol for ETH",
    );
  });

  test("invalidMatrix: names the failed check and entry, suggests XV.NEARCORR", () => {
    const outOfBounds = { ...base.correlation, values: [[1, 1.2, 0.85], [1.2, 1, 0.9], [0.85, 0.9, 1]] };
    expectHedgeError({ ...base, correlation: outOfBounds }, "invalidMatrix", "check bounds", "(ALT, BTC) is 1.2", "XV.NEARCORR");
    const indefinite = { ...base.correlation, values: [[1, 0.9, -0.9], [0.9, 1, 0.9], [-0.9, 0.9, 1]] };
    expectHedgeError({ ...base, correlation: indefinite }, "invalidMatrix", "check positiveSemidefinite", /smallest eigenvalue -0\.\d+/, "XV.NEARCORR");
    expectHedgeError({ ...base, correlation: { ...base.correlation, assets: ["ALT", "BTC"] } }, "invalidMatrix", "3 rows but 2 asset names");
    expectHedgeError({ ...base, correlation: { ...base.correlation, assets: ["ALT", "BTC", "alt"] } }, "invalidMatrix", "appears twice");
    const blank = { ...base.correlation, values: [[1, Number.NaN, 0.85], [0.8, 1, 0.9], [0.85, 0.9, 1]] };
    expectHedgeError({ ...base, correlation: blank }, "invalidMatrix", "check finite", "(ALT, BTC) is NaN", "fill it in");
  });

  test("singularProxies: a pair at ρ = 1 is named, and a ridge resolves it", () => {
    const collinear = {
      ...base,
      correlation: { ...base.correlation, values: [[1, 0.8, 0.8], [0.8, 1, 1], [0.8, 1, 1]] },
    };
    expectHedgeError(collinear, "singularProxies", "BTC and ETH have correlation 1.000000", "ridge");
    const ridged = computeProxyHedge({ ...collinear, ridge: 0.05 });
    expect(ridged.conditionNumber).toBeNull();
    expect(ridged.warnings.map((warning) => warning.code)).toEqual(["collinearProxies", "ridgeApplied"]);
    expect(Number.isFinite(ridged.proxies[0]?.hedgeVegaPerVolPoint)).toBe(true);
  });

  test("singularProxies: three proxies spanning only a plane are all named", () => {
    // Unit vectors at 0°, 60° and 120° in a plane: every pair has |ρ| = 0.5, yet the three are linearly dependent.
    const correlation = {
      assets: ["ALT", "P1", "P2", "P3"],
      values: [
        [1, 0.3, 0.3, 0],
        [0.3, 1, 0.5, -0.5],
        [0.3, 0.5, 1, 0.5],
        [0, -0.5, 0.5, 1],
      ],
    };
    expectHedgeError({ targets: base.targets, proxies: ["P1", "P2", "P3"], correlation }, "singularProxies", "P1, P2, P3 are (nearly) linearly dependent");
  });

  test("invalidInput: a proxy with vol-of-vol 0 is refused before the solve (see proxyHedge.hardening.test.ts)", () => {
    expectHedgeError({ ...base, volOfVols: [{ asset: "ALT", value: 3 }, { asset: "BTC", value: 0 }, { asset: "ETH", value: 2 }] }, "invalidInput", "vol-of-vol of proxy BTC is 0");
  });

  test.each<[string, Partial<ProxyHedgeInput>, string]>([
    ["no targets", { targets: [] }, "no target vegas"],
    ["blank target name", { targets: [{ asset: " ", vegaPerVolPoint: 1 }] }, "target row 1 has no asset name"],
    ["non-finite vega", { targets: [{ asset: "ALT", vegaPerVolPoint: Number.POSITIVE_INFINITY }] }, "target row 1 (ALT): vega Infinity"],
    ["no proxies", { proxies: [] }, "no proxies"],
    ["duplicate proxies", { proxies: ["BTC", "eth", " btc"] }, "proxy btc appears twice (positions 1 and 3"],
    ["negative ridge", { ridge: -0.1 }, "ridge -0.1 must be a number from 0 to 1000000"],
    ["huge ridge", { ridge: 1e7 }, "ridge 10000000 must be a number from 0"],
    ["absurd vega", { targets: [{ asset: "ALT", vegaPerVolPoint: 1e16 }] }, "vega 10000000000000000 is larger than"],
    ["unknown changes", { changes: "percent" as "absolute" }, "changes percent"],
    ["relative without current vols", { changes: "relative" }, "relative changes need the current vol"],
    ["negative vol-of-vol", { volOfVols: [{ asset: "ALT", value: -3 }] }, "vol-of-vol for ALT is -3"],
    ["contract vega 0", { contracts: [{ proxy: "BTC", vegaPerContract: 0 }, { proxy: "ETH", vegaPerContract: 10 }] }, "vega per contract for BTC is 0"],
    ["contract vega NaN", { contracts: [{ proxy: "BTC", vegaPerContract: Number.NaN }, { proxy: "ETH", vegaPerContract: 10 }] }, "vega per contract for BTC is NaN"],
    ["lot size 0", { contracts: [{ proxy: "BTC", vegaPerContract: 10, lotSize: 0 }, { proxy: "ETH", vegaPerContract: 10 }] }, "lot size for BTC is 0"],
    ["contract for a non-proxy", { contracts: [{ proxy: "ALT", vegaPerContract: 10 }] }, "ALT, which is not one of the proxies"],
    ["contract missing for a proxy", { contracts: [{ proxy: "BTC", vegaPerContract: 10 }] }, "no contract vega for proxy ETH"],
  ])("invalidInput: %s", (_name, change, fragment) => {
    expectHedgeError({ ...base, ...change }, "invalidInput", fragment);
  });
});
