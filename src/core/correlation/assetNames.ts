/**
 * How asset names are compared everywhere in the hedge and correlation code: trimmed and case-insensitive, so
 * " btc", "BTC" and "Btc " are one asset. Display keeps the first spelling met (trimmed).
 */
export function assetKey(name: string): string {
  return name.trim().toLowerCase();
}

/** The first problem with a list of asset names (blank, not text, or a repeat under `assetKey`), or null. */
export function findAssetNameProblem(names: readonly string[], what: string): string | null {
  const seen = new Map<string, number>();
  for (let position = 0; position < names.length; position++) {
    const name = names[position];
    if (typeof name !== "string" || name.trim() === "") {
      return `${what} ${position + 1} has no asset name: every ${what} needs a name such as BTC`;
    }
    const key = assetKey(name);
    const first = seen.get(key);
    if (first !== undefined) {
      return `${what} ${name.trim()} appears twice (positions ${first + 1} and ${position + 1}; names are compared ignoring case and spaces): keep one`;
    }
    seen.set(key, position);
  }
  return null;
}

/** Position of each name under `assetKey` (the first occurrence wins; call `findAssetNameProblem` first). */
export function indexAssetNames(names: readonly string[]): Map<string, number> {
  const index = new Map<string, number>();
  names.forEach((name, position) => {
    const key = assetKey(name);
    if (!index.has(key)) index.set(key, position);
  });
  return index;
}
