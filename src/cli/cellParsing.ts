/*
 * Reading one CSV field as a number. Only plain decimals and exponent notation are numbers ("0.65", "-1.5e-3"); a
 * trailing % is read where a command allows it (vol, rate, carry: "65%" → 0.65). Everything else is refused with a
 * message naming the column, the text and what is expected: blanks, words, "NaN", "Infinity", hex, thousands
 * separators. Number() alone would take "", " ", "0x10" and "Infinity".
 */

/** Why a field could not be read; allocated only when something is wrong. */
export interface CellProblem {
  problem: string;
}

export function isCellProblem(reading: unknown): reading is CellProblem {
  return typeof reading === "object" && reading !== null && "problem" in reading;
}

const ZERO = 48;
const NINE = 57;
const PLUS = 43;
const MINUS = 45;
const DOT = 46;
const LOWER_E = 101;
const UPPER_E = 69;

/** Where the run of ASCII digits starting at `index` ends. */
function skipDigits(text: string, index: number): number {
  let position = index;
  while (position < text.length) {
    const code = text.charCodeAt(position);
    if (code < ZERO || code > NINE) break;
    position++;
  }
  return position;
}

/**
 * Whether `text` is a plain decimal or exponent notation, /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/, checked
 * character by character: the streaming commands read millions of fields, and this is several times faster than the
 * pattern (test/cli/cellParsing.test.ts compares the two).
 */
export function isDecimalText(text: string): boolean {
  let index = 0;
  let code = text.charCodeAt(index);
  if (code === PLUS || code === MINUS) index++;
  const integerEnd = skipDigits(text, index);
  let fractionDigits = 0;
  index = integerEnd;
  const integerDigits = integerEnd - (text.charCodeAt(0) === PLUS || text.charCodeAt(0) === MINUS ? 1 : 0);
  if (text.charCodeAt(index) === DOT) {
    const fractionEnd = skipDigits(text, index + 1);
    fractionDigits = fractionEnd - index - 1;
    index = fractionEnd;
  }
  if (integerDigits === 0 && fractionDigits === 0) return false;
  code = text.charCodeAt(index);
  if (code === LOWER_E || code === UPPER_E) {
    index++;
    code = text.charCodeAt(index);
    if (code === PLUS || code === MINUS) index++;
    const exponentEnd = skipDigits(text, index);
    if (exponentEnd === index) return false;
    index = exponentEnd;
  }
  return index === text.length;
}
const PERCENT_PATTERN = /^(.*?)\s*%$/;
const PERCENT_SIGN = 37;
const MAX_QUOTED_LENGTH = 40;

/** A field's text as a user would recognise it in a message. */
export function quoteField(text: string): string {
  const shown = text.trim();
  return `"${shown.length > MAX_QUOTED_LENGTH ? `${shown.slice(0, MAX_QUOTED_LENGTH - 1)}…` : shown}"`;
}

export interface NumberField {
  /** The column's canonical name, as messages show it ("strike"). */
  column: string;
  /** What the column should hold, e.g. "a positive price". */
  expected: string;
  /** Whether a trailing % is read (value / 100). */
  percentAllowed: boolean;
}

/** The number a non-blank field holds, or a problem. `text` is already trimmed. */
function readNonBlank(text: string, field: NumberField): number | CellProblem {
  let digits = text;
  let divisor = 1;
  // Only text ending in % can match (the common case, a plain number, skips the slower pattern).
  const percent = text.charCodeAt(text.length - 1) === PERCENT_SIGN ? PERCENT_PATTERN.exec(text) : null;
  if (percent) {
    if (!field.percentAllowed) {
      return {
        problem: `${field.column} ${quoteField(text)} is not a number (a % sign is read only in vol, rate and carry); expected ${field.expected}`,
      };
    }
    digits = percent[1] ?? "";
    divisor = 100;
  }
  if (!isDecimalText(digits)) {
    return { problem: `${field.column} ${quoteField(text)} is not a number; expected ${field.expected}` };
  }
  const value = Number(digits);
  if (!Number.isFinite(value)) {
    return { problem: `${field.column} ${quoteField(text)} is too large to be a number; expected ${field.expected}` };
  }
  return value / divisor;
}

/** A number the column must hold in every row; a blank field is a problem. */
export function readRequiredNumber(text: string | undefined, field: NumberField): number | CellProblem {
  const trimmed = (text ?? "").trim();
  if (trimmed === "") return { problem: `${field.column} is blank; expected ${field.expected}` };
  return readNonBlank(trimmed, field);
}

/** A number the column may leave blank (or the file may lack the column: `text` undefined), meaning `fallback`. */
export function readOptionalNumber(text: string | undefined, field: NumberField, fallback: number): number | CellProblem {
  const trimmed = (text ?? "").trim();
  if (trimmed === "") return fallback;
  return readNonBlank(trimmed, field);
}

/**
 * One of a fixed set of words (a model name), any case; blank or absent means `fallback`.
 * @param parse returns the canonical word, or null for an unknown one (core's parseOptionModel has this shape)
 */
export function readOptionalChoice<T extends string>(
  text: string | undefined,
  column: string,
  choices: readonly T[],
  parse: (text: string) => T | null,
  fallback: T,
): T | CellProblem {
  const trimmed = (text ?? "").trim();
  if (trimmed === "") return fallback;
  return parse(trimmed) ?? { problem: `${column} ${quoteField(trimmed)} is not one of ${choices.join(", ")}` };
}
