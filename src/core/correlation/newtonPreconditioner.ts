/*
 * Borsdorf & Higham's (2010, §3) diagonal preconditioner for the Newton system of `newtonJacobian.ts`: the exact
 * diagonal of V + εI, formed once per Newton step. Its α×β part, Σ_{a,b} P_ka²·Ω_ab·P_kb² for every component k, costs
 * n·|α|·|β| multiply-adds, about half a conjugate-gradient product; it is register-blocked four positive eigenvectors
 * by two components at a time (`addWeightedSquaresOfTwo`), so each weight and each square loaded feeds two or four
 * multiply-adds.
 */

/**
 * diag(V) + ε into `diagonal`: (G_α ∘ G_α)_kk + 2·Σ_{a,b} P_ka²·Ω_ab·P_kb² (non-positive entries replaced by 1).
 * `vectors`: row k the eigenvector p_k, the `negativeCount` non-positive ones first; `weights[a·negativeCount + b]` =
 * Ω_ab. `componentSquares` (length ≥ size²) is scratch.
 */
export function preconditionerOf(
  diagonal: Float64Array,
  componentSquares: Float64Array,
  vectors: Float64Array,
  size: number,
  negativeCount: number,
  squaredProjector: Float64Array,
  weights: Float64Array,
  regularisation: number,
): void {
  const positiveCount = size - negativeCount;
  for (let k = 0; k < size; k++) diagonal[k] = (squaredProjector[k * size + k] as number) + regularisation;
  // Squares of the eigenvector components, component-major, so that each d_k is a sum of contiguous products.
  const negativeSquares = componentSquares.subarray(0, size * negativeCount);
  const positiveSquares = componentSquares.subarray(size * negativeCount);
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
  let k = 0;
  for (; k + 1 < size; k += 2) addWeightedSquaresOfTwo(diagonal, k, negativeSquares, positiveSquares, weights, negativeCount, positiveCount);
  if (k < size) diagonal[k] = (diagonal[k] as number) + 2 * weightedSquares(k, negativeSquares, positiveSquares, weights, negativeCount, positiveCount);
  for (let index = 0; index < size; index++) if (!((diagonal[index] as number) > 0)) diagonal[index] = 1;
}

/** diagonal[k], diagonal[k + 1] += 2·Σ_{a,b} P_ka²·Ω_ab·P_kb² (and the same for k + 1), four a's per pass over b. */
function addWeightedSquaresOfTwo(
  diagonal: Float64Array,
  k: number,
  negativeSquares: Float64Array,
  positiveSquares: Float64Array,
  weights: Float64Array,
  negativeCount: number,
  positiveCount: number,
): void {
  const negativeRow0 = k * negativeCount;
  const negativeRow1 = negativeRow0 + negativeCount;
  const positiveRow0 = k * positiveCount;
  const positiveRow1 = positiveRow0 + positiveCount;
  let total0 = 0;
  let total1 = 0;
  let a = 0;
  for (; a + 3 < positiveCount; a += 4) {
    const weightRow0 = a * negativeCount;
    const weightRow1 = weightRow0 + negativeCount;
    const weightRow2 = weightRow1 + negativeCount;
    const weightRow3 = weightRow2 + negativeCount;
    let inner00 = 0;
    let inner10 = 0;
    let inner20 = 0;
    let inner30 = 0;
    let inner01 = 0;
    let inner11 = 0;
    let inner21 = 0;
    let inner31 = 0;
    for (let b = 0; b < negativeCount; b++) {
      const square0 = negativeSquares[negativeRow0 + b] as number;
      const square1 = negativeSquares[negativeRow1 + b] as number;
      const weight0 = weights[weightRow0 + b] as number;
      const weight1 = weights[weightRow1 + b] as number;
      const weight2 = weights[weightRow2 + b] as number;
      const weight3 = weights[weightRow3 + b] as number;
      inner00 += weight0 * square0;
      inner10 += weight1 * square0;
      inner20 += weight2 * square0;
      inner30 += weight3 * square0;
      inner01 += weight0 * square1;
      inner11 += weight1 * square1;
      inner21 += weight2 * square1;
      inner31 += weight3 * square1;
    }
    total0 +=
      (positiveSquares[positiveRow0 + a] as number) * inner00 +
      (positiveSquares[positiveRow0 + a + 1] as number) * inner10 +
      (positiveSquares[positiveRow0 + a + 2] as number) * inner20 +
      (positiveSquares[positiveRow0 + a + 3] as number) * inner30;
    total1 +=
      (positiveSquares[positiveRow1 + a] as number) * inner01 +
      (positiveSquares[positiveRow1 + a + 1] as number) * inner11 +
      (positiveSquares[positiveRow1 + a + 2] as number) * inner21 +
      (positiveSquares[positiveRow1 + a + 3] as number) * inner31;
  }
  for (; a < positiveCount; a++) {
    const weightRow = a * negativeCount;
    let inner0 = 0;
    let inner1 = 0;
    for (let b = 0; b < negativeCount; b++) {
      const weight = weights[weightRow + b] as number;
      inner0 += weight * (negativeSquares[negativeRow0 + b] as number);
      inner1 += weight * (negativeSquares[negativeRow1 + b] as number);
    }
    total0 += (positiveSquares[positiveRow0 + a] as number) * inner0;
    total1 += (positiveSquares[positiveRow1 + a] as number) * inner1;
  }
  diagonal[k] = (diagonal[k] as number) + 2 * total0;
  diagonal[k + 1] = (diagonal[k + 1] as number) + 2 * total1;
}

/** Σ_{a,b} P_ka²·Ω_ab·P_kb² for the one component k (the last of an odd size). */
function weightedSquares(k: number, negativeSquares: Float64Array, positiveSquares: Float64Array, weights: Float64Array, negativeCount: number, positiveCount: number): number {
  const negativeRow = k * negativeCount;
  let total = 0;
  for (let a = 0; a < positiveCount; a++) {
    const weightRow = a * negativeCount;
    let inner = 0;
    for (let b = 0; b < negativeCount; b++) inner += (weights[weightRow + b] as number) * (negativeSquares[negativeRow + b] as number);
    total += (positiveSquares[k * positiveCount + a] as number) * inner;
  }
  return total;
}
