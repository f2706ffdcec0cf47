/* eslint-disable @typescript-eslint/no-explicit-any -- Excel passes ranges as any[][] (numbers, text, booleans, blanks) */
/*
 * Excel custom function for the Greeks row (XV.GREEKS; implied vol is in impliedVolFunctions.ts). The JSDoc below is the function reference Excel shows
 * (parsed by custom-functions-metadata-plugin into functions.json): keep it in step with docs/functions.md.
 */
import { GREEK_COUNT, GREEK_NAMES, greekIndex } from "../core/greeks/greekNames";
import { fillGreeksRow } from "../core/greeks/greeksRow";
import { DEFAULT_OPTION_TYPE, OPTION_TYPES, OptionType, parseOptionType } from "../core/greeks/optionType";
import { isAcceptableLeg } from "../core/vega/legValidation";
import { DEFAULT_OPTION_MODEL, OptionModel, parseOptionModel } from "../core/vega/optionModel";
import { describeCellValue, isBlankCell } from "../ranges/cellReading";
import { NamedArgument, ResultCell, broadcastShape } from "./argumentGrid";
import { choiceAt, readChoiceCell } from "./columnReading";
import { invalidValueError, withExcelErrors } from "./excelErrors";
import { recordLegProblems } from "./legProblemMessages";
import { ColumnPass, ComputedCells, computePlainColumn, isPlainColumnCall, optionalNumber } from "./plainColumns";
import { scratchColumn } from "./scratchColumns";
import { legArgumentList, readLegArguments } from "./vegaArguments";

/** The first picked Greek of one leg (from `base`) that is not a finite number, or -1. */
function firstNotFinite(values: Float64Array, base: number, selection: readonly number[]): number {
  for (const greek of selection) if (!Number.isFinite(values[base + greek] as number)) return greek;
  return -1;
}

/** The Greeks picked by the `greeks` argument, as positions in GREEK_NAMES; all eight when it is omitted or blank. */
function readGreekSelection(values: unknown[][] | null): number[] {
  const all = GREEK_NAMES.map((_, index) => index);
  if (values === null) return all;
  const names: string[] = [];
  for (const cells of values) {
    for (const cell of cells) {
      if (isBlankCell(cell)) continue;
      if (typeof cell !== "string") throw invalidValueError(`greeks must be names such as "delta,gamma,vega" (one of ${GREEK_NAMES.join(", ")}), not ${describeCellValue(cell)}`);
      names.push(...cell.split(",").filter((name) => name.trim() !== ""));
    }
  }
  if (names.length === 0) return all;
  return names.map((name) => {
    const index = greekIndex(name);
    if (index < 0) throw invalidValueError(`greeks: "${name.trim()}" is not one of ${GREEK_NAMES.join(", ")}`);
    return index;
  });
}

/**
 * The Greeks row of each option leg: price, delta, gamma, vega (per vol point), theta (per calendar day), rho (per 1%
 * of rate), vanna and volga (per vol point). One row per leg, no header, so rows line up with the legs; `greeks`
 * picks and orders the columns. For inverse: price in coin and Deribit's coin delta.
 * @customfunction GREEKS
 * @helpurl https://localhost:3000/help/functions.html#xvgreeks
 * @param underlying Spot price (model bsm) or forward/futures price (black76, inverse), > 0.
 * @param strike Strike price, > 0.
 * @param years Time to expiry in years, ACT/365. ≤ 0 (expired): price = intrinsic, delta = 0/1 (−1/0 for puts), the rest 0.
 * @param vol Implied volatility as a decimal: 0.65 or 65% for 65 vol.
 * @param rate Risk-free rate, continuously compounded decimal (0.05 for 5%). Blank = 0.
 * @param carry bsm only: dividend / borrow / foreign rate q, decimal. Blank = 0.
 * @param model "bsm" (spot, default), "black76" (forward) or "inverse" (coin-settled, Greeks in coin as Deribit shows them).
 * @param type "call" (default) or "put"; also "c" or "p", any case.
 * @param greeks Which columns, in order: names such as "delta,gamma,vega" or a range of names. Blank = all eight.
 * @returns One row per leg: price, delta, gamma, vega, theta, rho, vanna, volga (or the columns picked).
 */
