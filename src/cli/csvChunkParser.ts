/*
 * A CSV parser fed in chunks, for the row-by-row commands (vega, iv, greeks) on files of millions of rows. csv-parse
 * reads a 1,000,000-row book in about 2.3 s (streaming) to 3.8 s (sync), which alone is over the 3 s the whole command
 * may take; this parser does the same work in a small fraction of that: a line without a quote is cut with indexOf
 * and split(","), and only a record holding a quote goes through the character-by-character reading.
 *
 * It reproduces what csv-parse returns with the options the commands use (`bom`, `relax_column_count`,
 * `skip_empty_lines`, `skip_records_with_empty_values`; comma, double quote, "" for a quote inside quotes) on every
 * input csv-parse accepts: a UTF-8 byte-order mark is dropped; the record delimiter is the first of \r\n, \n or \r met
 * outside quotes, and from then on only that one ends a record (a lone \r in an \n file is field text); a quoted field
 * may hold commas, quotes and line breaks; empty lines and records whose fields are all blank (after trim()) are
 * skipped. Where csv-parse would throw (a quote opening inside a field, text after a closing quote, a quote never
 * closed), this parser does not guess: it reports the input as irregular and the caller asks csv-parse itself, so that
 * the message is the one csv-parse's error gives (csvParseErrors.ts). test/cli/csvChunkParser.test.ts compares the
 * two on generated CSV cut into chunks at every place.
 */

const QUOTE = 34; // "
const COMMA = 44; // ,
const LINE_FEED = 10; // \n
const CARRIAGE_RETURN = 13; // \r
/** How many characters past a position the parser may need to read to decide what that position is. */
const LOOKAHEAD = 2;
const ESCAPED_QUOTES = /""/g;
/** The byte-order mark as UTF-8 decoding gives it, and as Latin-1 decoding (one character per byte) does. */
const BYTE_ORDER_MARKS = ["\uFEFF", "\u00EF\u00BB\u00BF"];
const BYTE_ORDER_MARK_LENGTH = 3;

/** The record delimiter: not yet seen, or the sequence found first. */
const enum RecordDelimiter {
  Unknown,
  LineFeed,
  CarriageReturn,
  CarriageReturnLineFeed,
}

const DELIMITER_TEXT = ["", "\n", "\r", "\r\n"];

/** A record delimiter as text. */
export type RecordDelimiterText = "\n" | "\r" | "\r\n";

/**
 * Cuts CSV text that csv-parse reads (checked before) into runs of whole records, for worker threads to parse apart.
 * In such text a position lies outside every quoted field exactly when an even number of quotes precede it (a field
 * opens and closes with one, and a quote inside it is written twice), so a record ends at each record delimiter with
 * an even count of quotes before it. The delimiter is the first line break met at an even count, as the parser finds it.
 */
export class RecordCutter {
  private pending = "";
  private found: RecordDelimiterText | null = null;

  /** The file's record delimiter, once a line break has been seen outside quotes. */
  get delimiter(): RecordDelimiterText | null {
    return this.found;
  }

  /** Appends `text`; returns the whole records completed so far (all that is left when `last`), keeping the rest. */
  take(text: string, last: boolean): string {
    const combined = this.pending + text;
    this.found ??= firstDelimiter(combined);
    if (last || this.found === null) {
      this.pending = last ? "" : combined;
      return last ? combined : "";
    }
    const delimiter = this.found;
    const quotes = countQuotes(combined, 0, combined.length);
    let quotesAfter = 0;
    let searchedFrom = combined.length;
    for (let at = combined.lastIndexOf(delimiter); at !== -1; at = at === 0 ? -1 : combined.lastIndexOf(delimiter, at - 1)) {
      quotesAfter += countQuotes(combined, at, searchedFrom);
      searchedFrom = at;
      // Quotes before `at` = all − after; the text starts at an even count (it starts where a record did).
      if ((quotes - quotesAfter) % 2 === 0) {
        const cut = at + delimiter.length;
        this.pending = combined.slice(cut);
        return combined.slice(0, cut);
      }
    }
    this.pending = combined;
    return "";
  }
}

function countQuotes(text: string, from: number, to: number): number {
  let count = 0;
  for (let at = text.indexOf('"', from); at !== -1 && at < to; at = text.indexOf('"', at + 1)) count++;
  return count;
}

/** The first line break outside quotes: \r\n, \n or \r; null when there is none yet (or it may be \r\n cut in two). */
function firstDelimiter(text: string): RecordDelimiterText | null {
  let inQuotes = false;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === QUOTE) inQuotes = !inQuotes;
    else if (!inQuotes && code === LINE_FEED) return "\n";
    else if (!inQuotes && code === CARRIAGE_RETURN) {
      if (index + 1 >= text.length) return null;
      return text.charCodeAt(index + 1) === LINE_FEED ? "\r\n" : "\r";
    }
  }
  return null;
}

