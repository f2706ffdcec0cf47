import { CHOLESKY_KERNEL_WASM } from "../../../src/core/correlation/choleskyKernelBinary";
import { EIGEN_KERNELS_WASM } from "../../../src/core/correlation/eigenKernelsBinary";
import { JACOBIAN_KERNELS_WASM } from "../../../src/core/correlation/jacobianKernelsBinary";

// scripts/build-wasm.js is CommonJS and untyped: the two functions this test needs.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const buildWasm = require("../../../scripts/build-wasm.js") as {
  KERNELS: { source: string; output: string; constant: string }[];
  assembleKernel(source: string): Promise<Uint8Array>;
};

const COMMITTED: Record<string, Uint8Array> = { EIGEN_KERNELS_WASM, CHOLESKY_KERNEL_WASM, JACOBIAN_KERNELS_WASM };
/** Chromium refuses to compile a larger module synchronously on a page's main thread, where custom functions run. */
const SYNCHRONOUS_COMPILE_LIMIT_BYTES = 4096;

describe("WebAssembly kernel binaries", () => {
  test.each(buildWasm.KERNELS.map((kernel) => [kernel.constant, kernel] as const))("%s is what its .wat source assembles to, and small enough to compile synchronously", async (_name, kernel) => {
    const committed = COMMITTED[kernel.constant];
    expect(committed).toBeDefined();
    const assembled = await buildWasm.assembleKernel(kernel.source);
    expect(Array.from(committed ?? [])).toEqual(Array.from(assembled));
    expect(assembled.length).toBeLessThan(SYNCHRONOUS_COMPILE_LIMIT_BYTES);
  });
});
