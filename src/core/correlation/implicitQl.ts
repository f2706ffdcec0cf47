/*
 * Eigenvalues and eigenvectors of a symmetric tridiagonal matrix by the implicit QL iteration (Golub & Van Loan,
 * Matrix Computations, §8.3; Wilkinson shifts, and a first "perfect" shift per eigenvalue, see
 * `diagonaliseTridiagonal`), the plane rotations applied to the accumulated orthogonal factor V. Most of the time goes
 * there (about n³ updates), so the rotations of each QL sweep are recorded first and then applied row by row of V, two
 * consecutive sweeps in one pass where they nest (`rotationSweeps.ts`, or its WebAssembly SIMD twin
 * `wasmRotationSweeps.ts` where the engine runs it: the same bits).
 */
import { canShareOnePass, typeScriptSweepTarget, type SweepTarget } from "./rotationSweeps";
import { wasmSweepTarget } from "./wasmRotationSweeps";

const MACHINE_EPSILON = Math.pow(2, -52);
/**
 * An off-diagonal entry at most this many ε of ‖T‖ (the largest |d| + |e| of the whole matrix) is set to 0, splitting
 * the matrix. A perfect-shift sweep leaves the entry it should annihilate at 1–10 ε·‖T‖ (measured: 120 of 200
 * eigenvalues of a random 200×200 matrix), which a bare ε test rejects, paying a second full sweep of rotations for
 * nothing (about a third of all rotations at 500×500); 16 ε·‖T‖ accepts them. The backward error stays a small
 * multiple of ε·‖A‖, as the Householder reduction's own already is.
 */
const DEFLATION_TOLERANCE = 16 * MACHINE_EPSILON;
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
 * `vectors` the eigenvector of eigenvalue k (when `vectors` came in holding Qᵀ). `offDiagonal` (length ≥ size),
 * `cosines` and `sines` (length ≥ 2·size: two recorded sweeps) are scratch.
 *
 * Two passes. The first finds the eigenvalues alone (O(n²): no vectors). The second, which applies its rotations to
 * the vectors (O(n³), the cost that matters), starts each eigenvalue's iteration with a "perfect" shift — the known
 * eigenvalue nearest the usual Wilkinson shift — so it typically deflates after one sweep instead of two; any sweep
 * that does not deflate continues with Wilkinson shifts, so convergence never depends on the guess (every shift gives
 * an exact orthogonal similarity; only the speed changes).
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
  const e = offDiagonal;
  for (let i = 1; i < n; i++) e[i - 1] = e[i] as number;
  e[n - 1] = 0;
  const eigenvalues = Float64Array.from(diagonal);
  iterateQl(eigenvalues, Float64Array.from(e), n, null, cosines, sines, null);
  eigenvalues.sort();
  const wasm = wasmSweepTarget(n);
  if (wasm === null) {
    transposeInPlace(vectors, n);
    iterateQl(diagonal, e, n, typeScriptSweepTarget(vectors, n, cosines, sines), cosines, sines, eigenvalues);
    transposeInPlace(vectors, n);
  } else {
    // The WebAssembly kernel rotates rows i and i + 1 of the untransposed matrix, two entries per operation.
    wasm.load(vectors);
    iterateQl(diagonal, e, n, wasm, wasm.cosines, wasm.sines, eigenvalues);
    wasm.unload(vectors);
  }
  sortAscending(vectors, n, diagonal);
}

/** The index of the entry of `known` nearest `target` not yet `used` (known ascending); −1 when all are used. */
function nearestUnused(known: Float64Array, used: Uint8Array, target: number): number {
  let best = -1;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (let k = 0; k < known.length; k++) {
    if (used[k] === 1) continue;
    const distance = Math.abs((known[k] as number) - target);
    if (distance < bestDistance) {
      best = k;
      bestDistance = distance;
    } else if ((known[k] as number) > target) {
      break; // ascending: every later entry is farther
    }
  }
  return best;
}

