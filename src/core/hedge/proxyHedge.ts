import { conditionNumberOrSingular } from "../conditionNumber";
import { sizeContracts } from "./hedgeContracts";
import { HedgeInputError } from "./hedgeErrors";
import { nestedCorrelationWithUnitDiagonal } from "../correlation/flatCorrelation";
import { crossTimesVegaOf, proxyCovarianceOf, threeQuadraticFormsOf } from "./flatCovariance";
import { effectivenessOf, solveProxySystem, vegaScaleOf, withHedge } from "./hedgeAlgebra";
import { resolveHedgeRequest } from "./hedgeInputs";
import type { HedgeWarning, ProxyHedgeInput, ProxyHedgeLine, ProxyHedgeResult, RoundedHedgeStatistics, TargetVega } from "./hedgeTypes";
import {
  collinearityWarning,
  explainSingularProxies,
  proxyCorrelationCondition,
  ridgeWarning,
  spreadBetWarning,
  ZERO_UNHEDGED_RISK_WARNING,
} from "./hedgeWarnings";

/** Last line of defence: a non-finite result is refused with a message, never returned (no Infinity or NaN in a cell). */
function checkFinite(result: ProxyHedgeResult): ProxyHedgeResult {
  const numbers = [
    result.unhedgedPnlStandardDeviation,
    result.residualPnlStandardDeviation,
    result.effectiveness,
    result.ridgeShift,
    ...result.proxies.flatMap((line) => [line.hedgeVegaPerVolPoint, line.contracts?.exactContracts ?? 0, line.contracts?.roundedHedgeVegaPerVolPoint ?? 0]),
    result.afterRounding?.residualPnlStandardDeviation ?? 0,
    result.afterRounding?.effectiveness ?? 0,
  ];
  if (numbers.every(Number.isFinite)) return result;
  throw new HedgeInputError(
    "invalidInput",
    "the hedge's numbers overflow (they are beyond ±1.8E308): the vegas, vol-of-vols or current vols are far beyond any real book; check their units",
  );
}

/** Every vega × scale (a power of two, so exact). */
function scaledVegas(vegas: readonly number[], scale: number): number[] {
  const scaled = new Array<number>(vegas.length);
  for (let i = 0; i < vegas.length; i++) scaled[i] = (vegas[i] as number) * scale;
  return scaled;
}

/** Σ|vega|, summed in order. */
function grossVegaOf(vegas: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < vegas.length; i++) sum += Math.abs(vegas[i] as number);
  return sum;
}

/** The first `targetCount` assets with their net vegas: the result's target lines. */
function nettedTargets(assets: readonly string[], vegas: readonly number[], targetCount: number): TargetVega[] {
  const targets = new Array<TargetVega>(targetCount);
  for (let i = 0; i < targetCount; i++) targets[i] = { asset: assets[i] as string, vegaPerVolPoint: vegas[i] as number };
  return targets;
}

/**
 * Minimum-variance proxy hedge of implied-vol risk (DOMAIN.md §2).
 *
 * With daily vol changes Δσ of covariance Σ = diag(s)·R·diag(s) (Σ_abs = D·Σ_rel·D for relative changes, D = current
 * vols in points) and net target vegas v, the hedge vegas h on the proxies minimise Var[(v + h)ᵀΔσ]:
 *
 *     (Σ_pp + μ·I)·h = −Σ_p·v,   μ = ridge × mean(diag Σ_pp)   (μ = 0 without a ridge)
 *
 * solved through the symmetric eigen-decomposition of Σ_pp (which also gives its condition number); Σ_pp + μI must
 * not be singular under conditionNumber.ts's rule (condition number below 1e12), else `singularProxies`. One proxy
 * gives the vol beta h = −ρ·(s_t/s_p)·v and effectiveness ρ². Vol-of-vols of 0 or below 1e-6 are refused first
 * (volOfVolChecks.ts), and the vegas are scaled by a power of two (exact) so that tiny books do not underflow.
 *
 * Statistics: unhedged and residual standard deviation of the daily P&L, sqrt(vᵀΣv) and sqrt(wᵀΣw) with w = v + h on
 * the proxies (vegas per vol point × Σ in vol points² per day = currency per day); effectiveness = 1 − residual/unhedged
 * variance, clamped to [0, 1] against rounding noise, and defined as 0 (with a `zeroUnhedgedRisk` warning) when the
 * unhedged variance is 0. With contract sizing, the residual and effectiveness are recomputed for the rounded hedge
 * (`afterRounding`, not clamped: rounding can make things worse).
 *
 * Warnings (codes in `HedgeWarningCode`): `collinearProxies` when the proxies' correlation matrix has condition number
 * above 100 or two proxies have |ρ| ≥ 0.98; `spreadBet` when gross hedge vega exceeds 3× gross target vega;
 * `ridgeApplied`; `zeroUnhedgedRisk`; `volOfVolsOmitted`; `currentVolsLookDecimal`.
 *
 * @throws HedgeInputError (`missingAsset`, `invalidMatrix`, `singularProxies`, `invalidInput`) with a message naming
 * the asset, entry or value and the fix.
 */
