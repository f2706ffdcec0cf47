import {
  absoluteSheetReference,
  boxAddress,
  cellAddress,
  columnLetters,
  parseBoxAddress,
  quoteSheetName,
  splitSheetAddress,
} from "../../../src/taskpane/workbook/a1Address";

describe("A1 addresses", () => {
  it("names columns as Excel does (A, Z, AA, XFD)", () => {
    expect([0, 25, 26, 701, 702, 16383].map(columnLetters)).toEqual(["A", "Z", "AA", "ZZ", "AAA", "XFD"]);
    expect(() => columnLetters(16384)).toThrow(RangeError);
  });

  it("writes cells and boxes, relative or absolute", () => {
    expect(cellAddress(2, 1)).toBe("B3");
    expect(boxAddress({ top: 12, left: 3, rows: 4, columns: 4 })).toBe("D13:G16");
    expect(boxAddress({ top: 0, left: 0, rows: 1, columns: 1 }, true)).toBe("$A$1");
    expect(() => boxAddress({ top: 0, left: 0, rows: 0, columns: 1 })).toThrow(RangeError);
  });

  it("parses what it writes, with or without $, in either corner order", () => {
    expect(parseBoxAddress("$D$13:G16")).toEqual({ top: 12, left: 3, rows: 4, columns: 4 });
    expect(parseBoxAddress("G16:D13")).toEqual({ top: 12, left: 3, rows: 4, columns: 4 });
    expect(parseBoxAddress("A1")).toEqual({ top: 0, left: 0, rows: 1, columns: 1 });
    expect(parseBoxAddress("A:A")).toBeNull();
    expect(parseBoxAddress("XV_CORR")).toBeNull();
  });

  it("quotes sheet names that need it and splits sheet-qualified addresses", () => {
    expect(quoteSheetName("Positions")).toBe("Positions");
    expect(quoteSheetName("My Book")).toBe("'My Book'");
    expect(quoteSheetName("Bob's")).toBe("'Bob''s'");
    expect(quoteSheetName("AB1")).toBe("'AB1'");
    expect(splitSheetAddress("'Bob''s book'!A6:A17")).toEqual({ sheetName: "Bob's book", reference: "A6:A17" });
    expect(splitSheetAddress("A6:A17")).toBeNull();
    expect(splitSheetAddress("Positions!nonsense")).toBeNull();
  });

  it("makes sheet-qualified addresses absolute for formulas", () => {
    expect(absoluteSheetReference("Positions!A6:A17")).toBe("Positions!$A$6:$A$17");
    expect(absoluteSheetReference("'My Book'!$B6")).toBe("'My Book'!$B$6");
    expect(() => absoluteSheetReference("A6:A17")).toThrow(/sheet-qualified/);
  });
});
