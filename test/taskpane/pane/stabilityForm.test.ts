/* The Stability tab's options: defaults, blanks, and a refusal per bad field that names the value (never a silent default). */
import { DEFAULT_BACKTEST_WINDOW, DEFAULT_CORRELATION_SHIFTS, DEFAULT_REBALANCE_INTERVAL } from "../../../src/core/backtest";
import { DEFAULT_STABILITY_FORM, readStabilityOptions, type StabilityForm } from "../../../src/taskpane/pane/stabilityForm";

function read(changes: Partial<StabilityForm>) {
  return readStabilityOptions({ ...DEFAULT_STABILITY_FORM, ...changes });
}

describe("readStabilityOptions", () => {
  test("the form starts at the engine's defaults: window 60, sample, ridge 0, daily, the default shifts", () => {
    expect(read({})).toEqual({
      ok: true,
      value: { window: DEFAULT_BACKTEST_WINDOW, lambda: null, ridge: 0, rebalance: DEFAULT_REBALANCE_INTERVAL, shifts: [...DEFAULT_CORRELATION_SHIFTS] },
    });
  });

  test("blank fields are the defaults their hints state", () => {
    expect(read({ window: " ", ridge: "", rebalance: "", shifts: "" })).toEqual(read({}));
  });

  test("typed values are read: λ, ridge, rebalance, shifts separated by commas, semicolons or spaces, a typographic minus", () => {
    expect(read({ window: "30", lambda: "0.94", ridge: "0.05", rebalance: "5", shifts: "−0.4; -0.2 0,0.15" })).toEqual({
      ok: true,
      value: { window: 30, lambda: 0.94, ridge: 0.05, rebalance: 5, shifts: [-0.4, -0.2, 0, 0.15] },
    });
    expect(read({ lambda: "1" })).toMatchObject({ ok: true, value: { lambda: 1 } });
  });

  test("every bad field gets its own message naming the value, and no options are returned", () => {
    const result = read({ window: "1.5", lambda: "0", ridge: "-1", rebalance: "0", shifts: "-0.5, abc" });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.window).toMatch(/^Window "1\.5" is not a whole number ≥ 2/);
    expect(result.problems.lambda).toMatch(/^λ "0" is not an EWMA decay between 0 \(excluded\) and 1/);
    expect(result.problems.ridge).toMatch(/^Ridge "-1" is not a number from 0 to/);
    expect(result.problems.rebalance).toMatch(/^Rebalance "0" is not a whole number ≥ 1/);
    expect(result.problems.shifts).toBe('Shift 2, "abc", is not a number: give correlation shifts separated by commas, such as -0.5, -0.3, -0.2, -0.1, 0, 0.1.');
  });

  test("the window may be 1 only with an EWMA (a sample estimate needs two changes)", () => {
    expect(read({ window: "1" })).toMatchObject({ ok: false, problems: { window: expect.stringMatching(/≥ 2/) } });
    expect(read({ window: "1", lambda: "0.9" })).toMatchObject({ ok: true, value: { window: 1 } });
  });

  test("a shift beyond ±2 is refused (every correlation would be clipped), text is refused, λ above 1 is refused", () => {
    expect(read({ shifts: "0, 2.5" })).toMatchObject({ ok: false, problems: { shifts: expect.stringMatching(/^Shift 2 is 2\.5/) } });
    expect(read({ window: "sixty" })).toMatchObject({ ok: false, problems: { window: expect.stringMatching(/"sixty"/) } });
    expect(read({ lambda: "1.2" })).toMatchObject({ ok: false, problems: { lambda: expect.stringMatching(/"1\.2"/) } });
  });
});
