/**
 * Why a correlation tool refused its input.
 * - `invalidInput`: a malformed argument (not square, a non-finite entry, a bad option, unknown asset name).
 * - `insufficientHistory`: too few complete daily changes to estimate anything; the message gives the counts.
 * - `constantSeries`: an asset's vol did not move over the window, so its correlations are undefined.
 */
export type CorrelationInputErrorKind = "invalidInput" | "insufficientHistory" | "constantSeries";

/** Thrown by the correlation tools; `message` names the offending value and the fix, for a trader to read. */
export class CorrelationInputError extends Error {
  readonly kind: CorrelationInputErrorKind;

  constructor(kind: CorrelationInputErrorKind, message: string) {
    super(message);
    this.name = "CorrelationInputError";
    this.kind = kind;
  }
}
