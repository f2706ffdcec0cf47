/*
 * Set-ups for the workbook tests. The matrices need not be valid correlations (the gateway does not check them); the
 * numbers are chosen to need all 17 significant digits, so a lossy round trip shows.
 */
import type { CorrelationConfig } from "../../../src/taskpane/correlation/correlationConfig";

/** A symmetric matrix with a unit diagonal and awkward off-diagonal doubles. */
export function awkwardMatrix(size: number): number[][] {
  return Array.from({ length: size }, (_, i) =>
    Array.from({ length: size }, (_, j) => (i === j ? 1 : (0.1 + 0.2) * Math.sin(1 + i + j) - 1 / 3 / (1 + i * j))),
  );
}

export function sampleConfig(assets: string[] = ["BTC", "ETH", "SOL"]): CorrelationConfig {
  return {
    assets,
    correlations: awkwardMatrix(assets.length),
    volOfVols: assets.map((_, k) => (k === 1 ? null : 0.0123456789012345 * (k + 1) + Math.PI / 1e6)),
    changes: "log",
    metadata: { asOf: "2026-11-21T08:00:00.000Z", source: "history", method: "ewma", lambda: 0.94, repaired: true },
  };
}
