/*
 * XV_CORR: the labelled correlation matrix as =XV.XVEGAHEDGE reads its `correlations` argument: asset names across
 * the first row and down the first column, in the same order, and the top-left cell saying how vol changes are
 * measured ("abs" or "log"). Written from, and read back into, the pane's set-up. Pure.
 */
import { assetKey } from "../../core/correlation";
import type { ChangeKind, CorrelationConfig } from "../correlation/correlationConfig";
import { CORRELATION_NAME } from "./workbookGateway";
import { describeCell, gridShape } from "./cellReading";
import { numberCell, text, type CellSpec } from "./sheetBlock";

/** The top-left cell of XV_CORR for each kind of vol change. */
export const CHANGE_CORNERS: Readonly<Record<ChangeKind, string>> = { absolute: "abs", log: "log" };

export function correlationRows(config: CorrelationConfig): CellSpec[][] {
  const size = config.assets.length;
  if (size === 0) throw new RangeError("the set-up has no assets: there is no matrix to save");
  if (config.correlations.length !== size || config.correlations.some((row) => row.length !== size)) {
    throw new RangeError(`the correlation matrix must be ${size} × ${size}, one row and one column per asset`);
  }
  const header = [text(CHANGE_CORNERS[config.changes]), ...config.assets.map(text)];
  return [header, ...config.assets.map((asset, i) => [text(asset), ...(config.correlations[i] ?? []).map(numberCell)])];
}

export type CorrelationBlock = { assets: string[]; correlations: number[][]; changes: ChangeKind };

function changesFromCorner(corner: unknown): ChangeKind | null {
  const label = typeof corner === "string" ? corner.trim().toLowerCase() : "";
  const match = (Object.keys(CHANGE_CORNERS) as ChangeKind[]).find((kind) => CHANGE_CORNERS[kind] === label);
  return match ?? null;
}

function nonBlankText(value: unknown): value is string {
  return typeof value === "string" && value.trim() !== "";
}

export function readCorrelationBlock(values: unknown[][]): CorrelationBlock | { problem: string } {
  const shape = gridShape(values);
  if (!shape || shape.rows < 2 || shape.rows !== shape.columns) {
    const size = shape ? `${shape.rows} × ${shape.columns}` : "ragged";
    return { problem: `${CORRELATION_NAME} is ${size}: it must be a square block with asset names in its first row and first column; save the set-up again from the pane` };
  }
  const header = values[0] ?? [];
  const changes = changesFromCorner(header[0]);
  if (!changes) {
    return { problem: `${CORRELATION_NAME} has ${describeCell(header[0])} in its top-left cell: it must say abs or log (how vol changes are measured)` };
  }
  const assets: string[] = [];
  const correlations: number[][] = [];
  for (let i = 1; i < shape.rows; i++) {
    const columnName = header[i];
    const row = values[i] ?? [];
    const rowName = row[0];
    if (!nonBlankText(columnName) || !nonBlankText(rowName)) {
      return { problem: `${CORRELATION_NAME} row ${i + 1} or column ${i + 1} has no asset name (${describeCell(rowName)}, ${describeCell(columnName)})` };
    }
    if (assetKey(rowName) !== assetKey(columnName)) {
      return { problem: `${CORRELATION_NAME} row ${i + 1} is labelled ${rowName.trim()} but column ${i + 1} ${columnName.trim()}: rows and columns must list the same assets in the same order` };
    }
    const entries: number[] = [];
    for (let j = 1; j < shape.columns; j++) {
      const entry = row[j];
      if (typeof entry !== "number" || !Number.isFinite(entry)) {
        return { problem: `${CORRELATION_NAME} entry (${rowName.trim()}, ${String(header[j]).trim()}) is ${describeCell(entry)}, not a number` };
      }
      entries.push(entry);
    }
    assets.push(columnName);
    correlations.push(entries);
  }
  return { assets, correlations, changes };
}
