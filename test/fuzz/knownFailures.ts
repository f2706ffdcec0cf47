/*
 * KNOWN FAILURES: defects the fuzzer finds that an open issue tracks. A violation matching an entry is counted and
 * reported as "known", and does not fail `npm run fuzz` or the short run in `npm test`; every other violation does.
 * `--strict` ignores the list. Never add an entry to silence a failure without an open issue that tracks it.
 */
import type { CheckName } from "./violations";

export interface KnownFailure {
  /** Target names it applies to ("XV.NEARCORR", "xvega hedge"). */
  target: RegExp;
  check: CheckName;
  /** Matched against the violation's detail. */
  detail: RegExp;
  /** The issue item that fixes it. */
  reason: string;
}

// Empty: every issue-8 defect the fuzzer found is fixed. A new entry needs an open issue that tracks it.
export const KNOWN_FAILURES: readonly KnownFailure[] = [];

/** The known failure a violation matches, or null. */
export function matchKnownFailure(target: string, check: CheckName, detail: string, known: readonly KnownFailure[] = KNOWN_FAILURES): KnownFailure | null {
  return known.find((entry) => entry.check === check && entry.target.test(target) && entry.detail.test(detail)) ?? null;
}
