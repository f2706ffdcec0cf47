/*
 * The Newton route: Qi & Sun (2006), "A quadratically convergent Newton method for computing the nearest correlation
 * matrix", SIAM J. Matrix Anal. Appl. 28(2), in the form of Borsdorf & Higham (2010), "A preconditioned Newton
 * algorithm for the nearest correlation matrix", IMA J. Numer. Anal. 30(1) (the method behind NAG's g02aa).
 *
 * It minimises the convex dual θ(y) = ½‖P_S(G + diag y)‖²_F − b·Σy (P_S: clip eigenvalues at 0), whose gradient is
 * F(y) = diag P_S(G + diag y) − b; F(y) = 0 exactly when X = P_S(G + diag y) is the answer. F is not differentiable
 * but strongly semismooth, and Newton's method with an element V of its generalised Jacobian converges quadratically:
 * with G + diag y = P·Λ·Pᵀ, α the positive eigenvalues and β the others,
 *   V·h = diag(P·(Ω ∘ (Pᵀ·diag(h)·P))·Pᵀ),  Ω = 1 on α×α, λ_a/(λ_a − λ_b) on α×β and β×α, 0 on β×β.
 * Each step solves (V + εI)·d = −F by conjugate gradients preconditioned with diag(V) (Borsdorf & Higham §3), ε ≤
 * ‖F‖ so the convergence stays quadratic, then takes the longest of 1, ½, ¼, … that decreases θ enough (Armijo) or
 * the residual clearly (near the answer θ changes by less than its own rounding).
 *
 * V·h is computed without forming any n×n product: the α×α part is diag(G_α·diag(h)·G_α) = (G_α ∘ G_α)·h with
 * G_α = P_α·P_αᵀ (formed once per step, from whichever of P_α, P_β is smaller: G_α = I − P_β·P_βᵀ), and the α×β part
 * costs 2·n·|α|·|β| multiply-adds.
 */
import type { DualRun } from "./alternatingProjections";
import { decomposeAt, type DualProblem } from "./dualProblem";
import type { IterationLimits } from "./iterationLimits";
import { evaluateWithLocks, LockedNewtonSystem } from "./newtonLockedEntries";
import type { SymmetricEigenSolver } from "./symmetricEigenSolver";

/** Armijo's sufficient-decrease fraction. */
const ARMIJO_FRACTION = 1e-4;
/** Step halvings tried before falling back to the gradient step (which always decreases θ: its gradient is 1-Lipschitz). */
const MAX_STEP_HALVINGS = 8;
/** A trial step is also accepted when it cuts the largest |F| to this fraction or less. */
const RESIDUAL_ACCEPTANCE = 0.5;
/** Cap on ε in (V + εI)·d = −F (ε = min(this, ‖F‖₂)): V is only positive semidefinite. */
const MAX_REGULARISATION = 1e-4;
/** Conjugate-gradient iterations per Newton step, at most. */
const MAX_CONJUGATE_GRADIENT_STEPS = 200;
/** CG stops at a residual of min(this, ‖F‖₂)·‖F‖₂: loose far from the answer, tight (quadratic convergence) near it. */
const MAX_FORCING = 0.1;

interface DualPoint {
  gradient: Float64Array;
  objective: number;
  residual: number;
}

/** θ, F and max|F| at y from the decomposition of G + diag(y) in `solver`. */
function evaluate(problem: DualProblem, solver: SymmetricEigenSolver, y: Float64Array): DualPoint {
  const size = problem.size;
  const eigenvalues = solver.values;
  const vectors = solver.vectors;
  const gradient = new Float64Array(size);
  let squares = 0;
  for (let k = size - 1; k >= 0; k--) {
    const eigenvalue = eigenvalues[k] as number;
    if (!(eigenvalue > 0)) break; // ascending: the rest are ≤ 0
    squares += eigenvalue * eigenvalue;
    const base = k * size;
    for (let i = 0; i < size; i++) {
      const component = vectors[base + i] as number;
      gradient[i] = (gradient[i] as number) + eigenvalue * component * component;
    }
  }
  let residual = 0;
  let ySum = 0;
  for (let i = 0; i < size; i++) {
    gradient[i] = (gradient[i] as number) - problem.targetDiagonal;
    residual = Math.max(residual, Math.abs(gradient[i] as number));
    ySum += y[i] as number;
  }
  return { gradient, objective: squares / 2 - problem.targetDiagonal * ySum, residual };
}

