import fc from "fast-check";
import { computeProxyHedge } from "../../src/core/hedge";
import { HEDGE_STATISTIC_LABELS, hedgestats, xvegahedge } from "../../src/functions/hedgeFunctions";
import { expectClose } from "../core/tolerance";
import { column, expectExcelError, expectOnlyCellValues, row, single, thrownBy } from "./functionTestUtils";

/** Omitted optional arguments arrive as null (PLATFORM.md). */
const omitted = null as never;
const exact = { absolute: 1e-9, relative: 1e-12 };

/*
 * DOMAIN.md §2 worked example: target ALT v = +10,000 USD/pt; s = (ALT 3.0, BTC 2.0, ETH 2.5); ρ(ALT,BTC) = 0.8,
 * ρ(ALT,ETH) = 0.85, ρ(BTC,ETH) = 0.9 (0.99 for the collinear case). Laid out as a workbook would hold XV_CORR
 * (names in the first row and column, blank corner) and XV_VOLVOL (two columns).
 */
const xvCorr = (btcEth = 0.9): unknown[][] => [
  [null, "ALT", "BTC", "ETH"],
  ["ALT", 1, 0.8, 0.85],
  ["BTC", 0.8, 1, btcEth],
  ["ETH", 0.85, btcEth, 1],
];
const xvVolVol: unknown[][] = [
  ["ALT", 3],
  ["BTC", 2],
  ["ETH", 2.5],
];

function statistics(result: unknown[][]): Map<string, unknown> {
  return new Map(result.filter((cells) => cells[0] !== "warning").map((cells) => [cells[0] as string, cells[1]]));
}
function warnings(result: unknown[][]): string[] {
  return result.filter((cells) => cells[0] === "warning").map((cells) => cells[1] as string);
}

