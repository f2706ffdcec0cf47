/*
 * Files that are not UTF-8 comma-separated text, recognised before parsing so that the message says what the file is
 * and how to save it, rather than that some column is missing: an Excel workbook, UTF-16 text (Excel's "Unicode Text"),
 * JSON (an xvega command's --format json output), and semicolon- or tab-separated text (Excel's "CSV" where the
 * decimal separator is a comma, "Text (Tab delimited)").
 */
import { UnusableInputError } from "./subcommand";

const SAVE_AS_CSV = 'save it as comma-separated UTF-8 (in Excel: File › Save As › "CSV UTF-8 (Comma delimited) (*.csv)")';
/** Excel writes CSV with the list separator of the system's region: ";" where the decimal separator is ",". */
const SAVE_WITH_COMMAS =
  'save it with commas between fields and dots for decimals (in Excel: File › Options › Advanced, untick "Use system ' +
  'separators" and set the decimal separator to ".", then Save As "CSV UTF-8 (Comma delimited)")';
/** How many non-blank lines decide the separator. */
const LINES_EXAMINED = 3;
const MAX_SHOWN_LENGTH = 40;

/** How often each of `,` `;` and tab occurs in a line outside double quotes. */
function separatorCounts(line: string): { comma: number; semicolon: number; tab: number } {
  const counts = { comma: 0, semicolon: 0, tab: 0 };
  let inQuotes = false;
  for (const character of line) {
    if (character === '"') inQuotes = !inQuotes;
    else if (inQuotes) continue;
    else if (character === ",") counts.comma++;
    else if (character === ";") counts.semicolon++;
    else if (character === "\t") counts.tab++;
  }
  return counts;
}

function shown(line: string): string {
  const text = line.length > MAX_SHOWN_LENGTH ? `${line.slice(0, MAX_SHOWN_LENGTH - 1)}…` : line;
  return JSON.stringify(text);
}

/**
 * The separator other than a comma the file uses, or null: `;` (or tab) when each of its first non-blank lines holds
 * at least one, and at least as many as commas (outside quotes). Decimal commas ("ALT;0,85") make commas as frequent
 * as the separator, never more frequent; a comma-separated file with a stray semicolon in every one of its first lines
 * and no more commas than semicolons is not a file this command reads either.
 */
function otherSeparator(lines: readonly string[]): { name: string; fix: string } | null {
  const counts = lines.map(separatorCounts);
  if (counts.length === 0) return null;
  if (counts.every((count) => count.semicolon >= 1 && count.semicolon >= count.comma)) return { name: "semicolon", fix: SAVE_WITH_COMMAS };
  if (counts.every((count) => count.tab >= 1 && count.tab >= count.comma)) return { name: "tab", fix: SAVE_AS_CSV };
  return null;
}

/**
 * Throws UnusableInputError, with what was detected and the fix, when `text` (read as UTF-8) is not comma-separated
 * UTF-8 text.
 */
export function checkInputText(text: string, path: string): void {
  checkFileKind(text, path);
  const nul = text.indexOf("\u0000");
  if (nul !== -1) throw nulBytesError(path, nul);
  checkTextLayout(text, path);
}

/**
 * The checks on what the file is, which its first characters decide: a workbook or UTF-16 text. (A file read in
 * chunks runs them on its first chunk, then looks for NUL bytes in all of it, then runs checkTextLayout on its head.)
 */
export function checkFileKind(text: string, path: string): void {
  if (text.startsWith("PK\u0003\u0004")) {
    throw new UnusableInputError(`${path} is an Excel workbook (.xlsx) or another zip file, not CSV text: ${SAVE_AS_CSV}`);
  }
  // FF FE and FE FF are not UTF-8: each byte reads as U+FFFD.
  if (text.startsWith("\uFFFD\uFFFD")) {
    throw new UnusableInputError(`${path} starts with a UTF-16 byte-order mark (FF FE or FE FF), as Excel's "Unicode Text" writes: ${SAVE_AS_CSV}`);
  }
}

/** The error for a file holding a NUL byte, the first at `index` (0-based, in characters of the text). */
export function nulBytesError(path: string, index: number): UnusableInputError {
  return new UnusableInputError(
    `${path} holds NUL bytes (the first at character ${index + 1}): it is UTF-16 text without a byte-order mark, or not a text file; ${SAVE_AS_CSV}`,
  );
}

function firstLines(body: string, count: number): string[] {
  return body
    .split(/\r\n|\n|\r/)
    .filter((line) => line.trim() !== "")
    .slice(0, count);
}

/**
 * Whether the first characters of a file (`head`) decide checkTextLayout as the whole text would: they hold the
 * first LINES_EXAMINED non-blank lines, each ended by a line break.
 */
export function headDecidesLayout(head: string): boolean {
  const complete = head.split(/\r\n|\n|\r/).slice(0, -1);
  return complete.filter((line) => line.trim() !== "").length >= LINES_EXAMINED;
}

/** The checks on how the text is laid out, which its first lines decide: JSON, or another separator than commas. */
export function checkTextLayout(text: string, path: string): void {
  const body = text.replace(/^\uFEFF/, "");
  // "{" or "[" then a key, a nested value or the end: the shape of xvega's JSON, never that of a CSV header.
  if (/^\s*[{[]\s*("|\{|\[|\]|\}|$)/.test(body)) {
    throw new UnusableInputError(
      `${path} looks like JSON (it starts with ${JSON.stringify(body.trimStart().charAt(0))}), not CSV: give the CSV output of ` +
        "xvega commands (leave out --format json), or a CSV file saved from Excel",
    );
  }
  const lines = firstLines(body, LINES_EXAMINED);
  const separator = otherSeparator(lines);
  if (separator !== null) {
    throw new UnusableInputError(
      `${path} looks ${separator.name}-separated (line 1 is ${shown(lines[0] ?? "")}), but the command line reads comma-separated ` +
        `CSV: ${separator.fix}`,
    );
  }
}
