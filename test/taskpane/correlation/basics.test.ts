import { configsEqual, emptyConfig } from "../../../src/taskpane/correlation";
import { configOf, NOW } from "./configTestUtils";

describe("emptyConfig", () => {
  test("no assets, absolute changes, typed by hand, stamped with the time given", () => {
    expect(emptyConfig(NOW)).toEqual({
      assets: [],
      correlations: [],
      volOfVols: [],
      changes: "absolute",
      metadata: { asOf: "2026-11-21T08:00:00.000Z", source: "manual", method: "typed", lambda: null, repaired: false },
    });
  });

  test("each call is a new object", () => {
    const first = emptyConfig(NOW);
    first.assets.push("BTC");
    expect(emptyConfig(NOW).assets).toEqual([]);
  });
});

describe("configsEqual", () => {
  const base = configOf(["BTC", "ETH"], [[1, 0.9], [0.9, 1]], { volOfVols: [2, null] });

  test("a deep copy is equal; asOf is ignored", () => {
    const copy = JSON.parse(JSON.stringify(base));
    expect(configsEqual(base, copy)).toBe(true);
    expect(configsEqual(base, { ...copy, metadata: { ...copy.metadata, asOf: "2030-01-01T00:00:00.000Z" } })).toBe(true);
  });

  test.each([
    ["an asset's spelling", { ...base, assets: ["btc", "ETH"] }],
    ["the asset order", { ...base, assets: ["ETH", "BTC"] }],
    ["a correlation", { ...base, correlations: [[1, 0.9], [0.8, 1]] }],
    ["a vol-of-vol", { ...base, volOfVols: [2, 3] }],
    ["a vol-of-vol set against unset", { ...base, volOfVols: [2, 0] }],
    ["the kind of changes", { ...base, changes: "log" as const }],
    ["the source", { ...base, metadata: { ...base.metadata, source: "selection" as const } }],
    ["the method", { ...base, metadata: { ...base.metadata, method: "imported" as const } }],
    ["lambda", { ...base, metadata: { ...base.metadata, lambda: 0.94 } }],
    ["the repaired flag", { ...base, metadata: { ...base.metadata, repaired: true } }],
    ["the number of assets", configOf(["BTC"], [[1]])],
  ])("differs when %s differs", (_, other) => {
    expect(configsEqual(base, other)).toBe(false);
    expect(configsEqual(other, base)).toBe(false);
  });
});