describe("XV.XVEGAHEDGE and XV.HEDGESTATS: DOMAIN.md §2 worked example", () => {
  test("BTC alone: h = −12,000 (β = 1.2); effectiveness 0.64, residual sd 18,000 vs 30,000 unhedged", () => {
    const hedge = xvegahedge(column("ALT"), column(10_000), single("BTC"), xvCorr(), xvVolVol);
    expect(hedge).toHaveLength(1);
    expect(hedge[0]).toHaveLength(2);
    expect(hedge[0]?.[0]).toBe("BTC");
    expectClose(hedge[0]?.[1], -12_000, exact);

    const stats = hedgestats(column("ALT"), column(10_000), single("BTC"), xvCorr(), xvVolVol);
    expectOnlyCellValues(stats);
    expect(stats.map((cells) => cells[0])).toEqual([...HEDGE_STATISTIC_LABELS]);
    const byLabel = statistics(stats);
    expectClose(byLabel.get("unhedged sd per day"), 30_000, exact);
    expectClose(byLabel.get("residual sd per day"), 18_000, exact);
    expectClose(byLabel.get("effectiveness"), 0.64, exact);
    expectClose(byLabel.get("condition number"), 1, exact);
    expectClose(byLabel.get("proxy correlation condition number"), 1, exact);
    // No contract_vegas: the after-rounding rows are there (fixed layout) but blank, never 0.
    expect(byLabel.get("residual sd per day after rounding")).toBe("");
    expect(byLabel.get("effectiveness after rounding")).toBe("");
  });

  test("BTC + ETH (proxies as a row): h ≈ (−2,763, −8,211), effectiveness ≈ 0.7289", () => {
    const hedge = xvegahedge(column("ALT"), column(10_000), row("BTC", "ETH"), xvCorr(), xvVolVol);
    expect(hedge.map((cells) => cells[0])).toEqual(["BTC", "ETH"]);
    expectClose(hedge[0]?.[1], -2763, { absolute: 0.5 }, "published BTC");
    expectClose(hedge[1]?.[1], -8211, { absolute: 0.5 }, "published ETH");
    // Closed form of the 2×2 normal equations (fixture workedExample.json): −1.3125/4.75·10⁴ and −3.9/4.75·10⁴.
    expectClose(hedge[0]?.[1], -2763.1578947368425, exact);
    expectClose(hedge[1]?.[1], -8210.526315789473, exact);
    const byLabel = statistics(hedgestats(column("ALT"), column(10_000), row("BTC", "ETH"), xvCorr(), xvVolVol));
    expectClose(byLabel.get("effectiveness"), 0.7289, { absolute: 0.00005 }, "published");
    expectClose(byLabel.get("effectiveness"), 0.7289473684210527, exact);
  });

  test("ρ(BTC,ETH) = 0.99: the spread bet (+31,281 / −34,975), condition ≈ 209 and a collinearity warning row", () => {
    const hedge = xvegahedge(column("ALT"), column(10_000), column("BTC", "ETH"), xvCorr(0.99), xvVolVol);
    expectClose(hedge[0]?.[1], 31_281, { absolute: 0.5 });
    expectClose(hedge[1]?.[1], -34_975, { absolute: 0.5 });
    const stats = hedgestats(column("ALT"), column(10_000), column("BTC", "ETH"), xvCorr(0.99), xvVolVol);
    expectOnlyCellValues(stats);
    expectClose(statistics(stats).get("condition number"), 209, { absolute: 0.5 });
    expectClose(statistics(stats).get("condition number"), 209.17612386227034, exact);
    // cond(R_pp) = (1 + 0.99)/(1 − 0.99) = 199.
    expectClose(statistics(stats).get("proxy correlation condition number"), 199, { absolute: 1e-9 });
    const rows = warnings(stats);
    expect(rows).toEqual(expect.arrayContaining([expect.stringMatching(/^proxies are nearly collinear: BTC and ETH have correlation 0\.990/)]));
    expect(rows).toEqual(expect.arrayContaining([expect.stringMatching(/long\/short vol-spread bet/)]));
    expect(stats.slice(HEDGE_STATISTIC_LABELS.length).every((cells) => cells[0] === "warning")).toBe(true);
  });

  test("a ridge shrinks the spread bet and says so in a warning row", () => {
    const plain = xvegahedge(column("ALT"), column(10_000), column("BTC", "ETH"), xvCorr(0.99), xvVolVol);
    const ridged = xvegahedge(column("ALT"), column(10_000), column("BTC", "ETH"), xvCorr(0.99), xvVolVol, omitted, omitted, single(0.05));
    expect(Math.abs(ridged[0]?.[1] as number)).toBeLessThan(Math.abs(plain[0]?.[1] as number) / 3);
    const stats = hedgestats(column("ALT"), column(10_000), column("BTC", "ETH"), xvCorr(0.99), xvVolVol, omitted, omitted, single(0.05));
    expect(warnings(stats)).toEqual(expect.arrayContaining([expect.stringMatching(/^a ridge of 0\.05 added/)]));
  });

  test("volvols omitted: every asset moves equally, and a warning row says so", () => {
    const hedge = xvegahedge(column("ALT"), column(10_000), single("BTC"), xvCorr());
    expectClose(hedge[0]?.[1], -8_000, exact); // h = −ρ·v with s_t = s_p
    const stats = hedgestats(column("ALT"), column(10_000), single("BTC"), xvCorr(), omitted);
    expect(warnings(stats)).toEqual([expect.stringMatching(/^no vol-of-vols were given, so every asset is assumed to move equally/)]);
  });
});

