/*
 * The one place where the engine's refusals (HedgeInputError, CorrelationInputError) become Excel errors. The engine's
 * messages already name the asset, entry or value and the fix; here each kind only picks the Excel error: #N/A for
 * something looked up and not found (an asset missing from the matrix or the vol-of-vols), #VALUE! for everything else.
 * Only those two show the message in Excel, so no kind maps to any other error.
 */
import { CorrelationInputError, type CorrelationInputErrorKind } from "../core/correlation";
import { HedgeInputError, type HedgeInputErrorKind } from "../core/hedge";
import { invalidValueError, notAvailableError, withExcelErrors } from "./excelErrors";

type ExcelErrorFor = (message: string) => CustomFunctions.Error;

/** Every kind must be listed: a new kind in the engine fails type checking here until it is mapped. */
const HEDGE_ERRORS: Record<HedgeInputErrorKind, ExcelErrorFor> = {
  missingAsset: notAvailableError,
  invalidMatrix: invalidValueError,
  singularProxies: invalidValueError,
  invalidInput: invalidValueError,
};

const CORRELATION_ERRORS: Record<CorrelationInputErrorKind, ExcelErrorFor> = {
  invalidInput: invalidValueError,
  insufficientHistory: invalidValueError,
  constantSeries: invalidValueError,
};

/** The Excel error for an engine error, or null when `error` is not one (a bug, left to `withExcelErrors`). */
export function excelErrorForDomainError(error: unknown): CustomFunctions.Error | null {
  if (error instanceof HedgeInputError) return HEDGE_ERRORS[error.kind](error.message);
  if (error instanceof CorrelationInputError) return CORRELATION_ERRORS[error.kind](error.message);
  return null;
}

/**
 * `withExcelErrors` for functions that call the hedge or correlation engine: its errors become the mapped Excel
 * error with the engine's message; anything else is handled as `withExcelErrors` does.
 */
export function withDomainErrors<T>(functionName: string, body: () => T): T {
  return withExcelErrors(functionName, () => {
    try {
      return body();
    } catch (error) {
      throw excelErrorForDomainError(error) ?? error;
    }
  });
}
