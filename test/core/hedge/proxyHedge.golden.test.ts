import { computeProxyHedge } from "../../../src/core/hedge/proxyHedge";
import type { ProxyHedgeInput } from "../../../src/core/hedge/hedgeTypes";
import { WorkedStatistic, workedExample } from "../../fixtures/hedge/workedExample";
import { expectClose } from "../tolerance";

const fixture = workedExample;
const STATISTICS: WorkedStatistic[] = ["effectiveness", "residualSd", "unhedgedSd", "conditionNumber"];

const exact = { absolute: 1e-9, relative: 1e-12 };

function workedExampleInput(proxies: string[], correlationBtcEth: number): ProxyHedgeInput {
  const [alt, btc, eth] = fixture.assets;
  return {
    targets: [fixture.target],
    proxies,
    correlation: {
      assets: fixture.assets,
      values: [
        [1, 0.8, 0.85],
        [0.8, 1, correlationBtcEth],
        [0.85, correlationBtcEth, 1],
      ],
    },
    volOfVols: [
      { asset: alt ?? "", value: fixture.volOfVols.ALT },
      { asset: btc ?? "", value: fixture.volOfVols.BTC },
      { asset: eth ?? "", value: fixture.volOfVols.ETH },
    ],
  };
}

describe("computeProxyHedge: DOMAIN.md §2 worked example (fixture workedExample.json)", () => {
  for (const testCase of fixture.cases) {
    describe(testCase.name, () => {
      const result = computeProxyHedge(workedExampleInput(testCase.proxies, testCase.correlationBtcEth));
      const actual: Record<WorkedStatistic, number> = {
        effectiveness: result.effectiveness,
        residualSd: result.residualPnlStandardDeviation,
        unhedgedSd: result.unhedgedPnlStandardDeviation,
        conditionNumber: result.conditionNumber ?? Number.NaN,
      };

      test("matches the published (rounded) figures", () => {
        testCase.published.hedge.forEach((expected, a) =>
          expectClose(result.proxies[a]?.hedgeVegaPerVolPoint ?? 0, expected.value, { absolute: expected.tolerance }, `hedge ${a}`),
        );
        for (const key of STATISTICS) {
          const expected = testCase.published[key];
          if (expected) expectClose(actual[key], expected.value, { absolute: expected.tolerance }, key);
        }
      });

      test("matches the closed forms to 1e-12", () => {
        testCase.exact.hedge.forEach((expected, a) => expectClose(result.proxies[a]?.hedgeVegaPerVolPoint ?? 0, expected, exact, `hedge ${a}`));
        for (const key of STATISTICS) {
          const expected = testCase.exact[key];
          if (expected !== undefined) expectClose(actual[key], expected, exact, key);
        }
      });

      test(`collinearity warning ${testCase.collinearWarning ? "shown" : "not shown"}`, () => {
        expect(result.warnings.some((warning) => warning.code === "collinearProxies")).toBe(testCase.collinearWarning);
      });
    });
  }

  test("BTC alone: vol beta 1.2 and effectiveness ρ² = 0.64", () => {
    const result = computeProxyHedge(workedExampleInput(["BTC"], 0.9));
    expectClose(-(result.proxies[0]?.hedgeVegaPerVolPoint ?? 0) / fixture.target.vegaPerVolPoint, 1.2, exact);
    expect(result.warnings).toEqual([]);
    expect(result.changes).toBe("absolute");
  });

  test("ρ(BTC,ETH) = 0.99: the spread bet is flagged, names both proxies, and a ridge tames it at a small cost", () => {
    const raw = computeProxyHedge(workedExampleInput(["BTC", "ETH"], 0.99));
    const codes = raw.warnings.map((warning) => warning.code);
    expect(codes).toEqual(["collinearProxies", "spreadBet"]);
    expect(raw.warnings[0]?.message).toContain("BTC and ETH have correlation 0.990");
    expect(raw.warnings[0]?.message).toContain("209");
    const ridged = computeProxyHedge({ ...workedExampleInput(["BTC", "ETH"], 0.99), ridge: 0.05 });
    const gross = ridged.proxies.reduce((sum, line) => sum + Math.abs(line.hedgeVegaPerVolPoint), 0);
    expect(gross).toBeLessThan(1.2 * fixture.target.vegaPerVolPoint);
    const ethAlone = computeProxyHedge(workedExampleInput(["ETH"], 0.99));
    // Between the collinear optimum (0.809) and simply dropping BTC (0.7225).
    expect(ridged.effectiveness).toBeLessThan(raw.effectiveness);
    expect(ridged.effectiveness).toBeGreaterThan(ethAlone.effectiveness);
    expect(ridged.warnings.map((warning) => warning.code)).toEqual(["collinearProxies", "ridgeApplied"]);
    expect(ridged.warnings[0]?.message).toContain("a ridge of 0.05 is applied");
    expectClose(ridged.ridgeShift, 0.05 * (4 + 6.25) / 2, exact);
  });
});

