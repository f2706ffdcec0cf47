/*
 * Locked entries of a nearest-correlation repair: which pairs keep their input value, and whether they can. A set of
 * assets whose correlations are all locked (a block, as `xvega nearcorr --lock BTC,ETH` gives) must itself be a
 * correlation matrix with smallest eigenvalue ≥ min_eigenvalue, or no answer exists.
 */
import { CorrelationInputError } from "./correlationErrors";
import { SymmetricEigenSolver } from "./symmetricEigenSolver";

/** "Not positive semidefinite" means a smallest eigenvalue below −this (the validation tolerance). */
const LOCKED_BLOCK_EIGENVALUE_TOLERANCE = 1e-10;

export interface LockedPairs {
  rows: Int32Array;
  columns: Int32Array;
  /** ((A + Aᵀ)/2)_ij of each pair. */
  values: Float64Array;
  /** The smallest of λmin(block) − δ over the fully locked blocks checked (Infinity with none): the room the answer has. */
  room: number;
}

function describeAssets(indices: readonly number[], names: readonly string[] | undefined): string {
  if (names !== undefined && names.length > Math.max(...indices)) return indices.map((index) => names[index] ?? String(index + 1)).join(", ");
  return `rows ${indices.map((index) => index + 1).join(", ")}`;
}

/** The connected groups of assets linked by locked pairs (each a sorted list of 0-based indices, 2 or more assets). */
function lockedGroups(size: number, isLocked: (i: number, j: number) => boolean): number[][] {
  const group = new Int32Array(size).fill(-1);
  const groups: number[][] = [];
  for (let start = 0; start < size; start++) {
    if (group[start] !== -1) continue;
    const members = [start];
    group[start] = groups.length;
    for (let next = 0; next < members.length; next++) {
      const i = members[next] as number;
      for (let j = 0; j < size; j++) {
        if (j !== i && group[j] === -1 && isLocked(i, j)) {
          group[j] = groups.length;
          members.push(j);
        }
      }
    }
    if (members.length > 1) groups.push(members.sort((a, b) => a - b));
    else group[start] = -2;
  }
  return groups;
}

function smallestEigenvalueOfBlock(symmetric: Float64Array, size: number, members: readonly number[]): number {
  const solver = new SymmetricEigenSolver(members.length);
  members.forEach((i, a) => members.forEach((j, b) => (solver.vectors[a * members.length + b] = i === j ? 1 : (symmetric[i * size + j] as number))));
  solver.decompose();
  return solver.values[0] as number;
}

/**
 * The locked pairs (i < j) of a size×size mask, checked: each pair's value within [−1, 1] and every fully locked group's
 * block (unit diagonal) with smallest eigenvalue ≥ δ − 1e-10; otherwise an error naming the assets. A lock on
 * (i, j) or (j, i) locks both; the diagonal is ignored (it is always 1).
 */
export function readLockedPairs(
  locked: readonly (readonly boolean[])[],
  symmetric: Float64Array,
  size: number,
  minEigenvalue: number,
  names: readonly string[] | undefined,
): LockedPairs {
  if (!Array.isArray(locked) || locked.length !== size || locked.some((row) => !Array.isArray(row) || row.length !== size)) {
    throw new CorrelationInputError("invalidInput", `locked must be ${size}×${size} like the matrix (TRUE or 1 where an entry must keep its value)`);
  }
  const isLocked = (i: number, j: number): boolean => locked[i]?.[j] === true || locked[j]?.[i] === true;
  const rows: number[] = [];
  const columns: number[] = [];
  for (let i = 0; i < size; i++) {
    for (let j = i + 1; j < size; j++) {
      if (!isLocked(i, j)) continue;
      const value = symmetric[i * size + j] as number;
      if (!(Math.abs(value) <= 1 && 1 - Math.abs(value) >= minEigenvalue - LOCKED_BLOCK_EIGENVALUE_TOLERANCE)) {
        const bound = minEigenvalue > 0 ? `within ±${1 - minEigenvalue} (min_eigenvalue ${minEigenvalue})` : "within −1…1";
        throw new CorrelationInputError("invalidInput", `the locked correlation (${describeAssets([i, j], names)}) is ${value}: a locked correlation must be ${bound}; correct it or unlock it`);
      }
      rows.push(i);
      columns.push(j);
    }
  }
  let room = Number.POSITIVE_INFINITY;
  for (const members of lockedGroups(size, isLocked)) {
    const complete = members.every((i) => members.every((j) => i === j || isLocked(i, j)));
    if (!complete) continue;
    const smallest = smallestEigenvalueOfBlock(symmetric, size, members);
    if (smallest < minEigenvalue - LOCKED_BLOCK_EIGENVALUE_TOLERANCE) {
      const need = minEigenvalue > 0 ? `at least min_eigenvalue ${minEigenvalue}` : "≥ 0 (positive semidefinite)";
      throw new CorrelationInputError(
        "invalidInput",
        `the locked correlations among ${describeAssets(members, names)} admit no valid matrix: their block's smallest eigenvalue is ${smallest.toPrecision(4)}, it must be ${need}; correct them or lock fewer assets`,
      );
    }
    room = Math.min(room, smallest - minEigenvalue);
  }
  for (let p = 0; p < rows.length; p++) room = Math.min(room, 1 - Math.abs(symmetric[(rows[p] as number) * size + (columns[p] as number)] as number) - minEigenvalue);
  const values = Float64Array.from(rows, (i, p) => symmetric[i * size + (columns[p] as number)] as number);
  return { rows: Int32Array.from(rows), columns: Int32Array.from(columns), values, room };
}
