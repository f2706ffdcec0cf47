/*
 * `xvega hedge --exposures BOOK.csv --corr CORR.csv --proxies BTC,ETH`: the minimum-variance cross-asset vega hedge
 * of a book (DOMAIN.md §2), computed by core's computeProxyHedge. The hedge needs the whole book: a bad exposure row
 * stops it (exit 2, every bad row named on stderr, nothing on stdout) rather than hedging part of the risk.
 */
import { SINGULAR_CONDITION_TEXT } from "../core/conditionNumber";
import { MAX_CONTRACT_VEGA } from "../core/hedge/hedgeContracts";
import { HedgeInputError, HedgeWarning, ProxyContractSpec, ProxyHedgeResult, VolChangeScale, computeProxyHedge } from "../core/hedge";
import { AssetValuesReading, readAssetValues } from "./assetValuesFile";
import { NumberField } from "./cellParsing";
import { changesMarkerOf, checkChangesMarkers } from "./changesMarker";
import { PROGRAM_NAME, readChoiceOption } from "./commandLine";
import { countOf, formatCsvTables } from "./csvSections";
import { OUTPUT_FORMATS, OutputCell, OutputFormat, parseOutputFormat, readInputFile } from "./csvTable";
import { formatJsonDocument } from "./jsonOutput";
import { readMatrixFile } from "./matrixFile";
import { BOOK_OPTIONS, VOL_OF_VOL, forCommandLine, readBookExposures, readProxies, readRidge, refuseUnreadableValues } from "./hedgeInputs";
import { CHANGES_WORDS, ChangesWord, parseChangesWord, readNumberListOption } from "./optionValues";
import { CliIo, EXIT_STATUS, ExitStatus, InputDataError, ParsedCommandLine, Subcommand, UnusableInputError } from "./subcommand";

const CURRENT_VOL: NumberField = { column: "vol", expected: "the current implied vol in vol points (65 for 65%)", percentAllowed: false };

const HEDGE_CHANGES: Readonly<Record<ChangesWord, VolChangeScale>> = { abs: "absolute", log: "relative" };

/** Contract sizing from --contract-vegas and --lot-sizes (one per proxy; --lot-sizes may be one for all). */
function contractSpecs(commandLine: ParsedCommandLine, proxies: readonly string[]): ProxyContractSpec[] | undefined {
  const vegas = readNumberListOption(commandLine, "contract-vegas", "the cash vega per vol point of one contract of each proxy's option");
  const lotSizes = readNumberListOption(commandLine, "lot-sizes", "a positive number of contracts per lot (1 whole contracts, 0.1 tenths)");
  if (vegas === undefined) {
    if (lotSizes !== undefined) throw new UnusableInputError("--lot-sizes needs --contract-vegas: contracts are sized from the vega of one contract");
    return undefined;
  }
  if (vegas.length !== proxies.length) {
    throw new UnusableInputError(`--contract-vegas has ${countOf(vegas.length, "value")} for ${countOf(proxies.length, "proxy", "proxies")} (${proxies.join(", ")}): give one per proxy, in the same order`);
  }
  if (lotSizes !== undefined && lotSizes.length !== 1 && lotSizes.length !== proxies.length) {
    throw new UnusableInputError(`--lot-sizes has ${countOf(lotSizes.length, "value")} for ${countOf(proxies.length, "proxy", "proxies")} (${proxies.join(", ")}): give one per proxy, or one for all`);
  }
  return proxies.map((proxy, index) => {
    const vegaPerContract = vegas[index] ?? 0;
    const lotSize = lotSizes === undefined ? 1 : (lotSizes.length === 1 ? lotSizes[0] : lotSizes[index]) ?? 1;
    if (vegaPerContract === 0 || Math.abs(vegaPerContract) > MAX_CONTRACT_VEGA) {
      throw new UnusableInputError(`--contract-vegas for ${proxy} is ${vegaPerContract}: give the cash vega per vol point of one contract (non-zero, at most ${MAX_CONTRACT_VEGA})`);
    }
    if (!(lotSize > 0)) throw new UnusableInputError(`--lot-sizes for ${proxy} is ${lotSize}: a lot must be a positive number of contracts`);
    return { proxy, vegaPerContract, lotSize };
  });
}

interface HedgeFiles {
  exposures: AssetValuesReading;
  correlation: { assets: string[]; values: number[][] };
  volOfVols?: AssetValuesReading;
  currentVols?: AssetValuesReading;
  /** Which kind of changes files without a marker are read as; printed only with a hedge (errors come first). */
  markerNote: string | null;
}

/**
 * Reads every file first (so a missing one is exit 1 even when another has bad rows), checks the change-kind markers
 * of the correlations and vol-of-vols against --changes, then reports all bad values.
 */
