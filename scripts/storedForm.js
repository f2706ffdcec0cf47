/*
 * Writing a workbook the way Excel stores our functions (PLATFORM.md, "Learned since"), for fixtures, the sample and
 * the benchmark. exceljs writes formulas, array formulas (`<f t="array" ref=…>`), shared formulas and cached values
 * (`{ formula, result }`); what it cannot write is done on the zip afterwards: every array formula's cell gets
 * cm="1", pointing at the XLDAPR dynamic-array cell metadata in xl/metadata.xml, so Excel opens it as a spill.
 */
"use strict";
const path = require("path");
// jszip comes with exceljs (its own dependency); resolve it from there rather than rely on hoisting.
const JSZip = require(require.resolve("jszip", { paths: [path.dirname(require.resolve("exceljs/package.json"))] }));

const METADATA_XML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<metadata xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:xda="http://schemas.microsoft.com/office/spreadsheetml/2017/dynamicarray"><metadataTypes count="1"><metadataType name="XLDAPR" minSupportedVersion="120000" copy="1" pasteAll="1" pasteValues="1" merge="1" splitFirst="1" rowColShift="1" clearFormats="1" clearComments="1" assign="1" coerce="1" cellMeta="1"/></metadataTypes><futureMetadata name="XLDAPR" count="1"><bk><extLst><ext uri="{bdbb8cdc-fa1e-496e-a857-3c3f30c029c3}"><xda:dynamicArrayProperties fDynamic="1" fCollapsed="0"/></ext></extLst></bk></futureMetadata><cellMetadata count="1"><bk><rc t="1" v="0"/></bk></cellMetadata></metadata>`;

/** The file form of a custom function name: what Excel writes for =XV.NAME(…). */
function storedFunction(name) {
  return `_xldudf_XV_${name}`;
}

/**
 * Marks every array formula as a dynamic (spilling) one and fixes the zip's timestamps (identical bytes for identical
 * books). Returns the new bytes and how many formulas were marked.
 */
async function markArrayFormulasAsDynamic(buffer, fixedDate) {
  const zip = await JSZip.loadAsync(buffer);
  let marked = 0;
  for (const name of Object.keys(zip.files).filter((file) => /^xl\/worksheets\/sheet\d+\.xml$/.test(file))) {
    const xml = await zip.file(name).async("string");
    // <c r="F6" s="3"><f t="array" …  →  <c r="F6" s="3" cm="1"><f t="array" …
    const updated = xml.replace(/<c (r="[A-Z]+\d+"[^>]*?)>(<f t="array")/g, (_, attributes, formula) => {
      marked += 1;
      return `<c ${attributes} cm="1">${formula}`;
    });
    zip.file(name, updated);
  }
  if (marked > 0) {
    zip.file("xl/metadata.xml", METADATA_XML);
    const types = await zip.file("[Content_Types].xml").async("string");
    zip.file(
      "[Content_Types].xml",
      types.replace("</Types>", '<Override PartName="/xl/metadata.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheetMetadata+xml"/></Types>'),
    );
    const relsName = "xl/_rels/workbook.xml.rels";
    const rels = await zip.file(relsName).async("string");
    zip.file(
      relsName,
      rels.replace(
        "</Relationships>",
        '<Relationship Id="rIdXvegaMetadata" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sheetMetadata" Target="metadata.xml"/></Relationships>',
      ),
    );
  }
  for (const file of Object.values(zip.files)) file.date = new Date(fixedDate.getTime());
  const bytes = await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE", compressionOptions: { level: 9 } });
  return { bytes, marked };
}

/** A cached result as exceljs writes it: CustomFunctions.Error → { error: "#VALUE!" }, "" stays "". */
function cachedValue(value) {
  if (value !== null && typeof value === "object" && typeof value.code === "string") return { error: value.code };
  return value;
}

/**
 * Writes a spilling formula as Excel saves it: the anchor holds the formula and the first cached value, the other
 * cells of the range only their cached values. `grid` is the result (an adapter's any[][]), or an error for all of it.
 */
function putSpill(sheet, anchorAddress, formula, grid) {
  const anchor = sheet.getCell(anchorAddress);
  const top = Number(anchor.row);
  const left = Number(anchor.col);
  if (!Array.isArray(grid)) {
    anchor.value = { formula, shareType: "array", ref: anchorAddress, result: cachedValue(grid) };
    return;
  }
  const rows = grid.length;
  const columns = Math.max(...grid.map((row) => row.length));
  const last = sheet.getCell(top + rows - 1, left + columns - 1).address;
  grid.forEach((row, r) =>
    row.forEach((value, c) => {
      if (r === 0 && c === 0) return;
      sheet.getCell(top + r, left + c).value = cachedValue(value);
    }),
  );
  anchor.value = { formula, shareType: "array", ref: `${anchorAddress}:${last}`, result: cachedValue(grid[0][0]) };
}

/** Runs an adapter as Excel would: a thrown CustomFunctions.Error becomes the formula's error value. */
function callAdapter(adapter, ...args) {
  try {
    return adapter(...args);
  } catch (error) {
    if (error && typeof error.code === "string") return error;
    throw error;
  }
}

module.exports = { storedFunction, markArrayFormulasAsDynamic, putSpill, cachedValue, callAdapter };
