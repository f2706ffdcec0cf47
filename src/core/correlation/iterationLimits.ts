/* The bounds of a nearest-correlation run: the iteration cap and the wall-clock budget, read from an injectable clock. */

export class IterationLimits {
  private previousCheck: number;

  constructor(
    readonly start: number,
    private readonly maxIterations: number,
    private readonly timeBudgetMilliseconds: number,
    private readonly clock: () => number,
  ) {
    this.previousCheck = start;
  }

  /**
   * What forbids another iteration after `iterations` done: the cap, or the budget. It stops before an iteration that
   * would end past the budget (one more costs about what the last did), so the budget bounds the whole call.
   */
  stopReason(iterations: number): "iterations" | "time" | null {
    if (iterations >= this.maxIterations) return "iterations";
    const now = this.clock();
    const lastIterationMilliseconds = now - this.previousCheck;
    this.previousCheck = now;
    return now - this.start + lastIterationMilliseconds >= this.timeBudgetMilliseconds ? "time" : null;
  }
}