function dot(a: Float64Array, b: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += (a[i] as number) * (b[i] as number);
  return sum;
}

/** The generalised Jacobian at the current decomposition, ready to multiply vectors by (see the file comment). */
class NewtonSystem {
  private readonly size: number;
  /** Eigenvectors with λ ≤ 0 are rows 0 … negativeCount − 1 of `vectors`, the positive ones the rest. */
  private readonly negativeCount: number;
  private readonly positiveCount: number;
  /** (G_α ∘ G_α), row-major n×n. */
  private readonly squaredProjector: Float64Array;
  /** Ω on α×β: weights[a·|β| + b] = λ_a/(λ_a − λ_b). */
  private readonly weights: Float64Array;
  readonly preconditioner: Float64Array;
  private readonly scratchProduct: Float64Array;
  private readonly scratchSum: Float64Array;
  private readonly scratchProducts: Float64Array[];
  private readonly scratchSums: Float64Array[];

  constructor(
    eigenvalues: Float64Array,
    private readonly vectors: Float64Array,
    private readonly regularisation: number,
  ) {
    const size = eigenvalues.length;
    this.size = size;
    let negativeCount = 0;
    while (negativeCount < size && !((eigenvalues[negativeCount] as number) > 0)) negativeCount++;
    this.negativeCount = negativeCount;
    this.positiveCount = size - negativeCount;
    this.squaredProjector = this.buildSquaredProjector();
    this.weights = new Float64Array(this.positiveCount * negativeCount);
    for (let a = 0; a < this.positiveCount; a++) {
      const positive = eigenvalues[negativeCount + a] as number;
      for (let b = 0; b < negativeCount; b++) this.weights[a * negativeCount + b] = positive / (positive - (eigenvalues[b] as number));
    }
    this.scratchProduct = new Float64Array(size);
    this.scratchSum = new Float64Array(size);
    this.scratchProducts = Array.from({ length: 4 }, () => new Float64Array(size));
    this.scratchSums = Array.from({ length: 4 }, () => new Float64Array(size));
    this.preconditioner = this.buildPreconditioner();
  }

  /** G_α = P_α·P_αᵀ from the smaller of the two sets of eigenvectors, then squared entry by entry. */
  private buildSquaredProjector(): Float64Array {
    const size = this.size;
    const usePositive = this.positiveCount <= this.negativeCount;
    const first = usePositive ? this.negativeCount : 0;
    const last = usePositive ? size : this.negativeCount;
    const projector = new Float64Array(size * size);
    const vectors = this.vectors;
    let k = first;
    // Four rank-one updates per pass over the triangle: a quarter of the loads and stores of `projector`.
    for (; k + 3 < last; k += 4) {
      const base0 = k * size;
      const base1 = base0 + size;
      const base2 = base1 + size;
      const base3 = base2 + size;
      for (let i = 0; i < size; i++) {
        const c0 = vectors[base0 + i] as number;
        const c1 = vectors[base1 + i] as number;
        const c2 = vectors[base2 + i] as number;
        const c3 = vectors[base3 + i] as number;
        const row = i * size;
        for (let j = i; j < size; j++) {
          const update = c0 * (vectors[base0 + j] as number) + c1 * (vectors[base1 + j] as number) + c2 * (vectors[base2 + j] as number) + c3 * (vectors[base3 + j] as number);
          projector[row + j] = (projector[row + j] as number) + update;
        }
      }
    }
    for (; k < last; k++) {
      const base = k * size;
      for (let i = 0; i < size; i++) {
        const component = vectors[base + i] as number;
        const row = i * size;
        for (let j = i; j < size; j++) projector[row + j] = (projector[row + j] as number) + component * (vectors[base + j] as number);
      }
    }
    for (let i = 0; i < size; i++) {
      for (let j = i; j < size; j++) {
        const entry = usePositive ? (projector[i * size + j] as number) : (i === j ? 1 : 0) - (projector[i * size + j] as number);
        const square = entry * entry;
        projector[i * size + j] = square;
        projector[j * size + i] = square;
      }
    }
    return projector;
  }

