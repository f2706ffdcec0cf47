/*
 * The end-of-day check's fixture books, written exactly in Excel's stored form (storedForm.js) with cached values
 * computed by the add-in's own functions (passed in: the TypeScript adapters in tests, the compiled ones from
 * scripts/make-check-workbooks.js). Cached values are computed here from the plain data, not through the check's
 * formula evaluator, so the check is tested against an independent computation.
 *
 * One clean book holds every form the check must read; each dirty book is the clean one with one seeded fault, and
 * EXPECTED_FINDINGS says exactly what the check must report for it (and nothing else).
 */
"use strict";
const ExcelJS = require("exceljs");
const { storedFunction: xv, markArrayFormulasAsDynamic, putSpill, cachedValue, callAdapter } = require("./storedForm");

const VALUATION = new Date(Date.UTC(2026, 10, 20, 8, 0, 0)); // Friday 2026-11-20 08:00 UTC
/** The --as-of the tests check with; the clean book's XV_META is a day older. */
const CHECK_AS_OF = "2026-11-21";
const POSITIONS = "My Positions"; // a quoted sheet name in references
const FIRST_ROW = 4;

const serial = (date) => date.getTime() / 86_400_000 + 25_569;
const day = (year, month, dayOfMonth) => new Date(Date.UTC(year, month - 1, dayOfMonth, 8, 0, 0));

const LEGS = [
  { asset: "BTC", expiry: day(2026, 11, 27), model: "black76", underlying: 95150, strike: 95000, vol: 0.48, rate: 0, carry: null, qty: 25, multiplier: 1 },
  { asset: "BTC", expiry: day(2026, 12, 25), model: "black76", underlying: 95600, strike: 100000, vol: 0.5, rate: 0, carry: null, qty: -40, multiplier: 1 },
  { asset: "ETH", expiry: day(2026, 11, 27), model: "black76", underlying: 3405, strike: 3400, vol: 0.62, rate: 0, carry: null, qty: 300, multiplier: 1 },
  { asset: "ETH", expiry: day(2027, 3, 26), model: "black76", underlying: 3475, strike: 3000, vol: 0.68, rate: 0, carry: null, qty: 200, multiplier: 1 },
  { asset: "ALT", expiry: day(2026, 12, 25), model: "bsm", underlying: 240, strike: 250, vol: 0.85, rate: 0.04, carry: 0, qty: 10000, multiplier: 1 },
  { asset: "ALT", expiry: day(2027, 1, 29), model: "bsm", underlying: 240, strike: 200, vol: 0.88, rate: 0.04, carry: 0, qty: -6000, multiplier: 1 },
];
const LAST_ROW = FIRST_ROW + LEGS.length - 1;
const column = (letter) => `${letter}${FIRST_ROW}:${letter}${LAST_ROW}`;
const quoted = `'${POSITIONS}'`;

const CORRELATION_ASSETS = ["BTC", "ETH", "ALT"];
const GOOD_CORRELATIONS = [
  [1, 0.9, 0.8],
  [0.9, 1, 0.85],
  [0.8, 0.85, 1],
];
const VOL_OF_VOLS = [2, 2.5, 3];
const PROXIES = ["BTC", "ETH"];

/** What the check must find in each dirty book: [sheet, cell, kind]; clean books expect nothing. */
const EXPECTED_FINDINGS = {
  "clean.xlsx": [],
  "stale-vega.xlsx": [[POSITIONS, "L6", "mismatch"]],
  "value-error.xlsx": [[POSITIONS, "S1", "error"]],
  "uncalculated.xlsx": [
    [POSITIONS, "P1", "not_calculated"],
    [POSITIONS, "Q2", "not_calculated"],
  ],
  "invalid-corr.xlsx": [
    ["Correlations", "A1", "config"],
    ["Hedge", "A8", "error"],
    ["Hedge", "A12", "error"],
  ],
  "old-meta.xlsx": [["Correlations", "I1", "stale_config"]],
  "weak-hedge.xlsx": [
    ["Hedge", "A8", "hedge"],
    ["Hedge", "A12", "hedge"],
  ],
  "unchecked.xlsx": [
    [POSITIONS, "S2", "unchecked"],
    [POSITIONS, "S3", "unchecked"],
    [POSITIONS, "S4", "unchecked"],
  ],
  "missing-corr.xlsx": [
    ["Hedge", "A8", "config"],
    ["Hedge", "A12", "config"],
  ],
};

