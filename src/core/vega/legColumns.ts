import { vegaPerUnitVol } from "./blackVega";
import { LegProblemKind, classifyLegProblem, isAcceptableLeg, legProblemValue } from "./legValidation";
import type { OptionModel } from "./optionModel";

/**
 * A book of option legs stored column by column (one typed array per input), the layout Excel ranges and CSV
 * columns arrive in. Looping over columns keeps a 100,000-leg book free of per-leg objects.
 */
export interface LegColumns {
  /** One model for the whole book, or one per leg. */
  models: OptionModel | readonly OptionModel[];
  underlying: Float64Array;
  strike: Float64Array;
  years: Float64Array;
  vol: Float64Array;
  rate: Float64Array;
  carry: Float64Array;
}

/** The model of leg `index`. */
function modelAt(models: OptionModel | readonly OptionModel[], index: number): OptionModel {
  return typeof models === "string" ? models : (models[index] as OptionModel);
}

/** Receives one refused leg: its position, what is wrong (a code, no text yet), its model and the offending value. */
export type LegProblemReport = (index: number, kind: LegProblemKind, model: OptionModel, value: number) => void;

/**
 * Checks every leg not already marked in `rejected` (1 = leave alone) and reports each one `classifyLegProblem`
 * refuses. Legs already rejected stay unchecked, so an earlier, more basic problem keeps its message. Reports carry
 * codes, not messages: the caller builds one message per distinct problem (`describeLegProblem`), not one per leg.
 */
export function reportLegProblems(legs: LegColumns, rejected: Uint8Array, report: LegProblemReport): void {
  const { models, underlying, strike, years, vol, rate, carry } = legs;
  for (let index = 0; index < underlying.length; index++) {
    if (rejected[index] === 1) continue;
    const model = modelAt(models, index);
    const legUnderlying = underlying[index] as number;
    const legStrike = strike[index] as number;
    const legYears = years[index] as number;
    const legVol = vol[index] as number;
    const legRate = rate[index] as number;
    const legCarry = carry[index] as number;
    if (isAcceptableLeg(model, legUnderlying, legStrike, legYears, legVol, legRate, legCarry)) continue;
    const kind = classifyLegProblem(model, legUnderlying, legStrike, legYears, legVol, legRate, legCarry);
    if (kind !== null) report(index, kind, model, legProblemValue(kind, legUnderlying, legStrike, legYears, legVol, legRate, legCarry));
  }
}

/**
 * Writes `vegaPerUnitVol` of every leg into `vegas`; legs marked in `rejected` get 0 and are not computed.
 * Every leg not rejected must have passed `reportLegProblems`.
 */
export function fillVegaPerUnitVol(legs: LegColumns, rejected: Uint8Array, vegas: Float64Array): void {
  const { models, underlying, strike, years, vol, rate, carry } = legs;
  for (let index = 0; index < underlying.length; index++) {
    vegas[index] =
      rejected[index] === 1
        ? 0
        : vegaPerUnitVol(
            modelAt(models, index),
            underlying[index] as number,
            strike[index] as number,
            years[index] as number,
            vol[index] as number,
            rate[index] as number,
            carry[index] as number,
          );
  }
}