  /** diag(V) + ε: (G_α ∘ G_α)_kk + 2·Σ_{a,b} P_ka²·Ω_ab·P_kb². */
  private buildPreconditioner(): Float64Array {
    const size = this.size;
    const diagonal = new Float64Array(size);
    for (let k = 0; k < size; k++) diagonal[k] = (this.squaredProjector[k * size + k] as number) + this.regularisation;
    // Squares of the eigenvector components, component-major, so that each d_k is a sum of contiguous products.
    const negativeCount = this.negativeCount;
    const positiveCount = this.positiveCount;
    const negativeSquares = new Float64Array(size * negativeCount);
    const positiveSquares = new Float64Array(size * positiveCount);
    for (let b = 0; b < negativeCount; b++) {
      for (let k = 0; k < size; k++) {
        const component = this.vectors[b * size + k] as number;
        negativeSquares[k * negativeCount + b] = component * component;
      }
    }
    for (let a = 0; a < positiveCount; a++) {
      for (let k = 0; k < size; k++) {
        const component = this.vectors[(negativeCount + a) * size + k] as number;
        positiveSquares[k * positiveCount + a] = component * component;
      }
    }
    for (let k = 0; k < size; k++) {
      const negativeRow = k * negativeCount;
      let total = 0;
      let a = 0;
      // Four positive eigenvectors per pass: each square of a negative one loaded once for four sums.
      for (; a + 3 < positiveCount; a += 4) {
        const weightRow0 = a * negativeCount;
        const weightRow1 = weightRow0 + negativeCount;
        const weightRow2 = weightRow1 + negativeCount;
        const weightRow3 = weightRow2 + negativeCount;
        let inner0 = 0;
        let inner1 = 0;
        let inner2 = 0;
        let inner3 = 0;
        for (let b = 0; b < negativeCount; b++) {
          const square = negativeSquares[negativeRow + b] as number;
          inner0 += (this.weights[weightRow0 + b] as number) * square;
          inner1 += (this.weights[weightRow1 + b] as number) * square;
          inner2 += (this.weights[weightRow2 + b] as number) * square;
          inner3 += (this.weights[weightRow3 + b] as number) * square;
        }
        const positiveRow = k * positiveCount + a;
        total +=
          (positiveSquares[positiveRow] as number) * inner0 +
          (positiveSquares[positiveRow + 1] as number) * inner1 +
          (positiveSquares[positiveRow + 2] as number) * inner2 +
          (positiveSquares[positiveRow + 3] as number) * inner3;
      }
      for (; a < positiveCount; a++) {
        const weightRow = a * negativeCount;
        let inner = 0;
        for (let b = 0; b < negativeCount; b++) inner += (this.weights[weightRow + b] as number) * (negativeSquares[negativeRow + b] as number);
        total += (positiveSquares[k * positiveCount + a] as number) * inner;
      }
      diagonal[k] = (diagonal[k] as number) + 2 * total;
    }
    for (let k = 0; k < size; k++) if (!((diagonal[k] as number) > 0)) diagonal[k] = 1;
    return diagonal;
  }

  /** out ← (V + εI)·h. */
  multiply(h: Float64Array, out: Float64Array): void {
    const size = this.size;
    for (let i = 0; i < size; i++) {
      const row = i * size;
      let sum = this.regularisation * (h[i] as number);
      for (let j = 0; j < size; j++) sum += (this.squaredProjector[row + j] as number) * (h[j] as number);
      out[i] = sum;
    }
    let a = 0;
    for (; a + 3 < this.positiveCount; a += 4) this.addCrossTermsOfFour(a, h, out);
    for (; a < this.positiveCount; a++) this.addCrossTerms(a, h, out);
  }

  /**
   * out += 2·p_a ∘ Σ_b Ω_ab·W_ab·p_b with W_ab = p_aᵀ·diag(h)·p_b, over every negative eigenvector b (p_b read once
   * for both uses, while in cache).
   */
  private addCrossTerms(a: number, h: Float64Array, out: Float64Array): void {
    const size = this.size;
    const vectors = this.vectors;
    const negativeCount = this.negativeCount;
    const product = this.scratchProduct;
    const sum = this.scratchSum;
    const positiveBase = (negativeCount + a) * size;
    for (let k = 0; k < size; k++) product[k] = (vectors[positiveBase + k] as number) * (h[k] as number);
    sum.fill(0);
    for (let b = 0; b < negativeCount; b++) {
      const base = b * size;
      let inner = 0;
      for (let k = 0; k < size; k++) inner += (product[k] as number) * (vectors[base + k] as number);
      const weighted = (this.weights[a * negativeCount + b] as number) * inner;
      for (let k = 0; k < size; k++) sum[k] = (sum[k] as number) + weighted * (vectors[base + k] as number);
    }
    for (let k = 0; k < size; k++) out[k] = (out[k] as number) + 2 * (vectors[positiveBase + k] as number) * (sum[k] as number);
  }

