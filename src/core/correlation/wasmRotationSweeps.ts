/*
 * The QL sweeps' rotations run in WebAssembly with 128-bit SIMD (`rotationKernel.wat`), two entries per operation,
 * where the engine allows it: Node ≥ 16.4, Chromium/Edge WebView2 ≥ 91, Safari ≥ 16.4. Elsewhere (no WebAssembly, no
 * SIMD, or a page whose Content-Security-Policy forbids compiling it) the TypeScript kernels of `rotationSweeps.ts`
 * run instead. Both give the same result to the bit: every entry goes through the same operations in the same order.
 *
 * The kernel works on the eigenvector matrix in the layout `implicitQl.ts` has before its transposition (rotation i
 * mixes rows i and i + 1), copied into the module's memory with each row padded to a multiple of 8 entries, and reads
 * the rotations from cosine and sine arrays in the same memory, which the QL iteration writes directly.
 */
import { ROTATION_KERNEL_WASM } from "./rotationKernelBinary";
import type { SweepTarget } from "./rotationSweeps";

/** The parts of the WebAssembly API used here (the Node build's TypeScript library has no DOM types). */
interface WebAssemblyApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: unknown };
  Memory: new (descriptor: { initial: number }) => { readonly buffer: ArrayBuffer };
}

interface RotationKernel {
  sweep(matrix: number, strideBytes: number, low: number, high: number, cosines: number, sines: number): void;
  sweepPair(
    matrix: number,
    strideBytes: number,
    firstLow: number,
    firstHigh: number,
    firstCosines: number,
    firstSines: number,
    secondLow: number,
    secondHigh: number,
    secondCosines: number,
    secondSines: number,
  ): void;
}

const BYTES_PER_ENTRY = 8;
const PAGE_BYTES = 65_536;
/** Row padding: the kernel takes 8 entries (64 bytes) per block. */
const ENTRIES_PER_BLOCK = 8;
/** Memory kept between calls; a decomposition that needed more lets its memory go afterwards (a 2,000×2,000 matrix is 32 MB). */
const KEPT_MEMORY_BYTES = 64 * 1024 * 1024;

/** undefined: not tried yet; null: unavailable here (the TypeScript kernels run). */
let compiled: { api: WebAssemblyApi; module: object } | null | undefined;
/** The instance of the last decomposition, over its memory, kept for the next one of the same size or smaller. */
let instance: { kernel: RotationKernel; buffer: ArrayBuffer } | null = null;
let enabled = true;

/** Turns the WebAssembly kernel off (or on again), for the tests and the benchmark that compare the two routes. */
export function useWasmRotations(use: boolean): void {
  enabled = use;
}

/** Whether the WebAssembly kernel can run in this engine (compiled on first use, once). */
export function wasmRotationsAvailable(): boolean {
  return compileKernel() !== null;
}

function compileKernel(): { api: WebAssemblyApi; module: object } | null {
  if (compiled !== undefined) return compiled;
  try {
    // WebAssembly is the language runtime's, not the host's; the Node build's TypeScript library only lacks its types.
    // eslint-disable-next-line no-restricted-globals
    const api = (globalThis as unknown as { WebAssembly?: WebAssemblyApi }).WebAssembly;
    // Synchronous compilation: the module is about 1 kB, under the 4 kB that browsers allow on the main thread.
    compiled = api === undefined ? null : { api, module: new api.Module(ROTATION_KERNEL_WASM) };
  } catch {
    compiled = null; // no SIMD, or compilation forbidden by the page's Content-Security-Policy
  }
  return compiled;
}

/**
 * An instance whose memory holds at least `bytes`. The memory is made at its size and never grown: growing a
 * WebAssembly memory detaches its old ArrayBuffer, and the first detached buffer in a process makes V8 add a
 * detachment check to every typed-array access in optimised code from then on (measured: the Householder reduction
 * 30% slower for the rest of the process). A larger matrix gets a new instance over a new memory instead.
 */
function instanceWithMemory(bytes: number): { kernel: RotationKernel; buffer: ArrayBuffer } | null {
  const kernelCode = compileKernel();
  if (kernelCode === null) return null;
  if (instance !== null && instance.buffer.byteLength >= bytes) return instance;
  const memory = new kernelCode.api.Memory({ initial: Math.ceil(bytes / PAGE_BYTES) });
  const exports = new kernelCode.api.Instance(kernelCode.module, { kernel: { memory } }).exports as RotationKernel;
  instance = { kernel: exports, buffer: memory.buffer };
  return instance;
}

/**
 * A sweep target in WebAssembly memory for an n×n decomposition, or null when the kernel is off or unavailable. The
 * returned cosines and sines (2n each) are where the QL iteration must record its rotations; `load` copies the matrix
 * in, `unload` copies it back (and lets the module go when it grew past what is kept).
 */
export function wasmSweepTarget(n: number): (SweepTarget & { cosines: Float64Array; sines: Float64Array; load(matrix: Float64Array): void; unload(matrix: Float64Array): void }) | null {
  if (!enabled) return null;
  const stride = Math.ceil(n / ENTRIES_PER_BLOCK) * ENTRIES_PER_BLOCK;
  const strideBytes = stride * BYTES_PER_ENTRY;
  const cosinesAt = 0;
  const sinesAt = 2 * n * BYTES_PER_ENTRY;
  const matrixAt = Math.ceil((4 * n * BYTES_PER_ENTRY) / 64) * 64;
  const target = instanceWithMemory(matrixAt + n * strideBytes);
  if (target === null) return null;
  const { kernel, buffer } = target;
  const rows = new Float64Array(buffer, matrixAt, n * stride);
  return {
    cosines: new Float64Array(buffer, cosinesAt, 2 * n),
    sines: new Float64Array(buffer, sinesAt, 2 * n),
    load(matrix: Float64Array): void {
      for (let row = 0; row < n; row++) {
        rows.set(matrix.subarray(row * n, row * n + n), row * stride);
        rows.fill(0, row * stride + n, row * stride + stride);
      }
    },
    unload(matrix: Float64Array): void {
      for (let row = 0; row < n; row++) matrix.set(rows.subarray(row * stride, row * stride + n), row * n);
      if (buffer.byteLength > KEPT_MEMORY_BYTES) instance = null;
    },
    applySweep(low: number, high: number, offset: number): void {
      const shift = offset * BYTES_PER_ENTRY;
      kernel.sweep(matrixAt, strideBytes, low, high, cosinesAt + shift, sinesAt + shift);
    },
    applySweepPair(first: readonly [low: number, high: number, offset: number], second: readonly [low: number, high: number, offset: number]): void {
      const firstShift = first[2] * BYTES_PER_ENTRY;
      const secondShift = second[2] * BYTES_PER_ENTRY;
      kernel.sweepPair(
        matrixAt,
        strideBytes,
        first[0],
        first[1],
        cosinesAt + firstShift,
        sinesAt + firstShift,
        second[0],
        second[1],
        cosinesAt + secondShift,
        sinesAt + secondShift,
      );
    },
  };
}
