/*
 * The α×β part of the Newton system's product (see `newtonJacobian.ts`), the costliest loop of a conjugate-gradient
 * step: out += 2·Σ_a p_a ∘ Σ_b Ω_ab·(p_aᵀ·diag(h)·p_b)·p_b over the positive eigenvectors a and the others b, which
 * is 2·n·|α|·|β| multiply-adds. Register-blocked: four a's against two b's (then two components) at a time, so each
 * load of a vector entry feeds four or eight multiply-adds instead of one.
 *
 * Plain functions over typed arrays and numbers, on purpose: a method reading `this.…` in its hot loop is deoptimised
 * after every full garbage collection (the class instance's hidden class dies with the last instance, clearing the
 * type feedback), which cost 2–3× at 100×100 in the benchmark; typed arrays' hidden classes never die.
 */

import { BYTES_PER_ENTRY, jacobianKernelsWithMemory } from "./wasmKernels";

/** Scratch length `addCrossTerms` needs: four products p_a ∘ h and four rows of coefficients (≤ n each). */
export function crossTermScratchLength(size: number): number {
  return 8 * size;
}

/**
 * out += 2·Σ_a p_a ∘ Σ_b Ω_ab·W_ab·p_b, W_ab = p_aᵀ·diag(h)·p_b. `vectors`: row k is the eigenvector p_k, the
 * `negativeCount` non-positive ones first; `negativeByComponent[k·negativeCount + b]` = p_b[k] (the same non-positive
 * eigenvectors, component-major); `weights[a·negativeCount + b]` = Ω_ab for the a-th positive eigenvector.
 */
export function addCrossTerms(
  vectors: Float64Array,
  negativeByComponent: Float64Array,
  size: number,
  negativeCount: number,
  weights: Float64Array,
  h: Float64Array,
  out: Float64Array,
  scratch: Float64Array,
  wasm: WasmCrossTerms | null,
): void {
  const positiveCount = size - negativeCount;
  if (positiveCount === 0 || negativeCount === 0) return;
  let a = 0;
  if (wasm !== null) a = wasm.addGroupsOfFour(h, out);
  else for (; a + 3 < positiveCount; a += 4) addCrossTermsOfFour(vectors, negativeByComponent, size, negativeCount, weights, a, h, out, scratch);
  for (; a < positiveCount; a++) addCrossTermsOfOne(vectors, size, negativeCount, weights, a, h, out, scratch);
}

/** The groups of four positive eigenvectors in WebAssembly (`jacobianKernels.wat`), for one Newton step's Jacobian. */
export interface WasmCrossTerms {
  /** out += the groups' terms (the same bits as `addCrossTermsOfFour`, group after group); returns the first a left over. */
  addGroupsOfFour(h: Float64Array, out: Float64Array): number;
}

/**
 * Copies one step's eigenvectors and weights into the Jacobian kernel's memory, with the interleaved pairs of
 * non-positive eigenvectors (p_b[k], p_(b+1)[k]) its coefficient pass reads; null when the kernels are off or
 * unavailable, or there is nothing to add (no positive or no non-positive eigenvalue).
 */
export function prepareWasmCrossTerms(vectors: Float64Array, size: number, negativeCount: number, weights: Float64Array): WasmCrossTerms | null {
  const positiveCount = size - negativeCount;
  if (positiveCount < 4 || negativeCount === 0) return null;
  const rowBytes = size * BYTES_PER_ENTRY;
  const pairCount = negativeCount >> 1;
  const vectorsAt = 0;
  const pairsAt = size * rowBytes;
  const weightsAt = pairsAt + pairCount * 2 * rowBytes;
  const hAt = weightsAt + positiveCount * negativeCount * BYTES_PER_ENTRY;
  const outAt = hAt + rowBytes;
  const scratchAt = outAt + rowBytes;
  const space = jacobianKernelsWithMemory(scratchAt + 4 * rowBytes + 4 * negativeCount * BYTES_PER_ENTRY);
  if (space === null) return null;
  const { kernels, buffer } = space;
  new Float64Array(buffer, vectorsAt, size * size).set(vectors.subarray(0, size * size));
  const pairs = new Float64Array(buffer, pairsAt, pairCount * 2 * size);
  for (let pair = 0; pair < pairCount; pair++) {
    const first = 2 * pair * size;
    const second = first + size;
    const start = pair * 2 * size;
    for (let k = 0; k < size; k++) {
      pairs[start + 2 * k] = vectors[first + k] as number;
      pairs[start + 2 * k + 1] = vectors[second + k] as number;
    }
  }
  new Float64Array(buffer, weightsAt, positiveCount * negativeCount).set(weights.subarray(0, positiveCount * negativeCount));
  const hView = new Float64Array(buffer, hAt, size);
  const outView = new Float64Array(buffer, outAt, size);
  return {
    addGroupsOfFour(h: Float64Array, out: Float64Array): number {
      hView.set(h.subarray(0, size));
      outView.set(out.subarray(0, size));
      let a = 0;
      for (; a + 3 < positiveCount; a += 4) {
        kernels.crossTermsOfFour(vectorsAt, size, negativeCount, vectorsAt + (negativeCount + a) * rowBytes, weightsAt + a * negativeCount * BYTES_PER_ENTRY, hAt, outAt, scratchAt, pairsAt);
      }
      out.set(outView);
      return a;
    },
  };
}

