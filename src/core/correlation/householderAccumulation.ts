/*
 * The last stage of tred2 (`householderTridiagonal.ts`): forming the orthogonal factor Q = H_0·H_1·…·H_{n−2} from the
 * stored Householder vectors. Each row of the result (a column of Q) is transformed by the reflectors independently of
 * every other row, so instead of streaming the whole growing block once per reflector (tred2's order, n³/3 loads and
 * as many stores from memory that does not fit in cache at 500×500), the reflectors are copied out once and the rows
 * are taken four at a time, each group meeting every reflector while it sits in the first-level cache, two reflectors
 * per pass over it (`applyReflectorPairToFourRows`). Where the engine runs WebAssembly SIMD, the pairs go through
 * `reflectPairFourRows` of `eigenKernels.wat` instead (`wasmReflectorSpace`): the same operations on every entry, so the
 * same bits, two entries per instruction.
 */
import { BYTES_PER_ENTRY, releaseLargeWasmMemory, wasmKernelsWithMemory } from "./wasmKernels";

/**
 * Overwrites `work` (tred2's working array at the end of the reduction, transposed layout: Householder vector i in row
 * i + 1, columns 0 … i, and T's diagonal on the diagonal) with Qᵀ (row k is column k of Q) and moves T's diagonal to
 * `diagonal`, which on entry holds the reflectors' h (H_i = I − u·uᵀ/h, h = d[i + 1]; 0 means H_i = I).
 * `reflectors` (length ≥ size²) is scratch: row i ends up holding v_i = u_i/√h_i, so that H_i = I − v_i·v_iᵀ.
 */
export function accumulateReflectors(work: Float64Array, size: number, diagonal: Float64Array, reflectors: Float64Array): void {
  const n = size;
  const wasm = wasmReflectorSpace(n);
  const vectors = wasm === null ? reflectors : wasm.reflectors;
  for (let i = 0; i < n - 1; i++) {
    const h = diagonal[i + 1] as number;
    const scale = h > 0 ? 1 / Math.sqrt(h) : 0;
    const source = (i + 1) * n;
    const target = i * n;
    for (let k = 0; k <= i; k++) vectors[target + k] = (work[source + k] as number) * scale;
  }
  for (let i = 0; i < n; i++) diagonal[i] = work[i * n + i] as number;
  const rows = wasm === null ? work : wasm.rows;
  rows.fill(0);
  for (let i = 0; i < n; i++) rows[i * n + i] = 1;
  // Row j starts as e_j and meets H_j, …, H_{n−2} (H_i spans columns 0 … i; earlier ones leave e_j as it is, so a
  // group may start at its first row's reflector). Row n − 1 stays e_{n−1}.
  let j = 0;
  if (wasm === null) {
    for (; j + 3 < n - 1; j += 4) applyReflectorsToFourRows(work, n, reflectors, j);
  } else {
    wasm.prepareReflectorPairs();
    for (; j + 3 < n - 1; j += 4) {
      let i = j;
      for (; i + 1 < n - 1; i += 2) wasm.applyReflectorPairToFourRows(j, i);
      if (i < n - 1) applyReflectorToFourRows(rows, n, vectors, j, i);
    }
  }
  for (; j < n - 1; j++) applyReflectorsToRow(rows, n, vectors, j);
  if (wasm !== null) wasm.unload(work);
}

/** Bytes of WebAssembly memory the accumulation uses from address 0 (`wasmReflectorSpace`); the reduction's arrays go after them. */
export function wasmAccumulationBytes(n: number): number {
  return 2 * n * n * BYTES_PER_ENTRY + Math.ceil(n / 2) * 2 * n * BYTES_PER_ENTRY;
}

/**
 * The WebAssembly route's arrays for an n×n accumulation, or null when its kernels are off or unavailable: the rows
 * of the result and the reflectors (n×n each, the same layout as `work` and `reflectors`), and for each pair of
 * reflectors (i, i + 1), i even, an interleaved copy (v_i[k], v_{i+1}[k]) and the overlap v_i·v_{i+1}, which
 * `reflectPairFourRows` in `eigenKernels.wat` reads. Pairs start at even i only: groups of rows start at multiples of 4.
 */
function wasmReflectorSpace(n: number): {
  rows: Float64Array;
  reflectors: Float64Array;
  prepareReflectorPairs(): void;
  applyReflectorPairToFourRows(j: number, i: number): void;
  unload(work: Float64Array): void;
} | null {
  const matrixBytes = n * n * BYTES_PER_ENTRY;
  const rowsAt = 0;
  const reflectorsAt = matrixBytes;
  const pairsAt = 2 * matrixBytes;
  const pairBytes = 2 * n * BYTES_PER_ENTRY;
  const space = wasmKernelsWithMemory(wasmAccumulationBytes(n));
  if (space === null) return null;
  const { kernels, buffer } = space;
  const rows = new Float64Array(buffer, rowsAt, n * n);
  const reflectors = new Float64Array(buffer, reflectorsAt, n * n);
  const pairs = new Float64Array(buffer, pairsAt, Math.ceil(n / 2) * 2 * n);
  const overlaps = new Float64Array(Math.ceil(n / 2));
  const strideBytes = n * BYTES_PER_ENTRY;
  return {
    rows,
    reflectors,
    prepareReflectorPairs(): void {
      for (let i = 0; i + 1 < n - 1; i += 2) {
        const first = i * n;
        const second = first + n;
        const pair = (i / 2) * 2 * n;
        let overlap = 0;
        for (let k = 0; k <= i; k++) {
          const v = reflectors[first + k] as number;
          const w = reflectors[second + k] as number;
          overlap += v * w;
          pairs[pair + 2 * k] = v;
          pairs[pair + 2 * k + 1] = w;
        }
        overlaps[i / 2] = overlap;
      }
    },
    applyReflectorPairToFourRows(j: number, i: number): void {
      kernels.reflectPairFourRows(
        rowsAt + j * strideBytes,
        strideBytes,
        reflectorsAt + i * strideBytes,
        reflectorsAt + (i + 1) * strideBytes,
        pairsAt + (i / 2) * pairBytes,
        i + 1,
        overlaps[i / 2] as number,
      );
    },
    unload(work: Float64Array): void {
      work.set(rows);
      releaseLargeWasmMemory();
    },
  };
}

