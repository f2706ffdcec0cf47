/* Helpers shared by the tests of the range-taking functions (hedge, correlations). */

/** The CustomFunctions.Error a call threw (the whole call failed), or a test failure saying what happened instead. */
export function thrownBy(call: () => unknown): CustomFunctions.Error {
  let result: unknown;
  try {
    result = call();
  } catch (error) {
    if (error instanceof CustomFunctions.Error) return error;
    throw new Error(`expected a CustomFunctions.Error, got ${String(error)}`);
  }
  throw new Error(`expected the call to fail, but it returned ${JSON.stringify(result)}`);
}

/** Asserts a #VALUE! (default) or #N/A whose message matches, and that Excel's tooltip limit is respected. */
export function expectExcelError(call: () => unknown, message: RegExp | string, code: "#VALUE!" | "#N/A" = "#VALUE!"): CustomFunctions.Error {
  const error = thrownBy(call);
  expect({ code: error.code, message: error.message }).toEqual({ code, message: expect.stringMatching(message) });
  // Not cut short by excelErrors' 250-character limit: the end of a message is usually the fix.
  expect((error.message ?? "").endsWith("…") ? `cut short: ${error.message}` : "whole").toBe("whole");
  return error;
}

export const column = (...values: unknown[]): unknown[][] => values.map((value) => [value]);
export const row = (...values: unknown[]): unknown[][] => [values];
export const single = (value: unknown): unknown[][] => [[value]];

/** Every cell of a spilled result is a finite number or text: never null, undefined, NaN or ±Infinity. */
export function expectOnlyCellValues(result: unknown[][]): void {
  for (const cells of result) {
    for (const cell of cells) {
      const ok = (typeof cell === "number" && Number.isFinite(cell)) || typeof cell === "string";
      expect(ok ? "a cell value" : JSON.stringify(cell)).toBe("a cell value");
    }
  }
}
