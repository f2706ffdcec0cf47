/*
 * A worker thread of a row-by-row command on a large file (rowBatchPool.ts): builds the command's computation from
 * its command line and the file's header, as the main thread did, then parses, computes and formats each run of whole
 * records it is sent. Notes on stderr were already printed by the main thread; this one prints nothing.
 */
import { parentPort, workerData } from "worker_threads";
import { CsvChunkParser } from "./csvChunkParser";
import { NonFiniteOutputError } from "./finiteOutput";
import type { RowWorkerReply, RowWorkerSetup } from "./rowBatchPool";
import { computeRowBatch } from "./rowCommand";
import { ROW_COMMANDS } from "./rowCommands";
import { RowTableWriter } from "./rowTableOutput";
import { CliIo, UnusableInputError } from "./subcommand";

const SILENT: CliIo = { stdout: () => undefined, stderr: () => undefined, readFile: () => "" };

function describe(error: unknown): Extract<RowWorkerReply, { error: unknown }>["error"] {
  if (error instanceof NonFiniteOutputError) return { name: error.name, message: error.message, where: error.where };
  return { name: error instanceof Error ? error.name : "Error", message: error instanceof Error ? error.message : String(error) };
}

const port = parentPort;
if (port !== null) {
  const setup = workerData as RowWorkerSetup;
  const rows = ROW_COMMANDS[setup.name];
  if (rows === undefined) throw new Error(`no row-by-row command ${setup.name}`);
  const spec = rows(setup.commandLine, SILENT);
  const computation = spec.plan(setup.header);
  const writer = new RowTableWriter(spec.format, computation.header, true);
  port.on("message", ({ id, text }: { id: number; text: string }) => {
    try {
      const parser = new CsvChunkParser(true, setup.delimiter);
      const records = parser.push(text, true);
      if (parser.firstIrregularity !== null) throw new UnusableInputError(`${spec.path} changed while it was read: run the command again`);
      port.postMessage({ id, ...computeRowBatch(computation, writer, records) } satisfies RowWorkerReply);
    } catch (error) {
      port.postMessage({ id, error: describe(error) } satisfies RowWorkerReply);
    }
  });
}