/** The clean book's data; a dirty book changes one thing. */
function cleanSpec() {
  return {
    correlations: GOOD_CORRELATIONS.map((row) => [...row]),
    metaAsOf: "2026-11-20T08:00:00.000Z",
    defineCorrelationName: true,
    staleCell: null,
    valueErrorCell: false,
    uncalculated: false,
    uncheckedCells: false,
    /** The hedge formulas' targets (rows of the Hedge sheet) and proxies. */
    hedgeRows: [2, 4],
    proxies: PROXIES,
  };
}

const SPECS = {
  "clean.xlsx": () => cleanSpec(),
  "stale-vega.xlsx": () => ({ ...cleanSpec(), staleCell: "L6" }),
  "value-error.xlsx": () => ({ ...cleanSpec(), valueErrorCell: true }),
  "uncalculated.xlsx": () => ({ ...cleanSpec(), uncalculated: true }),
  "invalid-corr.xlsx": () => {
    const spec = cleanSpec();
    spec.correlations[1][0] = 0.8; // (ETH, BTC) 0.8 but (BTC, ETH) 0.9: not symmetric
    return spec;
  },
  "old-meta.xlsx": () => ({ ...cleanSpec(), metaAsOf: "2026-10-01T08:00:00.000Z" }),
  // ETH and ALT hedged with BTC alone, at correlations of 0.3 and 0.2: effectiveness well below 0.5.
  "weak-hedge.xlsx": () => ({
    ...cleanSpec(),
    hedgeRows: [3, 4],
    proxies: ["BTC"],
    correlations: [
      [1, 0.3, 0.2],
      [0.3, 1, 0.25],
      [0.2, 0.25, 1],
    ],
  }),
  "unchecked.xlsx": () => ({ ...cleanSpec(), uncheckedCells: true }),
  "missing-corr.xlsx": () => ({ ...cleanSpec(), defineCorrelationName: false }),
};

const columnOf = (key) => LEGS.map((leg) => [leg[key]]);

