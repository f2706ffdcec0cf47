#!/usr/bin/env node
"use strict";
// Launcher for the `xvega` command line; the program itself is TypeScript compiled by `npm run build:node`.
const fs = require("fs");
const path = require("path");

const main = path.join(__dirname, "..", "build", "node", "src", "cli", "main.js");
if (fs.existsSync(main)) {
  require(main).runAsProcess();
} else {
  process.stderr.write("xvega is not built: run npm run build:node\n");
  process.exitCode = 1;
}
