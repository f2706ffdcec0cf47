/* eslint-disable @typescript-eslint/no-explicit-any -- Excel passes ranges as any[][] (numbers, text, booleans, blanks) */
/*
 * Excel custom functions for per-leg vega. The JSDoc below is the function reference Excel shows (parsed by
 * custom-functions-metadata-plugin into functions.json): keep it in step with docs/functions.md.
 */
import { fillVegaPerUnitVol, reportLegProblems } from "../core/vega/legColumns";
import { DEFAULT_OPTION_MODEL, OPTION_MODELS, parseOptionModel } from "../core/vega/optionModel";
import { DEFAULT_VEGA_UNIT, VEGA_UNITS, VegaUnit, parseVegaUnit, vegaUnitScale } from "../core/vega/vegaUnit";
import { DEFAULT_REFERENCE_DAYS, findTimeWeightingProblem, timeWeightedVega } from "../core/vega/timeWeightedVega";
import { findSerialProblem, yearsBetweenSerials } from "../core/time/yearFraction";
import { NamedArgument, broadcastShape } from "./argumentGrid";
import { CellProblems, computeCells, readChoiceColumn, readNumberColumn, resultGrid } from "./columnReading";
import { withExcelErrors } from "./excelErrors";

const EXPECT_PRICE = "a positive price";
const EXPECT_YEARS = "years to expiry, e.g. (expiry − valuation)/365";
const EXPECT_VOL = "a vol as a decimal (0.65 for 65%)";
const EXPECT_RATE = "a decimal rate (0.05 for 5%)";


/**
 * Vega of each option leg (Black–Scholes–Merton, Black-76 or coin-settled), per 1 vol point by default. Give single
 * cells or same-shape ranges (a positions table's columns); the result spills in that shape, and a bad cell gives only
 * its own result an error saying what to fix.
 * @customfunction VEGA
 * @helpurl https://localhost:3000/help/functions.html#xvvega
 * @param underlying Spot price (model bsm) or forward/futures price (black76, inverse), > 0.
 * @param strike Strike price, > 0.
 * @param years Time to expiry in years, ACT/365 with fractional days: (expiry − valuation)/365 or XV.YEARS. ≤ 0 (expired) gives 0.
 * @param vol Implied volatility as a decimal: 0.65 or 65% for 65 vol.
 * @param rate Risk-free rate, continuously compounded decimal (0.05 for 5%). Blank = 0.
 * @param carry bsm only: dividend / borrow / foreign rate q, decimal. Blank = 0.
 * @param model "bsm" (spot, default), "black76" (forward) or "inverse" (coin-settled, vega in coin).
 * @param unit "point" (per 1 vol point, default) or "unit" (per 1.00 of vol = 100 × point).
 * @returns Vega per option (per 1 unit of underlying), in the premium currency (coin for inverse), one per leg.
 */
export function vega(
  underlying: any[][],
  strike: any[][],
  years: any[][],
  vol: any[][],
  rate?: any[][],
  carry?: any[][],
  model?: any[][],
  unit?: any[][],
): any[][] {
  return withExcelErrors("XV.VEGA", () => {
    const named: NamedArgument[] = [
      { name: "underlying", values: underlying },
      { name: "strike", values: strike },
      { name: "years", values: years },
      { name: "vol", values: vol },
      { name: "rate", values: rate ?? null },
      { name: "carry", values: carry ?? null },
      { name: "model", values: model ?? null },
      { name: "unit", values: unit ?? null },
    ];
    const [underlyingArgument, strikeArgument, yearsArgument, volArgument, rateArgument, carryArgument, modelArgument, unitArgument] =
      named as [NamedArgument, NamedArgument, NamedArgument, NamedArgument, NamedArgument, NamedArgument, NamedArgument, NamedArgument];
    const shape = broadcastShape(named);
    const problems = new CellProblems(shape.rows * shape.columns);
    // Read in the order problems should be reported: the first problem found for a cell is the one it shows.
    const models = readChoiceColumn(modelArgument, shape, OPTION_MODELS, parseOptionModel, DEFAULT_OPTION_MODEL, problems);
    const units = readChoiceColumn(unitArgument, shape, VEGA_UNITS, parseVegaUnit, DEFAULT_VEGA_UNIT, problems);
    const legs = {
      models,
      underlying: readNumberColumn(underlyingArgument, shape, EXPECT_PRICE, null, problems),
      strike: readNumberColumn(strikeArgument, shape, EXPECT_PRICE, null, problems),
      years: readNumberColumn(yearsArgument, shape, EXPECT_YEARS, null, problems),
      vol: readNumberColumn(volArgument, shape, EXPECT_VOL, null, problems),
      rate: readNumberColumn(rateArgument, shape, EXPECT_RATE, 0, problems),
      carry: readNumberColumn(carryArgument, shape, EXPECT_RATE, 0, problems),
    };
    reportLegProblems(legs, problems.flags, (index, problem) => problems.add(index, problem.message));
    const vegas = new Float64Array(shape.rows * shape.columns);
    fillVegaPerUnitVol(legs, problems.flags, vegas);
    if (typeof units === "string") {
      const scale = vegaUnitScale(units);
      for (let index = 0; index < vegas.length; index++) vegas[index] = (vegas[index] as number) * scale;
    } else {
      for (let index = 0; index < vegas.length; index++) vegas[index] = (vegas[index] as number) * vegaUnitScale(units[index] as VegaUnit);
    }
    return resultGrid(shape, vegas, problems);
  });
}

