/*
 * A whole fuzz campaign: every XV function and every xvega command, the same seeded way for `npm run fuzz` and for the
 * short run in `npm test`; the report is printed by report.ts.
 */
import { installCustomFunctionsStub } from "../../src/functions/customFunctionsStub";
import { commandTargets } from "./commandTargets";
import { functionTargets } from "./functionTargets";
import { FuzzOptions, TargetReport, fuzzTarget } from "./fuzzRunner";
import type { FuzzTarget } from "./fuzzTarget";
import type { KnownFailure } from "./knownFailures";

installCustomFunctionsStub(globalThis);

/** Per-call cap in CPU milliseconds (callTiming.ts): a call that takes longer fails the run. Excel users wait a few seconds at most. */
export const DEFAULT_TIME_CAP_MS = 5000;

export interface CampaignOptions {
  seed: number;
  /** Inputs in all, shared equally among the targets. */
  count: number;
  keepGoing: boolean;
  known: readonly KnownFailure[];
  timeCapMs: number;
  /** Only targets whose name contains one of these (case-insensitive); all when empty. */
  only: readonly string[];
  shrinkBudgetMs: number;
  /** Called after each target, for progress output. */
  onTargetDone?: (report: TargetReport, index: number, total: number) => void;
  onCall?: (targetIndex: number, attempt: number, run: number) => void;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the campaign holds targets of different input types
export type AnyTarget = FuzzTarget<any>;

export function allTargets(timeCapMs: number): AnyTarget[] {
  return [...functionTargets(timeCapMs), ...commandTargets(timeCapMs)];
}

export function selectTargets(targets: readonly AnyTarget[], only: readonly string[]): AnyTarget[] {
  if (only.length === 0) return [...targets];
  return targets.filter((target) => only.some((name) => target.name.toLowerCase().includes(name.toLowerCase())));
}

export function runCampaign(options: CampaignOptions): TargetReport[] {
  const targets = selectTargets(allTargets(options.timeCapMs), options.only);
  const runsPerTarget = Math.ceil(options.count / Math.max(1, targets.length));
  return targets.map((target, index) => {
    const fuzzOptions: FuzzOptions = {
      seed: options.seed,
      runs: runsPerTarget,
      keepGoing: options.keepGoing,
      known: options.known,
      shrinkBudgetMs: options.shrinkBudgetMs,
      onCall: options.onCall ? (attempt, run) => options.onCall?.(index, attempt, run) : undefined,
    };
    const report = fuzzTarget(target, fuzzOptions);
    options.onTargetDone?.(report, index, targets.length);
    return report;
  });
}
