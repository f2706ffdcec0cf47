import { mulberry32 } from "../../../bench/random";

/**
 * A random history of vol levels with correlated moves: a common factor plus noise per column, levels around 50–80,
 * some gaps (null) when `gapChance` > 0. Columns named as given.
 */
export function randomHistory(seed: number, columns: string[], rows: number, gapChance = 0): { levels: (number | null)[][]; dates: string[] } {
  const next = mulberry32(seed);
  const normal = (): number => Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
  const level = columns.map(() => 50 + 30 * next());
  const loadings = columns.map(() => 0.3 + next());
  const levels: (number | null)[][] = [];
  const dates: string[] = [];
  for (let r = 0; r < rows; r++) {
    const factor = normal();
    columns.forEach((_, c) => (level[c] = (level[c] as number) + (loadings[c] as number) * factor + 0.7 * normal()));
    levels.push(level.map((x) => (next() < gapChance ? null : Math.round(x * 1e6) / 1e6)));
    dates.push(new Date(Date.UTC(2025, 0, 1 + r)).toISOString().slice(0, 10));
  }
  return { levels, dates };
}
