/*
 * csv-parse's errors, told the way a user fixes them. Its "Quote Not Closed" names the line where parsing ended (the
 * end of the file), not the line where the stray quote opened; that line is found here by scanning the text the way
 * CSV reads quotes.
 */

interface CsvParseError {
  code?: unknown;
  message?: unknown;
  lines?: unknown;
  column?: unknown;
  field?: unknown;
}

/**
 * Finds the line (1-based) of the quote that opens a quoted field never closed, reading the text in pieces (a file
 * streamed in chunks gives the same answer as its whole text). A quote opens a quoted field only at the start of a
 * field; inside one, "" is a quote and a lone " closes it.
 */
export class UnclosedQuoteFinder {
  private line = 1;
  private openLine = 1;
  private inQuotes = false;
  private atFieldStart = true;
  private started = false;
  /** A last character that needs the next one to be understood (\r of \r\n, or a quote inside quotes). */
  private heldBack = "";

  push(chunk: string, last: boolean): void {
    const text = this.heldBack + chunk;
    this.heldBack = "";
    let start = 0;
    if (!this.started && text.length > 0) {
      this.started = true;
      if (text.startsWith("\uFEFF")) start = 1;
    }
    const end = last ? text.length : text.length - 1;
    let index = start;
    for (; index < end; index++) {
      const character = text[index];
      const newline = character === "\n" || (character === "\r" && text[index + 1] !== "\n");
      if (newline) this.line++;
      if (this.inQuotes) {
        if (character !== '"') continue;
        if (text[index + 1] === '"') index++;
        else this.inQuotes = false;
        continue;
      }
      if (character === '"' && this.atFieldStart) {
        this.inQuotes = true;
        this.openLine = this.line;
      }
      this.atFieldStart = character === "," || character === "\n" || character === "\r";
    }
    if (!last) this.heldBack = text.slice(Math.max(index, start));
  }

  /** The line of the unclosed quote, or null when every quoted field closes (call after the last piece). */
  result(): number | null {
    return this.inQuotes ? this.openLine : null;
  }
}

/**
 * The line (1-based) of the quote that opens a quoted field never closed, or null when every quoted field closes. A
 * quote opens a quoted field only at the start of a field; inside one, "" is a quote and a lone " closes it.
 */
export function lineOfUnclosedQuote(text: string): number | null {
  const finder = new UnclosedQuoteFinder();
  finder.push(text, true);
  return finder.result();
}

/** The first sentence of a message, without its final period. */
function firstSentence(message: string): string {
  const end = message.search(/\.(\s|$)/);
  return end === -1 ? message : message.slice(0, end);
}

/**
 * One line saying where `path` is not CSV and how to fix it, from what csv-parse threw on `text` (or, for a file read
 * in chunks, a function giving the line of its unclosed quote: see UnclosedQuoteFinder).
 */
export function describeCsvParseError(error: unknown, text: string | (() => number | null), path: string): string {
  const details = (typeof error === "object" && error !== null ? error : {}) as CsvParseError;
  const line = typeof details.lines === "number" ? details.lines : null;
  const field = typeof details.column === "number" ? `, field ${details.column + 1}` : "";
  switch (details.code) {
    case "CSV_QUOTE_NOT_CLOSED": {
      const openLine = (typeof text === "string" ? lineOfUnclosedQuote(text) : text()) ?? line;
      return (
        `${path} is not readable CSV: the quote (") opening a field on line ${openLine} is never closed: close it, or remove it; ` +
        'a field holding a comma or a line break is written between quotes, with "" for a quote inside it'
      );
    }
    case "CSV_INVALID_CLOSING_QUOTE":
      return (
        `${path} is not readable CSV: line ${line}${field}: text follows the quote that closes a quoted field: ` +
        'end the field at its closing quote, or write "" for a quote inside it'
      );
    case "INVALID_OPENING_QUOTE":
      return (
        `${path} is not readable CSV: line ${line}${field}: a quote (") inside a field that does not start with one: ` +
        'put the whole field between quotes and write "" for the quote inside it, or remove the quote'
      );
    default: {
      const message = error instanceof Error ? error.message : String(details.message ?? error);
      return `${path} is not readable CSV: ${firstSentence(message)}`;
    }
  }
}
