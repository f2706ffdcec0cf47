#!/usr/bin/env node
/*
 * Writes assets/xvega-sample.xlsx: a small BTC/ETH/SOL options book priced with XV.YEARS and XV.VEGA (the Read me
 * shows how to make one row's vol bad and see a per-cell error); a Correlations sheet holding the workbook names XV_CORR
 * and XV_VOLVOL; and a Hedge sheet sizing the book's BTC/ETH/SOL vega hedge with BTC and ETH options
 * (XV.XVEGAHEDGE, XV.HEDGESTATS); a Marks sheet turning coin marks into vols (XV.IMPLIEDVOL) that feed XV.VEGA, with a
 * Greeks block (XV.GREEKS); a History sheet of daily vol levels and a Stability sheet backtesting and stressing the
 * hedge on it (XV.HEDGEBACKTEST, XV.BACKTESTSTATS, XV.HEDGESTRESS). `node scripts/make-sample-workbook.js [--out other.xlsx]`.
 *
 * Two things exceljs cannot do are done by hand, the way Excel itself saves such a workbook:
 * - custom functions are stored as _xldudf_<NAMESPACE>_<NAME>(…) (XV.VEGA → _xldudf_XV_VEGA); Excel shows XV.VEGA
 *   again once the add-in has registered its functions. A bare "XV.VEGA(" in the file would stay #NAME?.
 * - a spilling (dynamic array) formula is an array formula whose cell carries cm="1" pointing at the XLDAPR
 *   "dynamic array" cell metadata; without it Excel opens the formula as a legacy one (=@XV.VEGA…, no spill).
 * Cached results are computed by the add-in's own functions (src/check/bookRecalculation, compiled: run
 * `npm run build:node` first), so the book opens with numbers before the add-in loads and `xvega check` finds it clean;
 * Excel still recalculates on open.
 */
"use strict";
const path = require("path");
const ExcelJS = require("exceljs");
const { markArrayFormulasAsDynamic } = require("./storedForm");

const OUTPUT = path.resolve(__dirname, "..", "assets", "xvega-sample.xlsx");
const RECALCULATION = path.resolve(__dirname, "..", "build", "node", "src", "check", "bookRecalculation.js");

/** Fills the cached values with the add-in's own functions (the compiled check). */
function recalculateWorkbook(workbook) {
  if (!require("fs").existsSync(RECALCULATION)) throw new Error("the add-in is not built: run npm run build:node first");
  require(RECALCULATION).recalculateWorkbook(workbook);
}
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
// SOL is sized so its vega is of the same order as BTC's and ETH's: the Hedge sheet's point is hedging it via them.
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
  { asset: "SOL", expiry: expiry(2026, 12, 25), model: "bsm", underlying: 240, strike: 250, vol: 0.85, rate: 0.04, carry: 0, qty: 10000, multiplier: 1 },
  { asset: "SOL", expiry: expiry(2027, 1, 29), model: "bsm", underlying: 240, strike: 200, vol: 0.88, rate: 0.04, carry: 0, qty: -6000, multiplier: 1 },
  { asset: "SOL", expiry: expiry(2026, 11, 27), model: "bsm", underlying: 240, strike: 240, vol: 0.65, rate: 0.04, carry: 0, qty: 8000, multiplier: 1 },
];
const LAST_ROW = FIRST_ROW + LEGS.length - 1;
/** The row the Read me invites the user to break (type 65 for its vol) to see a per-cell error. */
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
  { key: "positionVegaUsd", header: "USD vega", width: 12, numFmt: "#,##0.00;[Red]-#,##0.00" },
];
const LETTER = Object.fromEntries(COLUMNS.map((column, index) => [column.key, String.fromCharCode(65 + index)]));
const range = (key) => `${LETTER[key]}${FIRST_ROW}:${LETTER[key]}${LAST_ROW}`;

const POSITION_SPILLS = [
  { key: "years", formula: `${storedFunction("YEARS")}(${range("expiry")},$B$2)`, shown: `=XV.YEARS(${range("expiry")}, $B$2)` },
  {
    key: "vega",
    formula: `${storedFunction("VEGA")}(${["underlying", "strike", "years", "vol", "rate", "carry", "model"].map(range).join(",")})`,
    shown: `=XV.VEGA(${["underlying", "strike", "years", "vol", "rate", "carry", "model"].map(range).join(", ")})`,
  },
];

// Correlations sheet: correlations and vol-of-vols of daily changes of 30-day ATM implied vol, in vol points.
// Illustrative (DOMAIN.md's worked example with SOL as the altcoin), positive definite: determinant 0.0515.
const CORRELATION_ASSETS = ["BTC", "ETH", "SOL"];
const CORRELATIONS = [
  [1, 0.9, 0.8],
  [0.9, 1, 0.85],
  [0.8, 0.85, 1],
];
const VOL_OF_VOLS = { BTC: 2, ETH: 2.5, SOL: 3 };
const CORRELATION_SHEET = "Correlations";
const CORRELATION_TOP = 4; // the label row of the matrix; A4:D7
const CORRELATION_RANGE = `A${CORRELATION_TOP}:${String.fromCharCode(65 + CORRELATION_ASSETS.length)}${CORRELATION_TOP + CORRELATION_ASSETS.length}`;
const VOL_OF_VOL_RANGE = `F${CORRELATION_TOP + 1}:G${CORRELATION_TOP + CORRELATION_ASSETS.length}`; // F5:G7, no header
const absolute = (cells) => cells.replace(/([A-Z]+)(\d+)/g, "$$$1$$$2");
const DEFINED_NAMES = {
  XV_CORR: `${CORRELATION_SHEET}!${absolute(CORRELATION_RANGE)}`,
  XV_VOLVOL: `${CORRELATION_SHEET}!${absolute(VOL_OF_VOL_RANGE)}`,
};

