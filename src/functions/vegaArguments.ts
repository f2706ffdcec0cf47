/* eslint-disable @typescript-eslint/no-explicit-any -- Excel passes ranges as any[][] (numbers, text, booleans, blanks) */
/*
 * Reading the arguments of XV.VEGA, XV.TWVEGA and XV.YEARS as the functions do, in one place, so that whatever else
 * looks at a call (the plausibility notes) reads exactly what the function read.
 */
import type { LegColumns } from "../core/vega/legColumns";
import { DEFAULT_OPTION_MODEL, OPTION_MODELS, parseOptionModel } from "../core/vega/optionModel";
import { DEFAULT_REFERENCE_DAYS } from "../core/vega/timeWeightedVega";
import { DEFAULT_VEGA_UNIT, VEGA_UNITS, VegaUnit, parseVegaUnit } from "../core/vega/vegaUnit";
import { GridShape, NamedArgument, broadcastShape } from "./argumentGrid";
import { CellProblems, readChoiceColumn, readNumberColumn } from "./columnReading";

export const EXPECT_PRICE = "a positive price";
export const EXPECT_YEARS = "years to expiry, e.g. (expiry − valuation)/365";
export const EXPECT_VOL = "a vol as a decimal (0.65 for 65%)";
export const EXPECT_RATE = "a decimal rate (0.05 for 5%)";

/** A call's arguments read into columns, with the cells that could not be read marked in `problems`. */
export interface ReadGrid {
  shape: GridShape;
  problems: CellProblems;
}

export interface VegaLegs extends ReadGrid {
  legs: LegColumns;
  units: VegaUnit | VegaUnit[];
}

/** The eighth argument of a leg function (XV.VEGA's `unit`, XV.GREEKS' `type`): a choice with a default. */
export interface LegChoiceArgument<T extends string> {
  name: string;
  values: any[][] | null | undefined;
  choices: readonly T[];
  parse: (text: string) => T | null;
  fallback: T;
}

/** The arguments of a leg function by name, in the order their problems are looked for (see readLegArguments). */
export function legArgumentList(
  underlying: any[][],
  strike: any[][],
  years: any[][],
  vol: any[][],
  rate: any[][] | null | undefined,
  carry: any[][] | null | undefined,
  model: any[][] | null | undefined,
  choiceName: string,
  choice: any[][] | null | undefined,
): NamedArgument[] {
  return [
    { name: "underlying", values: underlying },
    { name: "strike", values: strike },
    { name: "years", values: years },
    { name: "vol", values: vol },
    { name: "rate", values: rate ?? null },
    { name: "carry", values: carry ?? null },
    { name: "model", values: model ?? null },
    { name: choiceName, values: choice ?? null },
  ];
}

/**
 * The leg columns (underlying, strike, years, vol, rate, carry, model) plus one choice argument, broadcast together;
 * throws #VALUE! when range shapes disagree. Omitted optionals may be null or undefined.
 */
export function readLegArguments<T extends string>(
  underlying: any[][],
  strike: any[][],
  years: any[][],
  vol: any[][],
  rate: any[][] | null | undefined,
  carry: any[][] | null | undefined,
  model: any[][] | null | undefined,
  choice: LegChoiceArgument<T>,
): ReadGrid & { legs: LegColumns; choice: T | T[] } {
  const named = legArgumentList(underlying, strike, years, vol, rate, carry, model, choice.name, choice.values);
  const [underlyingArgument, strikeArgument, yearsArgument, volArgument, rateArgument, carryArgument, modelArgument, choiceArgument] =
    named as [NamedArgument, NamedArgument, NamedArgument, NamedArgument, NamedArgument, NamedArgument, NamedArgument, NamedArgument];
  const shape = broadcastShape(named);
  const problems = new CellProblems(shape.rows * shape.columns);
  // Read in the order problems should be reported: the first problem found for a cell is the one it shows.
  const models = readChoiceColumn(modelArgument, shape, OPTION_MODELS, parseOptionModel, DEFAULT_OPTION_MODEL, problems);
  const chosen = readChoiceColumn(choiceArgument, shape, choice.choices, choice.parse, choice.fallback, problems);
  const legs: LegColumns = {
    models,
    underlying: readNumberColumn(underlyingArgument, shape, EXPECT_PRICE, null, problems),
    strike: readNumberColumn(strikeArgument, shape, EXPECT_PRICE, null, problems),
    years: readNumberColumn(yearsArgument, shape, EXPECT_YEARS, null, problems),
    vol: readNumberColumn(volArgument, shape, EXPECT_VOL, null, problems),
    rate: readNumberColumn(rateArgument, shape, EXPECT_RATE, 0, problems),
    carry: readNumberColumn(carryArgument, shape, EXPECT_RATE, 0, problems),
  };
  return { shape, problems, legs, choice: chosen };
}

