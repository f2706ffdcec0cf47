/*
 * The nearest-correlation problem in the form both routes solve: minimise ½‖X − G‖_F² over X ⪰ 0 with X_ii = b and
 * X_ij = B_ij on locked pairs, where G = (A + Aᵀ)/2 − δI and b = 1 − δ (X + δI is then the nearest matrix with unit
 * diagonal and smallest eigenvalue ≥ δ; the locked off-diagonal entries are not moved by the shift). Its dual variable
 * Y lives on the constrained entries (a diagonal y, and z on the locked pairs), and for a given Y the best X is the
 * projection P_S(G + Y) onto the PSD cone (clip the eigenvalues at 0). Helpers here move between those.
 */
import type { SymmetricEigenSolver } from "./symmetricEigenSolver";
import { addOuterProductsToUpperTriangle } from "./symmetricRankUpdate";
import type { EntryChange } from "./nearestCorrelationOptions";
import type { SquareMatrix } from "./symmetricMatrix";

export interface DualProblem {
  size: number;
  /** G = (A + Aᵀ)/2 − δI, row-major. */
  shifted: Float64Array;
  /** b = 1 − δ, the diagonal the PSD part must have. */
  targetDiagonal: number;
  /** Locked pairs (i < j): lockedRows[p], lockedColumns[p], with targets lockedValues[p] = ((A + Aᵀ)/2)_ij. */
  lockedRows: Int32Array;
  lockedColumns: Int32Array;
  lockedValues: Float64Array;
}

/** (A + Aᵀ)/2, row-major in one array (the numbers `symmetrise` gives). */
export function symmetrisedArray(values: SquareMatrix): Float64Array {
  const size = values.length;
  const result = new Float64Array(size * size);
  for (let i = 0; i < size; i++) {
    const rowI = values[i] as readonly number[];
    result[i * size + i] = rowI[i] as number;
    for (let j = i + 1; j < size; j++) {
      const average = ((rowI[j] as number) + ((values[j] as readonly number[])[i] as number)) / 2;
      result[i * size + j] = average;
      result[j * size + i] = average;
    }
  }
  return result;
}

/** Loads G + diag(y) + z (on the locked pairs, both triangles) into the solver and decomposes it. */
export function decomposeAt(solver: SymmetricEigenSolver, problem: DualProblem, y: Float64Array, z: Float64Array | null): void {
  const size = problem.size;
  const work = solver.vectors;
  work.set(problem.shifted);
  for (let i = 0; i < size; i++) work[i * size + i] = (problem.shifted[i * size + i] as number) + (y[i] as number);
  if (z !== null) {
    for (let p = 0; p < z.length; p++) {
      const i = problem.lockedRows[p] as number;
      const j = problem.lockedColumns[p] as number;
      const value = (problem.shifted[i * size + j] as number) + (z[p] as number);
      work[i * size + j] = value;
      work[j * size + i] = value;
    }
  }
  solver.decompose();
}

/**
 * The scalar c with Σ_k max(λ_k + c, 0) = target (default n): the trace of P_S(M + c·I) is then the trace the answer
 * must have. Starting at y = c·1 saves a few iterations and no work: M + c·I has the eigenvectors of M and
 * eigenvalues λ + c. The sum is increasing and piecewise linear in c; with the eigenvalues sorted descending, try
 * "the top m are positive" for m = 1, 2, … until it is consistent.
 */
export function traceMatchingShift(eigenvalues: readonly number[], target: number = eigenvalues.length): number {
  const size = eigenvalues.length;
  const descending = [...eigenvalues].sort((a, b) => b - a);
  let sum = 0;
  for (let m = 1; m <= size; m++) {
    sum += descending[m - 1] ?? 0;
    const shift = (target - sum) / m;
    const next = descending[m];
    if ((descending[m - 1] ?? 0) + shift > 0 && (next === undefined || next + shift <= 0)) return shift;
  }
  return (target - sum) / size;
}

