/*
 * Runs one fuzz target with fast-check: seeded runs, each call checked; a violation that is neither known
 * (knownFailures.ts) nor already reported stops the run, fast-check shrinks the input to a minimal one that fails the
 * same check, and (with keepGoing) the run resumes with the next seed so that one run collects every distinct failure.
 */
import fc from "fast-check";
import { performance } from "perf_hooks";
import { setShrinkingOutOfTime } from "./callTiming";
import { describeValue } from "./describeInput";
import type { FuzzTarget } from "./fuzzTarget";
import { KNOWN_FAILURES, KnownFailure, matchKnownFailure } from "./knownFailures";
import type { Violation } from "./violations";

export interface FuzzOptions {
  seed: number;
  runs: number;
  /** After a failure, go on with the next seed (collect every distinct failure) instead of stopping the target. */
  keepGoing: boolean;
  /** Known failures to tolerate (empty with --strict). */
  known: readonly KnownFailure[];
  /** Wall-clock budget for shrinking one failure; past it, the smallest input found so far is reported. */
  shrinkBudgetMs: number;
  /** Called before every call, for the watchdog: which check seed (attempt) and run of it is running (-1 while shrinking). */
  onCall?: (attempt: number, run: number) => void;
}

export interface FailureReport {
  target: string;
  violation: Violation;
  /** Every violation of the minimal input. */
  violations: Violation[];
  minimalInput: string;
  /** fast-check's seed and path: `--replay target:seed:path` re-runs exactly this input. */
  seed: number;
  path: string;
  shrinkSteps: number;
}

export interface KnownHit {
  entry: KnownFailure;
  count: number;
  example: string;
}

export interface TargetReport {
  name: string;
  inputs: number;
  outcomes: Record<string, number>;
  slowest: { durationMs: number; input: string } | null;
  totalMs: number;
  failures: FailureReport[];
  known: KnownHit[];
}

/** FNV-1a of the text, mixed with the seed and the attempt: each target and restart gets its own reproducible seed. */
export function deriveSeed(seed: number, name: string, attempt: number): number {
  let hash = 0x811c9dc5 ^ seed;
  for (const character of `${name}#${attempt}`) hash = Math.imul(hash ^ character.charCodeAt(0), 0x01000193);
  return hash | 0;
}

/** A violation without its particulars (values, positions), to tell distinct failures apart. */
export function signatureOf(target: string, violation: Violation): string {
  const shape = violation.detail
    // Where in the spill or file: the same failure in another cell or line is not a new one.
    .replace(/^(cell \(\d+, \d+\)|error column|thrown error|stderr): /, "")
    .replace(/^(row \d+, column \d+|row \d+|column \d+): /, "")
    .replace(/"[^"]*"/g, '"…"')
    .replace(/-?\d+(\.\d+)?(e[+-]?\d+)?/gi, "#")
    .replace(/\b(BTC|ETH|SOL|ALT|XRP|DOGE|AVAX|LINK|Alt2|bnb|A#)\b/gi, "ASSET")
    .slice(0, 140);
  return `${target}|${violation.check}|${shape}`;
}

export function fuzzTarget<Input>(target: FuzzTarget<Input>, options: FuzzOptions): TargetReport {
  const report: TargetReport = { name: target.name, inputs: 0, outcomes: {}, slowest: null, totalMs: 0, failures: [], known: [] };
  const reported = new Set<string>();
  const knownHits = new Map<KnownFailure, KnownHit>();
  let done = 0;
  for (let attempt = 0; done < options.runs; attempt++) {
    const checkSeed = deriveSeed(options.seed, target.name, attempt);
    let shrinking = false;
    let shrinkStart = 0;
    let pinnedCheck: string | null = null;
    let runsThisCheck = 0;
    const freshViolations = (violations: readonly Violation[]): Violation[] =>
      violations.filter((violation) => {
        const entry = matchKnownFailure(target.name, violation.check, violation.detail, options.known);
        if (entry !== null) {
          if (!shrinking) {
            const hit = knownHits.get(entry) ?? { entry, count: 0, example: violation.detail };
            hit.count++;
            knownHits.set(entry, hit);
          }
          return false;
        }
        return !reported.has(signatureOf(target.name, violation));
      });
    const property = fc.property(target.arbitrary, (input) => {
      if (shrinking && performance.now() - shrinkStart > options.shrinkBudgetMs) {
        setShrinkingOutOfTime(true);
        return true;
      }
      options.onCall?.(attempt, shrinking ? -1 : runsThisCheck);
      const outcome = target.execute(input);
      if (!shrinking) {
        runsThisCheck++;
        report.inputs++;
        report.totalMs += outcome.durationMs;
        report.outcomes[outcome.outcome] = (report.outcomes[outcome.outcome] ?? 0) + 1;
        if (report.slowest === null || outcome.durationMs > report.slowest.durationMs) {
          report.slowest = { durationMs: outcome.durationMs, input: describeValue(target.describe(input), 300) };
        }
      }
      const fresh = freshViolations(outcome.violations);
      if (shrinking) return !fresh.some((violation) => violation.check === pinnedCheck);
      if (fresh.length === 0) return true;
      shrinking = true;
      shrinkStart = performance.now();
      pinnedCheck = fresh[0]?.check ?? null;
      for (const violation of fresh) reported.add(signatureOf(target.name, violation));
      return false;
    });
    let result: fc.RunDetails<[Input]>;
    try {
      result = fc.check(property, { seed: checkSeed, numRuns: options.runs - done });
    } finally {
      setShrinkingOutOfTime(false);
    }
    done += runsThisCheck;
    if (!result.failed) break;
    if (result.counterexample === null) throw new Error(`the fuzzer itself failed on ${target.name}: ${String((result as { errorInstance?: unknown }).errorInstance)}`);
    const minimal = result.counterexample?.[0] as Input;
    const minimalOutcome = target.execute(minimal);
    const pinned = minimalOutcome.violations.find((violation) => violation.check === pinnedCheck) ?? minimalOutcome.violations[0];
    for (const violation of minimalOutcome.violations) reported.add(signatureOf(target.name, violation));
    report.failures.push({
      target: target.name,
      violation: pinned ?? { check: "exception", detail: "the failure did not reproduce on the minimal input (timing?)" },
      violations: minimalOutcome.violations,
      minimalInput: target.describe(minimal),
      seed: checkSeed,
      path: result.counterexamplePath ?? "",
      shrinkSteps: result.numShrinks,
    });
    if (!options.keepGoing) break;
    // A failure at the very first run of every seed would never end: a target that fails everywhere stops here.
    if (runsThisCheck <= 1 && attempt > 50) break;
  }
  report.known = [...knownHits.values()];
  return report;
}

/** Re-runs one input given by fast-check's seed and path (from a failure report) and returns it, unshrunk. */
export function replayInput<Input>(target: FuzzTarget<Input>, seed: number, path: string): Input {
  let captured: Input | undefined;
  const property = fc.property(target.arbitrary, (input) => {
    captured = input;
    return false;
  });
  fc.check(property, { seed, path, endOnFailure: true, numRuns: 1 });
  if (captured === undefined) throw new Error(`no input at seed ${seed} path ${path}`);
  return captured;
}

export const DEFAULT_KNOWN_FAILURES = KNOWN_FAILURES;
