/*
 * What `npm start` (scripts/start.js) and `npm run stop` (scripts/stop.js) share: paths, the dev server's port and
 * pid file, and how to run the office-addin-debugging CLI and npm without a shell (no quoting issues on Windows).
 */
"use strict";
const crypto = require("crypto");
const net = require("net");
const os = require("os");
const path = require("path");
const { spawn } = require("child_process");

const ROOT = path.resolve(__dirname, "..");
const MANIFEST = "manifest.xml";
const SAMPLE_WORKBOOK = path.join("assets", "xvega-sample.xlsx");
const DEV_SERVER_PORT = 3000;
/** One pid file per checkout: several working folders may share a machine. */
const PID_FILE = path.join(os.tmpdir(), `xvega-dev-server-${crypto.createHash("sha1").update(ROOT).digest("hex").slice(0, 12)}.pid`);

/** Spawns `node <script> ...args` in the repository root, output shared with this terminal. */
function spawnNode(script, args, options = {}) {
  return spawn(process.execPath, [script, ...args], { cwd: ROOT, stdio: "inherit", ...options });
}

/** office-addin-debugging with its arguments; resolves with the exit code. */
function runOfficeAddinDebugging(args) {
  const cli = path.join(ROOT, "node_modules", "office-addin-debugging", "cli.js");
  const child = spawnNode(cli, args);
  return new Promise((resolve) => {
    child.on("error", (error) => {
      console.error(`Could not run office-addin-debugging: ${error.message}`);
      resolve(1);
    });
    child.on("exit", (code) => resolve(code ?? 1));
  });
}

/** `npm run dev-server` as a detached process group, so that stop can end npm, its shell and webpack together. */
function spawnDevServer() {
  // Under `npm start`, npm_execpath is npm's own CLI script; otherwise fall back to npm on the PATH.
  const npmCli = process.env.npm_execpath;
  const options = { cwd: ROOT, stdio: "inherit", detached: process.platform !== "win32" };
  if (npmCli) return spawn(process.execPath, [npmCli, "run", "dev-server"], options);
  return spawn("npm", ["run", "dev-server"], { ...options, shell: process.platform === "win32" });
}

/** Resolves true once something accepts connections on the port. */
function isPortOpen(port) {
  return new Promise((resolve) => {
    const socket = net.connect({ host: "localhost", port });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

async function waitForPort(port, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await isPortOpen(port)) return true;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return false;
}

/** Runs a script's async main and turns its result into the exit code; an unexpected error prints and exits 1. */
function runMain(main) {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (error) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}

module.exports = {
  DEV_SERVER_PORT,
  MANIFEST,
  PID_FILE,
  ROOT,
  SAMPLE_WORKBOOK,
  isPortOpen,
  runMain,
  runOfficeAddinDebugging,
  spawnDevServer,
  waitForPort,
};
