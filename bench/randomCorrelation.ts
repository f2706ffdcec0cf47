/*
 * Seeded random correlation matrices for the hedge and nearest-correlation sections: valid ones from a factor model,
 * and invalid (indefinite) ones made from those by perturbing the correlations.
 */
import { uniformBetween } from "./random";

/** Factor model of daily vol changes: a common "crypto vol" factor, a few sector factors, and an asset's own noise. */
const MARKET_LOADING_RANGE = [0.5, 0.9] as const;
const SECTOR_FACTOR_COUNT = 4;
const SECTOR_LOADING_RANGE = [-0.4, 0.4] as const;
const OWN_LOADING_RANGE = [0.3, 0.7] as const;

/**
 * A positive definite correlation matrix from a random factor model: asset i has loadings b_i on 1 + 4 common factors
 * and e_i on its own factor, so R = D^(−1/2)(BBᵀ + diag(e²))D^(−1/2) with D = diag(BBᵀ + diag(e²)) (rows normalised).
 * Its smallest eigenvalue is at least min_i e_i²/D_ii (≈ 0.1 here), so it is comfortably valid. The upper triangle is
 * computed and mirrored: exactly symmetric, diagonal exactly 1.
 */
export function factorModelCorrelation(size: number, random: () => number): number[][] {
  const loadings = Array.from({ length: size }, () => [
    uniformBetween(random, MARKET_LOADING_RANGE[0], MARKET_LOADING_RANGE[1]),
    ...Array.from({ length: SECTOR_FACTOR_COUNT }, () => uniformBetween(random, SECTOR_LOADING_RANGE[0], SECTOR_LOADING_RANGE[1])),
  ]);
  const variances = loadings.map((row) => {
    const own = uniformBetween(random, OWN_LOADING_RANGE[0], OWN_LOADING_RANGE[1]);
    return row.reduce((sum, loading) => sum + loading * loading, own * own);
  });
  const result = Array.from({ length: size }, () => new Array<number>(size).fill(0));
  for (let i = 0; i < size; i++) {
    const rowI = result[i] as number[];
    const loadingsI = loadings[i] as number[];
    rowI[i] = 1;
    for (let j = i + 1; j < size; j++) {
      const loadingsJ = loadings[j] as number[];
      const covariance = loadingsI.reduce((sum, loading, k) => sum + loading * (loadingsJ[k] as number), 0);
      const value = covariance / Math.sqrt((variances[i] as number) * (variances[j] as number));
      rowI[j] = value;
      (result[j] as number[])[i] = value;
    }
  }
  return result;
}

/**
 * A valid matrix with every off-diagonal pair moved by the same uniform draw in [−noise, noise] and clipped to [−1, 1]:
 * symmetric, unit diagonal, |ρ| ≤ 1, but (for noise 0.2 and n ≥ 50) far from positive semidefinite, like a matrix
 * assembled pair by pair from different windows or typed by hand.
 */
export function perturbedCorrelation(valid: readonly (readonly number[])[], noise: number, random: () => number): number[][] {
  const size = valid.length;
  const result = valid.map((row) => [...row]);
  for (let i = 0; i < size; i++) {
    for (let j = i + 1; j < size; j++) {
      const moved = (valid[i]?.[j] ?? 0) + uniformBetween(random, -noise, noise);
      const value = Math.min(1, Math.max(-1, moved));
      (result[i] as number[])[j] = value;
      (result[j] as number[])[i] = value;
    }
  }
  return result;
}
