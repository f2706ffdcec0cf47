import { readFileSync } from "fs";
import { parse } from "csv-parse/sync";
import { expectClose } from "../core/tolerance";
import { csvHeader, csvRecords, field, fixture, runXvega } from "./runXvega";

/*
 * Golden values live in test/fixtures/cli/golden-legs.csv, one leg per row with its expected vega per vol point, the
 * tolerance the source's precision allows, and a `source` column citing it:
 * - QuantLib ATM case S=K=100, T=1, r=5%, q=0, σ=20%: 37.524035 per 1.00 (DOMAIN.md §4), also as Black-76 on its forward;
 * - Hull, Options, Futures and Other Derivatives, Greeks chapter: S=49, K=50, T=20/52, r=5%, σ=20%: 12.1 per 1.00;
 * - Haug (1998) and QuantLib europeanoption.cpp: S=55, K=60, T=0.75, r=10%, σ=30%: 18.9358 per 1.00;
 * - DerivaGem: put S=K=50, T=5/12, r=10%, σ=40%: 0.12343907 per %;
 * - Black-76 F=K=19, T=0.75, r=10%, σ=28% (Haug's Black-76 example) and a Deribit-like F=39165.86, K=40000 leg:
 *   @quantlib/ql 0.3.6 BlackCalculator; their inverse (coin) vegas are those divided by the forward (DOMAIN.md §1).
 */

const GOLDEN = fixture("golden-legs.csv");

function number(text: string): number {
  expect(text).toMatch(/^-?[\d.e+-]+$/);
  return Number(text);
}

function byKey(records: Record<string, string>[], key: string): Map<string, Record<string, string>> {
  return new Map(records.map((record) => [field(record, key), record]));
}

describe("xvega vega on golden legs", () => {
  const run = runXvega(["vega", GOLDEN]);
  const records = csvRecords(run.stdout);

  it("computes every row and exits 0", () => {
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(records).toHaveLength(10);
    for (const record of records) expect(field(record, "error")).toBe("");
  });

  it.each(csvRecords(readFileSync(GOLDEN, "utf8")).map((record) => [field(record, "leg"), record] as const))(
    "%s matches its cited vega per vol point",
    (leg, input) => {
      const output = records.find((record) => record.leg === leg);
      expectClose(number(field(output, "vega")), Number(field(input, "expected_vega_per_point")), {
        absolute: Number(field(input, "tolerance_per_point")),
      }, `${leg} (${field(input, "source")})`);
    },
  );

  it("gives vega per 1.00 of vol with --unit unit (QuantLib 37.524035, Haug 18.9358)", () => {
    const perUnit = byKey(csvRecords(runXvega(["vega", GOLDEN, "--unit", "unit"]).stdout), "leg");
    expectClose(number(field(perUnit.get("quantlib-atm"), "vega")), 37.524035, { absolute: 5e-7 }, "QuantLib ATM");
    expectClose(number(field(perUnit.get("haug-vega"), "vega")), 18.9358, { absolute: 5e-5 }, "Haug");
    const perPoint = byKey(records, "leg");
    for (const [leg, record] of perUnit) {
      expectClose(number(field(record, "vega")), 100 * number(field(perPoint.get(leg), "vega")), { relative: 1e-15 }, leg);
    }
  });

  it("gives inverse vega = Black-76 vega / forward, in coin", () => {
    const legs = byKey(records, "leg");
    for (const [usd, coin, forward] of [
      ["haug-black76", "haug-inverse", 19],
      ["deribit-like-usd", "deribit-like-coin", 39165.86],
    ] as const) {
      expectClose(number(field(legs.get(coin), "vega")), number(field(legs.get(usd), "vega")) / forward, { relative: 1e-14 }, coin);
    }
  });

  it("keeps every input column, unchanged (but for formula-like text) and in order, before vega and error", () => {
    const inputRows = parse(readFileSync(GOLDEN, "utf8")) as string[][];
    const inputHeader = inputRows[0] ?? [];
    expect(csvHeader(run.stdout)).toEqual([...inputHeader, "vega", "error"]);
    const outputRows = parse(run.stdout) as string[][];
    inputRows.slice(1).forEach((inputRow, index) => {
      // Text that would start a formula in a spreadsheet (the @quantlib source note) gets a leading quote (issue 8 item 12).
      expect(outputRows[index + 1]?.slice(0, inputHeader.length)).toEqual(inputRow.map((cell) => (cell.startsWith("@") ? `'${cell}` : cell)));
    });
  });
});

