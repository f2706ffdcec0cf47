import fc from "fast-check";
import { parse } from "csv-parse/sync";
import { CsvChunkParser, RecordCutter } from "../../src/cli/csvChunkParser";

/*
 * Issue 11 part 3: the streaming commands parse CSV with their own chunk parser, which must read every file exactly
 * as csv-parse (with the options the commands always used) reads it as one text, wherever the chunks are cut, and
 * call "irregular" exactly the files csv-parse refuses (whose message then comes from csv-parse itself). The first pass
 * runs the same parser on Latin-1 text (one character per byte of the UTF-8 file) without keeping fields: it must
 * judge regularity the same way.
 */

const OPTIONS = { bom: true, relax_column_count: true, skip_empty_lines: true, skip_records_with_empty_values: true } as const;

type Reading = { records: string[][] } | { irregular: true };

function csvParse(text: string): Reading {
  try {
    return { records: parse(text, OPTIONS) as string[][] };
  } catch {
    return { irregular: true };
  }
}

/** The text cut at `cuts` (positions, any order, out-of-range ones ignored). */
function pieces(text: string, cuts: readonly number[]): string[] {
  const positions = [...new Set(cuts.filter((cut) => cut > 0 && cut < text.length))].sort((a, b) => a - b);
  const result: string[] = [];
  let start = 0;
  for (const position of positions) {
    result.push(text.slice(start, position));
    start = position;
  }
  result.push(text.slice(start));
  return result;
}

function chunkParse(chunks: readonly string[]): Reading {
  const parser = new CsvChunkParser();
  const records: string[][] = [];
  chunks.forEach((chunk, index) => records.push(...parser.push(chunk, index === chunks.length - 1)));
  return parser.firstIrregularity === null ? { records } : { irregular: true };
}

/** The first pass: Latin-1 text of the UTF-8 bytes, fields not kept. */
function scanIsRegular(text: string, cuts: readonly number[]): boolean {
  const latin1 = Buffer.from(text, "utf8").toString("latin1");
  const scanner = new CsvChunkParser(false);
  const chunks = pieces(latin1, cuts);
  chunks.forEach((chunk, index) => scanner.push(chunk, index === chunks.length - 1));
  return scanner.firstIrregularity === null;
}

function expectSameReading(text: string, cuts: readonly number[]): void {
  const expected = csvParse(text);
  expect(chunkParse(pieces(text, cuts))).toEqual(expected);
  expect(scanIsRegular(text, cuts)).toBe("records" in expected);
}

/** Text built mostly from what CSV is made of: separators, quotes, each kind of line break, blanks, a few letters. */
const CSV_PIECES = ["a", "b", "1", "é", "€", " ", "\t", ",", ",", '"', '"', '""', "\n", "\n", "\r", "\r\n", "\r\n", ",,", "=x"];
const csvText = fc
  .tuple(fc.boolean(), fc.array(fc.constantFrom(...CSV_PIECES), { maxLength: 40 }))
  .map(([bom, parts]) => (bom ? "\uFEFF" : "") + parts.join(""));
const cutPositions = fc.array(fc.nat({ max: 60 }), { maxLength: 12 });

describe("CsvChunkParser reads CSV as csv-parse does", () => {
  it("on generated text cut into random chunks: the same records, or irregular exactly when csv-parse throws", () => {
    fc.assert(
      fc.property(csvText, cutPositions, (text, cuts) => expectSameReading(text, cuts)),
      { numRuns: 3000 },
    );
  });

  it("on generated regular files (quoted fields holding commas, quotes and line breaks), cut anywhere", () => {
    const field = fc.oneof(
      fc.constantFrom("", " ", "100", "0.2", "-10", "ALT", "65%"),
      fc.array(fc.constantFrom("a", ",", '"', "\n", "\r\n", " ", "é"), { maxLength: 6 }).map((parts) => `"${parts.join("").replace(/"/g, '""')}"`),
    );
    const line = fc.array(field, { minLength: 1, maxLength: 5 }).map((fields) => fields.join(","));
    const file = fc.tuple(fc.array(line, { maxLength: 8 }), fc.constantFrom("\n", "\r\n", "\r"), fc.boolean(), fc.boolean()).map(
      ([lines, delimiter, bom, finalBreak]) => (bom ? "\uFEFF" : "") + lines.join(delimiter) + (finalBreak ? delimiter : ""),
    );
    fc.assert(
      fc.property(file, fc.array(fc.nat({ max: 200 }), { maxLength: 20 }), (text, cuts) => {
        expect("records" in csvParse(text)).toBe(true);
        expectSameReading(text, cuts);
      }),
      { numRuns: 2000 },
    );
  });

  it.each([
    ["a quoted field with a line break", 'leg,note\nL1,"two\nlines"\nL2,x\n'],
    ["an escaped quote", 'leg,note\nL1,"say ""hi"""\n'],
    ["a byte-order mark before a quoted header", '\uFEFF"leg",note\nL1,x\n'],
    ["CRLF, with a lone LF inside a field", "leg,note\r\nL1,a\nb\r\nL2,c\r\n"],
    ["LF, with a lone CR inside a field", "leg,note\nL1,a\rb\nL2,c\n"],
    ["blank lines and blank records", "leg,note\n\n,,\n , \nL1,x\n\r\n"],
    ["a quoted empty field alone on a line", 'leg\n""\nL1\n'],
    ["no final line break", "leg,note\nL1,x"],
    ["a quote opening inside a field (irregular)", 'leg,note\nL1,ab"c\n'],
    ["text after a closing quote (irregular)", 'leg,note\nL1,"ab"c\n'],
    ["a CR after a closing quote in an LF file (irregular)", 'leg,note\nL1,"ab"\r\nL2,x\n'],
    ["a quote never closed (irregular)", 'leg,note\nL1,"ab\nL2,x\n'],
  ])("%s: the same at every single cut and every pair of cuts", (_, text) => {
    for (let first = 0; first <= text.length; first++) {
      for (let second = first; second <= text.length; second++) expectSameReading(text, [first, second]);
    }
  });
});

describe("RecordCutter cuts regular CSV into runs of whole records (for worker threads)", () => {
  it("on generated text csv-parse reads, cut into random chunks: each run parsed alone gives csv-parse's records", () => {
    fc.assert(
      fc.property(csvText, cutPositions, (text, cuts) => {
        const expected = csvParse(text);
        fc.pre("records" in expected);
        const cutter = new RecordCutter();
        const chunks = pieces(text, cuts);
        const runs = chunks.map((chunk, index) => cutter.take(chunk, index === chunks.length - 1)).filter((run) => run !== "");
        expect(runs.join("")).toBe(text);
        // The first run is read as the file's start (byte-order mark, delimiter found), the others as continuations.
        const records: string[][] = [];
        runs.forEach((run, index) => {
          const parser = index === 0 ? new CsvChunkParser() : new CsvChunkParser(true, cutter.delimiter);
          records.push(...parser.push(run, true));
          expect(parser.firstIrregularity).toBeNull();
        });
        expect({ records }).toEqual(expected);
      }),
      { numRuns: 3000 },
    );
  });
});
