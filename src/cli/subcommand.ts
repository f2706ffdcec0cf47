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
  /**
   * Optional: the file's bytes in chunks (fs.createReadStream in the process; failing as it does). When given, the
   * row-by-row commands (vega, iv, greeks) stream: they read, compute and write a chunk at a time, asynchronously, so
   * that memory stays flat however long the file. Without it they read the whole file with readFile and run
   * synchronously (the in-process tests). The output is the same either way. Streaming reads the file twice (a check,
   * then the work), so openFile gives null for what cannot be read twice (a pipe such as `<(zcat book.csv.gz)`): such
   * input is read whole with readFile, as before.
   */
  openFile?: (path: string) => AsyncIterable<Uint8Array> | null;
  /**
   * Optional, with openFile: streamed files of at least `minimumBytes` are parsed, computed and formatted by `count`
   * worker threads (the compiled src/cli/rowWorker.js), a run of whole records each, their output written in order.
   */
  rowWorkers?: { count: number; minimumBytes: number };
  /** Optional: resolves when stdout has room for more (after a "drain"), so that a streaming command waits for its reader. */
  stdoutDrained?: () => Promise<void>;
}

/** Exit statuses, the same for every subcommand. */
export const EXIT_STATUS = {
  /** Everything computed. */
  ok: 0,
  /**
   * Nothing computed: missing file, unreadable CSV, missing column, a matrix file of the wrong shape, bad option.
   * A message and the usage are on stderr.
   */
  unusableInput: 1,
  /**
   * The input was read but some of its values failed. Row-by-row commands (vega) print every row, the failed ones with
   * an error instead of a result. Commands that compute one answer from the whole input (hedge, volcorr) print
   * nothing and name every bad row, or the data check that failed, on stderr (see `InputDataError`).
   */
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

/**
 * Thrown when the command line and the files were usable but the values in them allow no result: bad numbers in
 * rows, an asset missing from the matrix, too short a history (exit status 2, nothing on stdout). `problems` are
 * one-line messages, each naming the file, line or asset concerned; main.ts prints one per line, prefixed with the
 * command name, then `summary` when there is one.
 */
export class InputDataError extends Error {
  override readonly name = "InputDataError";
  readonly problems: readonly string[];
  readonly summary: string | null;

  constructor(problems: readonly string[], summary: string | null = null) {
    super(problems.join("; "));
    this.problems = problems;
    this.summary = summary;
  }
}

/** One `--name` option. Every subcommand also gets `--help` / `-h` without declaring it. */
export interface CommandOption {
  type: "string" | "boolean";
  short?: string;
  /** What the value looks like in the usage text, e.g. "point|unit" (string options only). */
  valueName?: string;
  /** A string option the command cannot run without (shown without brackets in the usage). */
  required?: boolean;
  /**
   * A string option whose value may be negative numbers: `--shifts -0.5,-0.2,0` is then taken as written, as well
   * as `--shifts=-0.5,-0.2,0` (otherwise a value starting with a dash must be joined with =).
   */
  negativeNumbers?: boolean;
  description: string;
}

/** One positional argument; a subcommand takes exactly the ones it declares. */
export interface CommandOperand {
  name: string;
  description: string;
  /** The last operand may be given more than once (`check FILE ...`). */
  repeats?: boolean;
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
   * Does the work. Throws UnusableInputError for input it cannot use, InputDataError for values that allow no
   * result; returns `ok` or `rowsFailed` otherwise. Writes all of stdout itself; may add notes and warnings on stderr.
   */
  run: (commandLine: ParsedCommandLine, io: CliIo) => ExitStatus | Promise<ExitStatus>;
}