// Hedge sheet: the book's net vega by asset (targets), the proxies with the option one would trade on each, the hedge.
const HEDGE_SHEET = "Hedge";
const TARGET_ROW = 7; // A7:B9: BTC, ETH, SOL and their net vega
const TARGETS = CORRELATION_ASSETS;
const PROXY_ROW = 14; // A14:H15
// ATM 30-day (the DVOL tenor, as the vol-of-vols) options on the futures, 1 coin per contract; lots as on Deribit.
const PROXIES = [
  { asset: "BTC", future: 95500, vol: 0.5, multiplier: 1, lotSize: 0.1 },
  { asset: "ETH", future: 3415, vol: 0.64, multiplier: 1, lotSize: 1 },
];
const HEDGE_ROW = 20; // A20:D21, one row per proxy
const STATS_ROW = 26; // A26:B32 and a row per warning below
const STATS_LABELS = [
  { label: "unhedged sd per day", numFmt: "#,##0" },
  { label: "residual sd per day", numFmt: "#,##0" },
  { label: "effectiveness", numFmt: "0.0%" },
  { label: "condition number", numFmt: "0.0" },
  { label: "proxy correlation condition number", numFmt: "0.0" },
  { label: "residual sd per day after rounding", numFmt: "#,##0" },
  { label: "effectiveness after rounding", numFmt: "0.0%" },
];
const TARGET_LAST = TARGET_ROW + TARGETS.length - 1;
const PROXY_LAST = PROXY_ROW + PROXIES.length - 1;
const HEDGE_ARGUMENTS = [
  `A${TARGET_ROW}:A${TARGET_LAST}`,
  `B${TARGET_ROW}:B${TARGET_LAST}`,
  `A${PROXY_ROW}:A${PROXY_LAST}`,
  "XV_CORR",
  "XV_VOLVOL",
  `G${PROXY_ROW}:G${PROXY_LAST}`,
  `H${PROXY_ROW}:H${PROXY_LAST}`,
];
const proxyColumn = (letter) => `${letter}${PROXY_ROW}:${letter}${PROXY_LAST}`;

// Marks sheet: coin-settled (inverse) options as Deribit quotes them, a mark in coin per option; XV.IMPLIEDVOL turns
// the marks into vols that feed XV.VEGA, and XV.GREEKS spills the whole Greeks row of each.
const MARKS_SHEET = "Marks";
const MARK_ROW = 5; // A5:G8 typed, H5:J8 spilled; headers in row 4
const MARKS = [
  { instrument: "BTC-25DEC26-90000-P", expiry: expiry(2026, 12, 25), type: "put", future: 95600, strike: 90000, mark: 0.0384 },
  { instrument: "BTC-25DEC26-100000-C", expiry: expiry(2026, 12, 25), type: "call", future: 95600, strike: 100000, mark: 0.0428 },
  { instrument: "BTC-25DEC26-110000-C", expiry: expiry(2026, 12, 25), type: "call", future: 95600, strike: 110000, mark: 0.0173 },
  { instrument: "ETH-26MAR27-3000-P", expiry: expiry(2027, 3, 26), type: "put", future: 3475, strike: 3000, mark: 0.0909 },
];
const MARK_LAST = MARK_ROW + MARKS.length - 1;
const GREEKS_ROW = MARK_LAST + 4; // headers the row above; one spilled row per mark
const GREEK_HEADERS = ["price (coin)", "delta", "gamma", "vega", "theta / day", "rho", "vanna", "volga"];
const markColumn = (letter) => `${letter}${MARK_ROW}:${letter}${MARK_LAST}`;
// Columns: A instrument, B expiry, C type, D model, E future, F strike, G mark, H years, I iv, J vega.
const MARK_LEG = ["E", "F", "H"].map(markColumn);
const MARK_SPILLS = [
  { cell: `H${MARK_ROW}`, ref: markColumn("H"), name: "YEARS", args: [markColumn("B"), "Positions!$B$2"], what: "years to each expiry" },
  { cell: `I${MARK_ROW}`, ref: markColumn("I"), name: "IMPLIEDVOL", args: [markColumn("G"), ...MARK_LEG, "", "", markColumn("D"), markColumn("C")], what: "the implied vol of each mark" },
  { cell: `J${MARK_ROW}`, ref: markColumn("J"), name: "VEGA", args: [...MARK_LEG, markColumn("I"), "", "", markColumn("D")], what: "coin vega per vol point at that vol" },
  {
    cell: `A${GREEKS_ROW}`,
    ref: `A${GREEKS_ROW}:H${GREEKS_ROW + MARKS.length - 1}`,
    name: "GREEKS",
    args: [...MARK_LEG, markColumn("I"), "", "", markColumn("D"), markColumn("C")],
    what: "one row of price and Greeks per mark",
  },
].map((each) => ({
  sheet: MARKS_SHEET,
  cell: each.cell,
  ref: each.ref,
  formula: `${storedFunction(each.name)}(${each.args.join(",")})`,
  shown: `=XV.${each.name}(${each.args.join(", ")})`,
  what: each.what,
}));


