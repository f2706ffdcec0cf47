/* eslint-disable @typescript-eslint/no-explicit-any -- Excel passes ranges as any[][] (numbers, text, booleans, blanks) */
/*
 * Excel custom functions for per-leg vega. The JSDoc below is the function reference Excel shows (parsed by
 * custom-functions-metadata-plugin into functions.json): keep it in step with docs/functions.md.
 */
import { vegaPerUnitVol } from "../core/vega/blackVega";
import { fillVegaPerUnitVol } from "../core/vega/legColumns";
import { isAcceptableLeg } from "../core/vega/legValidation";
import { DEFAULT_OPTION_MODEL, OptionModel, parseOptionModel } from "../core/vega/optionModel";
import { DEFAULT_VEGA_UNIT, VegaUnit, parseVegaUnit, vegaUnitScale } from "../core/vega/vegaUnit";
import {
  TimeWeightingProblemKind,
  classifyTimeWeightingProblem,
  describeTimeWeightingProblem,
  DEFAULT_REFERENCE_DAYS,
  timeWeightedVega,
  timeWeightingProblemValue,
} from "../core/vega/timeWeightedVega";
import { SerialProblemKind, classifySerialProblem, describeSerialProblem, yearsBetweenSerials } from "../core/time/yearFraction";
import { broadcastShape, NamedArgument } from "./argumentGrid";
import { computeCellValues, readChoiceCell, resultGrid } from "./columnReading";
import { withExcelErrors } from "./excelErrors";
import { recordLegProblems } from "./legProblemMessages";
import { scratchColumn } from "./scratchColumns";
import { SharedMessages } from "./sharedMessages";
import { ColumnPass, ComputedCells, computePlainColumn, isPlainColumnCall, optionalNumber } from "./plainColumns";
import { dateArgumentList, legArgumentList, readDateColumns, readTimeWeightingColumns, readVegaLegs, timeWeightingArgumentList } from "./vegaArguments";


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
    const named = legArgumentList(underlying, strike, years, vol, rate, carry, model, "unit", unit);
    const shape = broadcastShape(named);
    const computed = isPlainColumnCall(shape) ? computePlainColumn(named, shape.rows, vegaPass, generalVegas) : generalVegas(named);
    return resultGrid(shape, computed.values, computed.problems);
  });
}

/** XV.VEGA's values and problems the general way: argument by argument into typed columns, then leg by leg. */
function generalVegas(named: readonly NamedArgument[]): ComputedCells {
  const [underlying, strike, years, vol, rate, carry, model, unit] = named.map((argument) => argument.values) as any[][][];
  const { shape, problems, legs, units } = readVegaLegs(
    underlying as any[][], strike as any[][], years as any[][], vol as any[][], rate, carry, model, unit,
  );
  recordLegProblems(legs, problems);
  const vegas = scratchColumn(shape.rows * shape.columns);
  fillVegaPerUnitVol(legs, problems.flags, vegas);
  if (typeof units === "string") {
    const scale = vegaUnitScale(units);
    for (let index = 0; index < vegas.length; index++) vegas[index] = (vegas[index] as number) * scale;
  } else {
    for (let index = 0; index < vegas.length; index++) vegas[index] = (vegas[index] as number) * vegaUnitScale(units[index] as VegaUnit);
  }
  return { values: vegas, problems };
}

/** Marks "not read yet" for the remembered model and unit cells. */
const UNREAD = Symbol("unread");

/**
 * XV.VEGA's pass over a column of legs (see plainColumns.ts): each leg's cells read in place, checked, and its vega
 * computed; legs that do not read cleanly or fail the leg check are left to generalVegas.
 */
