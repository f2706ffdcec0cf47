/*
 * Reads the arguments of XV.XVEGAHEDGE and XV.HEDGESTATS (the same eight, in the same order) into the engine's
 * ProxyHedgeInput. Everything about the *ranges* is checked here, with the range position, argument and value in the
 * message; everything about the *numbers* (a valid correlation matrix, a positive lot size, a ridge in range) is the
 * engine's check, mapped to Excel errors in domainErrors.ts.
 */
import { DEFAULT_LOT_SIZE, type ProxyContractSpec, type ProxyHedgeInput, type TargetVega } from "../core/hedge";
import { cleanAssetName, describeOddCharacters } from "../core/correlation/assetNames";
import { MAX_ABSOLUTE_VEGA } from "../core/hedge/hedgeInputs";
import { describeCellValue, isCellProblem, isEmptyInRange, isNonBlankText, notANumberMessage, readOptionalNumber } from "./cellReading";
import { RangeInputError } from "./rangeInputError";
import { readAssetValues, readLabelledCorrelations } from "./labelledRanges";
import { listPosition, readCellList, readSingleCell, type CellList } from "./rangeReading";
import { parseVolChangeKind } from "./historyReading";

const EXPECT_VEGA = "a cash vega per vol point";
const WHOLE_BOOK = "the hedge needs every leg: fix or clear the row";
const EXPECT_CONTRACT_VEGA = "the cash vega per vol point of one contract (multiplier × XV.VEGA)";
const EXPECT_LOT_SIZE = "a lot size > 0 (1 = whole contracts, 0.1 = tenths)";
const EXPECT_RIDGE = "a ridge ≥ 0 (0 = none; 0.01–0.1 steadies an unstable hedge)";
const EXPECT_VOL_OF_VOL = "a standard deviation of daily vol changes in vol points";

/** The eight arguments as Excel passed them; omitted optional ones are null. */
export interface HedgeArguments {
  assets: unknown;
  vegas: unknown;
  proxies: unknown;
  correlations: unknown;
  volvols: unknown;
  contractVegas: unknown;
  lotSizes: unknown;
  ridge: unknown;
}

export interface HedgeRequest {
  input: ProxyHedgeInput;
  /** The proxies as typed (trimmed, invisible characters removed), in order: the first column of XV.XVEGAHEDGE. */
  proxyNames: string[];
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}

/**
 * The legs, in order. A row whose asset and vega are both blank (or 0: the desktop sends blanks as 0) is skipped, so
 * the ranges may run past the end of the table. Any other row must have an asset name and a finite vega, or the whole
 * call fails naming the row: a hedge computed on part of a book would be wrong without saying so.
 */
export function readLegs(assets: unknown, vegas: unknown): TargetVega[] {
  const names = readCellList(assets, "assets", "asset names, one per leg");
  const amounts = readCellList(vegas, "vegas", "vegas, one per leg");
  if (names.cells.length !== amounts.cells.length) {
    throw new RangeInputError(
      `assets has ${plural(names.cells.length, "cell")} but vegas has ${amounts.cells.length}: give one asset name per vega (two ranges of the same length)`,
    );
  }
  const legs: TargetVega[] = [];
  // A plain loop, no callback made per call (see rangeReading.ts, firstCells).
  for (let index = 0; index < names.cells.length; index++) {
    const name = names.cells[index];
    const vega = amounts.cells[index];
    if (isEmptyInRange(name) && isEmptyInRange(vega)) continue;
    const where = `${listPosition(names, index)} of assets and vegas`;
    if (isEmptyInRange(name)) throw new RangeInputError(`${where}: vega ${describeCellValue(vega)} has no asset name; ${WHOLE_BOOK}`);
    if (typeof name !== "string") throw new RangeInputError(`${where}: asset ${describeCellValue(name)} is not a name (expected text such as BTC); ${WHOLE_BOOK}`);
    const asset = cleanAssetName(name);
    if (asset === "") throw new RangeInputError(`${where}: ${describeOddCharacters(name) ?? "the asset name"} and nothing else; type the asset's name or clear the row`);
    if (typeof vega !== "number") throw new RangeInputError(`${where}: ${notANumberMessage(`vega of ${asset}`, vega, EXPECT_VEGA)}; ${WHOLE_BOOK}`);
    if (!Number.isFinite(vega) || Math.abs(vega) > MAX_ABSOLUTE_VEGA) {
      throw new RangeInputError(`${where}: vega of ${asset} is ${vega}, beyond ±${MAX_ABSOLUTE_VEGA}: check the cell; ${WHOLE_BOOK}`);
    }
    legs.push({ asset, vegaPerVolPoint: vega });
  }
  if (legs.length === 0) throw new RangeInputError("assets and vegas hold no legs (every row is blank): give at least one asset name with its vega");
  return legs;
}

/** The proxies in order, skipping blank cells; `positions` maps each back to its cell (for contract_vegas, lot_sizes). */
export interface ProxyList {
  list: CellList;
  names: string[];
  positions: number[];
}

export function readProxies(proxies: unknown): ProxyList {
  const list = readCellList(proxies, "proxies", "asset names to hedge with");
  const names: string[] = [];
  const positions: number[] = [];
  list.cells.forEach((cell, index) => {
    if (isEmptyInRange(cell)) return;
    if (!isNonBlankText(cell)) throw new RangeInputError(`proxies ${listPosition(list, index)} is ${describeCellValue(cell)}: expected an asset name such as BTC`);
    if (cleanAssetName(cell) === "") {
      throw new RangeInputError(`proxies ${listPosition(list, index)}: ${describeOddCharacters(cell) ?? "it"} and nothing else: type an asset name such as BTC, or clear the cell`);
    }
    names.push(cleanAssetName(cell));
    positions.push(index);
  });
  if (names.length === 0) throw new RangeInputError("proxies is blank: name at least one asset to hedge with, such as BTC");
  return { list, names, positions };
}

