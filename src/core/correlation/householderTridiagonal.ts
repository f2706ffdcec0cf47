/*
 * Householder reduction of a symmetric matrix to tridiagonal form, accumulating the orthogonal factor (the classical
 * tred2 of Martin, Reinsch & Wilkinson, Handbook for Automatic Computation II, as in EISPACK). Written for a row-major
 * Float64Array that holds the transpose of the textbook's working matrix V: the algorithm reads and updates V by
 * columns, which are rows here, so every inner loop below runs over contiguous memory.
 */
import { accumulateReflectors, wasmAccumulationBytes } from "./householderAccumulation";
import { BYTES_PER_ENTRY, type EigenKernels, wasmKernelsWithMemory } from "./wasmKernels";

/**
 * Reduces the symmetric size×size matrix in `work` (row-major) to tridiagonal T = Qᵀ·A·Q: on return `diagonal` holds
 * T's diagonal, `offDiagonal[i]` (i ≥ 1) the entry T(i−1, i) (offDiagonal[0] = 0), and `work` holds Qᵀ (row k is
 * column k of Q), ready for `diagonaliseTridiagonal`. `reflectors` (length ≥ size²) is scratch for
 * `accumulateReflectors`.
 */
export function reduceToTridiagonal(work: Float64Array, size: number, diagonal: Float64Array, offDiagonal: Float64Array, reflectors: Float64Array): void {
  const wasm = wasmReductionSpace(size);
  if (wasm === null) {
    reduce(work, size, diagonal, offDiagonal, null);
    accumulateReflectors(work, size, diagonal, reflectors);
  } else {
    // The same algorithm on copies in WebAssembly memory, its two O(n³) loops in `eigenKernels.wat`.
    wasm.work.set(work);
    reduce(wasm.work, size, wasm.diagonal, wasm.offDiagonal, wasm);
    accumulateReflectors(wasm.work, size, wasm.diagonal, reflectors);
    work.set(wasm.work);
    diagonal.set(wasm.diagonal);
    offDiagonal.set(wasm.offDiagonal);
  }
  offDiagonal[0] = 0;
}

/** The reduction's arrays in WebAssembly memory, where its kernels read them (addresses in bytes), and the kernels. */
interface ReductionSpace {
  work: Float64Array;
  diagonal: Float64Array;
  offDiagonal: Float64Array;
  /** The four row sums `symmetricProductOfFourRows` starts and `symmetricProductFourRows` finishes, in place. */
  sums: Float64Array;
  kernels: EigenKernels;
  workAt: number;
  diagonalAt: number;
  offDiagonalAt: number;
  sumsAt: number;
}

/** The reduction's space, after the accumulation's (`accumulateReflectors` reads `work` while it fills its own); null when the kernels are off or unavailable. */
function wasmReductionSpace(n: number): ReductionSpace | null {
  const workAt = wasmAccumulationBytes(n);
  const diagonalAt = workAt + n * n * BYTES_PER_ENTRY;
  const offDiagonalAt = diagonalAt + n * BYTES_PER_ENTRY;
  const sumsAt = offDiagonalAt + n * BYTES_PER_ENTRY;
  const space = wasmKernelsWithMemory(sumsAt + 4 * BYTES_PER_ENTRY);
  if (space === null) return null;
  const { kernels, buffer } = space;
  return {
    work: new Float64Array(buffer, workAt, n * n),
    diagonal: new Float64Array(buffer, diagonalAt, n),
    offDiagonal: new Float64Array(buffer, offDiagonalAt, n),
    sums: new Float64Array(buffer, sumsAt, 4),
    kernels,
    workAt,
    diagonalAt,
    offDiagonalAt,
    sumsAt,
  };
}

