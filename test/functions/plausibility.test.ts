import fc from "fast-check";
import { XV_FUNCTIONS } from "../../src/functions/functionRegistry";
import { PlausibilityNote, plausibilityNotes } from "../../src/functions/plausibility";

const column = (...values: unknown[]): unknown[][] => values.map((value) => [value]);
const single = (value: unknown): unknown[][] => [[value]];

/** A normal book as the sample workbook holds it: BTC, ETH and SOL legs, one valuation cell. */
const book = {
  underlying: column(95000, 3400, 180, 95000),
  strike: column(100000, 3600, 150, 90000),
  years: column(7 / 365, 0.25, 30 / 365, 1.2),
  vol: column(0.55, 0.7, 0.9, 0.5),
  rate: single(0.04),
  carry: single(null),
  model: column("bsm", "black76", "inverse", "inverse"),
};
const bookArguments = (changes: Partial<typeof book> = {}): unknown[] => {
  const legs = { ...book, ...changes };
  return [legs.underlying, legs.strike, legs.years, legs.vol, legs.rate, legs.carry, legs.model, null];
};

const rules = (notes: PlausibilityNote[]) => notes.map((note) => [note.rule, note.argument, note.cell]);

describe("plausibilityNotes: XV.VEGA", () => {
  test("a normal book: no note", () => {
    expect(plausibilityNotes("XV.VEGA", bookArguments())).toEqual([]);
  });

  test("30 days typed as years on a coin-settled leg: a note on that cell", () => {
    const notes = plausibilityNotes("XV.VEGA", bookArguments({ years: column(7 / 365, 0.25, 30, 1.2) }));
    expect(notes).toEqual([
      {
        argument: "years",
        cell: 3,
        rule: "yearsLongCoinSettled",
        message: "years 30 on a coin-settled (inverse) leg, listed out to about a year and a half: days typed as years? 30 days is 0.0822 years (=30/365)",
      },
    ]);
  });

  test("vol 5 in one cell broadcast over the book: one note for every cell", () => {
    expect(plausibilityNotes("XV.VEGA", bookArguments({ vol: single(5) }))).toEqual([
      { argument: "vol", cell: null, rule: "volHigh", message: "vol 5 is 500%: meant 5%? type 5% or 0.05" },
    ]);
  });

  test("rate 1 (meant 1%) is a note; rate 5 is already an error, so no note", () => {
    expect(rules(plausibilityNotes("XV.VEGA", bookArguments({ rate: single(1) })))).toEqual([["rateHigh", "rate", null]]);
    expect(plausibilityNotes("XV.VEGA", bookArguments({ rate: single(5) }))).toEqual([]);
  });

  test("every leg expired: one note on the call; blank years (0) also get their own", () => {
    const expired = plausibilityNotes("XV.VEGA", bookArguments({ years: column(-0.1, -0.2, -0.01, -1) }));
    expect(rules(expired)).toEqual([["everyLegExpired", "years", null]]);
    expect(expired[0]?.message).toMatch(/^every leg \(all 4\) has expired/);
    const blanks = plausibilityNotes("XV.VEGA", bookArguments({ years: column(0.1, 0, 0.3, 0.4) }));
    expect(rules(blanks)).toEqual([["yearsZero", "years", 2]]);
  });

  test("a cell that errors gets no note (its error is what to fix); the others still do", () => {
    const notes = plausibilityNotes("XV.VEGA", bookArguments({ vol: column(5, "abc", 0.5, 4) }));
    expect(rules(notes)).toEqual([
      ["volHigh", "vol", 1],
      ["volHigh", "vol", 4],
    ]);
  });

  test("the name as typed, in any case, or as stored in a file", () => {
    const slip = bookArguments({ vol: single(5) });
    expect(plausibilityNotes("xv.vega", slip)).toEqual(plausibilityNotes("XV.VEGA", slip));
    expect(plausibilityNotes("_xldudf_XV_VEGA", slip)).toEqual(plausibilityNotes("XV.VEGA", slip));
  });
});

describe("plausibilityNotes: XV.TWVEGA and XV.YEARS", () => {
  test("TWVEGA: days typed as years, ref_days typed in years, every leg expired", () => {
    expect(plausibilityNotes("XV.TWVEGA", [column(1000, 2000), column(0.1, 0.5), null])).toEqual([]);
    expect(rules(plausibilityNotes("XV.TWVEGA", [column(1000, 2000), column(0.1, 45), null]))).toEqual([["yearsLong", "years", 2]]);
    expect(plausibilityNotes("XV.TWVEGA", [column(1000, 2000), column(0.1, 0.5), single(30 / 365)])).toEqual([
      { argument: "ref_days", cell: null, rule: "referenceDaysTiny", message: "ref_days 0.0821917808219178 is less than a day: ref_days is in days (30 for DVOL), not years" },
    ]);
    expect(rules(plausibilityNotes("XV.TWVEGA", [column(1000, 2000), column(-0.1, -0.5), null]))).toEqual([["everyLegExpired", "years", null]]);
  });

  test("YEARS with its arguments swapped: every expiry before the valuation", () => {
    const valuation = single(46015 + 20 / 24);
    const expiries = column(46016 + 8 / 24, 46044 + 8 / 24, 46107 + 8 / 24);
    expect(plausibilityNotes("XV.YEARS", [expiries, valuation])).toEqual([]);
    expect(plausibilityNotes("XV.YEARS", [valuation, expiries])).toEqual([
      {
        argument: null,
        cell: null,
        rule: "datesSwapped",
        message: "every expiry (all 3) is before the valuation date, so every leg has expired: arguments swapped? The order is XV.YEARS(expiry, valuation)",
      },
    ]);
  });

  test("functions without rules give no note", () => {
    expect(plausibilityNotes("XV.NEARCORR", [[[1, 0.5], [0.5, 1]]])).toEqual([]);
    expect(plausibilityNotes("SUM", [[[1]]])).toEqual([]);
  });
});

describe("plausibilityNotes never throws", () => {
  const nasty = fc.oneof(
    fc.anything(),
    fc.constantFrom(null, undefined, "", "abc", Number.NaN, Infinity, -Infinity, 5e-324, 1e308, -1e308, true, [], [[]], [[], [1, 2]], "\u200b", { basicValue: "#N/A" }),
  );
  const grid = fc.oneof(nasty, fc.array(fc.array(nasty, { maxLength: 4 }), { maxLength: 4 }));
  const names = fc.oneof(fc.constantFrom(...XV_FUNCTIONS.map((entry) => entry.name), "xv.vega", "_xldudf_XV_YEARS"), fc.anything());

  test("on any name and any arguments, even garbage, it returns a list of notes with messages", () => {
    fc.assert(
      fc.property(names, fc.oneof(fc.array(grid, { maxLength: 9 }), fc.anything()), (name, args) => {
        const notes = plausibilityNotes(name as string, args as unknown[]);
        expect(Array.isArray(notes)).toBe(true);
        for (const note of notes) expect(note.message.length).toBeGreaterThan(10);
      }),
      { numRuns: 3_000 },
    );
  });

  test("arguments that throw when read give no note, not an exception", () => {
    const hostile = new Proxy([], { get: () => { throw new Error("boom"); } });
    expect(plausibilityNotes("XV.VEGA", [hostile, hostile, hostile, hostile])).toEqual([]);
    expect(plausibilityNotes("XV.VEGA", hostile as unknown as unknown[])).toEqual([]);
  });
});