function readHedgeFiles(commandLine: ParsedCommandLine, io: CliIo, changes: ChangesWord): HedgeFiles {
  const path = (name: string): string | undefined => {
    const value = commandLine.options[name];
    return typeof value === "string" ? value : undefined;
  };
  const currentVolsPath = path("current-vols");
  if (changes === "log" && currentVolsPath === undefined) {
    throw new UnusableInputError("--changes log needs --current-vols FILE.csv (columns asset, vol in vol points): log vol moves are turned into vol points with them");
  }
  if (changes === "abs" && currentVolsPath !== undefined) {
    throw new UnusableInputError("--current-vols is used only with --changes log (absolute vol-point changes need no vol levels): remove it, or add --changes log");
  }
  const { path: exposuresPath, exposures } = readBookExposures(commandLine, io);
  const corrPath = path("corr") ?? "";
  const matrix = readMatrixFile(readInputFile(io, corrPath), corrPath, true);
  const volvolPath = path("volvol");
  const volOfVols = volvolPath === undefined ? undefined : readAssetValues(readInputFile(io, volvolPath), volvolPath, VOL_OF_VOL, true);
  const currentVols = currentVolsPath === undefined ? undefined : readAssetValues(readInputFile(io, currentVolsPath), currentVolsPath, CURRENT_VOL);

  const markerNote = checkChangesMarkers(
    [
      { option: "--corr", path: corrPath, changes: changesMarkerOf(matrix.corner) },
      ...(volOfVols === undefined || volvolPath === undefined ? [] : [{ option: "--volvol", path: volvolPath, changes: volOfVols.changes }]),
    ],
    changes,
    commandLine.options.changes !== undefined,
  );

  refuseUnreadableValues("no hedge computed", exposures, exposuresPath, [...matrix.problems, ...(volOfVols?.problems ?? []), ...(currentVols?.problems ?? [])]);
  return { exposures, correlation: { assets: matrix.names ?? [], values: matrix.values }, volOfVols, currentVols, markerNote };
}

function proxyHeader(withContracts: boolean): string[] {
  return withContracts ? ["asset", "hedge_vega", "contracts", "rounded_contracts", "rounded_hedge_vega"] : ["asset", "hedge_vega"];
}

/** The statistics, in output order; the after-rounding ones only with contract sizing. */
function statistics(result: ProxyHedgeResult, changes: ChangesWord, format: OutputFormat): [string, OutputCell][] {
  // One rule for a singular matrix everywhere (core/conditionNumber): null in JSON, its text in CSV.
  const condition = (value: number | null): OutputCell => (format === "csv" ? (value === null ? SINGULAR_CONDITION_TEXT : value) : value);
  const rows: [string, OutputCell][] = [
    ["unhedged_sd", result.unhedgedPnlStandardDeviation],
    ["residual_sd", result.residualPnlStandardDeviation],
    ["effectiveness", result.effectiveness],
    ["condition", condition(result.conditionNumber)],
    ["proxy_correlation_condition", condition(result.proxyCorrelationConditionNumber)],
    ["ridge", result.ridge],
  ];
  if (result.afterRounding !== null) {
    rows.push(["residual_sd_after_rounding", result.afterRounding.residualPnlStandardDeviation]);
    rows.push(["effectiveness_after_rounding", result.afterRounding.effectiveness]);
  }
  rows.push(["changes", changes]);
  return rows;
}

function formatHedge(format: OutputFormat, result: ProxyHedgeResult, changes: ChangesWord, warnings: readonly HedgeWarning[]): string {
  const withContracts = result.afterRounding !== null;
  const proxyRows: OutputCell[][] = result.proxies.map((line) =>
    line.contracts === null
      ? [line.asset, line.hedgeVegaPerVolPoint]
      : [line.asset, line.hedgeVegaPerVolPoint, line.contracts.exactContracts, line.contracts.roundedContracts, line.contracts.roundedHedgeVegaPerVolPoint],
  );
  if (format === "csv") {
    return formatCsvTables([[proxyHeader(withContracts), ...proxyRows], [["statistic", "value"], ...statistics(result, changes, format)]]);
  }
  const header = proxyHeader(withContracts);
  const proxies = proxyRows.map((row) => Object.fromEntries(header.map((name, index) => [name, row[index] ?? null])));
  const document = {
    proxies,
    ...Object.fromEntries(statistics(result, changes, format)),
    warnings: warnings.map((warning) => ({ code: warning.code, message: warning.message })),
  };
  return formatJsonDocument(document);
}

