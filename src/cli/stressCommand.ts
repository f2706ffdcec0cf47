/*
 * `xvega stress --exposures BOOK.csv --corr CORR.csv --proxies BTC,ETH`: today's proxy hedge held while the
 * target–proxy correlations break down (or strengthen), by core's stressHedge: how much of the risk it still removes,
 * and how much the best hedge under the shifted correlations would. The command-line twin of XV.HEDGESTRESS.
 */
import { DEFAULT_CORRELATION_SHIFTS, stressHedge, type CorrelationStressResult } from "../core/backtest";
import { MAX_ABSOLUTE_SHIFT } from "../core/backtest/correlationStress";
import { CorrelationInputError } from "../core/correlation";
import { HedgeInputError } from "../core/hedge";
import { readAssetValues } from "./assetValuesFile";
import { changesMarkerOf, checkAbsoluteChangesMarkers } from "./changesMarker";
import { PROGRAM_NAME, readChoiceOption } from "./commandLine";
import { formatCsvTables } from "./csvSections";
import { OUTPUT_FORMATS, OutputCell, OutputFormat, parseOutputFormat, readInputFile } from "./csvTable";
import { ABSOLUTE_VOL_OF_VOL, BOOK_OPTIONS, forCommandLine, readBookExposures, readProxies, readRidge, refuseUnreadableValues, stringOptionValue } from "./hedgeInputs";
import { formatJsonDocument } from "./jsonOutput";
import { readMatrixFile } from "./matrixFile";
import { CLI_NEAREST_CORRELATION_DEFAULT_SECONDS } from "./nearcorrCommand";
import { readNumberListOption } from "./optionValues";
import { CliIo, EXIT_STATUS, ExitStatus, InputDataError, ParsedCommandLine, Subcommand, UnusableInputError } from "./subcommand";

const REFUSAL = "no stress run";
const WORK = "the stress";
const COLUMNS = ["shift", "held_effectiveness", "held_residual_sd", "reoptimised_effectiveness", "repaired"] as const;

/** --shifts: correlation shifts from −2 to 2; undefined when absent (the engine's default shifts). */
function readShifts(commandLine: ParsedCommandLine): number[] | undefined {
  const shifts = readNumberListOption(commandLine, "shifts", `a correlation shift from -${MAX_ABSOLUTE_SHIFT} to ${MAX_ABSOLUTE_SHIFT}, such as -0.2`);
  shifts?.forEach((shift, index) => {
    if (Math.abs(shift) > MAX_ABSOLUTE_SHIFT) {
      throw new UnusableInputError(
        `--shifts item ${index + 1} is ${shift}: a shift is added to the target–proxy correlations and must be from -${MAX_ABSOLUTE_SHIFT} to ${MAX_ABSOLUTE_SHIFT} (-0.3 = they fall by 0.3)`,
      );
    }
  });
  return shifts;
}

function formatStress(format: OutputFormat, result: CorrelationStressResult, warnings: readonly string[]): string {
  const rows = result.rows.map((row) => [row.shift, row.heldEffectiveness, row.heldResidualSd, row.reoptimisedEffectiveness, row.repaired] as const);
  if (format === "csv") {
    const table: OutputCell[][] = [[...COLUMNS], ...rows.map(([shift, held, residual, reoptimised, repaired]) => [shift, held, residual, reoptimised, repaired ? "true" : "false"])];
    return formatCsvTables([table, [["warning"], ...warnings.map((warning) => [warning])]]);
  }
  const document = {
    rows: rows.map((row) => Object.fromEntries(COLUMNS.map((column, index) => [column, row[index] as number | boolean]))),
    warnings: [...warnings],
  };
  return formatJsonDocument(document);
}