/** What csv-parse would refuse, found at the first place it occurs. */
export interface CsvIrregularity {
  kind: "quote-inside-field" | "text-after-closing-quote" | "quote-not-closed";
}

/** Whether a record holds only blank fields (csv-parse's skip_records_with_empty_values test). */
function isBlankRecord(record: readonly string[]): boolean {
  for (const field of record) if (field.trim() !== "") return false;
  return true;
}

export class CsvChunkParser {
  /**
   * Whether fields are kept. Without, the parser only checks that the text is CSV csv-parse reads, as a first pass
   * does; that pass may read Latin-1 text (one character per byte: the commas, quotes and line breaks of UTF-8 text
   * are in the same places, and decoding is free).
   */
  private readonly collect: boolean;
  private delimiter: RecordDelimiter = RecordDelimiter.Unknown;
  private started = false;
  /** No character of the current record has been read yet. */
  private atRecordStart = true;
  /** Inside a quoted field. */
  private quoting = false;
  /** The current field was quoted and its quote closed (so it exists even when empty). */
  private wasQuoting = false;
  /** The current field was quoted and holds "" pairs to unescape. */
  private hasEscapedQuote = false;
  /** The start of the current field in the chunk being read. */
  private fieldStart = 0;
  /** The part of the current field read in earlier chunks. */
  private pendingField = "";
  /** How many characters of the current field were read in earlier chunks. */
  private pendingFieldLength = 0;
  private record: string[] = [];
  /** The end of a chunk, read again with the next one (it may need what follows to be understood). */
  private heldBack = "";
  private irregularity: CsvIrregularity | null = null;

  /**
   * @param collect whether to keep fields (false: only check the text)
   * @param continuedDelimiter for text that continues a file at a record's start (a batch of whole records read by a
   *   worker thread): the file's record delimiter, found before; the text then has no byte-order mark to drop
   */
  constructor(collect = true, continuedDelimiter: RecordDelimiterText | null = null) {
    this.collect = collect;
    if (continuedDelimiter !== null) {
      this.delimiter = DELIMITER_TEXT.indexOf(continuedDelimiter) as RecordDelimiter;
      this.started = true;
    }
  }

  /** The first irregularity met, or null while the text read is regular CSV. Once set, nothing more is parsed. */
  get firstIrregularity(): CsvIrregularity | null {
    return this.irregularity;
  }

  /**
   * Reads the next piece of text and returns the records it completes (none when not collecting). `last` marks the
   * end of the input: the final record is then complete even without a line break.
   */
  push(chunk: string, last: boolean): string[][] {
    const records: string[][] = [];
    if (this.irregularity !== null) return records;
    let text = this.heldBack === "" ? chunk : this.heldBack + chunk;
    this.heldBack = "";
    if (!this.started && !last && text.length < BYTE_ORDER_MARK_LENGTH) {
      // Too short to tell whether the text starts with a byte-order mark (as Latin-1, three characters).
      this.heldBack = text;
      return records;
    }
    if (!this.started && text.length > 0) {
      this.started = true;
      const mark = BYTE_ORDER_MARKS.find((candidate) => text.startsWith(candidate));
      if (mark !== undefined) text = text.slice(mark.length);
    }
    // Every decision looks at most two characters ahead (a quote, then \r\n): before the end, keep the last two.
    const end = last ? text.length : Math.max(0, text.length - LOOKAHEAD);
    const consumed = this.parse(text, end, records);
    if (this.irregularity !== null) return records;
    if (last) {
      this.finish(text, records);
    } else {
      this.keepPartialField(text, consumed);
      this.heldBack = text.slice(consumed);
    }
    return records;
  }

  private fail(kind: CsvIrregularity["kind"]): void {
    this.irregularity = { kind };
  }

  private fieldIsEmpty(index: number): boolean {
    return index === this.fieldStart && this.pendingFieldLength === 0;
  }

  private takeField(text: string, fieldEnd: number): void {
    this.wasQuoting = false;
    if (!this.collect) {
      this.pendingFieldLength = 0;
      return;
    }
    let field = this.pendingField === "" ? text.slice(this.fieldStart, fieldEnd) : this.pendingField + text.slice(this.fieldStart, fieldEnd);
    if (this.hasEscapedQuote) field = field.replace(ESCAPED_QUOTES, '"');
    this.record.push(field);
    this.pendingField = "";
    this.pendingFieldLength = 0;
    this.hasEscapedQuote = false;
  }

  private takeRecord(records: string[][]): void {
    if (!this.collect) return;
    const record = this.record;
    this.record = [];
    if (!isBlankRecord(record)) records.push(record);
  }

  /** At a record delimiter outside quotes: an empty line is skipped, anything else ends the field and the record. */
  private endLine(text: string, index: number, records: string[][]): void {
    this.atRecordStart = true;
    if (!this.wasQuoting && this.record.length === 0 && this.fieldIsEmpty(index)) return;
    this.takeField(text, index);
    this.takeRecord(records);
  }

