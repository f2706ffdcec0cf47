/*
 * Option values that are numbers or comma-separated lists (--ridge 0.05, --proxies BTC,ETH, --lot-sizes 0.1,1), read
 * with the same number rules as CSV fields. A bad value is unusable input (exit 1), named with its option.
 */
import { NumberField, isCellProblem, quoteField, readRequiredNumber } from "./cellParsing";
import { ParsedCommandLine, UnusableInputError } from "./subcommand";

function stringOption(commandLine: ParsedCommandLine, name: string): string | undefined {
  const value = commandLine.options[name];
  return typeof value === "string" ? value : undefined;
}

/** A number option; undefined when absent. `expected` says what it should be, e.g. "a ridge ≥ 0 such as 0.05". */
export function readNumberOption(commandLine: ParsedCommandLine, name: string, expected: string): number | undefined {
  const text = stringOption(commandLine, name);
  if (text === undefined) return undefined;
  const value = readRequiredNumber(text, { column: `--${name}`, expected, percentAllowed: false });
  if (isCellProblem(value)) throw new UnusableInputError(value.problem);
  return value;
}

/** A comma-separated list (items trimmed); undefined when absent. An empty item is refused, with `example` as the fix. */
export function readListOption(commandLine: ParsedCommandLine, name: string, itemName: string, example: string): string[] | undefined {
  const text = stringOption(commandLine, name);
  if (text === undefined) return undefined;
  const items = text.split(",").map((item) => item.trim());
  const blank = items.indexOf("");
  if (blank !== -1) {
    throw new UnusableInputError(
      `--${name} ${quoteField(text)} has an empty ${itemName} (item ${blank + 1}): separate the items with single commas, e.g. ${example}`,
    );
  }
  return items;
}

/** A comma-separated list of numbers; undefined when absent. */
export function readNumberListOption(commandLine: ParsedCommandLine, name: string, expected: string): number[] | undefined {
  const items = readListOption(commandLine, name, "number", `--${name} 150,9`);
  if (items === undefined) return undefined;
  const field: NumberField = { column: `--${name}`, expected, percentAllowed: false };
  return items.map((item, index) => {
    const value = readRequiredNumber(item, field);
    if (isCellProblem(value)) throw new UnusableInputError(`${value.problem} (item ${index + 1} of ${items.length})`);
    return value;
  });
}

/**
 * How vol changes are measured, as the command line says it: `abs` (vol-point differences) or `log` (ln of the ratio
 * of levels). The estimator calls them "absolute" and "log", the hedge "absolute" and "relative"; both spellings are
 * accepted here as well.
 */
export type ChangesWord = "abs" | "log";

export const CHANGES_WORDS: readonly ChangesWord[] = ["abs", "log"];

const CHANGES_ALIASES: ReadonlyMap<string, ChangesWord> = new Map([
  ["abs", "abs"],
  ["absolute", "abs"],
  ["log", "log"],
  ["relative", "log"],
]);

export function parseChangesWord(text: string): ChangesWord | null {
  return CHANGES_ALIASES.get(text.trim().toLowerCase()) ?? null;
}
