/* What a user is told when the nearest-correlation iteration stopped before converging (XV.NEARCORR, xvega nearcorr). */
import type { NearestCorrelationResult } from "./nearestCorrelation";

/**
 * "not converged: time limit hit after 3 iterations (5.0 s), residual 0.0077 (needs ≤ 1e-10); check for entries far
 * outside −1…1 (typos?); " followed by `remedy` (how to give it more room on that route). Short enough for Excel's
 * 250-character tooltip with a remedy of about 60 characters. Only for a result with `converged` false.
 */
export function describeNotConverged(result: NearestCorrelationResult, tolerance: number, remedy: string): string {
  const limit = result.stoppedBy === "time" ? "time limit" : "iteration cap";
  const seconds = (result.elapsedMilliseconds / 1000).toFixed(1);
  const iterations = `${result.iterations} ${result.iterations === 1 ? "iteration" : "iterations"}`;
  // The residual is the largest distance of a diagonal entry of the PSD projection from 1.
  return (
    `not converged: ${limit} hit after ${iterations} (${seconds} s), residual ${result.residual.toPrecision(2)} (needs ≤ ${tolerance}); ` +
    `check for entries far outside −1…1 (typos?); ${remedy}`
  );
}
