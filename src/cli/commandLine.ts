/*
 * Strict command-line parsing (Node's util.parseArgs) and the usage texts built from a subcommand's declaration, so
 * that every subcommand rejects unknown options the same way and its help never drifts from what it accepts.
 */
import { parseArgs, type ParseArgsConfig } from "util";
import { CommandOption, ParsedCommandLine, Subcommand, UnusableInputError } from "./subcommand";

export const PROGRAM_NAME = "xvega";

type ParseArgsOptions = NonNullable<ParseArgsConfig["options"]>;

const HELP_OPTION: CommandOption = { type: "boolean", short: "h", description: "print this help and exit" };

/** The first sentence of a parseArgs error ("Unknown option '--foo'"), which is all a user needs. */
function firstSentence(message: string): string {
  const line = message.split("\n")[0] ?? message;
  const end = line.search(/\.(\s|$)/);
  return end === -1 ? line : line.slice(0, end);
}

function toParseArgsOptions(options: Readonly<Record<string, CommandOption>>): ParseArgsOptions {
  const config: ParseArgsOptions = {};
  for (const [name, option] of Object.entries(options)) {
    config[name] = option.short === undefined ? { type: option.type } : { type: option.type, short: option.short };
  }
  return config;
}

type ParseArgsToken = NonNullable<ReturnType<typeof parseArgs>["tokens"]>[number];

/**
 * An option given twice (`--format csv --format json`) is refused rather than silently taking the last: the user meant
 * one of them, and only they know which. -h and --help count as the same option.
 */
function refuseRepeatedOptions(tokens: readonly ParseArgsToken[] | undefined): void {
  const seen = new Map<string, string>();
  for (const token of tokens ?? []) {
    if (token.kind !== "option") continue;
    const given = token.value === undefined ? token.rawName : `${token.rawName} ${token.value}`;
    const first = seen.get(token.name);
    if (first !== undefined) {
      throw new UnusableInputError(`option --${token.name} is given twice (${first}, then ${given}): give it once`);
    }
    seen.set(token.name, given);
  }
}

/** Numbers separated by commas, the first negative: "-0.5", "-0.5,-0.2,0", "-1e-3". */
const NEGATIVE_NUMBER_LIST = /^-(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?(?:\s*,\s*[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)*$/;

/**
 * `--name -0.5,0` as `--name=-0.5,0` for the options declared `negativeNumbers`: parseArgs would take the value for
 * an option and refuse it. Only a value that reads as numbers is joined, so `--shifts --format json` still fails.
 */
function joinNegativeNumberValues(args: readonly string[], options: Readonly<Record<string, CommandOption>>): string[] {
  const joined: string[] = [];
  for (let index = 0; index < args.length; index++) {
    const argument = args[index] as string;
    const next = args[index + 1];
    const name = argument.startsWith("--") ? argument.slice(2) : null;
    if (argument === "--") {
      joined.push(...args.slice(index));
      break;
    }
    if (name !== null && options[name]?.negativeNumbers === true && next !== undefined && NEGATIVE_NUMBER_LIST.test(next.trim())) {
      joined.push(`${argument}=${next}`);
      index++;
    } else {
      joined.push(argument);
    }
  }
  return joined;
}

/**
 * Parses `args` (what follows the command's name) against `options`, strictly: an unknown option, a missing option
 * value, a value given to a flag or an option given twice throws UnusableInputError with a one-line message. Operands
 * are returned as given; counting them is the caller's business (see `parseSubcommandLine`).
 */
export function parseStrict(args: readonly string[], options: Readonly<Record<string, CommandOption>>): ParsedCommandLine {
  try {
    const parsed = parseArgs({ args: joinNegativeNumberValues(args, options), options: toParseArgsOptions(options), allowPositionals: true, strict: true, tokens: true });
    refuseRepeatedOptions(parsed.tokens);
    const values: Record<string, string | boolean | undefined> = {};
    for (const [name, value] of Object.entries(parsed.values)) {
      // No option is declared `multiple`, so arrays cannot occur; keep the type honest anyway.
      values[name] = Array.isArray(value) ? value[value.length - 1] : value;
    }
    return { options: values, operands: parsed.positionals };
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (typeof code === "string" && code.startsWith("ERR_PARSE_ARGS_")) {
      const fullMessage = (error as Error).message;
      let message = firstSentence(fullMessage);
      // "--ridge -1": parseArgs takes -1 for an option; its own hint is in a later sentence.
      const dashed = /use '(--[^=']+)=-XYZ'/.exec(fullMessage);
      if (dashed) message += `: to give a value that starts with a dash, join it with =, as in ${dashed[1]}=-1`;
      throw new UnusableInputError(message.charAt(0).toLowerCase() + message.slice(1));
    }
    throw error;
  }
}

