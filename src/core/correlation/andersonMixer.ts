/* Anderson acceleration of a fixed-point iteration, for the alternating-projections route. */
import { Matrix, solve } from "ml-matrix";

/**
 * Anderson acceleration (type II) of the fixed-point map y ↦ g(y) = y + f(y): keeps the last `depth` differences of
 * g and f and steps to g_k − ΔG·γ with γ the least-squares solution of ΔF·γ ≈ f_k (ml-matrix SVD solve, which copes
 * with nearly dependent columns). Higham & Strabić (2016) proposed Anderson acceleration for this method.
 */
export class AndersonMixer {
  private readonly gHistory: Float64Array[] = [];
  private readonly fHistory: Float64Array[] = [];

  constructor(private readonly depth: number) {}

  reset(): void {
    this.gHistory.length = 0;
    this.fHistory.length = 0;
  }

  next(y: Float64Array, f: Float64Array): Float64Array {
    const size = y.length;
    const g = new Float64Array(size);
    for (let i = 0; i < size; i++) g[i] = (y[i] ?? 0) + (f[i] ?? 0);
    if (this.depth === 0) return g;
    this.gHistory.push(g);
    this.fHistory.push(f);
    if (this.gHistory.length > this.depth + 1) {
      this.gHistory.shift();
      this.fHistory.shift();
    }
    const steps = this.gHistory.length - 1;
    if (steps === 0) return g;
    const deltaF = new Matrix(size, steps);
    const deltaG = new Matrix(size, steps);
    for (let s = 0; s < steps; s++) {
      const fFrom = this.fHistory[s] ?? f;
      const fTo = this.fHistory[s + 1] ?? f;
      const gFrom = this.gHistory[s] ?? g;
      const gTo = this.gHistory[s + 1] ?? g;
      for (let i = 0; i < size; i++) {
        deltaF.set(i, s, (fTo[i] ?? 0) - (fFrom[i] ?? 0));
        deltaG.set(i, s, (gTo[i] ?? 0) - (gFrom[i] ?? 0));
      }
    }
    const gamma = solve(deltaF, Matrix.columnVector(Array.from(f)), true).getColumn(0);
    const mixed = new Float64Array(size);
    for (let i = 0; i < size; i++) {
      let value = g[i] ?? 0;
      for (let s = 0; s < steps; s++) value -= deltaG.get(i, s) * (gamma[s] ?? 0);
      mixed[i] = value;
    }
    if (mixed.every(Number.isFinite)) return mixed;
    this.reset();
    return g;
  }
}