function runHedge(commandLine: ParsedCommandLine, io: CliIo): ExitStatus {
  const format = readChoiceOption(commandLine, "format", OUTPUT_FORMATS, parseOutputFormat, "csv");
  const changes = readChoiceOption(commandLine, "changes", CHANGES_WORDS, parseChangesWord, "abs");
  const proxies = readProxies(commandLine);
  const ridge = readRidge(commandLine);
  const contracts = contractSpecs(commandLine, proxies);
  const files = readHedgeFiles(commandLine, io, changes);
  const corrPath = String(commandLine.options.corr);

  let result: ProxyHedgeResult;
  try {
    result = computeProxyHedge({
      targets: files.exposures.values.map(({ asset, value }) => ({ asset, vegaPerVolPoint: value })),
      proxies,
      correlation: files.correlation,
      volOfVols: files.volOfVols?.values,
      changes: HEDGE_CHANGES[changes],
      currentVols: files.currentVols?.values,
      ridge,
      contracts,
    });
  } catch (error) {
    if (error instanceof HedgeInputError) throw new InputDataError([forCommandLine(error.message, corrPath)], "no hedge computed");
    throw error;
  }
  const warnings = result.warnings.map((warning) => ({ code: warning.code, message: forCommandLine(warning.message, corrPath) }));
  io.stdout(formatHedge(format, result, changes, warnings));
  if (files.markerNote !== null) io.stderr(`${PROGRAM_NAME} hedge: ${files.markerNote}\n`);
  io.stderr(warnings.map((warning) => `${PROGRAM_NAME} hedge: warning: ${warning.message}\n`).join(""));
  return EXIT_STATUS.ok;
}

export const hedgeCommand: Subcommand = {
  name: "hedge",
  summary: "Minimum-variance cross-asset vega hedge of a book on proxy assets, with effectiveness and contracts.",
  operands: [],
  options: {
    ...BOOK_OPTIONS,
    corr: {
      type: "string",
      valueName: "FILE.csv",
      required: true,
      description: "correlations of daily vol changes: a square matrix with asset names on the header and each row",
    },
    proxies: { type: "string", valueName: "BTC,ETH", required: true, description: "the assets to hedge with, comma-separated" },
    volvol: {
      type: "string",
      valueName: "FILE.csv",
      description: "columns asset, volvol: std. dev. of daily vol changes (without it every asset moves alike, s = 1)",
    },
    "contract-vegas": {
      type: "string",
      valueName: "V1,V2",
      description: "cash vega per vol point of one contract of each proxy, in --proxies order: adds contracts",
    },
    "lot-sizes": { type: "string", valueName: "L1,L2", description: "contracts are rounded to these lots (default 1; one value for all proxies)" },
    ridge: { type: "string", valueName: "X", description: "ridge λ ≥ 0 (default 0): shrinks an unstable hedge on collinear proxies; 0.05 is mild" },
    changes: {
      type: "string",
      valueName: "abs|log",
      description: "abs (default): the files describe vol-point changes; log: log changes (needs --current-vols)",
    },
    "current-vols": { type: "string", valueName: "FILE.csv", description: "with --changes log: columns asset, vol (current vol in vol points, 65 for 65%)" },
    format: { type: "string", valueName: "csv|json", description: "csv (default: proxies, a blank line, statistics) or json (one object)" },
  },
  details: `Input files (header names trimmed, any case; other columns ignored):
  --exposures  asset and each row's cash vega per vol point, netted by asset (names trimmed, any case). The cash
               vega is read from --vega-column NAME if given, else from position_vega if the file has it (xvega
               vega's output), else from vega. xvega vega's output without position_vega is refused: its vega is
               per unit of underlying
  --corr       ,BTC,ETH,ALT / BTC,1,0.9,0.8 / …: a labelled square matrix; row names as the header's, same order.
               Must cover every exposure asset and proxy; volcorr's output can be given as it is
  --volvol     asset, volvol (volcorr's output can be given as it is)
  --current-vols asset, vol
The top-left cell of the matrix and of the vol-of-vols (abs or log, as xvega volcorr and XV.VOLCORR write it) says
which kind of vol change they describe: a file marked otherwise than --changes is refused; a file without a marker is
read as --changes says, with a note on stderr.

Output (stdout), CSV: the table asset,hedge_vega[,contracts,rounded_contracts,rounded_hedge_vega], one row per proxy,
then a blank line, then statistic,value rows: unhedged_sd, residual_sd, effectiveness, condition,
proxy_correlation_condition, ridge[, residual_sd_after_rounding, effectiveness_after_rounding], changes.
JSON: one object with the same names: {"proxies": [{"asset", "hedge_vega", …}], "unhedged_sd", …, "warnings"}.
Warnings (collinear proxies, spread bet, no vol-of-vols, …) go to stderr as "warning:" lines, and into JSON warnings.

Exit status: 0 hedge computed; 2 nothing printed: a bad value in a file (every bad row named on stderr; no hedge of
part of a book), an asset missing from the matrix or vol-of-vols, an invalid matrix, or singular proxies;
1 unusable input (missing file or column, a matrix that is not square, a bad option, a --corr or --volvol file marked
with another kind of changes than --changes, xvega vega output without position_vega).

Example: ${PROGRAM_NAME} hedge --exposures book.csv --corr corr.csv --volvol volvol.csv --proxies BTC,ETH`,
  run: runHedge,
};