export function greeks(
  underlying: any[][],
  strike: any[][],
  years: any[][],
  vol: any[][],
  rate?: any[][],
  carry?: any[][],
  model?: any[][],
  type?: any[][],
  greeks?: any[][],
): any[][] {
  return withExcelErrors("XV.GREEKS", () => {
    const selection = readGreekSelection(greeks ?? null);
    const named = legArgumentList(underlying, strike, years, vol, rate, carry, model, "type", type);
    const shape = broadcastShape(named);
    const general = (legArguments: readonly NamedArgument[]) => generalGreeks(legArguments, selection);
    const computed = isPlainColumnCall(shape) ? computePlainColumn(named, shape.rows, greeksPass, general, GREEK_COUNT) : general(named);
    // Legs with the same problem share one error (its message names them all); a leg's error fills its whole row, so
    // the rows keep lining up with the legs.
    const shared = computed.problems.errorsByProblem(shape);
    const allInOrder = selection.length === GREEK_COUNT && selection.every((greek, column) => greek === column);
    if (shared === null && allInOrder) return allGreekRows(computed.values);
    const legCount = shape.rows * shape.columns;
    const grid: ResultCell[][] = new Array(legCount);
    for (let leg = 0; leg < legCount; leg++) {
      const base = leg * GREEK_COUNT;
      if (shared !== null && shared.ids[leg] !== 0) {
        grid[leg] = new Array<ResultCell>(selection.length).fill(shared.errors[shared.ids[leg] as number] as CustomFunctions.Error);
      } else {
        grid[leg] = selection.map((greek) => computed.values[base + greek] as number);
      }
    }
    return grid;
  });
}

/** XV.GREEKS' values and problems the general way: argument by argument into typed columns, then leg by leg. */
function generalGreeks(named: readonly NamedArgument[], selection: readonly number[]): ComputedCells {
  const [underlying, strike, years, vol, rate, carry, model, type] = named.map((argument) => argument.values) as any[][][];
  const typeChoice = { name: "type", values: type, choices: OPTION_TYPES, parse: parseOptionType, fallback: DEFAULT_OPTION_TYPE };
  const { shape, problems, legs, choice: types } = readLegArguments(
    underlying as any[][], strike as any[][], years as any[][], vol as any[][], rate, carry, model, typeChoice,
  );
  const legCount = shape.rows * shape.columns;
  recordLegProblems(legs, problems);
  const values = scratchColumn(legCount * GREEK_COUNT);
  for (let leg = 0; leg < legCount; leg++) {
    if (problems.flags[leg] === 1) continue;
    const base = leg * GREEK_COUNT;
    fillGreeksRow(
      choiceAt<OptionType>(types, leg),
      choiceAt<OptionModel>(legs.models, leg),
      legs.underlying[leg] as number,
      legs.strike[leg] as number,
      legs.years[leg] as number,
      legs.vol[leg] as number,
      legs.rate[leg] as number,
      legs.carry[leg] as number,
      values,
      base,
    );
    const notFinite = firstNotFinite(values, base, selection);
    if (notFinite >= 0) {
      problems.add(
        leg,
        `${GREEK_NAMES[notFinite]} leaves the range of numbers for underlying ${legs.underlying[leg]}, strike ${legs.strike[leg]}, ` +
          `years ${legs.years[leg]} and vol ${legs.vol[leg]}: check their units (strike and underlying in the same currency)`,
      );
    }
  }
  return { values, problems };
}

/** Marks "not read yet" for the remembered model and type cells. */
const UNREAD = Symbol("unread");

/**
 * XV.GREEKS' pass over a column of legs (see plainColumns.ts), as XV.VEGA's: each leg's cells read in place, checked,
 * and its whole row computed; legs that do not read cleanly, fail the leg check or give a Greek that is not finite
 * are left to generalGreeks (which words the problem, and checks only the Greeks picked).
 */
