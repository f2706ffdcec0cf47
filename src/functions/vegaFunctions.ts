/* eslint-disable @typescript-eslint/no-explicit-any -- Excel passes ranges as any[][] (numbers, text, booleans, blanks) */
/*
 * Excel custom functions for per-leg vega. The JSDoc below is the function reference Excel shows (parsed by
 * custom-functions-metadata-plugin into functions.json): keep it in step with docs/functions.md.
 */
import { fillVegaPerUnitVol } from "../core/vega/legColumns";
import { VegaUnit, vegaUnitScale } from "../core/vega/vegaUnit";
import {
  TimeWeightingProblemKind,
  classifyTimeWeightingProblem,
  describeTimeWeightingProblem,
  timeWeightedVega,
  timeWeightingProblemValue,
} from "../core/vega/timeWeightedVega";
import { SerialProblemKind, classifySerialProblem, describeSerialProblem, yearsBetweenSerials } from "../core/time/yearFraction";
import { computeCells, resultGrid } from "./columnReading";
import { withExcelErrors } from "./excelErrors";
import { recordLegProblems } from "./legProblemMessages";
import { SharedMessages } from "./sharedMessages";
import { readDateColumns, readTimeWeightingColumns, readVegaLegs } from "./vegaArguments";


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
    const { shape, problems, legs, units } = readVegaLegs(underlying, strike, years, vol, rate, carry, model, unit);
    recordLegProblems(legs, problems);
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
    const { shape, problems, vegas, years: legYears, referenceDays } = readTimeWeightingColumns(vega, years, ref_days);
    const messages = new SharedMessages<TimeWeightingProblemKind>((kind, value) => describeTimeWeightingProblem(kind, value as number));
    return computeCells(shape, problems, (index) => {
      const legVega = vegas[index] as number;
      const years = legYears[index] as number;
      const days = referenceDays[index] as number;
      const kind = classifyTimeWeightingProblem(legVega, years, days);
      if (kind === null) return timeWeightedVega(legVega, years, days);
      return messages.messageFor(kind, timeWeightingProblemValue(kind, legVega, years, days));
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
    const { shape, problems, expirySerials, valuationSerials } = readDateColumns(expiry, valuation);
    const expiryMessages = new SharedMessages<SerialProblemKind>((kind, serial) => describeSerialProblem("expiry", kind, serial as number));
    const valuationMessages = new SharedMessages<SerialProblemKind>((kind, serial) => describeSerialProblem("valuation", kind, serial as number));
    return computeCells(shape, problems, (index) => {
      const expirySerial = expirySerials[index] as number;
      const valuationSerial = valuationSerials[index] as number;
      const expiryProblem = classifySerialProblem(expirySerial);
      if (expiryProblem !== null) return expiryMessages.messageFor(expiryProblem, expirySerial);
      const valuationProblem = classifySerialProblem(valuationSerial);
      if (valuationProblem !== null) return valuationMessages.messageFor(valuationProblem, valuationSerial);
      return yearsBetweenSerials(expirySerial, valuationSerial);
    });
  });
}
