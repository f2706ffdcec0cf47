import type { HedgeReportSpec } from "../../../src/taskpane/workbook/workbookGateway";
import {
  CHART_TITLE,
  hedgeReportLayout,
  reportAssets,
  reportSheetName,
  REPORT_TITLE,
} from "../../../src/taskpane/workbook/hedgeReportLayout";
import type { SheetBlock } from "../../../src/taskpane/workbook/sheetBlock";

const SPEC: HedgeReportSpec = {
  assetsAddress: "Positions!A6:A9",
  vegasAddress: "Positions!B6:B9",
  proxies: ["BTC", "ETH"],
  contractVegas: [12.5, 4],
  lotSizes: [1, 0.1],
};

/** Every written cell by address, as the sheet would hold it. */
function sheetCells(blocks: SheetBlock[]): Record<string, { content: unknown; format: string | undefined }> {
  const cells: Record<string, { content: unknown; format: string | undefined }> = {};
  for (const written of blocks) {
    const [first = ""] = written.address.split(":");
    const match = /^([A-Z]+)([0-9]+)$/.exec(first);
    if (!match) throw new Error(written.address);
    const column = (match[1] ?? "A").charCodeAt(0) - 65;
    const row = Number(match[2]);
    written.cells.forEach((cellsInRow, i) =>
      cellsInRow.forEach((content, j) => {
        cells[`${String.fromCharCode(65 + column + j)}${row + i}`] = { content, format: written.numberFormats[i]?.[j] };
      }),
    );
  }
  return cells;
}

describe("reportSheetName", () => {
  it("takes the first free name, comparing case-insensitively", () => {
    expect(reportSheetName(["Sheet1"])).toBe("XV Hedge Report");
    expect(reportSheetName(["xv hedge report", "XV Hedge Report 2"])).toBe("XV Hedge Report 3");
  });
});

describe("reportAssets", () => {
  it("lists the book's assets once each (trimmed, first spelling, blanks skipped), then missing proxies", () => {
    const column = [["BTC"], [" sol "], [""], [0], ["btc"], ["SOL"], ["DOGE"]];
    expect(reportAssets(column, ["ETH", "btc"])).toEqual(["BTC", "sol", "DOGE", "ETH"]);
  });
});

describe("hedgeReportLayout", () => {
  const layout = hedgeReportLayout(SPEC, ["BTC", "SOL", "ETH"], "2026-11-21T08:00:00.000Z");
  const cells = sheetCells(layout.blocks);
  const hedgeArgs = "Positions!$A$6:$A$9,Positions!$B$6:$B$9,$A$8:$A$9,XV_CORR,XV_VOLVOL,$B$8:$B$9,$C$8:$C$9";

  it("heads the sheet with a title, the time of insertion and the correlations' as-of", () => {
    expect(cells.A1).toEqual({ content: REPORT_TITLE, format: "@" });
    expect(cells.B2).toEqual({ content: "2026-11-21T08:00:00.000Z", format: "@" });
    expect(cells.B3).toEqual({ content: '=IFERROR(VLOOKUP("as_of",XV_META,2,FALSE),"not saved")', format: "General" });
    expect([cells.B4?.content, cells.B5?.content]).toEqual(["Positions!$A$6:$A$9", "Positions!$B$6:$B$9"]);
  });

  it("puts the proxies and their sizing in cells, and live XV formulas over them and the names", () => {
    expect([cells.A8?.content, cells.B8?.content, cells.C8?.content]).toEqual(["BTC", 12.5, 1]);
    expect([cells.A9?.content, cells.B9?.content, cells.C9?.content]).toEqual(["ETH", 4, 0.1]);
    expect(cells.A12).toEqual({ content: `=XV.XVEGAHEDGE(${hedgeArgs})`, format: "General" });
    expect(cells.F8).toEqual({ content: `=XV.HEDGESTATS(${hedgeArgs})`, format: "General" });
  });

  it("tabulates net vega before and after the hedge per asset, with formulas, under the hedge's spill", () => {
    expect([cells.A15?.content, cells.B15?.content, cells.C15?.content]).toEqual(["asset", "net vega before", "net vega after"]);
    expect(cells.A16).toEqual({ content: "BTC", format: "@" });
    expect(cells.B16?.content).toBe("=SUMPRODUCT(--(TRIM(Positions!$A$6:$A$9)=TRIM($A$16)),Positions!$B$6:$B$9)");
    expect(cells.C16?.content).toBe("=B16+SUMPRODUCT(--(TRIM($A$8:$A$9)=TRIM($A$16)),$B$12:$B$13)");
    expect(cells.A18?.content).toBe("ETH");
    expect(layout.chart).toEqual({ sourceAddress: "A15:C18", topLeft: "I7", bottomRight: "P24", title: CHART_TITLE });
  });

  it("leaves the sizing out when there is none, and quotes sheet names", () => {
    const bare = hedgeReportLayout(
      { assetsAddress: "'My Book'!A2:A5", vegasAddress: "'My Book'!C2:C5", proxies: ["BTC"] },
      ["BTC"],
      "2026-11-21T08:00:00.000Z",
    );
    const bareCells = sheetCells(bare.blocks);
    expect(bareCells.A11?.content).toBe("=XV.XVEGAHEDGE('My Book'!$A$2:$A$5,'My Book'!$C$2:$C$5,$A$8,XV_CORR,XV_VOLVOL)");
    expect(bareCells.B7).toBeUndefined();
  });

  it.each([
    [{ ...SPEC, proxies: [] }, /at least one proxy/],
    [{ ...SPEC, proxies: ["BTC", "btc "] }, /listed twice/],
    [{ ...SPEC, contractVegas: [1] }, /1 contract vegas for 2 proxies/],
    [{ ...SPEC, contractVegas: undefined }, /need contract vegas/],
    [{ ...SPEC, lotSizes: [1, NaN] }, /finite/],
    [{ ...SPEC, assetsAddress: "A6:A9" }, /A6:A9 is not a sheet-qualified/],
  ])("refuses a spec it cannot lay out (%#)", (spec, message) => {
    expect(() => hedgeReportLayout(spec, ["BTC"], "2026-11-21T08:00:00.000Z")).toThrow(message);
  });

  it("refuses an empty asset list", () => {
    expect(() => hedgeReportLayout(SPEC, [], "2026-11-21T08:00:00.000Z")).toThrow(/holds no asset names/);
  });
});
