import { assetKey, cleanAssetName, explainUnmatchedAssetName, findAssetNameProblem, listAssetNames } from "../correlation/assetNames";
import { flatSubmatrixWithUnitDiagonal } from "../correlation/flatCorrelation";
import { DEFAULT_LOT_SIZE, findContractProblem } from "./hedgeContracts";
import { HedgeInputError } from "./hedgeErrors";
import { checkHedgeMatrix } from "./hedgeMatrixCheck";
import { checkVolOfVols } from "./volOfVolChecks";
import type { AssetValue, HedgeWarning, ProxyHedgeInput, TargetVega, VolChangeScale } from "./hedgeTypes";

/** Below this a current vol was almost surely typed as a decimal (0.65 for 65 vol points). */
export const MIN_PLAUSIBLE_VOL_POINTS = 1;
/**
 * Sanity bounds, far beyond any real book, that keep every variance finite (no Infinity or NaN can reach a cell):
 * vegas and contract vegas in cash per vol point, vol-of-vols in vol points (or log units) per day, vols in points.
 */
export const MAX_ABSOLUTE_VEGA = 1e15;
export const MAX_VOL_OF_VOL = 1e4;
export const MAX_VOL_POINTS = 1e5;
/** A ridge this large has shrunk the hedge to nothing long before. */
export const MAX_RIDGE = 1e6;

/** The hedge problem over the assets involved (targets first, then proxies that are not targets). */
export interface ResolvedHedge extends ResolvedHedgeRequest {
  /** Correlations between involved assets, row-major (i·assets.length + j), exactly symmetric, unit diagonal. */
  correlation: Float64Array;
}

/**
 * The involved assets' correlations where they lie: entry (i, j) of the checked matrix's symmetric part is
 * values[rows[i]·size + rows[j]] (i ≠ j), 1 on the diagonal. `values` is the validity memo's buffer
 * (validatedCorrelationMemo.ts): it holds until the next hedge is resolved, so read it at once, never keep it.
 */
export interface CorrelationRows {
  values: Float64Array;
  size: number;
  rows: number[];
}

/** `ResolvedHedge` without the correlation sub-matrix built: what `computeProxyHedge` needs, nothing allocated n×n. */
export interface ResolvedHedgeRequest {
  changes: VolChangeScale;
  /** Display names (first spelling, trimmed). */
  assets: string[];
  /** How many of `assets` are targets (they come first). */
  targetCount: number;
  /** Net vega per involved asset (0 for a proxy that is not a target). */
  vegas: number[];
  /** Index into `assets` of each proxy, in the proxies' order. */
  proxyIndices: number[];
  /** Standard deviation of daily vol changes per involved asset, in vol points (D·s for relative changes). */
  deviations: number[];
  /** Valid until the next hedge is resolved (see CorrelationRows). */
  correlationRows: CorrelationRows;
  ridge: number;
  /** Per proxy, in order; null when no contract sizing was asked for. */
  contracts: { vegaPerContract: number; lotSize: number }[] | null;
  warnings: HedgeWarning[];
}

function invalid(message: string): never {
  throw new HedgeInputError("invalidInput", message);
}

/** Nets target legs by asset name, keeping the first spelling and the first-appearance order. */
export function netTargetVegas(targets: readonly TargetVega[]): TargetVega[] {
  if (!Array.isArray(targets) || targets.length === 0) invalid("no target vegas were given: give at least one row of asset and vega per vol point");
  const netted = new Map<string, TargetVega>();
  // A plain loop, no callback: a full GC throws away the optimised code of closures made per call.
  for (let row = 0; row < targets.length; row++) {
    const leg = targets[row] as TargetVega;
    const asset = leg?.asset;
    if (typeof asset !== "string" || assetKey(asset) === "") invalid(`target row ${row + 1} has no asset name: every target needs one, such as ALT`);
    const vega = leg.vegaPerVolPoint;
    if (typeof vega !== "number" || !Number.isFinite(vega)) {
      invalid(`target row ${row + 1} (${cleanAssetName(asset)}): vega ${String(vega)} must be a finite cash vega per vol point`);
    }
    if (Math.abs(vega) > MAX_ABSOLUTE_VEGA) invalid(`target row ${row + 1} (${cleanAssetName(asset)}): vega ${vega} is larger than ${MAX_ABSOLUTE_VEGA}: check the cell`);
    const key = assetKey(asset);
    const existing = netted.get(key);
    if (existing) existing.vegaPerVolPoint += vega;
    else netted.set(key, { asset: cleanAssetName(asset), vegaPerVolPoint: vega });
  }
  return [...netted.values()];
}

