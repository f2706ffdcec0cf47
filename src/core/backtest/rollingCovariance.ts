/*
 * Covariance estimates updated one change at a time, so that a backtest of D days costs O(D·n²) instead of
 * O(D·window·n²). Flat Float64Array storage of the estimate, upper triangle only; `copyInto` mirrors it.
 */

/** A covariance estimate that moves forward one change at a time. */
export interface RollingCovariance {
  /** Takes the change at the end of the history seen so far. */
  push(change: readonly number[]): void;
  /** The current estimate, written into `target` (n × n, exactly symmetric). */
  copyInto(target: number[][]): void;
}

/**
 * Sample covariance (mean removed, divisor m − 1) of the last `window` changes. Each step adds the newest change and
 * drops the oldest with West's (1979) updates of the mean and the co-moment C = Σ(x − x̄)(x − x̄)ᵀ:
 *   add x:    δ = x − x̄,  x̄ += δ/(m + 1),  C += m/(m + 1)·δδᵀ
 *   remove x: δ = x − x̄,  x̄ −= δ/(m − 1),  C −= m/(m − 1)·δδᵀ
 * which, unlike running sums of x and xxᵀ, do not cancel catastrophically when the mean is large against the spread.
 * Rounding still accumulates, so every `window` steps the estimate is recomputed from the window (two passes): the
 * drift stays at a few ulps, at an amortised cost of one more update per step.
 */
export class SlidingSampleCovariance implements RollingCovariance {
  private readonly size: number;
  private readonly window: number;
  private readonly recent: (readonly number[])[] = [];
  private readonly mean: Float64Array;
  private readonly comoment: Float64Array;
  private readonly centred: Float64Array;
  private stepsSinceRefresh = 0;
  /** Changes in the mean and co-moment now (the window fills up first). */
  private count = 0;

  constructor(size: number, window: number) {
    this.size = size;
    this.window = window;
    this.mean = new Float64Array(size);
    this.comoment = new Float64Array(size * size);
    this.centred = new Float64Array(size);
  }

  push(change: readonly number[]): void {
    this.recent.push(change);
    if (this.recent.length <= this.window) {
      this.update(change, 1);
      return;
    }
    const oldest = this.recent.shift() as readonly number[];
    this.stepsSinceRefresh++;
    if (this.stepsSinceRefresh >= this.window) {
      this.refresh();
      return;
    }
    this.update(change, 1);
    this.update(oldest, -1);
  }

  copyInto(target: number[][]): void {
    const divisor = this.count - 1;
    for (let i = 0; i < this.size; i++) {
      const row = target[i] as number[];
      for (let j = i; j < this.size; j++) {
        const value = (this.comoment[i * this.size + j] as number) / divisor;
        row[j] = value;
        (target[j] as number[])[i] = value;
      }
    }
  }

  /** Adds (`sign` 1) or removes (−1) one change. The window never empties (it holds at least 2 changes). */
  private update(change: readonly number[], sign: 1 | -1): void {
    const countBefore = this.count;
    const countAfter = countBefore + sign;
    this.count = countAfter;
    const { size, mean, comoment, centred } = this;
    for (let i = 0; i < size; i++) centred[i] = (change[i] as number) - (mean[i] as number);
    for (let i = 0; i < size; i++) mean[i] = (mean[i] as number) + (sign * (centred[i] as number)) / countAfter;
    const factor = (sign * countBefore) / countAfter;
    for (let i = 0; i < size; i++) {
      const scaled = factor * (centred[i] as number);
      const offset = i * size;
      for (let j = i; j < size; j++) comoment[offset + j] = (comoment[offset + j] as number) + scaled * (centred[j] as number);
    }
  }

  /** Mean and co-moment of the window from scratch, in two passes. */
  private refresh(): void {
    const { size, mean, comoment, centred, recent } = this;
    this.stepsSinceRefresh = 0;
    this.count = recent.length;
    mean.fill(0);
    comoment.fill(0);
    for (const change of recent) for (let i = 0; i < size; i++) mean[i] = (mean[i] as number) + (change[i] as number);
    for (let i = 0; i < size; i++) mean[i] = (mean[i] as number) / recent.length;
    for (const change of recent) {
      for (let i = 0; i < size; i++) centred[i] = (change[i] as number) - (mean[i] as number);
      for (let i = 0; i < size; i++) {
        const offset = i * size;
        const centredI = centred[i] as number;
        for (let j = i; j < size; j++) comoment[offset + j] = (comoment[offset + j] as number) + centredI * (centred[j] as number);
      }
    }
  }
}

/**
 * EWMA covariance with a zero mean over every change so far, weights λ^age normalised to sum to 1 (XV.VOLCORR's):
 * S ← λ·S + xxᵀ and W ← λ·W + 1, estimate S/W. The sums only decay, so there is nothing to cancel.
 */
export class ExponentialCovariance implements RollingCovariance {
  private readonly size: number;
  private readonly lambda: number;
  private readonly weighted: Float64Array;
  private totalWeight = 0;

  constructor(size: number, lambda: number) {
    this.size = size;
    this.lambda = lambda;
    this.weighted = new Float64Array(size * size);
  }

  push(change: readonly number[]): void {
    const { size, lambda, weighted } = this;
    this.totalWeight = lambda * this.totalWeight + 1;
    for (let i = 0; i < size; i++) {
      const offset = i * size;
      const changeI = change[i] as number;
      for (let j = i; j < size; j++) weighted[offset + j] = lambda * (weighted[offset + j] as number) + changeI * (change[j] as number);
    }
  }

  copyInto(target: number[][]): void {
    for (let i = 0; i < this.size; i++) {
      const row = target[i] as number[];
      for (let j = i; j < this.size; j++) {
        const value = (this.weighted[i * this.size + j] as number) / this.totalWeight;
        row[j] = value;
        (target[j] as number[])[i] = value;
      }
    }
  }
}
