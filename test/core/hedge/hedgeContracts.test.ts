import fc from "fast-check";
import { sizeContracts } from "../../../src/core/hedge/hedgeContracts";
import { computeProxyHedge } from "../../../src/core/hedge/proxyHedge";
import { HedgeInputError } from "../../../src/core/hedge/hedgeErrors";
import { expectClose } from "../tolerance";

describe("sizeContracts", () => {
  test.each([
    // hedge vega, vega per contract, lot, exact, rounded, lots
    [-12000, 95.3, 0.1, -125.91815320041975, -125.9, -1259],
    [-12000, 100, 1, -120, -120, -120],
    [250, 100, 1, 2.5, 3, 3],
    [-250, 100, 1, -2.5, -3, -3],
    [-30, 100, 1, -0.3, 0, 0],
    [30, 100, 0.1, 0.3, 0.3, 3],
    [0, 50, 1, 0, 0, 0],
  ])("hedge %d at %d per contract, lot %d → %d exact, %d rounded", (hedge, perContract, lot, exact, rounded, lots) => {
    const sizing = sizeContracts("BTC", hedge, perContract, lot);
    expectClose(sizing.exactContracts, exact, { absolute: 1e-12, relative: 1e-14 });
    expect(sizing.roundedContracts).toBe(rounded);
    expect(Object.is(sizing.roundedContracts, -0)).toBe(false);
    expect(sizing.lots).toBe(lots);
    expectClose(sizing.roundedHedgeVegaPerVolPoint, rounded * perContract, { absolute: 1e-9 });
  });

  test("defaults to whole contracts", () => {
    expect(sizeContracts("BTC", 1049, 100).roundedContracts).toBe(10);
  });

  test("rejects a contract vega of 0 or non-finite and a lot ≤ 0", () => {
    expect(() => sizeContracts("BTC", 1, 0)).toThrow(HedgeInputError);
    expect(() => sizeContracts("BTC", 1, Number.NaN)).toThrow("vega per contract for BTC is NaN");
    expect(() => sizeContracts("BTC", 1, 10, -1)).toThrow("lot size for BTC is -1");
  });

  test("property: rounded contracts are a whole number of lots within half a lot of the exact figure", () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.double({ min: 0.01, max: 1000, noNaN: true }),
        fc.constantFrom(0.01, 0.1, 0.5, 1, 10),
        (hedge, perContract, lot) => {
          const sizing = sizeContracts("X", hedge, perContract, lot);
          expect(Number.isInteger(sizing.lots)).toBe(true);
          expect(Math.abs(sizing.roundedContracts - sizing.exactContracts)).toBeLessThanOrEqual(lot / 2 + 1e-9 * (1 + Math.abs(sizing.exactContracts)));
        },
      ),
    );
  });
});

describe("computeProxyHedge with contracts", () => {
  const input = {
    targets: [{ asset: "ALT", vegaPerVolPoint: 10000 }],
    proxies: ["BTC", "ETH"],
    correlation: { assets: ["ALT", "BTC", "ETH"], values: [[1, 0.8, 0.85], [0.8, 1, 0.9], [0.85, 0.9, 1]] },
    volOfVols: [{ asset: "ALT", value: 3 }, { asset: "BTC", value: 2 }, { asset: "ETH", value: 2.5 }],
  };

  test("recomputes residual and effectiveness after rounding (independent quadratic form)", () => {
    const result = computeProxyHedge({ ...input, contracts: [{ proxy: "eth", vegaPerContract: 1000 }, { proxy: "BTC", vegaPerContract: 1000, lotSize: 1 }] });
    expect(result.proxies.map((line) => line.contracts?.roundedContracts)).toEqual([-3, -8]);
    const [btc, eth] = [-3000, -8000];
    // Var = (3·10000)² + (2·btc)² + (2.5·eth)² + 2·[0.8·3·2·10000·btc + 0.85·3·2.5·10000·eth + 0.9·2·2.5·btc·eth]
    const variance = 9e8 + 4 * btc ** 2 + 6.25 * eth ** 2 + 2 * (4.8 * 10000 * btc + 6.375 * 10000 * eth + 4.5 * btc * eth);
    expectClose(result.afterRounding?.residualPnlStandardDeviation ?? 0, Math.sqrt(variance), { relative: 1e-12 });
    expectClose(result.afterRounding?.effectiveness ?? 0, 1 - variance / 9e8, { absolute: 1e-12 });
    expect(result.afterRounding?.effectiveness).toBeLessThanOrEqual(result.effectiveness);
  });

  test("rounding can make things worse than no hedge: effectiveness after rounding is reported, not clamped", () => {
    // Proxies P, Q with ρ = 0.9 and s = 1; a target chosen so that h* = (0.6, −0.4) contracts: rounding to (1, 0) moves
    // the hedge by Δ = (0.4, 0.4). Unhedged variance 1, h*ᵀΣh* = 0.088, ΔᵀΣΔ = 0.608, so effectiveness 0.088 exact and
    // 1 − (1 − 0.088 + 0.608) = −0.52 after rounding.
    const result = computeProxyHedge({
      targets: [{ asset: "T", vegaPerVolPoint: -1000 }],
      proxies: ["P", "Q"],
      correlation: { assets: ["T", "P", "Q"], values: [[1, 0.24, 0.14], [0.24, 1, 0.9], [0.14, 0.9, 1]] },
      volOfVols: [{ asset: "T", value: 1 }, { asset: "P", value: 1 }, { asset: "Q", value: 1 }],
      contracts: [{ proxy: "P", vegaPerContract: 1000 }, { proxy: "Q", vegaPerContract: 1000 }],
    });
    expect(result.proxies.map((line) => line.contracts?.roundedContracts)).toEqual([1, 0]);
    expectClose(result.effectiveness, 0.088, { absolute: 1e-12 });
    expectClose(result.afterRounding?.effectiveness ?? 0, -0.52, { absolute: 1e-12 });
  });

  test("no sizing asked for: contracts and afterRounding are null", () => {
    const result = computeProxyHedge(input);
    expect(result.afterRounding).toBeNull();
    expect(result.proxies.every((line) => line.contracts === null)).toBe(true);
  });
});
