#!/usr/bin/env node
/*
 * `npm run stop`: ends what `npm start` started. Windows/macOS: office-addin-debugging unregisters the sideloaded
 * add-in and stops its dev server. Everywhere: stops a dev server that scripts/start.js runs (its pid file).
 * Never fails just because there is nothing to stop.
 */
"use strict";
const fs = require("fs");
const { MANIFEST, PID_FILE, runMain, runOfficeAddinDebugging } = require("./addinProcesses");

/** Stops the dev server process group recorded by start.js; true if there was one. */
function stopRecordedDevServer() {
  let pid;
  try {
    pid = Number(fs.readFileSync(PID_FILE, "utf8").trim());
  } catch {
    return false;
  }
  fs.rmSync(PID_FILE, { force: true });
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    // start.js runs the dev server as its own process group: npm, its shell and webpack end together.
    process.kill(process.platform === "win32" ? pid : -pid, "SIGTERM");
    console.log(`Stopped the xvega dev server (process ${pid}).`);
    return true;
  } catch {
    return false; // it had already exited
  }
}

async function main() {
  const stoppedDevServer = stopRecordedDevServer();
  if (process.platform === "win32" || process.platform === "darwin") {
    return runOfficeAddinDebugging(["stop", MANIFEST]);
  }
  if (!stoppedDevServer) console.log("No xvega dev server started by `npm start` is running: nothing to stop.");
  console.log(
    "Excel on the web keeps an uploaded add-in until the browser's cache is cleared; there is nothing to unregister on this machine.",
  );
  return 0;
}

runMain(main);
