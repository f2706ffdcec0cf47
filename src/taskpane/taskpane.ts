/*
 * The task pane's entry: the Correlations and Hedge tabs (src/taskpane/pane, over the Office workbook gateway) and
 * the About tab (version, what xvega does, the function list from the generated functions.json, the host).
 * Renders without Office too (a plain browser, tests): workbook buttons are then off and a banner says why.
 * Dynamic text goes in with textContent only, never innerHTML.
 */
import { wasmKernelsAvailable } from "../core/correlation/wasmKernels";
import { FunctionSummary, summariseFunctions } from "./functionList";
import { PaneController } from "./pane/paneController";
import { mountPane } from "./pane/paneView";
import { unavailableGateway } from "./pane/unavailableGateway";
import { createOfficeGateway } from "./workbook/officeGateway";
import type { WorkbookGateway } from "./workbook/workbookGateway";

/** Injected from package.json by webpack's DefinePlugin. */
declare const XVEGA_VERSION: string;

function element<T extends HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (!found) throw new Error(`taskpane.html has no #${id}`);
  return found as T;
}

/** Only https links from functions.json become hrefs (never javascript: or data:). */
function safeHttpsUrl(url: string | null): string | null {
  if (url === null) return null;
  try {
    return new URL(url, document.baseURI).protocol === "https:" ? url : null;
  } catch {
    return null;
  }
}

function functionItem(summary: FunctionSummary): HTMLLIElement {
  const item = document.createElement("li");
  item.className = "function-item";
  const signature = document.createElement("code");
  signature.className = "signature";
  signature.textContent = summary.signature;
  const href = safeHttpsUrl(summary.helpUrl);
  if (href) {
    const link = document.createElement("a");
    link.href = href;
    link.target = "_blank";
    link.rel = "noopener noreferrer";
    const hint = document.createElement("span");
    hint.className = "visually-hidden";
    hint.textContent = " (function reference, opens in a new window)";
    link.append(signature, hint);
    item.append(link);
  } else {
    item.append(signature);
  }
  const description = document.createElement("p");
  description.className = "function-summary";
  description.textContent = summary.summary;
  item.append(description);
  return item;
}

async function showFunctions(): Promise<void> {
  const list = element<HTMLUListElement>("function-list");
  const status = element<HTMLParagraphElement>("function-list-status");
  try {
    const response = await fetch("functions.json", { cache: "no-cache" });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const summaries = summariseFunctions(await response.json());
    list.replaceChildren(...summaries.map(functionItem));
    status.hidden = true;
  } catch (error) {
    status.textContent = `The function list could not be loaded (${error instanceof Error ? error.message : String(error)}); see the function reference.`;
  }
}

const NOT_IN_EXCEL = "Not running in Excel: open xvega in Excel to load, save and hedge. The editor works, but nothing is written.";

function officeGatewayOrProblem(): WorkbookGateway {
  try {
    return createOfficeGateway();
  } catch (error) {
    return unavailableGateway(`The workbook cannot be reached: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Shows the host on the About tab, then starts the pane over the workbook once Office is ready (never before). */
function startHostAndPane(): void {
  const status = element<HTMLParagraphElement>("host-status");
  if (typeof Office === "undefined") {
    status.textContent = "Not running in Excel: the functions work once the add-in is loaded in Excel.";
    startPane(unavailableGateway(NOT_IN_EXCEL));
    return;
  }
  Office.onReady((info) => {
    const inExcel = info.host === Office.HostType.Excel;
    status.textContent = inExcel ? `Running in Excel (${String(info.platform)}).` : "Not running in Excel.";
    startPane(inExcel ? officeGatewayOrProblem() : unavailableGateway(NOT_IN_EXCEL));
  }).catch((error: unknown) => {
    const message = `Office did not start: ${error instanceof Error ? error.message : String(error)}`;
    status.textContent = message;
    startPane(unavailableGateway(message));
  });
}

function startPane(gateway: WorkbookGateway): void {
  const controller = new PaneController({ gateway });
  mountPane(controller);
  void controller.start();
}

/** Says on the About tab which kernels the eigen-solver (NEARCORR, the repair) runs here; both give the same bits. */
function showEngine(): void {
  element<HTMLParagraphElement>("engine-status").textContent = wasmKernelsAvailable()
    ? "Eigen-solver: WebAssembly SIMD kernels."
    : "Eigen-solver: TypeScript kernels (this browser cannot run the WebAssembly SIMD ones; the results are the same, only slower).";
}

function start(): void {
  element<HTMLParagraphElement>("version").textContent = `Version ${XVEGA_VERSION}`;
  showEngine();
  startHostAndPane();
  void showFunctions();
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
else start();
