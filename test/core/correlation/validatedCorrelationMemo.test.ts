import { rememberedValidCorrelation, rememberValidCorrelation, spareCorrelationBuffer } from "../../../src/core/correlation/validatedCorrelationMemo";
import { computeProxyHedge } from "../../../src/core/hedge/proxyHedge";
import { HedgeInputError } from "../../../src/core/hedge/hedgeErrors";
import type { ProxyHedgeInput } from "../../../src/core/hedge/hedgeTypes";

const rows = (): number[][] => [
  [1, 0.8, 0.85],
  [0.8, 1, 0.9],
  [0.85, 0.9, 1],
];

describe("validatedCorrelationMemo", () => {
  test("a hit needs the very same doubles: one entry one ulp off, 0 for −0, or another size is a miss", () => {
    const remembered = Float64Array.from(rows().flat());
    rememberValidCorrelation(remembered, 3);
    expect(rememberedValidCorrelation(rows())).toBe(remembered);
    const ulpOff = rows();
    (ulpOff[2] as number[])[1] = 0.9000000000000001;
    expect(rememberedValidCorrelation(ulpOff)).toBeNull();
    const withText = rows() as unknown[][];
    (withText[0] as unknown[])[1] = "0.8";
    expect(rememberedValidCorrelation(withText as number[][])).toBeNull();
    expect(rememberedValidCorrelation([[1, 0.8], [0.8, 1]])).toBeNull();

    rememberValidCorrelation(Float64Array.from([1, 0, 0, 1]), 2);
    expect(rememberedValidCorrelation([[1, -0], [-0, 1]])).toBeNull();
    expect(rememberedValidCorrelation([[1, 0], [0, 1]])).not.toBeNull();
  });

  test("two buffers take turns: the spare handed out after remembering is never the remembered matrix", () => {
    const first = spareCorrelationBuffer(3);
    first.set(rows().flat());
    rememberValidCorrelation(first, 3);
    const second = spareCorrelationBuffer(3);
    expect(second).not.toBe(first);
    second.fill(0.5); // a candidate being written must leave the remembered matrix alone
    expect(rememberedValidCorrelation(rows())).toBe(first);
    second.set(rows().flat().map((value) => value / 2));
    rememberValidCorrelation(second, 3);
    expect(spareCorrelationBuffer(3)).toBe(first);
    expect(rememberedValidCorrelation(rows())).toBeNull();
  });

  test("through the hedge: a matrix edited in place after a valid hedge is checked again and refused", () => {
    const values = rows();
    const input: ProxyHedgeInput = {
      targets: [{ asset: "ALT", vegaPerVolPoint: 10000 }],
      proxies: ["BTC", "ETH"],
      correlation: { assets: ["ALT", "BTC", "ETH"], values },
      volOfVols: [
        { asset: "ALT", value: 3 },
        { asset: "BTC", value: 2 },
        { asset: "ETH", value: 2.5 },
      ],
    };
    const first = computeProxyHedge(input);
    expect(computeProxyHedge(input)).toEqual(first);
    // ρ(ALT, BTC) = −0.8 with ρ(ALT, ETH) = 0.85 and ρ(BTC, ETH) = 0.9 contradict each other (not PSD).
    (values[0] as number[])[1] = -0.8;
    (values[1] as number[])[0] = -0.8;
    expect(() => computeProxyHedge(input)).toThrow(HedgeInputError);
    expect(() => computeProxyHedge(input)).toThrow(/check positiveSemidefinite failed/);
    (values[0] as number[])[1] = 0.8;
    (values[1] as number[])[0] = 0.8;
    expect(computeProxyHedge(input)).toEqual(first);
  });
});
