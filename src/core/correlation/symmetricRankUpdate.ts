/*
 * The one n³ product the nearest-correlation iterations form outside the eigen-decomposition: a sum of weighted outer
 * products of eigenvectors, Σ_k w_k·p_k·p_kᵀ, for the projector G_α = P_α·P_αᵀ of each Newton step and for the answer
 * P_α·Λ_α·P_αᵀ. Only the upper triangle is computed (the callers mirror it), four eigenvectors and two rows of the
 * target at a time: a quarter of the loads and stores of the target, eight multiply-adds per four vector entries loaded.
 */

/**
 * Adds Σ_{k = first … last − 1} w_k·p_k·p_kᵀ to the upper triangle (j ≥ i) of `target` (row-major size×size), where
 * p_k is row k of `vectors` and w_k = weights[k], or 1 when `weights` is null. The lower triangle is not touched.
 */
export function addOuterProductsToUpperTriangle(
  target: Float64Array,
  size: number,
  vectors: Float64Array,
  first: number,
  last: number,
  weights: Float64Array | null,
): void {
  let k = first;
  for (; k + 3 < last; k += 4) {
    const base0 = k * size;
    const base1 = base0 + size;
    const base2 = base1 + size;
    const base3 = base2 + size;
    const weight0 = weights === null ? 1 : (weights[k] as number);
    const weight1 = weights === null ? 1 : (weights[k + 1] as number);
    const weight2 = weights === null ? 1 : (weights[k + 2] as number);
    const weight3 = weights === null ? 1 : (weights[k + 3] as number);
    // Two rows of the target per pass: each loaded vector entry feeds eight multiply-adds.
    let i = 0;
    for (; i + 1 < size; i += 2) {
      const c0 = weight0 * (vectors[base0 + i] as number);
      const c1 = weight1 * (vectors[base1 + i] as number);
      const c2 = weight2 * (vectors[base2 + i] as number);
      const c3 = weight3 * (vectors[base3 + i] as number);
      const d0 = weight0 * (vectors[base0 + i + 1] as number);
      const d1 = weight1 * (vectors[base1 + i + 1] as number);
      const d2 = weight2 * (vectors[base2 + i + 1] as number);
      const d3 = weight3 * (vectors[base3 + i + 1] as number);
      const row = i * size;
      const nextRow = row + size;
      target[row + i] = (target[row + i] as number) + (c0 * (vectors[base0 + i] as number) + c1 * (vectors[base1 + i] as number) + c2 * (vectors[base2 + i] as number) + c3 * (vectors[base3 + i] as number));
      for (let j = i + 1; j < size; j++) {
        const v0 = vectors[base0 + j] as number;
        const v1 = vectors[base1 + j] as number;
        const v2 = vectors[base2 + j] as number;
        const v3 = vectors[base3 + j] as number;
        target[row + j] = (target[row + j] as number) + (c0 * v0 + c1 * v1 + c2 * v2 + c3 * v3);
        target[nextRow + j] = (target[nextRow + j] as number) + (d0 * v0 + d1 * v1 + d2 * v2 + d3 * v3);
      }
    }
    if (i < size) {
      const row = i * size;
      const update = weight0 * (vectors[base0 + i] as number) ** 2 + weight1 * (vectors[base1 + i] as number) ** 2 + weight2 * (vectors[base2 + i] as number) ** 2 + weight3 * (vectors[base3 + i] as number) ** 2;
      target[row + i] = (target[row + i] as number) + update;
    }
  }
  for (; k < last; k++) {
    const base = k * size;
    const weight = weights === null ? 1 : (weights[k] as number);
    for (let i = 0; i < size; i++) {
      const component = weight * (vectors[base + i] as number);
      const row = i * size;
      for (let j = i; j < size; j++) target[row + j] = (target[row + j] as number) + component * (vectors[base + j] as number);
    }
  }
}

/**
 * Writes G_α = P_α·P_αᵀ into `target` (row-major size×size, both triangles), P_α the eigenvectors in rows
 * negativeCount … size − 1 of `vectors` (an orthonormal set with the others). From whichever set is smaller: with
 * P_β the rows before negativeCount, G_α = I − P_β·P_βᵀ.
 */
export function positiveEigenspaceProjector(target: Float64Array, size: number, vectors: Float64Array, negativeCount: number): void {
  const usePositive = size - negativeCount <= negativeCount;
  target.fill(0);
  if (usePositive) addOuterProductsToUpperTriangle(target, size, vectors, negativeCount, size, null);
  else addOuterProductsToUpperTriangle(target, size, vectors, 0, negativeCount, null);
  for (let i = 0; i < size; i++) {
    const row = i * size;
    if (!usePositive) target[row + i] = 1 - (target[row + i] as number);
    for (let j = i + 1; j < size; j++) {
      const entry = usePositive ? (target[row + j] as number) : -(target[row + j] as number);
      target[row + j] = entry;
      target[j * size + i] = entry;
    }
  }
}
