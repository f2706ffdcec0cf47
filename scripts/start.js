#!/usr/bin/env node
/*
 * `npm start`: run the add-in in Excel.
 * - Windows, macOS: office-addin-debugging sideloads manifest.xml into desktop Excel with the sample workbook and starts
 *   the dev server itself (the package.json "dev-server" script), waiting for it on port 3000.
 * - Linux and anything else (no desktop Excel): runs the dev server in the foreground and prints how to load the
 *   add-in into Excel on the web.
 * - `npm start -- web "<workbook URL>"`, anywhere: the dev server, then office-addin-debugging's sideload into that
 *   workbook in Excel on the web.
 * `npm run stop` ends what this started (scripts/stop.js).
 */
"use strict";
const fs = require("fs");
const { DEV_SERVER_PORT, MANIFEST, PID_FILE, SAMPLE_WORKBOOK, isPortOpen, runMain, runOfficeAddinDebugging, spawnDevServer, waitForPort } =
  require("./addinProcesses");

const DEV_SERVER_START_TIMEOUT_MS = 120_000;

function printWebInstructions() {
  console.log(
    [
      "",
      "xvega: desktop Excel sideloading needs Windows or macOS; here the add-in runs in Excel on the web.",
      `The dev server is starting on https://localhost:${DEV_SERVER_PORT} (Ctrl+C or \`npm run stop\` ends it). Then:`,
      "  1. Trust the dev certificate once (the dev server prints how if it is not trusted yet); check by opening",
      `     https://localhost:${DEV_SERVER_PORT}/taskpane.html in the same browser: it must load without a warning.`,
      "  2. Open a workbook in Excel on the web (https://www.office.com › Excel). To try the sample, upload",
      `     ${SAMPLE_WORKBOOK} to OneDrive and open it.`,
      "  3. Home › Add-ins › More Add-ins › My Add-ins › Upload My Add-in › choose manifest.xml from this folder › Upload.",
      "  4. Home › xvega › Correlations & hedge opens the pane; type =XV.VEGA( in a cell.",
      '  Or let office-addin-debugging do step 3: npm start -- web "<the workbook\'s URL>"',
      "",
    ].join("\n"),
  );
}

/** Runs the dev server until it exits; forwards Ctrl+C to its process group. Resolves with its exit code. */
function runDevServerInForeground() {
  const child = spawnDevServer();
  fs.writeFileSync(PID_FILE, String(child.pid));
  const stop = (signal) => {
    try {
      process.kill(process.platform === "win32" ? child.pid : -child.pid, signal);
    } catch {
      // already gone
    }
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
  return new Promise((resolve) => {
    child.on("exit", (code, signal) => {
      fs.rmSync(PID_FILE, { force: true });
      resolve(signal ? 0 : (code ?? 1));
    });
  });
}

async function startDesktop() {
  return runOfficeAddinDebugging([
    "start",
    MANIFEST,
    "desktop",
    "--app",
    "excel",
    "--document",
    SAMPLE_WORKBOOK,
    "--dev-server",
    "npm run dev-server",
    "--dev-server-port",
    String(DEV_SERVER_PORT),
  ]);
}

async function startWeb(documentUrl) {
  const serving = runDevServerInForeground();
  if (!(await waitForPort(DEV_SERVER_PORT, DEV_SERVER_START_TIMEOUT_MS))) {
    console.error(`The dev server did not open port ${DEV_SERVER_PORT}.`);
    return 1;
  }
  // The dev server is already up, so office-addin-debugging only sideloads (it skips a running dev server).
  await runOfficeAddinDebugging(["start", MANIFEST, "web", "--document", documentUrl, "--dev-server-port", String(DEV_SERVER_PORT)]);
  return serving;
}

async function main() {
  const [mode, documentUrl] = process.argv.slice(2);
  const desktop = mode !== "web" && (process.platform === "win32" || process.platform === "darwin");
  // office-addin-debugging reuses a running dev server; started here, a second one would only fail on the port.
  if (!desktop && (await isPortOpen(DEV_SERVER_PORT))) {
    console.error(`Port ${DEV_SERVER_PORT} is already in use: is a dev server running? \`npm run stop\` ends one started by npm start.`);
    return 1;
  }
  if (desktop) return startDesktop();
  if (mode === "web") {
    if (!documentUrl) {
      console.error('Usage: npm start -- web "<URL of a workbook in Excel on the web>"');
      return 1;
    }
    return startWeb(documentUrl);
  }
  printWebInstructions();
  return runDevServerInForeground();
}

runMain(main);