// History sheet: daily 30-day ATM implied vol levels (vol points) of the three assets, dated, oldest first: what a desk
// keeps from Deribit's DVOL and its own marks. Simulated (seeded, so the file is reproducible) from the Correlations
// sheet's correlations and vol-of-vols, with SOL's link to BTC and ETH weakening over the last 50 days: the backtest
// then shows a hedge that held in-sample and slipped out of sample, which is what the Stability sheet is for.
const HISTORY_SHEET = "VolHistory"; // "History" is a name Excel reserves
const HISTORY_DAYS = 181; // rows of levels; the last one is the valuation date
const HISTORY_LAST = HISTORY_DAYS + 1; // the names row is row 1
const HISTORY_RANGE = `${HISTORY_SHEET}!$A$1:$D$${HISTORY_LAST}`;
const BACKTEST_WINDOW = 60;
const BREAK_DAYS = 50;

/** mulberry32: a small seeded generator, so the simulated history is the same on every run. */
function seededUniform(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Rows of [Excel date serial, BTC, ETH, SOL] levels, rounded to 0.01 vol point as quoted. */
function simulatedHistory() {
  const uniform = seededUniform(20261120);
  const normal = () => Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform());
  const lower = CORRELATIONS.map(() => CORRELATIONS.map(() => 0)); // Cholesky factor of the correlations
  for (let i = 0; i < 3; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = CORRELATIONS[i][j];
      for (let k = 0; k < j; k++) sum -= lower[i][k] * lower[j][k];
      lower[i][j] = i === j ? Math.sqrt(sum) : sum / lower[j][j];
    }
  }
  const deviations = CORRELATION_ASSETS.map((asset) => VOL_OF_VOLS[asset]);
  const centre = [50, 64, 85];
  const level = [...centre];
  const lastSerial = Math.floor(VALUATION.getTime() / 86400000) + 25569;
  const rows = [];
  for (let day = 0; day < HISTORY_DAYS; day++) {
    if (day > 0) {
      const shocks = [normal(), normal(), normal()];
      const correlated = lower.map((row) => row.reduce((sum, factor, k) => sum + factor * shocks[k], 0));
      // After the break SOL moves mostly on its own: its correlation to BTC and ETH falls to about 0.3.
      if (day >= HISTORY_DAYS - BREAK_DAYS) correlated[2] = 0.35 * correlated[2] + Math.sqrt(1 - 0.35 * 0.35) * normal();
      for (let i = 0; i < 3; i++) level[i] += 0.05 * (centre[i] - level[i]) + deviations[i] * correlated[i];
    }
    rows.push([lastSerial - (HISTORY_DAYS - 1 - day), ...level.map((value) => Math.round(value * 100) / 100)]);
  }
  return rows;
}

// Stability sheet: the backtest of the Hedge sheet's book and proxies over History, and the correlation stress.
const STABILITY_SHEET = "Stability";
const STABILITY_STATS_ROW = 6; // A6:B16 and a row per warning below
const STRESS_ROW = 6; // D6:H12, a header and six shifts
const BACKTEST_ROW = 24; // A24 header, one row per out-of-sample day
const BACKTEST_DAYS = HISTORY_DAYS - 1 - BACKTEST_WINDOW;
const BOOK_ARGUMENTS = [`Hedge!$A$${TARGET_ROW}:$A$${TARGET_LAST}`, `Hedge!$B$${TARGET_ROW}:$B$${TARGET_LAST}`, `Hedge!$A$${PROXY_ROW}:$A$${PROXY_LAST}`];
const BACKTEST_ARGUMENTS = [HISTORY_RANGE, ...BOOK_ARGUMENTS, String(BACKTEST_WINDOW)];
const STRESS_ARGUMENTS = [...BOOK_ARGUMENTS, "XV_CORR", "XV_VOLVOL"];
const STABILITY_SPILLS = [
  { cell: `A${STABILITY_STATS_ROW}`, ref: `A${STABILITY_STATS_ROW}:B${STABILITY_STATS_ROW + 10}`, name: "BACKTESTSTATS", args: BACKTEST_ARGUMENTS, what: "eleven rows of label and value, then one row per warning" },
  { cell: `D${STRESS_ROW}`, ref: `D${STRESS_ROW}:H${STRESS_ROW + 6}`, name: "HEDGESTRESS", args: STRESS_ARGUMENTS, what: "a header, then per correlation shift the held and re-optimised hedge's effectiveness" },
  {
    cell: `A${BACKTEST_ROW}`,
    ref: `A${BACKTEST_ROW}:F${BACKTEST_ROW + BACKTEST_DAYS}`,
    name: "HEDGEBACKTEST",
    args: BACKTEST_ARGUMENTS,
    what: "a header, then per out-of-sample day its date, the book's, the hedge's and the hedged P&L and the hedge held",
  },
].map((each) => ({
  sheet: STABILITY_SHEET,
  cell: each.cell,
  ref: each.ref,
  formula: `${storedFunction(each.name)}(${each.args.join(",")})`,
  shown: `=XV.${each.name}(${each.args.join(", ")})`,
  what: each.what,
}));