/**
 * Implicit QL with explicit shifts on d (diagonal) and e (e[i] couples i and i + 1; e[n − 1] = 0): Golub & Van Loan's
 * implicit symmetric QL step, chasing the bulge from the bottom of the unreduced block l … m up to l. With a `target`,
 * each sweep's rotations (recorded in `cosines` and `sines`) are applied to the vectors through it, two sweeps in one
 * pass where they nest; with `known` eigenvalues, each eigenvalue's first sweep uses the nearest unused one as its
 * shift.
 */
function iterateQl(
  d: Float64Array,
  e: Float64Array,
  n: number,
  target: SweepTarget | null,
  cosines: Float64Array,
  sines: Float64Array,
  known: Float64Array | null,
): void {
  const used = known === null ? null : new Uint8Array(known.length);
  let largest = 0;
  for (let i = 0; i < n; i++) largest = Math.max(largest, Math.abs(d[i] as number) + Math.abs(e[i] as number));
  const negligible = DEFLATION_TOLERANCE * largest;
  // The sweep held back: rotations pendingLow … pendingHigh − 1 at offset pendingOffset (0 or n); none while low = high.
  let pendingLow = 0;
  let pendingHigh = 0;
  let pendingOffset = 0;
  for (let l = 0; l < n; l++) {
    let sweeps = 0;
    for (;;) {
      // The first negligible off-diagonal at or after l splits the matrix; e[n − 1] = 0 always stops the search.
      let m = l;
      while (m < n - 1 && Math.abs(e[m] as number) > negligible) m++;
      if (m === l || sweeps >= MAX_SWEEPS_PER_EIGENVALUE) break;
      // Wilkinson's shift: the eigenvalue of the leading 2×2 block nearest d[l].
      const half = ((d[l + 1] as number) - (d[l] as number)) / (2 * (e[l] as number));
      const root = hypotenuse(half, 1);
      let shift = (d[l] as number) - (e[l] as number) / (half + (half < 0 ? -root : root));
      if (known !== null && used !== null && sweeps === 0) {
        const nearest = nearestUnused(known, used, shift);
        if (nearest >= 0) shift = known[nearest] as number;
      }
      let g = (d[m] as number) - shift;
      let s = 1;
      let c = 1;
      let p = 0;
      let stoppedAt = l - 1;
      const offset = pendingOffset === 0 ? n : 0;
      for (let i = m - 1; i >= l; i--) {
        const f = s * (e[i] as number);
        const b = c * (e[i] as number);
        const r = hypotenuse(f, g);
        e[i + 1] = r;
        if (r === 0) {
          // The bulge vanished (underflow): deflate at i + 1 and start again from the top.
          d[i + 1] = (d[i + 1] as number) - p;
          e[m] = 0;
          stoppedAt = i;
          break;
        }
        s = f / r;
        c = g / r;
        g = (d[i + 1] as number) - p;
        const t = ((d[i] as number) - g) * s + 2 * c * b;
        p = s * t;
        d[i + 1] = g + p;
        g = c * t - b;
        cosines[offset + i] = c;
        sines[offset + i] = s;
      }
      if (target !== null) {
        const low = stoppedAt + 1;
        if (pendingLow < pendingHigh && canShareOnePass(pendingLow, pendingHigh, low, m)) {
          target.applySweepPair([pendingLow, pendingHigh, pendingOffset], [low, m, offset]);
          pendingHigh = pendingLow;
        } else {
          if (pendingLow < pendingHigh) target.applySweep(pendingLow, pendingHigh, pendingOffset);
          pendingLow = low;
          pendingHigh = m;
          pendingOffset = offset;
        }
      }
      sweeps++;
      if (stoppedAt >= l) continue;
      d[l] = (d[l] as number) - p;
      e[l] = g;
      e[m] = 0;
    }
    if (known !== null && used !== null) {
      const converged = nearestUnused(known, used, d[l] as number);
      if (converged >= 0) used[converged] = 1;
    }
  }
  if (target !== null && pendingLow < pendingHigh) target.applySweep(pendingLow, pendingHigh, pendingOffset);
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
