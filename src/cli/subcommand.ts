/*
 * What every subcommand of `xvega` is made of. main.ts holds the table of subcommands and does everything they share
 * (parsing the command line strictly, --help, exit statuses, error messages); a subcommand only reads its input and
 * writes its output.
 */

/** The process around the CLI, passed in so that the whole CLI runs in-process in tests. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** The file's text (UTF-8); throws as fs.readFileSync does. */
  readFile: (path: string) => string;
}

/** Exit statuses, the same for every subcommand. */
export const EXIT_STATUS = {
  /** Every row computed. */
  ok: 0,
  /** Nothing computed: missing file, unreadable CSV, missing column, bad option. A message is on stderr. */
  unusableInput: 1,
  /** Output printed for every row, but some rows carry an error instead of a result. */
  rowsFailed: 2,
} as const;

export type ExitStatus = (typeof EXIT_STATUS)[keyof typeof EXIT_STATUS];

/**
 * Thrown for input the command cannot use at all (exit status 1). The message is one line saying what is wrong and
 * with which value; main.ts prefixes the command name and adds the usage text.
 */
export class UnusableInputError extends Error {
  override readonly name = "UnusableInputError";
}

/** One `--name` option. Every subcommand also gets `--help` / `-h` without declaring it. */
export interface CommandOption {
  type: "string" | "boolean";
  short?: string;
  /** What the value looks like in the usage text, e.g. "point|unit" (string options only). */
  valueName?: string;
  description: string;
}

/** One positional argument; a subcommand takes exactly the ones it declares. */
export interface CommandOperand {
  name: string;
  description: string;
}

/** The command line after strict parsing: option values by long name (undefined when not given), then operands. */
export interface ParsedCommandLine {
  options: Readonly<Record<string, string | boolean | undefined>>;
  operands: readonly string[];
}

export interface Subcommand {
  /** The word after `xvega`. */
  name: string;
  /** One line for `xvega --help`. */
  summary: string;
  operands: readonly CommandOperand[];
  options: Readonly<Record<string, CommandOption>>;
  /** Further paragraphs of `xvega NAME --help` (input columns, output, exit statuses). */
  details: string;
  /**
   * Does the work. Throws UnusableInputError for input it cannot use; returns `ok` or `rowsFailed` otherwise.
   * Writes all of stdout itself; may add a one-line note on stderr.
   */
  run: (commandLine: ParsedCommandLine, io: CliIo) => ExitStatus;
}