/**
 * The answer from the last decomposition of M = G + Y: P_S(M) = V·max(Λ, 0)·Vᵀ rescaled to the target diagonal b,
 * (b·D^(−1/2))·P_S(M)·D^(−1/2) — a congruence, so it stays PSD (at convergence D is within the tolerance of b·I, so
 * the rescaling moves entries by about that much) — then δ added on the diagonal, which is set to exactly 1, and the
 * off-diagonals clipped to [−1, 1]. The upper triangle is computed (`addOuterProductsToUpperTriangle`, eigenvalues
 * ascending so the positive ones are the last rows) and mirrored, so the output is exactly symmetric.
 */
export function correlationFromDecomposition(eigenvalues: Float64Array, vectors: Float64Array, targetDiagonal: number): number[][] {
  const size = eigenvalues.length;
  const projection = new Float64Array(size * size);
  let firstPositive = 0;
  while (firstPositive < size && !((eigenvalues[firstPositive] as number) > 0)) firstPositive++;
  addOuterProductsToUpperTriangle(projection, size, vectors, firstPositive, size, eigenvalues);
  const scale = new Float64Array(size);
  const rootTarget = Math.sqrt(targetDiagonal);
  for (let i = 0; i < size; i++) {
    const diagonal = projection[i * size + i] as number;
    scale[i] = diagonal > 0 ? rootTarget / Math.sqrt(diagonal) : 0;
  }
  const result: number[][] = Array.from({ length: size }, () => new Array<number>(size).fill(0));
  for (let i = 0; i < size; i++) {
    const resultI = result[i] as number[];
    resultI[i] = 1;
    for (let j = i + 1; j < size; j++) {
      const value = Math.min(1, Math.max(-1, (projection[i * size + j] as number) * (scale[i] as number) * (scale[j] as number)));
      resultI[j] = value;
      (result[j] as number[])[i] = value;
    }
  }
  return result;
}

/**
 * Exactly a correlation matrix already (symmetric, unit diagonal, |ρ| ≤ 1) apart from the eigenvalue test. Plain loops
 * here and in `largestChangeOf`: with a callback per entry the two took about 6% of a 100×100 solve.
 */
export function hasExactCorrelationEntries(values: SquareMatrix): boolean {
  const size = values.length;
  for (let i = 0; i < size; i++) {
    const row = values[i] as readonly number[];
    if (row[i] !== 1) return false;
    for (let j = i + 1; j < size; j++) {
      const value = row[j] as number;
      if (!(Math.abs(value) <= 1) || value !== (values[j] as readonly number[])[i]) return false;
    }
  }
  return true;
}

/** The entry that moved most (the first in row-major order among equals), or null when none moved. */
export function largestChangeOf(before: SquareMatrix, after: number[][]): EntryChange | null {
  let largestRow = -1;
  let largestColumn = -1;
  let largestSize = 0;
  for (let i = 0; i < before.length; i++) {
    const rowBefore = before[i] as readonly number[];
    const rowAfter = after[i];
    for (let j = 0; j < rowBefore.length; j++) {
      const value = rowBefore[j] as number;
      // `after` is the solver's result, as square as `before`: a plain read (a `?? value` fallback needed every entry
      // of its rows of doubles boxed first, 4 MB per 500×500 solve).
      const change = ((rowAfter as number[])[j] as number) - value;
      if (change !== 0 && (largestRow < 0 || Math.abs(change) > largestSize)) {
        largestRow = i;
        largestColumn = j;
        largestSize = Math.abs(change);
      }
    }
  }
  if (largestRow < 0) return null;
  const value = (before[largestRow] as readonly number[])[largestColumn] as number;
  const updated = after[largestRow]?.[largestColumn] ?? value;
  return { row: largestRow, column: largestColumn, before: value, after: updated, change: updated - value };
}
