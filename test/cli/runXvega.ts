/* Runs the CLI in-process, on fixtures or on files held in memory, and reads its output back. */
import { readFileSync } from "fs";
import { join } from "path";
import { parse } from "csv-parse/sync";
import { runCli, runCliAsync } from "../../src/cli/main";

export const FIXTURE_DIRECTORY = join(__dirname, "..", "fixtures", "cli");

export function fixture(name: string): string {
  return join(FIXTURE_DIRECTORY, name);
}

export interface CliRun {
  status: number;
  stdout: string;
  stderr: string;
}

/** `xvega ...argv`; paths found in `files` read from memory, all others from disk. */
export function runXvega(argv: string[], files: Readonly<Record<string, string>> = {}): CliRun {
  let stdout = "";
  let stderr = "";
  const status = runCli(argv, {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    readFile: (path) => files[path] ?? readFileSync(path, "utf8"),
  });
  return { status, stdout, stderr };
}

/** As runXvega, for every subcommand including `check`, which reads workbooks asynchronously. */
export async function runXvegaAsync(argv: string[], files: Readonly<Record<string, string>> = {}): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const status = await runCliAsync(argv, {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    readFile: (path) => files[path] ?? readFileSync(path, "utf8"),
  });
  return { status, stdout, stderr };
}

/** CSV output as one object per row, keyed by the header. */
export function csvRecords(text: string): Record<string, string>[] {
  return parse(text, { columns: true });
}

/** The header line of CSV output, as names. */
export function csvHeader(text: string): string[] {
  const [header] = parse(text, { to_line: 1 }) as string[][];
  return header ?? [];
}

/** A value read from a record, failing the test when the column is absent. */
export function field(record: Record<string, string> | undefined, column: string): string {
  const value = record?.[column];
  if (value === undefined) throw new Error(`no column ${column} in ${JSON.stringify(record)}`);
  return value;
}