describe("XV.XVEGAHEDGE reads a book as a table holds it", () => {
  test("legs on one asset are netted by name (case and spaces ignored); blank trailing rows are skipped", () => {
    const assets = column(" alt", "ALT ", "Alt", null, "", 0);
    const vegas = column(4_000, 5_000, 1_000, null, 0, 0);
    const netted = xvegahedge(assets, vegas, single("BTC"), xvCorr(), xvVolVol);
    expectClose(netted[0]?.[1], -12_000, exact);
    expect(hedgestats(assets, vegas, single("btc"), xvCorr(), xvVolVol)).toEqual(hedgestats(column("ALT"), column(10_000), single("BTC"), xvCorr(), xvVolVol));
  });

  test("legs as rows; the proxy name is shown as typed in proxies, even when it is also a target", () => {
    const hedge = xvegahedge(row("ALT", "btc"), row(10_000, 0), single(" BTC "), xvCorr(), xvVolVol);
    expect(hedge[0]?.[0]).toBe("BTC");
    expectClose(hedge[0]?.[1], -12_000, exact);
  });

  test("a hedge of a long-vol proxy position on itself is −its vega (effectiveness 1)", () => {
    const hedge = xvegahedge(column("ETH", "BTC"), column(0, 2_500), single("BTC"), xvCorr(), xvVolVol);
    expectClose(hedge[0]?.[1], -2_500, exact);
    expectClose(statistics(hedgestats(column("BTC"), column(2_500), single("BTC"), xvCorr(), xvVolVol)).get("effectiveness"), 1, exact);
  });

  test("contracts = hedge / contract vega, rounded to the lot size; the residual is recomputed after rounding", () => {
    const hedge = xvegahedge(column("ALT"), column(10_000), single("BTC"), xvCorr(), xvVolVol, single(700), single(0.1));
    expect(hedge[0]).toHaveLength(4);
    expectClose(hedge[0]?.[2], -12_000 / 700, exact);
    expect(hedge[0]?.[3]).toBe(-17.1);
    // Whole contracts by default.
    expect(xvegahedge(column("ALT"), column(10_000), single("BTC"), xvCorr(), xvVolVol, single(700))[0]?.[3]).toBe(-17);

    // After rounding the hedge is −17.1 × 700 = −11,970 of vega: residual variance (v·s_t)² + (h·s_p)² + 2ρ·v·h·s_t·s_p.
    const rounded = -17.1 * 700;
    const residualVariance = (10_000 * 3) ** 2 + (rounded * 2) ** 2 + 2 * 0.8 * 10_000 * rounded * 3 * 2;
    const byLabel = statistics(hedgestats(column("ALT"), column(10_000), single("BTC"), xvCorr(), xvVolVol, single(700), single(0.1)));
    expectClose(byLabel.get("residual sd per day after rounding"), Math.sqrt(residualVariance), exact);
    expectClose(byLabel.get("effectiveness after rounding"), 1 - residualVariance / 9e8, exact);
    expectClose(byLabel.get("residual sd per day"), 18_000, exact);
  });

  test("per-proxy contract vegas follow the proxies' layout; one lot size serves every proxy; blank proxies are skipped", () => {
    const hedge = xvegahedge(column("ALT"), column(10_000), column("BTC", null, "ETH"), xvCorr(), xvVolVol, column(100, null, 200), single(0.5));
    expect(hedge.map((cells) => cells[0])).toEqual(["BTC", "ETH"]);
    expectClose(hedge[0]?.[2], -2763.1578947368425 / 100, exact);
    expect(hedge[0]?.[3]).toBe(-27.5);
    expect(hedge[1]?.[3]).toBe(-41);
    // A blank lot size is 1.
    expect(xvegahedge(column("ALT"), column(10_000), column("BTC", "ETH"), xvCorr(), xvVolVol, column(100, 200), column(null, ""))[0]?.[3]).toBe(-28);
  });

  test("the engine gives the same numbers as XV.XVEGAHEDGE (the adapter only reads ranges)", () => {
    const direct = computeProxyHedge({
      targets: [{ asset: "ALT", vegaPerVolPoint: 10_000 }],
      proxies: ["BTC", "ETH"],
      correlation: { assets: ["ALT", "BTC", "ETH"], values: xvCorr().slice(1).map((cells) => cells.slice(1) as number[]) },
      volOfVols: xvVolVol.map(([asset, value]) => ({ asset: asset as string, value: value as number })),
    });
    const hedge = xvegahedge(column("ALT"), column(10_000), column("BTC", "ETH"), xvCorr(), xvVolVol);
    expect(hedge.map((cells) => cells[1])).toEqual(direct.proxies.map((line) => line.hedgeVegaPerVolPoint));
  });

  test("volvols in two rows, with or without a header; a correlation corner label is allowed", () => {
    const labelledCorr = xvCorr();
    (labelledCorr[0] as unknown[])[0] = "abs";
    const inRows = xvegahedge(column("ALT"), column(10_000), single("BTC"), labelledCorr, [
      ["ALT", "BTC", "ETH"],
      [3, 2, 2.5],
    ]);
    expectClose(inRows[0]?.[1], -12_000, exact);
    const withHeader = xvegahedge(column("ALT"), column(10_000), single("BTC"), xvCorr(), [["asset", "vol of vol"], ...xvVolVol, [null, null]]);
    expectClose(withHeader[0]?.[1], -12_000, exact);
    const twoByTwo = xvegahedge(column("ALT"), column(10_000), single("BTC"), xvCorr(), [
      ["ALT", "BTC"],
      [3, 2],
    ]);
    expectClose(twoByTwo[0]?.[1], -12_000, exact);
  });

  test("correlations labelled log are refused: log vol-of-vols read as vol points would size a wrong hedge", () => {
    for (const label of ["log", " Relative "]) {
      const logCorrelations = xvCorr();
      (logCorrelations[0] as unknown[])[0] = label;
      expectExcelError(() => xvegahedge(column("ALT"), column(10_000), single("BTC"), logCorrelations, xvVolVol), /labelled "log".*changes "abs"/);
      expectExcelError(() => hedgestats(column("ALT"), column(10_000), single("BTC"), logCorrelations, xvVolVol), /labelled "log"/);
    }
  });

  test("a 200-leg book over 20 assets hedges at once", () => {
    const names = Array.from({ length: 20 }, (_, k) => `A${k}`);
    const correlations: unknown[][] = [["", ...names], ...names.map((name, i) => [name, ...names.map((_, j) => (i === j ? 1 : 0.5))])];
    const volvols = names.map((name, k) => [name, 1 + k / 10]);
    const assets = column(...Array.from({ length: 200 }, (_, leg) => names[leg % 20]));
    const vegas = column(...Array.from({ length: 200 }, (_, leg) => ((leg * 7919) % 2001) - 1000));
    const started = performance.now();
    const hedge = xvegahedge(assets, vegas, column("A0", "A1"), correlations, volvols);
    const stats = hedgestats(assets, vegas, column("A0", "A1"), correlations, volvols);
    expect(performance.now() - started).toBeLessThan(500);
    expect(hedge).toHaveLength(2);
    expectOnlyCellValues(hedge);
    expectOnlyCellValues(stats);
  });
});

