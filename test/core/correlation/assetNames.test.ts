import fc from "fast-check";
import { assetKey, cleanAssetName, describeOddCharacters, explainUnmatchedAssetName, findAssetNameProblem } from "../../../src/core/correlation/assetNames";

describe("asset names: compared ignoring case, outer spaces and invisible characters, never look-alike letters", () => {
  test.each([
    ["BTC\u200b", "zero-width space"],
    ["\u200cBTC", "zero-width non-joiner"],
    ["B\u200dTC", "zero-width joiner"],
    ["\ufeffBTC", "byte-order mark"],
    ["BTC\u00a0", "no-break space"],
    ["B\u00adTC", "soft hyphen"],
    ["\u2060 btc \u3000", "word joiner and ideographic space"],
  ])("%j (%s) is BTC", (name) => {
    expect(assetKey(name)).toBe(assetKey("BTC"));
    expect(cleanAssetName(name).toUpperCase()).toBe("BTC");
  });

  test.each(["\u0412TC", "\u0392TC", "\uff22\uff34\uff23", "BT\u0421"])("%j is not BTC", (name) => {
    expect(assetKey(name)).not.toBe(assetKey("BTC"));
  });

  test("a name of invisible characters only is blank; a repeat up to invisible characters is a repeat", () => {
    expect(findAssetNameProblem(["BTC", "\u200b"], "proxy")).toBe("proxy 2 has no asset name: every proxy needs a name such as BTC");
    expect(findAssetNameProblem(["BTC", "BTC\u200b"], "proxy")).toMatch(/^proxy BTC appears twice \(positions 1 and 2; names are compared ignoring case, spaces and invisible characters\)/);
  });
});

describe("describeOddCharacters", () => {
  test.each([
    ["BTC\u200b", '"BTC\u200b" has an invisible character U+200B (zero-width space) at position 4'],
    ["\u0412TC", '"ВTC" has the Cyrillic letter В (U+0412) at position 1 where a Latin B is expected'],
    ["\u0392TC", '"ΒTC" has the Greek letter Β (U+0392) at position 1 where a Latin B is expected'],
    ["B\u00a0TC", '"B\u00a0TC" has an unusual space U+00A0 (no-break space) at position 2'],
    ["BT\u0007C", '"BT\u0007C" has a control character U+0007 at position 3'],
    ["\u0410\u0412\u0421\u0415", '"АВСЕ" has 4 characters that are not plain Latin, by position: А (U+0410, Cyrillic) at 1, В (U+0412, Cyrillic) at 2, С (U+0421, Cyrillic) at 3, and 1 more'],
  ])("%j", (name, expected) => {
    expect(describeOddCharacters(name)).toBe(expected);
  });

  test("a plain name has nothing odd", () => {
    expect(describeOddCharacters("BTC-PERP 2025")).toBeNull();
  });
});

describe("explainUnmatchedAssetName", () => {
  const listed = ["ALT", "BTC", "ETH"];

  test("the look-alike is in the name looked up", () => {
    expect(explainUnmatchedAssetName("\u0412TC", listed)).toBe('"ВTC" has the Cyrillic letter В (U+0412) at position 1 where a Latin B is expected, so it is not the listed BTC: retype it in Latin letters');
  });

  test("the look-alike is in the list", () => {
    expect(explainUnmatchedAssetName("ETH", ["ALT", "BTC", "\u0415TH"])).toBe('the listed "ЕTH" has the Cyrillic letter Е (U+0415) at position 1 where a Latin E is expected, so it is not ETH: retype it in Latin letters');
  });

  test("look-alikes on both sides", () => {
    expect(explainUnmatchedAssetName("\u0392TC", ["\u0412TC"])).toMatch(/^"ΒTC" has the Greek letter .*; the listed "ВTC" has the Cyrillic letter .*: retype both in Latin letters$/);
  });

  test("nothing to say about a plainly absent name, or about invisible characters (they are ignored when matching)", () => {
    expect(explainUnmatchedAssetName("SOL", listed)).toBe("");
    expect(explainUnmatchedAssetName("SO\u200bL", listed)).toBe("");
  });
});

describe("cleanAssetName's plain-ASCII fast path", () => {
  /** The rule in full (both patterns on every name), as cleanAssetName applied it before the fast path. */
  const cleanedInFull = (name: string): string => name.replace(/\p{Cf}/gu, "").replace(/\s/gu, " ").trim();

  test("the same name as the rule in full, for ASCII names, control characters, odd spaces and invisible characters", () => {
    const character = fc.oneof(
      fc.string({ unit: "binary-ascii", minLength: 1, maxLength: 1 }),
      fc.constantFrom(" ", "\t", "\u00a0", "\u200b", "\u00ad", "\ufeff", "\u3000", "\u0412", "\uff22"),
      fc.string({ unit: "grapheme", minLength: 1, maxLength: 1 }),
    );
    fc.assert(
      fc.property(fc.array(character, { maxLength: 12 }), (characters) => {
        const name = characters.join("");
        expect(cleanAssetName(name)).toBe(cleanedInFull(name));
      }),
      { seed: 20261210, numRuns: 2000 },
    );
  });
});

describe("assetKey's cache", () => {
  test("a key is the same whether computed or remembered, also past the cache's limit (it empties and refills)", () => {
    const names = Array.from({ length: 10_050 }, (_, index) => (index % 2 === 0 ? ` Alt${index}\u200b` : `ALT${index}`));
    const first = names.map(assetKey);
    expect(first[0]).toBe("alt0");
    expect(first[1]).toBe("alt1");
    expect(names.map(assetKey)).toEqual(first);
    expect(names.map((name) => cleanAssetName(name).toLowerCase())).toEqual(first);
  });
});
