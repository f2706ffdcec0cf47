/*
 * Hostile inputs to the hedge engine (issue 8, items 3, 7, 13, 14 and the scan for other silent or internal failures):
 * each is refused with a message naming the asset or value and the fix, or gives a finite, correct result.
 */
import { computeProxyHedge } from "../../../src/core/hedge/proxyHedge";
import { HedgeInputError, type HedgeInputErrorKind } from "../../../src/core/hedge/hedgeErrors";
import type { ProxyHedgeInput, ProxyHedgeResult } from "../../../src/core/hedge/hedgeTypes";
import { expectClose } from "../tolerance";

/** DOMAIN.md §2's worked example: ALT +10,000; s = ALT 3, BTC 2, ETH 2.5; ρ 0.8, 0.85, 0.9. */
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

const volOfVols = (alt: number, btc: number, eth: number) => [
  { asset: "ALT", value: alt },
  { asset: "BTC", value: btc },
  { asset: "ETH", value: eth },
];

function refusal(input: ProxyHedgeInput): HedgeInputError {
  let caught: unknown;
  try {
    computeProxyHedge(input);
  } catch (error) {
    caught = error;
  }
  if (!(caught instanceof HedgeInputError)) throw new Error(`expected a HedgeInputError, got ${caught instanceof Error ? caught.message : JSON.stringify(caught)}`);
  return caught;
}

function expectRefused(input: ProxyHedgeInput, kind: HedgeInputErrorKind, ...fragments: (string | RegExp)[]): string {
  const error = refusal(input);
  expect(error.kind).toBe(kind);
  for (const fragment of fragments) expect(error.message).toMatch(fragment);
  // Excel shows at most 250 characters of a message.
  expect(error.message.length).toBeLessThanOrEqual(250);
  return error.message;
}

/** Every number of a result is finite. */
function expectAllFinite(result: ProxyHedgeResult): void {
  const numbers = [
    result.unhedgedPnlStandardDeviation,
    result.residualPnlStandardDeviation,
    result.effectiveness,
    result.ridgeShift,
    ...result.proxies.flatMap((line) => [line.hedgeVegaPerVolPoint, line.contracts?.exactContracts ?? 0, line.contracts?.roundedContracts ?? 0]),
  ];
  for (const value of numbers) expect(Number.isFinite(value) ? "finite" : String(value)).toBe("finite");
}

describe("item 3: a vol-of-vol of 0 (or a blank the desktop sends as 0)", () => {
  test("a target with vol-of-vol 0 is refused, naming the asset, its vega and the fix (it used to drop out silently)", () => {
    expectRefused({ ...base, volOfVols: volOfVols(0, 2, 2.5) }, "invalidInput", "vol-of-vol of target ALT is 0", "blank", "net vega of 10,000", "give ALT's vol-of-vol");
  });

  test("a target whose legs net to 0 may have vol-of-vol 0: it carries no risk", () => {
    const input: ProxyHedgeInput = {
      ...base,
      targets: [
        { asset: "ALT", vegaPerVolPoint: 10000 },
        { asset: "SOL", vegaPerVolPoint: 2500 },
        { asset: "sol", vegaPerVolPoint: -2500 },
      ],
      correlation: {
        assets: ["ALT", "BTC", "ETH", "SOL"],
        values: [
          [1, 0.8, 0.85, 0.5],
          [0.8, 1, 0.9, 0.5],
          [0.85, 0.9, 1, 0.5],
          [0.5, 0.5, 0.5, 1],
        ],
      },
      volOfVols: [...volOfVols(3, 2, 2.5), { asset: "SOL", value: 0 }],
    };
    const result = computeProxyHedge(input);
    expectClose(result.effectiveness, 0.7289473684210528, { relative: 1e-12 });
  });

  test("a proxy with vol-of-vol 0 is refused before the solve, naming it", () => {
    expectRefused({ ...base, volOfVols: volOfVols(3, 2, 0) }, "invalidInput", "vol-of-vol of proxy ETH is 0", "cannot hedge anything", "drop it from the proxies");
  });

  test("relative changes: the vol-of-vol or the current vol making the vol-point deviation 0 is named", () => {
    const relative: ProxyHedgeInput = {
      ...base,
      changes: "relative",
      volOfVols: volOfVols(0.05, 0.04, 0.045),
      currentVols: [
        { asset: "ALT", value: 110 },
        { asset: "BTC", value: 1e-300 },
        { asset: "ETH", value: 60 },
      ],
    };
    expectRefused(relative, "invalidInput", "vol-of-vol of proxy BTC (0.04) × its current vol (1e-300)", "check its current vol");
    expectRefused({ ...relative, volOfVols: volOfVols(0, 0.04, 0.045) }, "invalidInput", "vol-of-vol of target ALT is 0");
  });
});

