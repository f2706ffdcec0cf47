#!/usr/bin/env node
/*
 * Writes assets/xvega-sample.xlsx: a small BTC/ETH/SOL options book priced with XV.YEARS and XV.VEGA, including one
 * deliberately bad row (vol typed 65) to show a per-cell error. `node scripts/make-sample-workbook.js`.
 *
 * Two things exceljs cannot do are done by hand, the way Excel itself saves such a workbook:
 * - custom functions are stored as _xldudf_<NAMESPACE>_<NAME>(…) (XV.VEGA → _xldudf_XV_VEGA); Excel shows XV.VEGA
 *   again once the add-in has registered its functions. A bare "XV.VEGA(" in the file would stay #NAME?.
 * - a spilling (dynamic array) formula is an array formula whose cell carries cm="1" pointing at the XLDAPR
 *   "dynamic array" cell metadata; without it Excel opens the formula as a legacy one (=@XV.VEGA…, no spill).
 * exceljs cannot evaluate custom functions, so no cached results are stored and Excel recalculates on open.
 */
"use strict";
const path = require("path");
const ExcelJS = require("exceljs");
// jszip comes with exceljs (its own dependency); resolve it from there rather than rely on hoisting.
const JSZip = require(require.resolve("jszip", { paths: [path.dirname(require.resolve("exceljs/package.json"))] }));

const OUTPUT = path.resolve(__dirname, "..", "assets", "xvega-sample.xlsx");
const NAMESPACE = "XV";
const FIRST_ROW = 6;

/** The file form of a custom function name: what Excel writes for =XV.NAME(…). */
function storedFunction(name) {
  return `_xldudf_${NAMESPACE}_${name}`;
}

/** A date-time at 08:00 UTC (crypto expiry time); checks it is a Friday, as Deribit and CME expiries are. */
function expiry(year, month, day) {
  const date = new Date(Date.UTC(year, month - 1, day, 8, 0, 0));
  if (date.getUTCDay() !== 5) throw new Error(`${date.toISOString()} is not a Friday`);
  return date;
}

const VALUATION = new Date(Date.UTC(2026, 10, 20, 8, 0, 0)); // Friday 2026-11-20 08:00 UTC

// underlying: Deribit future price (black76 / inverse, rate 0) or spot (bsm, with rate and carry). Multiplier: coins
// per contract (Deribit 1, CME Bitcoin 5). Quantities are signed contracts. The last row's vol is typed in percent.
const LEGS = [
  { asset: "BTC", expiry: expiry(2026, 11, 27), model: "black76", underlying: 95150, strike: 95000, vol: 0.48, rate: 0, carry: null, qty: 25, multiplier: 1 },
  { asset: "BTC", expiry: expiry(2026, 12, 25), model: "black76", underlying: 95600, strike: 100000, vol: 0.5, rate: 0, carry: null, qty: -40, multiplier: 1 },
  { asset: "BTC", expiry: expiry(2027, 3, 26), model: "black76", underlying: 97100, strike: 110000, vol: 0.53, rate: 0, carry: null, qty: 15, multiplier: 1 },
  { asset: "BTC", expiry: expiry(2026, 12, 25), model: "inverse", underlying: 95600, strike: 90000, vol: 0.52, rate: 0, carry: null, qty: -20, multiplier: 1 },
  { asset: "BTC", expiry: expiry(2027, 1, 29), model: "black76", underlying: 96200, strike: 100000, vol: 0.51, rate: 0.04, carry: null, qty: 4, multiplier: 5 },
  { asset: "ETH", expiry: expiry(2026, 11, 27), model: "black76", underlying: 3405, strike: 3400, vol: 0.62, rate: 0, carry: null, qty: 300, multiplier: 1 },
  { asset: "ETH", expiry: expiry(2026, 12, 25), model: "black76", underlying: 3420, strike: 3800, vol: 0.66, rate: 0, carry: null, qty: -500, multiplier: 1 },
  { asset: "ETH", expiry: expiry(2027, 3, 26), model: "inverse", underlying: 3475, strike: 3000, vol: 0.68, rate: 0, carry: null, qty: 200, multiplier: 1 },
  { asset: "ETH", expiry: expiry(2027, 6, 25), model: "bsm", underlying: 3400, strike: 4000, vol: 0.7, rate: 0.04, carry: 0.03, qty: 150, multiplier: 1 },
  { asset: "SOL", expiry: expiry(2026, 12, 25), model: "bsm", underlying: 240, strike: 250, vol: 0.85, rate: 0.04, carry: 0, qty: 1000, multiplier: 1 },
  { asset: "SOL", expiry: expiry(2027, 1, 29), model: "bsm", underlying: 240, strike: 200, vol: 0.88, rate: 0.04, carry: 0, qty: -600, multiplier: 1 },
  { asset: "SOL", expiry: expiry(2026, 11, 27), model: "bsm", underlying: 240, strike: 240, vol: 65, rate: 0.04, carry: 0, qty: 800, multiplier: 1 },
];
const LAST_ROW = FIRST_ROW + LEGS.length - 1;
const BAD_ROW = LAST_ROW;

