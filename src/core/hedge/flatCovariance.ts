/*
 * The hedge's sums over the covariance Σ = diag(s)·R·diag(s) of daily vol changes, with no Σ built: each entry
 * Σ_ij = s_i·s_j·R_ij is computed where it is used, from the correlations where they lie (CorrelationRows) and the
 * standard deviations s. Building the n×n Σ first and reading it three times cost more than computing each entry once
 * in a pass that takes all three quadratic forms at a time. Every entry is the double covarianceOf computes (the same
 * product in the same order; Σ_ji = s_j·s_i·R_ji is Σ_ij, R being exactly symmetric), and every sum is taken in
 * quadraticForm's order, so the results are those of hedgeAlgebra.ts's rows-of-numbers twins, bit for bit.
 */
import type { CorrelationRows } from "./hedgeInputs";

/** Σ_ab over the proxies (a, b index `deviations`), as rows: the small matrix of the hedge's normal equations. */
export function proxyCovarianceOf(correlationRows: CorrelationRows, deviations: readonly number[], proxyIndices: readonly number[]): number[][] {
  const { values, size, rows } = correlationRows;
  // Plain loops, no callbacks made per call (see hedgeInputs.ts, bookAndProxyAssets).
  const count = proxyIndices.length;
  const covariance = new Array<number[]>(count);
  for (let a = 0; a < count; a++) {
    const i = proxyIndices[a] as number;
    const deviationI = deviations[i] as number;
    const matrixOffset = (rows[i] as number) * size;
    const row = new Array<number>(count);
    for (let b = 0; b < count; b++) {
      const j = proxyIndices[b] as number;
      row[b] = i === j ? deviationI * deviationI : deviationI * (deviations[j] as number) * (values[matrixOffset + (rows[j] as number)] as number);
    }
    covariance[a] = row;
  }
  return covariance;
}

/** Σ_p·v: per proxy, its row of Σ times the vegas, summed in order (the right-hand side of the hedge, before the sign). */
export function crossTimesVegaOf(correlationRows: CorrelationRows, deviations: readonly number[], vegas: readonly number[], proxyIndices: readonly number[]): number[] {
  const { values, size, rows } = correlationRows;
  const count = vegas.length;
  const sums = new Array<number>(proxyIndices.length);
  for (let a = 0; a < proxyIndices.length; a++) {
    const i = proxyIndices[a] as number;
    const deviationI = deviations[i] as number;
    const matrixOffset = (rows[i] as number) * size;
    let sum = 0;
    for (let j = 0; j < count; j++) {
      const covariance = j === i ? deviationI * deviationI : deviationI * (deviations[j] as number) * (values[matrixOffset + (rows[j] as number)] as number);
      sum += covariance * (vegas[j] as number);
    }
    sums[a] = sum;
  }
  return sums;
}

/**
 * [aᵀΣa, bᵀΣb, cᵀΣc] in one pass over Σ, each as quadraticForm takes it: row by row, a row's sum in increasing j, a
 * row of zero weight skipped. Pass the same weights twice when fewer than three forms are wanted.
 *
 * The totals live in an array made before the loop, not in a literal built after it: V8 optimises this function
 * during its first call (on-stack replacement in the long loop), before anything after the loop has run, and a
 * literal there, with no type feedback yet, sent every later call back to the interpreter (a deoptimisation of
 * ≈ 1 ms, over and over, seen with --trace-deopt).
 */
export function threeQuadraticFormsOf(
  correlationRows: CorrelationRows,
  deviations: readonly number[],
  first: readonly number[],
  second: readonly number[],
  third: readonly number[],
): Float64Array {
  return quadraticFormsOverArrays(correlationRows.values, correlationRows.size, correlationRows.rows, deviations, first, second, third);
}

/**
 * `threeQuadraticFormsOf` as a plain function over arrays: optimised code that reads an object's fields is thrown away
 * when a full GC frees that object's hidden class (the CorrelationRows of a finished hedge), and the next call ran its
 * 42,025 iterations in the interpreter until optimised again (+0.6 ms per hedge after each GC).
 */
function quadraticFormsOverArrays(
  values: Float64Array,
  size: number,
  rows: readonly number[],
  deviations: readonly number[],
  first: readonly number[],
  second: readonly number[],
  third: readonly number[],
): Float64Array {
  const count = deviations.length;
  const totals = new Float64Array(3);
  for (let i = 0; i < count; i++) {
    const deviationI = deviations[i] as number;
    const matrixOffset = (rows[i] as number) * size;
    let firstSum = 0;
    let secondSum = 0;
    let thirdSum = 0;
    for (let j = 0; j < count; j++) {
      const covariance = j === i ? deviationI * deviationI : deviationI * (deviations[j] as number) * (values[matrixOffset + (rows[j] as number)] as number);
      firstSum += covariance * (first[j] as number);
      secondSum += covariance * (second[j] as number);
      thirdSum += covariance * (third[j] as number);
    }
    const firstWeight = first[i] as number;
    const secondWeight = second[i] as number;
    const thirdWeight = third[i] as number;
    if (firstWeight !== 0) totals[0] = (totals[0] as number) + firstWeight * firstSum;
    if (secondWeight !== 0) totals[1] = (totals[1] as number) + secondWeight * secondSum;
    if (thirdWeight !== 0) totals[2] = (totals[2] as number) + thirdWeight * thirdSum;
  }
  return totals;
}
