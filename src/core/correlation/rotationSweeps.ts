/*
 * Applying the plane rotations of implicit QL sweeps (`implicitQl.ts`) to the rows of V (row-major, n×n): about n³
 * updates, most of the eigen-decomposition's time. A sweep over l … m is the product R_{m−1}·…·R_l, R_i rotating
 * columns i and i + 1, applied in that order (m − 1 first). Each row meets the whole chain in one contiguous pass,
 * carrying the current value of column i + 1 in a register; four rows go side by side (one row's chain is serial).
 *
 * Two consecutive sweeps can share one pass (`applySweepPair`): the second sweep's rotation of columns i + 1, i + 2
 * needs only the first sweep's final values of those columns, which the first sweep has produced once it has rotated
 * i, i + 1. So the second chain runs one column behind the first and takes column i + 1 straight from its register:
 * half the loads and stores of V per rotation, and two independent chains per row. Every entry goes through exactly
 * the same operations in the same order as with two separate passes, so the result is the same to the bit.
 */

/*
 * A recorded sweep over low … high: rotation i (low ≤ i < high) is (cosines[offset + i], sines[offset + i]). Passed as
 * numbers (a tuple each for `applySweepPair`, unpacked before any loop), not as objects of a shape of their own: see
 * `jacobianCrossTerms.ts` on hidden classes and full garbage collections.
 */

/** Where a QL iteration's recorded sweeps go: these TypeScript kernels on V, or the WebAssembly kernel (`wasmRotationSweeps.ts`). */
export interface SweepTarget {
  /** One sweep over low … high, its rotation i at cosines/sines[offset + i]. */
  applySweep(low: number, high: number, offset: number): void;
  /** Two sweeps in one pass (`canShareOnePass(first, second)` must hold). */
  applySweepPair(first: readonly [low: number, high: number, offset: number], second: readonly [low: number, high: number, offset: number]): void;
}

/** The TypeScript kernels below as a sweep target on the rows of `vectors` (row-major, n×n). */
export function typeScriptSweepTarget(vectors: Float64Array, n: number, cosines: Float64Array, sines: Float64Array): SweepTarget {
  return {
    applySweep: (low, high, offset) => applySweep(vectors, n, low, high, offset, cosines, sines),
    applySweepPair: (first, second) => applySweepPair(vectors, n, first, second, cosines, sines),
  };
}

/** True when the second sweep (recorded after the first) lies within the first's columns and starts below its top, as `applySweepPair` needs. */
export function canShareOnePass(firstLow: number, firstHigh: number, secondLow: number, secondHigh: number): boolean {
  return firstLow < secondLow && secondLow < secondHigh && secondHigh <= firstHigh;
}

/** Rows of V ← V·R_{high−1}·…·R_{low} for one sweep. */
export function applySweep(vectors: Float64Array, n: number, low: number, high: number, offset: number, cosines: Float64Array, sines: Float64Array): void {
  let row = 0;
  for (; row + 3 < n; row += 4) {
    const base = row * n;
    loadCarries(vectors, base, n, high);
    rotateFourRows(vectors, base, n, high - 1, low, offset, cosines, sines);
    storeCarries(vectors, base, n, low);
  }
  for (; row < n; row++) applySweepToRow(vectors, row * n, low, high, offset, cosines, sines);
}

/**
 * The carries of four rows between stretches of a sweep: per row, the running value of the column above the next
 * rotation. A module-level scratch (the solver is synchronous), so a stretch hands them on without an object.
 */
const carries = new Float64Array(4);

function loadCarries(vectors: Float64Array, base: number, n: number, column: number): void {
  carries[0] = vectors[base + column] as number;
  carries[1] = vectors[base + n + column] as number;
  carries[2] = vectors[base + 2 * n + column] as number;
  carries[3] = vectors[base + 3 * n + column] as number;
}

function storeCarries(vectors: Float64Array, base: number, n: number, column: number): void {
  vectors[base + column] = carries[0] as number;
  vectors[base + n + column] = carries[1] as number;
  vectors[base + 2 * n + column] = carries[2] as number;
  vectors[base + 3 * n + column] = carries[3] as number;
}

/**
 * One sweep's rotations from → down to, on the four rows from `base` (n apart): rotation i writes column i + 1 as
 * final and leaves column i's new value as the row's carry (in `carries`, read at the start, written at the end).
 */
