/*
 * The α×β part of the Newton system's product (see `newtonJacobian.ts`), the costliest loop of a conjugate-gradient
 * step: out += 2·Σ_a p_a ∘ Σ_b Ω_ab·(p_aᵀ·diag(h)·p_b)·p_b over the positive eigenvectors a and the others b, which
 * is 2·n·|α|·|β| multiply-adds. Register-blocked: four a's against two b's at a time, so each load of a vector entry
 * feeds four or eight multiply-adds instead of one, and each pair of rows p_b is read twice while it is in cache.
 *
 * Plain functions over typed arrays and numbers, on purpose: a method reading `this.…` in its hot loop is deoptimised
 * after every full garbage collection (the class instance's hidden class dies with the last instance, clearing the
 * type feedback), which cost 2–3× at 100×100 in the benchmark; typed arrays' hidden classes never die.
 */

/** Scratch length `addCrossTerms` needs: four products p_a ∘ h and four sums. */
export function crossTermScratchLength(size: number): number {
  return 8 * size;
}

/**
 * out += 2·Σ_a p_a ∘ Σ_b Ω_ab·W_ab·p_b, W_ab = p_aᵀ·diag(h)·p_b. `vectors`: row k is the eigenvector p_k, the
 * `negativeCount` non-positive ones first; `weights[a·negativeCount + b]` = Ω_ab for the a-th positive eigenvector.
 */
export function addCrossTerms(
  vectors: Float64Array,
  size: number,
  negativeCount: number,
  weights: Float64Array,
  h: Float64Array,
  out: Float64Array,
  scratch: Float64Array,
): void {
  const positiveCount = size - negativeCount;
  if (positiveCount === 0 || negativeCount === 0) return;
  let a = 0;
  for (; a + 3 < positiveCount; a += 4) addCrossTermsOfFour(vectors, size, negativeCount, weights, a, h, out, scratch);
  for (; a < positiveCount; a++) addCrossTermsOfOne(vectors, size, negativeCount, weights, a, h, out, scratch);
}