/** XV.VEGA's arguments; throws #VALUE! when range shapes disagree. Omitted optionals may be null or undefined. */
export function readVegaLegs(
  underlying: any[][],
  strike: any[][],
  years: any[][],
  vol: any[][],
  rate?: any[][] | null,
  carry?: any[][] | null,
  model?: any[][] | null,
  unit?: any[][] | null,
): VegaLegs {
  const unitChoice = { name: "unit", values: unit, choices: VEGA_UNITS, parse: parseVegaUnit, fallback: DEFAULT_VEGA_UNIT };
  const { shape, problems, legs, choice } = readLegArguments(underlying, strike, years, vol, rate, carry, model, unitChoice);
  return { shape, problems, legs, units: choice };
}

export interface TimeWeightingColumns extends ReadGrid {
  vegas: Float64Array;
  years: Float64Array;
  referenceDays: Float64Array;
}

export function timeWeightingArgumentList(vega: any[][], years: any[][], ref_days?: any[][] | null): NamedArgument[] {
  return [
    { name: "vega", values: vega },
    { name: "years", values: years },
    { name: "ref_days", values: ref_days ?? null },
  ];
}

/** XV.TWVEGA's arguments; throws #VALUE! when range shapes disagree. */
export function readTimeWeightingColumns(vega: any[][], years: any[][], ref_days?: any[][] | null): TimeWeightingColumns {
  const named = timeWeightingArgumentList(vega, years, ref_days);
  const [vegaArgument, yearsArgument, referenceArgument] = named as [NamedArgument, NamedArgument, NamedArgument];
  const shape = broadcastShape(named);
  const problems = new CellProblems(shape.rows * shape.columns);
  return {
    shape,
    problems,
    vegas: readNumberColumn(vegaArgument, shape, "a vega (a number)", null, problems),
    years: readNumberColumn(yearsArgument, shape, EXPECT_YEARS, null, problems),
    referenceDays: readNumberColumn(referenceArgument, shape, "a number of days", DEFAULT_REFERENCE_DAYS, problems),
  };
}

export interface DateColumns extends ReadGrid {
  expirySerials: Float64Array;
  valuationSerials: Float64Array;
}

export function dateArgumentList(expiry: any[][], valuation: any[][]): NamedArgument[] {
  return [
    { name: "expiry", values: expiry },
    { name: "valuation", values: valuation },
  ];
}

/** XV.YEARS's arguments; throws #VALUE! when range shapes disagree. */
export function readDateColumns(expiry: any[][], valuation: any[][]): DateColumns {
  const named = dateArgumentList(expiry, valuation);
  const [expiryArgument, valuationArgument] = named as [NamedArgument, NamedArgument];
  const shape = broadcastShape(named);
  const problems = new CellProblems(shape.rows * shape.columns);
  return {
    shape,
    problems,
    expirySerials: readNumberColumn(expiryArgument, shape, "a date-time", null, problems),
    valuationSerials: readNumberColumn(valuationArgument, shape, "a date-time", null, problems),
  };
}
