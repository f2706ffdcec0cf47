/*
 * The XV_Config layout as plain data: where the blocks go, how cells are typed, and that the set-up survives the trip
 * into cells and back bit for bit (a golden layout, a fast-check round trip, and the problems a hand-edited sheet has).
 */
import fc from "fast-check";
import type { CorrelationConfig } from "../../../src/taskpane/correlation/correlationConfig";
import {
  CONFIG_MARKER,
  configFromNamedValues,
  configToSheet,
  isConfigMarker,
  type ConfigSheetLayout,
} from "../../../src/taskpane/workbook/configSheetLayout";
import { sampleConfig } from "./configFixtures";

/** What Range.values gives back for a name's block: the cells as written ("" for blank). */
function namedValues(layout: ConfigSheetLayout, name: keyof ConfigSheetLayout["names"]): unknown[][] {
  const written = layout.blocks.find((candidate) => candidate.address === layout.names[name]);
  if (!written) throw new Error(`no block at ${layout.names[name]}`);
  return written.cells.map((row) => [...row]);
}

function readBack(layout: ConfigSheetLayout): ReturnType<typeof configFromNamedValues> {
  return configFromNamedValues(namedValues(layout, "XV_CORR"), namedValues(layout, "XV_VOLVOL"), namedValues(layout, "XV_META"));
}

function expectSameBits(actual: CorrelationConfig, expected: CorrelationConfig): void {
  expect(actual).toEqual(expected);
  actual.correlations.forEach((row, i) => row.forEach((entry, j) => expect(Object.is(entry, expected.correlations[i]?.[j])).toBe(true)));
  actual.volOfVols.forEach((value, k) => expect(Object.is(value, expected.volOfVols[k])).toBe(true));
}

describe("configToSheet", () => {
  it("puts the marker in A1 and the three named blocks at fixed corners", () => {
    const layout = configToSheet(sampleConfig());
    expect(layout.marker).toEqual({ address: "A1", kind: "values", cells: [[CONFIG_MARKER]], numberFormats: [["@"]] });
    expect(layout.names).toEqual({ XV_META: "A5:B10", XV_VOLVOL: "A13:B15", XV_CORR: "D13:G16" });
    expect(configToSheet(sampleConfig(["BTC"])).names).toEqual({ XV_META: "A5:B10", XV_VOLVOL: "A13:B13", XV_CORR: "D13:E14" });
  });

  it("writes the labelled matrix as XV.XVEGAHEDGE reads it: changes in the corner, names across and down", () => {
    const config = sampleConfig(["BTC", "ETH"]);
    const matrix = namedValues(configToSheet(config), "XV_CORR");
    expect(matrix).toEqual([
      ["log", "BTC", "ETH"],
      ["BTC", ...(config.correlations[0] ?? [])],
      ["ETH", ...(config.correlations[1] ?? [])],
    ]);
    expect(namedValues(configToSheet({ ...config, changes: "absolute" }), "XV_CORR")[0]?.[0]).toBe("abs");
  });

  it("writes vol-of-vols as two columns with a blank for an unset one, and the metadata as label / value rows", () => {
    const config = sampleConfig(["BTC", "ETH"]);
    const layout = configToSheet(config);
    expect(namedValues(layout, "XV_VOLVOL")).toEqual([["BTC", config.volOfVols[0]], ["ETH", ""]]);
    expect(namedValues(layout, "XV_META")).toEqual([
      ["as_of", "2026-11-21T08:00:00.000Z"],
      ["source", "history"],
      ["method", "ewma"],
      ["lambda", 0.94],
      ["repaired", true],
      ["changes", "log"],
    ]);
    expect(namedValues(configToSheet({ ...config, metadata: { ...config.metadata, lambda: null } }), "XV_META")[3]).toEqual(["lambda", ""]);
  });

  it("formats text cells as Text (@) and numbers, booleans and blanks as General, writing numbers as numbers", () => {
    const layout = configToSheet(sampleConfig(["=BTC", "+ETH", "1e3"]));
    for (const written of [layout.marker, ...layout.blocks]) {
      written.cells.forEach((row, i) =>
        row.forEach((cell, j) => {
          const format = written.numberFormats[i]?.[j];
          expect(format).toBe(typeof cell === "string" && cell !== "" ? "@" : "General");
        }),
      );
    }
    expect(namedValues(layout, "XV_CORR")[1]?.slice(0, 2)).toEqual(["=BTC", 1]);
  });

  it("refuses shapes it cannot lay out", () => {
    const config = sampleConfig(["BTC", "ETH"]);
    expect(() => configToSheet({ ...config, assets: [], correlations: [], volOfVols: [] })).toThrow(/no assets/);
    expect(() => configToSheet({ ...config, correlations: [[1]] })).toThrow(/2 × 2/);
    expect(() => configToSheet({ ...config, volOfVols: [null] })).toThrow(/one per asset/);
    expect(() => configToSheet({ ...config, correlations: [[1, NaN], [NaN, 1]] })).toThrow(/finite/);
  });
});