describe("xvega vega columns", () => {
  it("matches header names trimmed and in any case, and adds position_vega = qty × multiplier × vega", () => {
    const run = runXvega(["vega", fixture("positions.csv")]);
    expect(run.status).toBe(0);
    expect(csvHeader(run.stdout)).toEqual([
      "trade_id", "Book", "UNDERLYING", "Strike", "Years", "Vol", "Rate", "qty", "multiplier", "note",
      "vega", "position_vega", "error",
    ]);
    const trades = byKey(csvRecords(run.stdout), "trade_id");
    // T1 is the QuantLib ATM case: 10 contracts × 100 × 0.37524035 (DOMAIN.md §4).
    expectClose(number(field(trades.get("T1"), "position_vega")), 375.24035, { absolute: 5e-6 }, "T1");
    for (const [id, record] of trades) {
      const expected = number(field(record, "qty")) * number(field(record, "multiplier")) * number(field(record, "vega"));
      expectClose(number(field(record, "position_vega")), expected, { relative: 1e-15 }, id);
    }
    expect(field(trades.get("T1"), "note")).toBe("ATM, the QuantLib case");
    expect(field(trades.get("T3"), "note")).toBe('Hull\'s "Greeks" example');
    expect(field(trades.get("T2"), "vega")).toBe(field(trades.get("T1"), "vega"));
  });

  it("reads absent optional columns and blank optional cells as bsm, rate 0, carry 0", () => {
    const files = {
      "bare.csv": "underlying,strike,years,vol\n100,110,0.5,0.3\n",
      "blanks.csv": "model,underlying,strike,years,vol,rate,carry\n ,100,110,0.5,0.3,,\n",
      "explicit.csv": "model,underlying,strike,years,vol,rate,carry\nbsm,100,110,0.5,0.3,0,0\n",
    };
    const vegas = Object.keys(files).map((path) => field(csvRecords(runXvega(["vega", path], files).stdout)[0], "vega"));
    expect(new Set(vegas).size).toBe(1);
  });

  it("gives no position_vega without both qty and multiplier, and says so on stderr", () => {
    const files = { "qty-only.csv": "underlying,strike,years,vol,qty\n100,100,1,0.2,5\n" };
    const run = runXvega(["vega", "qty-only.csv"], files);
    expect(run.status).toBe(0);
    expect(csvHeader(run.stdout)).toEqual(["underlying", "strike", "years", "vol", "qty", "vega", "error"]);
    expect(run.stderr).toBe("xvega vega: note: no multiplier column, so no position_vega\n");
  });

  it("gives the same output when run on its own output (vega, position_vega and error are replaced)", () => {
    const first = runXvega(["vega", fixture("positions.csv")]);
    const second = runXvega(["vega", "again.csv"], { "again.csv": first.stdout });
    expect(second.stdout).toBe(first.stdout);
  });

  it("prints only the header for a file with no data rows", () => {
    const run = runXvega(["vega", "empty.csv"], { "empty.csv": "underlying,strike,years,vol\n" });
    expect(run.status).toBe(0);
    expect(run.stdout).toBe("underlying,strike,years,vol,vega,error\n");
    expect(runXvega(["vega", "empty.csv", "--format", "json"], { "empty.csv": "underlying,strike,years,vol\n" }).stdout).toBe("[]\n");
  });

  it("skips a byte-order mark, blank lines and rows of empty fields", () => {
    const text = "\uFEFFunderlying,strike,years,vol\r\n100,100,1,0.2\r\n\r\n,,,\r\n";
    const run = runXvega(["vega", "excel.csv"], { "excel.csv": text });
    expect(run.status).toBe(0);
    expect(csvHeader(run.stdout)[0]).toBe("underlying");
    expect(csvRecords(run.stdout)).toHaveLength(1);
  });
});

