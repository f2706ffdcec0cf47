/*
 * `xvega volcorr HISTORY.csv`: correlations and vol-of-vols of daily implied-vol changes estimated from a history of
 * vol levels (DOMAIN.md §3), sample or EWMA, by core's estimateVolCorrelation. Its CSV output is what `xvega hedge`
 * reads as --corr and as --volvol. The command-line twin of XV.VOLCORR.
 */
import { CorrelationInputError, HistoryOrder, VolCorrelationEstimate, estimateVolCorrelation } from "../core/correlation";
import { PROGRAM_NAME, readChoiceOption } from "./commandLine";
import { CsvLine, countOf, formatCsvTables, listForMessage } from "./csvSections";
import { OUTPUT_FORMATS, OutputFormat, parseOutputFormat, readInputFile } from "./csvTable";
import { ReadHistory, describeHistoryRow, historyOrderNotes, readHistoryFile, readLambdaOption } from "./historyInput";
import { formatJsonDocument } from "./jsonOutput";
import { matrixRows } from "./matrixFile";
import { CHANGES_WORDS, ChangesWord, parseChangesWord } from "./optionValues";
import { CliIo, EXIT_STATUS, ExitStatus, InputDataError, ParsedCommandLine, Subcommand } from "./subcommand";

/** The file lines of the rows skipped for gaps, and each as a message shows it: "2025-01-04 (line 5)", or "line 5" undated. */
function skippedRows(read: ReadHistory, estimate: VolCorrelationEstimate): { lines: number[]; described: string[] } {
  const positions = estimate.incompleteLevelRows.filter((position) => read.rows[position] !== undefined);
  return { lines: positions.map((position) => (read.rows[position] as CsvLine).line), described: positions.map((position) => describeHistoryRow(read, position)) };
}

function formatEstimate(
  format: OutputFormat,
  estimate: VolCorrelationEstimate,
  changes: ChangesWord,
  order: HistoryOrder,
  skippedLines: number[],
): string {
  if (format === "csv") {
    // The top-left cell of each table says which changes it describes, as XV.VOLCORR's spill does (xvega hedge checks it).
    const volvols = [[changes, "volvol"], ...estimate.assets.map((asset, index) => [asset, estimate.volOfVols[index] ?? null])];
    return formatCsvTables([matrixRows(estimate.assets, estimate.correlation, changes), volvols]);
  }
  const document = {
    names: estimate.assets,
    correlation: estimate.correlation,
    volvols: estimate.volOfVols,
    changes,
    method: estimate.method,
    lambda: estimate.lambda,
    rows_used: estimate.levelRowCount - estimate.incompleteLevelRows.length,
    rows_skipped: estimate.incompleteLevelRows.length,
    skipped_lines: skippedLines,
    daily_changes: estimate.changeCount,
    order: order === "newestFirst" ? "newest_first" : "oldest_first",
    warnings: estimate.warnings.map((warning) => ({ code: warning.code, message: warning.message })),
  };
  return formatJsonDocument(document);
}

function runVolcorr(commandLine: ParsedCommandLine, io: CliIo): ExitStatus {
  const format = readChoiceOption(commandLine, "format", OUTPUT_FORMATS, parseOutputFormat, "csv");
  const changes = readChoiceOption(commandLine, "changes", CHANGES_WORDS, parseChangesWord, "abs");
  const lambda = readLambdaOption(commandLine);
  const path = commandLine.operands[0] ?? "";
  const read = readHistoryFile(readInputFile(io, path), path, { refusal: "no correlations estimated" });
  let estimate: VolCorrelationEstimate;
  try {
    estimate = estimateVolCorrelation(read.history, {
      changes: changes === "log" ? "log" : "absolute",
      ...(lambda === undefined ? { method: "sample" } : { method: "ewma", lambda }),
    });
  } catch (error) {
    if (error instanceof CorrelationInputError) throw new InputDataError([`${path}: ${error.message}`], "no correlations estimated");
    throw error;
  }
  const skipped = skippedRows(read, estimate);
  io.stdout(formatEstimate(format, estimate, changes, read.history.order ?? "oldestFirst", skipped.lines));
  const notes = historyOrderNotes(read);
  if (skipped.lines.length > 0) {
    notes.push(
      `note: skipped ${countOf(skipped.lines.length, "row")} with gaps: ${listForMessage(skipped.described)}; ` +
        `estimated from ${countOf(estimate.changeCount, "daily change")} over ${countOf(estimate.levelRowCount, "row")}`,
    );
  }
  for (const warning of estimate.warnings) notes.push(`warning: ${warning.message}`);
  if (notes.length > 0) io.stderr(notes.map((note) => `${PROGRAM_NAME} volcorr: ${note}\n`).join(""));
  return EXIT_STATUS.ok;
}

export const volcorrCommand: Subcommand = {
  name: "volcorr",
  summary: "Correlations and vol-of-vols of daily implied-vol changes from a history of vol levels, like XV.VOLCORR.",
  operands: [{ name: "HISTORY.csv", description: "one row per date, oldest first; a header of asset names, optionally a date column first" }],
  options: {
    lambda: { type: "string", valueName: "0.94", description: "EWMA with this daily decay (RiskMetrics: 0.94); without it, the sample estimate" },
    changes: { type: "string", valueName: "abs|log", description: "abs (default): vol-point differences; log: ln(level / previous level)" },
    format: { type: "string", valueName: "csv|json", description: "csv (default: the matrix, a blank line, asset,volvol) or json (one object)" },
  },
  details: `Input: a header of asset names, then one row of implied-vol levels per date, oldest first (ISO dates that
fall are read newest first). The first column is dates, not an asset, when its header is blank or names dates (date,
day, time, timestamp, as of, …) or its values are text. A blank cell (or #N/A, NA, NaN, null) is a missing quote: the
row is skipped, with the daily changes into and out of it (no change spans two days), and counted on stderr.

Output (stdout), CSV: the labelled correlation matrix (abs,BTC,ETH / BTC,1,ρ / …), a blank line, then the
vol-of-vols (abs,volvol / BTC,2.1 / …: standard deviation of daily changes, vol points per day with abs, log units per
day with log). The top-left cell of each table is the kind of changes, abs or log, as in XV.VOLCORR's spill. This file
can be given as it is to ${PROGRAM_NAME} hedge --corr and --volvol, which refuse it if --changes says otherwise. JSON: {"names", "correlation", "volvols", "changes",
"method", "lambda", "rows_used", "rows_skipped", "skipped_lines", "daily_changes", "order", "warnings"}.

Estimators: sample (mean removed, divisor n − 1), or EWMA (zero mean, weights λ^age normalised to sum to 1).

Exit status: 0 estimated; 2 nothing printed: a level that is not a number, dates out of order, fewer than 2 complete
daily changes (the counts found and needed on stderr), an asset that never moved, a level ≤ 0 with log changes;
1 unusable input (missing file, no asset columns, a column name given twice, a bad option).

Example: ${PROGRAM_NAME} volcorr dvol.csv --lambda 0.94 > estimate.csv`,
  run: runVolcorr,
};
