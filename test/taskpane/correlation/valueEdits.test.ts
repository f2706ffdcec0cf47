import { setChanges, setCorrelation, setVolOfVol, type CorrelationConfig } from "../../../src/taskpane/correlation";
import { readTypedNumber } from "../../../src/taskpane/correlation/typedNumber";
import { accepted, configOf, deepFreeze, expectSymmetricUnitDiagonal, refused } from "./configTestUtils";

function imported(): CorrelationConfig {
  return deepFreeze(
    configOf(
      ["BTC", "ETH", "SOL"],
      [
        [1, 0.9, 0.7],
        [0.9, 1, 0.75],
        [0.7, 0.75, 1],
      ],
      { volOfVols: [2, 2.5, null], metadata: { source: "history", method: "ewma", lambda: 0.94, repaired: true } },
    ),
  );
}

describe("readTypedNumber", () => {
  test.each([
    ["0.8", 0.8],
    [" -0.35 ", -0.35],
    ["80%", 0.8],
    ["-35 %", -0.35],
    ["−0.35", -0.35],
    ["0,8", 0.8],
    ["+.5", 0.5],
    ["1e-1", 0.1],
    ["1", 1],
    ["-0", 0],
    ["33.3%", 0.333],
  ])("%j reads as %p", (text, value) => {
    const typed = readTypedNumber(text);
    expect(typed).toMatchObject({ kind: "number", value });
    if (typed.kind === "number") expect(Object.is(typed.value, -0)).toBe(false);
  });

  test.each(["abc", "0x10", "Infinity", "1,000.5", "0.8.1", "%", "1 2", "NaN", "--1"])("%j is not a number", (text) => {
    expect(readTypedNumber(text).kind).toBe("notANumber");
  });

  test.each(["", "   ", null as unknown as string, undefined as unknown as string])("%j is blank", (text) => {
    expect(readTypedNumber(text).kind).toBe("blank");
  });
});

describe("setCorrelation", () => {
  test("sets (i, j) and (j, i)", () => {
    const config = accepted(setCorrelation(imported(), 0, 2, "0.8"));
    expect(config.correlations).toEqual([
      [1, 0.9, 0.8],
      [0.9, 1, 0.75],
      [0.8, 0.75, 1],
    ]);
    expectSymmetricUnitDiagonal(config);
    expect(accepted(setCorrelation(imported(), 2, 0, " -0.35 ")).correlations[0]?.[2]).toBe(-0.35);
    expect(accepted(setCorrelation(imported(), 1, 2, "80%")).correlations[2]?.[1]).toBe(0.8);
  });

  test("−1 and 1 are correlations", () => {
    expect(accepted(setCorrelation(imported(), 0, 1, "-1")).correlations[1]?.[0]).toBe(-1);
    expect(accepted(setCorrelation(imported(), 0, 1, "100%")).correlations[1]?.[0]).toBe(1);
  });

  test("a typed correlation makes the set-up manual/typed and no longer repaired (asOf kept)", () => {
    const before = imported();
    expect(accepted(setCorrelation(before, 0, 1, "0.5")).metadata).toEqual({ ...before.metadata, source: "manual", method: "typed", lambda: null, repaired: false });
  });

  test("retyping the value already there changes nothing, metadata included", () => {
    const before = imported();
    expect(accepted(setCorrelation(before, 0, 1, "0.90"))).toBe(before);
    expect(accepted(setCorrelation(before, 1, 0, "90%"))).toBe(before);
  });

  test("an asymmetric pair (from an import) is made symmetric by typing either half, even the same value", () => {
    const asymmetric = deepFreeze(configOf(["BTC", "ETH"], [[1, 0.9], [0.8, 1]]));
    const config = accepted(setCorrelation(asymmetric, 0, 1, "0.9"));
    expect(config.correlations).toEqual([[1, 0.9], [0.9, 1]]);
  });

  test.each([
    ["1.2", "correlation 1.2 between BTC and ETH is outside −1 to 1: type a number from −1 to 1, such as 0.8 or 80%"],
    ["-1.0001", "correlation -1.0001 between BTC and ETH is outside −1 to 1"],
    ["120%", "correlation 120% between BTC and ETH is outside −1 to 1"],
    ["1e400", "correlation 1e400 between BTC and ETH is outside −1 to 1"],
    ["high", 'correlation "high" between BTC and ETH is not a number: type a number from −1 to 1, such as 0.8 or 80%'],
    ["#N/A", 'correlation "#N/A" between BTC and ETH is not a number'],
    ["  ", "the correlation between BTC and ETH is blank: type a number from −1 to 1"],
  ])("refuses %j", (text, message) => {
    expect(refused(setCorrelation(imported(), 0, 1, text))).toContain(message);
  });

  test("refuses the diagonal, whatever is typed", () => {
    expect(refused(setCorrelation(imported(), 1, 1, "1"))).toBe("that cell is ETH with itself: the diagonal is always 1");
    expect(refused(setCorrelation(imported(), 1, 1, "0.5"))).toMatch(/the diagonal is always 1/);
  });

  test("refuses positions that are not assets", () => {
    expect(refused(setCorrelation(imported(), 0, 3, "0.5"))).toMatch(/there is no asset 4: the set-up has assets 1 to 3/);
    expect(refused(setCorrelation(imported(), -1, 0, "0.5"))).toMatch(/there is no asset 0/);
  });

  test("untouched rows are shared, touched rows are new (the input is never mutated: it is frozen)", () => {
    const before = imported();
    const config = accepted(setCorrelation(before, 0, 2, "0.1"));
    expect(config.correlations[1]).toBe(before.correlations[1]);
    expect(config.correlations[0]).not.toBe(before.correlations[0]);
    expect(before.correlations[0]?.[2]).toBe(0.7);
  });
});

