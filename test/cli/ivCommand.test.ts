import { fillGreeksRow } from "../../src/core/greeks/greeksRow";
import { expectClose } from "../core/tolerance";
import { csvHeader, csvRecords, field, runXvega } from "./runXvega";

const MARKS = `desk,price,underlying,strike,years,type,model,rate,carry
QL,10.450584,100,100,1,call,,5%,
Haug76,1.7011,19,19,0.75,P,black76,0.1,
Deribit,0.0125,39165.86,40000,0.0821917808219178,c,inverse,,
Stale,9.5,110,100,0.5,call,black76,,
Max,120,110,100,0.5,put,black76,,
Zero,0,100,100,0.5,call,,,
Expired,1,100,100,0,call,,,
Tiny,1e-13,100,200,0.5,call,,,
`;

describe("xvega iv", () => {
  const run = runXvega(["iv", "marks.csv"], { "marks.csv": MARKS });
  const records = csvRecords(run.stdout);
  const byDesk = new Map(records.map((record) => [field(record, "desk"), record]));

  it("keeps every input column, adds iv and error, and exits 2 when a row failed", () => {
    expect(csvHeader(run.stdout)).toEqual(["desk", "price", "underlying", "strike", "years", "type", "model", "rate", "carry", "iv", "error"]);
    expect(records).toHaveLength(8);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe("xvega iv: 5 of 8 rows failed; see the error column\n");
  });

  it("gives the vols of published prices (QuantLib 10.450584 → 0.2; Haug Black-76 1.7011 → 0.28), a decimal", () => {
    expectClose(Number(field(byDesk.get("QL"), "iv")), 0.2, { absolute: 1e-7 });
    expectClose(Number(field(byDesk.get("Haug76"), "iv")), 0.28, { absolute: 5e-5 });
  });

  it("reads a coin mark for inverse: re-pricing at the iv gives the mark back", () => {
    const iv = Number(field(byDesk.get("Deribit"), "iv"));
    const row = new Float64Array(8);
    fillGreeksRow("call", "inverse", 39165.86, 40000, 0.0821917808219178, iv, 0, 0, row, 0);
    expectClose(row[0], 0.0125, { relative: 1e-15 });
  });

  it("explains each impossible price in error, with an empty iv", () => {
    expect(field(byDesk.get("Stale"), "error")).toMatch(/below the intrinsic value 10 .* by 0.5/);
    expect(field(byDesk.get("Max"), "error")).toMatch(/at or above the most a put can be worth, 100/);
    expect(field(byDesk.get("Zero"), "error")).toMatch(/price 0 is not positive/);
    expect(field(byDesk.get("Expired"), "error")).toMatch(/expired/);
    expect(field(byDesk.get("Tiny"), "error")).toMatch(/smallest price that gives a vol is 1e-10/);
    for (const desk of ["Stale", "Max", "Zero", "Expired", "Tiny"]) expect(field(byDesk.get(desk), "iv")).toBe("");
  });

  it("prints JSON with one object per input row; iv a number, null where empty", () => {
    const json = runXvega(["iv", "marks.csv", "--format", "json"], { "marks.csv": MARKS });
    const rows = JSON.parse(json.stdout) as Record<string, unknown>[];
    expect(rows).toHaveLength(8);
    expect(typeof rows[0]?.iv).toBe("number");
    expect(rows[0]?.error).toBeNull();
    expect(rows[3]?.iv).toBeNull();
    expect(json.status).toBe(2);
  });

  it("exits 0 when every row computed, and 1 when a required column is missing", () => {
    expect(runXvega(["iv", "ok.csv"], { "ok.csv": "price,underlying,strike,years\n10.450584,100,100,1\n" }).status).toBe(0);
    const missing = runXvega(["iv", "bad.csv"], { "bad.csv": "underlying,strike,years\n100,100,1\n" });
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/has no column price/);
  });
});