  /** The length of the record delimiter at `index` (deciding which one the file uses when not yet known), or 0. */
  private delimiterLength(text: string, index: number, code: number): number {
    if (code !== LINE_FEED && code !== CARRIAGE_RETURN) return 0;
    const crlf = code === CARRIAGE_RETURN && text.charCodeAt(index + 1) === LINE_FEED;
    switch (this.delimiter) {
      case RecordDelimiter.Unknown:
        this.delimiter = code === LINE_FEED ? RecordDelimiter.LineFeed : crlf ? RecordDelimiter.CarriageReturnLineFeed : RecordDelimiter.CarriageReturn;
        return crlf ? 2 : 1;
      case RecordDelimiter.LineFeed:
        return code === LINE_FEED ? 1 : 0;
      case RecordDelimiter.CarriageReturn:
        return code === CARRIAGE_RETURN ? 1 : 0;
      case RecordDelimiter.CarriageReturnLineFeed:
        return crlf ? 2 : 0;
    }
  }

  /**
   * Whole lines without a quote, from `index` (a record's start) while they end before `end`: cut with split(",").
   * Returns where the first line it does not take starts.
   */
  private takePlainLines(text: string, index: number, end: number, records: string[][]): number {
    const delimiter = DELIMITER_TEXT[this.delimiter] as string;
    let nextQuote = text.indexOf('"', index);
    if (nextQuote === -1) nextQuote = text.length;
    if (!this.collect) {
      // Checking only: every line that ends before the next quote (and before `end`) is regular; skip them at once.
      const lastLineEnd = text.lastIndexOf(delimiter, Math.min(end, nextQuote) - 1);
      if (lastLineEnd >= index) index = lastLineEnd + delimiter.length;
    }
    while (index < end) {
      const lineEnd = text.indexOf(delimiter, index);
      if (lineEnd === -1 || lineEnd >= end || nextQuote < lineEnd) return index;
      if (this.collect && lineEnd > index) {
        const record = text.slice(index, lineEnd).split(",");
        // Most records start with a non-blank field: one trim() then tells they are not blank.
        if ((record[0] as string).trim() !== "" || !isBlankRecord(record)) records.push(record);
      }
      index = lineEnd + delimiter.length;
    }
    return index;
  }

  /** Parses from the start of `text` up to `end` (reading ahead past it); returns where it stopped (≥ end). */
  private parse(text: string, end: number, records: string[][]): number {
    this.fieldStart = 0;
    let index = 0;
    while (index < end) {
      if (this.atRecordStart && this.delimiter !== RecordDelimiter.Unknown) {
        index = this.takePlainLines(text, index, end, records);
        this.fieldStart = index;
        if (index >= end) break;
      }
      this.atRecordStart = false;
      if (this.quoting) {
        const quote = text.indexOf('"', index);
        if (quote === -1 || quote >= end) return end;
        if (text.charCodeAt(quote + 1) === QUOTE) {
          this.hasEscapedQuote = true;
          index = quote + 2;
          continue;
        }
        // A closing quote: what follows must end the field (a comma, a record delimiter or the end of the input).
        this.quoting = false;
        this.wasQuoting = true;
        if (this.collect) this.pendingField = this.pendingField + text.slice(this.fieldStart, quote);
        this.pendingFieldLength += quote - this.fieldStart;
        index = quote + 1;
        this.fieldStart = index;
        if (index >= text.length) return index;
        const code = text.charCodeAt(index);
        if (code !== COMMA && this.delimiterLength(text, index, code) === 0) {
          this.fail("text-after-closing-quote");
          return index;
        }
        continue;
      }
      const code = text.charCodeAt(index);
      if (code === COMMA) {
        this.takeField(text, index);
        index++;
        this.fieldStart = index;
        continue;
      }
      if (code === QUOTE) {
        if (this.wasQuoting || !this.fieldIsEmpty(index)) {
          this.fail("quote-inside-field");
          return index;
        }
        this.quoting = true;
        index++;
        this.fieldStart = index;
        continue;
      }
      if (code === LINE_FEED || code === CARRIAGE_RETURN) {
        const length = this.delimiterLength(text, index, code);
        if (length > 0) {
          this.endLine(text, index, records);
          index += length;
          this.fieldStart = index;
          continue;
        }
      }
      index++;
    }
    return index;
  }

  /** At the end of a chunk: keep the unfinished field's text (up to `consumed`) for the next one. */
  private keepPartialField(text: string, consumed: number): void {
    if (this.collect) this.pendingField = this.pendingField + text.slice(this.fieldStart, consumed);
    this.pendingFieldLength += consumed - this.fieldStart;
    this.fieldStart = 0;
  }

  private finish(text: string, records: string[][]): void {
    if (this.quoting) {
      this.fail("quote-not-closed");
      return;
    }
    if (this.wasQuoting || this.record.length > 0 || !this.fieldIsEmpty(text.length)) {
      this.takeField(text, text.length);
      this.takeRecord(records);
    }
  }
}
