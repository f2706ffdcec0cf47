/*
 * The XV_Config sheet: where each block goes and how the set-up turns into cells and back, without Office, so the
 * save → load round trip is testable as plain data. The Office module writes `configToSheet`'s blocks and names and
 * reads the three names' values into `configFromNamedValues`.
 *
 *   A1   marker (the ownership test: a sheet called XV_Config without it is not ours)
 *   A2   note
 *   A4   title;  A5:B10  XV_META   (label, value: as_of, source, method, lambda, repaired, changes)
 *   A12  title;  A13:B(12+n)       XV_VOLVOL (asset, vol of vol; blank = not set)
 *   D12  title;  D13 and (n+1) × (n+1) from there: XV_CORR (corner abs/log, names across and down)
 *
 * Every block starts at a fixed cell, so a save with more or fewer assets only grows or shrinks them; the Office
 * module clears the previous extents (the old names' ranges) before writing.
 */
import type { CorrelationConfig } from "../correlation/correlationConfig";
import { CORRELATION_NAME, METADATA_NAME, VOL_OF_VOL_NAME } from "./workbookGateway";
import { correlationRows, readCorrelationBlock } from "./correlationBlock";
import { metadataRows, readMetadataBlock } from "./metadataBlock";
import { block, text, type SheetBlock } from "./sheetBlock";
import { readVolOfVolBlock, volOfVolRows } from "./volOfVolBlock";

export const CONFIG_MARKER = "xvega configuration: managed by the xvega add-in; edit it in the xvega pane";
export const MARKER_ADDRESS = "A1";
export const CONFIG_NOTE =
  `Formulas read this set-up through the workbook names ${CORRELATION_NAME}, ${VOL_OF_VOL_NAME} and ${METADATA_NAME}. ` +
  "Saving from the pane rewrites these blocks.";

/** Zero-based positions of the blocks (see the map above). */
const METADATA_TITLE_ROW = 3;
const TABLES_TITLE_ROW = 11;
const VOL_OF_VOL_COLUMN = 0;
const CORRELATION_COLUMN = 3;

export type ConfigNameKey = typeof CORRELATION_NAME | typeof VOL_OF_VOL_NAME | typeof METADATA_NAME;

export interface ConfigSheetLayout {
  /** The marker cell, A1. */
  marker: SheetBlock;
  /** Everything else, in writing order: note, titles, then XV_META, XV_VOLVOL, XV_CORR. */
  blocks: SheetBlock[];
  /** Address on XV_Config of each name's block ("D13:G16"). */
  names: Record<ConfigNameKey, string>;
}

/** True when a cell holds the add-in's marker: the sheet was written by xvega. */
export function isConfigMarker(value: unknown): boolean {
  return typeof value === "string" && value.trim() === CONFIG_MARKER;
}

export function configToSheet(config: CorrelationConfig): ConfigSheetLayout {
  const unit = config.changes === "log" ? "log units" : "vol points";
  const correlations = block(TABLES_TITLE_ROW + 1, CORRELATION_COLUMN, correlationRows(config));
  const volOfVols = block(TABLES_TITLE_ROW + 1, VOL_OF_VOL_COLUMN, volOfVolRows(config));
  const metadata = block(METADATA_TITLE_ROW + 1, 0, metadataRows(config));
  const title = (row: number, column: number, words: string): SheetBlock => block(row, column, [[text(words)]]);
  return {
    marker: block(0, 0, [[text(CONFIG_MARKER)]]),
    blocks: [
      block(1, 0, [[text(CONFIG_NOTE)]]),
      title(METADATA_TITLE_ROW, 0, `${METADATA_NAME}: how this set-up was made`),
      title(TABLES_TITLE_ROW, VOL_OF_VOL_COLUMN, `${VOL_OF_VOL_NAME}: sd of daily vol changes (${unit})`),
      title(TABLES_TITLE_ROW, CORRELATION_COLUMN, `${CORRELATION_NAME}: correlations of daily vol changes`),
      metadata,
      volOfVols,
      correlations,
    ],
    names: { [CORRELATION_NAME]: correlations.address, [VOL_OF_VOL_NAME]: volOfVols.address, [METADATA_NAME]: metadata.address },
  };
}

/** The set-up from the values of XV_CORR, XV_VOLVOL and XV_META, or what is wrong with them. */
export function configFromNamedValues(
  correlationValues: unknown[][],
  volOfVolValues: unknown[][],
  metadataValues: unknown[][],
): CorrelationConfig | { problem: string } {
  const matrix = readCorrelationBlock(correlationValues);
  if ("problem" in matrix) return matrix;
  const volOfVols = readVolOfVolBlock(volOfVolValues, matrix.assets);
  if ("problem" in volOfVols) return volOfVols;
  const meta = readMetadataBlock(metadataValues);
  if ("problem" in meta) return meta;
  if (meta.changes !== matrix.changes) {
    return {
      problem: `${CORRELATION_NAME} says its changes are ${matrix.changes} but ${METADATA_NAME} says ${meta.changes}: save the set-up again from the pane`,
    };
  }
  return { assets: matrix.assets, correlations: matrix.correlations, volOfVols, changes: matrix.changes, metadata: meta.metadata };
}
