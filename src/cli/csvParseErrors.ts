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
 * The line (1-based) of the quote that opens a quoted field never closed, or null when every quoted field closes. A
 * quote opens a quoted field only at the start of a field; inside one, "" is a quote and a lone " closes it.
 */
export function lineOfUnclosedQuote(text: string): number | null {
  let line = 1;
  let openLine = 1;
  let inQuotes = false;
  let atFieldStart = true;
  const start = text.startsWith("\uFEFF") ? 1 : 0;
  for (let index = start; index < text.length; index++) {
    const character = text[index];
    const newline = character === "\n" || (character === "\r" && text[index + 1] !== "\n");
    if (newline) line++;
    if (inQuotes) {
      if (character !== '"') continue;
      if (text[index + 1] === '"') index++;
      else inQuotes = false;
      continue;
    }
    if (character === '"' && atFieldStart) {
      inQuotes = true;
      openLine = line;
    }
    atFieldStart = character === "," || character === "\n" || character === "\r";
  }
  return inQuotes ? openLine : null;
}

/** The first sentence of a message, without its final period. */
function firstSentence(message: string): string {
  const end = message.search(/\.(\s|$)/);
  return end === -1 ? message : message.slice(0, end);
}

/** One line saying where `path` is not CSV and how to fix it, from what csv-parse threw on `text`. */
export function describeCsvParseError(error: unknown, text: string, path: string): string {
  const details = (typeof error === "object" && error !== null ? error : {}) as CsvParseError;
  const line = typeof details.lines === "number" ? details.lines : null;
  const field = typeof details.column === "number" ? `, field ${details.column + 1}` : "";
  switch (details.code) {
    case "CSV_QUOTE_NOT_CLOSED": {
      const openLine = lineOfUnclosedQuote(text) ?? line;
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
