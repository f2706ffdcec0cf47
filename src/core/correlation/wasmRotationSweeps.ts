/*
 * The QL sweeps' rotations in WebAssembly with 128-bit SIMD (`eigenKernels.wat`, loaded by `wasmKernels.ts`), two
 * entries per operation, giving the same bits as the TypeScript kernels of `rotationSweeps.ts`.
 *
 * The kernel works on the eigenvector matrix in the layout `implicitQl.ts` has before its transposition (rotation i
 * mixes rows i and i + 1), copied into the module's memory with each row padded to a multiple of 8 entries, and reads
 * the rotations from cosine and sine arrays in the same memory, which the QL iteration writes directly.
 */
import type { SweepTarget } from "./rotationSweeps";
import { BYTES_PER_ENTRY, releaseLargeWasmMemory, wasmKernelsWithMemory } from "./wasmKernels";

/** Row padding: the sweep kernel takes 8 entries (64 bytes) per block. */
const ENTRIES_PER_BLOCK = 8;

/**
 * A sweep target in WebAssembly memory for an n×n decomposition, or null when the kernels are off or unavailable. The
 * returned cosines and sines (2n each) are where the QL iteration must record its rotations; `load` copies the matrix
 * in, `unload` copies it back (and lets a memory larger than what is kept go).
 */
export function wasmSweepTarget(n: number): (SweepTarget & { cosines: Float64Array; sines: Float64Array; load(matrix: Float64Array): void; unload(matrix: Float64Array): void }) | null {
  const stride = Math.ceil(n / ENTRIES_PER_BLOCK) * ENTRIES_PER_BLOCK;
  const strideBytes = stride * BYTES_PER_ENTRY;
  const cosinesAt = 0;
  const sinesAt = 2 * n * BYTES_PER_ENTRY;
  const matrixAt = Math.ceil((4 * n * BYTES_PER_ENTRY) / 64) * 64;
  const target = wasmKernelsWithMemory(matrixAt + n * strideBytes);
  if (target === null) return null;
  const { kernels, buffer } = target;
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
      releaseLargeWasmMemory();
    },
    applySweep(low: number, high: number, offset: number): void {
      const shift = offset * BYTES_PER_ENTRY;
      kernels.sweep(matrixAt, strideBytes, low, high, cosinesAt + shift, sinesAt + shift);
    },
    applySweepPair(first: readonly [low: number, high: number, offset: number], second: readonly [low: number, high: number, offset: number]): void {
      const firstShift = first[2] * BYTES_PER_ENTRY;
      const secondShift = second[2] * BYTES_PER_ENTRY;
      kernels.sweepPair(
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
