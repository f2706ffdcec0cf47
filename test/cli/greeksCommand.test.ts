import { GREEK_NAMES } from "../../src/core/greeks/greekNames";
import { fillGreeksRow } from "../../src/core/greeks/greeksRow";
import { expectClose } from "../core/tolerance";
import { csvHeader, csvRecords, field, runXvega } from "./runXvega";

const BOOK = `leg,underlying,strike,years,vol,type,model,rate,carry,qty
hull,49,50,0.38461538461538464,20%,call,bsm,5%,,10
haug-put,105,100,0.5,0.36,put,black76,0.1,,-3
deribit,39165.86,40000,0.0821917808219178,0.6086,call,inverse,,,1
expired,110,100,0,0.5,put,,,,1
bad,100,-100,1,0.2,call,,,,1
`;

describe("xvega greeks", () => {
  const run = runXvega(["greeks", "book.csv"], { "book.csv": BOOK });
  const records = csvRecords(run.stdout);
  const byLeg = new Map(records.map((record) => [field(record, "leg"), record]));

  it("keeps every input column and adds price, delta, gamma, vega, theta, rho, vanna, volga, error", () => {
    expect(csvHeader(run.stdout)).toEqual(["leg", "underlying", "strike", "years", "vol", "type", "model", "rate", "carry", "qty", ...GREEK_NAMES, "error"]);
    expect(records).toHaveLength(5);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe("xvega greeks: 1 of 5 rows failed; see the error column\n");
  });

  it("gives Hull's Greeks in the desk units (vega per point, theta per day, rho per point) and Haug's Black-76 put delta", () => {
    const hull = byLeg.get("hull");
    expectClose(Number(field(hull, "price")), 2.4, { absolute: 0.005 });
    expectClose(Number(field(hull, "delta")), 0.522, { absolute: 0.0005 });
    expectClose(Number(field(hull, "vega")), 0.121, { absolute: 0.0005 });
    expectClose(Number(field(hull, "theta")), -4.31 / 365, { absolute: 0.005 / 365 });
    expectClose(Number(field(hull, "rho")), 0.0891, { absolute: 0.00005 });
    expectClose(Number(field(byLeg.get("haug-put"), "delta")), -0.3566, { absolute: 0.00005 });
  });

  it("computes the same numbers as the engine for a coin-settled leg, in full precision", () => {
    const row = new Float64Array(8);
    fillGreeksRow("call", "inverse", 39165.86, 40000, 0.0821917808219178, 0.6086, 0, 0, row, 0);
    GREEK_NAMES.forEach((name, index) => expect(Number(field(byLeg.get("deribit"), name))).toBe(row[index]));
  });

  it("gives expired legs intrinsic value and the delta step; a bad row says why and leaves its Greeks empty", () => {
    const expired = byLeg.get("expired");
    expect(Number(field(expired, "price"))).toBe(0);
    expect(Number(field(expired, "delta"))).toBe(0);
    expect(field(byLeg.get("bad"), "error")).toMatch(/strike -100 must be a positive price/);
    for (const name of GREEK_NAMES) expect(field(byLeg.get("bad"), name)).toBe("");
  });

  it("prints JSON with one object per input row", () => {
    const json = runXvega(["greeks", "book.csv", "--format", "json"], { "book.csv": BOOK });
    const rows = JSON.parse(json.stdout) as Record<string, unknown>[];
    expect(rows).toHaveLength(5);
    expect(typeof rows[0]?.volga).toBe("number");
    expect(rows[4]?.price).toBeNull();
  });
});