const greeksPass: ColumnPass = (cells, strides, values, troubled) => {
  const underlying = cells[0] as unknown[][];
  const strike = cells[1] as unknown[][];
  const years = cells[2] as unknown[][];
  const vol = cells[3] as unknown[][];
  const rate = cells[4] as unknown[][];
  const carry = cells[5] as unknown[][];
  const model = cells[6] as unknown[][];
  const type = cells[7] as unknown[][];
  const underlyingStride = strides[0] as number;
  const strikeStride = strides[1] as number;
  const yearsStride = strides[2] as number;
  const volStride = strides[3] as number;
  const rateStride = strides[4] as number;
  const carryStride = strides[5] as number;
  const modelStride = strides[6] as number;
  const typeStride = strides[7] as number;
  const legCount = troubled.length;
  let troubledCount = 0;
  let modelCell: unknown = UNREAD;
  let legModel: OptionModel | null = null;
  // The last two type cells read: a book's types are one word throughout, or calls and puts mixed.
  let typeCell: unknown = UNREAD;
  let legType: OptionType | null = null;
  let otherTypeCell: unknown = UNREAD;
  let otherType: OptionType | null = null;
  for (let leg = 0; leg < legCount; leg++) {
    const nextModelCell = (model[leg * modelStride] as unknown[])[0];
    if (nextModelCell !== modelCell) {
      modelCell = nextModelCell;
      legModel = readChoiceCell(nextModelCell, parseOptionModel, DEFAULT_OPTION_MODEL);
    }
    const nextTypeCell = (type[leg * typeStride] as unknown[])[0];
    if (nextTypeCell !== typeCell) {
      const previousCell = typeCell;
      const previousType: OptionType | null = legType;
      if (nextTypeCell === otherTypeCell) {
        legType = otherType;
      } else {
        legType = readChoiceCell(nextTypeCell, parseOptionType, DEFAULT_OPTION_TYPE);
      }
      typeCell = nextTypeCell;
      otherTypeCell = previousCell;
      otherType = previousType;
    }
    const legUnderlying = (underlying[leg * underlyingStride] as unknown[])[0];
    const legStrike = (strike[leg * strikeStride] as unknown[])[0];
    const legYears = (years[leg * yearsStride] as unknown[])[0];
    const legVol = (vol[leg * volStride] as unknown[])[0];
    const legRate = optionalNumber((rate[leg * rateStride] as unknown[])[0], 0);
    const legCarry = optionalNumber((carry[leg * carryStride] as unknown[])[0], 0);
    if (
      legModel !== null &&
      legType !== null &&
      typeof legUnderlying === "number" &&
      typeof legStrike === "number" &&
      typeof legYears === "number" &&
      typeof legVol === "number" &&
      isAcceptableLeg(legModel, legUnderlying, legStrike, legYears, legVol, legRate, legCarry)
    ) {
      const base = leg * GREEK_COUNT;
      fillGreeksRow(legType, legModel, legUnderlying, legStrike, legYears, legVol, legRate, legCarry, values, base);
      if (allFinite(values, base)) continue;
    }
    troubled[leg] = 1;
    troubledCount++;
  }
  return troubledCount;
};

/** True when the whole Greeks row from `base` is finite. */
function allFinite(values: Float64Array, base: number): boolean {
  let sum = 0;
  for (let greek = 0; greek < GREEK_COUNT; greek++) sum += (values[base + greek] as number) * 0;
  // x·0 is 0 for a finite x and NaN for NaN or ±Infinity, so the sum is 0 exactly when every Greek is finite.
  return sum === 0;
}

/**
 * Every leg's whole Greeks row, in order, as array literals: V8 allocates those at their final size, which keeps a
 * 100,000-leg spill cheap. A plain function over a typed array (see plainColumns.ts on hidden classes and full GCs).
 */
function allGreekRows(values: Float64Array): ResultCell[][] {
  const legCount = values.length / GREEK_COUNT;
  const grid: ResultCell[][] = new Array(legCount);
  for (let leg = 0, base = 0; leg < legCount; leg++, base += GREEK_COUNT) {
    grid[leg] = [values[base] as number, values[base + 1] as number, values[base + 2] as number, values[base + 3] as number,
      values[base + 4] as number, values[base + 5] as number, values[base + 6] as number, values[base + 7] as number];
  }
  return grid;
}
