/* The row-by-row commands by name, for worker threads (rowWorker.ts) to build the same computation as the main thread. */
import { greeksRows } from "./greeksCommand";
import { ivRows } from "./ivCommand";
import type { RowCommandSpec } from "./rowCommand";
import { CliIo, ParsedCommandLine } from "./subcommand";
import { vegaRows } from "./vegaCommand";

export const ROW_COMMANDS: Readonly<Record<string, (commandLine: ParsedCommandLine, io: CliIo) => RowCommandSpec>> = {
  vega: vegaRows,
  iv: ivRows,
  greeks: greeksRows,
};
