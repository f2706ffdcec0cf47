/*
 * The generalised Jacobian of Newton's method (no locked entries), at one decomposition G + diag(y) = P·Λ·Pᵀ, with α
 * the positive eigenvalues and β the others (Qi & Sun 2006; Borsdorf & Higham 2010):
 *   V·h = diag(P·(Ω ∘ (Pᵀ·diag(h)·P))·Pᵀ),  Ω = 1 on α×α, λ_a/(λ_a − λ_b) on α×β and β×α, 0 on β×β.
 * V·h is computed without forming any n×n product: the α×α part is diag(G_α·diag(h)·G_α) = (G_α ∘ G_α)·h with
 * G_α = P_α·P_αᵀ (formed once per step, `positiveEigenspaceProjector`), and the α×β part
 * costs 2·n·|α|·|β| multiply-adds (`addCrossTerms`).
 *
 * A plain record of typed arrays and plain functions rather than a class: see `jacobianCrossTerms.ts` for why.
 */
import { addCrossTerms, crossTermScratchLength, prepareWasmCrossTerms, type WasmCrossTerms } from "./jacobianCrossTerms";
import { preconditionerOf } from "./newtonPreconditioner";
import { positiveEigenspaceProjector } from "./symmetricRankUpdate";

export interface NewtonJacobian {
  size: number;
  /** Eigenvectors with λ ≤ 0 are rows 0 … negativeCount − 1 of `vectors`, the positive ones the rest. */
  negativeCount: number;
  vectors: Float64Array;
  /** The eigenvectors with λ ≤ 0, component-major: negativeByComponent[k·negativeCount + b] = vectors[b·size + k]. */
  negativeByComponent: Float64Array;
  /** (G_α ∘ G_α), row-major n×n. */
  squaredProjector: Float64Array;
  /** Ω on α×β: weights[a·negativeCount + b] = λ_a/(λ_a − λ_b). */
  weights: Float64Array;
  /** ε in (V + εI). */
  regularisation: number;
  /** diag(V) + ε, for preconditioned conjugate gradients. */
  preconditioner: Float64Array;
  scratch: Float64Array;
  /** The α×β products' WebAssembly kernel, with this step's vectors and weights in its memory; null: TypeScript. */
  wasmCrossTerms: WasmCrossTerms | null;
}

/**
 * The arrays a Newton solve reuses from step to step: each step's Jacobian overwrites the last one's (three of them are
 * n×n or about, which fresh would cost new, zeroed memory every step).
 */
export interface NewtonWorkspace {
  squaredProjector: Float64Array;
  /** Room for |α|·|β| ≤ n²/4 weights. */
  weights: Float64Array;
  /** The squared eigenvector components (`preconditionerOf`), n² in all. */
  componentSquares: Float64Array;
  negativeByComponent: Float64Array;
  preconditioner: Float64Array;
  scratch: Float64Array;
}

export function newtonWorkspace(size: number): NewtonWorkspace {
  return {
    squaredProjector: new Float64Array(size * size),
    weights: new Float64Array(Math.floor((size * size) / 4)),
    componentSquares: new Float64Array(size * size),
    negativeByComponent: new Float64Array(size * size),
    preconditioner: new Float64Array(size),
    scratch: new Float64Array(crossTermScratchLength(size)),
  };
}

/**
 * The Jacobian (+ εI) at the decomposition `eigenvalues` (ascending), `vectors` (row k the eigenvector of λ_k), in the
 * arrays of `workspace` (valid until the next call with the same workspace).
 */
export function newtonJacobianAt(eigenvalues: Float64Array, vectors: Float64Array, regularisation: number, workspace: NewtonWorkspace): NewtonJacobian {
  const size = eigenvalues.length;
  let negativeCount = 0;
  while (negativeCount < size && !((eigenvalues[negativeCount] as number) > 0)) negativeCount++;
  const positiveCount = size - negativeCount;
  const { squaredProjector, weights, preconditioner, scratch, negativeByComponent } = workspace;
  for (let b = 0; b < negativeCount; b++) {
    for (let k = 0; k < size; k++) negativeByComponent[k * negativeCount + b] = vectors[b * size + k] as number;
  }
  squaredProjectorOf(squaredProjector, vectors, size, negativeCount);
  for (let a = 0; a < positiveCount; a++) {
    const positive = eigenvalues[negativeCount + a] as number;
    for (let b = 0; b < negativeCount; b++) weights[a * negativeCount + b] = positive / (positive - (eigenvalues[b] as number));
  }
  preconditionerOf(preconditioner, workspace.componentSquares, vectors, size, negativeCount, squaredProjector, weights, regularisation);
  const wasmCrossTerms = prepareWasmCrossTerms(vectors, size, negativeCount, weights);
  return { size, negativeCount, vectors, negativeByComponent, squaredProjector, weights, regularisation, preconditioner, scratch, wasmCrossTerms };
}

/** out ← (V + εI)·h. */
export function multiplyNewtonJacobian(jacobian: NewtonJacobian, h: Float64Array, out: Float64Array): void {
  const { size, negativeCount, vectors, negativeByComponent, squaredProjector, weights, regularisation, scratch, wasmCrossTerms } = jacobian;
  multiplySymmetric(squaredProjector, size, regularisation, h, out);
  addCrossTerms(vectors, negativeByComponent, size, negativeCount, weights, h, out, scratch, wasmCrossTerms);
}

/** out ← (S + εI)·h for a row-major n×n S, two rows at a time (each h[j] loaded once for both). */
function multiplySymmetric(matrix: Float64Array, size: number, regularisation: number, h: Float64Array, out: Float64Array): void {
  let i = 0;
  for (; i + 1 < size; i += 2) {
    const row0 = i * size;
    const row1 = row0 + size;
    let sum0 = regularisation * (h[i] as number);
    let sum1 = regularisation * (h[i + 1] as number);
    for (let j = 0; j < size; j++) {
      const value = h[j] as number;
      sum0 += (matrix[row0 + j] as number) * value;
      sum1 += (matrix[row1 + j] as number) * value;
    }
    out[i] = sum0;
    out[i + 1] = sum1;
  }
  if (i < size) {
    const row = i * size;
    let sum = regularisation * (h[i] as number);
    for (let j = 0; j < size; j++) sum += (matrix[row + j] as number) * (h[j] as number);
    out[i] = sum;
  }
}

/** (G_α ∘ G_α) into `target`: G_α = P_α·P_αᵀ (`positiveEigenspaceProjector`), then squared entry by entry. */
function squaredProjectorOf(target: Float64Array, vectors: Float64Array, size: number, negativeCount: number): void {
  positiveEigenspaceProjector(target, size, vectors, negativeCount);
  for (let index = 0; index < size * size; index++) {
    const entry = target[index] as number;
    target[index] = entry * entry;
  }
}
