/*
 * test/fixtures/check/*.xlsx (used by the CLI tests and docs/cli.md's examples) are exactly what
 * scripts/make-check-workbooks.js writes: regenerate them with `npm run build:node && node scripts/make-check-workbooks.js`.
 */
import { readFileSync } from "fs";
import { join } from "path";
import JSZip from "jszip";
import { CheckFixtureName, EXPECTED_FINDINGS } from "../../scripts/checkWorkbooks";
import { fixtureBook } from "./checkFixtures";

jest.setTimeout(30_000);

describe("the check's fixture books on disk", () => {
  it.each(Object.keys(EXPECTED_FINDINGS) as CheckFixtureName[])("%s is what the builder writes", async (name) => {
    const onDisk = readFileSync(join(__dirname, "..", "fixtures", "check", name));
    expect((await fixtureBook(name)).equals(onDisk)).toBe(true);
  });

  it("stores spills as Excel does: _xldudf_ names, t=\"array\" with ref and cm=\"1\", xl/metadata.xml, cached spill cells", async () => {
    const zip = await JSZip.loadAsync(readFileSync(join(__dirname, "..", "fixtures", "check", "clean.xlsx")));
    const positions = (await zip.file("xl/worksheets/sheet1.xml")?.async("string")) ?? "";
    expect(positions).toMatch(/<c r="L4"[^>]* cm="1"><f t="array" ref="L4:L9">_xldudf_XV_VEGA\(D4:D9,/);
    expect(positions).toMatch(/<c r="L5"[^>]*><v>[0-9.]+<\/v><\/c>/); // a spill cell: a cached value, no formula
    expect(positions).toMatch(/<c r="O4"><f t="shared" ref="O4:O9" si="0">J4\*K4\*_xldudf_XV_VEGA\(/);
    expect(positions).toMatch(/<c r="O5"><f t="shared" si="0"\/><v>/);
    expect(positions).toContain("_xlfn.ANCHORARRAY(L4)");
    expect(await zip.file("xl/metadata.xml")?.async("string")).toContain('<metadataType name="XLDAPR"');
    const workbookXml = (await zip.file("xl/workbook.xml")?.async("string")) ?? "";
    expect(workbookXml).toContain('<definedName name="XV_CORR">Correlations!$A$1:$D$4</definedName>');
  });
});
