import { CorrelationInputError, describeNotConverged, DEFAULT_NEAREST_CORRELATION_TOLERANCE, nearestCorrelationMatrix, PSD_TOLERANCE, type NearestCorrelationOptions } from "../correlation";
import { assetKey, indexAssetNames } from "../correlation/assetNames";
import { isPositiveSemidefiniteWithin } from "../correlation/positiveSemidefinite";
import { computeProxyHedge, HedgeInputError, type AssetValue, type HedgeWarning, type LabelledCorrelationMatrix, type TargetVega } from "../hedge";
import { covarianceOf, effectivenessOf, quadraticForm, vegaScaleOf, withHedge } from "../hedge/hedgeAlgebra";
import { resolveHedgeInput } from "../hedge/hedgeInputs";

/** The correlation shifts a stress runs when none are given: mostly breakdowns, one strengthening, and today (0). */
export const DEFAULT_CORRELATION_SHIFTS: readonly number[] = [-0.5, -0.3, -0.2, -0.1, 0, 0.1];
/** A shift moves correlations within [−1, 1]: beyond ±2 every one is clipped whatever it was, so nothing is learnt. */
export const MAX_ABSOLUTE_SHIFT = 2;

export interface CorrelationStressInput {
  /** The book, netted by asset as XV.XVEGAHEDGE nets it. */
  targets: readonly TargetVega[];
  proxies: readonly string[];
  /** Today's correlations of absolute daily vol changes, covering every book asset and proxy. */
  correlation: LabelledCorrelationMatrix;
  /** As XV.XVEGAHEDGE's; omitted = every asset moves equally (s = 1), with its warning. */
  volOfVols?: readonly AssetValue[];
  ridge?: number;
  /** Added to every target–proxy correlation; default DEFAULT_CORRELATION_SHIFTS. */
  shifts?: readonly number[];
  /** For the repair of a shifted matrix that is no longer positive semidefinite (as XV.NEARCORR's). */
  repairOptions?: NearestCorrelationOptions;
}

export interface StressRow {
  shift: number;
  /** 1 − wᵀΣ′w / vᵀΣ′v with w = book + today's hedge: not clamped (a held hedge can add risk). */
  heldEffectiveness: number;
  /** sqrt(wᵀΣ′w): the daily P&L standard deviation left with today's hedge held. */
  heldResidualSd: number;
  /** The effectiveness of the best hedge under Σ′ (same ridge), as XV.HEDGESTATS would report it. */
  reoptimisedEffectiveness: number;
  /** True when the shifted matrix was not positive semidefinite and was replaced by its nearest correlation matrix. */
  repaired: boolean;
}

/** Today's hedge's warnings, or that no correlation could be shifted (every book asset is a proxy). */
export type StressWarning = HedgeWarning | { code: "nothingShifted"; message: string };

export interface CorrelationStressResult {
  proxies: string[];
  /** Today's hedge vegas, held through every row. */
  hedge: number[];
  rows: StressRow[];
  /** Today's hedge's warnings (XV.HEDGESTATS'), then the stress's own. */
  warnings: StressWarning[];
}

function checkShifts(shifts: readonly number[]): void {
  if (!Array.isArray(shifts) || shifts.length === 0) throw new HedgeInputError("invalidInput", "no shifts were given: give correlation shifts such as -0.5, -0.2, 0, 0.1");
  shifts.forEach((shift, position) => {
    if (typeof shift !== "number" || !Number.isFinite(shift) || Math.abs(shift) > MAX_ABSOLUTE_SHIFT) {
      throw new HedgeInputError("invalidInput", `shift ${position + 1} is ${String(shift)}: it must be a number from −${MAX_ABSOLUTE_SHIFT} to ${MAX_ABSOLUTE_SHIFT}, added to the target–proxy correlations (−0.3 = they fall by 0.3)`);
    }
  });
}