function rotateFourRows(vectors: Float64Array, base: number, n: number, from: number, downTo: number, offset: number, cosines: Float64Array, sines: Float64Array): void {
  const base0 = base;
  const base1 = base0 + n;
  const base2 = base1 + n;
  const base3 = base2 + n;
  let carry0 = carries[0] as number;
  let carry1 = carries[1] as number;
  let carry2 = carries[2] as number;
  let carry3 = carries[3] as number;
  for (let i = from; i >= downTo; i--) {
    const c = cosines[offset + i] as number;
    const s = sines[offset + i] as number;
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
  carries[0] = carry0;
  carries[1] = carry1;
  carries[2] = carry2;
  carries[3] = carry3;
}

function applySweepToRow(vectors: Float64Array, base: number, l: number, m: number, offset: number, cosines: Float64Array, sines: Float64Array): void {
  let carry = vectors[base + m] as number;
  for (let i = m - 1; i >= l; i--) {
    const current = vectors[base + i] as number;
    const c = cosines[offset + i] as number;
    const s = sines[offset + i] as number;
    vectors[base + i + 1] = s * current + c * carry;
    carry = c * current - s * carry;
  }
  vectors[base + l] = carry;
}

/**
 * Rows of V ← V·(first sweep)·(second sweep), in one pass (`canShareOnePass(first, second)` must hold). Per row, three
 * stretches: the first sweep alone down to column secondHigh (its rotations above the second's), then both (first's
 * rotation i with second's rotation i + 1), then the first alone below secondLow.
 */
export function applySweepPair(
  vectors: Float64Array,
  n: number,
  first: readonly [low: number, high: number, offset: number],
  second: readonly [low: number, high: number, offset: number],
  cosines: Float64Array,
  sines: Float64Array,
): void {
  const [firstLow, firstHigh, firstOffset] = first;
  const [secondLow, secondHigh, secondOffset] = second;
  let row = 0;
  for (; row + 3 < n; row += 4) {
    applySweepPairToFourRows(vectors, row * n, n, firstLow, firstHigh, firstOffset, secondLow, secondHigh, secondOffset, cosines, sines);
  }
  for (; row < n; row++) {
    applySweepToRow(vectors, row * n, firstLow, firstHigh, firstOffset, cosines, sines);
    applySweepToRow(vectors, row * n, secondLow, secondHigh, secondOffset, cosines, sines);
  }
}

function applySweepPairToFourRows(
  vectors: Float64Array,
  base: number,
  n: number,
  firstLow: number,
  firstHigh: number,
  firstOffset: number,
  secondLow: number,
  secondHigh: number,
  secondOffset: number,
  cosines: Float64Array,
  sines: Float64Array,
): void {
  // The first sweep alone, rotations firstHigh − 1 … secondHigh − 1: afterwards column secondHigh is final for it
  // (stored) and becomes the second sweep's carry; column secondHigh − 1 is the first sweep's carry.
  loadCarries(vectors, base, n, firstHigh);
  rotateFourRows(vectors, base, n, firstHigh - 1, secondHigh - 1, firstOffset, cosines, sines);
  const base0 = base;
  const base1 = base0 + n;
  const base2 = base1 + n;
  const base3 = base2 + n;
  let carry0 = carries[0] as number;
  let carry1 = carries[1] as number;
  let carry2 = carries[2] as number;
  let carry3 = carries[3] as number;
  let secondCarry0 = vectors[base0 + secondHigh] as number;
  let secondCarry1 = vectors[base1 + secondHigh] as number;
  let secondCarry2 = vectors[base2 + secondHigh] as number;
  let secondCarry3 = vectors[base3 + secondHigh] as number;
  for (let i = secondHigh - 2; i >= secondLow - 1; i--) {
    const c = cosines[firstOffset + i] as number;
    const s = sines[firstOffset + i] as number;
    const current0 = vectors[base0 + i] as number;
    const current1 = vectors[base1 + i] as number;
    const current2 = vectors[base2 + i] as number;
    const current3 = vectors[base3 + i] as number;
    // The first sweep's rotation i: column i + 1 is final for it (kept in a register), column i its new carry.
    const done0 = s * current0 + c * carry0;
    const done1 = s * current1 + c * carry1;
    const done2 = s * current2 + c * carry2;
    const done3 = s * current3 + c * carry3;
    carry0 = c * current0 - s * carry0;
    carry1 = c * current1 - s * carry1;
    carry2 = c * current2 - s * carry2;
    carry3 = c * current3 - s * carry3;
    // The second sweep's rotation i + 1, of columns i + 1 (just finished) and i + 2 (its carry): column i + 2 is final.
    const secondC = cosines[secondOffset + i + 1] as number;
    const secondS = sines[secondOffset + i + 1] as number;
    vectors[base0 + i + 2] = secondS * done0 + secondC * secondCarry0;
    vectors[base1 + i + 2] = secondS * done1 + secondC * secondCarry1;
    vectors[base2 + i + 2] = secondS * done2 + secondC * secondCarry2;
    vectors[base3 + i + 2] = secondS * done3 + secondC * secondCarry3;
    secondCarry0 = secondC * done0 - secondS * secondCarry0;
    secondCarry1 = secondC * done1 - secondS * secondCarry1;
    secondCarry2 = secondC * done2 - secondS * secondCarry2;
    secondCarry3 = secondC * done3 - secondS * secondCarry3;
  }
  vectors[base0 + secondLow] = secondCarry0;
  vectors[base1 + secondLow] = secondCarry1;
  vectors[base2 + secondLow] = secondCarry2;
  vectors[base3 + secondLow] = secondCarry3;
  // The first sweep alone again, below the second's columns.
  carries[0] = carry0;
  carries[1] = carry1;
  carries[2] = carry2;
  carries[3] = carry3;
  rotateFourRows(vectors, base, n, secondLow - 2, firstLow, firstOffset, cosines, sines);
  storeCarries(vectors, base, n, firstLow);
}
