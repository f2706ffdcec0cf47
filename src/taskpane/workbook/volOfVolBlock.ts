/*
 * XV_VOLVOL: asset names and vol-of-vols in two columns, as =XV.XVEGAHEDGE reads its `volvols` argument. An asset
 * whose vol-of-vol is not set gets a blank cell (the hedge then says which asset lacks one). Pure.
 */
import { assetKey } from "../../core/correlation";
import type { CorrelationConfig } from "../correlation/correlationConfig";
import { VOL_OF_VOL_NAME } from "./workbookGateway";
import { describeCell, gridShape, isBlankCell } from "./cellReading";
import { blank, numberCell, text, type CellSpec } from "./sheetBlock";

export function volOfVolRows(config: CorrelationConfig): CellSpec[][] {
  if (config.volOfVols.length !== config.assets.length) {
    throw new RangeError(`${config.volOfVols.length} vol-of-vols for ${config.assets.length} assets: give one per asset (null when not set)`);
  }
  return config.assets.map((asset, i) => {
    const value = config.volOfVols[i];
    return [text(asset), value === null || value === undefined ? blank() : numberCell(value)];
  });
}

/** One vol-of-vol per asset, in `assets` order; an asset missing from the block or blank there is null. */
export function readVolOfVolBlock(values: unknown[][], assets: readonly string[]): (number | null)[] | { problem: string } {
  const shape = gridShape(values);
  if (!shape || (shape.rows > 0 && shape.columns !== 2)) {
    return { problem: `${VOL_OF_VOL_NAME} must be two columns (asset name, vol of vol); save the set-up again from the pane` };
  }
  const byAsset = new Map<string, { name: string; value: number | null }>();
  for (let k = 0; k < shape.rows; k++) {
    const [name, value] = values[k] ?? [];
    if (isBlankCell(name) && isBlankCell(value)) continue;
    if (typeof name !== "string" || name.trim() === "") {
      return { problem: `${VOL_OF_VOL_NAME} row ${k + 1} has ${describeCell(name)} where an asset name belongs` };
    }
    const key = assetKey(name);
    if (byAsset.has(key)) return { problem: `${VOL_OF_VOL_NAME} lists ${name.trim()} twice: keep one row per asset` };
    if (!isBlankCell(value) && (typeof value !== "number" || !Number.isFinite(value))) {
      return { problem: `${VOL_OF_VOL_NAME} for ${name.trim()} is ${describeCell(value)}: give a number, or leave it blank when not set` };
    }
    byAsset.set(key, { name: name.trim(), value: typeof value === "number" ? value : null });
  }
  const known = new Set(assets.map(assetKey));
  const stranger = [...byAsset].find(([key]) => !known.has(key));
  if (stranger !== undefined) {
    return { problem: `${VOL_OF_VOL_NAME} lists ${stranger[1].name}, which is not an asset of the correlation matrix: save the set-up again from the pane` };
  }
  return assets.map((asset) => byAsset.get(assetKey(asset))?.value ?? null);
}