describe("setVolOfVol", () => {
  test("sets one asset's vol-of-vol; the set-up becomes manual/typed but stays repaired (the matrix is untouched)", () => {
    const before = imported();
    const config = accepted(setVolOfVol(before, 2, " 3.5 "));
    expect(config.volOfVols).toEqual([2, 2.5, 3.5]);
    expect(config.correlations).toBe(before.correlations);
    expect(config.metadata).toEqual({ ...before.metadata, source: "manual", method: "typed", lambda: null, repaired: true });
  });

  test("blank clears it; 0 and 1000 are allowed", () => {
    expect(accepted(setVolOfVol(imported(), 0, "")).volOfVols).toEqual([null, 2.5, null]);
    expect(accepted(setVolOfVol(imported(), 0, "0")).volOfVols[0]).toBe(0);
    expect(accepted(setVolOfVol(imported(), 0, "1000")).volOfVols[0]).toBe(1000);
  });

  test("the value already there is no change", () => {
    const before = imported();
    expect(accepted(setVolOfVol(before, 0, "2.0"))).toBe(before);
    expect(accepted(setVolOfVol(before, 2, " "))).toBe(before);
  });

  test.each([
    ["-1", "vol-of-vol -1 for BTC is negative: it is a standard deviation, 0 or more; type vol points per day (2.5: BTC's implied vol moves about 2.5 points a day), or leave it blank"],
    ["fast", 'vol-of-vol "fast" for BTC is not a number: type vol points per day'],
    ["1000.5", "vol-of-vol 1000.5 for BTC is above 1000: check the units"],
    ["3%", "vol-of-vol 3% for BTC: type it without %, in vol points per day"],
  ])("refuses %j (absolute changes)", (text, message) => {
    expect(refused(setVolOfVol(imported(), 0, text))).toContain(message);
  });

  test("the units in the message follow the kind of changes", () => {
    const logConfig = deepFreeze({ ...imported(), changes: "log" as const });
    expect(refused(setVolOfVol(logConfig, 1, "5%"))).toBe(
      "vol-of-vol 5% for ETH: type it without %, in log units per day, as a decimal (0.05: ETH's implied vol moves about 5% of itself a day)",
    );
  });

  test("refuses a position that is not an asset", () => {
    expect(refused(setVolOfVol(imported(), 3, "1"))).toMatch(/there is no asset 4/);
  });
});

describe("setChanges", () => {
  test("the same kind is no change", () => {
    const before = imported();
    expect(setChanges(before, "absolute")).toBe(before);
  });

  test("another kind clears the vol-of-vols (their units change) and declares the numbers typed", () => {
    const before = imported();
    const config = setChanges(before, "log");
    expect(config.changes).toBe("log");
    expect(config.volOfVols).toEqual([null, null, null]);
    expect(config.correlations).toBe(before.correlations);
    expect(config.metadata).toEqual({ ...before.metadata, source: "manual", method: "typed", lambda: null, repaired: true });
  });
});
