import { Matrix } from "ml-matrix";
import { conditionNumberOrSingular, conditionNumberText } from "../conditionNumber";
import { symmetricEigen } from "../correlation/symmetricMatrix";
import type { HedgeWarning } from "./hedgeTypes";

export { SINGULAR_CONDITION_LIMIT } from "../conditionNumber";

/**
 * Collinearity warning thresholds. The warning uses the condition number of the proxies' *correlation* matrix R_pp,
 * not of Σ_pp: Σ_pp's also counts vol-of-vol ratios (uncorrelated proxies with s = 1 and 10 have cond(Σ_pp) = 100 and
 * a perfectly stable hedge). For two proxies cond(R_pp) = (1 + |ρ|)/(1 − |ρ|), so 100 is |ρ| ≈ 0.980 — the same line
 * as the pairwise test, which also catches a collinear pair hidden among several proxies.
 */
export const COLLINEAR_CONDITION_LIMIT = 100;
export const COLLINEAR_CORRELATION_LIMIT = 0.98;
/** Gross hedge vega above this multiple of gross target vega is a spread bet rather than a hedge. */
export const SPREAD_BET_RATIO = 3;
/** A proxy's loading on the null direction of R_pp above this (of a unit vector) names it as part of the dependency. */
const NULL_DIRECTION_LOADING = 0.2;

/** Whole units with thousands separators; three significant figures below 1 (a tiny book is not "0"). */
function formatNumber(value: number): string {
  return Math.abs(value) >= 1 || value === 0 ? Math.round(value).toLocaleString("en-US") : value.toPrecision(3);
}

export interface ProxyPair {
  first: number;
  second: number;
  correlation: number;
}

/** The proxy pair with the largest |ρ|, or null with one proxy. Indices are into the proxy list. */
export function mostCorrelatedPair(proxyCorrelation: readonly (readonly number[])[]): ProxyPair | null {
  let best: ProxyPair | null = null;
  proxyCorrelation.forEach((row, i) =>
    row.forEach((correlation, j) => {
      if (j > i && (best === null || Math.abs(correlation) > Math.abs(best.correlation))) best = { first: i, second: j, correlation };
    }),
  );
  return best;
}

/** Condition number of the proxies' correlation matrix (null when singular, under the rule of conditionNumber.ts). */
export function proxyCorrelationCondition(proxyCorrelation: readonly (readonly number[])[]): number | null {
  return conditionNumberOrSingular(symmetricEigen(new Matrix(proxyCorrelation.map((row) => [...row]))).values);
}

export function collinearityWarning(
  proxyNames: readonly string[],
  proxyCorrelation: readonly (readonly number[])[],
  correlationCondition: number | null,
  covarianceCondition: number | null,
  ridge: number,
): HedgeWarning | null {
  if (proxyNames.length < 2) return null;
  const pair = mostCorrelatedPair(proxyCorrelation);
  const pairTriggers = pair !== null && Math.abs(pair.correlation) >= COLLINEAR_CORRELATION_LIMIT;
  const conditionTriggers = correlationCondition === null || correlationCondition > COLLINEAR_CONDITION_LIMIT;
  if (!pairTriggers && !conditionTriggers) return null;
  const pairText =
    pair !== null && pairTriggers
      ? `${proxyNames[pair.first]} and ${proxyNames[pair.second]} have correlation ${pair.correlation.toFixed(3)}`
      : `the proxies' correlation matrix has condition number ${conditionNumberText(correlationCondition, (value) => value.toFixed(0))}`;
  const covarianceText = ` (condition number of their covariance ${conditionNumberText(covarianceCondition, (value) => value.toFixed(0))})`;
  const remedy = ridge > 0 ? `a ridge of ${ridge} is applied` : "add a ridge (e.g. 0.05) or drop one of them";
  return {
    code: "collinearProxies",
    message: `proxies are nearly collinear: ${pairText}${covarianceText}. The minimum-variance hedge then leans on small differences between them and swings with small changes in the correlations; ${remedy}`,
  };
}

