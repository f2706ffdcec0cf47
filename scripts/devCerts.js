/*
 * HTTPS options for the dev server. Office loads add-ins over https only, so there is no http fallback.
 *
 * 1. Where the CA can be installed (Windows, macOS, Linux with sudo): office-addin-dev-certs' getHttpsServerOptions(),
 *    which generates the certificates and installs the CA (asking for a password once).
 * 2. Otherwise, or when that fails (no sudo, password refused): the certificates already in ~/.office-addin-dev-certs/
 *    if they are still valid, else freshly generated ones, without installing; then print how to trust the CA.
 *    Step 1 is skipped without sudo because it deletes and regenerates the CA on every run, which would undo a CA
 *    the user trusted by hand.
 */
"use strict";
const crypto = require("crypto");
const fs = require("fs");
const path = require("path");
const devCerts = require("office-addin-dev-certs");

const CERT_DIRECTORY = path.join(require("os").homedir(), ".office-addin-dev-certs");
const CA_FILE = path.join(CERT_DIRECTORY, "ca.crt");
const CERT_FILE = path.join(CERT_DIRECTORY, "localhost.crt");
const KEY_FILE = path.join(CERT_DIRECTORY, "localhost.key");
/** Regenerate a day before expiry rather than serve a certificate that dies mid-session. */
const MINIMUM_REMAINING_MS = 24 * 60 * 60 * 1000;

function isOnPath(command) {
  const extensions = process.platform === "win32" ? (process.env.PATHEXT ?? ".EXE").split(";") : [""];
  return (process.env.PATH ?? "").split(path.delimiter).some((directory) =>
    extensions.some((extension) => {
      try {
        fs.accessSync(path.join(directory, command + extension), fs.constants.X_OK);
        return true;
      } catch {
        return false;
      }
    }),
  );
}

/** office-addin-dev-certs installs the CA with PowerShell (Windows), `security` (macOS) or `sudo` (Linux). */
function canInstallCa() {
  return process.platform === "win32" || process.platform === "darwin" || isOnPath("sudo");
}

/** The generated files, if all three exist, the key matches and the certificate is not about to expire. */
function readUsableCertificates() {
  try {
    const options = { ca: fs.readFileSync(CA_FILE), cert: fs.readFileSync(CERT_FILE), key: fs.readFileSync(KEY_FILE) };
    const certificate = new crypto.X509Certificate(options.cert);
    if (Date.parse(certificate.validTo) - Date.now() < MINIMUM_REMAINING_MS) return null;
    if (!certificate.checkPrivateKey(crypto.createPrivateKey(options.key))) return null;
    return options;
  } catch {
    return null;
  }
}

function printTrustInstructions(log) {
  log.warn(
    [
      "",
      "xvega dev server: using the development certificate WITHOUT installing its CA (installing needs sudo).",
      `  CA certificate: ${CA_FILE}`,
      "  Until the CA is trusted, browsers and Excel on the web refuse https://localhost:3000 (the add-in stays blank).",
      "  Trust it once, whichever fits:",
      "   - on a machine with sudo:  npx office-addin-dev-certs install",
      `   - Chrome/Chromium/Edge on Linux (libnss3-tools):  certutil -d sql:$HOME/.pki/nssdb -A -t "C,," -n "Office Add-in dev CA" -i ${CA_FILE}`,
      `   - system-wide on Debian/Ubuntu (as root):  cp ${CA_FILE} /usr/local/share/ca-certificates/office-addin-dev-ca.crt && update-ca-certificates`,
      "   - Firefox: Settings › Privacy & Security › Certificates › View Certificates › Authorities › Import",
      "   - for a quick look only: open https://localhost:3000/taskpane.html and accept the browser warning",
      "  The certificate is kept between runs (and renewed when it expires), so trusting it once is enough for 30 days.",
      "",
    ].join("\n"),
  );
}

async function generateWithoutInstalling() {
  devCerts.deleteCertificateFiles(CERT_DIRECTORY); // generateCertificates never overwrites an existing CA file
  await devCerts.generateCertificates(CA_FILE, CERT_FILE, KEY_FILE);
  const options = readUsableCertificates();
  if (!options) throw new Error(`office-addin-dev-certs generated no usable certificate in ${CERT_DIRECTORY}`);
  return options;
}

/** Never rejects for want of sudo; rejects only when no certificate can be generated at all. */
async function getHttpsOptions(log = console) {
  if (canInstallCa()) {
    try {
      const { ca, cert, key } = await devCerts.getHttpsServerOptions();
      return { ca, cert, key };
    } catch (error) {
      log.warn(`xvega dev server: could not install the dev certificate (${String(error.message ?? error).split("\n")[0]}); falling back.`);
    }
  }
  let options = readUsableCertificates();
  if (!options) {
    try {
      options = await generateWithoutInstalling();
    } catch (error) {
      throw new Error(
        `xvega dev server: cannot create an https certificate (${error.message}). Office needs https; ` +
          `run "npx office-addin-dev-certs install" or put ca.crt, localhost.crt and localhost.key in ${CERT_DIRECTORY}.`,
      );
    }
  }
  printTrustInstructions(log);
  return options;
}

module.exports = { getHttpsOptions, CERT_DIRECTORY };
