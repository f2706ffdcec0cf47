/*
 * The one place where problems become Excel errors. Only #VALUE! and #N/A show a message (in the cell's error
 * tooltip), so every error that needs explaining is one of those two.
 */
import { RangeInputError } from "../ranges/rangeInputError";
import { withScratchColumns } from "./scratchColumns";

/** Excel shows a short tooltip; keep messages readable there. */
const MAX_MESSAGE_LENGTH = 250;

function trimmed(message: string): string {
  return message.length <= MAX_MESSAGE_LENGTH ? message : `${message.slice(0, MAX_MESSAGE_LENGTH - 1)}…`;
}

/** #VALUE! with a message: the input is wrong and the message says how. */
export function invalidValueError(message: string): CustomFunctions.Error {
  return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, trimmed(message));
}

/** #N/A with a message: something looked up (an asset name) is not there. */
export function notAvailableError(message: string): CustomFunctions.Error {
  return new CustomFunctions.Error(CustomFunctions.ErrorCode.notAvailable, trimmed(message));
}

/**
 * Runs a custom function body so that nothing but a value or a CustomFunctions.Error leaves it: a range the readers
 * refused (RangeInputError) becomes #VALUE! with its message, and so does any other exception (a bug), prefixed with
 * the function's name, instead of a bare #VALUE!.
 */
export function withExcelErrors<T>(functionName: string, body: () => T): T {
  try {
    // The call's typed columns are reused by the next call (scratchColumns.ts).
    return withScratchColumns(body);
  } catch (error) {
    if (error instanceof CustomFunctions.Error) throw error;
    if (error instanceof RangeInputError) throw invalidValueError(error.message);
    const detail = error instanceof Error ? error.message : String(error);
    throw invalidValueError(`${functionName} failed: ${detail}`);
  }
}
