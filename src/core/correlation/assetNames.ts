/**
 * How asset names are compared everywhere in the hedge and correlation code: case-insensitive, ignoring leading and
 * trailing spaces (no-break spaces too) and invisible formatting characters anywhere (zero-width space and joiners,
 * byte-order mark, soft hyphen, direction marks), which text pasted from web pages and PDFs carries but no one types on
 * purpose. So " btc", "BTC", "Btc " and "BTC" followed by a zero-width space are one asset. A look-alike letter from
 * another alphabet (Cyrillic В, Greek Β) is never matched: it may well name another asset, so a lookup that fails
 * says which character is odd (`explainUnmatchedAssetName`). Display keeps the first spelling met, cleaned.
 */

/** Unicode format characters (general category Cf): zero-width space, ZWNJ, ZWJ, word joiner, BOM, soft hyphen, LRM… */
const INVISIBLE_CHARACTERS = /\p{Cf}/gu;
/** Any white space (no-break, narrow, ideographic…) counts as a plain space. */
const SPACE_CHARACTERS = /\s/gu;

/** The name as displayed and compared (before case folding): invisible characters removed, spaces plain, trimmed. */
export function cleanAssetName(name: string): string {
  // The usual name (BTC, ALT001) is plain ASCII, where neither pattern matches: skipping them is ~5× faster, and a
  // hedge cleans a few thousand names.
  return isPrintableAscii(name) ? name.trim() : name.replace(INVISIBLE_CHARACTERS, "").replace(SPACE_CHARACTERS, " ").trim();
}

/** Space to tilde only: no format character (Cf) and no white space other than the plain space lies in that range. */
function isPrintableAscii(name: string): boolean {
  for (let position = 0; position < name.length; position++) {
    const code = name.charCodeAt(position);
    if (code < 0x20 || code > 0x7e) return false;
  }
  return true;
}

/**
 * Keys of the names met lately. A hedge looks up each of a few hundred names several times (legs, matrix labels,
 * vol-of-vols), and Excel sends the same names on every recalculation: building a key allocates two strings, a
 * look-up here none (≈ 0.3 MB of garbage per 205-asset hedge before). A key depends on the name alone, so a remembered
 * one is never stale; the map is emptied when it reaches this many names, which bounds its memory.
 */
const KEY_CACHE_LIMIT = 10_000;
const keyCache = new Map<string, string>();

export function assetKey(name: string): string {
  let key = keyCache.get(name);
  if (key === undefined) {
    if (keyCache.size >= KEY_CACHE_LIMIT) keyCache.clear();
    key = cleanAssetName(name).toLowerCase();
    keyCache.set(name, key);
  }
  return key;
}

/** The names, cleaned, for a message: "BTC, ETH, SOL", the first `limit` then "… (n in all)" for a longer list. */
export function listAssetNames(names: readonly string[], limit = 8): string {
  const shown = names.slice(0, limit).map((name) => cleanAssetName(name));
  return names.length > limit ? `${shown.join(", ")}, … (${names.length} in all)` : shown.join(", ");
}

/** The first problem with a list of asset names (blank, not text, or a repeat under `assetKey`), or null. */
export function findAssetNameProblem(names: readonly string[], what: string): string | null {
  const seen = new Map<string, number>();
  for (let position = 0; position < names.length; position++) {
    const name = names[position];
    if (typeof name !== "string" || assetKey(name) === "") {
      return `${what} ${position + 1} has no asset name: every ${what} needs a name such as BTC`;
    }
    const key = assetKey(name);
    const first = seen.get(key);
    if (first !== undefined) {
      return `${what} ${cleanAssetName(name)} appears twice (positions ${first + 1} and ${position + 1}; names are compared ignoring case, spaces and invisible characters): keep one`;
    }
    seen.set(key, position);
  }
  return null;
}

/** Position of each name under `assetKey` (the first occurrence wins; call `findAssetNameProblem` first). */
export function indexAssetNames(names: readonly string[]): Map<string, number> {
  const index = new Map<string, number>();
  // A plain loop: a callback made per call loses its optimised code at every full GC (see hedgeInputs.ts).
  for (let position = 0; position < names.length; position++) {
    const key = assetKey(names[position] as string);
    if (!index.has(key)) index.set(key, position);
  }
  return index;
}