/** Every spilling formula of the book, by sheet: anchor cell, the range it spills to (as first saved), the formula. */
const SPILLS = [
  ...POSITION_SPILLS.map((spill) => ({ sheet: "Positions", cell: `${LETTER[spill.key]}${FIRST_ROW}`, ref: range(spill.key), ...spill })),
  {
    sheet: HEDGE_SHEET,
    cell: `G${PROXY_ROW}`,
    ref: proxyColumn("G"),
    formula: `${proxyColumn("F")}*${storedFunction("VEGA")}(${["B", "C", "D", "E"].map(proxyColumn).join(",")},0,,"black76")`,
    shown: `=${proxyColumn("F")} * XV.VEGA(${["B", "C", "D", "E"].map(proxyColumn).join(", ")}, 0, , "black76")`,
    what: "the cash vega per vol point of one contract of each proxy's option: multiplier × vega",
  },
  {
    sheet: HEDGE_SHEET,
    cell: `A${HEDGE_ROW}`,
    ref: `A${HEDGE_ROW}:D${HEDGE_ROW + PROXIES.length - 1}`,
    formula: `${storedFunction("XVEGAHEDGE")}(${HEDGE_ARGUMENTS.join(",")})`,
    shown: `=XV.XVEGAHEDGE(${HEDGE_ARGUMENTS.join(", ")})`,
    what: "one row per proxy: proxy, hedge vega, contracts, contracts rounded to the lot size",
  },
  {
    sheet: HEDGE_SHEET,
    cell: `A${STATS_ROW}`,
    ref: `A${STATS_ROW}:B${STATS_ROW + STATS_LABELS.length - 1}`,
    formula: `${storedFunction("HEDGESTATS")}(${HEDGE_ARGUMENTS.join(",")})`,
    shown: `=XV.HEDGESTATS(${HEDGE_ARGUMENTS.join(", ")})`,
    what: "seven rows of label and value, then one row per warning",
  },
  ...MARK_SPILLS,
  ...STABILITY_SPILLS,
];

const README_LINES = [
  "1. Load the xvega add-in: `npm start` (Windows, Mac), or in Excel on the web Home › Add-ins › More Add-ins › Upload My Add-in › manifest.xml.",
  "2. On Positions, F6 (=XV.YEARS) and L6 (=XV.VEGA) each hold one formula that spills down to row 17; edit those two cells only.",
  `3. If they show #NAME? or _xldudf_, the add-in was not loaded when the book opened: load it, then select F6 and L6 (and on Hedge G${PROXY_ROW}, A${HEDGE_ROW}, A${STATS_ROW}) and press F2, Enter.`,
  "4. Change the valuation time in Positions!B2 (UTC) to revalue the book; expiries are Fridays 08:00 UTC. Vega is per 1 vol point.",
  `5. Type 65 (instead of 65%) as row ${BAD_ROW}'s vol: only that row's vega shows #VALUE! (hover for the fix) while every other row computes. Type 65% back.`,
  `6. Correlations holds the hedge's inputs as workbook names: XV_CORR (${CORRELATION_RANGE}, correlations of daily vol changes) and XV_VOLVOL (${VOL_OF_VOL_RANGE}, vol of vol, vol points a day).` +
    " If the hedge reports an invalid matrix, =XV.NEARCORR(XV_CORR) spills the nearest valid one.",
  `7. Hedge sums the book's vega by asset and hedges it, SOL included, with BTC and ETH options: =XV.XVEGAHEDGE in A${HEDGE_ROW} (vega and contracts per proxy), =XV.HEDGESTATS in A${STATS_ROW} (how good).` +
    ` While a leg's vega is an error (step 5), it shows #VALUE!: a hedge never runs on part of a book.`,
  `8. Marks turns Deribit coin marks of inverse options into vols (=XV.IMPLIEDVOL in I${MARK_ROW}) that feed =XV.VEGA (J${MARK_ROW}), and =XV.GREEKS in A${GREEKS_ROW} spills each option's price and Greeks (coin, as Deribit shows them).`,
  `9. VolHistory holds 181 days of the three vol levels; Stability backtests the Hedge sheet's hedge on them out of sample (=XV.HEDGEBACKTEST in A${BACKTEST_ROW}, re-estimated daily from the ${BACKTEST_WINDOW} days before each day; =XV.BACKTESTSTATS in A${STABILITY_STATS_ROW} says how well it held) and stresses today's hedge as the correlations shift (=XV.HEDGESTRESS in D${STRESS_ROW}). The pane's Stability tab charts them; its Insert stability report adds a sheet with native charts.`,
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
    const cell = readme.getCell(`A${index + 3}`);
    cell.value = line;
    // Wrapped, with the height set: Excel does not grow a row for wrapped text on open. ~150 characters a line.
    cell.alignment = { wrapText: true, vertical: "top" };
    readme.getRow(index + 3).height = 15 * Math.ceil(line.length / 150);
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
    // The hedge needs one currency: an inverse leg's coin vega × its forward (the underlying column) is its USD vega.
    set("positionVegaUsd", { formula: `IF(${LETTER.model}${row}="inverse",${LETTER.positionVega}${row}*${LETTER.underlying}${row},${LETTER.positionVega}${row})` });
    COLUMNS.forEach((column) => {
      if (column.numFmt) sheet.getCell(`${LETTER[column.key]}${row}`).numFmt = column.numFmt;
    });
  });

  sheet.getCell(`${LETTER.positionVegaUsd}${FIRST_ROW - 1}`).note =
    "Position vega in USD per vol point: inverse (coin-settled) legs' coin vega × their forward (underlying), the others as they are. The Hedge sheet sums this column by asset.";

  // Spilled results cannot live in an Excel table (#SPILL!), so this is a plain range styled like one.
  for (const spill of SPILLS.filter((each) => each.sheet === "Positions")) {
    const anchor = sheet.getCell(spill.cell);
    anchor.value = { formula: spill.formula, shareType: "array", ref: spill.ref };
    anchor.note = `${spill.shown}\nOne formula, spilling down to row ${LAST_ROW} (one result per leg). Edit this cell only.`;
  }
  sheet.getCell(`${LETTER.vol}${BAD_ROW}`).note = "Try typing 65 here instead of 65%: XV.VEGA gives only this row #VALUE!, with the fix in its message.";

  addCorrelationSheet(workbook);
  addHedgeSheet(workbook);
  addMarksSheet(workbook);
  addHistorySheet(workbook);
  addStabilitySheet(workbook);
  return workbook;
}