/** Rows j … j + 3 ← row·H_j·H_{j+1}·…·H_{n−2}, two reflectors per pass while one is left over. */
function applyReflectorsToFourRows(work: Float64Array, n: number, reflectors: Float64Array, j: number): void {
  let i = j;
  for (; i + 1 < n - 1; i += 2) applyReflectorPairToFourRows(work, n, reflectors, j, i);
  if (i < n - 1) applyReflectorToFourRows(work, n, reflectors, j, i);
}

/**
 * Rows j … j + 3 ← row·H_i·H_{i+1} in one pass of dot products and one of updates: with x the row, v = v_i and
 * w = v_{i+1}, x·H_i = x − (x·v)·v, then (x·H_i)·w = x·w − (x·v)·(v·w), so both coefficients come from dot products of
 * the original row. Columns 0 … i + 1 (v's entry i + 1 is 0).
 */
function applyReflectorPairToFourRows(work: Float64Array, n: number, reflectors: Float64Array, j: number, i: number): void {
  const first = i * n;
  const second = first + n;
  const start0 = j * n;
  const start1 = start0 + n;
  const start2 = start1 + n;
  const start3 = start2 + n;
  let overlap = 0;
  let v0 = 0;
  let v1 = 0;
  let v2 = 0;
  let v3 = 0;
  let w0 = 0;
  let w1 = 0;
  let w2 = 0;
  let w3 = 0;
  for (let k = 0; k <= i; k++) {
    const v = reflectors[first + k] as number;
    const w = reflectors[second + k] as number;
    const x0 = work[start0 + k] as number;
    const x1 = work[start1 + k] as number;
    const x2 = work[start2 + k] as number;
    const x3 = work[start3 + k] as number;
    overlap += v * w;
    v0 += x0 * v;
    v1 += x1 * v;
    v2 += x2 * v;
    v3 += x3 * v;
    w0 += x0 * w;
    w1 += x1 * w;
    w2 += x2 * w;
    w3 += x3 * w;
  }
  const last = i + 1;
  const wLast = reflectors[second + last] as number;
  w0 += (work[start0 + last] as number) * wLast;
  w1 += (work[start1 + last] as number) * wLast;
  w2 += (work[start2 + last] as number) * wLast;
  w3 += (work[start3 + last] as number) * wLast;
  w0 -= v0 * overlap;
  w1 -= v1 * overlap;
  w2 -= v2 * overlap;
  w3 -= v3 * overlap;
  for (let k = 0; k <= i; k++) {
    const v = reflectors[first + k] as number;
    const w = reflectors[second + k] as number;
    work[start0 + k] = (work[start0 + k] as number) - (v0 * v + w0 * w);
    work[start1 + k] = (work[start1 + k] as number) - (v1 * v + w1 * w);
    work[start2 + k] = (work[start2 + k] as number) - (v2 * v + w2 * w);
    work[start3 + k] = (work[start3 + k] as number) - (v3 * v + w3 * w);
  }
  work[start0 + last] = (work[start0 + last] as number) - w0 * wLast;
  work[start1 + last] = (work[start1 + last] as number) - w1 * wLast;
  work[start2 + last] = (work[start2 + last] as number) - w2 * wLast;
  work[start3 + last] = (work[start3 + last] as number) - w3 * wLast;
}

/** Rows j … j + 3 ← row·H_i over columns 0 … i. */
function applyReflectorToFourRows(work: Float64Array, n: number, reflectors: Float64Array, j: number, i: number): void {
  const first = i * n;
  const start0 = j * n;
  const start1 = start0 + n;
  const start2 = start1 + n;
  const start3 = start2 + n;
  let g0 = 0;
  let g1 = 0;
  let g2 = 0;
  let g3 = 0;
  for (let k = 0; k <= i; k++) {
    const v = reflectors[first + k] as number;
    g0 += (work[start0 + k] as number) * v;
    g1 += (work[start1 + k] as number) * v;
    g2 += (work[start2 + k] as number) * v;
    g3 += (work[start3 + k] as number) * v;
  }
  for (let k = 0; k <= i; k++) {
    const v = reflectors[first + k] as number;
    work[start0 + k] = (work[start0 + k] as number) - g0 * v;
    work[start1 + k] = (work[start1 + k] as number) - g1 * v;
    work[start2 + k] = (work[start2 + k] as number) - g2 * v;
    work[start3 + k] = (work[start3 + k] as number) - g3 * v;
  }
}

/** Row j ← row·H_j·…·H_{n−2}, one reflector at a time (the rows left over from the groups of four). */
function applyReflectorsToRow(work: Float64Array, n: number, reflectors: Float64Array, j: number): void {
  const start = j * n;
  for (let i = j; i < n - 1; i++) {
    const first = i * n;
    let g = 0;
    for (let k = 0; k <= i; k++) g += (work[start + k] as number) * (reflectors[first + k] as number);
    for (let k = 0; k <= i; k++) work[start + k] = (work[start + k] as number) - g * (reflectors[first + k] as number);
  }
}