/**
 * One cell per proxy from a range laid out like `proxies` (same length; cells next to blank proxies must be blank).
 * A single cell serves one proxy, or every proxy when `singleCellForAll`.
 */
function readPerProxy(values: unknown, argument: string, proxies: ProxyList, singleCellForAll: boolean): unknown[] {
  const list = readCellList(values, argument, "one value per proxy");
  if (list.cells.length === 1 && (proxies.names.length === 1 || singleCellForAll)) return proxies.names.map(() => list.cells[0]);
  if (list.cells.length !== proxies.list.cells.length) {
    throw new RangeInputError(
      `${argument} has ${plural(list.cells.length, "cell")} but proxies has ${proxies.list.cells.length}: give one per proxy, in the order of proxies (${proxies.names.join(", ")})`,
    );
  }
  const used = new Set(proxies.positions);
  list.cells.forEach((cell, index) => {
    if (!used.has(index) && !isEmptyInRange(cell)) {
      throw new RangeInputError(`${argument} ${listPosition(list, index)} holds ${describeCellValue(cell)} but proxies ${listPosition(proxies.list, index)} is blank: name the proxy or clear the cell`);
    }
  });
  return proxies.positions.map((position) => list.cells[position]);
}

function readContracts(contractVegas: unknown, lotSizes: unknown, proxies: ProxyList): ProxyContractSpec[] | undefined {
  const hasLotSizes = lotSizes !== null && lotSizes !== undefined;
  if (contractVegas === null || contractVegas === undefined) {
    if (hasLotSizes) throw new RangeInputError("lot_sizes is given but contract_vegas is not: give the vega of one contract of each proxy to size contracts, or leave lot_sizes out");
    return undefined;
  }
  const vegaCells = readPerProxy(contractVegas, "contract_vegas", proxies, false);
  const lotCells = hasLotSizes ? readPerProxy(lotSizes, "lot_sizes", proxies, true) : null;
  return proxies.names.map((proxy, a) => {
    const vegaPerContract = vegaCells[a];
    if (typeof vegaPerContract !== "number") throw new RangeInputError(notANumberMessage(`contract_vegas for ${proxy}`, vegaPerContract, EXPECT_CONTRACT_VEGA));
    const lotSize = lotCells === null ? DEFAULT_LOT_SIZE : readOptionalNumber(lotCells[a], `lot_sizes for ${proxy}`, EXPECT_LOT_SIZE, DEFAULT_LOT_SIZE);
    if (isCellProblem(lotSize)) throw new RangeInputError(lotSize.problem);
    return { proxy, vegaPerContract, lotSize };
  });
}

export function readRidge(ridge: unknown): number {
  const value = readOptionalNumber(readSingleCell(ridge, "ridge"), "ridge", EXPECT_RIDGE, 0);
  if (isCellProblem(value)) throw new RangeInputError(value.problem);
  return value;
}

/**
 * The labelled correlations of absolute vol changes. Mixing kinds gives a wrong hedge, not an error (DOMAIN.md §2):
 * log-change vol-of-vols are ~1/vol level of the vol-point ones, and the Excel functions have no current-vol argument
 * to convert them, so a matrix labelled "log" is refused. `who` completes "…, but <who> in absolute vol-point changes".
 */
export function readAbsoluteCorrelations(values: unknown, who: string): { assets: string[]; values: number[][] } {
  const correlation = readLabelledCorrelations(values, "correlations");
  if (parseVolChangeKind(correlation.corner) === "log") {
    throw new RangeInputError(
      `correlations are labelled "log" (relative vol changes), but ${who} in absolute ` +
        'vol-point changes: estimate correlations and vol-of-vols with changes "abs" (or use xvega hedge --changes log --current-vols)',
    );
  }
  return { assets: correlation.assets, values: correlation.values };
}

/** The vol-of-vols, or undefined when the argument was omitted (every asset then moves equally, with a warning). */
export function readOptionalVolOfVols(values: unknown): ProxyHedgeInput["volOfVols"] {
  return values === null || values === undefined ? undefined : readAssetValues(values, "volvols", EXPECT_VOL_OF_VOL);
}

/** All eight arguments, read in their order (so the first bad argument is the one reported). */
export function readHedgeRequest(args: HedgeArguments): HedgeRequest {
  const targets = readLegs(args.assets, args.vegas);
  const proxies = readProxies(args.proxies);
  const correlation = readAbsoluteCorrelations(args.correlations, "XV.XVEGAHEDGE and XV.HEDGESTATS work");
  const volOfVols = readOptionalVolOfVols(args.volvols);
  const contracts = readContracts(args.contractVegas, args.lotSizes, proxies);
  const ridge = readRidge(args.ridge);
  const input: ProxyHedgeInput = {
    targets,
    proxies: proxies.names,
    correlation: { assets: correlation.assets, values: correlation.values },
    changes: "absolute",
    ridge,
    ...(volOfVols ? { volOfVols } : {}),
    ...(contracts ? { contracts } : {}),
  };
  return { input, proxyNames: proxies.names };
}
