/*
 * What the row-by-row commands (vega, iv, greeks) share: every input row gives one output row (the input columns that
 * pass through, then the computed ones and error), written in the chosen format as the file is read
 * (csvRecordStream.ts), and the exit status says whether any row failed.
 */
import { PROGRAM_NAME } from "./commandLine";
import { OutputCell, OutputFormat } from "./csvTable";
import { transformCsvFile } from "./csvRecordStream";
import { RowTableWriter } from "./rowTableOutput";
import { CliIo, EXIT_STATUS, ExitStatus } from "./subcommand";

/** How a command turns rows into results, once it has seen the header. */
export interface RowComputation {
  /** The output header: the pass-through input columns, then the computed ones. */
  header: readonly string[];
  /** The output row of one data record, and whether it failed (its error column says why). */
  computeRow(record: readonly string[]): { row: OutputCell[]; failed: boolean };
}

/**
 * Runs a row-by-row command on the CSV file at `path`. `plan` reads the header (throwing UnusableInputError for
 * missing or repeated columns) and says how to compute each row. Returns rowsFailed, with a summary on stderr, when
 * any row failed; a promise when `io` streams.
 */
export function runRowCommand(
  io: CliIo,
  commandName: string,
  path: string,
  format: OutputFormat,
  plan: (header: readonly string[]) => RowComputation,
): ExitStatus | Promise<ExitStatus> {
  let computation: RowComputation | null = null;
  let writer: RowTableWriter | null = null;
  let rows = 0;
  let failures = 0;
  const finished = (): ExitStatus => {
    if (failures === 0) return EXIT_STATUS.ok;
    io.stderr(`${PROGRAM_NAME} ${commandName}: ${failures} of ${rows} rows failed; see the error column\n`);
    return EXIT_STATUS.rowsFailed;
  };
  const done = transformCsvFile(io, path, {
    begin(header) {
      computation = plan(header);
      writer = new RowTableWriter(format, computation.header);
      return writer.start();
    },
    transform(records) {
      const compute = computation as RowComputation;
      const rowWriter = writer as RowTableWriter;
      // Each row is written as soon as it is computed: nothing of a row outlives its line of text.
      let text = "";
      for (const record of records) {
        const result = compute.computeRow(record);
        if (result.failed) failures++;
        text += rowWriter.row(result.row);
      }
      rows += records.length;
      return text;
    },
    end() {
      return (writer as RowTableWriter).end();
    },
  });
  return done instanceof Promise ? done.then(finished) : finished();
}
