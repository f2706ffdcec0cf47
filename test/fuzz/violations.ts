/*
 * What the fuzzer asserts about every call, shared by functions and commands: the kinds of violation, and the checks
 * on a message (readable, not internal, about something the user can find).
 */

export type CheckName =
  /** An exception other than CustomFunctions.Error left a function, or runCli threw. */
  | "exception"
  /** A number that is NaN or ±Infinity reached a cell or the output. */
  | "non-finite"
  /** A message that is internal (a JavaScript error text, NaN/undefined/Infinity outside quotes, a wrapped bug). */
  | "internal-message"
  /** An empty message, or an error without one. */
  | "bare-message"
  /** A message that names no argument, row, column, cell, entry, line, asset or file. */
  | "unnamed-subject"
  /** The catch-all "not a finite number: check the inputs": the engine produced NaN/Infinity and the adapter hid it. */
  | "generic-message"
  /** An Excel error whose message Excel does not show (only #VALUE! and #N/A show one). */
  | "hidden-message"
  /** A result Excel cannot spill: not a 2-D array, ragged, empty, or a cell that is not a number, text, boolean or error. */
  | "bad-result"
  /** The call took longer than the cap. */
  | "slow"
  /** A command exited with a status other than 0, 1, 2, or printed nothing on stderr with a failure status. */
  | "bad-exit"
  /** A stack trace on stderr. */
  | "stack-trace"
  /** A command's JSON output does not parse, or holds null where a number belongs. */
  | "bad-output"
  /** A text field of CSV output starts with =, +, -, @ (a formula when the file is opened in a spreadsheet). */
  | "csv-injection"
  /** Time per cell grows faster than linearly with the input's size. */
  | "superlinear";

export interface Violation {
  check: CheckName;
  /** What happened, with the offending message or value. */
  detail: string;
}

/** Text inside double quotes is the user's own value echoed back ("NaN" typed in a cell): never judged. */
function withoutQuotedText(message: string): string {
  return message.replace(/"[^"]*"/g, '""').replace(/“[^”]*”/g, "“”");
}

const INTERNAL_PATTERNS: readonly RegExp[] = [
  /Cannot read propert/i,
  /Cannot set propert/i,
  /is not a function/,
  /is not iterable/,
  /is not defined/,
  /Maximum call stack/i,
  /out of memory/i,
  /\[object Object\]/,
  // "its correlations are undefined" is English; "x is undefined" or a bare undefined is JavaScript.
  /(?<!are )\bundefined\b/,
  /\bNaN\b/,
  /(?<![\w"])-?Infinity\b/,
  /\bXV\.[A-Z]+ failed: /,
  /internal error/i,
  /^\s*(TypeError|RangeError|ReferenceError|SyntaxError|Error)\b/,
];

/**
 * The internal-looking part of a message, or null when it reads as written for a user. `echoed` are texts of the
 * input that a message may repeat unquoted (an asset named "NaN", a file called undefined.csv): removed first.
 */
export function internalPart(message: string, echoed: Iterable<string> = []): string | null {
  let unquoted = withoutQuotedText(message);
  for (const text of echoed) {
    const trimmed = text.trim();
    if (trimmed !== "" && unquoted.includes(trimmed)) unquoted = unquoted.split(trimmed).join("");
  }
  for (const pattern of INTERNAL_PATTERNS) {
    const match = pattern.exec(unquoted);
    if (match) return match[0];
  }
  return null;
}

/** The fallback of resultGrid/vega when a result is not finite: honest but says nothing about which input. */
const GENERIC_PATTERN = /not a finite number: check the inputs/;

/**
 * The checks on one message. `subjects` are the words that name what a message may be about: argument or column
 * names, option names, file paths, asset names from the input.
 */
export function messageViolations(message: unknown, subjects: readonly string[], where: string, echoed: Iterable<string> = []): Violation[] {
  if (typeof message !== "string" || message.trim() === "") {
    return [{ check: "bare-message", detail: `${where}: message ${JSON.stringify(message)}` }];
  }
  const violations: Violation[] = [];
  const internal = internalPart(message, echoed);
  if (internal !== null) violations.push({ check: "internal-message", detail: `${where}: "${internal}" in: ${message}` });
  if (GENERIC_PATTERN.test(message)) violations.push({ check: "generic-message", detail: `${where}: ${message}` });
  if (!namesASubject(message, subjects)) violations.push({ check: "unnamed-subject", detail: `${where}: ${message}` });
  return violations;
}

/** Position words that name a place in a range or a file. */
const POSITION_PATTERN = /\b(row|column|line|entry|cell|position|item)s? \d|\b(rows|columns|entries|cells)\b/i;

/** Characters that show nothing: a name made only of them names nothing a user can see. */
const INVISIBLE_ONLY = /^[\s\u200B-\u200F\u2060\uFEFF\u00A0]*$/;

function escapeForPattern(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

export function namesASubject(message: string, subjects: readonly string[]): boolean {
  if (POSITION_PATTERN.test(message)) return true;
  const lower = message.toLowerCase();
  return subjects.some((subject) => {
    if (INVISIBLE_ONLY.test(subject)) return false;
    const key = subject.toLowerCase();
    // A short name ("é", "-") counts only standing alone, not inside another word.
    if (key.length < 3) return new RegExp(`(^|[\\s(,:"'])${escapeForPattern(key)}($|[\\s),:"'])`).test(lower);
    return lower.includes(key);
  });
}

/**
 * The words that name an argument: the name itself ("contract_vegas"), with spaces ("contract vegas"), and the stem of
 * each part of four letters or more ("contract", "vega" from "vegas", "histo" from "history" matches "histories").
 */
export function argumentSubjects(argumentName: string): string[] {
  const parts = argumentName.split(/[_\s-]+/).filter((part) => part.length >= 4);
  const stems = parts.map((part) => part.slice(0, Math.max(4, part.length - 2)));
  return [argumentName, argumentName.replace(/_/g, " "), ...stems];
}

/** Text values of an input (asset names, headers) that a message may name, ignoring ones too short to tell apart. */
export function textSubjects(values: Iterable<unknown>, limit = 200): string[] {
  const subjects = new Set<string>();
  for (const value of values) {
    if (subjects.size >= limit) break;
    if (typeof value !== "string") continue;
    // Headers and names as typed, numbers-as-text included ("1,000" as an asset's header); not blanks.
    const trimmed = value.trim();
    if (trimmed !== "" && !INVISIBLE_ONLY.test(trimmed)) subjects.add(trimmed);
  }
  return [...subjects];
}

/** The input texts that would themselves look internal if a message repeated them (few: "NaN", "undefined", …). */
export function internalLookingTexts(texts: Iterable<string>): string[] {
  const found = new Set<string>();
  for (const text of texts) if (internalPart(text) !== null) found.add(text.trim());
  return [...found];
}

/** A stack trace's frame lines ("    at f (file.js:1:2)"). */
export function hasStackTrace(text: string): boolean {
  return /^\s+at .+(:\d+:\d+\)?|\(native\)|<anonymous>)$/m.test(text);
}
