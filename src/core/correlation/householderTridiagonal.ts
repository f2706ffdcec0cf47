/*
 * Householder reduction of a symmetric matrix to tridiagonal form, accumulating the orthogonal factor (the classical
 * tred2 of Martin, Reinsch & Wilkinson, Handbook for Automatic Computation II, as in EISPACK). Written for a row-major
 * Float64Array that holds the transpose of the textbook's working matrix V: the algorithm reads and updates V by
 * columns, which are rows here, so every inner loop below runs over contiguous memory.
 */

/**
 * Reduces the symmetric size×size matrix in `work` (row-major) to tridiagonal T = Qᵀ·A·Q: on return `diagonal` holds
 * T's diagonal, `offDiagonal[i]` (i ≥ 1) the entry T(i−1, i) (offDiagonal[0] = 0), and `work` holds Qᵀ (row k is
 * column k of Q), ready for `diagonaliseTridiagonal`.
 */
export function reduceToTridiagonal(work: Float64Array, size: number, diagonal: Float64Array, offDiagonal: Float64Array): void {
  const n = size;
  const d = diagonal;
  const e = offDiagonal;
  // Notation: V(x, y) of the textbook is work[y·n + x].
  for (let j = 0; j < n; j++) d[j] = work[j * n + n - 1] as number;
  for (let i = n - 1; i > 0; i--) {
    let scale = 0;
    let h = 0;
    for (let k = 0; k < i; k++) scale += Math.abs(d[k] as number);
    if (scale === 0) {
      e[i] = d[i - 1] as number;
      for (let j = 0; j < i; j++) {
        d[j] = work[j * n + i - 1] as number;
        work[j * n + i] = 0;
        work[i * n + j] = 0;
      }
    } else {
      // The Householder vector, scaled to avoid under- and overflow in the sum of squares.
      for (let k = 0; k < i; k++) {
        const value = (d[k] as number) / scale;
        d[k] = value;
        h += value * value;
      }
      let f = d[i - 1] as number;
      let g = Math.sqrt(h);
      if (f > 0) g = -g;
      e[i] = scale * g;
      h -= f * g;
      d[i - 1] = f - g;
      for (let j = 0; j < i; j++) e[j] = 0;
      // e = A·u over the leading i×i block (its lower triangle lives in rows j, columns k ≥ j, of `work`).
      const rowI = i * n;
      for (let j = 0; j < i; j++) {
        const rowJ = j * n;
        f = d[j] as number;
        work[rowI + j] = f;
        g = (e[j] as number) + (work[rowJ + j] as number) * f;
        for (let k = j + 1; k < i; k++) {
          const entry = work[rowJ + k] as number;
          g += entry * (d[k] as number);
          e[k] = (e[k] as number) + entry * f;
        }
        e[j] = g;
      }
      f = 0;
      for (let j = 0; j < i; j++) {
        const value = (e[j] as number) / h;
        e[j] = value;
        f += value * (d[j] as number);
      }
      const hh = f / (h + h);
      for (let j = 0; j < i; j++) e[j] = (e[j] as number) - hh * (d[j] as number);
      // Rank-2 update A ← A − u·eᵀ − e·uᵀ of the leading block.
      for (let j = 0; j < i; j++) {
        const rowJ = j * n;
        f = d[j] as number;
        g = e[j] as number;
        for (let k = j; k < i; k++) work[rowJ + k] = (work[rowJ + k] as number) - (f * (e[k] as number) + g * (d[k] as number));
        d[j] = work[rowJ + i - 1] as number;
        work[rowJ + i] = 0;
      }
    }
    d[i] = h;
  }
  // Accumulate the transformations: Q = H_1·H_2·…, built from the stored Householder vectors.
  for (let i = 0; i < n - 1; i++) {
    const rowI = i * n;
    const rowNext = (i + 1) * n;
    work[rowI + n - 1] = work[rowI + i] as number;
    work[rowI + i] = 1;
    const h = d[i + 1] as number;
    if (h !== 0) {
      for (let k = 0; k <= i; k++) d[k] = (work[rowNext + k] as number) / h;
      for (let j = 0; j <= i; j++) {
        const rowJ = j * n;
        let g = 0;
        for (let k = 0; k <= i; k++) g += (work[rowNext + k] as number) * (work[rowJ + k] as number);
        for (let k = 0; k <= i; k++) work[rowJ + k] = (work[rowJ + k] as number) - g * (d[k] as number);
      }
    }
    for (let k = 0; k <= i; k++) work[rowNext + k] = 0;
  }
  for (let j = 0; j < n; j++) {
    d[j] = work[j * n + n - 1] as number;
    work[j * n + n - 1] = 0;
  }
  work[(n - 1) * n + n - 1] = 1;
  e[0] = 0;
}
