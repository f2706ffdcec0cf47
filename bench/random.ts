/*
 * Seeded pseudo-random numbers, so that every benchmark run sees the same inputs and runs stay comparable.
 */

/**
 * mulberry32 (Tommy Ettinger, public domain): a 32-bit state generator, plenty for benchmark inputs, not for statistics.
 * @returns a function giving uniform numbers in [0, 1)
 */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = state;
    mixed = Math.imul(mixed ^ (mixed >>> 15), mixed | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}

/** Uniform in [low, high). */
export function uniformBetween(random: () => number, low: number, high: number): number {
  return low + (high - low) * random();
}

/** Log-uniform in [low, high): as many draws between 1 and 10 as between 10,000 and 100,000. */
export function logUniformBetween(random: () => number, low: number, high: number): number {
  return low * Math.exp(Math.log(high / low) * random());
}
