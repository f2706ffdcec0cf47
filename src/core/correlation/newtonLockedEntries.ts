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

/** The generalised Jacobian (plus εI) with locked pairs, for conjugate gradients. */
export class LockedNewtonSystem {
  private readonly size: number;
  private readonly pairs: number;
  private readonly negativeCount: number;
  private readonly positiveCount: number;
  /** G_α = P_α·P_αᵀ, row-major. */
  private readonly projector: Float64Array;
  private readonly weights: Float64Array;
  readonly preconditioner: Float64Array;
  private readonly product: Float64Array;
  private readonly sum: Float64Array;

  constructor(
    eigenvalues: Float64Array,
    private readonly vectors: Float64Array,
    private readonly rows: Int32Array,
    private readonly columns: Int32Array,
    private readonly regularisation: number,
  ) {
    const size = eigenvalues.length;
    this.size = size;
    this.pairs = rows.length;
    let negativeCount = 0;
    while (negativeCount < size && !((eigenvalues[negativeCount] as number) > 0)) negativeCount++;
    this.negativeCount = negativeCount;
    this.positiveCount = size - negativeCount;
    this.projector = new Float64Array(size * size);
    for (let a = negativeCount; a < size; a++) {
      const base = a * size;
      for (let i = 0; i < size; i++) {
        const component = vectors[base + i] as number;
        for (let j = 0; j < size; j++) this.projector[i * size + j] = (this.projector[i * size + j] as number) + component * (vectors[base + j] as number);
      }
    }
    this.weights = new Float64Array(this.positiveCount * negativeCount);
    for (let a = 0; a < this.positiveCount; a++) {
      const positive = eigenvalues[negativeCount + a] as number;
      for (let b = 0; b < negativeCount; b++) this.weights[a * negativeCount + b] = positive / (positive - (eigenvalues[b] as number));
    }
    this.product = new Float64Array(size);
    this.sum = new Float64Array(size);
    this.preconditioner = this.buildPreconditioner();
  }

  /** The exact diagonal of the operator (+ ε), from unit directions' closed forms. */
  private buildPreconditioner(): Float64Array {
    const { size, pairs, negativeCount, positiveCount, vectors } = this;
    const diagonal = new Float64Array(size + pairs);
    const g = (i: number, j: number): number => this.projector[i * size + j] as number;
    for (let k = 0; k < size; k++) diagonal[k] = g(k, k) * g(k, k);
    for (let p = 0; p < pairs; p++) {
      const i = this.rows[p] as number;
      const j = this.columns[p] as number;
      diagonal[size + p] = 2 * (g(i, i) * g(j, j) + g(i, j) * g(i, j));
    }
    for (let a = 0; a < positiveCount; a++) {
      const positiveBase = (negativeCount + a) * size;
      for (let b = 0; b < negativeCount; b++) {
        const weight = this.weights[a * negativeCount + b] as number;
        const base = b * size;
        for (let k = 0; k < size; k++) {
          const cross = (vectors[positiveBase + k] as number) * (vectors[base + k] as number);
          diagonal[k] = (diagonal[k] as number) + 2 * weight * cross * cross;
        }
        for (let p = 0; p < pairs; p++) {
          const i = this.rows[p] as number;
          const j = this.columns[p] as number;
          const cross = (vectors[positiveBase + i] as number) * (vectors[base + j] as number) + (vectors[positiveBase + j] as number) * (vectors[base + i] as number);
          diagonal[size + p] = (diagonal[size + p] as number) + 2 * weight * cross * cross;
        }
      }
    }
    for (let k = 0; k < size + pairs; k++) {
      const value = (diagonal[k] as number) + this.regularisation;
      diagonal[k] = value > 0 ? value : 1;
    }
    return diagonal;
  }

  /** out ← (∇²θ + εI)·direction, direction = (h on the diagonal, g on the pairs). */
  multiply(direction: Float64Array, out: Float64Array): void {
    const { size, pairs, negativeCount, positiveCount, vectors } = this;
    const g = (i: number, j: number): number => this.projector[i * size + j] as number;
    // α×α part: (G·H·G) at the constrained entries.
    for (let k = 0; k < size; k++) {
      let value = 0;
      for (let l = 0; l < size; l++) value += g(k, l) * g(k, l) * (direction[l] as number);
      for (let p = 0; p < pairs; p++) value += 2 * (direction[size + p] as number) * g(k, this.rows[p] as number) * g(k, this.columns[p] as number);
      out[k] = value;
    }
    for (let q = 0; q < pairs; q++) {
      const i = this.rows[q] as number;
      const j = this.columns[q] as number;
      let value = 0;
      for (let l = 0; l < size; l++) value += g(i, l) * (direction[l] as number) * g(l, j);
      for (let p = 0; p < pairs; p++) {
        const ip = this.rows[p] as number;
        const jp = this.columns[p] as number;
        value += (direction[size + p] as number) * (g(i, ip) * g(jp, j) + g(i, jp) * g(ip, j));
      }
      out[size + q] = 2 * value;
    }
    // α×β part: per positive a, s_a = Σ_b Ω_ab·W_ab·p_b with W_ab = p_aᵀ·H·p_b.
    const product = this.product;
    const sum = this.sum;
    for (let a = 0; a < positiveCount; a++) {
      const positiveBase = (negativeCount + a) * size;
      for (let k = 0; k < size; k++) product[k] = (vectors[positiveBase + k] as number) * (direction[k] as number);
      sum.fill(0);
      for (let b = 0; b < negativeCount; b++) {
        const base = b * size;
        let inner = 0;
        for (let k = 0; k < size; k++) inner += (product[k] as number) * (vectors[base + k] as number);
        for (let p = 0; p < pairs; p++) {
          const i = this.rows[p] as number;
          const j = this.columns[p] as number;
          inner += (direction[size + p] as number) * ((vectors[positiveBase + i] as number) * (vectors[base + j] as number) + (vectors[positiveBase + j] as number) * (vectors[base + i] as number));
        }
        const weighted = (this.weights[a * negativeCount + b] as number) * inner;
        for (let k = 0; k < size; k++) sum[k] = (sum[k] as number) + weighted * (vectors[base + k] as number);
      }
      for (let k = 0; k < size; k++) out[k] = (out[k] as number) + 2 * (vectors[positiveBase + k] as number) * (sum[k] as number);
      for (let q = 0; q < pairs; q++) {
        const i = this.rows[q] as number;
        const j = this.columns[q] as number;
        out[size + q] = (out[size + q] as number) + 2 * ((vectors[positiveBase + i] as number) * (sum[j] as number) + (vectors[positiveBase + j] as number) * (sum[i] as number));
      }
    }
    for (let k = 0; k < size + pairs; k++) out[k] = (out[k] as number) + this.regularisation * (direction[k] as number);
  }
}
