/*
 * Reading one option leg from a CSV row, shared by `xvega iv` and `xvega greeks`: the same columns, words and checks
 * as `xvega vega` (model, rate and carry optional; a % sign allowed in vol, rate and carry), plus the option type.
 */
import { DEFAULT_OPTION_TYPE, OPTION_TYPES, OptionType, parseOptionType } from "../core/greeks/optionType";
import { DEFAULT_OPTION_MODEL, OPTION_MODELS, OptionModel, parseOptionModel } from "../core/vega/optionModel";
import { CellProblem, NumberField, isCellProblem, readOptionalChoice, readOptionalNumber, readRequiredNumber } from "./cellParsing";
import { columnKey } from "./csvTable";

export const UNDERLYING: NumberField = { column: "underlying", expected: "a positive price", percentAllowed: false };
export const STRIKE: NumberField = { column: "strike", expected: "a positive price", percentAllowed: false };
export const YEARS: NumberField = { column: "years", expected: "years to expiry, e.g. (expiry − valuation)/365", percentAllowed: false };
export const VOL: NumberField = { column: "vol", expected: "a vol as a decimal or percent (0.65 or 65%)", percentAllowed: true };
const RATE: NumberField = { column: "rate", expected: "a rate as a decimal or percent (0.05 or 5%)", percentAllowed: true };
const CARRY: NumberField = { column: "carry", expected: "a carry rate as a decimal or percent (0.02 or 2%)", percentAllowed: true };

/** The leg inputs every command needs besides its own (price for iv, vol for greeks). */
export interface LegTerms {
  optionType: OptionType;
  model: OptionModel;
  underlying: number;
  strike: number;
  years: number;
  rate: number;
  carry: number;
}

/** Column positions of the shared leg columns (undefined when an optional one is absent). */
export interface LegTermColumns {
  type: number | undefined;
  model: number | undefined;
  underlying: number;
  strike: number;
  years: number;
  rate: number | undefined;
  carry: number | undefined;
}

/** The leg's terms from one CSV record, or the first problem, in the order the columns are listed in the help. */
export function readLegTerms(record: readonly string[], columns: LegTermColumns): LegTerms | CellProblem {
  const field = (index: number | undefined): string | undefined => (index === undefined ? undefined : record[index]);
  const model = readOptionalChoice(field(columns.model), "model", OPTION_MODELS, parseOptionModel, DEFAULT_OPTION_MODEL);
  if (isCellProblem(model)) return model;
  const optionType = readOptionalChoice(field(columns.type), "type", OPTION_TYPES, parseOptionType, DEFAULT_OPTION_TYPE);
  if (isCellProblem(optionType)) return optionType;
  const underlying = readRequiredNumber(field(columns.underlying), UNDERLYING);
  if (isCellProblem(underlying)) return underlying;
  const strike = readRequiredNumber(field(columns.strike), STRIKE);
  if (isCellProblem(strike)) return strike;
  const years = readRequiredNumber(field(columns.years), YEARS);
  if (isCellProblem(years)) return years;
  const rate = readOptionalNumber(field(columns.rate), RATE, 0);
  if (isCellProblem(rate)) return rate;
  const carry = readOptionalNumber(field(columns.carry), CARRY, 0);
  if (isCellProblem(carry)) return carry;
  return { optionType, model, underlying, strike, years, rate, carry };
}

/** Positions of the input columns that pass through: all but those named like one of `computed`. */
export function passThroughIndexes(header: readonly string[], computed: readonly string[]): number[] {
  const indexes: number[] = [];
  header.forEach((name, index) => {
    if (!computed.includes(columnKey(name))) indexes.push(index);
  });
  return indexes;
}

/** The problem of a record whose field count differs from the header's, or null. */
export function fieldCountProblem(record: readonly string[], headerLength: number): string | null {
  return record.length === headerLength
    ? null
    : `the row has ${record.length} fields but the header has ${headerLength}: check for a missing or extra comma`;
}