const HEADER_STYLE = {
  font: { bold: true, color: { argb: "FFFFFFFF" } },
  fill: { type: "pattern", pattern: "solid", fgColor: { argb: "FF0F6CBD" } },
};

function styleHeader(cell, horizontal = "right") {
  cell.font = HEADER_STYLE.font;
  cell.fill = HEADER_STYLE.fill;
  cell.alignment = { horizontal };
}

function writeRow(sheet, row, firstColumn, values) {
  values.forEach((value, index) => {
    sheet.getCell(row, firstColumn + index).value = value;
  });
}

function addCorrelationSheet(workbook) {
  const sheet = workbook.addWorksheet(CORRELATION_SHEET);
  [8, 8, 8, 8, 3, 8, 22].forEach((width, index) => {
    sheet.getColumn(index + 1).width = width;
  });
  sheet.getCell("A1").value = "Correlations and vol of vol of daily implied-vol changes: the hedge's market inputs";
  sheet.getCell("A1").font = { bold: true, size: 13 };
  sheet.getCell("A2").value =
    "Illustrative values, not estimates: absolute daily changes of 30-day ATM implied vol, in vol points (as DVOL). Replace them with your own.";
  sheet.getCell(`A${CORRELATION_TOP - 1}`).value = `XV_CORR (${CORRELATION_RANGE}): correlations`;
  sheet.getCell(`F${CORRELATION_TOP - 1}`).value = `XV_VOLVOL (${VOL_OF_VOL_RANGE}): vol of vol`;
  for (const cell of [`A${CORRELATION_TOP - 1}`, `F${CORRELATION_TOP - 1}`]) sheet.getCell(cell).font = { bold: true };

  // The corner says which changes the matrix describes, as XV.VOLCORR's output does ("abs" or "log").
  writeRow(sheet, CORRELATION_TOP, 1, ["abs", ...CORRELATION_ASSETS]);
  for (let column = 1; column <= CORRELATION_ASSETS.length + 1; column++) styleHeader(sheet.getCell(CORRELATION_TOP, column), column === 1 ? "left" : "right");
  CORRELATION_ASSETS.forEach((asset, index) => {
    const row = CORRELATION_TOP + 1 + index;
    writeRow(sheet, row, 1, [asset, ...CORRELATIONS[index]]);
    sheet.getCell(row, 1).font = { bold: true };
    for (let column = 2; column <= CORRELATION_ASSETS.length + 1; column++) sheet.getCell(row, column).numFmt = "0.00";
  });

  writeRow(sheet, CORRELATION_TOP, 6, ["asset", "vol of vol (pts/day)"]);
  styleHeader(sheet.getCell(CORRELATION_TOP, 6), "left");
  styleHeader(sheet.getCell(CORRELATION_TOP, 7));
  CORRELATION_ASSETS.forEach((asset, index) => {
    const row = CORRELATION_TOP + 1 + index;
    writeRow(sheet, row, 6, [asset, VOL_OF_VOLS[asset]]);
    sheet.getCell(row, 7).numFmt = "0.00";
  });

  const notesRow = CORRELATION_TOP + CORRELATION_ASSETS.length + 2;
  [
    "The Hedge sheet reads these two ranges through the workbook names XV_CORR and XV_VOLVOL (Formulas › Name Manager). Edit the numbers in place; the first row and the first column of the matrix must list the same assets in the same order.",
    `An invalid matrix (not symmetric, a diagonal other than 1, or correlations that contradict each other, e.g. ρ(SOL, ETH) = −0.5 here) makes the hedge show #VALUE! naming the failed check.`,
    `Repair: type =XV.NEARCORR(XV_CORR) in an empty cell (e.g. A${notesRow + 6}): it spills the nearest valid matrix with the same labels; copy it, then Paste Special › Values over ${CORRELATION_RANGE}.`,
    "To add an asset, insert its row and column inside the matrix (not after the last one), so Excel widens XV_CORR; likewise a row inside XV_VOLVOL.",
    `From a history of vol levels instead: =XV.VOLCORR(history) spills a labelled matrix (paste it as values here); =XV.VOLOFVOL(history) spills names above values (paste transposed into ${VOL_OF_VOL_RANGE}). Never mix abs and log.`,
  ].forEach((line, index) => {
    sheet.getCell(`A${notesRow + index}`).value = line;
  });
  for (const [name, ref] of Object.entries(DEFINED_NAMES)) workbook.definedNames.add(ref, name);
}

