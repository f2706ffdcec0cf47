/*
 * The WebAssembly SIMD kernels of the eigen-decomposition (`eigenKernels.wat`), the Cholesky check
 * (`choleskyKernel.wat`) and the Newton Jacobian (`jacobianKernels.wat`), where the engine runs them: Node ≥ 16.4,
 * Chromium/Edge WebView2 ≥ 91, Safari ≥ 16.4. Elsewhere (no WebAssembly, no SIMD, or a page whose
 * Content-Security-Policy forbids compiling it) the TypeScript kernels run instead; both give the same result to the
 * bit. This file compiles each module (once) and gives out an instance over a memory large enough for the matrix at
 * hand, in which its callers lay out their arrays.
 */
import { EIGEN_KERNELS_WASM } from "./eigenKernelsBinary";
import { CHOLESKY_KERNEL_WASM } from "./choleskyKernelBinary";
import { JACOBIAN_KERNELS_WASM } from "./jacobianKernelsBinary";

/** The parts of the WebAssembly API used here (the Node build's TypeScript library has no DOM types). */
interface WebAssemblyApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: unknown };
  Memory: new (descriptor: { initial: number }) => { readonly buffer: ArrayBuffer };
}

/** The module's exports (see eigenKernels.wat for each one's layout); addresses and strides in bytes. */
export interface EigenKernels {
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
  reflectPairFourRows(rows: number, strideBytes: number, v: number, w: number, pair: number, count: number, overlap: number): void;
  symmetricProductFourRows(rows: number, strideBytes: number, d: number, e: number, from: number, to: number, f0: number, f1: number, f2: number, f3: number, sums: number): void;
  rankTwoUpdateFourRows(
    rows: number,
    strideBytes: number,
    d: number,
    e: number,
    from: number,
    to: number,
    f0: number,
    f1: number,
    f2: number,
    f3: number,
    g0: number,
    g1: number,
    g2: number,
    g3: number,
  ): void;
}

/** `choleskyKernel.wat`'s export (see there for its layout). */
export interface CholeskyKernel {
  choleskyFourRowsLeftOfBlock(triangle: number, first: number, pairs: number, squareSums: number, scratch: number): void;
}

/** `jacobianKernels.wat`'s export (see there for its layout). */
export interface JacobianKernels {
  crossTermsOfFour(vectors: number, size: number, negativeCount: number, p0: number, w0: number, h: number, out: number, scratch: number, pairs: number): void;
}

export const BYTES_PER_ENTRY = 8;
const PAGE_BYTES = 65_536;
/** Memory kept between calls; a decomposition that needed more lets its memory go afterwards (a 2,000×2,000 matrix is 32 MB). */
const KEPT_MEMORY_BYTES = 64 * 1024 * 1024;

let enabled = true;

/** Turns the WebAssembly kernels off (or on again), for the tests and the benchmark that compare the two routes. */
export function useWasmKernels(use: boolean): void {
  enabled = use;
}

/**
 * One module's loader: compiles it on first use (once) and gives out an instance over a memory of at least the bytes
 * asked for. The memory is made at its size and never grown: growing a WebAssembly memory detaches its old
 * ArrayBuffer, and the first detached buffer in a process makes V8 add a detachment check to every typed-array access
 * in optimised code from then on (measured: the Householder reduction 30% slower for the rest of the process). A larger
 * matrix gets a new instance over a new memory instead; one larger than what is kept is let go after its call.
 */
function kernelLoader<Kernels>(bytes: Uint8Array): {
  available(): boolean;
  withMemory(size: number): { kernels: Kernels; buffer: ArrayBuffer } | null;
  releaseLarge(): void;
} {
  /** undefined: not tried yet; null: unavailable here (the TypeScript kernels run). */
  let compiled: { api: WebAssemblyApi; module: object } | null | undefined;
  /** The instance of the last call, over its memory, kept for the next one of the same size or smaller. */
  let instance: { kernels: Kernels; buffer: ArrayBuffer } | null = null;
  const compile = (): { api: WebAssemblyApi; module: object } | null => {
    if (compiled !== undefined) return compiled;
    try {
      // WebAssembly is the language runtime's, not the host's; the Node build's TypeScript library only lacks its types.
      // eslint-disable-next-line no-restricted-globals
      const api = (globalThis as unknown as { WebAssembly?: WebAssemblyApi }).WebAssembly;
      // Synchronous compilation: each module is under the 4 kB that browsers allow on the main thread.
      compiled = api === undefined ? null : { api, module: new api.Module(bytes) };
    } catch {
      compiled = null; // no SIMD, or compilation forbidden by the page's Content-Security-Policy
    }
    return compiled;
  };
  return {
    available: () => compile() !== null,
    withMemory(size: number): { kernels: Kernels; buffer: ArrayBuffer } | null {
      if (!enabled) return null;
      const code = compile();
      if (code === null) return null;
      if (instance !== null && instance.buffer.byteLength >= size) return instance;
      try {
        const memory = new code.api.Memory({ initial: Math.ceil(size / PAGE_BYTES) });
        const exports = new code.api.Instance(code.module, { kernel: { memory } }).exports as Kernels;
        instance = { kernels: exports, buffer: memory.buffer };
        return instance;
      } catch {
        return null; // more memory than the engine gives a WebAssembly module (4 GB at most): the TypeScript kernels run
      }
    },
    releaseLarge(): void {
      if (instance !== null && instance.buffer.byteLength > KEPT_MEMORY_BYTES) instance = null;
    },
  };
}

const eigenKernels = kernelLoader<EigenKernels>(EIGEN_KERNELS_WASM);
const choleskyKernel = kernelLoader<CholeskyKernel>(CHOLESKY_KERNEL_WASM);
const jacobianKernels = kernelLoader<JacobianKernels>(JACOBIAN_KERNELS_WASM);

/** Whether the WebAssembly kernels can run in this engine (each module compiled on first use, once). */
export function wasmKernelsAvailable(): boolean {
  return eigenKernels.available() && choleskyKernel.available() && jacobianKernels.available();
}

/** The eigen-decomposition's kernels over a memory of at least `bytes`; null when off or unavailable. */
export function wasmKernelsWithMemory(bytes: number): { kernels: EigenKernels; buffer: ArrayBuffer } | null {
  return eigenKernels.withMemory(bytes);
}

/** After a decomposition: lets a memory larger than what is kept go (the next call makes one of its own size). */
export function releaseLargeWasmMemory(): void {
  eigenKernels.releaseLarge();
}

/** The Cholesky check's kernel over a memory of at least `bytes`; null when off or unavailable. */
export function choleskyKernelWithMemory(bytes: number): { kernels: CholeskyKernel; buffer: ArrayBuffer } | null {
  return choleskyKernel.withMemory(bytes);
}

/** The Newton Jacobian's kernel over a memory of at least `bytes`; null when off or unavailable. */
export function jacobianKernelsWithMemory(bytes: number): { kernels: JacobianKernels; buffer: ArrayBuffer } | null {
  return jacobianKernels.withMemory(bytes);
}