function runStress(commandLine: ParsedCommandLine, io: CliIo): ExitStatus {
  const format = readChoiceOption(commandLine, "format", OUTPUT_FORMATS, parseOutputFormat, "csv");
  const proxies = readProxies(commandLine);
  const ridge = readRidge(commandLine);
  const shifts = readShifts(commandLine);
  const { path: exposuresPath, exposures } = readBookExposures(commandLine, io);
  const corrPath = stringOptionValue(commandLine, "corr") ?? "";
  const matrix = readMatrixFile(readInputFile(io, corrPath), corrPath, true);
  const volvolPath = stringOptionValue(commandLine, "volvol");
  const volOfVols = volvolPath === undefined ? undefined : readAssetValues(readInputFile(io, volvolPath), volvolPath, ABSOLUTE_VOL_OF_VOL, true);
  // Absolute changes only: a matrix of log-change correlations would size vegas per vol point wrongly, without an error.
  const markerNote = checkAbsoluteChangesMarkers(
    [
      { option: "--corr", path: corrPath, changes: changesMarkerOf(matrix.corner) },
      ...(volOfVols === undefined || volvolPath === undefined ? [] : [{ option: "--volvol", path: volvolPath, changes: volOfVols.changes }]),
    ],
    WORK,
  );
  refuseUnreadableValues(REFUSAL, exposures, exposuresPath, [...matrix.problems, ...(volOfVols?.problems ?? [])]);

  let result: CorrelationStressResult;
  try {
    result = stressHedge({
      targets: exposures.values.map(({ asset, value }) => ({ asset, vegaPerVolPoint: value })),
      proxies,
      correlation: { assets: matrix.names ?? [], values: matrix.values },
      volOfVols: volOfVols?.values,
      ridge,
      shifts,
      // A shifted matrix that is not positive semidefinite is repaired as xvega nearcorr repairs, with its time cap.
      repairOptions: { timeBudgetMilliseconds: CLI_NEAREST_CORRELATION_DEFAULT_SECONDS * 1000 },
    });
  } catch (error) {
    if (error instanceof HedgeInputError || error instanceof CorrelationInputError) throw new InputDataError([forCommandLine(error.message, corrPath)], REFUSAL);
    throw error;
  }
  const warnings = result.warnings.map((warning) => forCommandLine(warning.message, corrPath));
  io.stdout(formatStress(format, result, warnings));
  const notes = [...(markerNote === null ? [] : [markerNote]), ...warnings.map((warning) => `warning: ${warning}`)];
  if (notes.length > 0) io.stderr(notes.map((note) => `${PROGRAM_NAME} stress: ${note}\n`).join(""));
  return EXIT_STATUS.ok;
}

export const stressCommand: Subcommand = {
  name: "stress",
  summary: "Today's proxy hedge held while target–proxy correlations shift, against the re-optimised hedge, like XV.HEDGESTRESS.",
  operands: [],
  options: {
    ...BOOK_OPTIONS,
    corr: {
      type: "string",
      valueName: "FILE.csv",
      required: true,
      description: "today's correlations of absolute daily vol changes: a labelled square matrix (as xvega hedge reads it)",
    },
    volvol: {
      type: "string",
      valueName: "FILE.csv",
      description: "columns asset, volvol: std. dev. of daily vol changes in vol points (without it every asset moves alike, s = 1)",
    },
    proxies: { type: "string", valueName: "BTC,ETH", required: true, description: "the assets to hedge with, comma-separated" },
    shifts: {
      type: "string",
      valueName: "-0.5,-0.2,0",
      negativeNumbers: true,
      description: `added to every target–proxy correlation, one row each (default ${DEFAULT_CORRELATION_SHIFTS.join(",")})`,
    },
    ridge: { type: "string", valueName: "X", description: "ridge λ ≥ 0 (default 0), as xvega hedge's; the re-optimised hedge uses it too" },
    format: { type: "string", valueName: "csv|json", description: "csv (default: the rows, a blank line, warnings) or json (one object)" },
  },
  details: `Input files as xvega hedge reads them (--exposures, --corr, --volvol; volcorr's output can be given as it is).
The stress works on absolute vol changes (vol points): a --corr or --volvol file marked log in its top-left cell is
refused.

Today's hedge h is xvega hedge's. For each shift d: d is added to every correlation between a target (a book asset
that is not a proxy) and a proxy, clipped to [−1, 1]; a result that is not positive semidefinite (smallest
eigenvalue below −1e-10) is replaced by its nearest correlation matrix (as xvega nearcorr, at most
${CLI_NEAREST_CORRELATION_DEFAULT_SECONDS} s) and the row says repaired. Σ′ = diag(s)·R′·diag(s) with the same vol-of-vols.
held_effectiveness = 1 − wᵀΣ′w / vᵀΣ′v with w = book + h (not clamped: below 0 the held hedge adds risk),
held_residual_sd = √(wᵀΣ′w), reoptimised_effectiveness = the best hedge's under Σ′ (same ridge). Shift 0 repeats
today's hedge statistics.

Output (stdout), CSV: shift,held_effectiveness,held_residual_sd,reoptimised_effectiveness,repaired (true/false), one
row per shift in the order given; then a blank line and a table with the header warning and one row per warning (the
header alone when there is none). JSON: {"rows": [{"shift", "held_effectiveness", "held_residual_sd",
"reoptimised_effectiveness", "repaired"}], "warnings": ["…"]}. Warnings also go to stderr.

Shifts that start with a minus sign may be given as --shifts -0.5,-0.2,0 or --shifts=-0.5,-0.2,0.

Exit status: 0 stressed; 2 nothing printed: a bad value in a file, an asset missing from the matrix or vol-of-vols,
an invalid matrix, singular proxies, a repair that did not converge in time; 1 unusable input (missing file or
column, a file marked log, a bad option or shift).

Example: ${PROGRAM_NAME} stress --exposures book.csv --corr corr.csv --volvol volvol.csv --proxies BTC --shifts -0.5,-0.2,0`,
  run: runStress,
};