/** Letters of other alphabets that look like a Latin letter in most fonts (Unicode's confusables, the usual suspects). */
const LATIN_LOOK_ALIKES: Readonly<Record<string, string>> = {
  // Cyrillic
  А: "A", В: "B", Е: "E", Ѕ: "S", І: "I", Ј: "J", К: "K", М: "M", Н: "H", О: "O", Р: "P", С: "C", Т: "T", У: "Y", Х: "X", Ү: "Y",
  а: "a", в: "b", е: "e", ѕ: "s", і: "i", ј: "j", к: "k", м: "m", н: "h", о: "o", р: "p", с: "c", т: "t", у: "y", х: "x", һ: "h", ԁ: "d", ԛ: "q", ԝ: "w",
  // Greek
  Α: "A", Β: "B", Ε: "E", Ζ: "Z", Η: "H", Ι: "I", Κ: "K", Μ: "M", Ν: "N", Ο: "O", Ρ: "P", Τ: "T", Υ: "Y", Χ: "X",
  α: "a", ι: "i", κ: "k", ν: "v", ο: "o", ρ: "p", τ: "t", υ: "u", χ: "x",
};

const INVISIBLE_NAMES: Readonly<Record<number, string>> = {
  0x00ad: "soft hyphen",
  0x200b: "zero-width space",
  0x200c: "zero-width non-joiner",
  0x200d: "zero-width joiner",
  0x200e: "left-to-right mark",
  0x200f: "right-to-left mark",
  0x2060: "word joiner",
  0xfeff: "byte-order mark",
};

const SPACE_NAMES: Readonly<Record<number, string>> = {
  0x00a0: "no-break space",
  0x2007: "figure space",
  0x202f: "narrow no-break space",
  0x3000: "ideographic space",
};

const FULL_WIDTH_FIRST = 0xff01;
const FULL_WIDTH_LAST = 0xff5e;
/** A full-width form U+FF01…U+FF5E is its ASCII twin (U+0021…U+007E) shifted by this. */
const FULL_WIDTH_OFFSET = 0xfee0;
/** At most this many odd characters are listed in one message. */
const MAX_LISTED = 3;

function codePoint(character: string): string {
  return `U+${(character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}`;
}

/** The Latin letter (or ASCII character) `character` passes for, or null. */
function latinTwin(character: string): string | null {
  const look = LATIN_LOOK_ALIKES[character];
  if (look !== undefined) return look;
  const code = character.codePointAt(0) ?? 0;
  return code >= FULL_WIDTH_FIRST && code <= FULL_WIDTH_LAST ? String.fromCodePoint(code - FULL_WIDTH_OFFSET) : null;
}

function scriptOf(character: string): string {
  const code = character.codePointAt(0) ?? 0;
  if (/\p{Script=Cyrillic}/u.test(character)) return "Cyrillic";
  if (/\p{Script=Greek}/u.test(character)) return "Greek";
  if (code >= FULL_WIDTH_FIRST && code <= FULL_WIDTH_LAST) return "full-width";
  return "non-Latin";
}

/** One character that makes a name other than it looks. */
interface OddCharacter {
  character: string;
  /** From 1, in characters of the name as given. */
  position: number;
  /** "the Cyrillic letter В (U+0412)", "an invisible character U+200B (zero-width space)". */
  long: string;
  /** "В (U+0412, Cyrillic)", for lists. */
  short: string;
  /** The Latin letter it passes for, if any. */
  twin: string | null;
}

/**
 * The characters that make `name` other than it looks, in order. `withIgnored` also lists the invisible characters and
 * unusual spaces that name comparison ignores anyway.
 */
