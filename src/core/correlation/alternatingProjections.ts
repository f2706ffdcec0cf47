/*
 * The alternating-projections route (Higham 2002, "Computing the nearest correlation matrix — a problem from finance",
 * IMA J. Numer. Anal. 22, Algorithm 3.3 with W = I), extended to locked entries: projections with Dykstra's correction
 * onto S (the PSD cone) and U (unit diagonal, and the locked entries at their input values). Because P_U only rewrites
 * the constrained entries, Dykstra's correction lives on them, and Higham's iterate is G + Y with Y supported there,
 * updated by Y ← Y + (target − P_S(G + Y)) on those entries: gradient ascent with step 1 on the concave dual
 * θ(Y) = ⟨target, Y⟩ − ½‖P_S(G + Y)‖² (Qi & Sun 2006), whose gradient is 1-Lipschitz, so it converges from any start.
 * U is affine, so Dykstra's method converges to the nearest point of S ∩ U, the unique answer.
 *
 * The iteration is run in that dual form, Anderson-accelerated (Higham & Strabić 2016, "Anderson acceleration of the
 * alternating projections method for computing the nearest correlation matrix", Numer. Algorithms 72; depth 0 = the
 * plain iteration, same fixed point), restarting the acceleration when the residual grows tenfold.
 */
import { AndersonMixer } from "./andersonMixer";
import { decomposeAt, type DualProblem } from "./dualProblem";
import type { IterationLimits } from "./iterationLimits";
import type { SymmetricEigenSolver } from "./symmetricEigenSolver";

/** An Anderson step whose residual grows by more than this factor over the best so far restarts the history. */
const ANDERSON_RESTART_GROWTH = 10;

export interface DualRun {
  iterations: number;
  residual: number;
  stoppedBy: "iterations" | "time" | null;
}

/**
 * The ascent direction target − P_S(M) on the constrained entries (diagonal first, then the locked pairs), from the
 * decomposition of M in `solver`, using P_S(M) = M − Σ_{λk<0} λk·v_k·v_kᵀ. Returns it with its largest |entry|.
 */
function dualGradient(problem: DualProblem, solver: SymmetricEigenSolver, y: Float64Array, z: Float64Array): { gradient: Float64Array; residual: number } {
  const size = problem.size;
  const pairs = z.length;
  const gradient = new Float64Array(size + pairs);
  const eigenvalues = solver.values;
  const vectors = solver.vectors;
  const shifted = problem.shifted;
  for (let i = 0; i < size; i++) gradient[i] = (shifted[i * size + i] as number) + (y[i] as number);
  for (let p = 0; p < pairs; p++) gradient[size + p] = (shifted[(problem.lockedRows[p] as number) * size + (problem.lockedColumns[p] as number)] as number) + (z[p] as number);
  for (let k = 0; k < size; k++) {
    const eigenvalue = eigenvalues[k] as number;
    if (eigenvalue >= 0) break; // ascending: the rest are ≥ 0
    const base = k * size;
    for (let i = 0; i < size; i++) {
      const component = vectors[base + i] as number;
      gradient[i] = (gradient[i] as number) - eigenvalue * component * component;
    }
    for (let p = 0; p < pairs; p++) {
      const product = (vectors[base + (problem.lockedRows[p] as number)] as number) * (vectors[base + (problem.lockedColumns[p] as number)] as number);
      gradient[size + p] = (gradient[size + p] as number) - eigenvalue * product;
    }
  }
  let residual = 0;
  for (let i = 0; i < size; i++) {
    gradient[i] = problem.targetDiagonal - (gradient[i] as number);
    residual = Math.max(residual, Math.abs(gradient[i] as number));
  }
  for (let p = 0; p < pairs; p++) {
    gradient[size + p] = (problem.lockedValues[p] as number) - (gradient[size + p] as number);
    residual = Math.max(residual, Math.abs(gradient[size + p] as number));
  }
  return { gradient, residual };
}

/**
 * Runs the iteration from (y, 0 on the locked pairs), the solver already holding the decomposition of G + diag(y).
 * On return the solver holds the decomposition of the last iterate, from which the answer is built.
 */
export function solveByAlternatingProjections(
  problem: DualProblem,
  solver: SymmetricEigenSolver,
  startDiagonal: Float64Array,
  tolerance: number,
  andersonDepth: number,
  limits: IterationLimits,
): DualRun {
  const size = problem.size;
  const pairs = problem.lockedRows.length;
  // More past steps than unknowns would make the least-squares problem underdetermined.
  const mixer = new AndersonMixer(Math.min(andersonDepth, size + pairs));
  let parameters: Float64Array = new Float64Array(size + pairs);
  parameters.set(startDiagonal);
  let bestResidual = Number.POSITIVE_INFINITY;
  let iterations = 1;
  for (;;) {
    const { gradient, residual } = dualGradient(problem, solver, parameters.subarray(0, size), parameters.subarray(size));
    if (residual <= tolerance) return { iterations, residual, stoppedBy: null };
    const stoppedBy = limits.stopReason(iterations);
    if (stoppedBy !== null) return { iterations, residual, stoppedBy };
    if (residual > ANDERSON_RESTART_GROWTH * bestResidual) mixer.reset();
    bestResidual = Math.min(bestResidual, residual);
    parameters = mixer.next(parameters, gradient);
    decomposeAt(solver, problem, parameters.subarray(0, size), parameters.subarray(size));
    iterations++;
  }
}