export function checkProxies(proxies: readonly string[]): void {
  if (!Array.isArray(proxies) || proxies.length === 0) invalid("no proxies were given: name at least one asset to hedge with, such as BTC");
  const problem = findAssetNameProblem(proxies, "proxy");
  if (problem) invalid(problem);
}

/** Looks up one value per involved asset in a named list; `what` names the list in messages. */
function valuesFor(
  list: readonly AssetValue[],
  involvedAssets: readonly string[],
  what: string,
  isAllowed: (value: number) => boolean,
  requirement: string,
): number[] {
  if (!Array.isArray(list)) invalid(`${what} must be a list of asset names and values`);
  const names = new Array<string>(list.length);
  for (let position = 0; position < list.length; position++) names[position] = (list[position] as AssetValue | undefined)?.asset as string;
  const nameProblem = findAssetNameProblem(names, what);
  if (nameProblem) invalid(nameProblem);
  const byKey = new Map<string, number>();
  for (let position = 0; position < list.length; position++) {
    const entry = list[position] as AssetValue;
    if (typeof entry.value !== "number" || !isAllowed(entry.value)) invalid(`${what} for ${cleanAssetName(entry.asset)} is ${String(entry.value)}: it must be ${requirement}`);
    byKey.set(assetKey(entry.asset), entry.value);
  }
  const values = new Array<number>(involvedAssets.length);
  for (let position = 0; position < involvedAssets.length; position++) {
    const asset = involvedAssets[position] as string;
    const value = byKey.get(assetKey(asset));
    if (value === undefined) {
      const why = explainUnmatchedAssetName(asset, names);
      const fix = why === "" ? `add it to the ${what} list (it must cover every target and proxy)` : why;
      throw new HedgeInputError("missingAsset", `no ${what} for ${cleanAssetName(asset)}: ${fix}`);
    }
    values[position] = value;
  }
  return values;
}

/** The allowed vol-of-vols and current vols (module-level functions: see `bookAndProxyAssets`). */
function isAllowedVolOfVol(value: number): boolean {
  return Number.isFinite(value) && value >= 0 && value <= MAX_VOL_OF_VOL;
}

function isAllowedCurrentVol(value: number): boolean {
  return Number.isFinite(value) && value > 0 && value <= MAX_VOL_POINTS;
}

/** The ridge λ (default 0), refused unless a number from 0 to MAX_RIDGE. */
export function checkedRidge(ridge: number | undefined): number {
  const value = ridge ?? 0;
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0 || value > MAX_RIDGE) {
    invalid(`ridge ${String(value)} must be a number from 0 to ${MAX_RIDGE} (0 = none; 0.01–0.1 shrinks an unstable hedge)`);
  }
  return value;
}

/** The assets a hedge involves: the netted targets first, then the proxies that are not targets; each proxy's index. */
export function bookAndProxyAssets(targets: readonly TargetVega[], proxies: readonly string[]): { assets: string[]; proxyIndices: number[]; vegas: number[] } {
  // Plain loops here and through the hedge, no callbacks: V8 keeps a closure's optimised code only while some closure
  // made from it lives, so callbacks made anew per call ran in the interpreter after every full GC until compiled
  // again (13 of them, seen with --trace-opt, ≈ 0.4 ms on the next hedges).
  const assets = new Array<string>(targets.length);
  const vegas = new Array<number>(targets.length);
  const positions = new Map<string, number>();
  for (let position = 0; position < targets.length; position++) {
    const target = targets[position] as TargetVega;
    assets[position] = target.asset;
    vegas[position] = target.vegaPerVolPoint;
    positions.set(assetKey(target.asset), position);
  }
  const proxyIndices = new Array<number>(proxies.length);
  for (let a = 0; a < proxies.length; a++) {
    const key = assetKey(proxies[a] as string);
    let position = positions.get(key);
    if (position === undefined) {
      position = assets.length;
      assets.push(cleanAssetName(proxies[a] as string));
      vegas.push(0);
      positions.set(key, position);
    }
    proxyIndices[a] = position;
  }
  return { assets, proxyIndices, vegas };
}

/** Validates and normalises a hedge request (netting, name matching, sub-matrix), throwing `HedgeInputError`. */
export function resolveHedgeInput(input: ProxyHedgeInput): ResolvedHedge {
  const request = resolveHedgeRequest(input);
  const { values, size, rows } = request.correlationRows;
  return { ...request, correlation: flatSubmatrixWithUnitDiagonal(values, size, rows) };
}

