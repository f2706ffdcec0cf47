/* eslint-disable @typescript-eslint/no-explicit-any -- Excel passes ranges as any[][] (numbers, text, booleans, blanks) */
/*
 * Excel custom function for implied vol (XV.IMPLIEDVOL). The JSDoc below is the function reference Excel shows
 * (parsed by custom-functions-metadata-plugin into functions.json): keep it in step with docs/functions.md.
 */
import { DEFAULT_OPTION_TYPE, OPTION_TYPES, OptionType, parseOptionType } from "../core/greeks/optionType";
import { impliedVol } from "../core/impliedvol/impliedVol";
import { DEFAULT_OPTION_MODEL, OPTION_MODELS, OptionModel, parseOptionModel } from "../core/vega/optionModel";
import { NamedArgument, broadcastShape } from "./argumentGrid";
import { CellProblems, choiceAt, computeCells, readChoiceColumn, readNumberColumn } from "./columnReading";
import { withExcelErrors } from "./excelErrors";
import { EXPECT_PRICE, EXPECT_RATE, EXPECT_YEARS } from "./vegaArguments";

const EXPECT_OPTION_PRICE = "the option's price per 1 unit of underlying (in coin for inverse)";

/**
 * Implied volatility of each option from its price (Jäckel's "Let's Be Rational": exact to double precision). Same
 * broadcasting as XV.VEGA; a price no vol can give (below intrinsic, at or above the maximum, ≤ 0, expired, or too
 * small to tell vols apart) gives only its own cell an error saying what is possible.
 * @customfunction IMPLIEDVOL
 * @helpurl https://localhost:3000/help/functions.html#xvimpliedvol
 * @param price Option price per 1 unit of underlying, in the premium currency; in coin for inverse (a Deribit mark such as 0.0125).
 * @param underlying Spot price (model bsm) or forward/futures price (black76, inverse), > 0.
 * @param strike Strike price, > 0.
 * @param years Time to expiry in years, ACT/365: (expiry − valuation)/365 or XV.YEARS; must be > 0.
 * @param rate Risk-free rate, continuously compounded decimal (0.05 for 5%). Blank = 0.
 * @param carry bsm only: dividend / borrow / foreign rate q, decimal. Blank = 0.
 * @param model "bsm" (spot, default), "black76" (forward) or "inverse" (coin-settled, price in coin).
 * @param type "call" (default) or "put"; also "c" or "p", any case.
 * @returns Implied vol as a decimal (0.65 for 65%), one per option.
 */
export function impliedvol(
  price: any[][],
  underlying: any[][],
  strike: any[][],
  years: any[][],
  rate?: any[][],
  carry?: any[][],
  model?: any[][],
  type?: any[][],
): any[][] {
  return withExcelErrors("XV.IMPLIEDVOL", () => {
    const named: NamedArgument[] = [
      { name: "price", values: price },
      { name: "underlying", values: underlying },
      { name: "strike", values: strike },
      { name: "years", values: years },
      { name: "rate", values: rate ?? null },
      { name: "carry", values: carry ?? null },
      { name: "model", values: model ?? null },
      { name: "type", values: type ?? null },
    ];
    const [priceArgument, underlyingArgument, strikeArgument, yearsArgument, rateArgument, carryArgument, modelArgument, typeArgument] =
      named as [NamedArgument, NamedArgument, NamedArgument, NamedArgument, NamedArgument, NamedArgument, NamedArgument, NamedArgument];
    const shape = broadcastShape(named);
    const problems = new CellProblems(shape.rows * shape.columns);
    const models = readChoiceColumn(modelArgument, shape, OPTION_MODELS, parseOptionModel, DEFAULT_OPTION_MODEL, problems);
    const types = readChoiceColumn(typeArgument, shape, OPTION_TYPES, parseOptionType, DEFAULT_OPTION_TYPE, problems);
    const prices = readNumberColumn(priceArgument, shape, EXPECT_OPTION_PRICE, null, problems);
    const underlyings = readNumberColumn(underlyingArgument, shape, EXPECT_PRICE, null, problems);
    const strikes = readNumberColumn(strikeArgument, shape, EXPECT_PRICE, null, problems);
    const legYears = readNumberColumn(yearsArgument, shape, EXPECT_YEARS, null, problems);
    const rates = readNumberColumn(rateArgument, shape, EXPECT_RATE, 0, problems);
    const carries = readNumberColumn(carryArgument, shape, EXPECT_RATE, 0, problems);
    return computeCells(shape, problems, (index) => {
      const result = impliedVol(
        choiceAt<OptionType>(types, index),
        choiceAt<OptionModel>(models, index),
        prices[index] as number,
        underlyings[index] as number,
        strikes[index] as number,
        legYears[index] as number,
        rates[index] as number,
        carries[index] as number,
      );
      return typeof result === "number" ? result : result.message;
    });
  });
}