describe("computeProxyHedge: other closed forms", () => {
  test("relative changes: an alt at 110 vol and BTC at 50 moving together in proportion (ρ = 1, equal s) give an absolute beta of 2.2 (DOMAIN.md §2)", () => {
    const result = computeProxyHedge({
      targets: [{ asset: "ALT", vegaPerVolPoint: 1000 }],
      proxies: ["BTC"],
      correlation: { assets: ["ALT", "BTC"], values: [[1, 1], [1, 1]] },
      volOfVols: [{ asset: "ALT", value: 0.05 }, { asset: "BTC", value: 0.05 }],
      changes: "relative",
      currentVols: [{ asset: "alt", value: 110 }, { asset: "BTC", value: 50 }],
    });
    expect(result.changes).toBe("relative");
    expectClose(result.proxies[0]?.hedgeVegaPerVolPoint ?? 0, -2200, exact);
    expectClose(result.unhedgedPnlStandardDeviation, 1000 * 0.05 * 110, exact);
    expectClose(result.residualPnlStandardDeviation, 0, { absolute: 1e-6 });
    expectClose(result.effectiveness, 1, exact);
  });

  test("a proxy that is also a target: its own vega is hedged one for one on top of the beta hedge", () => {
    const input = workedExampleInput(["BTC"], 0.9);
    const result = computeProxyHedge({ ...input, targets: [fixture.target, { asset: "btc", vegaPerVolPoint: 5000 }] });
    expect(result.targets).toEqual([fixture.target, { asset: "btc", vegaPerVolPoint: 5000 }]);
    expect(result.proxies[0]).toMatchObject({ asset: "btc", ownVegaPerVolPoint: 5000 });
    expectClose(result.proxies[0]?.hedgeVegaPerVolPoint ?? 0, -17000, exact);
    expectClose(result.residualPnlStandardDeviation, 18000, exact);
  });

  test("targets netting to zero: no risk, zero hedge, effectiveness defined as 0 with a warning", () => {
    const result = computeProxyHedge({
      ...workedExampleInput(["BTC"], 0.9),
      targets: [
        { asset: "ALT", vegaPerVolPoint: 2500 },
        { asset: " alt ", vegaPerVolPoint: -2500 },
      ],
    });
    expect(result.proxies[0]?.hedgeVegaPerVolPoint).toBe(0);
    expect(result.unhedgedPnlStandardDeviation).toBe(0);
    expect(result.effectiveness).toBe(0);
    expect(result.warnings.map((warning) => warning.code)).toEqual(["zeroUnhedgedRisk"]);
  });

  test("omitted vol-of-vols: all equal, hedge = −ρ·v, with a warning", () => {
    const input = workedExampleInput(["BTC"], 0.9);
    delete input.volOfVols;
    const result = computeProxyHedge(input);
    expectClose(result.proxies[0]?.hedgeVegaPerVolPoint ?? 0, -8000, exact);
    expect(result.warnings.map((warning) => warning.code)).toEqual(["volOfVolsOmitted"]);
  });
});
