/*
 * What the commands that size a proxy hedge (hedge, backtest, stress) read alike: the book (--exposures, with
 * --vega-column), the proxies, the ridge, the vol-of-vols field, and the engine's messages in command-line words.
 */
import { assetKey } from "../core/correlation";
import { MAX_RIDGE } from "../core/hedge/hedgeInputs";
import { AssetValuesReading, readAssetValueLines } from "./assetValuesFile";
import { chooseBookVegaColumn } from "./bookVegaColumn";
import { NumberField } from "./cellParsing";
import { PROGRAM_NAME } from "./commandLine";
import { countOf, readCsvLines } from "./csvSections";
import { readInputFile } from "./csvTable";
import { readListOption, readNumberOption } from "./optionValues";
import { CliIo, CommandOption, InputDataError, ParsedCommandLine, UnusableInputError } from "./subcommand";

const EXPOSURE_VEGA_EXPECTED = "the row's cash vega per vol point (e.g. USD per vol point, negative when short vol)";

export const VOL_OF_VOL: NumberField = {
  column: "volvol",
  expected: "the standard deviation of the asset's daily vol changes (vol points per day; log units with --changes log), ≥ 0",
  percentAllowed: false,
};

/** The vol-of-vols of a command that works on absolute vol changes only (no --changes option). */
export const ABSOLUTE_VOL_OF_VOL: NumberField = {
  column: "volvol",
  expected: "the standard deviation of the asset's daily vol changes, vol points per day, ≥ 0",
  percentAllowed: false,
};

/** The declarations of --exposures and --vega-column, the same in every command that reads a book. */
export const BOOK_OPTIONS: Readonly<Record<"exposures" | "vega-column", CommandOption>> = {
  exposures: {
    type: "string",
    valueName: "FILE.csv",
    required: true,
    description: "the book: columns asset, vega (cash vega per vol point) or position_vega; rows netted by asset",
  },
  "vega-column": {
    type: "string",
    valueName: "NAME",
    description: "the --exposures column holding each row's cash vega (default: position_vega if present, else vega)",
  },
};

export function stringOptionValue(commandLine: ParsedCommandLine, name: string): string | undefined {
  const value = commandLine.options[name];
  return typeof value === "string" ? value : undefined;
}

/** --proxies: the assets to hedge with, in order; a name given twice (ignoring case) is refused. */
export function readProxies(commandLine: ParsedCommandLine): string[] {
  const proxies = readListOption(commandLine, "proxies", "proxy", "--proxies BTC,ETH") ?? [];
  const seen = new Set<string>();
  for (const proxy of proxies) {
    if (seen.has(assetKey(proxy))) throw new UnusableInputError(`--proxies names ${proxy} twice (names are compared ignoring case): keep one`);
    seen.add(assetKey(proxy));
  }
  return proxies;
}

export function readRidge(commandLine: ParsedCommandLine): number | undefined {
  const ridge = readNumberOption(commandLine, "ridge", `a ridge from 0 to ${MAX_RIDGE}, such as 0.05`);
  if (ridge !== undefined && !(ridge >= 0 && ridge <= MAX_RIDGE)) {
    throw new UnusableInputError(`--ridge ${ridge} must be from 0 (none) to ${MAX_RIDGE}; 0.05 shrinks an unstable hedge a little`);
  }
  return ridge;
}

/**
 * The book of --exposures: each row's cash vega from the column bookVegaColumn.ts chooses (--vega-column,
 * position_vega, vega). Bad rows are in `problems`, for the command to refuse the whole book.
 */
export function readBookExposures(commandLine: ParsedCommandLine, io: CliIo): { path: string; exposures: AssetValuesReading } {
  const path = stringOptionValue(commandLine, "exposures") ?? "";
  const lines = readCsvLines(readInputFile(io, path), path);
  const vegaColumn = chooseBookVegaColumn(lines, stringOptionValue(commandLine, "vega-column"), path);
  const field: NumberField = { column: vegaColumn, expected: EXPOSURE_VEGA_EXPECTED, percentAllowed: false };
  return { path, exposures: readAssetValueLines(lines, path, field) };
}

/**
 * Throws InputDataError naming every bad value, the book's first, when there is one: nothing is computed on part of a
 * book, which would hedge the wrong risk.
 * @param refusal what is not done: "no hedge computed"
 */
export function refuseUnreadableValues(refusal: string, exposures: AssetValuesReading, exposuresPath: string, otherProblems: readonly string[]): void {
  const problems = [...exposures.problems, ...otherProblems];
  if (problems.length === 0) return;
  const summary =
    otherProblems.length === 0
      ? `${refusal}: ${problems.length} of ${exposures.rowCount} rows of ${exposuresPath} are unusable, and a hedge of part of the book would hedge the wrong risk; fix them and run again`
      : `${refusal}: ${countOf(problems.length, "value")} above cannot be read; fix them and run again`;
  throw new InputDataError(problems, summary);
}

/** Engine messages name the Excel repair function; on the command line the twin is `xvega nearcorr`. */
export function forCommandLine(message: string, corrPath: string): string {
  return message.replace(/XV\.NEARCORR/g, `${PROGRAM_NAME} nearcorr ${corrPath}`).replace(/XV\.VOLOFVOL/g, `${PROGRAM_NAME} volcorr`);
}