describe("item 13: a tiny vol-of-vol is blamed, not linear dependence", () => {
  test.each([
    ["subnormal proxy", volOfVols(3, 1e-310, 2.5), "vol-of-vol of proxy BTC is 1e-310"],
    ["tiny proxy", volOfVols(3, 1e-12, 2.5), "vol-of-vol of proxy BTC is 1e-12"],
    ["subnormal target", volOfVols(1e-310, 2, 2.5), "vol-of-vol of target ALT is 1e-310"],
    ["all subnormal", volOfVols(1e-310, 1e-310, 1e-310), "vol-of-vol of target ALT is 1e-310"],
  ])("%s: the message names the asset and its value", (_name, given, fragment) => {
    const message = expectRefused({ ...base, volOfVols: given }, "invalidInput", fragment, "implausibly small", "XV.VOLOFVOL");
    expect(message).not.toMatch(/linearly dependent|Cannot read|undefined/);
  });

  test("vol-of-vols so far apart that Σ_pp is singular blame the spread, not the correlations", () => {
    const message = expectRefused({ ...base, volOfVols: volOfVols(3, 2e-5, 90) }, "singularProxies", "the proxies' vol-of-vols are too far apart", "BTC 0.00002 against ETH 90");
    expect(message).not.toMatch(/linearly dependent/);
  });
});

describe("item 7: the sign of a trade is in the contracts, not in the contract's vega", () => {
  test("a negative vega per contract is refused, naming the proxy and the value (it used to flip the trade)", () => {
    expectRefused(
      { ...base, contracts: [{ proxy: "BTC", vegaPerContract: 100 }, { proxy: "ETH", vegaPerContract: -200 }] },
      "invalidInput",
      "vega per contract for ETH is -200",
      "positive",
      "sign of the contracts",
    );
  });

  test("a zero vega per contract says a blank cell reads as 0", () => {
    expectRefused({ ...base, contracts: [{ proxy: "BTC", vegaPerContract: 0 }, { proxy: "ETH", vegaPerContract: 200 }] }, "invalidInput", "vega per contract for BTC is 0", "blank");
  });

  test("a subnormal vega per contract (infinitely many contracts) and a subnormal lot size are refused with the proxy named", () => {
    expectRefused(
      { ...base, contracts: [{ proxy: "BTC", vegaPerContract: 1e-310 }, { proxy: "ETH", vegaPerContract: 200 }] },
      "invalidInput",
      "on BTC at 1e-310 vega per contract takes an unbounded number of contracts",
    );
    expectRefused({ ...base, contracts: [{ proxy: "BTC", vegaPerContract: 1e-3, lotSize: 1e-300 }, { proxy: "ETH", vegaPerContract: 200 }] }, "invalidInput", "lot size for BTC is 1e-300: too small");
  });
});

describe("item 14: one rule for a singular matrix's condition number", () => {
  const collinear = (btcEth: number): ProxyHedgeInput => ({
    ...base,
    correlation: { ...base.correlation, values: [[1, 0.8, 0.8], [0.8, 1, btcEth], [0.8, btcEth, 1]] },
    ridge: 0.05,
  });

  test.each([1, 1 - 1e-16, 1 - 1e-14])("ρ(BTC, ETH) = %d rescued by a ridge: both condition numbers are singular (null), never ~9E15", (btcEth) => {
    const result = computeProxyHedge(collinear(btcEth));
    expect(result.conditionNumber).toBeNull();
    expect(result.proxyCorrelationConditionNumber).toBeNull();
    expect(result.warnings.find((warning) => warning.code === "collinearProxies")?.message).toContain("condition number of their covariance ∞ (singular)");
  });

  test("a nearly singular but solvable pair keeps finite condition numbers up to the limit", () => {
    const result = computeProxyHedge(collinear(0.999));
    expectClose(result.proxyCorrelationConditionNumber, 1.999 / 0.001, { relative: 1e-9 });
    expect(result.conditionNumber).not.toBeNull();
  });
});

