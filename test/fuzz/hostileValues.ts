/*
 * The hostile values the fuzzer mixes into otherwise sensible inputs: what a new user, a paste from another system or
 * Excel itself can put in a cell or a CSV field. Kept as plain lists so that a failure's minimal input shows the value
 * as written here.
 */
import fc from "fast-check";

/**
 * Numbers Excel can hold (always finite: Excel has no NaN or Infinity) that stress the arithmetic: subnormals, the
 * edges of the double range, magnitudes whose square or product overflows, values next to 0 and 1, date serials.
 */
export const HOSTILE_NUMBERS: readonly number[] = [
  0, -0, 5e-324, -5e-324, 1e-310, -1e-310, 2.2250738585072014e-308, 1e-300, 1e-200, 1e-16, 1e-9, Number.EPSILON,
  1e308, -1e308, 1.7976931348623157e308, -1.7976931348623157e308, 1e200, -1e200, 1e155, 1e16, 1e15, -1e15, 2 ** 53,
  1e6, -1e6, 1, -1, 0.5, -0.5, 0.9999999999999999, 1.0000000000000002, 2, 5, 30, 65, 80, 100, 365, 45000, 2958465,
  2958466, 2958467, 1e-6,
];

const ZERO_WIDTH_SPACE = "\u200B";
const BYTE_ORDER_MARK = "\uFEFF";
const NO_BREAK_SPACE = "\u00A0";
/** Cyrillic capital letter Ve: looks like a Latin B. */
const CYRILLIC_VE = "\u0412";

/** Invisible or look-alike characters, to insert into names and numbers. */
export const INVISIBLE_CHARACTERS: readonly string[] = [ZERO_WIDTH_SPACE, BYTE_ORDER_MARK, NO_BREAK_SPACE, "\u2060", "\u200E"];

/** Text a cell or field may hold that is not what the argument expects, or only looks as if it were. */
export const HOSTILE_TEXTS: readonly string[] = [
  "", " ", "  ", "\t", "\n", "NaN", "nan", "Infinity", "-Infinity", "inf", "1e999", "-1e999", "1e-999", "0x10", "1,000",
  "1.000,5", "65%", " 65% ", "%", "1e", ".", "-", "+", "--1", "1..2", ZERO_WIDTH_SPACE, BYTE_ORDER_MARK, NO_BREAK_SPACE,
  `1${ZERO_WIDTH_SPACE}`, `${NO_BREAK_SPACE}100`, "BTC", `${CYRILLIC_VE}TC`, `BTC${ZERO_WIDTH_SPACE}`, `B${BYTE_ORDER_MARK}TC`,
  "btc", " BTC ", "=1+1", "+1", "-1", "@SUM(A1)", "=cmd|' /C calc'!A0", "=HYPERLINK(\"http://x\")", "-2+3", "#N/A",
  "#VALUE!", "#DIV/0!", "null", "undefined", "true", "FALSE", "abs", "log", "relative", "bsm", "black76", "inverse",
  "point", "unit", "date", "Date (UTC)", "Average", "Total", "05/12/2025", "2025-12-05", "2025-13-45", "é", "\u{1F4A5}",
  "x".repeat(300), '"', '""', "a,b", "a;b", "a\nb", "__proto__", "constructor", "toString", "0", "0.0", "1E308", "5e-324",
];

/** An error cell as Excel sends it with data types enabled (allowCustomDataForDataTypeAny). */
export const ERROR_CELL = { type: "Error", basicValue: "#N/A", errorType: "NotAvailable" } as const;

/** Any number Excel may send: mostly ordinary, sometimes hostile. */
export const excelNumber: fc.Arbitrary<number> = fc.oneof(
  { weight: 3, arbitrary: fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }) },
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_NUMBERS) },
  { weight: 1, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }) },
);

export const hostileText: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...HOSTILE_TEXTS) },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 1, arbitrary: fc.constantFrom(...HOSTILE_NUMBERS).map((value) => String(value)) },
);

/**
 * Any cell Excel may pass in an any[][] argument: numbers, text, booleans, null (web blank), "" (blank), 0 (desktop
 * blank inside ranges) and, rarely, an error cell object.
 */
export const hostileCell: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 5, arbitrary: excelNumber },
  { weight: 4, arbitrary: hostileText },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constantFrom<unknown>(null, "", 0) },
  { weight: 1, arbitrary: fc.constant<unknown>(ERROR_CELL) },
);

/** Ways to spoil an asset name so that it only looks like the intended one. */
export function disguisedName(name: string): fc.Arbitrary<string> {
  return fc.constantFrom(
    name.toLowerCase(),
    ` ${name} `,
    `${name}${ZERO_WIDTH_SPACE}`,
    `${ZERO_WIDTH_SPACE}${name}`,
    `${NO_BREAK_SPACE}${name}`,
    name.replace(/B/g, CYRILLIC_VE).replace(/E/g, "\u0415").replace(/A/g, "\u0410"),
    `=${name}`,
    `@${name}`,
    `${name}\t`,
  );
}
