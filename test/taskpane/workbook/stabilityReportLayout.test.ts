/*
 * The stability report's layout: the three formulas with the issue's argument orders over the history, the book, the
 * report's own proxy, setting and shift cells and the saved names; the charts' tables as live formulas over the spills;
 * and, for many sizes, no written block or spill overlapping another (an overlap would be a #SPILL!).
 */
import { parseBoxAddress, type CellBox } from "../../../src/taskpane/workbook/a1Address";
import { DATE_FORMAT, stabilityReportLayout, stabilitySheetName } from "../../../src/taskpane/workbook/stabilityReportLayout";
import type { StabilityReportSpec } from "../../../src/taskpane/workbook/workbookGateway";

const SPEC: StabilityReportSpec = {
  historyAddress: "Vols!A1:D131",
  assetsAddress: "Positions!A2:A5",
  vegasAddress: "Positions!B2:B5",
  proxies: ["BTC", "ETH"],
  window: 60,
  lambda: null,
  ridge: 0,
  rebalance: 1,
  shifts: [-0.5, -0.3, -0.2, -0.1, 0, 0.1],
  dayCount: 69,
  datesAreSerials: true,
};

/** Every written cell of the layout by address ("A1" → content). */
function cells(spec: StabilityReportSpec): Map<string, string | number | boolean> {
  const out = new Map<string, string | number | boolean>();
  for (const written of stabilityReportLayout(spec, "2026-12-05T12:00:00.000Z").blocks) {
    const box = parseBoxAddress(written.address) as CellBox;
    written.cells.forEach((row, i) =>
      row.forEach((content, j) => {
        const column = String.fromCharCode(65 + ((box.left + j) % 26));
        const prefix = box.left + j >= 26 ? String.fromCharCode(64 + Math.floor((box.left + j) / 26)) : "";
        out.set(`${prefix}${column}${box.top + i + 1}`, content);
      }),
    );
  }
  return out;
}

function formulaStarting(spec: StabilityReportSpec, start: string): [string, string] {
  const found = [...cells(spec)].find(([, content]) => typeof content === "string" && content.startsWith(start));
  if (!found) throw new Error(`no formula starting ${start}`);
  return [found[0], found[1] as string];
}

