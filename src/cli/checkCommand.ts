/*
 * `xvega check FILE.xlsx|FOLDER ...`: the end-of-day check of saved books without Excel. Every XV formula is
 * recomputed with the add-in's own adapters from the cached values of its inputs and compared with what the book
 * saved; set-ups, hedges and unit slips are reviewed. The work is in src/check; this file reads the options, prints
 * the findings (CSV or JSON), writes the --report roll-up and sets the exit status.
 */
import { promises as fs } from "fs";
import { computeProxyHedge } from "../core/hedge";
// checkRun and rollupReport load exceljs and the formula engine (over a second): imported when `check` runs, not
// whenever `xvega` starts (vega on a large file must not pay for them).
import type * as CheckRunModule from "../check/checkRun";
import { CSV_COLUMNS, checkCsvRows, checkDocument, checkExitStatus, summaryLine } from "../check/checkOutput";
import { CheckOptions, DEFAULT_MAX_AGE_DAYS, DEFAULT_MIN_EFFECTIVENESS, DEFAULT_RELATIVE_TOLERANCE, WorkbookEntry } from "../check/checkTypes";
import type { FirmHedge } from "../check/rollupReport";
import type * as RollupReportModule from "../check/rollupReport";
import { readAssetValues } from "./assetValuesFile";
import { PROGRAM_NAME, readChoiceOption } from "./commandLine";
import { OUTPUT_FORMATS, formatTable, parseOutputFormat, readInputFile } from "./csvTable";
import { formatJsonDocument, Json } from "./jsonOutput";
import { readMatrixFile } from "./matrixFile";
import { readListOption, readNumberOption } from "./optionValues";
import { CliIo, EXIT_STATUS, ExitStatus, InputDataError, ParsedCommandLine, Subcommand, UnusableInputError } from "./subcommand";

function stringOption(commandLine: ParsedCommandLine, name: string): string | undefined {
  const value = commandLine.options[name];
  return typeof value === "string" ? value : undefined;
}

function readAsOf(commandLine: ParsedCommandLine): string {
  const text = stringOption(commandLine, "as-of");
  if (text === undefined) return new Date().toISOString().slice(0, 10);
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(text) && new Date(`${text}T00:00:00Z`).toISOString().slice(0, 10) === text;
  if (!valid) throw new UnusableInputError(`--as-of "${text}" is not a date: give YYYY-MM-DD, e.g. --as-of 2026-11-21`);
  return text;
}

function readOptions(commandLine: ParsedCommandLine): CheckOptions {
  const relativeTolerance = readNumberOption(commandLine, "tolerance", "a relative tolerance such as 1e-9") ?? DEFAULT_RELATIVE_TOLERANCE;
  if (!(relativeTolerance >= 0 && relativeTolerance < 1)) throw new UnusableInputError(`--tolerance ${relativeTolerance} must be 0 or more and below 1 (relative, e.g. 1e-9)`);
  const maxAgeDays = readNumberOption(commandLine, "max-age", "a number of days such as 7") ?? DEFAULT_MAX_AGE_DAYS;
  if (!(maxAgeDays >= 0)) throw new UnusableInputError(`--max-age ${maxAgeDays} must be a number of days, 0 or more`);
  const minEffectiveness = readNumberOption(commandLine, "min-effectiveness", "an effectiveness between 0 and 1 such as 0.5") ?? DEFAULT_MIN_EFFECTIVENESS;
  if (!(minEffectiveness >= 0 && minEffectiveness <= 1)) throw new UnusableInputError(`--min-effectiveness ${minEffectiveness} must lie between 0 and 1`);
  return { relativeTolerance, asOfDate: readAsOf(commandLine), maxAgeDays, minEffectiveness };
}

function readWorkers(commandLine: ParsedCommandLine, defaultWorkerCount: () => number): number {
  const workers = readNumberOption(commandLine, "workers", "a whole number of worker threads ≥ 1");
  if (workers === undefined) return defaultWorkerCount();
  if (!(Number.isInteger(workers) && workers >= 1 && workers <= 256)) throw new UnusableInputError(`--workers ${workers} must be a whole number from 1 to 256`);
  return workers;
}

interface FirmHedgeInputs {
  correlation: { assets: string[]; values: number[][] };
  volOfVols: { asset: string; value: number }[] | undefined;
  proxies: string[];
}

/** --corr/--volvol/--proxies, read before the books so a missing file stops the run at once (exit 1). */
function readFirmHedgeInputs(commandLine: ParsedCommandLine, io: CliIo): FirmHedgeInputs | null {
  const corrPath = stringOption(commandLine, "corr");
  const volvolPath = stringOption(commandLine, "volvol");
  const proxies = readListOption(commandLine, "proxies", "proxy", "--proxies BTC,ETH");
  if (corrPath === undefined && volvolPath === undefined && proxies === undefined) return null;
  if (corrPath === undefined || proxies === undefined || stringOption(commandLine, "report") === undefined) {
    throw new UnusableInputError("the firm-level hedge needs --report OUT.xlsx, --corr FILE.csv and --proxies LIST (and optionally --volvol FILE.csv)");
  }
  const matrix = readMatrixFile(readInputFile(io, corrPath), corrPath, true);
  const volOfVols = volvolPath === undefined ? undefined : readAssetValues(readInputFile(io, volvolPath), volvolPath, { column: "volvol", expected: "a vol of vol in vol points a day", percentAllowed: false });
  const problems = [...matrix.problems, ...(volOfVols?.problems ?? [])];
  if (problems.length > 0) throw new InputDataError(problems, "no check run: fix the firm-level hedge's files and run again");
  return { correlation: { assets: matrix.names ?? [], values: matrix.values }, volOfVols: volOfVols?.values, proxies };
}

