/*
 * Hostile cells in every argument of XV.XVEGAHEDGE and XV.HEDGESTATS (issue 8's campaign, seeded): subnormals, ±1E308,
 * zero, negative and tiny numbers, invisible characters and look-alike letters in names, text, logicals, blanks. Every
 * call returns text and finite numbers only, or a #VALUE!/#N/A whose message is not an internal one.
 */
import fc from "fast-check";
import { hedgestats, xvegahedge } from "../../src/functions/hedgeFunctions";
import { expectOnlyCellValues, thrownBy } from "./functionTestUtils";

const NAMES = ["ALT", "BTC", "ETH", "btc ", "BTC\u200b", "\u0412TC", "\ufeffETH", "\u200b", "SOL", ""];
const NUMBERS = [0, -0, 1, -1, 0.5, 3, 2.5, 1e-310, -1e-310, 1e-12, 1e15, -1e15, 1e300, -1e300, 1.7976931348623157e308, Number.MIN_VALUE, 5e-324];
// Excel never sends NaN or ±Infinity, so neither may appear in a message.
const anyDouble = fc.double({ noNaN: true, noDefaultInfinity: true });
// Mostly sane values, so that the hostile one in a call reaches the engine instead of failing an earlier check.
const saneName = fc.constantFrom<unknown>("ALT", "BTC", "ETH");
const saneNumber = fc.constantFrom<unknown>(2, 3, 2.5, 100, 10_000, -5_000);
const hostileCell = fc.oneof(
  { arbitrary: fc.oneof(saneName, saneNumber), weight: 6 },
  { arbitrary: fc.constantFrom<unknown>(...NAMES, ...NUMBERS, null, true, "abc", "12", " "), weight: 2 },
  { arbitrary: anyDouble, weight: 1 },
);
const hostileNumber = fc.oneof(
  { arbitrary: saneNumber, weight: 6 },
  { arbitrary: fc.constantFrom<unknown>(...NUMBERS, null), weight: 2 },
  { arbitrary: anyDouble, weight: 1 },
);
const INTERNAL = /undefined|Cannot read|is not a function|NaN|Infinity|stack|TypeError|RangeError/;

function correlationsWith(entry: unknown, diagonal: unknown): unknown[][] {
  return [
    [null, "ALT", "BTC", "ETH"],
    ["ALT", diagonal, 0.8, 0.85],
    ["BTC", 0.8, 1, entry],
    ["ETH", 0.85, entry, 1],
  ];
}

describe("XV.XVEGAHEDGE and XV.HEDGESTATS under hostile input", () => {
  test("finite cells or a readable #VALUE!/#N/A, never an internal message", () => {
    fc.assert(
      fc.property(
        fc.tuple(fc.oneof({ arbitrary: saneName, weight: 6 }, { arbitrary: hostileCell, weight: 1 }), hostileCell),
        fc.array(hostileNumber, { minLength: 2, maxLength: 2 }),
        fc.array(fc.oneof({ arbitrary: fc.constantFrom("BTC", "ETH"), weight: 6 }, { arbitrary: fc.constantFrom(...NAMES), weight: 1 }), { minLength: 1, maxLength: 2 }),
        fc.tuple(
          fc.oneof({ arbitrary: fc.constantFrom<unknown>(0.9, 0.5, 0.99, 1, -0.3), weight: 6 }, { arbitrary: hostileNumber, weight: 1 }),
          fc.constantFrom<unknown>(1, 1, 1, 1e-310, 0.9999999999999999),
        ),
        fc.array(fc.oneof(hostileNumber, fc.constantFrom<unknown>(0, 1e-310, 5e-324, 1e-12, 1e4, 1e5)), { minLength: 3, maxLength: 3 }),
        fc.option(hostileNumber),
        fc.option(hostileNumber),
        fc.option(hostileNumber),
        (assets, vegas, proxies, [entry, diagonal], volOfVols, contractVega, lotSize, ridge) => {
          const args = [
            assets.map((cell) => [cell]),
            vegas.map((cell) => [cell]),
            [proxies],
            correlationsWith(entry, diagonal),
            [["ALT", volOfVols[0]], ["BTC", volOfVols[1]], ["ETH", volOfVols[2]]],
            contractVega === null ? null : [proxies.map(() => contractVega)],
            lotSize === null || contractVega === null ? null : [[lotSize]],
            ridge === null ? null : [[ridge]],
          ] as const;
          for (const fn of [xvegahedge, hedgestats]) {
            let result: unknown[][];
            try {
              result = fn(...(args as unknown as Parameters<typeof xvegahedge>));
            } catch (error) {
              const excelError = thrownBy(() => {
                throw error;
              });
              expect(["#VALUE!", "#N/A"]).toContain(excelError.code);
              expect(excelError.message ?? "").not.toMatch(INTERNAL);
              continue;
            }
            expectOnlyCellValues(result);
          }
        },
      ),
      { numRuns: 2000, seed: 8 },
    );
  });
});