/** `addCrossTerms` for the positive eigenvectors a … a + 3. Scratch: products at t·size, sums at (4 + t)·size. */
function addCrossTermsOfFour(
  vectors: Float64Array,
  size: number,
  negativeCount: number,
  weights: Float64Array,
  a: number,
  h: Float64Array,
  out: Float64Array,
  scratch: Float64Array,
): void {
  const positive0 = (negativeCount + a) * size;
  const positive1 = positive0 + size;
  const positive2 = positive1 + size;
  const positive3 = positive2 + size;
  const product1 = size;
  const product2 = 2 * size;
  const product3 = 3 * size;
  const sum0 = 4 * size;
  const sum1 = 5 * size;
  const sum2 = 6 * size;
  const sum3 = 7 * size;
  for (let k = 0; k < size; k++) {
    const weight = h[k] as number;
    scratch[k] = (vectors[positive0 + k] as number) * weight;
    scratch[product1 + k] = (vectors[positive1 + k] as number) * weight;
    scratch[product2 + k] = (vectors[positive2 + k] as number) * weight;
    scratch[product3 + k] = (vectors[positive3 + k] as number) * weight;
    scratch[sum0 + k] = 0;
    scratch[sum1 + k] = 0;
    scratch[sum2 + k] = 0;
    scratch[sum3 + k] = 0;
  }
  const weightRow0 = a * negativeCount;
  const weightRow1 = weightRow0 + negativeCount;
  const weightRow2 = weightRow1 + negativeCount;
  const weightRow3 = weightRow2 + negativeCount;
  let b = 0;
  for (; b + 1 < negativeCount; b += 2) {
    const base0 = b * size;
    const base1 = base0 + size;
    let inner00 = 0;
    let inner01 = 0;
    let inner10 = 0;
    let inner11 = 0;
    let inner20 = 0;
    let inner21 = 0;
    let inner30 = 0;
    let inner31 = 0;
    for (let k = 0; k < size; k++) {
      const u = vectors[base0 + k] as number;
      const v = vectors[base1 + k] as number;
      const q0 = scratch[k] as number;
      const q1 = scratch[product1 + k] as number;
      const q2 = scratch[product2 + k] as number;
      const q3 = scratch[product3 + k] as number;
      inner00 += q0 * u;
      inner01 += q0 * v;
      inner10 += q1 * u;
      inner11 += q1 * v;
      inner20 += q2 * u;
      inner21 += q2 * v;
      inner30 += q3 * u;
      inner31 += q3 * v;
    }
    const c00 = (weights[weightRow0 + b] as number) * inner00;
    const c01 = (weights[weightRow0 + b + 1] as number) * inner01;
    const c10 = (weights[weightRow1 + b] as number) * inner10;
    const c11 = (weights[weightRow1 + b + 1] as number) * inner11;
    const c20 = (weights[weightRow2 + b] as number) * inner20;
    const c21 = (weights[weightRow2 + b + 1] as number) * inner21;
    const c30 = (weights[weightRow3 + b] as number) * inner30;
    const c31 = (weights[weightRow3 + b + 1] as number) * inner31;
    for (let k = 0; k < size; k++) {
      const u = vectors[base0 + k] as number;
      const v = vectors[base1 + k] as number;
      scratch[sum0 + k] = (scratch[sum0 + k] as number) + (c00 * u + c01 * v);
      scratch[sum1 + k] = (scratch[sum1 + k] as number) + (c10 * u + c11 * v);
      scratch[sum2 + k] = (scratch[sum2 + k] as number) + (c20 * u + c21 * v);
      scratch[sum3 + k] = (scratch[sum3 + k] as number) + (c30 * u + c31 * v);
    }
  }
  if (b < negativeCount) {
    const base = b * size;
    let inner0 = 0;
    let inner1 = 0;
    let inner2 = 0;
    let inner3 = 0;
    for (let k = 0; k < size; k++) {
      const u = vectors[base + k] as number;
      inner0 += (scratch[k] as number) * u;
      inner1 += (scratch[product1 + k] as number) * u;
      inner2 += (scratch[product2 + k] as number) * u;
      inner3 += (scratch[product3 + k] as number) * u;
    }
    const c0 = (weights[weightRow0 + b] as number) * inner0;
    const c1 = (weights[weightRow1 + b] as number) * inner1;
    const c2 = (weights[weightRow2 + b] as number) * inner2;
    const c3 = (weights[weightRow3 + b] as number) * inner3;
    for (let k = 0; k < size; k++) {
      const u = vectors[base + k] as number;
      scratch[sum0 + k] = (scratch[sum0 + k] as number) + c0 * u;
      scratch[sum1 + k] = (scratch[sum1 + k] as number) + c1 * u;
      scratch[sum2 + k] = (scratch[sum2 + k] as number) + c2 * u;
      scratch[sum3 + k] = (scratch[sum3 + k] as number) + c3 * u;
    }
  }
  for (let k = 0; k < size; k++) {
    const cross =
      (vectors[positive0 + k] as number) * (scratch[sum0 + k] as number) +
      (vectors[positive1 + k] as number) * (scratch[sum1 + k] as number) +
      (vectors[positive2 + k] as number) * (scratch[sum2 + k] as number) +
      (vectors[positive3 + k] as number) * (scratch[sum3 + k] as number);
    out[k] = (out[k] as number) + 2 * cross;
  }
}

/** `addCrossTerms` for the single positive eigenvector a. Scratch: the product at 0, the sum at size. */
function addCrossTermsOfOne(
  vectors: Float64Array,
  size: number,
  negativeCount: number,
  weights: Float64Array,
  a: number,
  h: Float64Array,
  out: Float64Array,
  scratch: Float64Array,
): void {
  const positive = (negativeCount + a) * size;
  for (let k = 0; k < size; k++) {
    scratch[k] = (vectors[positive + k] as number) * (h[k] as number);
    scratch[size + k] = 0;
  }
  const weightRow = a * negativeCount;
  for (let b = 0; b < negativeCount; b++) {
    const base = b * size;
    let inner = 0;
    for (let k = 0; k < size; k++) inner += (scratch[k] as number) * (vectors[base + k] as number);
    const weighted = (weights[weightRow + b] as number) * inner;
    for (let k = 0; k < size; k++) scratch[size + k] = (scratch[size + k] as number) + weighted * (vectors[base + k] as number);
  }
  for (let k = 0; k < size; k++) out[k] = (out[k] as number) + 2 * (vectors[positive + k] as number) * (scratch[size + k] as number);
}