function addHedgeSheet(workbook) {
  const sheet = workbook.addWorksheet(HEDGE_SHEET);
  [36, 18, 12, 16, 8, 10, 18, 9].forEach((width, index) => {
    sheet.getColumn(index + 1).width = width;
  });
  sheet.getCell("A1").value = "Cross-asset vega hedge: the book's BTC, ETH and SOL vega hedged with BTC and ETH options";
  sheet.getCell("A1").font = { bold: true, size: 13 };
  sheet.getCell("A2").value =
    "Minimum-variance hedge: the vega to trade on each proxy so that the book's daily P&L from implied-vol moves varies least. SOL's vega is hedged through BTC and ETH (XV_CORR, XV_VOLVOL).";
  sheet.getCell("A3").value = `If a leg's vega is an error (type 65 for Positions row ${BAD_ROW}'s vol to see it), its asset's net vega and both hedge blocks show #VALUE!: a hedge never runs on part of a book.`;
  sheet.getCell("A3").font = { color: { argb: "FFC50F1F" } };

  const section = (row, text) => {
    sheet.getCell(`A${row}`).value = text;
    sheet.getCell(`A${row}`).font = { bold: true };
  };
  const headers = (row, labels) => {
    writeRow(sheet, row, 1, labels);
    labels.forEach((_, index) => styleHeader(sheet.getCell(row, index + 1), index === 0 ? "left" : "right"));
  };
  const positionsColumn = (key) => `Positions!$${LETTER[key]}$${FIRST_ROW}:$${LETTER[key]}$${LAST_ROW}`;
  const spill = (cell) => SPILLS.find((each) => each.sheet === HEDGE_SHEET && each.cell === cell);

  section(TARGET_ROW - 2, "1. The book: net vega by asset (the targets), USD per vol point");
  headers(TARGET_ROW - 1, ["asset", "net vega (USD/pt)"]);
  TARGETS.forEach((asset, index) => {
    const row = TARGET_ROW + index;
    sheet.getCell(`A${row}`).value = asset;
    sheet.getCell(`B${row}`).value = { formula: `SUMIF(${positionsColumn("asset")},A${row},${positionsColumn("positionVegaUsd")})` };
    sheet.getCell(`B${row}`).numFmt = "#,##0;[Red]-#,##0";
  });
  sheet.getCell(`A${TARGET_LAST + 1}`).value =
    `SUMIF of Positions column ${LETTER.positionVegaUsd} (USD vega): inverse legs' coin vega is converted at their forward. Vegas as they are, not time-weighted (XV.TWVEGA).`;

  section(PROXY_ROW - 2, "2. The proxies: an ATM 30-day option on each (the tenor of DVOL and of the vol of vol), 1 coin per contract");
  headers(PROXY_ROW - 1, ["proxy", "future", "strike", "years", "vol", "multiplier", "vega / contract", "lot size"]);
  PROXIES.forEach((proxy, index) => {
    const row = PROXY_ROW + index;
    writeRow(sheet, row, 1, [proxy.asset, proxy.future, proxy.future, { formula: "30/365" }, proxy.vol, proxy.multiplier]);
    sheet.getCell(`H${row}`).value = proxy.lotSize;
    sheet.getCell(`B${row}`).numFmt = "#,##0";
    sheet.getCell(`C${row}`).numFmt = "#,##0";
    sheet.getCell(`D${row}`).numFmt = "0.00000";
    sheet.getCell(`E${row}`).numFmt = "0.00";
    sheet.getCell(`G${row}`).numFmt = "#,##0.00";
  });
  sheet.getCell(`A${PROXY_LAST + 1}`).value =
    `G${PROXY_ROW} spills the USD vega per vol point of one contract (multiplier × XV.VEGA, black76 on the future). Lot sizes as on Deribit: 0.1 BTC, 1 ETH.`;

  const hedge = spill(`A${HEDGE_ROW}`);
  section(HEDGE_ROW - 2, `3. The hedge: ${hedge.shown} in A${HEDGE_ROW} spills one row per proxy`);
  headers(HEDGE_ROW - 1, ["proxy", "hedge vega (USD/pt)", "contracts", "contracts rounded"]);
  PROXIES.forEach((_, index) => {
    const row = HEDGE_ROW + index;
    sheet.getCell(`B${row}`).numFmt = "#,##0;[Red]-#,##0";
    sheet.getCell(`C${row}`).numFmt = "#,##0.00;[Red]-#,##0.00";
    sheet.getCell(`D${row}`).numFmt = "#,##0.0;[Red]-#,##0.0";
  });
  sheet.getCell(`A${HEDGE_ROW + PROXIES.length}`).value =
    "Negative = sell vol. Each proxy's hedge cancels the book's own vega on it, then adds SOL's share (SOL's vol moves regressed on BTC's and ETH's).";

  const stats = spill(`A${STATS_ROW}`);
  section(STATS_ROW - 2, `4. How good it is: ${stats.shown.replace(/\(.*\)/, "(same arguments)")} in A${STATS_ROW} spills label and value`);
  headers(STATS_ROW - 1, ["", "value"]);
  sheet.getCell(`A${STATS_ROW - 1}`).value = "(USD per day; warnings, if any, spill below)";
  STATS_LABELS.forEach((stat, index) => {
    sheet.getCell(`B${STATS_ROW + index}`).numFmt = stat.numFmt;
  });

  for (const each of SPILLS.filter((candidate) => candidate.sheet === HEDGE_SHEET)) {
    const anchor = sheet.getCell(each.cell);
    anchor.value = { formula: each.formula, shareType: "array", ref: each.ref };
    anchor.note = `${each.shown}\nOne formula spilling ${each.what}. Edit this cell only.`;
  }
}