/**
 * `addCrossTerms` for the positive eigenvectors a … a + 3, in two passes: the coefficients C_tb = Ω_tb·W_tb (dot
 * products along the rows p_b), then Σ_b C_tb·p_b[k] for two components k at a time, along the rows of
 * `negativeByComponent`, so the sums stay in registers instead of being stored once per b. Scratch: products at
 * t·size, coefficients at 4·size + t·negativeCount.
 */
function addCrossTermsOfFour(
  vectors: Float64Array,
  negativeByComponent: Float64Array,
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
  const coefficients0 = 4 * size;
  const coefficients1 = coefficients0 + negativeCount;
  const coefficients2 = coefficients1 + negativeCount;
  const coefficients3 = coefficients2 + negativeCount;
  for (let k = 0; k < size; k++) {
    const weight = h[k] as number;
    scratch[k] = (vectors[positive0 + k] as number) * weight;
    scratch[product1 + k] = (vectors[positive1 + k] as number) * weight;
    scratch[product2 + k] = (vectors[positive2 + k] as number) * weight;
    scratch[product3 + k] = (vectors[positive3 + k] as number) * weight;
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
    scratch[coefficients0 + b] = (weights[weightRow0 + b] as number) * inner00;
    scratch[coefficients0 + b + 1] = (weights[weightRow0 + b + 1] as number) * inner01;
    scratch[coefficients1 + b] = (weights[weightRow1 + b] as number) * inner10;
    scratch[coefficients1 + b + 1] = (weights[weightRow1 + b + 1] as number) * inner11;
    scratch[coefficients2 + b] = (weights[weightRow2 + b] as number) * inner20;
    scratch[coefficients2 + b + 1] = (weights[weightRow2 + b + 1] as number) * inner21;
    scratch[coefficients3 + b] = (weights[weightRow3 + b] as number) * inner30;
    scratch[coefficients3 + b + 1] = (weights[weightRow3 + b + 1] as number) * inner31;
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
    scratch[coefficients0 + b] = (weights[weightRow0 + b] as number) * inner0;
    scratch[coefficients1 + b] = (weights[weightRow1 + b] as number) * inner1;
    scratch[coefficients2 + b] = (weights[weightRow2 + b] as number) * inner2;
    scratch[coefficients3 + b] = (weights[weightRow3 + b] as number) * inner3;
  }
  let k = 0;
  for (; k + 1 < size; k += 2) {
    const row0 = k * negativeCount;
    const row1 = row0 + negativeCount;
    let sum00 = 0;
    let sum01 = 0;
    let sum10 = 0;
    let sum11 = 0;
    let sum20 = 0;
    let sum21 = 0;
    let sum30 = 0;
    let sum31 = 0;
    for (let column = 0; column < negativeCount; column++) {
      const x = negativeByComponent[row0 + column] as number;
      const y = negativeByComponent[row1 + column] as number;
      const c0 = scratch[coefficients0 + column] as number;
      const c1 = scratch[coefficients1 + column] as number;
      const c2 = scratch[coefficients2 + column] as number;
      const c3 = scratch[coefficients3 + column] as number;
      sum00 += c0 * x;
      sum01 += c0 * y;
      sum10 += c1 * x;
      sum11 += c1 * y;
      sum20 += c2 * x;
      sum21 += c2 * y;
      sum30 += c3 * x;
      sum31 += c3 * y;
    }
    const cross0 =
      (vectors[positive0 + k] as number) * sum00 + (vectors[positive1 + k] as number) * sum10 + (vectors[positive2 + k] as number) * sum20 + (vectors[positive3 + k] as number) * sum30;
    const cross1 =
      (vectors[positive0 + k + 1] as number) * sum01 +
      (vectors[positive1 + k + 1] as number) * sum11 +
      (vectors[positive2 + k + 1] as number) * sum21 +
      (vectors[positive3 + k + 1] as number) * sum31;
    out[k] = (out[k] as number) + 2 * cross0;
    out[k + 1] = (out[k + 1] as number) + 2 * cross1;
  }
  if (k < size) {
    const row = k * negativeCount;
    let sum0 = 0;
    let sum1 = 0;
    let sum2 = 0;
    let sum3 = 0;
    for (let column = 0; column < negativeCount; column++) {
      const x = negativeByComponent[row + column] as number;
      sum0 += (scratch[coefficients0 + column] as number) * x;
      sum1 += (scratch[coefficients1 + column] as number) * x;
      sum2 += (scratch[coefficients2 + column] as number) * x;
      sum3 += (scratch[coefficients3 + column] as number) * x;
    }
    const cross =
      (vectors[positive0 + k] as number) * sum0 + (vectors[positive1 + k] as number) * sum1 + (vectors[positive2 + k] as number) * sum2 + (vectors[positive3 + k] as number) * sum3;
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