  /**
   * `addCrossTerms` for positive eigenvectors a … a + 3 at once: each p_b is loaded once for four dot products and
   * four updates, a quarter of the memory traffic, and the four independent sums overlap in the CPU.
   */
  private addCrossTermsOfFour(a: number, h: Float64Array, out: Float64Array): void {
    const size = this.size;
    const vectors = this.vectors;
    const negativeCount = this.negativeCount;
    const [product0, product1, product2, product3] = this.scratchProducts as [Float64Array, Float64Array, Float64Array, Float64Array];
    const [sum0, sum1, sum2, sum3] = this.scratchSums as [Float64Array, Float64Array, Float64Array, Float64Array];
    const base0 = (negativeCount + a) * size;
    const base1 = base0 + size;
    const base2 = base1 + size;
    const base3 = base2 + size;
    for (let k = 0; k < size; k++) {
      const weight = h[k] as number;
      product0[k] = (vectors[base0 + k] as number) * weight;
      product1[k] = (vectors[base1 + k] as number) * weight;
      product2[k] = (vectors[base2 + k] as number) * weight;
      product3[k] = (vectors[base3 + k] as number) * weight;
    }
    sum0.fill(0);
    sum1.fill(0);
    sum2.fill(0);
    sum3.fill(0);
    for (let b = 0; b < negativeCount; b++) {
      const base = b * size;
      let inner0 = 0;
      let inner1 = 0;
      let inner2 = 0;
      let inner3 = 0;
      for (let k = 0; k < size; k++) {
        const component = vectors[base + k] as number;
        inner0 += (product0[k] as number) * component;
        inner1 += (product1[k] as number) * component;
        inner2 += (product2[k] as number) * component;
        inner3 += (product3[k] as number) * component;
      }
      const weighted0 = (this.weights[a * negativeCount + b] as number) * inner0;
      const weighted1 = (this.weights[(a + 1) * negativeCount + b] as number) * inner1;
      const weighted2 = (this.weights[(a + 2) * negativeCount + b] as number) * inner2;
      const weighted3 = (this.weights[(a + 3) * negativeCount + b] as number) * inner3;
      for (let k = 0; k < size; k++) {
        const component = vectors[base + k] as number;
        sum0[k] = (sum0[k] as number) + weighted0 * component;
        sum1[k] = (sum1[k] as number) + weighted1 * component;
        sum2[k] = (sum2[k] as number) + weighted2 * component;
        sum3[k] = (sum3[k] as number) + weighted3 * component;
      }
    }
    for (let k = 0; k < size; k++) {
      const cross =
        (vectors[base0 + k] as number) * (sum0[k] as number) +
        (vectors[base1 + k] as number) * (sum1[k] as number) +
        (vectors[base2 + k] as number) * (sum2[k] as number) +
        (vectors[base3 + k] as number) * (sum3[k] as number);
      out[k] = (out[k] as number) + 2 * cross;
    }
  }
}

/** What conjugate gradients needs of a Newton system. */
interface NewtonOperator {
  readonly preconditioner: Float64Array;
  multiply(direction: Float64Array, out: Float64Array): void;
}

