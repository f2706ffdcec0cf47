/*
 * Cheap seeded generation for the bulk of an input (a 100,000-row column, a history, a matrix): fast-check draws the
 * shape, the variant and a seed, and the cells come from a small generator. Generation stays fast enough for a
 * million inputs; fast-check still shrinks the sizes and the targeted hostile cells it adds on top.
 */
import { mulberry32 } from "../../bench/random";
import { ERROR_CELL, HOSTILE_NUMBERS, HOSTILE_TEXTS, INVISIBLE_CHARACTERS } from "./hostileValues";
import type { NumberRange } from "./argumentKinds";

export interface SeededRandom {
  /** Uniform in [0, 1). */
  next: () => number;
  /** True with probability p. */
  chance: (probability: number) => boolean;
  integer: (low: number, high: number) => number;
  pick: <T>(items: readonly T[]) => T;
  between: (range: NumberRange) => number;
}

export function seededRandom(seed: number): SeededRandom {
  const next = mulberry32(seed);
  const integer = (low: number, high: number): number => low + Math.floor(next() * (high - low + 1));
  return {
    next,
    chance: (probability) => next() < probability,
    integer,
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T,
    between: ({ low, high }) => {
      // Log-uniform over ranges of positive numbers spanning decades (prices), uniform otherwise.
      if (low > 0 && high / low > 100) return low * Math.exp(Math.log(high / low) * next());
      return low + (high - low) * next();
    },
  };
}

/** One hostile cell as Excel may send it. */
export function hostileCellFrom(random: SeededRandom): unknown {
  const roll = random.next();
  if (roll < 0.4) return random.pick(HOSTILE_NUMBERS);
  if (roll < 0.8) return random.pick(HOSTILE_TEXTS);
  if (roll < 0.87) return random.chance(0.5);
  if (roll < 0.97) return random.pick([null, "", 0]);
  return ERROR_CELL;
}

/** A name spoiled so that it only looks like itself. */
export function disguiseName(random: SeededRandom, name: string): string {
  const roll = random.integer(0, 6);
  if (roll === 0) return name.toLowerCase();
  if (roll === 1) return ` ${name} `;
  if (roll === 2) return `${name}${random.pick(INVISIBLE_CHARACTERS)}`;
  if (roll === 3) return name.replace(/B/g, "\u0412").replace(/E/g, "\u0415").replace(/A/g, "\u0410").replace(/C/g, "\u0421");
  if (roll === 4) return `${random.pick(["=", "+", "-", "@"])}${name}`;
  if (roll === 5) return name.toUpperCase() === name ? name.toLowerCase() : name.toUpperCase();
  return `${random.pick(INVISIBLE_CHARACTERS)}${name}`;
}

/** Asset names to draw a universe from: upper, lower and mixed case, one letter and long. */
export const ASSET_NAME_POOL: readonly string[] = ["BTC", "ETH", "SOL", "ALT", "XRP", "DOGE", "AVAX", "LINK", "Alt2", "bnb"];

export type MatrixVariant =
  | "valid"
  | "symmetricRandom"
  | "percent"
  | "covariance"
  | "millions"
  | "asymmetric"
  | "subnormal"
  | "ones"
  | "identity"
  | "duplicateRows"
  | "extreme"
  | "nonSquare";

const MATRIX_VARIANTS: readonly MatrixVariant[] = [
  "valid", "valid", "valid", "valid", "valid", "valid", "valid", "valid", "valid", "valid", "valid", "valid", "symmetricRandom", "symmetricRandom", "percent", "covariance", "millions",
  "asymmetric", "subnormal", "ones", "identity", "duplicateRows", "extreme", "nonSquare",
];

export function pickMatrixVariant(random: SeededRandom): MatrixVariant {
  return random.pick(MATRIX_VARIANTS);
}

/** A valid correlation matrix: the Gram matrix of random unit vectors (positive semidefinite by construction). */
function gramCorrelation(random: SeededRandom, size: number): number[][] {
  const dimension = Math.max(1, random.integer(1, size + 1));
  const vectors = Array.from({ length: size }, () => {
    const vector = Array.from({ length: dimension }, () => random.next() * 2 - 1 + (random.chance(0.5) ? 0.8 : 0));
    const norm = Math.hypot(...vector) || 1;
    return vector.map((entry) => entry / norm);
  });
  return vectors.map((a, i) => vectors.map((b, j) => (i === j ? 1 : a.reduce((sum, entry, k) => sum + entry * (b[k] ?? 0), 0))));
}