describe("stabilityReportLayout", () => {
  test("the three formulas take the issue's arguments in its order, every option from its cell", () => {
    const backtestArgs = "Vols!$A$1:$D$131,Positions!$A$2:$A$5,Positions!$B$2:$B$5,$A$9:$A$10,$D$9,$D$10,$D$11,$D$12";
    expect(formulaStarting(SPEC, "=XV.HEDGEBACKTEST(")).toEqual(["A26", `=XV.HEDGEBACKTEST(${backtestArgs})`]);
    expect(formulaStarting(SPEC, "=XV.BACKTESTSTATS(")).toEqual(["N9", `=XV.BACKTESTSTATS(${backtestArgs})`]);
    expect(formulaStarting(SPEC, "=XV.HEDGESTRESS(")).toEqual(["H9", "=XV.HEDGESTRESS(Positions!$A$2:$A$5,Positions!$B$2:$B$5,$A$9:$A$10,XV_CORR,XV_VOLVOL,$F$9:$F$14,$D$11)"]);
    const written = cells(SPEC);
    expect([written.get("A9"), written.get("A10"), written.get("D9"), written.get("D11"), written.get("D12"), written.get("F9"), written.get("F14")]).toEqual(["BTC", "ETH", 60, 0, 1, -0.5, 0.1]);
  });

  test("a λ is written in its cell; without one the cell is blank (the sample estimate) and says so beside it", () => {
    expect(cells({ ...SPEC, lambda: 0.94 }).get("D10")).toBe(0.94);
    expect([cells(SPEC).get("C10"), cells(SPEC).get("D10"), cells(SPEC).get("E10")]).toEqual(["lambda", "", "blank = sample"]);
  });

  test("the P&L chart's table runs SUMs down the spill's unhedged and hedged columns; its dates are formatted as dates", () => {
    const written = cells(SPEC);
    // The spill: header on row 26, days on rows 27–95, columns A–F (date, unhedged, hedge, hedged, hedge BTC, ETH).
    expect([written.get("H26"), written.get("I26"), written.get("J26")]).toEqual(["", "cumulative unhedged P&L", "cumulative hedged P&L"]);
    expect([written.get("H27"), written.get("I27"), written.get("J27")]).toEqual(["=A27", "=IF(ISNUMBER(B27),SUM(B$27:B27),NA())", "=IF(ISNUMBER(D27),SUM(D$27:D27),NA())"]);
    expect(written.get("I95")).toBe("=IF(ISNUMBER(B95),SUM(B$27:B95),NA())");
    expect(written.has("H96")).toBe(false);
    const layout = stabilityReportLayout(SPEC, "2026-12-05T12:00:00.000Z");
    expect(layout.formats).toEqual([{ address: "A27:A95", rows: 69, format: DATE_FORMAT }]);
    expect(layout.charts[0]).toMatchObject({ type: "Line", sourceAddress: "H26:J95" });
    expect(stabilityReportLayout({ ...SPEC, datesAreSerials: false }, "").formats).toEqual([]);
  });

  test("the stress chart's table takes shift, held and re-optimised effectiveness from the spill, sorted by shift", () => {
    const written = cells({ ...SPEC, shifts: [0.1, -0.5, 0] });
    // Spill rows 10, 11, 12 hold the shifts 0.1, −0.5, 0 as given; the table (header on row 14) lists them −0.5, 0, 0.1.
    expect([15, 16, 17].map((row) => [written.get(`H${row}`), written.get(`I${row}`), written.get(`J${row}`)])).toEqual([
      ["=H11", "=I11", "=K11"],
      ["=H12", "=I12", "=K12"],
      ["=H10", "=I10", "=K10"],
    ]);
    expect(stabilityReportLayout({ ...SPEC, shifts: [0.1, -0.5, 0] }, "").charts[1]).toMatchObject({ type: "XYScatterLines", sourceAddress: "H14:J17" });
  });

  test("for 1–8 proxies and 1–8 shifts nothing written lies in a spill, and no spill runs into another", () => {
    for (let proxies = 1; proxies <= 8; proxies++) {
      for (let shifts = 1; shifts <= 8; shifts++) {
        const spec = { ...SPEC, proxies: Array.from({ length: proxies }, (_, k) => `P${k}`), shifts: Array.from({ length: shifts }, (_, k) => k / 10) };
        const layout = stabilityReportLayout(spec, "");
        const boxes: { what: string; box: CellBox }[] = [];
        for (const written of layout.blocks) {
          const box = parseBoxAddress(written.address) as CellBox;
          boxes.push({ what: `block ${written.address}`, box });
          written.cells.forEach((row, i) => {
            const content = row[0];
            if (typeof content !== "string") return;
            const size = content.startsWith("=XV.HEDGESTRESS(") ? { rows: shifts + 1, columns: 5 } : content.startsWith("=XV.HEDGEBACKTEST(") ? { rows: spec.dayCount + 1, columns: 4 + proxies } : content.startsWith("=XV.BACKTESTSTATS(") ? { rows: 1_000_000, columns: 2 } : null;
            // The spill beyond its anchor cell (the anchor is in the block).
            if (size) boxes.push({ what: `spill of ${content.slice(0, 18)}`, box: { top: box.top + i + 1, left: box.left, rows: size.rows - 1, columns: size.columns } });
            if (size) boxes.push({ what: `right of ${content.slice(0, 18)}`, box: { top: box.top + i, left: box.left + 1, rows: 1, columns: size.columns - 1 } });
          });
        }
        for (const [a, first] of boxes.entries()) {
          for (const second of boxes.slice(a + 1)) {
            const overlap =
              first.box.top < second.box.top + second.box.rows &&
              second.box.top < first.box.top + first.box.rows &&
              first.box.left < second.box.left + second.box.columns &&
              second.box.left < first.box.left + first.box.columns;
            expect(overlap ? `${proxies} proxies, ${shifts} shifts: ${first.what} overlaps ${second.what}` : "apart").toBe("apart");
          }
        }
      }
    }
  });

  test("the sheet is numbered when its name is taken; a report without days is refused", () => {
    expect(stabilitySheetName(["Sheet1"])).toBe("XV Stability Report");
    expect(stabilitySheetName(["xv stability report", "XV Stability Report 2"])).toBe("XV Stability Report 3");
    expect(() => stabilityReportLayout({ ...SPEC, dayCount: 0 }, "")).toThrow(/0 out-of-sample days/);
  });
});