function firmHedge(
  inputs: FirmHedgeInputs,
  entries: readonly WorkbookEntry[],
  io: CliIo,
  totalExposure: typeof RollupReportModule.totalExposure,
): FirmHedge | null {
  const targets = totalExposure(entries).map((line) => ({ asset: line.asset, vegaPerVolPoint: line.netVega }));
  if (targets.length === 0) {
    io.stderr(`${PROGRAM_NAME} check: note: no hedge formula found in the books, so there is no exposure for a firm-level hedge\n`);
    return null;
  }
  try {
    const result = computeProxyHedge({ targets, proxies: inputs.proxies, correlation: inputs.correlation, volOfVols: inputs.volOfVols });
    return { proxies: result.proxies.map((line) => ({ proxy: line.asset, hedgeVega: line.hedgeVegaPerVolPoint })), effectiveness: result.effectiveness };
  } catch (error) {
    io.stderr(`${PROGRAM_NAME} check: warning: no firm-level hedge in the report: ${error instanceof Error ? error.message : String(error)}\n`);
    return null;
  }
}

async function runCheckCommand(commandLine: ParsedCommandLine, io: CliIo): Promise<ExitStatus> {
  const { runCheck, defaultWorkerCount }: typeof CheckRunModule = await import("../check/checkRun");
  const format = readChoiceOption(commandLine, "format", OUTPUT_FORMATS, parseOutputFormat, "csv");
  const options = readOptions(commandLine);
  const workers = readWorkers(commandLine, defaultWorkerCount);
  const reportPath = stringOption(commandLine, "report");
  const firmInputs = readFirmHedgeInputs(commandLine, io);
  const entries = await runCheck(commandLine.operands, options, workers);
  io.stdout(format === "json" ? formatJsonDocument(checkDocument(entries) as unknown as Json) : formatTable("csv", CSV_COLUMNS, checkCsvRows(entries)));
  io.stderr(`${PROGRAM_NAME} check: ${summaryLine(entries)}\n`);
  if (reportPath !== undefined) {
    const { rollupReportBytes, totalExposure }: typeof RollupReportModule = await import("../check/rollupReport");
    const firm = firmInputs === null ? null : firmHedge(firmInputs, entries, io, totalExposure);
    try {
      await fs.writeFile(reportPath, await rollupReportBytes(entries, firm));
    } catch (error) {
      io.stderr(`${PROGRAM_NAME} check: cannot write the report ${reportPath}: ${error instanceof Error ? error.message : String(error)}\n`);
      return EXIT_STATUS.unusableInput;
    }
  }
  const status = checkExitStatus(entries);
  if (status === 1) io.stderr(`${PROGRAM_NAME} check: no workbook could be read: see each entry's error\n`);
  return status;
}

export const checkCommand: Subcommand = {
  name: "check",
  summary: "End-of-day check of saved workbooks: every XV formula recomputed and compared, set-ups and hedges reviewed.",
  operands: [{ name: "FILE.xlsx|FOLDER...", description: "workbooks (.xlsx, .xlsm) and folders of them (Office's ~$ lock files skipped)", repeats: true }],
  options: {
    format: { type: "string", valueName: "csv|json", description: "output format (default csv: file,sheet,cell,function,kind,message,cached,recomputed)" },
    report: { type: "string", valueName: "OUT.xlsx", description: "also write the roll-up workbook: Summary, Findings, Exposure, Hedges" },
    tolerance: { type: "string", valueName: "REL", description: "relative tolerance for numbers (default 1e-9; an absolute 1e-12 always applies)" },
    "as-of": { type: "string", valueName: "YYYY-MM-DD", description: "the day the set-up's age is measured to (default today, UTC)" },
    "max-age": { type: "string", valueName: "DAYS", description: "a set-up (XV_META as_of) older than this is stale_config (default 7)" },
    "min-effectiveness": { type: "string", valueName: "X", description: "a hedge below this effectiveness is a hedge finding (default 0.5)" },
    workers: { type: "string", valueName: "N", description: "books checked in parallel (default one worker per core)" },
    corr: { type: "string", valueName: "FILE.csv", description: "with --report: correlations for the firm-level hedge of the total exposure" },
    volvol: { type: "string", valueName: "FILE.csv", description: "with --report: vol of vols (asset,volvol) for the firm-level hedge" },
    proxies: { type: "string", valueName: "LIST", description: "with --report: proxies of the firm-level hedge, e.g. BTC,ETH" },
  },
  details: `Finds every formula that calls an XV function (stored as _xldudf_XV_VEGA or typed as XV.VEGA, nested, spilling,
filled down as a shared formula), recomputes it with the add-in's own functions from the saved values of its
inputs, and compares it with the saved result: numbers within --tolerance, text ignoring case, errors by code.

Finding kinds: mismatch (saved value differs from the engine's), error (the cell holds an Excel error: the
engine's message), not_calculated (no saved value, or #NAME?/#BUSY!), unchecked (cannot be recomputed: why),
config (XV_CORR/XV_VOLVOL missing or invalid, XV_Config inconsistent), stale_config (XV_META older than
--max-age), hedge (effectiveness below --min-effectiveness, hedge warnings), plausibility (unit slips).
An unreadable book is one entry with its reason (CSV kind "unreadable"). A one-line summary goes to stderr.

Exit status: 0 nothing but hedge or plausibility findings; 2 any other finding or an unreadable book;
1 unusable input (no workbook could be read, or a bad option).`,
  run: runCheckCommand,
};
