/*
 * `xvega check` in-process on the fixture books of test/fixtures/check (written by scripts/make-check-workbooks.js;
 * test/check/fixtureFiles.test.ts keeps them equal to what the builder writes): the JSON and CSV contracts, the exit
 * statuses, folders and lock files, unreadable books, and the roll-up report.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import ExcelJS from "exceljs";
import { CHECK_AS_OF, EXPECTED_FINDINGS } from "../../scripts/checkWorkbooks";
import { csvHeader, csvRecords, runXvegaAsync } from "./runXvega";

jest.setTimeout(60_000);

const BOOKS = join(__dirname, "..", "fixtures", "check");
const book = (name: string): string => join(BOOKS, name);
const AS_OF = ["--as-of", CHECK_AS_OF];

interface CheckJson {
  workbooks: ({ file: string; formulas: number; checked: number; findings: Record<string, unknown>[] } | { file: string; error: string })[];
  summary: { workbooks: number; formulas: number; checked: number; findings: number; by_kind: Record<string, number> };
}

describe("xvega check", () => {
  let scratch: string;
  beforeEach(() => {
    scratch = mkdtempSync(join(tmpdir(), "xvega-check-"));
  });
  afterEach(() => rmSync(scratch, { recursive: true, force: true }));

  it("passes a clean book: exit 0, only the CSV header on stdout, the summary on stderr", async () => {
    const run = await runXvegaAsync(["check", book("clean.xlsx"), ...AS_OF]);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe("file,sheet,cell,function,kind,message,cached,recomputed\n");
    expect(run.stderr).toBe("xvega check: 1 workbook, 16 XV formulas, 16 recomputed, 0 findings\n");
  });

  it("prints JSON in exactly the contract's shape", async () => {
    const run = await runXvegaAsync(["check", book("stale-vega.xlsx"), "--format", "json", ...AS_OF]);
    expect(run.status).toBe(2);
    const document = JSON.parse(run.stdout) as CheckJson;
    expect(Object.keys(document)).toEqual(["workbooks", "summary"]);
    const [entry] = document.workbooks;
    expect(Object.keys(entry ?? {})).toEqual(["file", "formulas", "checked", "findings"]);
    expect(entry).toMatchObject({ file: book("stale-vega.xlsx"), formulas: 16, checked: 16 });
    const [finding] = "findings" in (entry as object) ? (entry as { findings: Record<string, unknown>[] }).findings : [];
    expect(Object.keys(finding ?? {})).toEqual(["sheet", "cell", "function", "kind", "message", "cached", "recomputed"]);
    expect(finding).toMatchObject({ sheet: "My Positions", cell: "L6", function: "XV.VEGA", kind: "mismatch" });
    expect(document.summary).toEqual({ workbooks: 1, formulas: 16, checked: 16, findings: 1, by_kind: { mismatch: 1 } });
  });

  it("checks a folder's books in name order, skipping ~$ lock files, one CSV row per finding", async () => {
    for (const name of Object.keys(EXPECTED_FINDINGS)) copyFileSync(book(name), join(scratch, name));
    writeFileSync(join(scratch, "~$clean.xlsx"), "owner lock");
    writeFileSync(join(scratch, "notes.txt"), "not a book");
    const run = await runXvegaAsync(["check", scratch, ...AS_OF]);
    expect(run.status).toBe(2);
    expect(csvHeader(run.stdout)).toEqual(["file", "sheet", "cell", "function", "kind", "message", "cached", "recomputed"]);
    const located = csvRecords(run.stdout).map((record) => `${record.file?.slice(scratch.length + 1)} ${record.sheet}!${record.cell} ${record.kind}`);
    const expected = Object.entries(EXPECTED_FINDINGS)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .flatMap(([name, findings]) => findings.map(([sheet, cell, kind]) => `${name} ${sheet}!${cell} ${kind}`));
    expect([...located].sort()).toEqual([...expected].sort());
    // Stable order: books by name, as listed.
    const files = located.map((line) => line.split(" ")[0]);
    expect(files).toEqual([...files].sort());
    expect(run.stderr).toMatch(/^xvega check: 9 workbooks, /);
  });

  it("exits 0 when the only findings are hedge findings", async () => {
    const run = await runXvegaAsync(["check", book("weak-hedge.xlsx"), ...AS_OF]);
    expect(run.status).toBe(0);
    expect(csvRecords(run.stdout).map((record) => record.kind)).toEqual(["hedge", "hedge"]);
  });

  it("gives a corrupt book its own entry and goes on with the others", async () => {
    writeFileSync(join(scratch, "broken.xlsx"), "PK\u0003\u0004 this is not a zip");
    const run = await runXvegaAsync(["check", join(scratch, "broken.xlsx"), book("clean.xlsx"), "--format", "json", ...AS_OF]);
    expect(run.status).toBe(2);
    const document = JSON.parse(run.stdout) as CheckJson;
    expect(document.workbooks[0]).toEqual({ file: join(scratch, "broken.xlsx"), error: expect.stringMatching(/^not a readable \.xlsx\/\.xlsm file/) });
    expect(document.workbooks[1]).toMatchObject({ file: book("clean.xlsx"), findings: [] });
    expect(document.summary.workbooks).toBe(2);
  });

  it("exits 1 when no input is usable (a missing path is an entry too)", async () => {
    const run = await runXvegaAsync(["check", join(scratch, "nowhere.xlsx"), "--format", "json"]);
    expect(run.status).toBe(1);
    expect(JSON.parse(run.stdout)).toEqual({
      workbooks: [{ file: join(scratch, "nowhere.xlsx"), error: "no such file or folder" }],
      summary: { workbooks: 1, formulas: 0, checked: 0, findings: 0, by_kind: {} },
    });
    expect(run.stderr).toContain("no workbook could be read");
  });

  it.each([
    [["--tolerance", "abc"], "--tolerance"],
    [["--as-of", "21/11/2026"], '--as-of "21/11/2026" is not a date'],
    [["--workers", "0"], "--workers 0 must be a whole number"],
    [["--min-effectiveness", "2"], "--min-effectiveness 2 must lie between 0 and 1"],
  ])("refuses bad option %j with exit 1 and the option named", async (options, message) => {
    const run = await runXvegaAsync(["check", book("clean.xlsx"), ...options]);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain(message);
  });

  it("writes the roll-up: Summary, Findings (frozen, filtered), Exposure, Hedges with the firm-level hedge", async () => {
    const report = join(scratch, "rollup.xlsx");
    const corr = join(scratch, "corr.csv");
    const volvol = join(scratch, "volvol.csv");
    writeFileSync(corr, ",BTC,ETH,ALT\nBTC,1,0.9,0.8\nETH,0.9,1,0.85\nALT,0.8,0.85,1\n");
    writeFileSync(volvol, "asset,volvol\nBTC,2\nETH,2.5\nALT,3\n");
    const run = await runXvegaAsync(["check", book("clean.xlsx"), book("stale-vega.xlsx"), "--report", report, "--corr", corr, "--volvol", volvol, "--proxies", "BTC,ETH", ...AS_OF]);
    expect(run.status).toBe(2);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(report) as unknown as ExcelJS.Buffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(["Summary", "Findings", "Exposure", "Hedges"]);
    const values = (name: string) => (workbook.getWorksheet(name)?.getSheetValues() ?? []).filter(Boolean).map((row) => (row as unknown[]).slice(1));
    const summary = values("Summary");
    expect(summary[1]?.[0]).toBe(book("clean.xlsx"));
    expect(summary[0]?.[11]).toBe("status");
    expect(summary[1]?.[11]).toBe("OK");
    expect(summary[2]?.[11]).toBe("FAIL");
    const findings = workbook.getWorksheet("Findings");
    expect(findings?.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(findings?.autoFilter).toBeDefined();
    expect(values("Findings")[1]?.slice(1, 5)).toEqual(["My Positions", "L6", "XV.VEGA", "mismatch"]);
    const exposure = values("Exposure");
    const totals = exposure.filter((row) => row[0] === "total (all books)");
    const perBook = exposure.filter((row) => row[0] === book("clean.xlsx"));
    expect(totals.map((row) => row[1])).toEqual(["BTC", "ETH", "ALT"]);
    // Two identical books: each total is twice one book's net vega, and each row says where it came from.
    totals.forEach((row, index) => expect(row[2] as number).toBeCloseTo(2 * (perBook[index]?.[2] as number), 6));
    expect(perBook[0]?.slice(3)).toEqual(["Hedge", "A8"]);
    const hedges = values("Hedges");
    expect(hedges.filter((row) => row[0] === "firm (total of all books)").map((row) => row[4])).toEqual(["BTC", "ETH"]);
    expect(hedges.filter((row) => row[0] === book("clean.xlsx")).map((row) => `${row[2]} ${row[4]}`)).toEqual(["A8 BTC", "A8 ETH", "A12 BTC", "A12 ETH"]);
  });
});
