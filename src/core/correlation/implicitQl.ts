/*
 * Eigenvalues and eigenvectors of a symmetric tridiagonal matrix by the implicit QL iteration with Wilkinson-type
 * shifts (tql2 of Martin, Reinsch & Wilkinson, Handbook for Automatic Computation II), the plane rotations applied to
 * the accumulated orthogonal factor V. Most of the time goes there (about n³ updates), so the rotations of one QL
 * sweep are recorded first and then applied row by row of V: a row meets the whole chain of rotations in one
 * contiguous pass, carrying one value in a register, instead of the whole matrix being streamed once per rotation.
 */

const MACHINE_EPSILON = Math.pow(2, -52);
/** QL sweeps allowed per eigenvalue; 2 or 3 are usual, convergence is cubic. A safety net against a non-finite input. */
const MAX_SWEEPS_PER_EIGENVALUE = 60;

/** √(a² + b²) without overflow or destructive underflow (a shift p can reach 1/ε · the matrix norm). */
function hypotenuse(a: number, b: number): number {
  const absA = Math.abs(a);
  const absB = Math.abs(b);
  if (absA > absB) {
    const ratio = absB / absA;
    return absA * Math.sqrt(1 + ratio * ratio);
  }
  if (absB === 0) return 0;
  const ratio = absA / absB;
  return absB * Math.sqrt(1 + ratio * ratio);
}

/**
 * Diagonalises the tridiagonal matrix (`diagonal`, `offDiagonal` as `reduceToTridiagonal` leaves them) and applies the
 * rotations to the rows of `vectors`. On return `diagonal` holds the eigenvalues in ascending order and row k of
 * `vectors` the eigenvector of eigenvalue k (when `vectors` came in holding Qᵀ). `offDiagonal`, `cosines` and
 * `sines` (length ≥ size) are scratch.
 */
export function diagonaliseTridiagonal(
  vectors: Float64Array,
  size: number,
  diagonal: Float64Array,
  offDiagonal: Float64Array,
  cosines: Float64Array,
  sines: Float64Array,
): void {
  const n = size;
  transposeInPlace(vectors, n);
  const d = diagonal;
  const e = offDiagonal;
  for (let i = 1; i < n; i++) e[i - 1] = e[i] as number;
  e[n - 1] = 0;
  let shiftSum = 0;
  let largest = 0;
  for (let l = 0; l < n; l++) {
    largest = Math.max(largest, Math.abs(d[l] as number) + Math.abs(e[l] as number));
    // The first negligible off-diagonal at or after l splits the matrix; e[n − 1] = 0 always stops the search.
    let m = l;
    while (m < n - 1 && Math.abs(e[m] as number) > MACHINE_EPSILON * largest) m++;
    if (m > l) {
      let sweeps = 0;
      do {
        let g = d[l] as number;
        let p = ((d[l + 1] as number) - g) / (2 * (e[l] as number));
        let r = hypotenuse(p, 1);
        if (p < 0) r = -r;
        d[l] = (e[l] as number) / (p + r);
        d[l + 1] = (e[l] as number) * (p + r);
        const nextDiagonal = d[l + 1] as number;
        let h = g - (d[l] as number);
        for (let i = l + 2; i < n; i++) d[i] = (d[i] as number) - h;
        shiftSum += h;
        p = d[m] as number;
        let c = 1;
        let c2 = 1;
        let c3 = 1;
        const nextOffDiagonal = e[l + 1] as number;
        let s = 0;
        let s2 = 0;
        for (let i = m - 1; i >= l; i--) {
          c3 = c2;
          c2 = c;
          s2 = s;
          g = c * (e[i] as number);
          h = c * p;
          r = hypotenuse(p, e[i] as number);
          e[i + 1] = s * r;
          s = (e[i] as number) / r;
          c = p / r;
          p = c * (d[i] as number) - s * g;
          d[i + 1] = h + s * (c * g + s * (d[i] as number));
          cosines[i] = c;
          sines[i] = s;
        }
        applySweep(vectors, n, l, m, cosines, sines);
        p = (-s * s2 * c3 * nextOffDiagonal * (e[l] as number)) / nextDiagonal;
        e[l] = s * p;
        d[l] = c * p;
        sweeps++;
      } while (Math.abs(e[l] as number) > MACHINE_EPSILON * largest && sweeps < MAX_SWEEPS_PER_EIGENVALUE);
    }
    d[l] = (d[l] as number) + shiftSum;
    e[l] = 0;
  }
  transposeInPlace(vectors, n);
  sortAscending(vectors, n, d);
}