describe("xvega vega --format json", () => {
  it("prints one array of objects keyed as the CSV, numbers for computed columns and strings for the rest", () => {
    const run = runXvega(["vega", fixture("positions.csv"), "--format", "json"]);
    expect(run.status).toBe(0);
    const rows = JSON.parse(run.stdout) as Record<string, unknown>[];
    const csv = csvRecords(runXvega(["vega", fixture("positions.csv")]).stdout);
    expect(rows).toHaveLength(3);
    const header = csvHeader(runXvega(["vega", fixture("positions.csv")]).stdout);
    rows.forEach((row, index) => {
      expect(Object.keys(row)).toEqual(header);
      expect(row.Strike).toBe(field(csv[index], "Strike"));
      expect(typeof row.vega).toBe("number");
      expect(typeof row.position_vega).toBe("number");
      expect(row.vega).toBe(Number(field(csv[index], "vega")));
      expect(row.error).toBeNull();
    });
    expect(rows[0]?.qty).toBe("10");
    expectClose(rows[0]?.vega, 0.37524035, { absolute: 5e-9 }, "QuantLib ATM");
  });

  it("gives bad rows a null vega and position_vega and a message", () => {
    const run = runXvega(["vega", fixture("bad-rows.csv"), "--format", "json"]);
    expect(run.status).toBe(2);
    const rows = JSON.parse(run.stdout) as Record<string, unknown>[];
    const textStrike = rows.find((row) => row.leg === "text-strike");
    expect(textStrike).toMatchObject({ strike: "abc", vega: null, position_vega: null });
    expect(textStrike?.error).toBe('strike "abc" is not a number; expected a positive price');
  });
});

describe("xvega vega on a file with bad rows", () => {
  const run = runXvega(["vega", fixture("bad-rows.csv")]);
  const legs = byKey(csvRecords(run.stdout), "leg");

  it("prints every row, exits 2 and counts the failures on stderr", () => {
    expect(run.status).toBe(2);
    expect(legs.size).toBe(17);
    expect(run.stderr).toBe("xvega vega: 15 of 17 rows failed; see the error column\n");
  });

  it("still computes the good rows", () => {
    expectClose(number(field(legs.get("good-1"), "vega")), 0.37524035, { absolute: 5e-9 }, "QuantLib ATM");
    // Black-76 F=K=19, T=0.75, r=10%, σ=28%: 0.0604547108 per point (@quantlib/ql BlackCalculator), 2 × 10 contracts.
    expectClose(number(field(legs.get("good-2"), "position_vega")), 20 * 0.06045471079024173, { relative: 1e-12 }, "good-2");
    expect(field(legs.get("good-2"), "error")).toBe("");
  });

  it.each([
    ["text-strike", 'strike "abc" is not a number; expected a positive price'],
    ["vol-in-points", "vol 65 looks like a percentage: enter 65% or 0.65 (a decimal)"],
    ["blank-underlying", "underlying is blank; expected a positive price"],
    ["unknown-model", 'model "bs" is not one of bsm, black76, inverse'],
    ["carry-on-black76", "carry 0.02 is not used by model black76 (its forward already includes carry): leave it blank or 0, or use model bsm with the spot"],
    ["excel-date-years", "years 46000 looks like an Excel date, not a time to expiry: use (expiry − valuation)/365"],
    ["nan-vol", 'vol "NaN" is not a number; expected a vol as a decimal or percent (0.65 or 65%)'],
    ["infinite-underlying", 'underlying "Infinity" is not a number; expected a positive price'],
    ["percent-strike", 'strike "100%" is not a number (a % sign is read only in vol, rate and carry); expected a positive price'],
    ["rate-in-points", "rate 5 looks like a percentage: enter 5% or 0.05 (a decimal, limit ±2)"],
    ["negative-strike", "strike -5 must be a positive price (the option's strike)"],
    ["hex-years", 'years "0x1" is not a number; expected years to expiry, e.g. (expiry − valuation)/365'],
    ["blank-qty", "qty is blank; expected a number of contracts (negative when short)"],
    ["zero-multiplier", "multiplier 0 must be positive (units of underlying per contract)"],
    ["short-row", "the row has 6 fields but the header has 10: check for a missing or extra comma"],
  ])("%s: empty vega and the message", (leg, message) => {
    const record = legs.get(leg);
    expect(field(record, "error")).toBe(message);
    expect(field(record, "vega")).toBe("");
    expect(field(record, "position_vega")).toBe("");
  });
});

