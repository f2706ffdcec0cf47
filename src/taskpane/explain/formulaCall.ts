/*
 * Reading a cell's formula as one XV function call and its arguments, without Excel: `=XV.VEGA(B2:B9, 'My Sheet'!C2,
 * XV_CORR, 0.05, "bsm", TRUE, {1,2;3,4}, )`. Pure (no Office, no DOM), so that the pane's "Explain selected cell" and
 * the end-of-day check read formulas the same way.
 *
 * It reads formulas as Range.formulas gives them (English function names, comma separators, `;` between the rows of
 * an array constant) and as a saved .xlsx stores them (`_xldudf_XV_VEGA(...)`, `_xlfn.ANCHORARRAY(B2)` for `B2#`).
 * An argument that is a reference, a defined name or a constant is classified so that it can be read and re-run; any
 * other argument (a calculation such as `(C2:C9-$B$1)/365`, another function, a table reference) is kept as an
 * "expression" with its text: the caller says it cannot be re-evaluated and shows what Excel displays.
 */

/** A constant inside an array constant or typed as an argument. */
export type ConstantValue = number | string | boolean;

export type FormulaArgument =
  /** Nothing between two commas (or after the last): Excel passes null. */
  | { kind: "omitted"; text: "" }
  /** A1, $A$1:$B$9, Sheet1!A:A, 'My Sheet'!B2# (spill: the whole spill of B2). `reference` is without the sheet. */
  | { kind: "reference"; text: string; sheetName: string | null; reference: string; spill: boolean }
  /** A defined name, workbook-scoped (XV_CORR) or sheet-scoped (Sheet1!MyName). */
  | { kind: "name"; text: string; sheetName: string | null; name: string }
  | { kind: "number"; text: string; value: number }
  | { kind: "string"; text: string; value: string }
  | { kind: "boolean"; text: string; value: boolean }
  /** {1,2;3,4}: rows of equal length. */
  | { kind: "array"; text: string; values: ConstantValue[][] }
  /** Anything else: a calculation, a nested function, a table reference. */
  | { kind: "expression"; text: string };

export type FormulaReading =
  /** The whole formula is one XV call: `name` is canonical (`XV.VEGA`), `typedName` as written. */
  | { kind: "call"; name: string; typedName: string; arguments: FormulaArgument[] }
  /** An XV call sits inside a larger formula (`=SUM(XV.VEGA(...))`, `=XV.VEGA(...)*100`). */
  | { kind: "nested"; name: string }
  /** A formula without any XV call, or a constant (text that does not start with "="). */
  | { kind: "none" }
  /** A formula the reader cannot split (unbalanced parentheses or quotes): `problem` says what. */
  | { kind: "unreadable"; problem: string };

const XV_NAME = /^(?:XV\.[A-Z0-9_.]+|_xldudf_XV_[A-Z0-9_]+)$/i;
const LAST_ROW = 1_048_576;
const LAST_COLUMN = 16_384; // XFD
const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?%?$/;

/** XV.VEGA / xv.vega / _xldudf_XV_VEGA → XV.VEGA. */
export function canonicalXvName(typed: string): string {
  return typed.trim().toUpperCase().replace(/^_XLDUDF_XV_/, "XV.");
}

/**
 * Walks `text` outside string literals ("…" with "" inside) and quoted sheet names ('…' with '' inside), calling
 * `visit(index, character, depth)` for every other character with the bracket depth before it. Returns a problem
 * (an unterminated quote, unbalanced brackets) or null.
 */
function scan(text: string, visit: (index: number, character: string, depth: number) => boolean | void): string | null {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const character = text.charAt(i);
    if (character === '"' || character === "'") {
      const end = closingQuote(text, i);
      if (end < 0) return character === '"' ? "a text in quotes is not closed" : "a quoted sheet name is not closed";
      i = end;
      continue;
    }
    if (visit(i, character, depth) === true) return null;
    if (character === "(" || character === "{" || character === "[") depth++;
    else if (character === ")" || character === "}" || character === "]") {
      depth--;
      if (depth < 0) return `"${character}" closes nothing`;
    }
  }
  return depth === 0 ? null : "a parenthesis or brace is not closed";
}

