/*
 * The typed columns of one custom-function call (an argument read into numbers, the values computed), reused from
 * call to call instead of allocated anew. Their memory lies outside V8's heap, and V8 answers fresh outside memory
 * with full collections: a call over 1,000,000 bad legs, whose general path reads five columns and writes one (≈ 60 MB),
 * set off a full mark-compact of the whole heap on every call (≈ 0.35 s of a 0.7 s call, `--trace-gc`: "external
 * memory pressure"), so a bad cell cost 12× a good one. Reused, the same call allocates nothing outside the heap.
 *
 * A column handed out here is valid until the outermost call that asked for it returns (`withScratchColumns`); no
 * column may outlive it (the result grid copies the numbers into Excel's rows). Outside such a call, or past the
 * cap, a column is a new array as before. Every custom function here is synchronous; one that awaits must not take
 * scratch columns, since the next call would be handed the same memory while it waits.
 */

/** At most this many doubles (64 MB) are kept between calls; a call over Excel's 5 MB limit needs far fewer. */
const MAX_KEPT_DOUBLES = 8 * 1024 * 1024;

const kept: Float64Array[] = [];
let keptDoubles = 0;
let nextColumn = 0;
let depth = 0;

/** Runs `body` as one call: the columns it takes are handed out again to the next outermost call. */
export function withScratchColumns<T>(body: () => T): T {
  if (depth === 0) nextColumn = 0;
  depth++;
  try {
    return body();
  } finally {
    depth--;
  }
}

/** A column of `length` zeros, reused from an earlier call when one is kept (see the file comment). */
export function scratchColumn(length: number): Float64Array {
  if (depth === 0) return new Float64Array(length);
  const position = nextColumn++;
  const old = kept[position];
  if (old !== undefined && old.length >= length) {
    const column = old.length === length ? old : old.subarray(0, length);
    return column.fill(0);
  }
  const grownDoubles = keptDoubles - (old?.length ?? 0) + length;
  const column = new Float64Array(length);
  if (position === kept.length && grownDoubles <= MAX_KEPT_DOUBLES) kept.push(column);
  else if (position < kept.length && grownDoubles <= MAX_KEPT_DOUBLES) kept[position] = column;
  else return column;
  keptDoubles = grownDoubles;
  return column;
}
