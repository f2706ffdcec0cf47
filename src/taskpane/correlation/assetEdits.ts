/*
 * Edits of the asset list: add, rename, remove, reorder. The correlation rows and columns and the vol-of-vols always
 * move with their asset. Configs are never mutated: each edit returns a new one (or the same one when nothing changes).
 * Metadata rules: editProvenance.ts.
 */
import { assetNameProblem, assetPositionProblem } from "./assetNameRules";
import type { CorrelationConfig, EditResult } from "./correlationConfig";
import { typedByHand } from "./editProvenance";

const refuse = (message: string): EditResult => ({ ok: false, message });

/** Rows and columns of `correlations` and entries of `volOfVols` picked in `order` (positions in the old list). */
function reorder(config: CorrelationConfig, order: readonly number[]): Pick<CorrelationConfig, "assets" | "correlations" | "volOfVols"> {
  return {
    assets: order.map((k) => config.assets[k] as string),
    correlations: order.map((i) => order.map((j) => config.correlations[i]?.[j] ?? Number.NaN)),
    volOfVols: order.map((k) => config.volOfVols[k] ?? null),
  };
}

/** A new asset at the end: correlation 0 with every other asset, 1 with itself, no vol-of-vol yet. */
export function addAsset(config: CorrelationConfig, name: string): EditResult {
  const problem = assetNameProblem(name, config.assets);
  if (problem) return refuse(problem);
  const size = config.assets.length;
  return {
    ok: true,
    config: {
      ...config,
      assets: [...config.assets, name.trim()],
      correlations: [...config.correlations.map((row) => [...row, 0]), [...new Array<number>(size).fill(0), 1]],
      volOfVols: [...config.volOfVols, null],
      metadata: typedByHand(config.metadata, true),
    },
  };
}

/** Renames asset `index` (0-based); the same rules as `addAsset`, its own old name excepted. */
export function renameAsset(config: CorrelationConfig, index: number, name: string): EditResult {
  const positionProblem = assetPositionProblem(index, config.assets.length);
  if (positionProblem) return refuse(positionProblem);
  const problem = assetNameProblem(name, config.assets, index);
  if (problem) return refuse(problem);
  const trimmed = name.trim();
  if (config.assets[index] === trimmed) return { ok: true, config };
  return { ok: true, config: { ...config, assets: config.assets.map((old, k) => (k === index ? trimmed : old)) } };
}

/** Removes asset `index` (0-based) with its row, column and vol-of-vol. */
export function removeAsset(config: CorrelationConfig, index: number): EditResult {
  const positionProblem = assetPositionProblem(index, config.assets.length);
  if (positionProblem) return refuse(positionProblem);
  const order = config.assets.map((_, k) => k).filter((k) => k !== index);
  return { ok: true, config: { ...config, ...reorder(config, order) } };
}

/** Moves asset `from` to position `to` (both 0-based, as in a drag: the others close up around it). */
export function moveAsset(config: CorrelationConfig, from: number, to: number): EditResult {
  const size = config.assets.length;
  const problem = assetPositionProblem(from, size) ?? assetPositionProblem(to, size);
  if (problem) return refuse(problem);
  if (from === to) return { ok: true, config };
  const order = config.assets.map((_, k) => k).filter((k) => k !== from);
  order.splice(to, 0, from);
  return { ok: true, config: { ...config, ...reorder(config, order) } };
}