/**
 * Correlation stress of today's proxy hedge (the issue "Will the hedge hold?"). Today's hedge h is XV.XVEGAHEDGE's;
 * the correlations, restricted to the book's assets and the proxies in the matrix's order, are shifted: d is added to
 * every correlation between a target (a book asset that is not a proxy) and a proxy, and clipped to [−1, 1]. When the
 * result is not positive semidefinite (smallest eigenvalue below −1e-10) it is replaced by its nearest correlation
 * matrix and the row is flagged. Σ′ = diag(s)·R′·diag(s) with today's vol-of-vols. Held: w = book + h, effectiveness
 * 1 − wᵀΣ′w / vᵀΣ′v (not clamped; 0 when the book has no risk, as XV.HEDGESTATS) and residual sd sqrt(wᵀΣ′w).
 * Re-optimised: XV.HEDGESTATS' effectiveness of the best hedge under R′ with the same ridge. Shift 0 reproduces it.
 *
 * @throws HedgeInputError as computeProxyHedge (the book, the matrix, the vol-of-vols, the ridge) or for a bad shift;
 * CorrelationInputError when a repair does not converge.
 */
export function stressHedge(input: CorrelationStressInput): CorrelationStressResult {
  const shifts = input.shifts ?? DEFAULT_CORRELATION_SHIFTS;
  checkShifts(shifts);
  const hedgeInput = { targets: input.targets, proxies: input.proxies, correlation: input.correlation, volOfVols: input.volOfVols, ridge: input.ridge };
  const today = computeProxyHedge(hedgeInput);
  const resolved = resolveHedgeInput(hedgeInput);
  const { assets, proxyIndices, targetCount, deviations } = resolved;
  // The involved assets in the matrix's order: the repair is run on the matrix as the user laid it out.
  const matrixIndex = indexAssetNames(input.correlation.assets);
  const order = assets.map((_, i) => i).sort((a, b) => (matrixIndex.get(assetKey(assets[a] as string)) ?? 0) - (matrixIndex.get(assetKey(assets[b] as string)) ?? 0));
  const isProxy = assets.map((_, i) => proxyIndices.includes(i));
  const isTarget = assets.map((_, i) => i < targetCount && !isProxy[i]);
  const orderedNames = order.map((i) => assets[i] as string);
  const hedge = today.proxies.map((line) => line.hedgeVegaPerVolPoint);
  const scale = vegaScaleOf(resolved.vegas);
  const vegas = resolved.vegas.map((vega) => vega * scale);
  const heldWeights = withHedge(vegas, proxyIndices, hedge.map((value) => value * scale));

  const rows = shifts.map((shift): StressRow => {
    const shifted = order.map((i) => order.map((j) => {
      const value = resolved.correlation[i * assets.length + j] as number;
      const crosses = (isTarget[i] && isProxy[j]) || (isProxy[i] && isTarget[j]);
      return crosses ? Math.min(1, Math.max(-1, value + shift)) : value;
    }));
    let stressed = shifted;
    const repaired = !isPositiveSemidefiniteWithin(shifted, PSD_TOLERANCE);
    if (repaired) {
      const repair = nearestCorrelationMatrix(shifted, input.repairOptions);
      if (!repair.converged) {
        throw new CorrelationInputError("invalidInput", `the correlations shifted by ${shift} are not a valid matrix and their repair stopped: ${describeNotConverged(repair, DEFAULT_NEAREST_CORRELATION_TOLERANCE, "try fewer assets")}`);
      }
      stressed = repair.matrix;
    }
    // Back to the hedge's order (targets, then proxies) for Σ′.
    const position = new Array<number>(order.length);
    order.forEach((i, k) => (position[i] = k));
    const correlation = assets.map((_, i) => assets.map((__, j) => stressed[position[i] as number]?.[position[j] as number] ?? 0));
    const covariance = covarianceOf(correlation, deviations);
    const unhedgedVariance = quadraticForm(covariance, vegas);
    const residualVariance = Math.max(quadraticForm(covariance, heldWeights), 0);
    const reoptimised = computeProxyHedge({ ...hedgeInput, correlation: { assets: orderedNames, values: stressed } });
    return {
      shift,
      heldEffectiveness: effectivenessOf(residualVariance, unhedgedVariance),
      heldResidualSd: Math.sqrt(residualVariance) / scale,
      reoptimisedEffectiveness: reoptimised.effectiveness,
      repaired,
    };
  });
  const warnings: StressWarning[] = [...today.warnings];
  if (!isTarget.some(Boolean)) {
    warnings.push({ code: "nothingShifted", message: "every book asset is a proxy, so no correlation is shifted: the stress only repeats today's hedge" });
  }
  return { proxies: today.proxies.map((line) => line.asset), hedge, rows, warnings };
}