/** `resolveHedgeInput` up to the sub-matrix, which is left where it lies (`correlationRows`). */
export function resolveHedgeRequest(input: ProxyHedgeInput): ResolvedHedgeRequest {
  const targets = netTargetVegas(input.targets);
  checkProxies(input.proxies);
  const changes = input.changes ?? "absolute";
  if (changes !== "absolute" && changes !== "relative") invalid(`changes ${String(changes)} must be absolute (vol points) or relative (log changes)`);
  const ridge = checkedRidge(input.ridge);

  const { assets, proxyIndices, vegas } = bookAndProxyAssets(targets, input.proxies);

  const matrix = checkHedgeMatrix(input, assets);
  const rows = new Array<number>(assets.length);
  for (let position = 0; position < assets.length; position++) rows[position] = matrix.index.get(assetKey(assets[position] as string)) ?? 0;
  const correlationRows = { values: matrix.values, size: input.correlation.values.length, rows };

  const warnings: HedgeWarning[] = [];
  let volOfVols: number[];
  if (input.volOfVols === undefined) {
    volOfVols = new Array<number>(assets.length).fill(1);
    warnings.push({
      code: "volOfVolsOmitted",
      message: "no vol-of-vols were given, so every asset is assumed to move equally (s = 1): the hedge uses correlations only and the P&L standard deviations are per unit of vol-of-vol, not currency per day",
    });
  } else {
    volOfVols = valuesFor(input.volOfVols, assets, "vol-of-vol", isAllowedVolOfVol, `a standard deviation of daily vol changes, from 0 to ${MAX_VOL_OF_VOL}`);
  }
  let deviations = volOfVols;
  let currentVols: number[] | null = null;
  if (changes === "relative") {
    if (input.currentVols === undefined) invalid("relative changes need the current vol of every target and proxy (in vol points, 65 for 65%): give them, or use absolute changes");
    currentVols = valuesFor(input.currentVols, assets, "current vol", isAllowedCurrentVol, `a vol level in vol points (65 for 65%), > 0 and at most ${MAX_VOL_POINTS}`);
    deviations = new Array<number>(assets.length);
    const decimal: string[] = [];
    for (let i = 0; i < assets.length; i++) {
      deviations[i] = (volOfVols[i] as number) * (currentVols[i] as number);
      if ((currentVols[i] as number) < MIN_PLAUSIBLE_VOL_POINTS) decimal.push(assets[i] as string);
    }
    if (decimal.length > 0) {
      warnings.push({
        code: "currentVolsLookDecimal",
        message: `current vol of ${listAssetNames(decimal)} is below ${MIN_PLAUSIBLE_VOL_POINTS} vol point: if it was typed as a decimal (0.65), enter vol points (65), or the P&L standard deviations come out 100× too small`,
      });
    }
  }

  checkVolOfVols({ changes, assets, vegas, proxyIndices, volOfVols, currentVols, deviations });

  let contracts: ResolvedHedge["contracts"] = null;
  if (input.contracts !== undefined) {
    if (!Array.isArray(input.contracts)) invalid("contracts must be a list of proxy, vega per contract and lot size");
    const nameProblem = findAssetNameProblem(
      input.contracts.map((spec) => spec?.proxy),
      "contract proxy",
    );
    if (nameProblem) invalid(nameProblem);
    const proxyKeys = new Set(input.proxies.map(assetKey));
    const byKey = new Map<string, { vegaPerContract: number; lotSize: number }>();
    for (const spec of input.contracts) {
      if (!proxyKeys.has(assetKey(spec.proxy))) {
        const why = explainUnmatchedAssetName(spec.proxy, input.proxies);
        invalid(`a contract is given for ${cleanAssetName(spec.proxy)}, which is not one of the proxies (${listAssetNames(input.proxies)})${why === "" ? "" : `: ${why}`}`);
      }
      const lotSize = spec.lotSize ?? DEFAULT_LOT_SIZE;
      const problem = findContractProblem(cleanAssetName(spec.proxy), spec.vegaPerContract, lotSize);
      if (problem) invalid(problem);
      byKey.set(assetKey(spec.proxy), { vegaPerContract: spec.vegaPerContract, lotSize });
    }
    contracts = input.proxies.map((proxy) => byKey.get(assetKey(proxy)) ?? invalid(`no contract vega for proxy ${cleanAssetName(proxy)}: give one for every proxy, or none`));
  }
  return { changes, assets, targetCount: targets.length, vegas, proxyIndices, deviations, correlationRows, ridge, contracts, warnings };
}
