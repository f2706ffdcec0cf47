/*
 * The generalised Jacobian of Newton's method (no locked entries), at one decomposition G + diag(y) = P·Λ·Pᵀ, with α
 * the positive eigenvalues and β the others (Qi & Sun 2006; Borsdorf & Higham 2010):
 *   V·h = diag(P·(Ω ∘ (Pᵀ·diag(h)·P))·Pᵀ),  Ω = 1 on α×α, λ_a/(λ_a − λ_b) on α×β and β×α, 0 on β×β.
 * V·h is computed without forming any n×n product: the α×α part is diag(G_α·diag(h)·G_α) = (G_α ∘ G_α)·h with
 * G_α = P_α·P_αᵀ (formed once per step, from whichever of P_α, P_β is smaller: G_α = I − P_β·P_βᵀ), and the α×β part
 * costs 2·n·|α|·|β| multiply-adds (`addCrossTerms`).
 *
 * A plain record of typed arrays and plain functions rather than a class: see `jacobianCrossTerms.ts` for why.
 */
import { addCrossTerms, crossTermScratchLength } from "./jacobianCrossTerms";

export interface NewtonJacobian {
  size: number;
  /** Eigenvectors with λ ≤ 0 are rows 0 … negativeCount − 1 of `vectors`, the positive ones the rest. */
  negativeCount: number;
  vectors: Float64Array;
  /** (G_α ∘ G_α), row-major n×n. */
  squaredProjector: Float64Array;
  /** Ω on α×β: weights[a·negativeCount + b] = λ_a/(λ_a − λ_b). */
  weights: Float64Array;
  /** ε in (V + εI). */
  regularisation: number;
  /** diag(V) + ε, for preconditioned conjugate gradients. */
  preconditioner: Float64Array;
  scratch: Float64Array;
}

/** The Jacobian (+ εI) at the decomposition `eigenvalues` (ascending), `vectors` (row k the eigenvector of λ_k). */
export function newtonJacobianAt(eigenvalues: Float64Array, vectors: Float64Array, regularisation: number): NewtonJacobian {
  const size = eigenvalues.length;
  let negativeCount = 0;
  while (negativeCount < size && !((eigenvalues[negativeCount] as number) > 0)) negativeCount++;
  const positiveCount = size - negativeCount;
  const squaredProjector = squaredProjectorOf(vectors, size, negativeCount);
  const weights = new Float64Array(positiveCount * negativeCount);
  for (let a = 0; a < positiveCount; a++) {
    const positive = eigenvalues[negativeCount + a] as number;
    for (let b = 0; b < negativeCount; b++) weights[a * negativeCount + b] = positive / (positive - (eigenvalues[b] as number));
  }
  const preconditioner = preconditionerOf(vectors, size, negativeCount, squaredProjector, weights, regularisation);
  return { size, negativeCount, vectors, squaredProjector, weights, regularisation, preconditioner, scratch: new Float64Array(crossTermScratchLength(size)) };
}

/** out ← (V + εI)·h. */
export function multiplyNewtonJacobian(jacobian: NewtonJacobian, h: Float64Array, out: Float64Array): void {
  const { size, negativeCount, vectors, squaredProjector, weights, regularisation, scratch } = jacobian;
  multiplySymmetric(squaredProjector, size, regularisation, h, out);
  addCrossTerms(vectors, size, negativeCount, weights, h, out, scratch);
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

/** G_α = P_α·P_αᵀ from the smaller of the two sets of eigenvectors, then squared entry by entry. */
function squaredProjectorOf(vectors: Float64Array, size: number, negativeCount: number): Float64Array {
  const usePositive = size - negativeCount <= negativeCount;
  const first = usePositive ? negativeCount : 0;
  const last = usePositive ? size : negativeCount;
  const projector = new Float64Array(size * size);
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

/** diag(V) + ε: (G_α ∘ G_α)_kk + 2·Σ_{a,b} P_ka²·Ω_ab·P_kb² (non-positive entries replaced by 1). */
function preconditionerOf(vectors: Float64Array, size: number, negativeCount: number, squaredProjector: Float64Array, weights: Float64Array, regularisation: number): Float64Array {
  const positiveCount = size - negativeCount;
  const diagonal = new Float64Array(size);
  for (let k = 0; k < size; k++) diagonal[k] = (squaredProjector[k * size + k] as number) + regularisation;
  // Squares of the eigenvector components, component-major, so that each d_k is a sum of contiguous products.
  const negativeSquares = new Float64Array(size * negativeCount);
  const positiveSquares = new Float64Array(size * positiveCount);
  for (let b = 0; b < negativeCount; b++) {
    for (let k = 0; k < size; k++) {
      const component = vectors[b * size + k] as number;
      negativeSquares[k * negativeCount + b] = component * component;
    }
  }
  for (let a = 0; a < positiveCount; a++) {
    for (let k = 0; k < size; k++) {
      const component = vectors[(negativeCount + a) * size + k] as number;
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
        inner0 += (weights[weightRow0 + b] as number) * square;
        inner1 += (weights[weightRow1 + b] as number) * square;
        inner2 += (weights[weightRow2 + b] as number) * square;
        inner3 += (weights[weightRow3 + b] as number) * square;
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
      for (let b = 0; b < negativeCount; b++) inner += (weights[weightRow + b] as number) * (negativeSquares[negativeRow + b] as number);
      total += (positiveSquares[k * positiveCount + a] as number) * inner;
    }
    diagonal[k] = (diagonal[k] as number) + 2 * total;
  }
  for (let k = 0; k < size; k++) if (!((diagonal[k] as number) > 0)) diagonal[k] = 1;
  return diagonal;
}