/**
 * Time-weighted vega: vega × √((ref_days/365) / years), to compare vega across expiries on a 30-day footing (DVOL).
 * Same broadcasting as XV.VEGA.
 * @customfunction TWVEGA
 * @helpurl https://localhost:3000/help/functions.html#xvtwvega
 * @param vega Vega of each leg (e.g. from XV.VEGA), any unit; the result is in the same unit.
 * @param years Time to expiry in years of each leg; ≤ 0 (expired) gives 0.
 * @param ref_days Reference maturity in days. Blank = 30 (the DVOL tenor).
 * @returns Time-weighted vega, one per leg.
 */
export function twvega(
  vega: any[][],
  years: any[][],
  ref_days?: any[][],
): any[][] {
  return withExcelErrors("XV.TWVEGA", () => {
    const named: NamedArgument[] = [
      { name: "vega", values: vega },
      { name: "years", values: years },
      { name: "ref_days", values: ref_days ?? null },
    ];
    const [vegaArgument, yearsArgument, referenceArgument] = named as [NamedArgument, NamedArgument, NamedArgument];
    const shape = broadcastShape(named);
    const problems = new CellProblems(shape.rows * shape.columns);
    const vegas = readNumberColumn(vegaArgument, shape, "a vega (a number)", null, problems);
    const legYears = readNumberColumn(yearsArgument, shape, EXPECT_YEARS, null, problems);
    const referenceDays = readNumberColumn(referenceArgument, shape, "a number of days", DEFAULT_REFERENCE_DAYS, problems);
    return computeCells(shape, problems, (index) => {
      const legVega = vegas[index] as number;
      const years = legYears[index] as number;
      const days = referenceDays[index] as number;
      return findTimeWeightingProblem(legVega, years, days) ?? timeWeightedVega(legVega, years, days);
    });
  });
}

/**
 * Years from valuation to expiry, ACT/365 with fractional days, from Excel date-times: (expiry − valuation)/365.
 * Crypto expiries are at 08:00 UTC: =XV.YEARS(DATE(2026,12,25)+TIME(8,0,0), valuation).
 * @customfunction YEARS
 * @helpurl https://localhost:3000/help/functions.html#xvyears
 * @param expiry Expiry date-time (a date cell, or DATE()+TIME()), in the same time zone as valuation.
 * @param valuation Valuation date-time. Use a fixed cell for reproducible reports; NOW() is local time and volatile.
 * @returns Years to expiry, negative once expired (XV.VEGA then gives 0).
 */
export function years(expiry: any[][], valuation: any[][]): any[][] {
  return withExcelErrors("XV.YEARS", () => {
    const named: NamedArgument[] = [
      { name: "expiry", values: expiry },
      { name: "valuation", values: valuation },
    ];
    const [expiryArgument, valuationArgument] = named as [NamedArgument, NamedArgument];
    const shape = broadcastShape(named);
    const problems = new CellProblems(shape.rows * shape.columns);
    const expirySerials = readNumberColumn(expiryArgument, shape, "a date-time", null, problems);
    const valuationSerials = readNumberColumn(valuationArgument, shape, "a date-time", null, problems);
    return computeCells(shape, problems, (index) => {
      const expirySerial = expirySerials[index] as number;
      const valuationSerial = valuationSerials[index] as number;
      return (
        findSerialProblem("expiry", expirySerial) ??
        findSerialProblem("valuation", valuationSerial) ??
        yearsBetweenSerials(expirySerial, valuationSerial)
      );
    });
  });
}