/**
 * Columns l … m of V (row-major) ← V·R_{m−1}·…·R_l, R_i the rotation (cosines[i], sines[i]) of columns i and i + 1,
 * applied in the order m − 1 down to l as tql2 does. In each row, a carry holds the current value of column i + 1.
 * One row's chain is serial (each step waits on the last), so four rows go through it side by side.
 */
function applySweep(vectors: Float64Array, n: number, l: number, m: number, cosines: Float64Array, sines: Float64Array): void {
  let row = 0;
  for (; row + 3 < n; row += 4) {
    const base0 = row * n;
    const base1 = base0 + n;
    const base2 = base1 + n;
    const base3 = base2 + n;
    let carry0 = vectors[base0 + m] as number;
    let carry1 = vectors[base1 + m] as number;
    let carry2 = vectors[base2 + m] as number;
    let carry3 = vectors[base3 + m] as number;
    for (let i = m - 1; i >= l; i--) {
      const c = cosines[i] as number;
      const s = sines[i] as number;
      const current0 = vectors[base0 + i] as number;
      const current1 = vectors[base1 + i] as number;
      const current2 = vectors[base2 + i] as number;
      const current3 = vectors[base3 + i] as number;
      vectors[base0 + i + 1] = s * current0 + c * carry0;
      vectors[base1 + i + 1] = s * current1 + c * carry1;
      vectors[base2 + i + 1] = s * current2 + c * carry2;
      vectors[base3 + i + 1] = s * current3 + c * carry3;
      carry0 = c * current0 - s * carry0;
      carry1 = c * current1 - s * carry1;
      carry2 = c * current2 - s * carry2;
      carry3 = c * current3 - s * carry3;
    }
    vectors[base0 + l] = carry0;
    vectors[base1 + l] = carry1;
    vectors[base2 + l] = carry2;
    vectors[base3 + l] = carry3;
  }
  for (; row < n; row++) {
    const base = row * n;
    let carry = vectors[base + m] as number;
    for (let i = m - 1; i >= l; i--) {
      const current = vectors[base + i] as number;
      const c = cosines[i] as number;
      const s = sines[i] as number;
      vectors[base + i + 1] = s * current + c * carry;
      carry = c * current - s * carry;
    }
    vectors[base + l] = carry;
  }
}

function transposeInPlace(matrix: Float64Array, n: number): void {
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const swap = matrix[i * n + j] as number;
      matrix[i * n + j] = matrix[j * n + i] as number;
      matrix[j * n + i] = swap;
    }
  }
}

/** Selection sort of the eigenvalues, swapping eigenvector rows with them (n swaps at most, O(n²)). */
function sortAscending(vectors: Float64Array, n: number, d: Float64Array): void {
  for (let i = 0; i < n - 1; i++) {
    let smallestIndex = i;
    let smallest = d[i] as number;
    for (let j = i + 1; j < n; j++) {
      if ((d[j] as number) < smallest) {
        smallestIndex = j;
        smallest = d[j] as number;
      }
    }
    if (smallestIndex === i) continue;
    d[smallestIndex] = d[i] as number;
    d[i] = smallest;
    const rowI = i * n;
    const rowK = smallestIndex * n;
    for (let k = 0; k < n; k++) {
      const swap = vectors[rowI + k] as number;
      vectors[rowI + k] = vectors[rowK + k] as number;
      vectors[rowK + k] = swap;
    }
  }
}
