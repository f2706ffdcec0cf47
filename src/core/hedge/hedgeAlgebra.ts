/*
 * The algebra of the minimum-variance proxy hedge, shared by the hedge of today (proxyHedge.ts), the backtest, which
 * solves it once per rebalance date, and the stress: one solver, so that they all give the very same hedge.
 */
import { Matrix } from "ml-matrix";
import { conditionNumberOrSingular } from "../conditionNumber";
import { symmetricEigen, type SquareMatrix } from "../correlation/symmetricMatrix";

/** wᵀΣw for a symmetric Σ (a missing row, entry or weight counts as 0). */
export function quadraticForm(covariance: readonly (readonly number[])[], weights: readonly number[]): number {
  let total = 0;
  for (let i = 0; i < covariance.length; i++) {
    const weightI = weights[i] ?? 0;
    const row = covariance[i];
    if (weightI === 0 || row === undefined) continue;
    let rowSum = 0;
    for (let j = 0; j < row.length; j++) rowSum += (row[j] ?? 0) * (weights[j] ?? 0);
    total += weightI * rowSum;
  }
  return total;
}

/** Σ = diag(s)·R·diag(s), computed on the upper triangle and mirrored so that it is exactly symmetric. */
export function covarianceOf(correlation: readonly (readonly number[])[], deviations: readonly number[]): number[][] {
  const size = deviations.length;
  const covariance = Array.from({ length: size }, () => new Array<number>(size).fill(0));
  for (let i = 0; i < size; i++) {
    for (let j = i; j < size; j++) {
      const value = (deviations[i] ?? 0) * (deviations[j] ?? 0) * (correlation[i]?.[j] ?? 0);
      (covariance[i] ?? [])[j] = value;
      (covariance[j] ?? [])[i] = value;
    }
  }
  return covariance;
}

/** Vegas after adding `hedge` on the proxies. */
export function withHedge(vegas: readonly number[], proxyIndices: readonly number[], hedge: readonly number[]): number[] {
  const combined = [...vegas];
  proxyIndices.forEach((index, a) => (combined[index] = (combined[index] ?? 0) + (hedge[a] ?? 0)));
  return combined;
}

/** 1 − residual/unhedged variance; 0 when there is no unhedged variance. */
export function effectivenessOf(residualVariance: number, unhedgedVariance: number): number {
  return unhedgedVariance > 0 ? 1 - residualVariance / unhedgedVariance : 0;
}

/** Scales are powers of two (exact); 2^±1000 is as far as one factor goes without overflowing to 0 or Infinity. */
const MAX_SCALE_EXPONENT = 1000;

/**
 * A power of two that brings the largest |vega| near 1. The hedge is linear in the vegas, so solving for the scaled
 * vegas and scaling back is exact; it keeps vᵀΣv from underflowing to 0 for tiny (even subnormal) vegas, which would
 * report a real risk as "nothing to hedge", and from overflowing for large books.
 */
export function vegaScaleOf(vegas: readonly number[]): number {
  let largest = 0;
  for (let i = 0; i < vegas.length; i++) largest = Math.max(largest, Math.abs(vegas[i] as number));
  if (!(largest > 0) || !Number.isFinite(largest)) return 1;
  const exponent = Math.max(-MAX_SCALE_EXPONENT, Math.min(MAX_SCALE_EXPONENT, -Math.floor(Math.log2(largest))));
  return 2 ** exponent;
}

/** The hedge vegas on the proxies, with the eigenvalues of Σ_pp (before the ridge) and the ridge shift μ. */
export interface HedgeSolution {
  hedge: number[];
  eigenvalues: number[];
  ridgeShift: number;
}

/**
 * Solves (Σ_pp + μ·I)·h = −Σ_p·v, μ = ridge × mean(diag Σ_pp), for a covariance given as rows (the backtest's):
 * `solveProxySystem` on its proxy block and Σ_p·v.
 */
export function solveMinimumVarianceHedge(
  covariance: SquareMatrix,
  vegas: readonly number[],
  proxyIndices: readonly number[],
  ridge: number,
): HedgeSolution | null {
  const proxyCovariance = proxyIndices.map((i) => proxyIndices.map((j) => covariance[i]?.[j] ?? 0));
  const crossTimesVega = proxyIndices.map((i) => {
    const row = covariance[i] ?? [];
    let sum = 0;
    for (let j = 0; j < vegas.length; j++) sum += (row[j] ?? 0) * (vegas[j] ?? 0);
    return sum;
  });
  return solveProxySystem(proxyCovariance, crossTimesVega, ridge);
}

/**
 * The one solver of (Σ_pp + μ·I)·h = −c, c = Σ_p·v, μ = ridge × mean(diag Σ_pp), through the symmetric
 * eigen-decomposition of Σ_pp: h = −Σ_k (q_kᵀc / (λ_k + μ)) q_k. Returns null when Σ_pp + μI is singular under
 * conditionNumber.ts's rule (condition number ≥ 1e12): the caller words the error, which needs names.
 */
export function solveProxySystem(proxyCovariance: readonly (readonly number[])[], crossTimesVega: readonly number[], ridge: number): HedgeSolution | null {
  const proxyCount = proxyCovariance.length;
  const eigen = symmetricEigen(new Matrix(proxyCovariance.map((row) => [...row])));
  const meanProxyVariance = proxyCovariance.reduce((sum, row, a) => sum + (row[a] ?? 0), 0) / proxyCount;
  const ridgeShift = ridge * meanProxyVariance;
  const solvedEigenvalues = eigen.values.map((value) => value + ridgeShift);
  if (conditionNumberOrSingular(solvedEigenvalues) === null) return null;
  const hedge = new Array<number>(proxyCount).fill(0);
  // Plain loops, no callbacks made per call (see hedgeInputs.ts, bookAndProxyAssets).
  for (let k = 0; k < solvedEigenvalues.length; k++) {
    const direction = eigen.vectors.getColumn(k);
    let projection = 0;
    for (let a = 0; a < direction.length; a++) projection = projection + (direction[a] as number) * (crossTimesVega[a] ?? 0);
    projection = projection / (solvedEigenvalues[k] as number);
    for (let a = 0; a < direction.length; a++) hedge[a] = (hedge[a] as number) - projection * (direction[a] as number);
  }
  return { hedge, eigenvalues: eigen.values, ridgeShift };
}