function addPositions(workbook, spec, fx) {
  const sheet = workbook.addWorksheet(POSITIONS);
  sheet.getCell("A1").value = "valuation";
  sheet.getCell("B1").value = VALUATION;
  sheet.getCell("B1").numFmt = "yyyy-mm-dd hh:mm";
  ["asset", "expiry", "model", "underlying", "strike", "years", "vol", "rate", "carry", "qty", "multiplier", "vega", "vega (expr)", "tw vega", "position vega"].forEach(
    (header, index) => (sheet.getCell(FIRST_ROW - 1, index + 1).value = header),
  );
  LEGS.forEach((leg, index) => {
    const row = FIRST_ROW + index;
    const set = (letter, value) => {
      if (value !== null) sheet.getCell(`${letter}${row}`).value = value;
    };
    set("A", leg.asset);
    set("B", leg.expiry);
    sheet.getCell(`B${row}`).numFmt = "yyyy-mm-dd hh:mm";
    set("C", leg.model);
    set("D", leg.underlying);
    set("E", leg.strike);
    set("G", leg.vol);
    set("H", leg.rate);
    set("I", leg.carry);
    set("J", leg.qty);
    set("K", leg.multiplier);
  });
  const valuation = [[serial(VALUATION)]];
  const expiries = LEGS.map((leg) => [serial(leg.expiry)]);
  // F: XV.YEARS spilling down (the stored form).
  const years = callAdapter(fx.years, expiries, valuation);
  putSpill(sheet, `F${FIRST_ROW}`, `${xv("YEARS")}(${column("B")},$B$1)`, years);
  // L: XV.VEGA over the columns.
  const args = [columnOf("underlying"), columnOf("strike"), years, columnOf("vol"), columnOf("rate"), columnOf("carry"), columnOf("model")];
  const vegas = callAdapter(fx.vega, ...args);
  const savedVegas = vegas.map((row) => [...row]);
  if (spec.staleCell === "L6") savedVegas[6 - FIRST_ROW][0] *= 1.01; // saved before a re-mark: 1% off
  putSpill(sheet, `L${FIRST_ROW}`, `${xv("VEGA")}(${["D", "E", "F", "G", "H", "I", "C"].map(column).join(",")})`, savedVegas);
  // M: an Excel expression inside an argument, evaluated from the cached expiries and valuation.
  const expressionYears = expiries.map(([expiry]) => [(expiry - serial(VALUATION)) / 365]);
  putSpill(sheet, `M${FIRST_ROW}`, `${xv("VEGA")}(${column("D")},${column("E")},(${column("B")}-$B$1)/365,${column("G")})`, callAdapter(fx.vega, columnOf("underlying"), columnOf("strike"), expressionYears, columnOf("vol")));
  // N: the typed form, as books written by other tools hold it. Excel computed it (and P1) from the saved vegas.
  putSpill(sheet, `N${FIRST_ROW}`, `XV.TWVEGA(${column("L")},${column("F")})`, callAdapter(fx.twvega, savedVegas, years));
  // O: nested in arithmetic, filled down as a shared formula (one formula per cell).
  LEGS.forEach((leg, index) => {
    const row = FIRST_ROW + index;
    const single = (grid) => [[grid[index][0]]];
    const legVega = callAdapter(fx.vega, ...args.map((argument) => (argument.length === LEGS.length ? single(argument) : argument)));
    const result = cachedValue(leg.qty * leg.multiplier * legVega[0][0]);
    sheet.getCell(`O${row}`).value =
      index === 0
        ? { formula: `J${row}*K${row}*${xv("VEGA")}(D${row},E${row},F${row},G${row},H${row},I${row},C${row})`, shareType: "shared", ref: column("O"), result }
        : { sharedFormula: `O${FIRST_ROW}`, result };
  });
  // P1: a reference to a spill (L4#, F4#) inside SUM.
  const twvegas = callAdapter(fx.twvega, savedVegas, years);
  const total = twvegas.reduce((sum, [value]) => sum + value, 0);
  sheet.getCell("P1").value = { formula: `SUM(${xv("TWVEGA")}(_xlfn.ANCHORARRAY(L${FIRST_ROW}),_xlfn.ANCHORARRAY(F${FIRST_ROW})))`, ...(spec.uncalculated ? {} : { result: total }) };
  // Q1: DATE()+TIME() inside an argument.
  const christmas = serial(new Date(Date.UTC(2026, 11, 25))) + (8 * 3600) / 86400;
  sheet.getCell("Q1").value = { formula: `${xv("YEARS")}(DATE(2026,12,25)+TIME(8,0,0),$B$1)`, result: cachedValue(callAdapter(fx.years, [[christmas]], valuation)[0][0]) };
  // Q2:R2: an array constant, spilling across.
  const constantVegas = callAdapter(fx.vega, [[100, 110]], [[100]], [[1]], [[0.2]]);
  putSpill(sheet, "Q2", `${xv("VEGA")}({100,110},100,1,0.2)`, spec.uncalculated ? [[{ code: "#NAME?" }, ""]] : constantVegas);
  if (spec.valueErrorCell) {
    sheet.getCell("S1").value = { formula: `${xv("VEGA")}(100,100,1,"abc")`, result: cachedValue(callAdapter(fx.vega, [[100]], [[100]], [[1]], [["abc"]])[0][0]) };
  }
  if (spec.uncheckedCells) {
    sheet.getCell("S2").value = { formula: `${xv("YEARS")}(DATE(2026,12,25),NOW())`, result: 0.1 };
    sheet.getCell("S3").value = { formula: `${xv("VEGA")}([1]Prices!A1,100,1,0.2)`, result: 0.4 };
    sheet.getCell("S4").value = { formula: `${xv("VEGA")}(FOOBAR(1),100,1,0.2)`, result: 0.4 };
  }
  return { positionVegas: LEGS.map((leg, index) => leg.qty * leg.multiplier * vegas[index][0]), vegas, years };
}