/** A square (or, for nonSquare, n × (n + 1)) block of numbers in the given variant. */
export function matrixEntries(random: SeededRandom, size: number, variant: MatrixVariant): number[][] {
  const valid = gramCorrelation(random, size);
  switch (variant) {
    case "valid":
      return valid;
    case "symmetricRandom": {
      const entries = valid.map((row) => row.slice());
      for (let i = 0; i < size; i++) {
        for (let j = i + 1; j < size; j++) {
          const value = random.next() * 2.4 - 1.2;
          (entries[i] as number[])[j] = value;
          (entries[j] as number[])[i] = value;
        }
      }
      return entries;
    }
    case "percent":
      return valid.map((row) => row.map((entry) => Math.round(entry * 10_000) / 100));
    case "covariance": {
      const scales = valid.map(() => random.between({ low: 0.3, high: 60 }));
      return valid.map((row, i) => row.map((entry, j) => entry * (scales[i] as number) * (scales[j] as number)));
    }
    case "millions":
      return valid.map((row) => row.map(() => (random.chance(0.5) ? 1e6 : -1e6) * random.next()));
    case "asymmetric":
      return valid.map((row, i) => row.map((entry, j) => (i === j ? entry : entry + random.next() * 0.4 - 0.2)));
    case "subnormal":
      return valid.map((row, i) => row.map((entry, j) => (i === j ? random.pick([1, 5e-324, 1e-310, 2, -1]) : random.pick([entry, -1e-308, 5e-324, 0, 1e-310]))));
    case "ones":
      return valid.map((row) => row.map(() => 1));
    case "identity":
      return valid.map((row, i) => row.map((_, j) => (i === j ? 1 : 0)));
    case "duplicateRows":
      return valid.map((_, i) => valid[i === 0 ? 0 : i - 1]?.slice() ?? []);
    case "extreme":
      return valid.map((row, i) => row.map((entry, j) => (i === j ? random.pick([1, 1e308, 1e200]) : random.pick([entry, 1e308, -1e308, 1e155]))));
    case "nonSquare":
      return valid.map((row) => [...row, random.next()]);
  }
}

export type HistoryVariant = "walk" | "constant" | "huge" | "tiny" | "decimal" | "nonPositive" | "jumps" | "summaryRow";

const HISTORY_VARIANTS: readonly HistoryVariant[] = ["walk", "walk", "walk", "walk", "constant", "huge", "tiny", "decimal", "nonPositive", "jumps", "summaryRow"];

export function pickHistoryVariant(random: SeededRandom): HistoryVariant {
  return random.pick(HISTORY_VARIANTS);
}

/** Daily vol levels, rows × columns, oldest first, in the given variant (a summary row is added by the caller). */
export function historyLevels(random: SeededRandom, rows: number, columns: number, variant: HistoryVariant): number[][] {
  const start = Array.from({ length: columns }, () => random.between({ low: 20, high: 150 }));
  const constantColumn = variant === "constant" ? random.integer(0, columns - 1) : -1;
  const levels: number[][] = [];
  let current = start.slice();
  for (let row = 0; row < rows; row++) {
    const common = random.next() * 4 - 2;
    current = current.map((level, column) => {
      if (column === constantColumn) return level;
      const move = common * (0.5 + random.next()) + (random.next() * 2 - 1) * (variant === "jumps" && random.chance(0.1) ? 80 : 1.5);
      return Math.max(1, level + move);
    });
    levels.push(
      current.map((level) => {
        if (variant === "huge") return level * 1e200;
        if (variant === "tiny") return level * 1e-310;
        if (variant === "decimal") return level / 100;
        if (variant === "nonPositive" && random.chance(0.2)) return random.pick([0, -level, -0]);
        return level;
      }),
    );
  }
  return levels;
}

/** Excel date serials for `rows` dates in the order asked. */
export function dateSerials(random: SeededRandom, rows: number, order: "rising" | "falling" | "repeated" | "shuffled"): number[] {
  const start = random.integer(44_000, 46_000) + (random.chance(0.3) ? random.next() : 0);
  const serials = Array.from({ length: rows }, (_, row) => start + row);
  if (order === "falling") serials.reverse();
  if (order === "repeated" && rows > 1) serials[rows - 1] = serials[rows - 2] as number;
  if (order === "shuffled") serials.sort(() => random.next() - 0.5);
  return serials;
}

/** A serial as a text date in a common non-ISO layout, the way a paste from another system arrives. */
export function textDate(serial: number, layout: "dmy" | "mdy" | "iso"): string {
  const date = new Date(Math.round((serial - 25569) * 86_400_000));
  const day = String(date.getUTCDate()).padStart(2, "0");
  const month = String(date.getUTCMonth() + 1).padStart(2, "0");
  const year = String(date.getUTCFullYear());
  if (layout === "iso") return `${year}-${month}-${day}`;
  return layout === "dmy" ? `${day}/${month}/${year}` : `${month}/${day}/${year}`;
}
