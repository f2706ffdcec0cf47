/*
 * The pane reads selections with the same readers as the Excel functions (src/ranges), which refuse input with a
 * RangeInputError whose message names the cell and the fix; the engine refuses with CorrelationInputError. Both are
 * the user's input, so both become a refusal message here. Anything else is a bug and is rethrown.
 */
import { CorrelationInputError } from "../../core/correlation";
import { RangeInputError } from "../../ranges/rangeInputError";

/** The message of a refusal of the user's input; rethrows anything else. */
export function refusalMessage(error: unknown): string {
  if (error instanceof CorrelationInputError || error instanceof RangeInputError) return error.message;
  throw error;
}