/**
 * A subcommand's command line: `"help"` when -h/--help is given (even beside other options), otherwise the parsed
 * options and exactly the operands it declares.
 */
export function parseSubcommandLine(command: Subcommand, args: readonly string[]): ParsedCommandLine | "help" {
  const parsed = parseStrict(args, { ...command.options, help: HELP_OPTION });
  if (parsed.options.help === true) return "help";
  const expected = command.operands.length;
  const repeats = command.operands[expected - 1]?.repeats === true;
  if (repeats ? parsed.operands.length < expected : parsed.operands.length !== expected) {
    const got = parsed.operands.length === 0 ? "none" : parsed.operands.map((operand) => `"${operand}"`).join(" ");
    if (expected === 0) throw new UnusableInputError(`expected no arguments, only options, got ${got}`);
    const names = command.operands.map((operand) => operand.name).join(" ");
    throw new UnusableInputError(`expected ${expected === 1 ? "one argument" : `${expected} arguments`} ${names}, got ${got}`);
  }
  const missing = Object.entries(command.options).filter(([name, option]) => option.required === true && parsed.options[name] === undefined);
  if (missing.length > 0) {
    const list = missing.map(([name, option]) => optionSynopsis(name, option)).join(", ");
    throw new UnusableInputError(`missing required ${missing.length === 1 ? "option" : "options"} ${list}`);
  }
  return parsed;
}

/**
 * Reads a string option whose value is one of a fixed set of words (any case); `fallback` when the option is absent.
 * @param parse returns the canonical word, or null for an unknown one (core's parseVegaUnit has this shape)
 */
export function readChoiceOption<T extends string>(
  commandLine: ParsedCommandLine,
  name: string,
  choices: readonly T[],
  parse: (text: string) => T | null,
  fallback: T,
): T {
  const value = commandLine.options[name];
  if (value === undefined) return fallback;
  const choice = typeof value === "string" ? parse(value) : null;
  if (choice === null) throw new UnusableInputError(`--${name} "${String(value)}" is not one of ${choices.join(", ")}`);
  return choice;
}

function optionSynopsis(name: string, option: CommandOption): string {
  return option.type === "string" ? `--${name} ${option.valueName ?? "VALUE"}` : `--${name}`;
}

/** "xvega vega FILE.csv [--unit point|unit] [--format csv|json]"; required options come first, without brackets. */
export function synopsis(command: Subcommand): string {
  const parts = [PROGRAM_NAME, command.name, ...command.operands.map((operand) => operand.name)];
  const options = Object.entries(command.options);
  for (const [name, option] of options) if (option.required === true) parts.push(optionSynopsis(name, option));
  for (const [name, option] of options) if (option.required !== true) parts.push(`[${optionSynopsis(name, option)}]`);
  return parts.join(" ");
}

/** The short usage printed after an error on stderr. */
export function shortUsage(command: Subcommand): string {
  return `usage: ${synopsis(command)}\nRun "${PROGRAM_NAME} ${command.name} --help" for details.\n`;
}

function describeEntries(entries: readonly (readonly [string, string])[]): string {
  const width = Math.max(...entries.map(([label]) => label.length));
  return entries.map(([label, description]) => `  ${label.padEnd(width)}  ${description}`).join("\n");
}

/** The full help of `xvega NAME --help`. */
export function fullHelp(command: Subcommand): string {
  const options = { ...command.options, help: HELP_OPTION };
  const optionEntries = Object.entries(options).map(
    ([name, option]) => [(option.short ? `-${option.short}, ` : "") + optionSynopsis(name, option), option.description] as const,
  );
  const operandEntries = command.operands.map((operand) => [operand.name, operand.description] as const);
  const sections = [`usage: ${synopsis(command)}`, command.summary];
  if (operandEntries.length > 0) sections.push(`Arguments:\n${describeEntries(operandEntries)}`);
  sections.push(`Options:\n${describeEntries(optionEntries)}`);
  if (command.details) sections.push(command.details.trimEnd());
  return `${sections.join("\n\n")}\n`;
}
