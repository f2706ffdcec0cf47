/*
 * The correlation matrix of a hedge request checked whole (square, named, every involved asset in it, entries valid,
 * positive semidefinite) and handed on as its symmetric part, or a `HedgeInputError` naming what is wrong. The last
 * matrix that passed is remembered by its exact doubles (validatedCorrelationMemo.ts).
 */
import { assetKey, cleanAssetName, explainUnmatchedAssetName, findAssetNameProblem, indexAssetNames, listAssetNames } from "../correlation/assetNames";
import { findEntryProblems, PSD_TOLERANCE, validateCorrelationMatrix, type CorrelationProblem } from "../correlation/correlationValidation";
import { writeSymmetricPartIfEntriesValid } from "../correlation/flatCorrelation";
import { isSymmetricFlatPositiveSemidefiniteWithin } from "../correlation/positiveSemidefinite";
import { rememberedValidCorrelation, rememberValidCorrelation, spareCorrelationBuffer } from "../correlation/validatedCorrelationMemo";
import { HedgeInputError } from "./hedgeErrors";
import type { ProxyHedgeInput } from "./hedgeTypes";

/** Whether `values` is a non-empty list of rows, each as long as the list. */
function isSquare(values: unknown): values is readonly (readonly number[])[] {
  if (!Array.isArray(values) || values.length === 0) return false;
  for (let row = 0; row < values.length; row++) {
    const rowValues: unknown = values[row];
    if (!Array.isArray(rowValues) || rowValues.length !== values.length) return false;
  }
  return true;
}

/** The matrix's name index and its symmetric part (A + Aᵀ)/2 row-major, once every check passed; throws `HedgeInputError` otherwise. */
export function checkHedgeMatrix(input: ProxyHedgeInput, involvedAssets: readonly string[]): { index: Map<string, number>; values: Float64Array } {
  const { assets: labels, values } = input.correlation ?? { assets: [], values: [] };
  if (!isSquare(values)) {
    throw new HedgeInputError("invalidMatrix", "the correlation matrix must be square (one row and one column per asset) and not empty");
  }
  if (!Array.isArray(labels) || labels.length !== values.length) {
    throw new HedgeInputError("invalidMatrix", `the correlation matrix has ${values.length} rows but ${Array.isArray(labels) ? labels.length : 0} asset names: give one name per row`);
  }
  const labelProblem = findAssetNameProblem(labels, "correlation matrix asset");
  if (labelProblem) throw new HedgeInputError("invalidMatrix", labelProblem);
  const index = indexAssetNames(labels);
  for (const asset of involvedAssets) {
    if (!index.has(assetKey(asset))) {
      // A look-alike letter explains more than the list of assets (and the message must fit Excel's tooltip).
      const why = explainUnmatchedAssetName(asset, labels);
      const detail = why === "" ? ` (its assets: ${listAssetNames(labels)}): add a row and a column for it` : `: ${why}`;
      throw new HedgeInputError("missingAsset", `asset ${cleanAssetName(asset)} is not in the correlation matrix${detail}`);
    }
  }
  // The same doubles as the last matrix that passed everything below pass again (validatedCorrelationMemo.ts).
  const remembered = rememberedValidCorrelation(values);
  if (remembered !== null) return { index, values: remembered };
  const symmetricPart = spareCorrelationBuffer(values.length);
  if (!writeSymmetricPartIfEntriesValid(values, symmetricPart)) {
    // False exactly when findEntryProblems finds a problem (a test holds them to that); it words the message.
    const entryProblem = findEntryProblems(values, labels)[0] as CorrelationProblem;
    const fix = entryProblem.check === "finite" ? "fill it in" : "fix it, or repair the matrix with XV.NEARCORR";
    throw new HedgeInputError("invalidMatrix", `correlation matrix check ${entryProblem.check} failed: ${entryProblem.message}; ${fix}`);
  }
  // The whole matrix is checked, not only the rows of the assets in this hedge: a principal sub-matrix of a PSD matrix
  // is PSD, but the converse fails, and a matrix with contradictory correlations anywhere is a bad input to flag
  // whichever assets are hedged today (Excel recomputes the hedge with other targets tomorrow). One Cholesky costs
  // ~0.6 ms at 205×205; the eigenvalues are computed only to word the error.
  if (!isSymmetricFlatPositiveSemidefiniteWithin(symmetricPart, values.length, PSD_TOLERANCE)) {
    const smallest = validateCorrelationMatrix(values, labels).smallestEigenvalue ?? Number.NaN;
    throw new HedgeInputError(
      "invalidMatrix",
      `correlation matrix check positiveSemidefinite failed: smallest eigenvalue ${smallest.toPrecision(6)} < −${PSD_TOLERANCE}, so some correlations contradict each other (the hedge could show a negative variance); repair it with XV.NEARCORR`,
    );
  }
  rememberValidCorrelation(symmetricPart, values.length);
  return { index, values: symmetricPart };
}