const vegaPass: ColumnPass = (cells, strides, values, troubled) => {
  // Indexed, not destructured: destructuring iterates, and this runs once per call on the hot path's entry.
  const underlying = cells[0] as unknown[][];
  const strike = cells[1] as unknown[][];
  const years = cells[2] as unknown[][];
  const vol = cells[3] as unknown[][];
  const rate = cells[4] as unknown[][];
  const carry = cells[5] as unknown[][];
  const model = cells[6] as unknown[][];
  const unit = cells[7] as unknown[][];
  const underlyingStride = strides[0] as number;
  const strikeStride = strides[1] as number;
  const yearsStride = strides[2] as number;
  const volStride = strides[3] as number;
  const rateStride = strides[4] as number;
  const carryStride = strides[5] as number;
  const modelStride = strides[6] as number;
  const unitStride = strides[7] as number;
  let troubledCount = 0;
  let modelCell: unknown = UNREAD;
  let legModel: OptionModel | null = null;
  let unitCell: unknown = UNREAD;
  let scale = Number.NaN;
  for (let row = 0; row < values.length; row++) {
    // The model and unit of a book are nearly always one word throughout: read again only when the cell changes.
    const nextModelCell = (model[row * modelStride] as unknown[])[0];
    if (nextModelCell !== modelCell) {
      modelCell = nextModelCell;
      legModel = readChoiceCell(nextModelCell, parseOptionModel, DEFAULT_OPTION_MODEL);
    }
    const nextUnitCell = (unit[row * unitStride] as unknown[])[0];
    if (nextUnitCell !== unitCell) {
      unitCell = nextUnitCell;
      const legUnit = readChoiceCell(nextUnitCell, parseVegaUnit, DEFAULT_VEGA_UNIT);
      scale = legUnit === null ? Number.NaN : vegaUnitScale(legUnit);
    }
    const legUnderlying = (underlying[row * underlyingStride] as unknown[])[0];
    const legStrike = (strike[row * strikeStride] as unknown[])[0];
    const legYears = (years[row * yearsStride] as unknown[])[0];
    const legVol = (vol[row * volStride] as unknown[])[0];
    const legRate = optionalNumber((rate[row * rateStride] as unknown[])[0], 0);
    const legCarry = optionalNumber((carry[row * carryStride] as unknown[])[0], 0);
    if (
      legModel !== null &&
      typeof legUnderlying === "number" &&
      typeof legStrike === "number" &&
      typeof legYears === "number" &&
      typeof legVol === "number" &&
      isAcceptableLeg(legModel, legUnderlying, legStrike, legYears, legVol, legRate, legCarry)
    ) {
      // A NaN scale (an unknown unit) or a vega that is not finite leaves the leg to the general path.
      const legVega = vegaPerUnitVol(legModel, legUnderlying, legStrike, legYears, legVol, legRate, legCarry) * scale;
      if (Number.isFinite(legVega)) {
        values[row] = legVega;
        continue;
      }
    }
    troubled[row] = 1;
    troubledCount++;
  }
  return troubledCount;
};

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
    const named = timeWeightingArgumentList(vega, years, ref_days);
    const shape = broadcastShape(named);
    const computed = isPlainColumnCall(shape) ? computePlainColumn(named, shape.rows, timeWeightedVegaPass, generalTimeWeightedVegas) : generalTimeWeightedVegas(named);
    return resultGrid(shape, computed.values, computed.problems);
  });
}

function generalTimeWeightedVegas(named: readonly NamedArgument[]): ComputedCells {
  const [vega, years, referenceDays] = named.map((argument) => argument.values) as any[][][];
  const { shape, problems, vegas, years: legYears, referenceDays: legReferenceDays } = readTimeWeightingColumns(vega as any[][], years as any[][], referenceDays);
  const messages = new SharedMessages<TimeWeightingProblemKind>((kind, value) => describeTimeWeightingProblem(kind, value as number));
  const values = computeCellValues(shape, problems, (index) => {
    const legVega = vegas[index] as number;
    const years = legYears[index] as number;
    const days = legReferenceDays[index] as number;
    const kind = classifyTimeWeightingProblem(legVega, years, days);
    if (kind === null) return timeWeightedVega(legVega, years, days);
    return messages.messageFor(kind, timeWeightingProblemValue(kind, legVega, years, days));
  });
  return { values, problems };
}

