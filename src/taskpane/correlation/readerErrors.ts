/*
 * The pane reads selections with the same code as the Excel functions (src/functions/labelledRanges.ts,
 * historyReading.ts), which refuses input by throwing a #VALUE! CustomFunctions.Error whose message names the cell and
 * the fix; the engine throws CorrelationInputError. Both are the user's input, so both become a refusal message here.
 * Anything else is a bug and is rethrown.
 */
import { CorrelationInputError } from "../../core/correlation";

/** A #VALUE!/#N/A CustomFunctions.Error, told by its shape: the pane must not depend on the CustomFunctions global. */
function isExcelError(error: unknown): error is { code: string; message: string } {
  if (typeof error !== "object" || error === null) return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  return typeof code === "string" && code.startsWith("#") && typeof message === "string" && message !== "";
}

/** The message of a refusal of the user's input; rethrows anything else. */
export function refusalMessage(error: unknown): string {
  if (error instanceof CorrelationInputError) return error.message;
  if (isExcelError(error)) return error.message;
  throw error;
}