function addCorrelations(workbook, spec) {
  const sheet = workbook.addWorksheet("Correlations");
  sheet.getCell("A1").value = "abs";
  CORRELATION_ASSETS.forEach((asset, i) => {
    sheet.getCell(1, i + 2).value = asset;
    sheet.getCell(i + 2, 1).value = asset;
    spec.correlations[i].forEach((value, j) => (sheet.getCell(i + 2, j + 2).value = value));
    sheet.getCell(i + 1, 6).value = asset;
    sheet.getCell(i + 1, 7).value = VOL_OF_VOLS[i];
  });
  const meta = [
    ["as_of", spec.metaAsOf],
    ["source", "manual"],
    ["method", "typed"],
    ["lambda", null],
    ["repaired", false],
    ["changes", "absolute"],
  ];
  meta.forEach(([label, value], index) => {
    sheet.getCell(index + 1, 9).value = label;
    if (value !== null) sheet.getCell(index + 1, 10).value = value;
  });
  if (spec.defineCorrelationName) workbook.definedNames.add("Correlations!$A$1:$D$4", "XV_CORR");
  workbook.definedNames.add("Correlations!$F$1:$G$3", "XV_VOLVOL");
  workbook.definedNames.add("Correlations!$I$1:$J$6", "XV_META");
  return {
    matrix: [["abs", ...CORRELATION_ASSETS], ...CORRELATION_ASSETS.map((asset, i) => [asset, ...spec.correlations[i]])],
    volOfVols: CORRELATION_ASSETS.map((asset, i) => [asset, VOL_OF_VOLS[i]]),
  };
}

function addHedge(workbook, spec, positions, setUp, fx) {
  const { positionVegas, vegas, years } = positions;
  const sheet = workbook.addWorksheet("Hedge");
  sheet.getCell("A1").value = "asset";
  sheet.getCell("B1").value = "net vega";
  const netVegas = CORRELATION_ASSETS.map((asset) => LEGS.reduce((sum, leg, index) => (leg.asset === asset ? sum + positionVegas[index] : sum), 0));
  CORRELATION_ASSETS.forEach((asset, index) => {
    const row = index + 2;
    sheet.getCell(`A${row}`).value = asset;
    sheet.getCell(`B${row}`).value = { formula: `SUMIF(${quoted}!$A$${FIRST_ROW}:$A$${LAST_ROW},A${row},${quoted}!$O$${FIRST_ROW}:$O$${LAST_ROW})`, result: netVegas[index] };
  });
  spec.proxies.forEach((proxy, index) => (sheet.getCell(`D${index + 2}`).value = proxy));
  const [first, last] = spec.hedgeRows;
  const targets = (values) => values.slice(first - 2, last - 1).map((value) => [value]);
  const args = [targets(CORRELATION_ASSETS), targets(netVegas), spec.proxies.map((proxy) => [proxy]), setUp.matrix, setUp.volOfVols];
  const formulaArguments = `A${first}:A${last},B${first}:B${last},D2:D${spec.proxies.length + 1},XV_CORR,XV_VOLVOL`;
  putSpill(sheet, "A8", `${xv("XVEGAHEDGE")}(${formulaArguments})`, callAdapter(fx.xvegahedge, ...args));
  putSpill(sheet, "A12", `${xv("HEDGESTATS")}(${formulaArguments})`, callAdapter(fx.hedgestats, ...args));
  // A cross-sheet reference with a quoted sheet name inside an XV argument.
  sheet.getCell("D6").value = { formula: `${xv("TWVEGA")}(${quoted}!L${FIRST_ROW},${quoted}!F${FIRST_ROW})`, result: cachedValue(callAdapter(fx.twvega, [[vegas[0][0]]], [[years[0][0]]])[0][0]) };
}

/** One fixture book's bytes. `fx`: the add-in's adapters { vega, years, twvega, xvegahedge, hedgestats }. */
async function buildCheckWorkbook(name, fx) {
  const spec = SPECS[name]();
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "xvega";
  workbook.created = VALUATION;
  workbook.modified = VALUATION;
  const positions = addPositions(workbook, spec, fx);
  const setUp = addCorrelations(workbook, spec);
  addHedge(workbook, spec, positions, setUp, fx);
  const { bytes } = await markArrayFormulasAsDynamic(await workbook.xlsx.writeBuffer(), VALUATION);
  return bytes;
}

module.exports = { buildCheckWorkbook, EXPECTED_FINDINGS, CHECK_AS_OF, POSITIONS, LEGS, VALUATION };
