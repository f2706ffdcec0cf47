/*
 * The peer for the nearest-correlation section: Higham's alternating projections with Dykstra's correction in numpy
 * (OpenBLAS's eigh), run in a python3 child process on the very matrices the section times. Skipped, with a message,
 * when python3 or numpy is missing. OpenBLAS runs single-threaded (OPENBLAS_NUM_THREADS=1), like our JavaScript: on a
 * small shared machine its default thread pool spins against other processes and ran 10–20× slower here, which would
 * flatter us.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

/**
 * Higham (2002) Algorithm 3.3, W = I; stops at max|1 − diag P_S(R)| ≤ tolerance like ours. One untimed run, then the
 * median of `repetitions` (one timed run for matrices over 200: plain Higham needs hundreds of iterations there).
 */
const PYTHON_SCRIPT = String.raw`
import json, sys, time
import numpy as np
problems = json.load(open(sys.argv[1]))
tolerance, repetitions = float(sys.argv[2]), int(sys.argv[3])
def higham(a):
    y = a.copy(); ds = np.zeros_like(a); it = 0
    while True:
        it += 1
        r = y - ds
        w, v = np.linalg.eigh(r)
        x = (v * np.maximum(w, 0)) @ v.T
        ds = x - r
        if np.max(np.abs(np.diag(x) - 1)) <= tolerance or it >= 5000:
            return x, it
        y = x.copy(); np.fill_diagonal(y, 1)
out = []
for p in problems:
    a = np.array(p, dtype=float); a = (a + a.T) / 2
    if len(a) <= 200: higham(a)
    times = []
    for _ in range(repetitions if len(a) <= 200 else 1):
        t = time.perf_counter(); x, it = higham(a); times.append((time.perf_counter() - t) * 1000)
    out.append({"milliseconds": sorted(times)[len(times) // 2], "iterations": it})
print(json.dumps(out))
`;

export interface PeerTiming {
  milliseconds: number;
  iterations: number;
}

/** Median milliseconds per matrix, or a reason the peer could not run. */
export function timeNumpyHigham(problems: readonly (readonly (readonly number[])[])[], tolerance: number, repetitions: number): PeerTiming[] | string {
  const probe = spawnSync("python3", ["-c", "import numpy"], { encoding: "utf8" });
  if (probe.error !== undefined || probe.status !== 0) return "python3 with numpy not found: peer skipped";
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), "xvega-nearcorr-"));
  try {
    const input = path.join(directory, "matrices.json");
    const script = path.join(directory, "higham.py");
    fs.writeFileSync(input, JSON.stringify(problems));
    fs.writeFileSync(script, PYTHON_SCRIPT);
    const run = spawnSync("python3", [script, input, String(tolerance), String(repetitions)], {
      encoding: "utf8",
      maxBuffer: 1 << 24,
      env: { ...process.env, OPENBLAS_NUM_THREADS: "1", OMP_NUM_THREADS: "1" },
    });
    if (run.status !== 0) return `numpy peer failed: ${run.stderr.trim().split("\n").pop() ?? "no message"}`;
    return JSON.parse(run.stdout) as PeerTiming[];
  } finally {
    fs.rmSync(directory, { recursive: true, force: true });
  }
}