/** The reduction proper (tred2 without the accumulation), its four-row loops in WebAssembly when `wasm` is given. */
function reduce(work: Float64Array, size: number, diagonal: Float64Array, offDiagonal: Float64Array, wasm: ReductionSpace | null): void {
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
      // e = A·u over the leading i×i block (its upper triangle lives in rows j, columns k ≥ j, of `work`), four rows
      // at a time where it can (`symmetricProductOfFourRows`), so each d[k] and e[k] is loaded once for four rows.
      const rowI = i * n;
      let j = 0;
      for (; j + 4 < i; j += 4) symmetricProductOfFourRows(work, n, i, j, d, e, wasm);
      for (; j < i; j++) {
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
      // Rank-2 update A ← A − u·eᵀ − e·uᵀ of the leading block, four rows at a time where it can.
      j = 0;
      for (; j + 3 < i; j += 4) rankTwoUpdateOfFourRows(work, n, i, j, d, e, wasm);
      for (; j < i; j++) {
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
}

/**
 * Rows j … j + 3 (all below i) of the product e = A·u: first the small triangle among the four rows in order (each row
 * adds its mirrored terms to the later rows' e before they start), then the columns past the block for all four at
 * once. Also stores u (= d) into row i, as the one-row loop does.
 */
/** The four rows' sums of `symmetricProductOfFourRows`: a literal [0, 0, 0, 0] there was a new array on every call (1.4 MB per 500×500 decomposition). */
const fourRowSums = new Float64Array(4);

function symmetricProductOfFourRows(work: Float64Array, n: number, i: number, j: number, d: Float64Array, e: Float64Array, wasm: ReductionSpace | null): void {
  const rowI = i * n;
  const sums = wasm === null ? fourRowSums : wasm.sums;
  for (let t = 0; t < 4; t++) {
    const row = j + t;
    const rowStart = row * n;
    const f = d[row] as number;
    work[rowI + row] = f;
    let g = (e[row] as number) + (work[rowStart + row] as number) * f;
    for (let k = row + 1; k < j + 4; k++) {
      const entry = work[rowStart + k] as number;
      g += entry * (d[k] as number);
      e[k] = (e[k] as number) + entry * f;
    }
    sums[t] = g;
  }
  const start0 = j * n;
  const start1 = start0 + n;
  const start2 = start1 + n;
  const start3 = start2 + n;
  const f0 = d[j] as number;
  const f1 = d[j + 1] as number;
  const f2 = d[j + 2] as number;
  const f3 = d[j + 3] as number;
  let k = j + 4;
  if (wasm !== null) {
    // An even number of columns in WebAssembly, two at a time; the one left, if any, below.
    const end = k + ((i - k) & ~1);
    wasm.kernels.symmetricProductFourRows(wasm.workAt + start0 * BYTES_PER_ENTRY, n * BYTES_PER_ENTRY, wasm.diagonalAt, wasm.offDiagonalAt, k, end, f0, f1, f2, f3, wasm.sumsAt);
    k = end;
  }
  let g0 = sums[0] as number;
  let g1 = sums[1] as number;
  let g2 = sums[2] as number;
  let g3 = sums[3] as number;
  for (; k < i; k++) {
    const entry0 = work[start0 + k] as number;
    const entry1 = work[start1 + k] as number;
    const entry2 = work[start2 + k] as number;
    const entry3 = work[start3 + k] as number;
    const u = d[k] as number;
    g0 += entry0 * u;
    g1 += entry1 * u;
    g2 += entry2 * u;
    g3 += entry3 * u;
    e[k] = (e[k] as number) + (entry0 * f0 + entry1 * f1 + entry2 * f2 + entry3 * f3);
  }
  e[j] = g0;
  e[j + 1] = g1;
  e[j + 2] = g2;
  e[j + 3] = g3;
}

/**
 * Rows j … j + 3 (all below i) of the rank-2 update A ← A − u·eᵀ − e·uᵀ (u = d), each from its diagonal to column
 * i − 1: the small triangle among the four rows first, then the columns past it for all four at once (each d[k] and
 * e[k] loaded once for four rows). Then, as the one-row loop does, d takes the updated column i − 1 of those rows
 * (after all four are done: they read d[j …]) and column i is cleared.
 */
function rankTwoUpdateOfFourRows(work: Float64Array, n: number, i: number, j: number, d: Float64Array, e: Float64Array, wasm: ReductionSpace | null): void {
  const start0 = j * n;
  const start1 = start0 + n;
  const start2 = start1 + n;
  const start3 = start2 + n;
  const f0 = d[j] as number;
  const f1 = d[j + 1] as number;
  const f2 = d[j + 2] as number;
  const f3 = d[j + 3] as number;
  const g0 = e[j] as number;
  const g1 = e[j + 1] as number;
  const g2 = e[j + 2] as number;
  const g3 = e[j + 3] as number;
  for (let t = 0; t < 3; t++) {
    const rowStart = start0 + t * n;
    const f = d[j + t] as number;
    const g = e[j + t] as number;
    for (let k = j + t; k < j + 3; k++) work[rowStart + k] = (work[rowStart + k] as number) - (f * (e[k] as number) + g * (d[k] as number));
  }
  let k = j + 3;
  if (wasm !== null) {
    // An even number of columns in WebAssembly, two at a time; the one left, if any, below.
    const end = k + ((i - k) & ~1);
    wasm.kernels.rankTwoUpdateFourRows(wasm.workAt + start0 * BYTES_PER_ENTRY, n * BYTES_PER_ENTRY, wasm.diagonalAt, wasm.offDiagonalAt, k, end, f0, f1, f2, f3, g0, g1, g2, g3);
    k = end;
  }
  for (; k < i; k++) {
    const u = d[k] as number;
    const v = e[k] as number;
    work[start0 + k] = (work[start0 + k] as number) - (f0 * v + g0 * u);
    work[start1 + k] = (work[start1 + k] as number) - (f1 * v + g1 * u);
    work[start2 + k] = (work[start2 + k] as number) - (f2 * v + g2 * u);
    work[start3 + k] = (work[start3 + k] as number) - (f3 * v + g3 * u);
  }
  for (let t = 0; t < 4; t++) {
    const rowStart = start0 + t * n;
    d[j + t] = work[rowStart + i - 1] as number;
    work[rowStart + i] = 0;
  }
}
