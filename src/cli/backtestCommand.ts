/*
 * `xvega backtest --history HISTORY.csv --exposures BOOK.csv --proxies BTC,ETH`: would the proxy hedge have held?
 * The out-of-sample backtest of core's runHedgeBacktest: on each day the hedge is the one estimated from the days
 * before only, and the table shows what the book, the hedge and the hedged book made. The command-line twin of
 * XV.HEDGEBACKTEST and XV.BACKTESTSTATS.
 */
import { assetKey, CorrelationInputError } from "../core/correlation";
import { DEFAULT_BACKTEST_WINDOW, DEFAULT_REBALANCE_INTERVAL, runHedgeBacktest, type BacktestStatisticName, type DateLabel, type HedgeBacktestResult } from "../core/backtest";
import { HedgeInputError, type TargetVega } from "../core/hedge";
import { PROGRAM_NAME, readChoiceOption } from "./commandLine";
import { countOf, formatCsvTables, listForMessage } from "./csvSections";
import { OUTPUT_FORMATS, OutputCell, OutputFormat, parseOutputFormat, readInputFile } from "./csvTable";
import { BOOK_OPTIONS, readBookExposures, readProxies, readRidge, refuseUnreadableValues, stringOptionValue } from "./hedgeInputs";
import { ReadHistory, describeHistoryRow, historyOrderNotes, historyRowDate, readHistoryFile, readLambdaOption } from "./historyInput";
import { formatJsonDocument } from "./jsonOutput";
import { readNumberOption } from "./optionValues";
import { CliIo, EXIT_STATUS, ExitStatus, InputDataError, ParsedCommandLine, Subcommand, UnusableInputError } from "./subcommand";

const REFUSAL = "no backtest run";

/** The statistics in output order, by their engine name and their name in the output (JSON key, CSV statistic). */
const STATISTICS: readonly (readonly [BacktestStatisticName, string])[] = [
  ["days", "days"],
  ["unhedgedSd", "unhedged_sd"],
  ["hedgedSd", "hedged_sd"],
  ["effectivenessOutOfSample", "effectiveness_out_of_sample"],
  ["effectivenessInSample", "effectiveness_in_sample"],
  ["regressionSlope", "regression_slope"],
  ["regressionR2", "regression_r2"],
  ["dollarOffset", "dollar_offset"],
  ["worstHedgedPnl", "worst_hedged_pnl"],
  ["worstDate", "worst_date"],
  ["turnover", "turnover"],
];

const DAY_COLUMNS = ["date", "unhedged_pnl", "hedge_pnl", "hedged_pnl"] as const;

function readWholeNumber(commandLine: ParsedCommandLine, name: string, least: number, meaning: string): number | undefined {
  const value = readNumberOption(commandLine, name, `a whole number ≥ ${least} (${meaning})`);
  if (value !== undefined && !(Number.isInteger(value) && value >= least)) throw new UnusableInputError(`--${name} ${value} must be a whole number ≥ ${least} (${meaning})`);
  return value;
}

interface BacktestOptions {
  proxies: string[];
  ridge: number | undefined;
  lambda: number | undefined;
  window: number | undefined;
  rebalance: number | undefined;
}

function readBacktestOptions(commandLine: ParsedCommandLine): BacktestOptions {
  const proxies = readProxies(commandLine);
  const ridge = readRidge(commandLine);
  const lambda = readLambdaOption(commandLine);
  // A sample estimate needs two changes for its n − 1; an EWMA one change.
  const window =
    lambda === undefined
      ? readWholeNumber(commandLine, "window", 2, "changes in each sample estimate, and before the first out-of-sample day")
      : readWholeNumber(commandLine, "window", 1, "changes before the first out-of-sample day");
  const rebalance = readWholeNumber(commandLine, "rebalance", 1, "re-hedge every this many out-of-sample days; 1 = daily");
  return { proxies, ridge, lambda, window, rebalance };
}

interface BacktestFiles {
  targets: TargetVega[];
  historyPath: string;
  history: ReadHistory;
  /** The asset keys the backtest reads from the history: the book's assets and the proxies. */
  used: Set<string>;
}

