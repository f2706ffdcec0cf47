/*
 * The typed columns reused from call to call (src/functions/scratchColumns.ts): handed out zeroed, distinct within a
 * call, the same memory again in the next call, fresh outside a call; and custom-function calls in a row, which reuse
 * them, each give what a fresh call gives.
 */
import { scratchColumn, withScratchColumns } from "../../src/functions/scratchColumns";
import { vega } from "../../src/functions/vegaFunctions";
import { mulberry32 } from "../../bench/random";

describe("scratchColumn", () => {
  it("zeroed, distinct within a call (nested calls included), the same memory in the next call", () => {
    let first: Float64Array[] = [];
    withScratchColumns(() => {
      const a = scratchColumn(100);
      const b = withScratchColumns(() => scratchColumn(100));
      a.fill(7);
      b.fill(9);
      expect(a.buffer).not.toBe(b.buffer);
      expect(a.every((value) => value === 7)).toBe(true);
      first = [a, b];
    });
    withScratchColumns(() => {
      const a = scratchColumn(100);
      const b = scratchColumn(40);
      expect(a.buffer).toBe(first[0]?.buffer);
      expect(b.buffer).toBe(first[1]?.buffer);
      expect(b.length).toBe(40);
      expect(a.every((value) => value === 0) && b.every((value) => value === 0)).toBe(true);
    });
  });

  it("outside a call, a new array every time", () => {
    const a = scratchColumn(10);
    const b = scratchColumn(10);
    expect(a.buffer).not.toBe(b.buffer);
  });
});

describe("XV.VEGA calls in a row, reusing their columns", () => {
  it("each call gives, cell for cell, what the same call gives first in a fresh state: good legs after bad ones and bad after good", () => {
    const random = mulberry32(11);
    const column = (draw: () => unknown) => Array.from({ length: 500 }, () => [draw()]);
    const good = [column(() => 10 + 90 * random()), column(() => 10 + 90 * random()), column(() => 0.1 + random()), column(() => 0.1 + random())];
    const bad = [column(() => (random() < 0.5 ? "n/a" : 50)), good[1], good[2], column(() => 20 + Math.floor(100 * random()))];
    const shown = (result: unknown[][]) => JSON.stringify(result.map((row) => (row[0] instanceof CustomFunctions.Error ? row[0].message : row[0])));
    const goodFirst = shown(vega(...(good as [unknown[][], unknown[][], unknown[][], unknown[][]])));
    const badThen = shown(vega(...(bad as [unknown[][], unknown[][], unknown[][], unknown[][]])));
    const goodAgain = shown(vega(...(good as [unknown[][], unknown[][], unknown[][], unknown[][]])));
    const badAgain = shown(vega(...(bad as [unknown[][], unknown[][], unknown[][], unknown[][]])));
    expect(goodAgain).toBe(goodFirst);
    expect(badAgain).toBe(badThen);
    expect(goodFirst).not.toContain("n/a");
    expect(badThen).toContain("n/a");
  });
});