// Column letters, in the canonical argument order of XV.VEGA after the identifying columns.
const COLUMNS = [
  { key: "asset", header: "asset", width: 8 },
  { key: "expiry", header: "expiry (UTC)", width: 17, numFmt: "yyyy-mm-dd hh:mm" },
  { key: "model", header: "model", width: 9 },
  { key: "underlying", header: "underlying", width: 12, numFmt: "#,##0.00" },
  { key: "strike", header: "strike", width: 10, numFmt: "#,##0" },
  { key: "years", header: "years", width: 9, numFmt: "0.00000" },
  { key: "vol", header: "vol", width: 7, numFmt: "0.00" },
  { key: "rate", header: "rate", width: 7, numFmt: "0.00" },
  { key: "carry", header: "carry", width: 7, numFmt: "0.00" },
  { key: "qty", header: "qty", width: 8, numFmt: "#,##0" },
  { key: "multiplier", header: "multiplier", width: 10 },
  { key: "vega", header: "vega / vol pt", width: 13, numFmt: "#,##0.0000" },
  { key: "positionVega", header: "position vega", width: 14, numFmt: "#,##0.00;[Red]-#,##0.00" },
  { key: "vegaIn", header: "vega in", width: 8 },
];
const LETTER = Object.fromEntries(COLUMNS.map((column, index) => [column.key, String.fromCharCode(65 + index)]));
const range = (key) => `${LETTER[key]}${FIRST_ROW}:${LETTER[key]}${LAST_ROW}`;

const SPILLS = [
  { key: "years", formula: `${storedFunction("YEARS")}(${range("expiry")},$B$2)`, shown: `=XV.YEARS(${range("expiry")}, $B$2)` },
  {
    key: "vega",
    formula: `${storedFunction("VEGA")}(${["underlying", "strike", "years", "vol", "rate", "carry", "model"].map(range).join(",")})`,
    shown: `=XV.VEGA(${["underlying", "strike", "years", "vol", "rate", "carry", "model"].map(range).join(", ")})`,
  },
];

const README_LINES = [
  "1. Load the xvega add-in: `npm start` (Windows, Mac), or in Excel on the web Home › Add-ins › More Add-ins › Upload My Add-in › manifest.xml.",
  "2. On Positions, F6 (=XV.YEARS) and L6 (=XV.VEGA) each hold one formula that spills down to row 17; edit those two cells only.",
  "3. If they show #NAME? or _xldudf_, the add-in was not loaded when the book opened: load it, then select F6 and L6 and press F2, Enter.",
  "4. Change the valuation time in Positions!B2 (UTC) to revalue the book; expiries are Fridays 08:00 UTC. Vega is per 1 vol point.",
  `5. Row ${BAD_ROW} has its vol typed as 65 instead of 0.65: its vega shows #VALUE! (hover for the fix) while every other row computes.`,
];