/** Reads the book and the history (both, so that a missing file is exit 1 before any bad value is reported). */
function readBacktestFiles(commandLine: ParsedCommandLine, io: CliIo, proxies: readonly string[]): BacktestFiles {
  const { path: exposuresPath, exposures } = readBookExposures(commandLine, io);
  const historyPath = stringOptionValue(commandLine, "history") ?? "";
  const historyText = readInputFile(io, historyPath);
  // Only the book's assets and the proxies are read from the history: a gap or a typo in another column costs nothing.
  const used = new Set([...exposures.values.map((value) => assetKey(value.asset)), ...proxies.map(assetKey)]);
  let history: ReadHistory;
  try {
    history = readHistoryFile(historyText, historyPath, { refusal: REFUSAL, usesColumn: (asset) => used.has(assetKey(asset)) });
  } catch (error) {
    // Bad rows in both files: every one of them named at once.
    if (error instanceof InputDataError && exposures.problems.length > 0) refuseUnreadableValues(REFUSAL, exposures, exposuresPath, error.problems);
    throw error;
  }
  refuseUnreadableValues(REFUSAL, exposures, exposuresPath, []);
  return { targets: exposures.values.map(({ asset, value }) => ({ asset, vegaPerVolPoint: value })), historyPath, history, used };
}

/** The rows whose levels of a used asset have a gap (or that are blank), each as a message shows it. */
function rowsWithGaps(read: ReadHistory, used: ReadonlySet<string>): string[] {
  const columns = read.history.assets.map((asset, column) => (used.has(assetKey(asset)) ? column : -1)).filter((column) => column !== -1);
  const described: string[] = [];
  read.history.levels.forEach((row, position) => {
    if (columns.some((column) => row[column] === null || row[column] === undefined)) described.push(describeHistoryRow(read, position));
  });
  return described;
}

function formatBacktest(format: OutputFormat, result: HedgeBacktestResult, warnings: readonly string[]): string {
  const statistic = (name: BacktestStatisticName): number | DateLabel | null => result.statistics[name];
  if (format === "csv") {
    const header: OutputCell[] = [...DAY_COLUMNS, ...result.proxies.map((proxy) => `hedge ${proxy}`)];
    const days: OutputCell[][] = result.days.map((day) => [day.date, day.unhedgedPnl, day.hedgePnl, day.hedgedPnl, ...day.hedge]);
    const statistics: OutputCell[][] = [["statistic", "value"], ...STATISTICS.map(([name, key]) => [key, statistic(name)])];
    return formatCsvTables([[header, ...days], statistics, [["warning"], ...warnings.map((warning) => [warning])]]);
  }
  const document = {
    rows: result.days.map((day) => ({
      date: day.date,
      unhedged_pnl: day.unhedgedPnl,
      hedge_pnl: day.hedgePnl,
      hedged_pnl: day.hedgedPnl,
      hedge: Object.fromEntries(result.proxies.map((proxy, index) => [proxy, day.hedge[index] ?? null])),
    })),
    stats: Object.fromEntries(STATISTICS.map(([name, key]) => [key, statistic(name)])),
    warnings: [...warnings],
  };
  return formatJsonDocument(document);
}

function runBacktest(commandLine: ParsedCommandLine, io: CliIo): ExitStatus {
  const format = readChoiceOption(commandLine, "format", OUTPUT_FORMATS, parseOutputFormat, "csv");
  const options = readBacktestOptions(commandLine);
  const { targets, historyPath, history: read, used } = readBacktestFiles(commandLine, io, options.proxies);

  let result: HedgeBacktestResult;
  try {
    result = runHedgeBacktest({
      history: read.history,
      // A change is dated by its later row: the date as written, or the row's line in the file when it has none.
      rowDates: read.rows.map((row, position) => historyRowDate(read, position) ?? row.line),
      describeRow: (position) => describeHistoryRow(read, position),
      targets,
      proxies: options.proxies,
      window: options.window,
      lambda: options.lambda ?? null,
      ridge: options.ridge,
      rebalance: options.rebalance,
    });
  } catch (error) {
    if (error instanceof CorrelationInputError || (error instanceof HedgeInputError && error.kind === "missingAsset")) {
      throw new InputDataError([`${historyPath}: ${error.message}`], REFUSAL);
    }
    if (error instanceof HedgeInputError) throw new InputDataError([error.message], REFUSAL);
    throw error;
  }
  const warnings = result.warnings.map((warning) => warning.message);
  io.stdout(formatBacktest(format, result, warnings));

  const notes = historyOrderNotes(read);
  const gaps = rowsWithGaps(read, used);
  if (gaps.length > 0) {
    notes.push(`note: skipped ${countOf(gaps.length, "row")} with gaps: ${listForMessage(gaps)}; ${countOf(result.changeCount, "complete daily change")} in all`);
  }
  // One note per reason, naming every statistic it leaves undefined (one out-of-sample day leaves five).
  const undefinedByReason = new Map<string, string[]>();
  for (const [name, key] of STATISTICS) {
    const reason = result.undefinedReasons[name];
    if (reason !== undefined) undefinedByReason.set(reason, [...(undefinedByReason.get(reason) ?? []), key]);
  }
  for (const [reason, keys] of undefinedByReason) {
    notes.push(`note: ${keys.join(", ")} ${keys.length === 1 ? "is" : "are"} undefined (${format === "json" ? "null" : "left empty"}): ${reason}`);
  }
  for (const warning of warnings) notes.push(`warning: ${warning}`);
  if (notes.length > 0) io.stderr(notes.map((note) => `${PROGRAM_NAME} backtest: ${note}\n`).join(""));
  return EXIT_STATUS.ok;
}

