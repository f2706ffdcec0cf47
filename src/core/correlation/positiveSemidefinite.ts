import { BLOCK_ROWS, factorBlockTriangle, factorFourRowsLeftOfBlock, factorPartialBlock, rowStartOf } from "./choleskyBlocks";
import { type CholeskySpace, choleskySpace } from "./choleskyWasmSpace";
import type { SquareMatrix } from "./symmetricMatrix";

/**
 * True when the symmetrised matrix S = (A + Aᵀ)/2 has smallest eigenvalue > −tolerance, tested by a Cholesky
 * factorisation S + tolerance·I = L·Lᵀ: it succeeds (every pivot > 0) exactly when that matrix is positive definite.
 * `values` must be square with finite entries (check them first); it is not touched.
 *
 * Why not ml-matrix's CholeskyDecomposition: it reads and writes through get/set on Matrix objects and needs an exactly
 * symmetric Matrix copy first; this is the same algorithm on a packed lower triangle (choleskyPivotsPositive). Every
 * entry of L is computed with JAMA's (ml-matrix's) arithmetic in the same order, so every pivot, and therefore every
 * answer, is bit-for-bit the one `new CholeskyDecomposition(S + tolerance·I).isPositiveDefinite()` gives.
 */
export function isPositiveSemidefiniteWithin(values: SquareMatrix, tolerance: number): boolean {
  const size = values.length;
  const workspace = packedWorkspace(size);
  const triangle = workspace.triangle;
  for (let row = 0; row < size; row++) {
    const rowValues = values[row] as readonly number[];
    const rowStart = rowStartOf(row);
    for (let column = 0; column < row; column++) {
      triangle[rowStart + column] = (((values[column] as readonly number[])[row] as number) + (rowValues[column] as number)) / 2;
    }
    triangle[rowStart + row] = (rowValues[row] as number) + tolerance;
  }
  return choleskyPivotsPositive(workspace, size);
}

/**
 * `isPositiveSemidefiniteWithin` for an exactly symmetric matrix, row-major in one array (as
 * `writeSymmetricPartIfEntriesValid` writes it): its lower triangle is copied row by row, nothing is averaged.
 */
export function isSymmetricFlatPositiveSemidefiniteWithin(values: Float64Array, size: number, tolerance: number): boolean {
  const workspace = packedWorkspace(size);
  copyLowerTriangle(values, size, tolerance, workspace.triangle);
  return choleskyPivotsPositive(workspace, size);
}

/**
 * The lower triangle of `values` (+ tolerance on the diagonal) packed into `triangle`. A function of its own: with this
 * loop inline, V8 optimised the caller on stack replacement inside it, before the call after the loop had any type
 * feedback, and threw that code away at that call ("insufficient type feedback for call"), 31 times in 4,000 checks.
 */
function copyLowerTriangle(values: Float64Array, size: number, tolerance: number, triangle: Float64Array): void {
  for (let row = 0; row < size; row++) {
    const rowOffset = row * size;
    const rowStart = rowStartOf(row);
    for (let column = 0; column < row; column++) triangle[rowStart + column] = values[rowOffset + column] as number;
    triangle[rowStart + row] = (values[rowOffset + row] as number) + tolerance;
  }
}

/**
 * The Cholesky factor L of the exactly symmetric matrix + tolerance·I that `isSymmetricFlatPositiveSemidefiniteWithin`
 * computes (packed lower triangle, row j at j(j+1)/2), as a copy; null when a pivot is not positive. For the tests that
 * compare the WebAssembly and TypeScript routes bit for bit.
 */
export function packedCholeskyFactor(values: Float64Array, size: number, tolerance: number): Float64Array | null {
  if (!isSymmetricFlatPositiveSemidefiniteWithin(values, size, tolerance)) return null;
  return Float64Array.from(packedWorkspace(size).triangle.subarray(0, rowStartOf(size)));
}

/**
 * The packed lower triangle factored and the rows' sums of squares, reused from call to call (the check is
 * synchronous, so no two calls share them): a fresh 205×205 triangle each time cost more in allocation and garbage
 * collection than the copy into it. Where the engine runs WebAssembly SIMD they live in the kernel's memory
 * (`choleskyWasmSpace.ts`).
 */
interface PackedWorkspace {
  triangle: Float64Array;
  squareSums: Float64Array;
  /** The WebAssembly route, or null for the TypeScript tile. */
  wasm: CholeskySpace | null;
}

let typeScriptWorkspace: PackedWorkspace = { triangle: new Float64Array(0), squareSums: new Float64Array(0), wasm: null };
let wasmWorkspace: PackedWorkspace | null = null;

function packedWorkspace(size: number): PackedWorkspace {
  const wasm = choleskySpace(size);
  if (wasm !== null) {
    if (wasmWorkspace === null || wasmWorkspace.wasm !== wasm) wasmWorkspace = { triangle: wasm.triangle, squareSums: wasm.squareSums, wasm };
    return wasmWorkspace;
  }
  if (typeScriptWorkspace.triangle.length < rowStartOf(size) || typeScriptWorkspace.squareSums.length < size) {
    typeScriptWorkspace = { triangle: new Float64Array(rowStartOf(size)), squareSums: new Float64Array(size), wasm: null };
  }
  return typeScriptWorkspace;
}

/**
 * Factors the packed lower triangle in place as JAMA does (`choleskyBlocks.ts`), four rows at a time: the columns left
 * of the block (the tile, in WebAssembly where it runs), then the block's own triangle and pivots; the rows left over
 * one by one. Stops at the first pivot ≤ 0, where ml-matrix's flag turns false for good; true when every pivot is > 0.
 */
function choleskyPivotsPositive(workspace: PackedWorkspace, size: number): boolean {
  const { triangle, squareSums, wasm } = workspace;
  let first = 0;
  for (; first + BLOCK_ROWS <= size; first += BLOCK_ROWS) {
    if (wasm === null) factorFourRowsLeftOfBlock(triangle, first, squareSums);
    else wasm.factorFourRowsLeftOfBlock(first);
    if (!factorBlockTriangle(triangle, first, squareSums)) return false;
    wasm?.interleaveBlock(first);
  }
  return factorPartialBlock(triangle, first, size, squareSums);
}
