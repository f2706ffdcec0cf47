/*
 * Newton's method with locked entries (Qi & Sun's dual Newton method with the fixed entries among the constraints): the
 * dual variable is (y, z), y on the diagonal and z on each locked pair (both triangles), M = G + diag(y) + Σ z_p·(e_i e_jᵀ
 * + e_j e_iᵀ), X = P_S(M). θ(y, z) = ½‖X‖² − b·Σy − 2·Σ B_p z_p, gradient F = (X_kk − b, 2(X_ij − B_p)), and the
 * generalised Jacobian applied to a direction (h, g) is V(H) = P(Ω ∘ (Pᵀ H P))Pᵀ at the constrained entries, with H
 * = diag(h) + Σ g_p (e_i e_jᵀ + e_j e_iᵀ) (pair rows doubled like F). The plain loops here are the
 * diagonal-only Jacobian (`newtonJacobian.ts`) plus the pair terms; a few locked pairs add little to the cost.
 */
import type { DualProblem } from "./dualProblem";
import type { SymmetricEigenSolver } from "./symmetricEigenSolver";
import { positiveEigenspaceProjector } from "./symmetricRankUpdate";

export interface LockedDualPoint {
  gradient: Float64Array;
  objective: number;
  residual: number;
}

/** θ, F and max over the constrained entries of |X − target|, from the decomposition of M in `solver`. */
export function evaluateWithLocks(problem: DualProblem, solver: SymmetricEigenSolver, parameters: Float64Array): LockedDualPoint {
  const size = problem.size;
  const pairs = problem.lockedRows.length;
  const eigenvalues = solver.values;
  const vectors = solver.vectors;
  const gradient = new Float64Array(size + pairs);
  let squares = 0;
  for (let k = size - 1; k >= 0; k--) {
    const eigenvalue = eigenvalues[k] as number;
    if (!(eigenvalue > 0)) break;
    squares += eigenvalue * eigenvalue;
    const base = k * size;
    for (let i = 0; i < size; i++) {
      const component = vectors[base + i] as number;
      gradient[i] = (gradient[i] as number) + eigenvalue * component * component;
    }
    for (let p = 0; p < pairs; p++) {
      const product = (vectors[base + (problem.lockedRows[p] as number)] as number) * (vectors[base + (problem.lockedColumns[p] as number)] as number);
      gradient[size + p] = (gradient[size + p] as number) + eigenvalue * product;
    }
  }
  let residual = 0;
  let linear = 0;
  for (let i = 0; i < size; i++) {
    gradient[i] = (gradient[i] as number) - problem.targetDiagonal;
    residual = Math.max(residual, Math.abs(gradient[i] as number));
    linear += problem.targetDiagonal * (parameters[i] as number);
  }
  for (let p = 0; p < pairs; p++) {
    const gap = (gradient[size + p] as number) - (problem.lockedValues[p] as number);
    residual = Math.max(residual, Math.abs(gap));
    gradient[size + p] = 2 * gap;
    linear += 2 * (problem.lockedValues[p] as number) * (parameters[size + p] as number);
  }
  return { gradient, objective: squares / 2 - linear, residual };
}

/**
 * The generalised Jacobian (plus εI) with locked pairs, for conjugate gradients. A class whose methods only unpack
 * their fields and call plain functions over typed arrays: a loop reading `this.…` is deoptimised after each full
 * garbage collection (see `jacobianCrossTerms.ts`).
 */
export class LockedNewtonSystem {
  private readonly negativeCount: number;
  /** G_α = P_α·P_αᵀ, row-major. */
  private readonly projector: Float64Array;
  private readonly weights: Float64Array;
  readonly preconditioner: Float64Array;
  /** Two vectors of scratch: a product p_a ∘ h, then a sum. */
  private readonly scratch: Float64Array;

  constructor(
    eigenvalues: Float64Array,
    private readonly vectors: Float64Array,
    private readonly rows: Int32Array,
    private readonly columns: Int32Array,
    private readonly regularisation: number,
  ) {
    const size = eigenvalues.length;
    let negativeCount = 0;
    while (negativeCount < size && !((eigenvalues[negativeCount] as number) > 0)) negativeCount++;
    this.negativeCount = negativeCount;
    const positiveCount = size - negativeCount;
    this.projector = new Float64Array(size * size);
    positiveEigenspaceProjector(this.projector, size, vectors, negativeCount);
    this.weights = new Float64Array(positiveCount * negativeCount);
    for (let a = 0; a < positiveCount; a++) {
      const positive = eigenvalues[negativeCount + a] as number;
      for (let b = 0; b < negativeCount; b++) this.weights[a * negativeCount + b] = positive / (positive - (eigenvalues[b] as number));
    }
    this.scratch = new Float64Array(2 * size);
    this.preconditioner = lockedPreconditioner(vectors, size, negativeCount, this.projector, this.weights, rows, columns, regularisation);
  }

  /** out ← (∇²θ + εI)·direction, direction = (h on the diagonal, g on the pairs). */
  multiply(direction: Float64Array, out: Float64Array): void {
    multiplyLocked(this.vectors, this.negativeCount, this.projector, this.weights, this.rows, this.columns, this.regularisation, this.scratch, direction, out);
  }
}