describe("XV.XVEGAHEDGE errors: the argument, the value and the fix", () => {
  const call = (overrides: Partial<Record<"assets" | "vegas" | "proxies" | "correlations" | "volvols" | "contract_vegas" | "lot_sizes" | "ridge", unknown[][] | null>>) => {
    const args = { assets: column("ALT"), vegas: column(10_000), proxies: single("BTC"), correlations: xvCorr(), volvols: xvVolVol, contract_vegas: null, lot_sizes: null, ridge: null, ...overrides };
    return () => xvegahedge(args.assets as never, args.vegas as never, args.proxies as never, args.correlations as never, args.volvols as never, args.contract_vegas as never, args.lot_sizes as never, args.ridge as never);
  };

  test("an asset missing from the correlation matrix is #N/A naming it", () => {
    expectExcelError(call({ assets: column("ALT", "SOL"), vegas: column(10_000, 500) }), /^asset SOL is not in the correlation matrix \(its assets: ALT, BTC, ETH\): add a row and a column for it$/, "#N/A");
    expectExcelError(call({ proxies: single("ETHW") }), /asset ETHW is not in the correlation matrix/, "#N/A");
  });

  test("an asset missing from volvols is #N/A naming it", () => {
    expectExcelError(call({ volvols: [["ALT", 3]] }), /^no vol-of-vol for BTC/, "#N/A");
  });

  test("an invalid matrix is #VALUE! naming the failed check, the entry by asset names, and XV.NEARCORR", () => {
    const asymmetric = xvCorr();
    (asymmetric[2] as unknown[])[1] = 0.7;
    expectExcelError(call({ correlations: asymmetric }), /^correlation matrix check symmetric failed: entry \(ALT, BTC\) is 0\.8 but \(BTC, ALT\) is 0\.7.*XV\.NEARCORR$/);
    const outOfBounds = xvCorr(1.2);
    expectExcelError(call({ correlations: outOfBounds }), /check bounds failed: entry \(BTC, ETH\) is 1\.2: a correlation must lie between −1 and 1.*XV\.NEARCORR/);
    const contradictory: unknown[][] = [
      ["", "ALT", "BTC", "ETH"],
      ["ALT", 1, 0.9, -0.9],
      ["BTC", 0.9, 1, 0.9],
      ["ETH", -0.9, 0.9, 1],
    ];
    expectExcelError(call({ correlations: contradictory }), /check positiveSemidefinite failed: smallest eigenvalue -?\d.*repair it with XV\.NEARCORR/);
    const badDiagonal = xvCorr();
    (badDiagonal[3] as unknown[])[3] = 0.95;
    expectExcelError(call({ correlations: badDiagonal }), /check unitDiagonal failed: diagonal entry \(ETH, ETH\) is 0\.95/);
  });

  test("correlations must be a labelled square range whose row and column names agree", () => {
    expectExcelError(call({ correlations: xvCorr().slice(1).map((cells) => cells.slice(1)) }), /^correlations has 1 in its top-left cell, so it has no asset names: give a square range with asset names in its first row and first column/);
    expectExcelError(call({ correlations: xvCorr().slice(0, 3) }), /^correlations is 3 rows × 4 columns: give a square range with asset names in its first row and first column \(\(n \+ 1\) × \(n \+ 1\) cells for n assets\), such as the workbook name XV_CORR$/);
    const swapped = xvCorr();
    (swapped[0] as unknown[])[2] = "ETH";
    (swapped[0] as unknown[])[3] = "BTC";
    expectExcelError(call({ correlations: swapped }), /^correlations: row 3 is labelled BTC but column 3 is labelled ETH: the first row and the first column must list the same assets in the same order$/);
    const lowerCase = xvCorr();
    (lowerCase[2] as unknown[])[0] = " btc ";
    expect(call({ correlations: lowerCase })()).toEqual(call({})());
    const textEntry = xvCorr();
    (textEntry[1] as unknown[])[2] = "0.8";
    expectExcelError(call({ correlations: textEntry }), /^correlations entry \(ALT, BTC\) "0\.8" is text \(a number stored as text/);
    const unnamed = xvCorr();
    (unnamed[0] as unknown[])[2] = null;
    expectExcelError(call({ correlations: unnamed }), /^correlations: column 3 of its first row is blank, not an asset name: the first row must name the asset of every column$/);
  });

  test("singular proxies are #VALUE! with the reason; merely collinear ones compute (the warning is in HEDGESTATS)", () => {
    const sameRisk: unknown[][] = [
      ["", "ALT", "BTC", "ETH"],
      ["ALT", 1, 0.8, 0.8],
      ["BTC", 0.8, 1, 1],
      ["ETH", 0.8, 1, 1],
    ];
    expectExcelError(call({ proxies: column("BTC", "ETH"), correlations: sameRisk }), /^proxies BTC and ETH have correlation 1\.000000: they are the same risk and no unique hedge exists; add a ridge/);
    expectExcelError(call({ volvols: [["ALT", 3], ["BTC", 0]] }), /^vol-of-vol of proxy BTC is 0 \(or blank: the desktop reads a blank cell as 0\), so BTC cannot hedge anything/);
    expect(call({ proxies: column("BTC", "ETH"), correlations: xvCorr(0.99) })()).toHaveLength(2);
  });

  test("a bad leg fails the whole call, naming the row, the argument and the value", () => {
    expectExcelError(
      call({ assets: column("ALT", "BTC"), vegas: column(10_000, "abc") }),
      /^row 2 of assets and vegas: vega of BTC "abc" is text; expected a cash vega per vol point; the hedge needs every leg: fix or clear the row$/,
    );
    expectExcelError(call({ assets: column("ALT", null), vegas: column(10_000, 250) }), /^row 2 of assets and vegas: vega 250 has no asset name; the hedge needs every leg/);
    expectExcelError(call({ assets: column("ALT", "ETH"), vegas: column(10_000, null) }), /^row 2 of assets and vegas: vega of ETH is blank; expected a cash vega per vol point/);
    expectExcelError(call({ assets: column("ALT", 42), vegas: column(10_000, 1) }), /^row 2 of assets and vegas: asset 42 is not a name \(expected text such as BTC\)/);
    expectExcelError(call({ assets: row("ALT", "BTC"), vegas: row(10_000, true) }), /^column 2 of assets and vegas: vega of BTC TRUE is a logical value/);
    expectExcelError(call({ assets: column("ALT", "BTC"), vegas: column(10_000) }), /^assets has 2 cells but vegas has 1: give one asset name per vega/);
    expectExcelError(call({ assets: column(null, ""), vegas: column(0, null) }), /^assets and vegas hold no legs \(every row is blank\)/);
    expectExcelError(call({ assets: [["ALT", "BTC"], ["ETH", "SOL"]] }), /^assets is 2 rows × 2 columns: give one row or one column of asset names, one per leg$/);
  });

  test("proxies, contract_vegas, lot_sizes and ridge are checked with their names", () => {
    expectExcelError(call({ proxies: column(null, "") }), /^proxies is blank: name at least one asset to hedge with, such as BTC$/);
    expectExcelError(call({ proxies: column("BTC", "btc ") }), /^proxy btc appears twice \(positions 1 and 2/);
    expectExcelError(call({ proxies: column("BTC", 7) }), /^proxies row 2 is 7: expected an asset name such as BTC$/);
    expectExcelError(call({ proxies: column("BTC", "ETH"), contract_vegas: single(100) }), /^contract_vegas has 1 cell but proxies has 2: give one per proxy, in the order of proxies \(BTC, ETH\)$/);
    expectExcelError(call({ contract_vegas: single(0) }), /^vega per contract for BTC is 0 \(a blank cell reads as 0 in Excel for the desktop\): give the cash vega per vol point of one contract/);
    expectExcelError(call({ contract_vegas: single("x") }), /^contract_vegas for BTC "x" is text; expected the cash vega per vol point of one contract/);
    expectExcelError(call({ proxies: column("BTC", null), contract_vegas: column(100, 5) }), /^contract_vegas row 2 holds 5 but proxies row 2 is blank: name the proxy or clear the cell$/);
    expectExcelError(call({ lot_sizes: single(1) }), /^lot_sizes is given but contract_vegas is not/);
    expectExcelError(call({ contract_vegas: single(100), lot_sizes: single(0) }), /^lot size for BTC is 0: it must be a positive number of contracts/);
    expectExcelError(call({ contract_vegas: single(100), lot_sizes: single("lot") }), /^lot_sizes for BTC "lot" is text; expected a lot size > 0/);
    expectExcelError(call({ ridge: single(-1) }), /^ridge -1 must be a number from 0 to 1000000/);
    expectExcelError(call({ ridge: single("big") }), /^ridge "big" is text; expected a ridge ≥ 0/);
    expectExcelError(call({ ridge: column(0.1, 0.2) }), /^ridge is 2 rows × 1 column: give a single cell$/);
  });

  test("volvols: the layout and each value are checked", () => {
    expectExcelError(call({ volvols: [["ALT", 3, 1], ["BTC", 2, 1], ["ETH", 2.5, 1]] }), /^volvols is 3 rows × 3 columns: give two columns \(asset names, then/);
    expectExcelError(call({ volvols: [["ALT", 3], ["BTC", "2"]] }), /^volvols for BTC "2" is text \(a number stored as text/);
    expectExcelError(call({ volvols: [["ALT", 3], ["BTC", -2]] }), /^vol-of-vol for BTC is -2: it must be a standard deviation of daily vol changes/);
    expectExcelError(call({ volvols: [["ALT", 3], [null, 2]] }), /^volvols row 2: the name is blank; give two columns/);
  });

  test("whatever the cells hold, the call returns text and finite numbers or throws #VALUE!/#N/A with a message", () => {
    const anyCell = fc.oneof(
      fc.constantFrom(null, "", " ", "ALT", "btc", "ETH", "SOL", 0, 1, -1, 0.5, 10_000, Number.NaN, Number.POSITIVE_INFINITY, true, "abc", "12", 1e300),
      fc.double(),
    );
    const range = (rows: number, columns: number) => fc.array(fc.array(anyCell, { minLength: columns, maxLength: columns }), { minLength: rows, maxLength: rows });
    fc.assert(
      fc.property(range(3, 1), range(3, 1), range(1, 2), fc.option(range(1, 1)), fc.option(range(1, 1)), (assets, vegas, proxies, contracts, ridge) => {
        let result: unknown[][];
        try {
          result = xvegahedge(assets, vegas, proxies, xvCorr(), xvVolVol, (contracts ?? null) as never, omitted, (ridge ?? null) as never);
        } catch (error) {
          const excelError = thrownBy(() => {
            throw error;
          });
          expect(["#VALUE!", "#N/A"]).toContain(excelError.code);
          expect(excelError.message?.length ?? 0).toBeGreaterThan(10);
          return;
        }
        expectOnlyCellValues(result);
      }),
      { numRuns: 300 },
    );
  });
});

describe("issue 8: hostile inputs to XV.XVEGAHEDGE and XV.HEDGESTATS", () => {
  const hedgeWith = (proxies: unknown[][], volvols: unknown[][] = xvVolVol, contractVegas: unknown[][] | null = null, correlations = xvCorr()) =>
    xvegahedge(column("ALT"), column(10_000), proxies, correlations, volvols, contractVegas as never);

  test("item 3: a target's blank vol-of-vol (0 on the desktop) is #VALUE! naming the asset, not a silent hedge of nothing", () => {
    expectExcelError(() => hedgeWith(row("BTC", "ETH"), [["ALT", 0], ["BTC", 2], ["ETH", 2.5]]), /^vol-of-vol of target ALT is 0 \(or blank.*give ALT's vol-of-vol/);
    expectExcelError(
      () => hedgestats(column("ALT"), column(10_000), row("BTC", "ETH"), xvCorr(), [["ALT", 0], ["BTC", 2], ["ETH", 2.5]]),
      /^vol-of-vol of target ALT is 0/,
    );
  });

  test("item 7: a negative contract_vegas cell is #VALUE! naming the proxy and the value", () => {
    expectExcelError(() => hedgeWith(row("BTC", "ETH"), xvVolVol, row(100, -200)), /^vega per contract for ETH is -200: give the vega of buying one contract, a positive number/);
  });

  test("item 13: a subnormal vol-of-vol is #VALUE! naming it, never an internal message", () => {
    expectExcelError(() => hedgeWith(row("BTC", "ETH"), [["ALT", 3], ["BTC", 1e-310], ["ETH", 2.5]]), /^vol-of-vol of proxy BTC is 1e-310: implausibly small/);
  });

  test("item 13: a zero-width space in a proxy cell matches BTC and spills the clean name; a Cyrillic В is #N/A naming the letter", () => {
    const hedge = hedgeWith(row("BTC\u200b", "ETH"));
    expect(hedge[0]?.[0]).toBe("BTC");
    expectClose(hedge[0]?.[1], -2763.1578947368425, exact);
    expectExcelError(() => hedgeWith(single("\u0412TC")), /^asset ВTC is not in the correlation matrix: "ВTC" has the Cyrillic letter В \(U\+0412\) at position 1 where a Latin B is expected/, "#N/A");
    expectExcelError(() => hedgeWith(row("\u200b", "ETH")), /^proxies column 1: "\u200b" has an invisible character U\+200B \(zero-width space\) at position 1 and nothing else/);
    expectExcelError(
      () => xvegahedge(column("ALT", "\u200d"), column(10_000, 5), single("BTC"), xvCorr(), xvVolVol),
      /^row 2 of assets and vegas: "\u200d" has an invisible character U\+200D \(zero-width joiner\) at position 1 and nothing else/,
    );
  });

  test("item 14: a singular pair rescued by a ridge shows ∞ (singular) for both condition numbers (once blank and 9E15)", () => {
    const collinear: unknown[][] = [
      [null, "ALT", "BTC", "ETH"],
      ["ALT", 1, 0.8, 0.8],
      ["BTC", 0.8, 1, 1],
      ["ETH", 0.8, 1, 1],
    ];
    const stats = hedgestats(column("ALT"), column(10_000), row("BTC", "ETH"), collinear, xvVolVol, omitted, omitted, single(0.05));
    expectOnlyCellValues(stats);
    const byLabel = statistics(stats);
    expect(byLabel.get("condition number")).toBe("∞ (singular)");
    expect(byLabel.get("proxy correlation condition number")).toBe("∞ (singular)");
  });
});
