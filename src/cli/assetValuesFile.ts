/*
 * Files of one number per asset row — exposures (asset, vega), vol-of-vols (asset, volvol), current vols (asset, vol):
 * read every row, keep the good ones, and name each bad one by its line, so that a command can refuse to compute on
 * part of a book and say exactly which rows to fix.
 */
import type { AssetValue } from "../core/hedge";
import { NumberField, isCellProblem, quoteField, readRequiredNumber } from "./cellParsing";
import { takeAssetColumnMarker } from "./changesMarker";
import { CsvLine, findTableWithColumns, readCsvLines } from "./csvSections";
import { checkUniqueColumnNames, columnKey, fitsHeader } from "./csvTable";
import { ChangesWord } from "./optionValues";

/** The rows read: one value per good row, in file order, and one message per bad row. */
export interface AssetValuesReading {
  /** The header of the table read (names trimmed). */
  header: readonly string[];
  values: AssetValue[];
  /** "book.csv line 4 (ETH): vega "abc" is not a number; expected …" */
  problems: string[];
  rowCount: number;
  /** The change-kind marker in place of the asset column's name (`abs,volvol`), when read with `changesMarker`. */
  changes: ChangesWord | null;
}

/** Where in a file a row is, for messages: "book.csv line 4 (ETH)". */
function whereIs(path: string, record: CsvLine, asset: string): string {
  return `${path} line ${record.line}${asset === "" ? "" : ` (${asset})`}`;
}

/**
 * Reads the `asset` column and the number column `field.column` (header names trimmed, any case; other columns
 * ignored). A row is bad when its asset is blank, its number is blank or not a number, or it has a different number of
 * fields from the header (a missing or extra comma would shift its columns; blank fields past the end are ignored).
 * Throws UnusableInputError when the columns are missing or a column name appears twice.
 * @param changesMarker whether the asset column's name may be a change-kind marker (vol-of-vols: `abs,volvol`)
 */
export function readAssetValues(text: string, path: string, field: NumberField, changesMarker = false): AssetValuesReading {
  return readAssetValueLines(readCsvLines(text, path), path, field, changesMarker);
}

/** readAssetValues on a file already split into CSV lines. */
export function readAssetValueLines(lines: readonly CsvLine[], path: string, field: NumberField, changesMarker = false): AssetValuesReading {
  const marked = changesMarker ? takeAssetColumnMarker(lines, field.column) : { lines, changes: null };
  const table = findTableWithColumns(marked.lines, ["asset", field.column], path);
  checkUniqueColumnNames(table.header, path);
  const keys = table.header.map(columnKey);
  const assetIndex = keys.indexOf("asset");
  const valueIndex = keys.indexOf(field.column);
  const values: AssetValue[] = [];
  const problems: string[] = [];
  for (const record of table.rows) {
    const asset = (record.fields[assetIndex] ?? "").trim();
    const where = whereIs(path, record, asset);
    if (!fitsHeader(record.fields, table.header.length)) {
      problems.push(`${where}: the row has ${record.fields.length} fields but the header has ${table.header.length}: check for a missing or extra comma`);
      continue;
    }
    if (asset === "") {
      problems.push(`${where}: asset is blank (${field.column} ${quoteField(record.fields[valueIndex] ?? "")}); every row needs an asset name such as BTC`);
      continue;
    }
    const value = readRequiredNumber(record.fields[valueIndex], field);
    if (isCellProblem(value)) {
      problems.push(`${where}: ${value.problem}`);
      continue;
    }
    values.push({ asset, value });
  }
  return { header: table.header, values, problems, rowCount: table.rows.length, changes: marked.changes };
}