function addMarksSheet(workbook) {
  const sheet = workbook.addWorksheet(MARKS_SHEET);
  [22, 17, 6, 9, 11, 10, 10, 9, 9, 11].forEach((width, index) => {
    sheet.getColumn(index + 1).width = width;
  });
  sheet.getCell("A1").value = "Deribit marks to vols, vega and Greeks: coin-settled (inverse) options, marks in coin";
  sheet.getCell("A1").font = { bold: true, size: 13 };
  sheet.getCell("A2").value = "Valued at Positions!B2. Type a new mark in column G: its vol, vega and Greeks follow.";
  const headers = ["instrument", "expiry (UTC)", "type", "model", "future", "strike", "mark (coin)", "years", "iv", "vega (coin/pt)"];
  writeRow(sheet, MARK_ROW - 1, 1, headers);
  headers.forEach((_, index) => styleHeader(sheet.getCell(MARK_ROW - 1, index + 1), index < 4 ? "left" : "right"));
  MARKS.forEach((mark, index) => {
    const row = MARK_ROW + index;
    writeRow(sheet, row, 1, [mark.instrument, mark.expiry, mark.type, "inverse", mark.future, mark.strike, mark.mark]);
    sheet.getCell(row, 2).numFmt = "yyyy-mm-dd hh:mm";
    sheet.getCell(row, 5).numFmt = "#,##0.00";
    sheet.getCell(row, 6).numFmt = "#,##0";
    sheet.getCell(row, 7).numFmt = "0.0000";
    sheet.getCell(row, 8).numFmt = "0.00000";
    sheet.getCell(row, 9).numFmt = "0.00%";
    sheet.getCell(row, 10).numFmt = "0.000000";
  });
  sheet.getCell(`A${GREEKS_ROW - 2}`).value = `Greeks of each mark at its implied vol: =XV.GREEKS in A${GREEKS_ROW} (vega and vanna per vol point, theta per day, rho per 1% of rate)`;
  sheet.getCell(`A${GREEKS_ROW - 2}`).font = { bold: true };
  writeRow(sheet, GREEKS_ROW - 1, 1, GREEK_HEADERS);
  GREEK_HEADERS.forEach((_, index) => styleHeader(sheet.getCell(GREEKS_ROW - 1, index + 1)));
  for (const each of MARK_SPILLS) {
    const anchor = sheet.getCell(each.cell);
    anchor.value = { formula: each.formula, shareType: "array", ref: each.ref };
    anchor.note = `${each.shown}\nOne formula spilling ${each.what}. Edit this cell only.`;
  }
}

function addHistorySheet(workbook) {
  const sheet = workbook.addWorksheet(HISTORY_SHEET, { views: [{ state: "frozen", ySplit: 1 }] });
  [12, 9, 9, 9, 4, 90].forEach((width, index) => {
    sheet.getColumn(index + 1).width = width;
  });
  writeRow(sheet, 1, 1, ["date", ...CORRELATION_ASSETS]);
  for (let column = 1; column <= 4; column++) styleHeader(sheet.getCell(1, column), column === 1 ? "left" : "right");
  simulatedHistory().forEach((cells, index) => {
    writeRow(sheet, index + 2, 1, cells);
    sheet.getCell(index + 2, 1).numFmt = "yyyy-mm-dd";
    for (let column = 2; column <= 4; column++) sheet.getCell(index + 2, column).numFmt = "0.00";
  });
  [
    "30-day ATM implied vol, vol points, one row per day, oldest first (as XV.VOLCORR reads a history).",
    `Simulated from the Correlations sheet's numbers; over the last ${BREAK_DAYS} days SOL's vol decouples from BTC's and ETH's.`,
    "Paste your own levels over it (same layout: a date column, then one column per asset); a blank or #N/A cell is a gap.",
  ].forEach((line, index) => {
    sheet.getCell(`F${index + 2}`).value = line;
  });
}