function buildWorkbook() {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "xvega";
  workbook.created = VALUATION;
  workbook.modified = VALUATION;
  workbook.calcProperties.fullCalcOnLoad = true;

  const readme = workbook.addWorksheet("Read me");
  readme.getColumn(1).width = 130;
  readme.getCell("A1").value = "xvega sample book";
  readme.getCell("A1").font = { bold: true, size: 14 };
  README_LINES.forEach((line, index) => {
    readme.getCell(`A${index + 3}`).value = line;
  });

  const sheet = workbook.addWorksheet("Positions", { views: [{ state: "frozen", ySplit: FIRST_ROW - 1 }] });
  sheet.getCell("A1").value = "xvega sample book: per-leg vega of BTC, ETH and SOL options";
  sheet.getCell("A1").font = { bold: true, size: 13 };
  sheet.getCell("A2").value = "valuation";
  sheet.getCell("A2").font = { bold: true };
  sheet.getCell("B2").value = VALUATION;
  sheet.getCell("B2").numFmt = "yyyy-mm-dd hh:mm";
  sheet.getCell("C2").value = "UTC: the one time every leg is valued at (a fixed cell, not NOW(), so reports reproduce)";
  sheet.getCell("A3").value =
    "black76: Deribit future price, rate 0, vega in USD per coin; inverse: the same in coin; bsm: spot with rate and carry. Position vega = qty × multiplier × vega.";

  COLUMNS.forEach((column, index) => {
    sheet.getColumn(index + 1).width = column.width;
    const header = sheet.getCell(FIRST_ROW - 1, index + 1);
    header.value = column.header;
    header.font = { bold: true, color: { argb: "FFFFFFFF" } };
    header.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FF0F6CBD" } };
    header.alignment = { horizontal: index < 3 ? "left" : "right" };
  });

  LEGS.forEach((leg, index) => {
    const row = FIRST_ROW + index;
    const set = (key, value) => {
      sheet.getCell(`${LETTER[key]}${row}`).value = value;
    };
    for (const key of ["asset", "expiry", "model", "underlying", "strike", "vol", "rate", "carry", "qty", "multiplier"]) {
      if (leg[key] !== null) set(key, leg[key]);
    }
    set("positionVega", { formula: `${LETTER.qty}${row}*${LETTER.multiplier}${row}*${LETTER.vega}${row}` });
    set("vegaIn", { formula: `IF(${LETTER.model}${row}="inverse",${LETTER.asset}${row},"USD")` });
    COLUMNS.forEach((column) => {
      if (column.numFmt) sheet.getCell(`${LETTER[column.key]}${row}`).numFmt = column.numFmt;
    });
  });

  // Spilled results cannot live in an Excel table (#SPILL!), so this is a plain range styled like one.
  for (const spill of SPILLS) {
    const anchor = sheet.getCell(`${LETTER[spill.key]}${FIRST_ROW}`);
    anchor.value = { formula: spill.formula, shareType: "array", ref: range(spill.key) };
    anchor.note = `${spill.shown}\nOne formula, spilling down to row ${LAST_ROW} (one result per leg). Edit this cell only.`;
  }
  const badVol = sheet.getCell(`${LETTER.vol}${BAD_ROW}`);
  badVol.note = "Deliberate mistake: 65 instead of 0.65 (65%). XV.VEGA gives only this row #VALUE!, with the fix in its message.";
  badVol.font = { color: { argb: "FFC50F1F" }, bold: true };
  return workbook;
}

const METADATA_XML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<metadata xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:xda="http://schemas.microsoft.com/office/spreadsheetml/2017/dynamicarray"><metadataTypes count="1"><metadataType name="XLDAPR" minSupportedVersion="120000" copy="1" pasteAll="1" pasteValues="1" merge="1" splitFirst="1" rowColShift="1" clearFormats="1" clearComments="1" assign="1" coerce="1" cellMeta="1"/></metadataTypes><futureMetadata name="XLDAPR" count="1"><bk><extLst><ext uri="{bdbb8cdc-fa1e-496e-a857-3c3f30c029c3}"><xda:dynamicArrayProperties fDynamic="1" fCollapsed="0"/></ext></extLst></bk></futureMetadata><cellMetadata count="1"><bk><rc t="1" v="0"/></bk></cellMetadata></metadata>`;

/** Marks every array formula as a dynamic (spilling) one: cell metadata part, its relationship and content type. */
async function markArrayFormulasAsDynamic(buffer) {
  const zip = await JSZip.loadAsync(buffer);
  let marked = 0;
  for (const name of Object.keys(zip.files).filter((file) => /^xl\/worksheets\/sheet\d+\.xml$/.test(file))) {
    const xml = await zip.file(name).async("string");
    // <c r="F6" s="3"><f t="array" ref="F6:F17">…  →  <c r="F6" s="3" cm="1"><f t="array" …
    const updated = xml.replace(/<c (r="[A-Z]+\d+"[^>]*?)>(<f t="array")/g, (_, attributes, formula) => {
      marked += 1;
      return `<c ${attributes} cm="1">${formula}`;
    });
    zip.file(name, updated);
  }
  if (marked !== SPILLS.length) throw new Error(`expected ${SPILLS.length} array formulas in the workbook, found ${marked}`);
  zip.file("xl/metadata.xml", METADATA_XML);
  const types = await zip.file("[Content_Types].xml").async("string");
  zip.file(
    "[Content_Types].xml",
    types.replace(
      "</Types>",
      '<Override PartName="/xl/metadata.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheetMetadata+xml"/></Types>',
    ),
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
  // Fixed timestamps so regenerating an unchanged book gives identical bytes (no noise in git).
  const fixedDate = new Date(VALUATION.getTime());
  for (const file of Object.values(zip.files)) file.date = fixedDate;
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE", compressionOptions: { level: 9 } });
}

async function main() {
  const workbook = buildWorkbook();
  const buffer = await markArrayFormulasAsDynamic(await workbook.xlsx.writeBuffer());
  await require("fs").promises.writeFile(OUTPUT, buffer);
  console.log(`wrote ${path.relative(process.cwd(), OUTPUT)} (${LEGS.length} legs, bad row ${BAD_ROW})`);
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
}

module.exports = { LEGS, FIRST_ROW, LAST_ROW, BAD_ROW, storedFunction };