/** The index of the quote closing the one at `start` (a doubled quote is an escaped one), or −1. */
function closingQuote(text: string, start: number): number {
  const quote = text.charAt(start);
  for (let i = start + 1; i < text.length; i++) {
    if (text.charAt(i) !== quote) continue;
    if (text.charAt(i + 1) === quote) {
      i++;
      continue;
    }
    return i;
  }
  return -1;
}

/** Splits `text` at the top-level occurrences of any of `separators` (outside quotes and brackets). */
function splitTopLevel(text: string, separators: string): string[] | null {
  const parts: string[] = [];
  let start = 0;
  const problem = scan(text, (index, character, depth) => {
    if (depth === 0 && separators.includes(character)) {
      parts.push(text.slice(start, index));
      start = index + 1;
    }
  });
  if (problem !== null) return null;
  parts.push(text.slice(start));
  return parts;
}

/** The first XV function name called anywhere in `body` (outside strings), or null. */
function firstXvCall(body: string): string | null {
  let found: string | null = null;
  scan(body, (index) => {
    const before = index === 0 ? "" : body.charAt(index - 1);
    if (/[A-Za-z0-9_.]/.test(before)) return;
    const match = /^(XV\.[A-Za-z0-9_.]+|_xldudf_XV_[A-Za-z0-9_]+)\s*\(/i.exec(body.slice(index));
    if (match?.[1] !== undefined) {
      found = canonicalXvName(match[1]);
      return true;
    }
  });
  return found;
}

/** Reads a cell's formula (as Range.formulas gives it) as one XV call, see FormulaReading. */
export function readFormulaCall(formula: string): FormulaReading {
  const trimmed = formula.trim();
  if (!trimmed.startsWith("=")) return { kind: "none" };
  // "=+XV.VEGA(…)" (typed Lotus-style) is the same call; Excel keeps the plus.
  const body = trimmed.slice(1).trim().replace(/^\+\s*/, "");
  const problem = scan(body, () => undefined);
  if (problem !== null) return { kind: "unreadable", problem: `The formula cannot be read: ${problem}.` };
  const head = /^([A-Za-z_][A-Za-z0-9_.]*)\s*\(/.exec(body);
  const typedName = head?.[1];
  if (head === null || typedName === undefined || !XV_NAME.test(typedName)) {
    const nested = firstXvCall(body);
    return nested === null ? { kind: "none" } : { kind: "nested", name: nested };
  }
  // The call's closing parenthesis: the first ")" that brings the depth back to 0.
  const open = head[0].length - 1;
  let close = -1;
  scan(body, (index, character, depth) => {
    if (index > open && character === ")" && depth === 1) {
      close = index;
      return true;
    }
  });
  const name = canonicalXvName(typedName);
  if (close < 0 || body.slice(close + 1).trim() !== "") return { kind: "nested", name };
  const inside = body.slice(open + 1, close);
  const parts = splitTopLevel(inside, ",") ?? [inside];
  // XV.VEGA() has no arguments at all, not one omitted one.
  const texts = parts.length === 1 && (parts[0] ?? "").trim() === "" ? [] : parts;
  return { kind: "call", name, typedName, arguments: texts.map((text) => readArgument(text)) };
}

/** One argument's text → its kind (see FormulaArgument). */
export function readArgument(rawText: string): FormulaArgument {
  const text = rawText.trim();
  if (text === "") return { kind: "omitted", text: "" };
  const constant = readConstant(text);
  if (constant !== null) {
    if (typeof constant === "number") return { kind: "number", text, value: constant };
    if (typeof constant === "boolean") return { kind: "boolean", text, value: constant };
    return { kind: "string", text, value: constant };
  }
  if (text.startsWith("{")) {
    const values = readArrayConstant(text);
    return values === null ? { kind: "expression", text } : { kind: "array", text, values };
  }
  const anchorArray = /^_xlfn\.ANCHORARRAY\s*\((.*)\)$/is.exec(text);
  if (anchorArray?.[1] !== undefined) {
    const inner = readReferenceOrName(anchorArray[1].trim());
    if (inner?.kind === "reference" && !inner.spill && !inner.reference.includes(":")) return { ...inner, text, spill: true };
    return { kind: "expression", text };
  }
  return readReferenceOrName(text) ?? { kind: "expression", text };
}

/** A number (1E-3, -0.5, 65%), a string in quotes, TRUE or FALSE; null for anything else. */
function readConstant(text: string): ConstantValue | null {
  if (NUMBER.test(text)) {
    const percent = text.endsWith("%");
    const value = Number(percent ? text.slice(0, -1) : text);
    if (!Number.isFinite(value)) return null;
    return percent ? value / 100 : value;
  }
  if (/^"(?:[^"]|"")*"$/.test(text)) return text.slice(1, -1).replace(/""/g, '"');
  if (/^true$/i.test(text)) return true;
  if (/^false$/i.test(text)) return false;
  return null;
}

/** {1,2;3,4} → [[1,2],[3,4]]; null when an element is not a constant or the rows differ in length. */
function readArrayConstant(text: string): ConstantValue[][] | null {
  if (!text.endsWith("}")) return null;
  const rows = splitTopLevel(text.slice(1, -1), ";");
  if (rows === null) return null;
  const values: ConstantValue[][] = [];
  for (const row of rows) {
    const cells = splitTopLevel(row, ",");
    if (cells === null) return null;
    const read = cells.map((cell) => readConstant(cell.trim()));
    if (read.some((cell) => cell === null)) return null;
    values.push(read as ConstantValue[]);
  }
  const width = values[0]?.length ?? 0;
  return width > 0 && values.every((row) => row.length === width) ? values : null;
}

function columnNumber(letters: string): number {
  let column = 0;
  for (const letter of letters.toUpperCase()) column = column * 26 + (letter.charCodeAt(0) - 64);
  return column;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;

function isCell(text: string): boolean {
  const match = CELL.exec(text);
  if (!match?.[1] || !match[2]) return false;
  const row = Number(match[2]);
  return columnNumber(match[1]) <= LAST_COLUMN && row >= 1 && row <= LAST_ROW;
}

function isColumn(text: string): boolean {
  const match = /^\$?([A-Za-z]{1,3})$/.exec(text);
  return match?.[1] !== undefined && columnNumber(match[1]) <= LAST_COLUMN;
}

function isRow(text: string): boolean {
  const match = /^\$?(\d{1,7})$/.exec(text);
  return match?.[1] !== undefined && Number(match[1]) >= 1 && Number(match[1]) <= LAST_ROW;
}

/** A1, A1:B2, A:B, 1:3, A1# → true. */
function isReferenceBody(text: string): boolean {
  if (text.endsWith("#")) return isCell(text.slice(0, -1));
  const corners = text.split(":");
  if (corners.length === 1) return isCell(text);
  if (corners.length !== 2) return false;
  const [first = "", last = ""] = corners;
  return (isCell(first) && isCell(last)) || (isColumn(first) && isColumn(last)) || (isRow(first) && isRow(last));
}

const DEFINED_NAME = /^[\p{L}_\\][\p{L}\p{N}_.\\]*$/u;

/** A reference or a defined name, with an optional sheet ('My Sheet'! or Sheet1!); null for anything else. */
function readReferenceOrName(text: string): FormulaArgument | null {
  let sheetName: string | null = null;
  let rest = text;
  if (text.startsWith("'")) {
    const end = closingQuote(text, 0);
    if (end < 0 || text.charAt(end + 1) !== "!") return null;
    sheetName = text.slice(1, end).replace(/''/g, "'");
    rest = text.slice(end + 2);
  } else {
    const bang = text.indexOf("!");
    if (bang >= 0) {
      const sheet = text.slice(0, bang);
      // Unquoted sheet names have no spaces or punctuation; a workbook ([Book1]Sheet1) or 3-D (S1:S3) reference is not read.
      if (!/^[\p{L}\p{N}_.]+$/u.test(sheet)) return null;
      sheetName = sheet;
      rest = text.slice(bang + 1);
    }
  }
  if (sheetName === "" || rest === "") return null;
  if (isReferenceBody(rest)) {
    const spill = rest.endsWith("#");
    return { kind: "reference", text, sheetName, reference: spill ? rest.slice(0, -1) : rest, spill };
  }
  if (DEFINED_NAME.test(rest) && !/^(true|false)$/i.test(rest) && !isCell(rest)) return { kind: "name", text, sheetName, name: rest };
  return null;
}
