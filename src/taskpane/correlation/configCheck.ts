/*
 * The check the pane always shows: is the matrix a valid correlation matrix (the engine's validateCorrelationMatrix,
 * entries named by asset), is it positive semidefinite, its smallest eigenvalue and condition number, and which assets
 * still lack a vol-of-vol.
 */
import { conditionNumberOrSingular } from "../../core/conditionNumber";
import { PSD_TOLERANCE, symmetricEigen, symmetrise, validateCorrelationMatrix } from "../../core/correlation";
import type { CorrelationConfig } from "./correlationConfig";

export interface ConfigCheck {
  /** No problem at all: the matrix is a correlation matrix (within the engine's tolerances) and the vol-of-vols that are set are sane. */
  valid: boolean;
  /** Smallest eigenvalue ≥ −1e-10 (the engine's PSD_TOLERANCE); false when it cannot be computed (no assets, a non-finite entry). */
  positiveSemidefinite: boolean;
  /** Of the symmetrised matrix (A + Aᵀ)/2; null with no assets, a non-square matrix or a non-finite entry. */
  smallestEigenvalue: number | null;
  /** λmax/λmin of the symmetrised matrix; null when λmin ≤ 0 (singular or indefinite: the ratio means nothing) or as above. */
  conditionNumber: number | null;
  /** One message per failed check, entries named by asset ("entry (BTC, ETH) is 1.2: …"), the eigenvalue check last. */
  problems: string[];
  /** Assets without a vol-of-vol, in order. Not a problem for the matrix: the hedge needs them, the matrix does not. */
  missingVolOfVols: string[];
}

const NO_ASSETS = "there are no assets yet: add assets, import a matrix from a selection, or estimate one from a history";

function volOfVolProblems(config: CorrelationConfig): string[] {
  if (config.volOfVols.length !== config.assets.length) {
    return [`${config.volOfVols.length} vol-of-vols for ${config.assets.length} assets: there must be one per asset (blank when not set)`];
  }
  const problems: string[] = [];
  config.volOfVols.forEach((value, k) => {
    if (value !== null && !(Number.isFinite(value) && value >= 0)) {
      problems.push(`vol-of-vol ${String(value)} for ${config.assets[k]} must be a number, 0 or more`);
    }
  });
  return problems;
}

export function checkConfig(config: CorrelationConfig): ConfigCheck {
  const missingVolOfVols = config.assets.filter((_, k) => (config.volOfVols[k] ?? null) === null);
  if (config.assets.length === 0) {
    return { valid: false, positiveSemidefinite: false, smallestEigenvalue: null, conditionNumber: null, problems: [NO_ASSETS], missingVolOfVols };
  }
  const validation = validateCorrelationMatrix(config.correlations, config.assets);
  const smallest = validation.smallestEigenvalue;
  const problems = validation.problems.map((problem) =>
    // The engine's message points at XV.NEARCORR; in the pane the fix is the Repair button.
    problem.check === "positiveSemidefinite" && smallest !== null
      ? `the matrix is not positive semidefinite (smallest eigenvalue ${smallest.toPrecision(6)}): some correlations contradict each other; Repair finds the nearest valid matrix`
      : problem.message,
  );
  problems.push(...volOfVolProblems(config));
  // Only a positive definite matrix has a condition number, and only then is the second decomposition worth doing.
  // A singular matrix (condition at or above the hedge solver's limit) reads as singular, as in XV.HEDGESTATS.
  const conditionNumber = smallest !== null && smallest > 0 ? conditionNumberOrSingular(symmetricEigen(symmetrise(config.correlations)).values) : null;
  return {
    valid: problems.length === 0,
    positiveSemidefinite: smallest !== null && smallest >= -PSD_TOLERANCE,
    smallestEigenvalue: smallest,
    conditionNumber,
    problems,
    missingVolOfVols,
  };
}
