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
 * The Jacobian is `newtonJacobian.ts` (with locked pairs `newtonLockedEntries.ts`), the inner solve
 * `preconditionedConjugateGradients.ts`.
 */
import type { DualRun } from "./alternatingProjections";
import { decomposeAt, type DualProblem } from "./dualProblem";
import type { IterationLimits } from "./iterationLimits";
import { multiplyNewtonJacobian, newtonJacobianAt, newtonWorkspace, type NewtonWorkspace } from "./newtonJacobian";
import { evaluateWithLocks, LockedNewtonSystem } from "./newtonLockedEntries";
import { dot, newtonDirection, type NewtonOperator } from "./preconditionedConjugateGradients";
import type { SymmetricEigenSolver } from "./symmetricEigenSolver";

/** Armijo's sufficient-decrease fraction. */
const ARMIJO_FRACTION = 1e-4;
/** Step halvings tried before falling back to the gradient step (which always decreases θ: its gradient is 1-Lipschitz). */
const MAX_STEP_HALVINGS = 8;
/** A trial step is also accepted when it cuts the largest |F| to this fraction or less. */
const RESIDUAL_ACCEPTANCE = 0.5;
/** Cap on ε in (V + εI)·d = −F (ε = min(this, ‖F‖₂)): V is only positive semidefinite. */
const MAX_REGULARISATION = 1e-4;

interface DualPoint {
  gradient: Float64Array;
  objective: number;
  residual: number;
}

/** θ, F and max|F| at y from the decomposition of G + diag(y) in `solver`. */
function evaluate(problem: DualProblem, solver: SymmetricEigenSolver, y: Float64Array): DualPoint {
  return dualPointAt(solver.values, solver.vectors, problem.targetDiagonal, y);
}

/**
 * `evaluate`'s loops, over typed arrays only: the solver's hidden class dies with the last solver at each full garbage
 * collection, and a loop reading through it would be deoptimised mid-run (see `jacobianCrossTerms.ts`).
 */
function dualPointAt(eigenvalues: Float64Array, vectors: Float64Array, targetDiagonal: number, y: Float64Array): DualPoint {
  const size = eigenvalues.length;
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
    gradient[i] = (gradient[i] as number) - targetDiagonal;
    residual = Math.max(residual, Math.abs(gradient[i] as number));
    ySum += y[i] as number;
  }
  return { gradient, objective: squares / 2 - targetDiagonal * ySum, residual };
}

/** The unlocked Jacobian as conjugate gradients sees it. */
function unlockedOperator(eigenvalues: Float64Array, vectors: Float64Array, regularisation: number, workspace: NewtonWorkspace): NewtonOperator {
  const jacobian = newtonJacobianAt(eigenvalues, vectors, regularisation, workspace);
  return { preconditioner: jacobian.preconditioner, multiply: (direction, out) => multiplyNewtonJacobian(jacobian, direction, out) };
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
  const workspace = pairs === 0 ? newtonWorkspace(size) : null;
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
      workspace !== null
        ? unlockedOperator(solver.values, solver.vectors, regularisation, workspace)
        : new LockedNewtonSystem(solver.values, solver.vectors, problem.lockedRows, problem.lockedColumns, regularisation);
    let direction = newtonDirection(system, point.gradient, gradientNorm, tolerance);
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