describe("configFromNamedValues", () => {
  it("reads back what configToSheet wrote, to the last bit", () => {
    const config = sampleConfig([" Btc ", "=ETH", "-SOL", "@DOGE", "TRUE"]);
    const back = readBack(configToSheet(config));
    if ("problem" in back) throw new Error(back.problem);
    expectSameBits(back, config);
  });

  it("round-trips any set-up (fast-check)", () => {
    const assetName = fc.string({ minLength: 1, maxLength: 12 }).filter((name) => name.trim() !== "");
    const setUp = fc
      .uniqueArray(assetName, { minLength: 1, maxLength: 6, selector: (name) => name.trim().toLowerCase() })
      .chain((assets) =>
        fc.record({
          assets: fc.constant(assets),
          correlations: fc.array(fc.array(fc.double({ noNaN: true, noDefaultInfinity: true }), { minLength: assets.length, maxLength: assets.length }), {
            minLength: assets.length,
            maxLength: assets.length,
          }),
          volOfVols: fc.array(fc.option(fc.double({ noNaN: true, noDefaultInfinity: true }), { nil: null }), { minLength: assets.length, maxLength: assets.length }),
          changes: fc.constantFrom("absolute" as const, "log" as const),
          metadata: fc.record({
            asOf: fc.date({ noInvalidDate: true }).map((date) => date.toISOString()),
            source: fc.constantFrom("manual" as const, "selection" as const, "history" as const),
            method: fc.constantFrom("typed" as const, "imported" as const, "sample" as const, "ewma" as const),
            lambda: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null }),
            repaired: fc.boolean(),
          }),
        }),
      );
    fc.assert(
      fc.property(setUp, (config) => {
        const back = readBack(configToSheet(config));
        if ("problem" in back) throw new Error(back.problem);
        expectSameBits(back, config);
      }),
    );
  });

  it("takes a blank or missing vol-of-vol as not set, and metadata rows in any order", () => {
    const layout = configToSheet(sampleConfig(["BTC", "ETH"]));
    const metadata = namedValues(layout, "XV_META").reverse();
    const back = configFromNamedValues(namedValues(layout, "XV_CORR"), [["btc", 0.5]], metadata);
    expect(back).toMatchObject({ assets: ["BTC", "ETH"], volOfVols: [0.5, null], metadata: { lambda: 0.94 } });
  });

  it.each([
    ["a corner that is not abs or log", (v: unknown[][][]) => (v[0]![0]![0] = "x"), /top-left cell.*abs or log/],
    ["rows and columns naming different assets", (v: unknown[][][]) => (v[0]![2]![0] = "SOL"), /labelled SOL but column 3 ETH/],
    ["a blank correlation", (v: unknown[][][]) => (v[0]![1]![2] = ""), /entry \(BTC, ETH\) is blank/],
    ["a non-square matrix", (v: unknown[][][]) => v[0]!.pop(), /is 2 × 3/],
    ["a vol-of-vol that is text", (v: unknown[][][]) => (v[1]![0]![1] = "high"), /XV_VOLVOL for BTC is "high"/],
    ["a vol-of-vol for an unknown asset", (v: unknown[][][]) => (v[1]![1]![0] = "DOGE"), /lists DOGE, which is not an asset/],
    ["metadata without a changes row", (v: unknown[][][]) => v[2]!.pop(), /XV_META has no changes row/],
    ["metadata whose as_of became a date serial", (v: unknown[][][]) => (v[2]![0]![1] = 46347.33), /as_of is 46347.33/],
    ["metadata contradicting the corner", (v: unknown[][][]) => (v[2]![5]![1] = "absolute"), /says its changes are log but XV_META says absolute/],
  ])("names the problem: %s", (_, spoil, message) => {
    const layout = configToSheet(sampleConfig(["BTC", "ETH"]));
    const values = [namedValues(layout, "XV_CORR"), namedValues(layout, "XV_VOLVOL"), namedValues(layout, "XV_META")];
    spoil(values);
    const back = configFromNamedValues(values[0]!, values[1]!, values[2]!);
    expect(back).toEqual({ problem: expect.stringMatching(message) });
  });
});

describe("isConfigMarker", () => {
  it("recognises only the add-in's marker", () => {
    expect(isConfigMarker(CONFIG_MARKER)).toBe(true);
    expect(isConfigMarker(` ${CONFIG_MARKER} `)).toBe(true);
    expect(isConfigMarker("xvega")).toBe(false);
    expect(isConfigMarker("")).toBe(false);
    expect(isConfigMarker(0)).toBe(false);
  });
});
