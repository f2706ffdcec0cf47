import { DEFAULT_CORRELATION_SHIFTS, stressHedge, type CorrelationStressInput } from "../../../src/core/backtest";
import { computeProxyHedge, HedgeInputError } from "../../../src/core/hedge";
import { nearestCorrelationMatrix } from "../../../src/core/correlation";
import { expectClose } from "../tolerance";

// Matrix order deliberately differs from the book's: XRP is not used and must be dropped.
const NAMES = ["BTC", "XRP", "ALT", "ETH", "SOL"];
const MATRIX = [
  [1, 0.2, 0.7, 0.8, 0.6],
  [0.2, 1, 0.1, 0.2, 0.1],
  [0.7, 0.1, 1, 0.65, 0.5],
  [0.8, 0.2, 0.65, 1, 0.55],
  [0.6, 0.1, 0.5, 0.55, 1],
];
const VOLVOLS = [
  { asset: "BTC", value: 2.1 },
  { asset: "XRP", value: 4 },
  { asset: "ALT", value: 3.4 },
  { asset: "ETH", value: 2.6 },
  { asset: "SOL", value: 3.1 },
];
const INPUT: CorrelationStressInput = {
  targets: [
    { asset: "ALT", vegaPerVolPoint: 5000 },
    { asset: "SOL", vegaPerVolPoint: -1500 },
    { asset: "ETH", vegaPerVolPoint: 800 },
  ],
  proxies: ["BTC", "ETH"],
  correlation: { assets: NAMES, values: MATRIX },
  volOfVols: VOLVOLS,
  ridge: 0.02,
};

/** The held and re-optimised figures written out from the definitions, for a given shifted matrix over `names`. */
function referenceRow(names: string[], correlation: number[][], hedge: Record<string, number>): { held: number; heldSd: number; reoptimised: number } {
  const s = names.map((name) => VOLVOLS.find((v) => v.asset === name)!.value);
  const sigma = correlation.map((row, i) => row.map((rho, j) => s[i]! * s[j]! * rho));
  const book = names.map((name) => INPUT.targets.find((t) => t.asset === name)?.vegaPerVolPoint ?? 0);
  const w = names.map((name, i) => book[i]! + (hedge[name] ?? 0));
  const quad = (x: number[]): number => x.reduce((sum, xi, i) => sum + xi * x.reduce((t, xj, j) => t + sigma[i]![j]! * xj, 0), 0);
  const reoptimised = computeProxyHedge({ ...INPUT, correlation: { assets: names, values: correlation } }).effectiveness;
  return { held: 1 - quad(w) / quad(book), heldSd: Math.sqrt(quad(w)), reoptimised };
}

function shiftedByHand(shift: number): { names: string[]; matrix: number[][] } {
  const names = ["BTC", "ALT", "ETH", "SOL"];
  const proxies = new Set(["BTC", "ETH"]);
  const matrix = names.map((a) => names.map((b) => {
    const rho = MATRIX[NAMES.indexOf(a)]![NAMES.indexOf(b)]!;
    const crosses = proxies.has(a) !== proxies.has(b);
    return crosses ? Math.max(-1, Math.min(1, rho + shift)) : rho;
  }));
  return { names, matrix };
}

describe("stressHedge", () => {
  const result = stressHedge(INPUT);
  const today = computeProxyHedge(INPUT);
  const hedge = Object.fromEntries(today.proxies.map((line) => [line.asset, line.hedgeVegaPerVolPoint]));

  it("runs the default shifts in order", () => {
    expect(result.rows.map((row) => row.shift)).toEqual([...DEFAULT_CORRELATION_SHIFTS]);
    expect(result.hedge).toEqual(today.proxies.map((line) => line.hedgeVegaPerVolPoint));
  });

  it("reproduces XV.HEDGESTATS in the row of shift 0", () => {
    const row = result.rows.find((r) => r.shift === 0)!;
    expectClose(row.heldEffectiveness, today.effectiveness, { absolute: 1e-13 });
    expectClose(row.heldResidualSd, today.residualPnlStandardDeviation, { relative: 1e-12 });
    expectClose(row.reoptimisedEffectiveness, today.effectiveness, { absolute: 1e-13 });
    expect(row.repaired).toBe(false);
  });

  it("shifts only the target–proxy correlations (ETH is in the book but is a proxy), and matches the definitions", () => {
    for (const row of result.rows) {
      const { names, matrix } = shiftedByHand(row.shift);
      const expected = referenceRow(names, matrix, hedge);
      expectClose(row.heldEffectiveness, expected.held, { absolute: 1e-12 }, `held at ${row.shift}`);
      expectClose(row.heldResidualSd, expected.heldSd, { relative: 1e-12 }, `held sd at ${row.shift}`);
      expectClose(row.reoptimisedEffectiveness, expected.reoptimised, { absolute: 1e-12 }, `reoptimised at ${row.shift}`);
    }
  });

  it("lets a held hedge lose money: held effectiveness is not clamped", () => {
    const row = stressHedge({ ...INPUT, shifts: [-1] }).rows[0]!;
    expect(row.heldEffectiveness).toBeLessThan(0);
    expect(row.reoptimisedEffectiveness).toBeGreaterThanOrEqual(0);
  });

  it("repairs and flags a shifted matrix that is no longer positive semidefinite", () => {
    // ALT–BTC 0.6, ALT–ETH 0.6, BTC–ETH 0: +0.3 gives 0.9, 0.9, 0, whose determinant is 1 − 0.81 − 0.81 < 0.
    const input: CorrelationStressInput = {
      targets: [{ asset: "ALT", vegaPerVolPoint: 1000 }],
      proxies: ["BTC", "ETH"],
      correlation: { assets: ["ALT", "BTC", "ETH"], values: [[1, 0.6, 0.6], [0.6, 1, 0], [0.6, 0, 1]] },
      shifts: [0.3, 0.1],
    };
    const rows = stressHedge(input).rows;
    expect(rows.map((row) => row.repaired)).toEqual([true, false]);
    const repaired = nearestCorrelationMatrix([[1, 0.9, 0.9], [0.9, 1, 0], [0.9, 0, 1]]).matrix;
    const reoptimised = computeProxyHedge({ ...input, correlation: { assets: ["ALT", "BTC", "ETH"], values: repaired } });
    expectClose(rows[0]!.reoptimisedEffectiveness, reoptimised.effectiveness, { absolute: 1e-9 });
    const held = computeProxyHedge(input).proxies.map((line) => line.hedgeVegaPerVolPoint);
    const w = [1000, held[0]!, held[1]!];
    const quad = (x: number[]): number => x.reduce((sum, xi, i) => sum + xi * x.reduce((t, xj, j) => t + repaired[i]![j]! * xj, 0), 0);
    expectClose(rows[0]!.heldEffectiveness, 1 - quad(w) / 1e6, { absolute: 1e-9 });
  });

  it("warns when every book asset is a proxy (nothing to shift)", () => {
    const only = stressHedge({ ...INPUT, targets: [{ asset: "ETH", vegaPerVolPoint: 100 }], shifts: [-0.3] });
    expect(only.warnings.map((warning) => warning.code)).toContain("nothingShifted");
  });

  it.each([[[]], [[Number.NaN]], [[0, 2.5]]])("refuses the shifts %p", (shifts) => {
    expect(() => stressHedge({ ...INPUT, shifts })).toThrow(HedgeInputError);
  });

  it("refuses what XV.XVEGAHEDGE refuses, with its message", () => {
    expect(() => stressHedge({ ...INPUT, proxies: ["DOGE"] })).toThrow(/asset DOGE is not in the correlation matrix/);
  });
});