/** XV.TWVEGA's pass over a column, as vegaPass is XV.VEGA's. */
const timeWeightedVegaPass: ColumnPass = (cells, strides, values, troubled) => {
  const vega = cells[0] as unknown[][];
  const years = cells[1] as unknown[][];
  const referenceDays = cells[2] as unknown[][];
  const vegaStride = strides[0] as number;
  const yearsStride = strides[1] as number;
  const referenceDaysStride = strides[2] as number;
  let troubledCount = 0;
  for (let row = 0; row < values.length; row++) {
    const legVega = (vega[row * vegaStride] as unknown[])[0];
    const legYears = (years[row * yearsStride] as unknown[])[0];
    const days = optionalNumber((referenceDays[row * referenceDaysStride] as unknown[])[0], DEFAULT_REFERENCE_DAYS);
    if (typeof legVega === "number" && typeof legYears === "number" && classifyTimeWeightingProblem(legVega, legYears, days) === null) {
      const value = timeWeightedVega(legVega, legYears, days);
      if (Number.isFinite(value)) {
        values[row] = value;
        continue;
      }
    }
    troubled[row] = 1;
    troubledCount++;
  }
  return troubledCount;
};

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
    const named = dateArgumentList(expiry, valuation);
    const shape = broadcastShape(named);
    const computed = isPlainColumnCall(shape) ? computePlainColumn(named, shape.rows, yearsPass, generalYears) : generalYears(named);
    return resultGrid(shape, computed.values, computed.problems);
  });
}

function generalYears(named: readonly NamedArgument[]): ComputedCells {
  const [expiry, valuation] = named.map((argument) => argument.values) as any[][][];
  const { shape, problems, expirySerials, valuationSerials } = readDateColumns(expiry as any[][], valuation as any[][]);
  const expiryMessages = new SharedMessages<SerialProblemKind>((kind, serial) => describeSerialProblem("expiry", kind, serial as number));
  const valuationMessages = new SharedMessages<SerialProblemKind>((kind, serial) => describeSerialProblem("valuation", kind, serial as number));
  const values = computeCellValues(shape, problems, (index) => {
    const expirySerial = expirySerials[index] as number;
    const valuationSerial = valuationSerials[index] as number;
    const expiryProblem = classifySerialProblem(expirySerial);
    if (expiryProblem !== null) return expiryMessages.messageFor(expiryProblem, expirySerial);
    const valuationProblem = classifySerialProblem(valuationSerial);
    if (valuationProblem !== null) return valuationMessages.messageFor(valuationProblem, valuationSerial);
    return yearsBetweenSerials(expirySerial, valuationSerial);
  });
  return { values, problems };
}

/** XV.YEARS's pass over a column, as vegaPass is XV.VEGA's. */
const yearsPass: ColumnPass = (cells, strides, values, troubled) => {
  const expiry = cells[0] as unknown[][];
  const valuation = cells[1] as unknown[][];
  const expiryStride = strides[0] as number;
  const valuationStride = strides[1] as number;
  let troubledCount = 0;
  for (let row = 0; row < values.length; row++) {
    const expirySerial = (expiry[row * expiryStride] as unknown[])[0];
    const valuationSerial = (valuation[row * valuationStride] as unknown[])[0];
    if (
      typeof expirySerial === "number" &&
      typeof valuationSerial === "number" &&
      classifySerialProblem(expirySerial) === null &&
      classifySerialProblem(valuationSerial) === null
    ) {
      values[row] = yearsBetweenSerials(expirySerial, valuationSerial);
      continue;
    }
    troubled[row] = 1;
    troubledCount++;
  }
  return troubledCount;
};
