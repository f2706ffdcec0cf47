#!/usr/bin/env node
/*
 * Writes the end-of-day check's fixture books (scripts/checkWorkbooks.js) to test/fixtures/check/, in Excel's stored
 * form, with cached values computed by the add-in's compiled functions (run `npm run build:node` first).
 * `node scripts/make-check-workbooks.js [--out FOLDER]`. The tests build the same books in memory and compare.
 */
"use strict";
const fs = require("fs");
const path = require("path");
const { buildCheckWorkbook, EXPECTED_FINDINGS } = require("./checkWorkbooks");

const ROOT = path.resolve(__dirname, "..");
const COMPILED = path.join(ROOT, "build", "node", "src", "functions");

function compiledFunctions() {
  if (!fs.existsSync(path.join(COMPILED, "vegaFunctions.js"))) throw new Error("the add-in's functions are not built: run npm run build:node first");
  require(path.join(COMPILED, "customFunctionsStub.js")).installCustomFunctionsStub(globalThis);
  const { vega, years, twvega } = require(path.join(COMPILED, "vegaFunctions.js"));
  const { xvegahedge, hedgestats } = require(path.join(COMPILED, "hedgeFunctions.js"));
  return { vega, years, twvega, xvegahedge, hedgestats };
}

async function main(argv) {
  const index = argv.indexOf("--out");
  const folder = index === -1 ? path.join(ROOT, "test", "fixtures", "check") : path.resolve(argv[index + 1] ?? "");
  fs.mkdirSync(folder, { recursive: true });
  const functions = compiledFunctions();
  for (const name of Object.keys(EXPECTED_FINDINGS)) {
    fs.writeFileSync(path.join(folder, name), await buildCheckWorkbook(name, functions));
  }
  console.log(`wrote ${Object.keys(EXPECTED_FINDINGS).length} books to ${path.relative(process.cwd(), folder) || "."}`);
}

main(process.argv.slice(2)).catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
