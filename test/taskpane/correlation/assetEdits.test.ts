import { addAsset, emptyConfig, moveAsset, removeAsset, renameAsset, type CorrelationConfig } from "../../../src/taskpane/correlation";
import { accepted, configOf, deepFreeze, NOW, refused } from "./configTestUtils";

/** ALT, BTC, ETH with the worked example's correlations (DOMAIN.md §2) and vol-of-vols 3, 2, 2.5. */
function workedExample(): CorrelationConfig {
  return deepFreeze(
    configOf(
      ["ALT", "BTC", "ETH"],
      [
        [1, 0.8, 0.85],
        [0.8, 1, 0.9],
        [0.85, 0.9, 1],
      ],
      { volOfVols: [3, 2, 2.5], metadata: { source: "history", method: "ewma", lambda: 0.94, repaired: true } },
    ),
  );
}

describe("addAsset", () => {
  test("appends the asset, uncorrelated with the others, 1 on the diagonal, no vol-of-vol", () => {
    const config = accepted(addAsset(workedExample(), "  SOL "));
    expect(config.assets).toEqual(["ALT", "BTC", "ETH", "SOL"]);
    expect(config.correlations).toEqual([
      [1, 0.8, 0.85, 0],
      [0.8, 1, 0.9, 0],
      [0.85, 0.9, 1, 0],
      [0, 0, 0, 1],
    ]);
    expect(config.volOfVols).toEqual([3, 2, 2.5, null]);
  });

  test("the first asset of an empty set-up is a 1×1 matrix", () => {
    const config = accepted(addAsset(deepFreeze(emptyConfig(NOW)), "BTC"));
    expect(config).toMatchObject({ assets: ["BTC"], correlations: [[1]], volOfVols: [null] });
  });

  test("the new zeros are typed by hand: an estimate becomes manual/typed, no longer repaired", () => {
    expect(accepted(addAsset(workedExample(), "SOL")).metadata).toEqual({
      asOf: workedExample().metadata.asOf,
      source: "manual",
      method: "typed",
      lambda: null,
      repaired: false,
    });
  });

  test.each([
    ["", /the asset name is blank: type a name such as BTC/],
    ["   ", /the asset name is blank/],
    ["btc", /asset name "btc" is already used by "BTC" \(names are compared ignoring case and spaces\): choose another name/],
    [" Eth  ", /asset name "Eth" is already used by "ETH"/],
    ["A".repeat(41), /is 41 characters long: keep it to 40 or fewer/],
    ["=SUM(A1:A2)", /starts with "=": a name starting with =, \+, - or @ would be read as a formula when written to a cell; remove the "="/],
    ["+BTC", /starts with "\+"/],
    ["-BTC", /starts with "-"/],
    ["@BTC", /starts with "@"/],
    [" =BTC", /starts with "="/],
    ["=cmd|' /C calc'!A0", /asset name "=cmd\|' \/C calc'!A0" starts with "="/],
    ["BTC\nETH", /contains a line break or another control character: type the name on one line/],
    ["100", /reads as a number, so Excel would store it as one/],
    ["65%", /reads as a number/],
  ])("refuses %j", (name, message) => {
    expect(refused(addAsset(workedExample(), name))).toMatch(message);
  });

  test("40 characters is the limit, counted as characters (an emoji is one)", () => {
    expect(accepted(addAsset(workedExample(), "A".repeat(40))).assets[3]).toBe("A".repeat(40));
    expect(accepted(addAsset(workedExample(), `${"A".repeat(39)}🚀`)).assets).toHaveLength(4);
  });

  test("markup is a plain name here (the view renders names as text), a formula is not", () => {
    const markup = "<img src=x onerror=alert(1)>";
    expect(accepted(addAsset(workedExample(), markup)).assets[3]).toBe(markup);
    expect(refused(addAsset(workedExample(), "=cmd|' /C calc'!A0"))).toMatch(/formula/);
  });

  test("names that only contain a formula character further in are fine", () => {
    expect(accepted(addAsset(workedExample(), "BTC-PERP")).assets[3]).toBe("BTC-PERP");
    expect(accepted(addAsset(workedExample(), "1000PEPE")).assets[3]).toBe("1000PEPE");
  });
});

