/*
 * What the row-by-row commands (vega, iv, greeks) share: every input row gives one output row (the input columns that
 * pass through, then the computed ones and error), written in the chosen format as the file is read
 * (csvRecordStream.ts), and the exit status says whether any row failed. On a large file in the real process, runs of
 * whole records are parsed, computed and formatted by worker threads (rowWorker.ts), their text written in order.
 */
import { PROGRAM_NAME } from "./commandLine";
import { OutputCell, OutputFormat } from "./csvTable";
import { RecordDelimiterText } from "./csvChunkParser";
import { BatchProcessor, transformCsvFile } from "./csvRecordStream";
import { RowBatchPool } from "./rowBatchPool";
import { RowTableWriter } from "./rowTableOutput";
import { CliIo, EXIT_STATUS, ExitStatus, ParsedCommandLine } from "./subcommand";

/** How a command turns rows into results, once it has seen the header. */
export interface RowComputation {
  /** The output header: the pass-through input columns, then the computed ones. */
  header: readonly string[];
  /** The output row of one data record, and whether it failed (its error column says why). */
  computeRow(record: readonly string[]): { row: OutputCell[]; failed: boolean };
}

/** A row-by-row command as its command line asks for it: enough for a worker thread to build the same computation. */
export interface RowCommandSpec {
  /** The subcommand's name (vega, iv, greeks): rowCommands.ts finds it again in a worker. */
  name: string;
  commandLine: ParsedCommandLine;
  path: string;
  format: OutputFormat;
  /** Reads the header (throwing UnusableInputError for missing or repeated columns); says how to compute each row. */
  plan: (header: readonly string[]) => RowComputation;
}

/** A batch of rows computed and formatted: its text (JSON rows each after ",\n"), its row and failure counts. */
export interface RowBatchResult {
  output: string;
  rows: number;
  failures: number;
}

/** Computes and formats the records of one batch, continuing a table (rowTableOutput.ts's `continuing`). */
export function computeRowBatch(computation: RowComputation, writer: RowTableWriter, records: readonly (readonly string[])[]): RowBatchResult {
  // Each row is written as soon as it is computed: nothing of a row outlives its line of text.
  let output = "";
  let failures = 0;
  for (const record of records) {
    const result = computation.computeRow(record);
    if (result.failed) failures++;
    output += writer.row(result.row);
  }
  return { output, rows: records.length, failures };
}

/**
 * Runs a row-by-row command on the CSV file `spec.path`. Returns rowsFailed, with a summary on stderr, when any row
 * failed; a promise when `io` streams.
 */
export function runRowCommand(io: CliIo, spec: RowCommandSpec): ExitStatus | Promise<ExitStatus> {
  let computation: RowComputation | null = null;
  let writer: RowTableWriter | null = null;
  let header: readonly string[] = [];
  let rows = 0;
  let failures = 0;
  const finished = (): ExitStatus => {
    if (failures === 0) return EXIT_STATUS.ok;
    io.stderr(`${PROGRAM_NAME} ${spec.name}: ${failures} of ${rows} rows failed; see the error column\n`);
    return EXIT_STATUS.rowsFailed;
  };
  const workers = io.rowWorkers;
  const done = transformCsvFile(io, spec.path, {
    begin(inputHeader) {
      header = inputHeader;
      computation = spec.plan(inputHeader);
      writer = new RowTableWriter(spec.format, computation.header);
      return writer.start();
    },
    transform(records) {
      const result = computeRowBatch(computation as RowComputation, writer as RowTableWriter, records);
      rows += result.rows;
      failures += result.failures;
      return result.output;
    },
    end() {
      return (writer as RowTableWriter).end();
    },
    parallel:
      workers === undefined
        ? undefined
        : {
            minimumBytes: workers.minimumBytes,
            start(delimiter: RecordDelimiterText): BatchProcessor {
              const pool = new RowBatchPool(workers.count, { name: spec.name, commandLine: spec.commandLine, header, delimiter });
              return {
                process: async (text: string) => {
                  const result = await pool.process(text);
                  // Runs in file order: the table's own writer learns the rows, so JSON opens and closes right.
                  return () => {
                    rows += result.rows;
                    failures += result.failures;
                    return (writer as RowTableWriter).append(result);
                  };
                },
                close: () => pool.close(),
              };
            },
          },
  });
  return done instanceof Promise ? done.then(finished) : finished();
}