describe("xvega vega number reading", () => {
  const legs = byKey(csvRecords(runXvega(["vega", fixture("percent.csv")]).stdout), "case");

  it("reads 20%, 20 %, 2e-1 and 0.2 as the same vol (and likewise rate and carry)", () => {
    for (const name of ["decimal", "percent", "percent-with-space", "exponent"]) {
      expect(field(legs.get(name), "error")).toBe("");
      // QuantLib ATM case, 37.524035 per 1.00 (DOMAIN.md §4).
      expectClose(number(field(legs.get(name), "vega")), 0.37524035, { absolute: 5e-9 }, name);
    }
    expect(field(legs.get("percent"), "vega")).toBe(field(legs.get("decimal"), "vega"));
    expect(field(legs.get("carry-percent"), "vega")).toBe(field(legs.get("carry-decimal"), "vega"));
    expect(field(legs.get("carry-percent"), "vega")).not.toBe(field(legs.get("decimal"), "vega"));
  });
});

describe("xvega vega on unusable input", () => {
  function expectUnusable(run: { status: number; stdout: string; stderr: string }, firstLine: string): void {
    expect(run.status).toBe(1);
    expect(run.stdout).toBe("");
    const lines = run.stderr.split("\n");
    expect(lines[0]).toBe(firstLine);
    expect(lines[1]).toBe("usage: xvega vega FILE.csv [--unit point|unit] [--format csv|json]");
  }

  it("a missing file", () => {
    expectUnusable(runXvega(["vega", fixture("no-such-file.csv")]), `xvega vega: cannot read ${fixture("no-such-file.csv")}: no such file`);
  });

  it("a directory", () => {
    expectUnusable(runXvega(["vega", fixture("")]), `xvega vega: cannot read ${fixture("")}: it is a directory, not a file`);
  });

  it("a missing required column, named", () => {
    const path = fixture("missing-column.csv");
    expectUnusable(
      runXvega(["vega", path]),
      `xvega vega: ${path} has no column vol (required: underlying, strike, years, vol; found: underlying, strike, years, rate)`,
    );
  });

  it("several missing columns, all named", () => {
    const run = runXvega(["vega", "other.csv"], { "other.csv": "underlying,price,term\n100,100,1\n" });
    expectUnusable(run, "xvega vega: other.csv has no columns strike, years, vol (required: underlying, strike, years, vol; found: underlying, price, term)");
  });

  it("a semicolon-separated file: says so, and how to save it comma-separated (issue 8 item 13; more in inputText.test.ts)", () => {
    const run = runXvega(["vega", "semicolons.csv"], { "semicolons.csv": "underlying;strike;years;vol\n100;100;1;0,2\n" });
    expect(run.status).toBe(1);
    expect(run.stderr.split("\n")[0]).toMatch(/^xvega vega: semicolons\.csv looks semicolon-separated \(line 1 is "underlying;strike;years;vol"\), but the command line reads comma-separated CSV: save it with commas/);
  });

  it("an empty file, an unreadable CSV and a repeated column", () => {
    expectUnusable(runXvega(["vega", "empty.csv"], { "empty.csv": "\n\n" }), "xvega vega: empty.csv has no header row (it holds no CSV records)");
    const unclosed = runXvega(["vega", "quote.csv"], { "quote.csv": 'underlying,strike,years,vol\n"100,100,1,0.2\n' });
    expect(unclosed.status).toBe(1);
    expect(unclosed.stderr).toMatch(/^xvega vega: quote\.csv is not readable CSV: .*quote/i);
    expectUnusable(
      runXvega(["vega", "twice.csv"], { "twice.csv": "underlying,strike,years,vol, VOL\n100,100,1,0.2,0.3\n" }),
      "xvega vega: column VOL appears twice in the header of twice.csv (columns 4 and 5): keep one",
    );
  });

  it("an unknown option, a bad --unit or --format, and a wrong number of files", () => {
    expectUnusable(runXvega(["vega", GOLDEN, "--units", "point"]), "xvega vega: unknown option '--units'");
    expectUnusable(runXvega(["vega", GOLDEN, "--unit", "pts"]), 'xvega vega: --unit "pts" is not one of point, unit');
    expectUnusable(runXvega(["vega", GOLDEN, "--format=xlsx"]), 'xvega vega: --format "xlsx" is not one of csv, json');
    expectUnusable(runXvega(["vega", GOLDEN, "--unit"]), "xvega vega: option '--unit <value>' argument missing");
    expectUnusable(runXvega(["vega"]), "xvega vega: expected one argument FILE.csv, got none");
    expectUnusable(runXvega(["vega", "a.csv", "b.csv"]), 'xvega vega: expected one argument FILE.csv, got "a.csv" "b.csv"');
  });

  it("accepts option values in any case, before or after the file", () => {
    const run = runXvega(["vega", "--unit=UNIT", "--format", "Json", GOLDEN]);
    expect(run.status).toBe(0);
    expectClose((JSON.parse(run.stdout) as { vega: number }[])[0]?.vega, 37.524035, { absolute: 5e-7 }, "QuantLib ATM per 1.00");
  });
});

