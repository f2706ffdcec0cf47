/*
 * The covariance of the hedge's daily vol changes as one row-major Float64Array (entry (i, j) at i·size + j), and the
 * sums the hedge takes over it. Each is the same arithmetic, in the same order, as its rows-of-numbers twin in
 * hedgeAlgebra.ts (covarianceOf, quadraticForm, solveMinimumVarianceHedge's right-hand side), so the doubles agree.
 */

/**
 * Σ = diag(s)·R·diag(s) for a row-major, exactly symmetric R: Σ_ij = s_i·s_j·R_ij, row by row. covarianceOf computes
 * the upper triangle and mirrors it; here Σ_ji = s_j·s_i·R_ji is the same double (R_ji = R_ij, and a product of two
 * doubles does not depend on their order), so Σ is exactly symmetric and equal to covarianceOf's, read in order.
 */
export function flatCovarianceOf(correlation: Float64Array, deviations: readonly number[]): Float64Array {
  const size = deviations.length;
  const covariance = new Float64Array(size * size);
  for (let i = 0; i < size; i++) {
    const deviationI = deviations[i] as number;
    const rowOffset = i * size;
    for (let j = 0; j < size; j++) covariance[rowOffset + j] = deviationI * (deviations[j] as number) * (correlation[rowOffset + j] as number);
  }
  return covariance;
}

/** wᵀΣw for a row-major symmetric size×size Σ, row by row, skipping rows of zero weight (as quadraticForm does). */
export function flatQuadraticForm(covariance: Float64Array, weights: readonly number[]): number {
  const size = weights.length;
  let total = 0;
  for (let i = 0; i < size; i++) {
    const weightI = weights[i] as number;
    if (weightI === 0) continue;
    const rowOffset = i * size;
    let rowSum = 0;
    for (let j = 0; j < size; j++) rowSum += (covariance[rowOffset + j] as number) * (weights[j] as number);
    total += weightI * rowSum;
  }
  return total;
}

/** Σ_p·v: per proxy, its row of Σ times the vegas (the right-hand side of the hedge, before the sign). */
export function flatCrossTimesVega(covariance: Float64Array, vegas: readonly number[], proxyIndices: readonly number[]): number[] {
  const size = vegas.length;
  return proxyIndices.map((index) => {
    const rowOffset = index * size;
    let sum = 0;
    for (let j = 0; j < size; j++) sum += (covariance[rowOffset + j] as number) * (vegas[j] as number);
    return sum;
  });
}
