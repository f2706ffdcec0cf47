/*
 * Making a symmetric matrix safe for ml-matrix's eigen-decomposition (JAMA's tred2/tql2). Its QL loop stops when an
 * off-diagonal entry is below ε·(largest |d| + |e|); with subnormal entries that bound underflows to 0, the search
 * runs past the matrix and reads a row that does not exist ("Cannot read properties of undefined"), and entries near
 * ±1E308 overflow its sums of squares. So the matrix is scaled by a power of 4 to bring its largest entry near 1 and
 * entries negligible beside that largest one are set to 0; eigenvalues are scaled back by the caller.
 */

/**
 * Scaled entries below this are set to 0: they are 2^-600 of the largest entry, far below the decomposition's own
 * rounding (ε ≈ 2^-52 of it), so no eigenvalue or eigenvector can tell the difference, and none of them is subnormal.
 */
const NEGLIGIBLE_SCALED_ENTRY = Math.pow(2, -600);
/** Largest power of 2 (as an exponent) used to scale; keeps 2^exponent and its inverse finite. */
const MAX_SCALE_EXPONENT = 1000;

/**
 * The exponent 2k such that max|entry|·2^(2k) lies in (1/4, 1] (clamped to ±MAX_SCALE_EXPONENT). An even exponent
 * makes every square root in the decomposition scale exactly (√(x·4^k) = √x·2^k in IEEE arithmetic), so a matrix of
 * ordinary numbers gives the very bits it gave unscaled; a matrix whose largest entry is in (1/4, 1] is not scaled.
 */
function scaleExponentFor(largest: number): number {
  if (!(largest > 0) || !Number.isFinite(largest)) return 0;
  const exponent = -2 * Math.ceil(Math.log2(largest) / 2);
  return Math.max(-MAX_SCALE_EXPONENT, Math.min(MAX_SCALE_EXPONENT, exponent));
}

/**
 * Scales a row-major n×n matrix in place (see the file comment) and returns the factor to multiply the eigenvalues of
 * the scaled matrix by to get those of the original (eigenvectors are unchanged). Entries must be finite.
 */
export function scaleForEigenDecomposition(entries: Float64Array | number[]): number {
  let largest = 0;
  for (let index = 0; index < entries.length; index++) largest = Math.max(largest, Math.abs(entries[index] as number));
  const exponent = scaleExponentFor(largest);
  // Two half steps: 2^exponent alone would overflow for exponents near 1000 used on subnormal matrices.
  const halfScale = Math.pow(2, exponent / 2);
  for (let index = 0; index < entries.length; index++) {
    const scaled = ((entries[index] as number) * halfScale) * halfScale;
    entries[index] = Math.abs(scaled) < NEGLIGIBLE_SCALED_ENTRY ? 0 : scaled;
  }
  return Math.pow(2, -exponent / 2) * Math.pow(2, -exponent / 2);
}
