/*
 * The covariance of the hedge's daily vol changes as one row-major Float64Array (entry (i, j) at i·size + j, size the
 * count of weights or deviations; the array may be longer), and the sums the hedge takes over it. Each is the same
 * arithmetic, in the same order, as its rows-of-numbers twin in hedgeAlgebra.ts (covarianceOf, quadraticForm,
 * solveMinimumVarianceHedge's right-hand side), so the doubles agree.
 */
import type { CorrelationRows } from "./hedgeInputs";

/**
 * Writes Σ = diag(s)·R·diag(s) row-major into `into` (size² entries or more, size = deviations.length) for the
 * correlations where they lie (R_ij = values[rows[i]·n + rows[j]], R_ii = 1; see CorrelationRows), row by row:
 * Σ_ij = s_i·s_j·R_ij. covarianceOf computes the upper triangle of a built R and mirrors it; here Σ_ji = s_j·s_i·R_ji
 * is the same double (R is exactly symmetric, and a product of two doubles does not depend on their order).
 */
export function writeCovarianceOf(correlationRows: CorrelationRows, deviations: readonly number[], into: Float64Array): void {
  const { values, size: matrixSize, rows } = correlationRows;
  const size = deviations.length;
  for (let i = 0; i < size; i++) {
    const deviationI = deviations[i] as number;
    const rowOffset = i * size;
    const matrixOffset = (rows[i] as number) * matrixSize;
    for (let j = 0; j < size; j++) into[rowOffset + j] = deviationI * (deviations[j] as number) * (values[matrixOffset + (rows[j] as number)] as number);
    into[rowOffset + i] = deviationI * deviationI; // R_ii = 1 (s_i·s_i·1 is s_i·s_i exactly)
  }
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
