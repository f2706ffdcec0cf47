/*
 * Opening the built pane (dist/taskpane.html) in Debian's Chromium through playwright-core, with the fake Excel host
 * (excelStub.js) injected before the page's scripts. Every request that leaves 127.0.0.1 is refused and recorded, except
 * the Office CDN's office.js, which is answered with an empty script (the stub stands in for it).
 */
import * as fs from "fs";
import * as path from "path";
import { chromium, type Browser, type Page } from "playwright-core";

export const ROOT = path.resolve(__dirname, "..", "..");
export const DIST = path.join(ROOT, "dist");
export const EXCEL_STUB = path.join(__dirname, "excelStub.js");
export const ARTIFACTS = path.join(ROOT, "test-artifacts");

/** The task pane's usual width in Excel is 320–360 px. */
export const PANE_VIEWPORT = { width: 340, height: 900 };

const OFFICE_CDN = /^https:\/\/appsforoffice\.microsoft\.com\//;

export function chromiumExecutable(): string {
  const executable = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  if (!fs.existsSync(executable)) {
    throw new Error(
      `No Chromium at ${executable}. The browser tests drive Debian's chromium through playwright-core: install it with ` +
        "`apt-get install -y chromium` (as root; .ci/run does this), or set CHROMIUM_PATH to a Chromium or Chrome binary. " +
        "Do not run `npx playwright install` (its downloads are blocked here).",
    );
  }
  return executable;
}

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumExecutable(),
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
  });
}

export function requireBuiltPane(): void {
  if (!fs.existsSync(path.join(DIST, "taskpane.html"))) {
    throw new Error("dist/taskpane.html does not exist: run `npm run build` first (`npm test` builds before the browser tests).");
  }
}

/** What a page did that a test must see: requests that left 127.0.0.1, dialogs, script errors, console errors. */
export interface PaneRecord {
  outsideRequests: string[];
  officeCdnRequests: string[];
  dialogs: string[];
  pageErrors: string[];
  consoleErrors: string[];
}

export interface PaneSession {
  page: Page;
  record: PaneRecord;
  close(): Promise<void>;
}

/**
 * A fresh page (its own context: no shared storage) on the pane, the stub installed first and `seed` (a function run
 * in the page after the stub, before the pane's scripts) next. Resolves once the pane has loaded the workbook.
 */
export async function openPane(browser: Browser, origin: string, seed?: () => void): Promise<PaneSession> {
  const context = await browser.newContext({ viewport: PANE_VIEWPORT, serviceWorkers: "block" });
  const page = await context.newPage();
  // Fail a missing element in seconds, with Playwright's call log, rather than at Jest's test timeout.
  page.setDefaultTimeout(10_000);
  const record: PaneRecord = { outsideRequests: [], officeCdnRequests: [], dialogs: [], pageErrors: [], consoleErrors: [] };
  await page.route("**/*", async (route) => {
    const url = route.request().url();
    if (url.startsWith(`${origin}/`)) return route.continue();
    if (OFFICE_CDN.test(url)) {
      record.officeCdnRequests.push(url);
      return route.fulfill({ status: 200, contentType: "text/javascript", body: "/* office.js: the test's excelStub.js stands in */" });
    }
    record.outsideRequests.push(url);
    return route.abort("blockedbyclient");
  });
  page.on("dialog", (dialog) => {
    record.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on("pageerror", (error) => record.pageErrors.push(error.message));
  page.on("console", (message) => {
    if (message.type() === "error") record.consoleErrors.push(message.text());
  });
  await page.addInitScript({ path: EXCEL_STUB });
  if (seed) await page.addInitScript(seed);
  await page.goto(`${origin}/taskpane.html`);
  // The pane is up once the workbook has answered: the Save button exists and the status says how the load went.
  await page.locator("#save-button").waitFor();
  await page.waitForFunction(() => {
    const status = document.getElementById("pane-status")?.textContent ?? "";
    return status !== "" && !/Loading/.test(status);
  });
  return { page, record, close: () => context.close() };
}