describe("other magnitudes: finite and right, or refused with a message", () => {
  test("tiny vegas (even subnormal) keep their effectiveness instead of underflowing to 'nothing to hedge'", () => {
    for (const vega of [1e-200, 1e-310]) {
      const result = computeProxyHedge({ ...base, targets: [{ asset: "ALT", vegaPerVolPoint: vega }] });
      expectAllFinite(result);
      expectClose(result.effectiveness, 0.7289473684210528, { relative: 1e-12 });
      expect(result.warnings.map((warning) => warning.code)).not.toContain("zeroUnhedgedRisk");
      expectClose(result.unhedgedPnlStandardDeviation, 3 * vega, { relative: 1e-9 });
    }
  });

  test("the largest accepted book and vol-of-vols give finite numbers", () => {
    const result = computeProxyHedge({
      ...base,
      targets: Array.from({ length: 1000 }, () => ({ asset: "ALT", vegaPerVolPoint: 1e15 })),
      volOfVols: volOfVols(1e4, 1e4, 1e4),
    });
    expectAllFinite(result);
    expectClose(result.effectiveness, 0.7289473684210528, { relative: 1e-9 });
  });

  test("a vega beyond 1E15 and a ridge that is negative or huge are refused", () => {
    expectRefused({ ...base, targets: [{ asset: "ALT", vegaPerVolPoint: 1e300 }] }, "invalidInput", "vega 1e+300 is larger than");
    expectRefused({ ...base, ridge: -1e-9 }, "invalidInput", "ridge -1e-9 must be a number from 0");
    expectRefused({ ...base, ridge: 1e300 }, "invalidInput", "ridge 1e+300 must be a number from 0");
  });

  test("subnormal correlations are read as the near-zeros they are", () => {
    const tiny = 1e-310;
    const result = computeProxyHedge({ ...base, correlation: { ...base.correlation, values: [[1, tiny, tiny], [tiny, 1, tiny], [tiny, tiny, 1]] } });
    expectAllFinite(result);
    expect(result.effectiveness).toBe(0);
  });
});

describe("item 13: asset names", () => {
  test.each([
    ["zero-width space", "BTC\u200b"],
    ["byte-order mark", "\ufeffBTC"],
    ["no-break space", "BTC\u00a0"],
    ["soft hyphen", "B\u00adTC"],
    ["zero-width joiner", "B\u200dTC"],
  ])("a proxy with a %s matches BTC and is displayed clean", (_name, proxy) => {
    const result = computeProxyHedge({ ...base, proxies: [proxy, "ETH"] });
    expect(result.proxies[0]?.asset).toBe("BTC");
    expectClose(result.proxies[0]?.hedgeVegaPerVolPoint, -2763.1578947368425, { relative: 1e-12 });
  });

  test("a Cyrillic В in a proxy is never matched; the message names the letter, its code and position", () => {
    expectRefused(
      { ...base, proxies: ["\u0412TC", "ETH"] },
      "missingAsset",
      'asset ВTC is not in the correlation matrix: "ВTC" has the Cyrillic letter В (U+0412) at position 1 where a Latin B is expected, so it is not the listed BTC',
    );
  });

  test("a look-alike in the matrix's labels is named when the plain name is not found", () => {
    expectRefused(
      { ...base, correlation: { ...base.correlation, assets: ["ALT", "BT\u0421", "ETH"] } },
      "missingAsset",
      'the listed "BTС" has the Cyrillic letter С (U+0421) at position 3 where a Latin C is expected, so it is not BTC',
    );
  });

  test("a Greek letter in a vol-of-vol name, full-width letters in a target", () => {
    expectRefused({ ...base, volOfVols: [{ asset: "ALT", value: 3 }, { asset: "\u0392TC", value: 2 }, { asset: "ETH", value: 2.5 }] }, "missingAsset", "no vol-of-vol for BTC", "Greek letter Β (U+0392)");
    expectRefused({ ...base, targets: [{ asset: "\uff21\uff2c\uff34", vegaPerVolPoint: 1 }] }, "missingAsset", "3 characters that are not plain Latin, by position: Ａ (U+FF21, full-width) at 1");
  });

  test("a contract for a look-alike proxy names the letter", () => {
    expectRefused(
      { ...base, contracts: [{ proxy: "BTC", vegaPerContract: 100 }, { proxy: "\u0415TH", vegaPerContract: 100 }] },
      "invalidInput",
      "Cyrillic letter Е (U+0415) at position 1 where a Latin E is expected",
    );
  });
});
