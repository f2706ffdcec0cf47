/*
 * Reading one cell of an `any[][]` argument. Excel sends numbers as numbers, text as strings, TRUE/FALSE as booleans
 * and blank cells as null, "" or (desktop, inside ranges) 0, so blanks and text can only be told apart here.
 */

/** True for a cell Excel sends as empty. */
export function isBlankCell(value: unknown): boolean {
  return value === null || value === undefined || value === "";
}

/** Text with something in it (not blank, not only spaces): an asset name or a label. */
export function isNonBlankText(value: unknown): value is string {
  return typeof value === "string" && value.trim() !== "";
}

/** Text that reads as a number ("100", " 65% "): a number stored as text, never a name or a header. */
export function isNumericText(value: unknown): boolean {
  return typeof value === "string" && value.trim() !== "" && Number.isFinite(Number(value.trim().replace(/%$/, "")));
}

/**
 * True for a cell of a range that holds nothing: blank, only spaces, or 0. Excel for the desktop sends blank cells
 * inside ranges as 0 (PLATFORM.md), so use this only where 0 cannot mean anything (a name, a vol level, the vega of an
 * unnamed row).
 */
export function isEmptyInRange(value: unknown): boolean {
  return isBlankCell(value) || value === 0 || (typeof value === "string" && value.trim() === "");
}

/** A cell's value as a user would recognise it in a message. */
export function describeCellValue(value: unknown): string {
  if (isBlankCell(value)) return "blank";
  if (typeof value === "string") return `"${value.length > 40 ? `${value.slice(0, 39)}…` : value}"`;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "number") return String(value);
  // With data types enabled (allowCustomDataForDataTypeAny), an error cell arrives as an ErrorCellValue object
  // whose basicValue is the text Excel shows, e.g. "#N/A".
  const shown = typeof value === "object" && value !== null ? (value as { basicValue?: unknown }).basicValue : undefined;
  return typeof shown === "string" ? shown : "an error value";
}

/**
 * Why a non-number cell cannot be read as a number, phrased for the cell's tooltip.
 * @param argument the parameter name as the user sees it, e.g. "strike"
 * @param expected what the argument should hold, e.g. "a positive price"
 */
export function notANumberMessage(argument: string, value: unknown, expected: string): string {
  if (isBlankCell(value)) return `${argument} is blank; expected ${expected}`;
  if (typeof value === "string") {
    const hint = isNumericText(value) ? " (a number stored as text: convert it with VALUE() or Text to Columns)" : "";
    return `${argument} ${describeCellValue(value)} is text${hint}; expected ${expected}`;
  }
  if (typeof value === "boolean") return `${argument} ${describeCellValue(value)} is a logical value; expected ${expected}`;
  return `${argument} holds ${describeCellValue(value)}: fix the cell it comes from; expected ${expected}`;
}

/** A cell that could not be read: the message for its output cell. Allocated only when something is wrong. */
export interface CellProblem {
  problem: string;
}

export function isCellProblem(reading: unknown): reading is CellProblem {
  return typeof reading === "object" && reading !== null && "problem" in reading;
}

/** A number the argument may leave blank (or omit), meaning `fallback`. */
export function readOptionalNumber(value: unknown, argument: string, expected: string, fallback: number): number | CellProblem {
  if (typeof value === "number") return value;
  if (isBlankCell(value)) return fallback;
  return { problem: notANumberMessage(argument, value, expected) };
}

/**
 * One of a fixed set of words (a model, a unit), any case; blank or omitted means `fallback`.
 * @param parse returns the canonical choice, or null for an unknown word
 * @param shownChoices the accepted words as the message lists them, when they differ from `choices` (synonyms)
 */
export function readOptionalChoice<T extends string>(
  value: unknown,
  argument: string,
  choices: readonly T[],
  parse: (text: string) => T | null,
  fallback: T,
  shownChoices: string = choices.join(", "),
): T | CellProblem {
  if (isBlankCell(value)) return fallback;
  const choice = typeof value === "string" ? parse(value) : null;
  if (choice !== null) return choice;
  return { problem: `${argument} ${describeCellValue(value)} is not one of ${shownChoices}` };
}
