/*
 * The campaign's printed report: totals per target (inputs, outcomes, slowest call), every failure with its minimal
 * input and how to replay it, the known failures hit, and the timing checks.
 */
import type { FailureReport, TargetReport } from "./fuzzRunner";
import { SUPERLINEAR_FACTOR, type ScalingReport } from "./scalingCheck";

function formatCount(count: number): string {
  return count.toLocaleString("en-US");
}

export function formatTargetLine(report: TargetReport): string {
  const outcomes = Object.entries(report.outcomes)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([outcome, count]) => `${outcome} ${formatCount(count)}`)
    .join(", ");
  const slowest = report.slowest === null ? "-" : `${report.slowest.durationMs.toFixed(1)} ms`;
  const failures = report.failures.length === 0 ? "ok" : `${report.failures.length} FAILURE${report.failures.length === 1 ? "" : "S"}`;
  const known = report.known.reduce((sum, hit) => sum + hit.count, 0);
  return `${report.name.padEnd(16)} ${formatCount(report.inputs).padStart(9)} inputs  ${(report.totalMs / 1000).toFixed(1).padStart(6)} s  slowest ${slowest.padStart(10)}  ${failures}${known > 0 ? ` (${formatCount(known)} known)` : ""}  [${outcomes}]`;
}

export function formatFailure(failure: FailureReport, seed: number, count: number): string {
  const others = failure.violations.filter((violation) => violation !== failure.violation);
  return [
    `FAILURE ${failure.target}: ${failure.violation.check}`,
    `  ${failure.violation.detail}`,
    ...others.map((violation) => `  also ${violation.check}: ${violation.detail}`),
    `  minimal input (${failure.shrinkSteps} shrink steps): ${failure.minimalInput}`,
    `  replay: npm run fuzz -- --replay '${failure.target}:${failure.seed}:${failure.path}'`,
    `  rerun:  npm run fuzz -- --seed ${seed} --count ${count} --only '${failure.target}'`,
  ].join("\n");
}

export function formatReport(reports: readonly TargetReport[], scaling: readonly ScalingReport[], seed: number, count: number, elapsedMs: number): string {
  const lines: string[] = [];
  const failures = reports.flatMap((report) => report.failures);
  for (const failure of failures) lines.push(formatFailure(failure, seed, count), "");
  const knownHits = reports.flatMap((report) => report.known.map((hit) => ({ target: report.name, hit })));
  if (knownHits.length > 0) {
    lines.push("Known failures hit (test/fuzz/knownFailures.ts; not counted as failures):");
    for (const { target, hit } of knownHits) lines.push(`  ${target}: ${hit.entry.check} ×${formatCount(hit.count)} (${hit.entry.reason}) e.g. ${hit.example.slice(0, 160)}`);
    lines.push("");
  }
  lines.push("Totals:");
  for (const report of reports) lines.push(`  ${formatTargetLine(report)}`);
  const inputs = reports.reduce((sum, report) => sum + report.inputs, 0);
  const slowest = reports.reduce<TargetReport | null>((worst, report) => (report.slowest && (!worst?.slowest || report.slowest.durationMs > worst.slowest.durationMs) ? report : worst), null);
  lines.push(`  all: ${formatCount(inputs)} inputs in ${(elapsedMs / 1000).toFixed(1)} s, seed ${seed}`);
  if (slowest?.slowest) lines.push(`  slowest call: ${slowest.name} ${slowest.slowest.durationMs.toFixed(1)} ms on ${slowest.slowest.input}`);
  if (scaling.length > 0) {
    lines.push(`Time against size (fastest of 3; fails past the cap, or when time per cell at the largest size is more than ${SUPERLINEAR_FACTOR}× that at a smaller one):`);
    for (const entry of scaling) lines.push(`  ${entry.summary}${entry.known ? " (known failure)" : ""}`);
  }
  const scalingFailures = scaling.filter((entry) => entry.violation !== null && !entry.known).length;
  lines.push(failures.length + scalingFailures === 0 ? "RESULT: no failure" : `RESULT: ${failures.length + scalingFailures} distinct failure(s)`);
  return lines.join("\n");
}
