/*
 * The output of a row-by-row command (vega, iv, greeks) written a batch of rows at a time, so that a file of millions
 * of rows never exists as one table or one string. The text is exactly what formatTable (csvTable.ts) gives for the
 * whole table: test/cli/rowTableOutput.test.ts compares the two.
 */
import { CsvOutputCell, neutraliseFormula } from "./csvOutput";
import { OutputFormat, formatJsonRow } from "./csvTable";
import { checkFinite } from "./finiteOutput";

const QUOTES = /"/g;
const COMMA = 44;
const QUOTE = 34;
const LINE_FEED = 10;
const CARRIAGE_RETURN = 13;
/** The first characters neutraliseFormula looks at: = + - @ tab \r, and the full-width ＝ ＋ － ＠. */
const FORMULA_START_CODES: ReadonlySet<number> = new Set([61, 43, 45, 64, 9, 13, 0xff1d, 0xff0b, 0xff0d, 0xff20]);

/** Whether csv-stringify (default options) quotes the text: it holds its delimiter, quote or a line break. */
function needsQuotes(text: string): boolean {
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === COMMA || code === QUOTE || code === LINE_FEED || code === CARRIAGE_RETURN) return true;
  }
  return false;
}

/** A text field as formatCsvRows writes it: neutralised, then quoted when it holds , " \n or \r, "" for a quote. */
function csvText(text: string): string {
  // Only text starting with one of those characters can change; most fields (numbers, names) are left as they are.
  const safe = FORMULA_START_CODES.has(text.charCodeAt(0)) ? neutraliseFormula(text) : text;
  return needsQuotes(safe) ? `"${safe.replace(QUOTES, '""')}"` : safe;
}

export class RowTableWriter {
  private readonly format: OutputFormat;
  private readonly header: readonly string[];
  private rowCount = 0;
  private readonly continuing: boolean;
  /** Reused for each CSV line. */
  private readonly fields: string[] = [];

  /**
   * @param continuing for rows that continue a table written elsewhere (a worker thread's batch): every JSON row then
   *   follows ",\n", and the table's own writer takes the text with `append`
   */
  constructor(format: OutputFormat, header: readonly string[], continuing = false) {
    this.format = format;
    this.header = header;
    this.continuing = continuing;
  }

  /** Takes rows formatted by a continuing writer, in order: their text as this table's next rows. */
  append(batch: { output: string; rows: number }): string {
    if (batch.rows === 0) return "";
    const first = this.rowCount === 0;
    this.rowCount += batch.rows;
    // A continuing writer puts ",\n" before every JSON row; the table's first row follows "[\n" instead.
    return this.format === "json" && first ? `[\n${batch.output.slice(2)}` : batch.output;
  }

  /** The text before the first row: the header line in CSV, nothing in JSON (its opening bracket comes with a row). */
  start(): string {
    return this.format === "csv" ? `${this.header.map(csvText).join(",")}\n` : "";
  }

  /** The text of a batch of rows. Throws NonFiniteOutputError for a number that is not finite. */
  rows(rows: readonly (readonly CsvOutputCell[])[]): string {
    let text = "";
    for (const row of rows) text += this.row(row);
    return text;
  }

  /** The text of the next row. Throws NonFiniteOutputError for a number that is not finite. */
  row(row: readonly CsvOutputCell[]): string {
    this.rowCount++;
    if (this.format === "json") return `${this.rowCount === 1 && !this.continuing ? "[\n" : ",\n"}${formatJsonRow(this.header, row, this.rowCount)}`;
    return this.csvLine(row);
  }

  /** The text after the last row. */
  end(): string {
    if (this.format === "csv") return "";
    return this.rowCount === 0 ? "[]\n" : "\n]\n";
  }

  private csvLine(row: readonly CsvOutputCell[]): string {
    // The fields as text, joined once: far less garbage than appending field by field.
    const fields = this.fields;
    fields.length = row.length;
    for (let index = 0; index < row.length; index++) {
      const cell = row[index] ?? null;
      if (typeof cell === "string") fields[index] = csvText(cell);
      else if (typeof cell === "number") {
        if (!Number.isFinite(cell)) checkFinite(cell, () => this.describeCell(row, index));
        fields[index] = String(cell);
      } else fields[index] = "";
    }
    return `${fields.join(",")}\n`;
  }

  /** "row T7, column vega", as formatCsvRows names a cell: by the row's first cell, or its number in the table. */
  private describeCell(row: readonly CsvOutputCell[], columnIndex: number): string {
    const label = row[0];
    const column = this.header[columnIndex];
    const place = typeof label === "string" && label.trim() !== "" ? `row ${label}` : `row ${this.rowCount}`;
    return typeof column === "string" && column.trim() !== "" ? `${place}, column ${column}` : `${place}, column ${columnIndex + 1}`;
  }
}
