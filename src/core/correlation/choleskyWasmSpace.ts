/*
 * The Cholesky check's WebAssembly route (`choleskyKernel.wat`): the packed triangle and the rows' sums of squares in
 * the kernel's memory, and, for every block of four finished rows, interleaved copies (L_ki, L_(k+1)i) of its two pairs
 * of rows, from which the kernel's tile reads two columns' factors at once. The same bits as the TypeScript tile.
 */
import { rowStartOf } from "./choleskyBlocks";
import { BYTES_PER_ENTRY, choleskyKernelWithMemory } from "./wasmKernels";

export interface CholeskySpace {
  /** The packed lower triangle (row j at j(j+1)/2), in the kernel's memory. */
  triangle: Float64Array;
  /** The rows' Σ_k L_jk² so far, in the kernel's memory. */
  squareSums: Float64Array;
  /** `factorFourRowsLeftOfBlock` of `choleskyBlocks.ts` for the rows first … first + 3, by the kernel. */
  factorFourRowsLeftOfBlock(first: number): void;
  /** After the block's rows are final: their interleaved pairs, for the blocks below. */
  interleaveBlock(first: number): void;
}

/** The space of the last check, kept for the next check of the same size over the same memory. */
let space: (CholeskySpace & { buffer: ArrayBuffer; size: number }) | null = null;

/** Where the interleaved copy of rows k and k + 1 (k even) starts among the pairs: k(k − 2)/2 entries of the earlier pairs. */
function pairStartOf(k: number): number {
  return (k * (k - 2)) >> 1;
}

/** The space for a size×size check, or null when the kernels are off or unavailable. */
export function choleskySpace(size: number): CholeskySpace | null {
  const scratchAt = rowStartOf(size) * BYTES_PER_ENTRY;
  const squareSumsAt = scratchAt + 16 * BYTES_PER_ENTRY; // 16 f64 the kernel keeps its sums in between its two passes
  const pairsAt = squareSumsAt + size * BYTES_PER_ENTRY;
  const pairsLength = Math.max(0, pairStartOf(size + 1));
  const memory = choleskyKernelWithMemory(pairsAt + pairsLength * BYTES_PER_ENTRY);
  if (memory === null) return null;
  if (space !== null && space.buffer === memory.buffer && space.size === size) return space;
  const { kernels, buffer } = memory;
  const triangle = new Float64Array(buffer, 0, rowStartOf(size));
  const squareSums = new Float64Array(buffer, squareSumsAt, size);
  const pairs = new Float64Array(buffer, pairsAt, pairsLength);
  space = {
    buffer,
    size,
    triangle,
    squareSums,
    factorFourRowsLeftOfBlock(first: number): void {
      squareSums.fill(0, first, first + 4); // the kernel adds to them
      kernels.choleskyFourRowsLeftOfBlock(0, first, pairsAt, squareSumsAt + first * BYTES_PER_ENTRY, scratchAt);
    },
    interleaveBlock(first: number): void {
      interleaveRowPair(triangle, pairs, first);
      interleaveRowPair(triangle, pairs, first + 2);
    },
  };
  return space;
}

/** Rows k and k + 1 of L, columns i < k, as pairs (L_ki, L_(k+1)i). */
function interleaveRowPair(triangle: Float64Array, pairs: Float64Array, k: number): void {
  const row = rowStartOf(k);
  const nextRow = row + k + 1;
  const pair = pairStartOf(k);
  for (let i = 0; i < k; i++) {
    pairs[pair + 2 * i] = triangle[row + i] as number;
    pairs[pair + 2 * i + 1] = triangle[nextRow + i] as number;
  }
}