describe("renameAsset", () => {
  test("renames in place; numbers and metadata untouched", () => {
    const before = workedExample();
    const config = accepted(renameAsset(before, 1, " XBT "));
    expect(config.assets).toEqual(["ALT", "XBT", "ETH"]);
    expect(config.correlations).toBe(before.correlations);
    expect(config.volOfVols).toBe(before.volOfVols);
    expect(config.metadata).toEqual(before.metadata);
  });

  test("an asset may change the case of its own name; the same name is no change at all", () => {
    const before = workedExample();
    expect(accepted(renameAsset(before, 1, "btc")).assets[1]).toBe("btc");
    expect(accepted(renameAsset(before, 1, " BTC "))).toBe(before);
  });

  test("the rules of addAsset apply, against the other names", () => {
    expect(refused(renameAsset(workedExample(), 1, "eth"))).toMatch(/asset name "eth" is already used by "ETH"/);
    expect(refused(renameAsset(workedExample(), 1, ""))).toMatch(/blank/);
    expect(refused(renameAsset(workedExample(), 1, "@BTC"))).toMatch(/starts with "@"/);
    expect(refused(renameAsset(workedExample(), 1, "B".repeat(41)))).toMatch(/41 characters/);
  });

  test.each([
    [3, /there is no asset 4: the set-up has assets 1 to 3/],
    [-1, /there is no asset 0/],
    [1.5, /there is no asset 1\.5/],
    [Number.NaN, /there is no asset NaN/],
  ])("refuses position %p", (index, message) => {
    expect(refused(renameAsset(workedExample(), index, "SOL"))).toMatch(message);
  });

  test("an empty set-up has nothing to rename", () => {
    expect(refused(renameAsset(emptyConfig(NOW), 0, "SOL"))).toMatch(/there are no assets yet/);
  });
});

describe("removeAsset", () => {
  test("drops the row, the column and the vol-of-vol; metadata kept (every number left still comes from its source)", () => {
    const before = workedExample();
    const config = accepted(removeAsset(before, 1));
    expect(config.assets).toEqual(["ALT", "ETH"]);
    expect(config.correlations).toEqual([
      [1, 0.85],
      [0.85, 1],
    ]);
    expect(config.volOfVols).toEqual([3, 2.5]);
    expect(config.metadata).toEqual(before.metadata);
  });

  test("removing the last asset leaves an empty set-up", () => {
    const config = accepted(removeAsset(deepFreeze(configOf(["BTC"], [[1]], { volOfVols: [2] })), 0));
    expect(config).toMatchObject({ assets: [], correlations: [], volOfVols: [] });
  });

  test("refuses a position that is not an asset", () => {
    expect(refused(removeAsset(workedExample(), 5))).toMatch(/there is no asset 6/);
  });
});

describe("moveAsset", () => {
  test("moves the asset with its row, column and vol-of-vol; metadata kept", () => {
    const before = workedExample();
    const config = accepted(moveAsset(before, 2, 0));
    expect(config.assets).toEqual(["ETH", "ALT", "BTC"]);
    expect(config.correlations).toEqual([
      [1, 0.85, 0.9],
      [0.85, 1, 0.8],
      [0.9, 0.8, 1],
    ]);
    expect(config.volOfVols).toEqual([2.5, 3, 2]);
    expect(config.metadata).toEqual(before.metadata);
  });

  test("moving down closes the gap it leaves", () => {
    expect(accepted(moveAsset(workedExample(), 0, 2)).assets).toEqual(["BTC", "ETH", "ALT"]);
    expect(accepted(moveAsset(workedExample(), 0, 1)).assets).toEqual(["BTC", "ALT", "ETH"]);
  });

  test("a move onto itself changes nothing", () => {
    const before = workedExample();
    expect(accepted(moveAsset(before, 1, 1))).toBe(before);
  });

  test("refuses either position when it is not an asset", () => {
    expect(refused(moveAsset(workedExample(), 3, 0))).toMatch(/there is no asset 4/);
    expect(refused(moveAsset(workedExample(), 0, 3))).toMatch(/there is no asset 4/);
  });
});
