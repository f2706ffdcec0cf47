/*
 * How the fuzzer times a call: CPU time of this process (user + system), not wall-clock time. The functions and the
 * in-process commands are synchronous and CPU-bound, so on an idle machine the two agree; on a machine shared with
 * other work the wall clock also counts the time others ran, which would make the cap and the growth check flaky.
 * Also the switch that makes input generation cheap once a failure's shrinking is out of time (fast-check still walks
 * the remaining candidates, and building a 100,000-cell input for each would take minutes).
 */

/** CPU milliseconds used by this process so far. */
export function cpuMilliseconds(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

let shrinkingOutOfTime = false;

/** Set by the runner while it lets fast-check run out its remaining shrink candidates without calling anything. */
export function setShrinkingOutOfTime(value: boolean): void {
  shrinkingOutOfTime = value;
}

/** True when generated inputs will not be used: generators may return anything small. */
export function isShrinkingOutOfTime(): boolean {
  return shrinkingOutOfTime;
}