function addStabilitySheet(workbook) {
  const sheet = workbook.addWorksheet(STABILITY_SHEET);
  [28, 14, 3, 8, 12, 12, 14, 9].forEach((width, index) => {
    sheet.getColumn(index + 1).width = width;
  });
  sheet.getCell("A1").value = "Will the hedge hold? The Hedge sheet's book and proxies, backtested on VolHistory and stressed";
  sheet.getCell("A1").font = { bold: true, size: 13 };
  sheet.getCell("A2").value =
    `Backtest: each day after the first ${BACKTEST_WINDOW}, the hedge XV.XVEGAHEDGE would have set from the ${BACKTEST_WINDOW} days before it only, and what it made that day. Stress: today's hedge held while the SOL–proxy correlations shift.`;
  sheet.getCell("A3").value = "Compare the in-sample effectiveness (what XV.HEDGESTATS claimed each day) with the out-of-sample one (what the hedge achieved).";
  const spill = (name) => STABILITY_SPILLS.find((each) => each.formula.startsWith(storedFunction(name)));
  const section = (cell, text) => {
    sheet.getCell(cell).value = text;
    sheet.getCell(cell).font = { bold: true };
  };
  section(`A${STABILITY_STATS_ROW - 1}`, `Backtest statistics: =XV.BACKTESTSTATS in A${STABILITY_STATS_ROW}`);
  section(`D${STRESS_ROW - 1}`, `Correlation stress: =XV.HEDGESTRESS in D${STRESS_ROW}`);
  section(`A${BACKTEST_ROW - 1}`, `Daily out-of-sample P&L (USD) and the hedge held (USD vega per point): =XV.HEDGEBACKTEST in A${BACKTEST_ROW}`);
  const statsFormats = ["0", "#,##0", "#,##0", "0.0%", "0.0%", "0.000", "0.000", "0.000", "#,##0", "yyyy-mm-dd", "#,##0"];
  statsFormats.forEach((numFmt, index) => {
    sheet.getCell(`B${STABILITY_STATS_ROW + index}`).numFmt = numFmt;
  });
  for (let row = STRESS_ROW + 1; row <= STRESS_ROW + 6; row++) {
    sheet.getCell(`D${row}`).numFmt = "+0.0;-0.0;0.0";
    sheet.getCell(`E${row}`).numFmt = "0.0%";
    sheet.getCell(`F${row}`).numFmt = "#,##0";
    sheet.getCell(`G${row}`).numFmt = "0.0%";
  }
  for (let row = BACKTEST_ROW + 1; row <= BACKTEST_ROW + BACKTEST_DAYS; row++) {
    sheet.getCell(`A${row}`).numFmt = "yyyy-mm-dd";
    for (const column of ["B", "C", "D", "E", "F"]) sheet.getCell(`${column}${row}`).numFmt = "#,##0;[Red]-#,##0";
  }
  for (const name of ["BACKTESTSTATS", "HEDGESTRESS", "HEDGEBACKTEST"]) {
    const each = spill(name);
    const anchor = sheet.getCell(each.cell);
    anchor.value = { formula: each.formula, shareType: "array", ref: each.ref };
    anchor.note = `${each.shown}\nOne formula spilling ${each.what}. Edit this cell only.`;
  }
}

/** Marks the book's array formulas as dynamic (spilling), as Excel stores them; checks that every spill was marked. */
async function markSampleSpills(buffer) {
  // Fixed timestamps so regenerating an unchanged book gives identical bytes (no noise in git).
  const { bytes, marked } = await markArrayFormulasAsDynamic(buffer, new Date(VALUATION.getTime()));
  if (marked !== SPILLS.length) throw new Error(`expected ${SPILLS.length} array formulas in the workbook, found ${marked}`);
  return bytes;
}

/** The finished file's bytes: the same for every run (fixed dates), so an unchanged book leaves git clean. */
async function sampleWorkbookBytes() {
  const workbook = buildWorkbook();
  recalculateWorkbook(workbook);
  return markSampleSpills(await workbook.xlsx.writeBuffer());
}

/** `--out <file>` writes elsewhere (the tests regenerate into a temporary file and compare bytes). */
function outputPath(argv) {
  const index = argv.indexOf("--out");
  if (index === -1) return OUTPUT;
  const file = argv[index + 1];
  if (!file) throw new Error("--out needs a file name");
  return path.resolve(file);
}

async function main() {
  const output = outputPath(process.argv.slice(2));
  await require("fs").promises.writeFile(output, await sampleWorkbookBytes());
  console.log(`wrote ${path.relative(process.cwd(), output)} (${LEGS.length} legs, cached values computed; sheets Read me, Positions, ${CORRELATION_SHEET}, ${HEDGE_SHEET}, ${MARKS_SHEET}, ${HISTORY_SHEET}, ${STABILITY_SHEET})`);
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
}

module.exports = { LEGS, FIRST_ROW, LAST_ROW, BAD_ROW, DEFINED_NAMES, SPILLS, storedFunction, sampleWorkbookBytes };