export const backtestCommand: Subcommand = {
  name: "backtest",
  summary: "Out-of-sample backtest of the proxy hedge over a history of vol levels, like XV.HEDGEBACKTEST and XV.BACKTESTSTATS.",
  operands: [],
  options: {
    history: {
      type: "string",
      valueName: "FILE.csv",
      required: true,
      description: "daily vol levels, one column per asset, optionally a date column first (as xvega volcorr reads it)",
    },
    ...BOOK_OPTIONS,
    proxies: { type: "string", valueName: "BTC,ETH", required: true, description: "the assets to hedge with, comma-separated" },
    window: {
      type: "string",
      valueName: "N",
      description: `changes in each sample estimate, and before the first out-of-sample day (default ${DEFAULT_BACKTEST_WINDOW})`,
    },
    lambda: { type: "string", valueName: "0.94", description: "EWMA with this daily decay over every earlier change; without it, the sample estimate over the window" },
    ridge: { type: "string", valueName: "X", description: "ridge λ ≥ 0 (default 0), as xvega hedge's" },
    rebalance: {
      type: "string",
      valueName: "R",
      description: `re-hedge at the first out-of-sample day and every R-th after it (default ${DEFAULT_REBALANCE_INTERVAL}: daily)`,
    },
    format: { type: "string", valueName: "csv|json", description: "csv (default: the days, a blank line, statistics, a blank line, warnings) or json" },
  },
  details: `Input files (header names trimmed, any case):
  --history    as xvega volcorr reads it: a header of asset names, one row of vol levels per date, oldest first,
               optionally a date column first; a blank cell (or #N/A, NA, NaN, null) is a missing quote. Only the
               book's assets and the proxies are read: a gap or a bad cell in another column costs nothing
  --exposures  as xvega hedge reads it (asset and cash vega per vol point, netted by asset), held fixed

The backtest: Δ_0 … Δ_{M−1} are the absolute changes (vol points) between consecutive complete rows (no change spans
a gap). For each day k from the window to M − 1 the covariance is estimated from changes before k only (the sample
estimate over the last N changes, or with --lambda the EWMA over every earlier change), the hedge is xvega hedge's
under it (re-set every R days, held in between), and the day's P&L is unhedged = Σ vega·Δ, hedge = Σ hedge vega·Δ of
the proxies, hedged = their sum.

Output (stdout), CSV: date,unhedged_pnl,hedge_pnl,hedged_pnl,hedge BTC,… one row per out-of-sample day, where date is
the date of the change's later row as written in the file, or its line number (the header is line 1) when the file
has no date column; then a blank line and statistic,value rows: days, unhedged_sd, hedged_sd,
effectiveness_out_of_sample, effectiveness_in_sample, regression_slope, regression_r2, dollar_offset,
worst_hedged_pnl, worst_date, turnover; then a blank line and a table with the header warning and one row per warning
(the header alone when there is none). A statistic that is undefined (one day: no spread) is left empty, and standard
error says why. JSON: {"rows": [{"date", "unhedged_pnl", "hedge_pnl", "hedged_pnl", "hedge": {"BTC": …}}],
"stats": {…the statistics…}, "warnings": ["…"]}, an undefined statistic null.

Exit status: 0 backtested (warnings or not); 2 nothing printed: a bad value in a file, dates out of order, an asset
missing from the history, too little history for one out-of-sample day (the counts on stderr), proxies that are one
risk on a rebalance date; 1 unusable input (missing file or column, a bad option).

Example: ${PROGRAM_NAME} backtest --history dvol.csv --exposures book.csv --proxies BTC,ETH --window 60 --format json`,
  run: runBacktest,
};