describe("xvega vega on a large file", () => {
  // Speed is the benchmark's business (npm run bench); here: a big file computes every row, none lost or failed.
  it("computes every one of 100,000 legs, in input order", () => {
    const lines = ["trade_id,model,underlying,strike,years,vol,rate,carry,qty,multiplier"];
    for (let index = 0; index < 100_000; index++) {
      const model = ["bsm", "black76", "inverse"][index % 3];
      const carry = model === "bsm" ? "0.01" : "";
      lines.push(`T${index},${model},${30000 + (index % 5000)},${25000 + ((index * 37) % 20000)},${(1 + (index % 700)) / 365},${0.3 + (index % 50) / 100},5%,${carry},${(index % 21) - 10},1`);
    }
    const run = runXvega(["vega", "big.csv"], { "big.csv": `${lines.join("\n")}\n` });
    expect(run.status).toBe(0);
    const records = csvRecords(run.stdout);
    expect(records).toHaveLength(100_000);
    expect(records.every((record, index) => field(record, "trade_id") === `T${index}` && field(record, "error") === "")).toBe(true);
    expect(records.every((record) => Number.isFinite(Number(field(record, "vega"))) && Number(field(record, "vega")) > 0)).toBe(true);
  }, 60_000);
});

/* Issue 8 item 14: a trailing comma (an empty extra field) no longer fails a row; an extra field with text still does. */
describe("xvega vega rows longer than the header", () => {
  const header = "trade,underlying,strike,years,vol\n";

  it("computes a row with a trailing comma, with the same output as without it", () => {
    const withCommas = runXvega(["vega", "legs.csv"], { "legs.csv": `${header}T1,100,100,1,0.2,\nT2,100,90,0.5,0.25, ,\n` });
    const without = runXvega(["vega", "legs.csv"], { "legs.csv": `${header}T1,100,100,1,0.2\nT2,100,90,0.5,0.25\n` });
    expect(withCommas.status).toBe(0);
    expect(withCommas.stdout).toBe(without.stdout);
    expect(csvRecords(withCommas.stdout).map((record) => field(record, "error"))).toEqual(["", ""]);
  });

  it("still fails a row whose extra field holds something (a comma inside a number shifts the columns)", () => {
    const run = runXvega(["vega", "legs.csv"], { "legs.csv": `${header}T1,100,1,000,1,0.2\n` });
    expect(run.status).toBe(2);
    expect(field(csvRecords(run.stdout)[0], "error")).toBe("the row has 6 fields but the header has 5: check for a missing or extra comma");
  });
});
