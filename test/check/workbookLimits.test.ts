/* Safety: a zip bomb, an oversized sheet or file, and a file that is no workbook are refused with a message, unread. */
import JSZip from "jszip";
import { MAX_FILE_BYTES, findSizeProblem } from "../../src/check/workbookLimits";
import { loadWorkbookBytes } from "../../src/check/workbookLoading";

jest.setTimeout(30_000);

describe("workbook limits", () => {
  it("refuses a zip bomb (a part that inflates hundreds of times) before inflating it", async () => {
    const zip = new JSZip();
    zip.file("[Content_Types].xml", "<Types/>");
    zip.file("xl/worksheets/sheet1.xml", "0".repeat(50 * 1024 * 1024));
    const bytes = await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE", compressionOptions: { level: 9 } });
    expect(bytes.length).toBeLessThan(1024 * 1024);
    expect(await findSizeProblem(bytes)).toMatch(/^xl\/worksheets\/sheet1\.xml inflates \d+ times \(50 MB\): refused as a zip bomb/);
    await expect(loadWorkbookBytes(bytes)).rejects.toThrow(/refused as a zip bomb/);
  });

  it("refuses a file over the documented size without reading it", async () => {
    const bytes = Buffer.alloc(MAX_FILE_BYTES + 1);
    expect(await findSizeProblem(bytes)).toBe("the file is 200 MB: the check opens books of at most 200 MB");
  });

  it("says that a file which is not a zip is not a workbook", async () => {
    await expect(loadWorkbookBytes(Buffer.from("name,vega\nBTC,1\n"))).rejects.toThrow(/^not a readable \.xlsx\/\.xlsm file/);
  });

  it("lets an ordinary compressed sheet through", async () => {
    const zip = new JSZip();
    zip.file("xl/worksheets/sheet1.xml", "<c r=\"A1\"><v>1</v></c>".repeat(10_000));
    expect(await findSizeProblem(await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }))).toBeNull();
  });
});
