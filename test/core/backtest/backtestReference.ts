/*
 * A straightforward route to the backtest, written from the definitions and independently of the engine:
 * every Σ_k from scratch (two passes, or the EWMA weights λ^age summed directly), the hedge by Gaussian elimination
 * of (Σ_pp + μI)h = −Σ_p·v (the engine uses an eigen-decomposition), the statistics from their textbook formulas.
 */

export interface ReferenceDay {
  date: number | string;
  unhedged: number;
  hedge: number;
  hedged: number;
  hedgeVegas: number[];
}

export function solveLinear(matrix: number[][], rightHandSide: number[]): number[] {
  const size = rightHandSide.length;
  const a = matrix.map((row, i) => [...row, rightHandSide[i] as number]);
  for (let column = 0; column < size; column++) {
    let pivot = column;
    for (let row = column + 1; row < size; row++) if (Math.abs(a[row]![column]!) > Math.abs(a[pivot]![column]!)) pivot = row;
    [a[column], a[pivot]] = [a[pivot]!, a[column]!];
    for (let row = column + 1; row < size; row++) {
      const factor = a[row]![column]! / a[column]![column]!;
      for (let k = column; k <= size; k++) a[row]![k]! -= factor * a[column]![k]!;
    }
  }
  const solution = new Array<number>(size).fill(0);
  for (let row = size - 1; row >= 0; row--) {
    let sum = a[row]![size]!;
    for (let k = row + 1; k < size; k++) sum -= a[row]![k]! * solution[k]!;
    solution[row] = sum / a[row]![row]!;
  }
  return solution;
}

export function referenceCovariance(changes: number[][], lambda: number | null): number[][] {
  const size = changes[0]!.length;
  const result = Array.from({ length: size }, () => new Array<number>(size).fill(0));
  if (lambda === null) {
    const means = Array.from({ length: size }, (_, i) => changes.reduce((sum, row) => sum + row[i]!, 0) / changes.length);
    for (let i = 0; i < size; i++) for (let j = 0; j < size; j++) {
      result[i]![j] = changes.reduce((sum, row) => sum + (row[i]! - means[i]!) * (row[j]! - means[j]!), 0) / (changes.length - 1);
    }
    return result;
  }
  const weights = changes.map((_, t) => lambda ** (changes.length - 1 - t));
  const total = weights.reduce((sum, w) => sum + w, 0);
  for (let i = 0; i < size; i++) for (let j = 0; j < size; j++) {
    result[i]![j] = changes.reduce((sum, row, t) => sum + weights[t]! * row[i]! * row[j]!, 0) / total;
  }
  return result;
}

/** `columns`: history column names; `levels`: rows of numbers or null (gaps); `book`: vega per asset; proxies by name. */
export function referenceBacktest(options: {
  columns: string[];
  levels: (number | null)[][];
  dates: (number | string)[];
  book: Record<string, number>;
  proxies: string[];
  window: number;
  lambda: number | null;
  ridge: number;
  rebalance: number;
}): { days: ReferenceDay[]; inSample: number[]; hedgesSet: number[][] } {
  const used = [...new Set([...Object.keys(options.book), ...options.proxies])];
  const columnOf = used.map((name) => options.columns.indexOf(name));
  const rows = options.levels.map((row) => columnOf.map((c) => row[c] ?? null));
  const changes: number[][] = [];
  const changeDates: (number | string)[] = [];
  for (let r = 1; r < rows.length; r++) {
    if (rows[r]!.some((x) => x === null) || rows[r - 1]!.some((x) => x === null)) continue;
    changes.push(rows[r]!.map((x, i) => (x as number) - (rows[r - 1]![i] as number)));
    changeDates.push(options.dates[r]!);
  }
  const v = used.map((name) => options.book[name] ?? 0);
  const p = options.proxies.map((name) => used.indexOf(name));
  const days: ReferenceDay[] = [];
  const inSample: number[] = [];
  const hedgesSet: number[][] = [];
  let h = p.map(() => 0);
  for (let k = options.window; k < changes.length; k++) {
    if ((k - options.window) % options.rebalance === 0) {
      const past = options.lambda === null ? changes.slice(k - options.window, k) : changes.slice(0, k);
      const sigma = referenceCovariance(past, options.lambda);
      const mu = (options.ridge * p.reduce((sum, i) => sum + sigma[i]![i]!, 0)) / p.length;
      const a = p.map((i, x) => p.map((j, y) => sigma[i]![j]! + (x === y ? mu : 0)));
      const c = p.map((i) => -v.reduce((sum, vj, j) => sum + sigma[i]![j]! * vj, 0));
      h = solveLinear(a, c);
      const w = [...v];
      p.forEach((i, x) => (w[i] = w[i]! + h[x]!));
      const quad = (x: number[]): number => x.reduce((s, xi, i) => s + xi * x.reduce((t, xj, j) => t + sigma[i]![j]! * xj, 0), 0);
      inSample.push(Math.min(1, Math.max(0, 1 - quad(w) / quad(v))));
      hedgesSet.push(h);
    }
    const d = changes[k]!;
    const unhedged = v.reduce((s, vi, i) => s + vi * d[i]!, 0);
    const hedge = p.reduce((s, i, x) => s + h[x]! * d[i]!, 0);
    days.push({ date: changeDates[k]!, unhedged, hedge, hedged: unhedged + hedge, hedgeVegas: h });
  }
  return { days, inSample, hedgesSet };
}

export function sampleVariance(values: number[]): number {
  const mean = values.reduce((s, x) => s + x, 0) / values.length;
  return values.reduce((s, x) => s + (x - mean) ** 2, 0) / (values.length - 1);
}

export function sampleCovariance(first: number[], second: number[]): number {
  const meanFirst = first.reduce((s, x) => s + x, 0) / first.length;
  const meanSecond = second.reduce((s, x) => s + x, 0) / second.length;
  return first.reduce((s, x, k) => s + (x - meanFirst) * (second[k]! - meanSecond), 0) / (first.length - 1);
}
