/*
 * Plausibility notes: inputs that compute but look like a unit slip (30 years on a crypto leg, vol 5 = 500%, XV.YEARS
 * with its arguments swapped). Never errors: they can be right. Shown where a user looks: the pane's "Explain selected
 * cell" and the end-of-day check's `plausibility` findings.
 * CONTRACT (shared by the pane, the check and the fuzzer): `plausibilityNotes(name, args)` takes the function name as
 * typed (`XV.VEGA`) and Excel's raw arguments in order (any[][] per range, null for an omitted optional), never
 * throws, and returns the notes. Implementation pending (hardening issue item 10).
 */
export interface PlausibilityNote {
  /** The argument the note is about, as named in the function reference (`years`), or null for the call as a whole. */
  argument: string | null;
  /** 1-based position of the cell in the result (row-major over the spill) the note is about, or null for every cell. */
  cell: number | null;
  /** What looks wrong and what it probably should be, e.g. "years 30 on a crypto leg: days typed as years? 30 days is 0.0822". */
  message: string;
}

export function plausibilityNotes(functionName: string, args: readonly unknown[]): PlausibilityNote[] {
  void functionName;
  void args;
  return [];
}
