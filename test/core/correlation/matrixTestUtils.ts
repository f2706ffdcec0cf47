import fc from "fast-check";
import { EigenvalueDecomposition, Matrix } from "ml-matrix";
import { mulberry32 } from "../../../bench/random";

/** Smallest eigenvalue of a symmetric matrix (ml-matrix, symmetrised first). */
export function smallestEigenvalue(values: readonly (readonly number[])[]): number {
  const size = values.length;
  const symmetric = new Matrix(size, size);
  for (let i = 0; i < size; i++) {
    for (let j = 0; j < size; j++) symmetric.set(i, j, ((values[i]?.[j] ?? 0) + (values[j]?.[i] ?? 0)) / 2);
  }
  return Math.min(...new EigenvalueDecomposition(symmetric, { assumeSymmetric: true }).realEigenvalues);
}

/** Largest |a_ij − b_ij|. */
export function maxAbsoluteDifference(a: readonly (readonly number[])[], b: readonly (readonly number[])[]): number {
  let largest = 0;
  a.forEach((row, i) => row.forEach((value, j) => (largest = Math.max(largest, Math.abs(value - (b[i]?.[j] ?? Number.NaN))))));
  return largest;
}

export function frobeniusDistance(a: readonly (readonly number[])[], b: readonly (readonly number[])[]): number {
  let total = 0;
  a.forEach((row, i) => row.forEach((value, j) => (total += (value - (b[i]?.[j] ?? Number.NaN)) ** 2)));
  return Math.sqrt(total);
}

/**
 * A correlation matrix from vectors: R = D^(−1/2)(VVᵀ + ridge·I)D^(−1/2), computed on the upper triangle so that it is
 * exactly symmetric with an exact unit diagonal. `ridge` > 0 keeps it positive definite.
 */
export function correlationFromVectors(vectors: readonly (readonly number[])[], ridge: number): number[][] {
  const size = vectors.length;
  const gram = vectors.map((u, i) =>
    vectors.map((w, j) => u.reduce((sum, value, k) => sum + value * (w[k] ?? 0), 0) + (i === j ? ridge : 0)),
  );
  const result = Array.from({ length: size }, () => new Array<number>(size).fill(0));
  for (let i = 0; i < size; i++) {
    (result[i] ?? [])[i] = 1;
    for (let j = i + 1; j < size; j++) {
      const value = (gram[i]?.[j] ?? 0) / Math.sqrt((gram[i]?.[i] ?? 1) * (gram[j]?.[j] ?? 1));
      (result[i] ?? [])[j] = value;
      (result[j] ?? [])[i] = value;
    }
  }
  return result;
}

/** fast-check arbitrary: a positive definite correlation matrix of the given size. */
export function correlationMatrixArbitrary(size: number, ridge = 0.05): fc.Arbitrary<number[][]> {
  return fc
    .array(fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: size + 1, maxLength: size + 1 }), {
      minLength: size,
      maxLength: size,
    })
    .map((vectors) => correlationFromVectors(vectors, ridge));
}

/** fast-check arbitrary: a symmetric matrix with unit diagonal and off-diagonals uniform in [−1, 1] (usually not PSD). */
export function symmetricUnitDiagonalArbitrary(size: number): fc.Arbitrary<number[][]> {
  return fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: (size * (size - 1)) / 2, maxLength: (size * (size - 1)) / 2 }).map((upper) => {
    const matrix = Array.from({ length: size }, () => new Array<number>(size).fill(0));
    let next = 0;
    for (let i = 0; i < size; i++) {
      (matrix[i] ?? [])[i] = 1;
      for (let j = i + 1; j < size; j++) {
        const value = upper[next++] ?? 0;
        (matrix[i] ?? [])[j] = value;
        (matrix[j] ?? [])[i] = value;
      }
    }
    return matrix;
  });
}

/** Deterministic uniform [0, 1) generator (mulberry32, shared with the benchmark), for simulations that must not flake. */
export const seededUniform = mulberry32;

/** A random symmetric size×size matrix, row-major, entries uniform in [−1, 1]. */
export function randomSymmetric(size: number, seed: number): Float64Array {
  const random = seededUniform(seed);
  const matrix = new Float64Array(size * size);
  for (let i = 0; i < size; i++) {
    for (let j = i; j < size; j++) {
      const value = random() * 2 - 1;
      matrix[i * size + j] = value;
      matrix[j * size + i] = value;
    }
  }
  return matrix;
}

/** Standard normal draws (Box–Muller) from a uniform generator. */
export function seededNormal(uniform: () => number): () => number {
  return () => {
    const u = 1 - uniform();
    const v = uniform();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  };
}

/**
 * A size from 3 to `largestSize`, two nested sweeps (firstLow < secondLow < secondHigh ≤ firstHigh < size) as
 * `canShareOnePass` accepts, and a seed: for the rotation kernels' tests.
 */
export function nestedSweepsArbitrary(largestSize: number): fc.Arbitrary<readonly [number, number, number, number, number, number]> {
  return fc.integer({ min: 3, max: largestSize }).chain((size) =>
    fc
      .tuple(fc.uniqueArray(fc.integer({ min: 0, max: size - 1 }), { minLength: 3, maxLength: 3 }), fc.nat(), fc.integer({ min: 1, max: 1_000_000 }))
      .map(([cuts, extra, seed]) => {
        const [firstLow, secondLow, firstHigh] = [...cuts].sort((x, y) => x - y) as [number, number, number];
        const secondHigh = secondLow + 1 + (extra % (firstHigh - secondLow));
        return [size, firstLow, secondLow, secondHigh, firstHigh, seed] as const;
      }),
  );
}