/** d with ‖(V + εI)·d + F‖₂ ≤ forcing·‖F‖₂ (preconditioned conjugate gradients from d = 0). */
function newtonDirection(system: NewtonOperator, gradient: Float64Array, gradientNorm: number): Float64Array {
  const size = gradient.length;
  const direction = new Float64Array(size);
  const residual = Float64Array.from(gradient, (value) => -value);
  const preconditioned = Float64Array.from(residual, (value, i) => value / (system.preconditioner[i] as number));
  const search = Float64Array.from(preconditioned);
  const product = new Float64Array(size);
  let residualDotPreconditioned = dot(residual, preconditioned);
  const target = Math.min(MAX_FORCING, gradientNorm) * gradientNorm;
  for (let step = 0; step < MAX_CONJUGATE_GRADIENT_STEPS; step++) {
    system.multiply(search, product);
    const curvature = dot(search, product);
    if (!(curvature > 0)) break;
    const length = residualDotPreconditioned / curvature;
    for (let i = 0; i < size; i++) {
      direction[i] = (direction[i] as number) + length * (search[i] as number);
      residual[i] = (residual[i] as number) - length * (product[i] as number);
    }
    if (Math.sqrt(dot(residual, residual)) <= target) break;
    for (let i = 0; i < size; i++) preconditioned[i] = (residual[i] as number) / (system.preconditioner[i] as number);
    const next = dot(residual, preconditioned);
    const ratio = next / residualDotPreconditioned;
    residualDotPreconditioned = next;
    for (let i = 0; i < size; i++) search[i] = (preconditioned[i] as number) + ratio * (search[i] as number);
  }
  return direction;
}

/**
 * Runs Newton's method from `start` (a diagonal y; 0 on the locked pairs), the solver already holding the decomposition
 * of G + diag(y). `iterations` counts Newton steps. On return the solver holds the decomposition at the last iterate.
 * With locked pairs the variables, gradient and Jacobian gain one entry per pair (`newtonLockedEntries.ts`).
 */
export function solveByNewton(problem: DualProblem, solver: SymmetricEigenSolver, start: Float64Array, tolerance: number, limits: IterationLimits): DualRun {
  const size = problem.size;
  const pairs = problem.lockedRows.length;
  const length = size + pairs;
  const evaluateAt = (parameters: Float64Array): DualPoint =>
    pairs === 0 ? evaluate(problem, solver, parameters) : evaluateWithLocks(problem, solver, parameters);
  const decompose = (parameters: Float64Array): void => decomposeAt(solver, problem, parameters.subarray(0, size), pairs === 0 ? null : parameters.subarray(size));
  let y = new Float64Array(length);
  y.set(start);
  let point = evaluateAt(y);
  let iterations = 0;
  for (;;) {
    if (point.residual <= tolerance) return { iterations, residual: point.residual, stoppedBy: null };
    const stoppedBy = limits.stopReason(iterations);
    if (stoppedBy !== null) return { iterations, residual: point.residual, stoppedBy };
    const gradientNorm = Math.sqrt(dot(point.gradient, point.gradient));
    const regularisation = Math.min(MAX_REGULARISATION, gradientNorm);
    const system: NewtonOperator =
      pairs === 0
        ? new NewtonSystem(solver.values, solver.vectors, regularisation)
        : new LockedNewtonSystem(solver.values, solver.vectors, problem.lockedRows, problem.lockedColumns, regularisation);
    let direction = newtonDirection(system, point.gradient, gradientNorm);
    let slope = dot(point.gradient, direction);
    if (!(slope < 0)) {
      direction = Float64Array.from(point.gradient, (value) => -value);
      slope = -gradientNorm * gradientNorm;
    }
    const trial = new Float64Array(length);
    let accepted: DualPoint | null = null;
    let stepLength = 1;
    for (let halvings = 0; halvings <= MAX_STEP_HALVINGS && accepted === null; halvings++, stepLength /= 2) {
      for (let i = 0; i < length; i++) trial[i] = (y[i] as number) + stepLength * (direction[i] as number);
      decompose(trial);
      const candidate = evaluateAt(trial);
      const sufficientDecrease = candidate.objective <= point.objective + ARMIJO_FRACTION * stepLength * slope;
      if (sufficientDecrease || candidate.residual <= RESIDUAL_ACCEPTANCE * point.residual) accepted = candidate;
    }
    if (accepted === null) {
      // The alternating-projections step, which always decreases θ: −F on the diagonal, −F/2 on the pairs (whose
      // gradient rows are doubled).
      for (let i = 0; i < length; i++) trial[i] = (y[i] as number) - (i < size ? 1 : 0.5) * (point.gradient[i] as number);
      decompose(trial);
      accepted = evaluateAt(trial);
    }
    y = trial;
    point = accepted;
    iterations++;
  }
}
