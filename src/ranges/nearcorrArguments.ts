/* XV.NEARCORR's optional constraint arguments: min_eigenvalue (one cell) and locked (a range shaped like the matrix). */
import { describeCellValue, isBlankCell, isCellProblem, notANumberMessage, readOptionalNumber } from "./cellReading";
import { asGrid, readSingleCell } from "./rangeReading";
import { RangeInputError } from "./rangeInputError";
import { describeShape, shapeOf } from "./rangeShape";

/** min_eigenvalue: blank or omitted = 0; the range check (0 ≤ δ < 1) is the engine's. */
export function readMinEigenvalue(value: unknown): number {
  const reading = readOptionalNumber(readSingleCell(value, "min_eigenvalue"), "min_eigenvalue", "a number 0 ≤ δ < 1 (e.g. 1E-8), or leave it out", 0);
  if (isCellProblem(reading)) throw new RangeInputError(reading.problem);
  return reading;
}

/**
 * locked: TRUE or 1 where an entry keeps its value; FALSE, 0 or blank elsewhere. Either exactly the shape of `matrix`
 * (labels included, their cells ignored) or its n×n correlations alone. Null when omitted.
 */
export function readLockedMask(value: unknown, size: number, matrixHasLabels: boolean): boolean[][] | null {
  if (value === null || value === undefined) return null;
  const grid = asGrid(value);
  const shape = shapeOf(grid);
  const offset = matrixHasLabels && shape.rows === size + 1 && shape.columns === size + 1 ? 1 : 0;
  if (!(shape.rows === size + offset && shape.columns === size + offset)) {
    const expected = matrixHasLabels ? `${size + 1}×${size + 1} like matrix (or ${size}×${size}, the correlations alone)` : `${size}×${size} like matrix`;
    throw new RangeInputError(`locked is ${describeShape(shape)}: give a range ${expected}, TRUE or 1 where a correlation must keep its value`);
  }
  return Array.from({ length: size }, (_, i) =>
    Array.from({ length: size }, (_, j) => {
      const cell = grid[i + offset]?.[j + offset];
      if (cell === true || cell === 1) return true;
      if (cell === false || cell === 0 || isBlankCell(cell)) return false;
      throw new RangeInputError(
        typeof cell === "number"
          ? `locked (row ${i + offset + 1}, column ${j + offset + 1}) is ${describeCellValue(cell)}: use TRUE or 1 to lock an entry, FALSE, 0 or blank to leave it free`
          : notANumberMessage(`locked (row ${i + offset + 1}, column ${j + offset + 1})`, cell, "TRUE or 1 to lock an entry, FALSE, 0 or blank to leave it free"),
      );
    }),
  );
}