/** The exact diagonal of the operator (+ ε), from unit directions' closed forms. */
function lockedPreconditioner(
  vectors: Float64Array,
  size: number,
  negativeCount: number,
  projector: Float64Array,
  weights: Float64Array,
  rows: Int32Array,
  columns: Int32Array,
  regularisation: number,
): Float64Array {
  const pairs = rows.length;
  const positiveCount = size - negativeCount;
  const diagonal = new Float64Array(size + pairs);
  for (let k = 0; k < size; k++) diagonal[k] = (projector[k * size + k] as number) * (projector[k * size + k] as number);
  for (let p = 0; p < pairs; p++) {
    const i = rows[p] as number;
    const j = columns[p] as number;
    const gij = projector[i * size + j] as number;
    diagonal[size + p] = 2 * ((projector[i * size + i] as number) * (projector[j * size + j] as number) + gij * gij);
  }
  for (let a = 0; a < positiveCount; a++) {
    const positiveBase = (negativeCount + a) * size;
    for (let b = 0; b < negativeCount; b++) {
      const weight = weights[a * negativeCount + b] as number;
      const base = b * size;
      for (let k = 0; k < size; k++) {
        const cross = (vectors[positiveBase + k] as number) * (vectors[base + k] as number);
        diagonal[k] = (diagonal[k] as number) + 2 * weight * cross * cross;
      }
      for (let p = 0; p < pairs; p++) {
        const i = rows[p] as number;
        const j = columns[p] as number;
        const cross = (vectors[positiveBase + i] as number) * (vectors[base + j] as number) + (vectors[positiveBase + j] as number) * (vectors[base + i] as number);
        diagonal[size + p] = (diagonal[size + p] as number) + 2 * weight * cross * cross;
      }
    }
  }
  for (let k = 0; k < size + pairs; k++) {
    const value = (diagonal[k] as number) + regularisation;
    diagonal[k] = value > 0 ? value : 1;
  }
  return diagonal;
}

/** out ← (∇²θ + εI)·direction (see the file comment); `scratch` holds 2·n numbers. */
function multiplyLocked(
  vectors: Float64Array,
  negativeCount: number,
  projector: Float64Array,
  weights: Float64Array,
  rows: Int32Array,
  columns: Int32Array,
  regularisation: number,
  scratch: Float64Array,
  direction: Float64Array,
  out: Float64Array,
): void {
  const pairs = rows.length;
  const size = direction.length - pairs;
  const positiveCount = size - negativeCount;
  // α×α part: (G·H·G) at the constrained entries.
  for (let k = 0; k < size; k++) {
    const rowK = k * size;
    let value = 0;
    for (let l = 0; l < size; l++) {
      const entry = projector[rowK + l] as number;
      value += entry * entry * (direction[l] as number);
    }
    for (let p = 0; p < pairs; p++) value += 2 * (direction[size + p] as number) * (projector[rowK + (rows[p] as number)] as number) * (projector[rowK + (columns[p] as number)] as number);
    out[k] = value;
  }
  for (let q = 0; q < pairs; q++) {
    const rowI = (rows[q] as number) * size;
    const j = columns[q] as number;
    let value = 0;
    for (let l = 0; l < size; l++) value += (projector[rowI + l] as number) * (direction[l] as number) * (projector[l * size + j] as number);
    for (let p = 0; p < pairs; p++) {
      const ip = rows[p] as number;
      const jp = columns[p] as number;
      value += (direction[size + p] as number) * ((projector[rowI + ip] as number) * (projector[jp * size + j] as number) + (projector[rowI + jp] as number) * (projector[ip * size + j] as number));
    }
    out[size + q] = 2 * value;
  }
  // α×β part: per positive a, s_a = Σ_b Ω_ab·W_ab·p_b with W_ab = p_aᵀ·H·p_b (product in scratch[0, n), s_a after).
  for (let a = 0; a < positiveCount; a++) {
    const positiveBase = (negativeCount + a) * size;
    for (let k = 0; k < size; k++) {
      scratch[k] = (vectors[positiveBase + k] as number) * (direction[k] as number);
      scratch[size + k] = 0;
    }
    for (let b = 0; b < negativeCount; b++) {
      const base = b * size;
      let inner = 0;
      for (let k = 0; k < size; k++) inner += (scratch[k] as number) * (vectors[base + k] as number);
      for (let p = 0; p < pairs; p++) {
        const i = rows[p] as number;
        const j = columns[p] as number;
        inner += (direction[size + p] as number) * ((vectors[positiveBase + i] as number) * (vectors[base + j] as number) + (vectors[positiveBase + j] as number) * (vectors[base + i] as number));
      }
      const weighted = (weights[a * negativeCount + b] as number) * inner;
      for (let k = 0; k < size; k++) scratch[size + k] = (scratch[size + k] as number) + weighted * (vectors[base + k] as number);
    }
    for (let k = 0; k < size; k++) out[k] = (out[k] as number) + 2 * (vectors[positiveBase + k] as number) * (scratch[size + k] as number);
    for (let q = 0; q < pairs; q++) {
      const i = rows[q] as number;
      const j = columns[q] as number;
      out[size + q] = (out[size + q] as number) + 2 * ((vectors[positiveBase + i] as number) * (scratch[size + j] as number) + (vectors[positiveBase + j] as number) * (scratch[size + i] as number));
    }
  }
  for (let k = 0; k < size + pairs; k++) out[k] = (out[k] as number) + regularisation * (direction[k] as number);
}