function oddCharacters(name: string, withIgnored: boolean): OddCharacter[] {
  const found: OddCharacter[] = [];
  [...name].forEach((character, index) => {
    const position = index + 1;
    const code = character.codePointAt(0) ?? 0;
    const unicode = codePoint(character);
    if (/\p{Cf}/u.test(character) || (/\s/u.test(character) && character !== " ")) {
      if (!withIgnored) return;
      const what = /\p{Cf}/u.test(character) ? (INVISIBLE_NAMES[code] ?? "invisible formatting character") : (SPACE_NAMES[code] ?? "unusual space");
      const kind = /\p{Cf}/u.test(character) ? "an invisible character" : "an unusual space";
      found.push({ character, position, long: `${kind} ${unicode} (${what})`, short: `${unicode} (${what})`, twin: null });
    } else if (/\p{Cc}/u.test(character)) {
      found.push({ character, position, long: `a control character ${unicode}`, short: `${unicode} (control)`, twin: null });
    } else if (code > 0x7e) {
      const script = scriptOf(character);
      const noun = /\p{L}/u.test(character) ? "letter" : "character";
      found.push({ character, position, long: `the ${script} ${noun} ${character} (${unicode})`, short: `${character} (${unicode}, ${script})`, twin: latinTwin(character) });
    }
  });
  return found;
}

/**
 * `"ВTC" has the Cyrillic letter В (U+0412) at position 1 where a Latin B is expected` for one odd character; a compact
 * list for several (`"ＢＴＣ" has 3 characters that are not plain Latin, by position: Ｂ (U+FF22, full-width) at 1, …`), so
 * the message fits Excel's error tooltip.
 */
function describeOdd(name: string, odd: readonly OddCharacter[]): string {
  const [first] = odd;
  if (first === undefined) return "";
  if (odd.length === 1) {
    return `"${name}" has ${first.long} at position ${first.position}${first.twin === null ? "" : ` where a Latin ${first.twin} is expected`}`;
  }
  const listed = odd.slice(0, MAX_LISTED).map((entry) => `${entry.short} at ${entry.position}`);
  const more = odd.length > MAX_LISTED ? `, and ${odd.length - MAX_LISTED} more` : "";
  return `"${name}" has ${odd.length} characters that are not plain Latin, by position: ${listed.join(", ")}${more}`;
}

/**
 * Which characters of `name` are odd (invisible, unusual spaces, control characters, letters outside plain Latin such as
 * a Cyrillic В), e.g. `"ВTC" has the Cyrillic letter В (U+0412) at position 1 where a Latin B is expected`; null when
 * there is none. Positions count the characters of `name` as given, from 1.
 */
export function describeOddCharacters(name: string): string | null {
  const odd = oddCharacters(name, true);
  return odd.length === 0 ? null : describeOdd(name, odd);
}

/** The name with look-alike letters read as their Latin twins, then as compared (for "looks like" matches only). */
function lookAlikeKey(name: string): string {
  return assetKey([...name].map((character) => latinTwin(character) ?? character).join(""));
}

/**
 * Why `name` matches none of `known` when the reason is a character the eye cannot tell apart: the odd characters of
 * `name`, or of the entry of `known` it passes for. "" when there is nothing to add to "not found". It never makes a
 * match. Invisible characters and unusual spaces are left out: name comparison ignores them, so they are never why.
 */
export function explainUnmatchedAssetName(name: string, known: readonly string[]): string {
  const shown = cleanAssetName(name);
  const key = lookAlikeKey(shown);
  const twin = known.find((candidate) => typeof candidate === "string" && lookAlikeKey(candidate) === key);
  const own = oddCharacters(shown, false);
  const twinShown = twin === undefined ? "" : cleanAssetName(twin);
  const twins = twin === undefined ? [] : oddCharacters(twinShown, false);
  if (own.length > 0 && twin !== undefined && twins.length === 0) {
    return `${describeOdd(shown, own)}, so it is not the listed ${twinShown}: retype it in Latin letters`;
  }
  if (own.length === 0 && twins.length > 0) {
    return `the listed ${describeOdd(twinShown, twins)}, so it is not ${shown}: retype it in Latin letters`;
  }
  if (own.length > 0 && twins.length > 0) return `${describeOdd(shown, own)}; the listed ${describeOdd(twinShown, twins)}: retype both in Latin letters`;
  if (own.length > 0) return `${describeOdd(shown, own)}: retype it in Latin letters if it is meant to be a listed asset`;
  return "";
}