export function spreadBetWarning(grossHedgeVega: number, grossTargetVega: number): HedgeWarning | null {
  if (!(grossTargetVega > 0) || grossHedgeVega <= SPREAD_BET_RATIO * grossTargetVega) return null;
  return {
    code: "spreadBet",
    message: `the hedge trades ${formatNumber(grossHedgeVega)} of vega (gross) against ${formatNumber(grossTargetVega)} of target vega, more than ${SPREAD_BET_RATIO}×: it is a long/short vol-spread bet between the proxies, not a hedge; consider a ridge or fewer proxies`,
  };
}

export function ridgeWarning(ridge: number, ridgeShift: number): HedgeWarning | null {
  if (!(ridge > 0)) return null;
  return {
    code: "ridgeApplied",
    message: `a ridge of ${ridge} added ${ridgeShift.toPrecision(4)} (vol points² per day, ${ridge} × the mean proxy variance) to each proxy's variance: the hedge is smaller and steadier than the minimum-variance one, and its effectiveness is reported as is`,
  };
}

export const ZERO_UNHEDGED_RISK_WARNING: HedgeWarning = {
  code: "zeroUnhedgedRisk",
  message: "the targets carry no vol risk (their net vegas are 0): there is nothing to hedge, and effectiveness is reported as 0",
};

/**
 * Why Σ_pp (+ ridge) is not positive definite, naming the proxies: vol-of-vols so far apart that Σ_pp is singular
 * although their correlations are not (a vol-of-vol of 0 or an implausibly small one is refused before the solve), a
 * pair with |ρ| = 1, or the proxies that load on the (near) null direction of their correlation matrix.
 */
export function explainSingularProxies(
  proxyNames: readonly string[],
  proxyDeviations: readonly number[],
  proxyCorrelation: readonly (readonly number[])[],
): string {
  const remedy = "add a ridge (e.g. 0.05) or drop one of them";
  const eigen = symmetricEigen(new Matrix(proxyCorrelation.map((row) => [...row])));
  if (proxyNames.length > 1 && conditionNumberOrSingular(eigen.values) !== null) {
    let calmest = 0;
    let wildest = 0;
    proxyDeviations.forEach((deviation, a) => {
      if (deviation < (proxyDeviations[calmest] ?? deviation)) calmest = a;
      if (deviation > (proxyDeviations[wildest] ?? deviation)) wildest = a;
    });
    const low = proxyDeviations[calmest] ?? 0;
    const high = proxyDeviations[wildest] ?? 0;
    const shown = (value: number) => String(Number(value.toPrecision(3)));
    return (
      `the proxies' vol-of-vols are too far apart to solve: ${proxyNames[calmest]} ${shown(low)} against ${proxyNames[wildest]} ${shown(high)} ` +
      `(a factor of ${shown(high / low)}), so their covariance is singular though their correlations are not; check both (same units) or drop ${proxyNames[calmest]}`
    );
  }
  const pair = mostCorrelatedPair(proxyCorrelation);
  if (pair !== null && Math.abs(pair.correlation) >= 1 - 1e-9) {
    return `proxies ${proxyNames[pair.first]} and ${proxyNames[pair.second]} have correlation ${pair.correlation.toFixed(6)}: they are the same risk and no unique hedge exists; ${remedy}`;
  }
  let smallest = 0;
  eigen.values.forEach((value, k) => {
    if (value < (eigen.values[smallest] ?? value)) smallest = k;
  });
  const direction = eigen.vectors.getColumn(smallest);
  const involved = proxyNames.filter((_, i) => Math.abs(direction[i] ?? 0) >= NULL_DIRECTION_LOADING);
  return `proxies ${involved.join(", ")} are (nearly) linearly dependent: a combination of their vol moves hardly moves at all (smallest eigenvalue of their correlation matrix ${(eigen.values[smallest] ?? 0).toExponential(2)}), so no unique hedge exists; ${remedy}`;
}