export function computeProxyHedge(input: ProxyHedgeInput): ProxyHedgeResult {
  const problem = resolveHedgeRequest(input);
  const { assets, proxyIndices, deviations, correlationRows, ridge } = problem;
  // Everything below is in scaled vegas (vegas × scale), turned back on the way out.
  const scale = vegaScaleOf(problem.vegas);
  // Plain loops over the book, no callbacks made per call (see bookAndProxyAssets).
  const vegas = scaledVegas(problem.vegas, scale);
  const proxyNames = proxyIndices.map((index) => assets[index] ?? "");
  const proxyCorrelation = nestedCorrelationWithUnitDiagonal(correlationRows.values, correlationRows.size, correlationRows.rows, proxyIndices);

  const solution = solveProxySystem(proxyCovarianceOf(correlationRows, deviations, proxyIndices), crossTimesVegaOf(correlationRows, deviations, vegas, proxyIndices), ridge);
  if (solution === null) {
    const proxyDeviations = proxyIndices.map((index) => deviations[index] ?? 0);
    throw new HedgeInputError("singularProxies", explainSingularProxies(proxyNames, proxyDeviations, proxyCorrelation));
  }
  const { hedge, eigenvalues, ridgeShift } = solution;

  const lines: ProxyHedgeLine[] = proxyIndices.map((index, a) => {
    const hedgeVega = (hedge[a] ?? 0) / scale;
    const spec = problem.contracts?.[a];
    return {
      asset: proxyNames[a] ?? "",
      ownVegaPerVolPoint: problem.vegas[index] ?? 0,
      hedgeVegaPerVolPoint: hedgeVega,
      contracts: spec ? sizeContracts(proxyNames[a] ?? "", hedgeVega, spec.vegaPerContract, spec.lotSize) : null,
    };
  });
  const hedged = withHedge(vegas, proxyIndices, hedge);
  const rounded = problem.contracts ? withHedge(vegas, proxyIndices, lines.map((line) => (line.contracts?.roundedHedgeVegaPerVolPoint ?? 0) * scale)) : hedged;
  const forms = threeQuadraticFormsOf(correlationRows, deviations, vegas, hedged, rounded);
  const unhedgedVariance = Math.max(forms[0] as number, 0);
  const residualVariance = Math.min(Math.max(forms[1] as number, 0), unhedgedVariance);
  const conditionNumber = conditionNumberOrSingular(eigenvalues);
  const correlationCondition = proxyCorrelationCondition(proxyCorrelation);
  let afterRounding: RoundedHedgeStatistics | null = null;
  if (problem.contracts) {
    const roundedVariance = Math.max(forms[2] as number, 0);
    afterRounding = { residualPnlStandardDeviation: Math.sqrt(roundedVariance) / scale, effectiveness: effectivenessOf(roundedVariance, unhedgedVariance) };
  }

  const grossTargetVega = grossVegaOf(problem.vegas);
  const grossHedgeVega = lines.reduce((sum, line) => sum + Math.abs(line.hedgeVegaPerVolPoint), 0);
  const warnings: HedgeWarning[] = [...problem.warnings];
  for (const warning of [
    collinearityWarning(proxyNames, proxyCorrelation, correlationCondition, conditionNumber, ridge),
    spreadBetWarning(grossHedgeVega, grossTargetVega),
    ridgeWarning(ridge, ridgeShift),
    unhedgedVariance > 0 ? null : ZERO_UNHEDGED_RISK_WARNING,
  ]) {
    if (warning) warnings.push(warning);
  }

  return checkFinite({
    changes: problem.changes,
    targets: nettedTargets(assets, problem.vegas, problem.targetCount),
    proxies: lines,
    unhedgedPnlStandardDeviation: Math.sqrt(unhedgedVariance) / scale,
    residualPnlStandardDeviation: Math.sqrt(residualVariance) / scale,
    effectiveness: Math.min(1, Math.max(0, effectivenessOf(residualVariance, unhedgedVariance))),
    conditionNumber,
    proxyCorrelationConditionNumber: correlationCondition,
    ridge,
    ridgeShift,
    afterRounding,
    warnings,
  });
}
