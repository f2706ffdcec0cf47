/* The inner solve of each Newton step: preconditioned conjugate gradients on (V + εI)·d = −F (Borsdorf & Higham §3). */

/** Conjugate-gradient iterations per Newton step, at most. */
const MAX_CONJUGATE_GRADIENT_STEPS = 200;
/** CG stops at a residual of min(this, ‖F‖₂)·‖F‖₂: loose far from the answer, tight (quadratic convergence) near it. */
const MAX_FORCING = 0.1;
/**
 * …but never below this fraction of the Newton tolerance: the next F is about the CG residual plus O(‖F‖²), so a
 * residual under a tenth of the tolerance already lets that step end the solve; solving further buys digits that the
 * stopping test does not ask for (in the last step, ‖F‖₂² is often far below the tolerance).
 */
const TOLERANCE_FRACTION = 0.1;

/** What conjugate gradients needs of a Newton system: its diagonal (the preconditioner) and products with it. */
export interface NewtonOperator {
  readonly preconditioner: Float64Array;
  multiply(direction: Float64Array, out: Float64Array): void;
}

export function dot(a: Float64Array, b: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += (a[i] as number) * (b[i] as number);
  return sum;
}

/**
 * d with ‖(V + εI)·d + F‖₂ ≤ max(forcing·‖F‖₂, TOLERANCE_FRACTION·tolerance) (preconditioned conjugate gradients
 * from d = 0), `tolerance` the Newton solve's own (on max |F|).
 */
export function newtonDirection(system: NewtonOperator, gradient: Float64Array, gradientNorm: number, tolerance: number): Float64Array {
  const size = gradient.length;
  const preconditioner = system.preconditioner;
  const direction = new Float64Array(size);
  const residual = Float64Array.from(gradient, (value) => -value);
  const preconditioned = Float64Array.from(residual, (value, i) => value / (preconditioner[i] as number));
  const search = Float64Array.from(preconditioned);
  const product = new Float64Array(size);
  let residualDotPreconditioned = dot(residual, preconditioned);
  const target = Math.max(Math.min(MAX_FORCING, gradientNorm) * gradientNorm, TOLERANCE_FRACTION * tolerance);
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
    for (let i = 0; i < size; i++) preconditioned[i] = (residual[i] as number) / (preconditioner[i] as number);
    const next = dot(residual, preconditioned);
    const ratio = next / residualDotPreconditioned;
    residualDotPreconditioned = next;
    for (let i = 0; i < size; i++) search[i] = (preconditioned[i] as number) + ratio * (search[i] as number);
  }
  return direction;
}
