import fc from "fast-check";
import { contrastRatio, heatColour } from "../../../src/taskpane/correlation";
import { relativeLuminance } from "../../../src/taskpane/correlation/heatColour";
import { expectClose } from "../../core/tolerance";

const luminanceOf = (colour: string): number =>
  relativeLuminance([parseInt(colour.slice(1, 3), 16), parseInt(colour.slice(3, 5), 16), parseInt(colour.slice(5, 7), 16)]);

describe("contrastRatio (WCAG 2)", () => {
  /* WCAG 2.x, definition of contrast ratio: black on white is 21:1, a colour on itself 1:1; #777777 on white ≈ 4.48:1. */
  test("published anchors", () => {
    expect(contrastRatio("#000000", "#ffffff")).toBe(21);
    expect(contrastRatio("#ffffff", "#000000")).toBe(21);
    expect(contrastRatio("#0078d4", "#0078d4")).toBe(1);
    expectClose(contrastRatio("#777777", "#ffffff"), 4.478, { absolute: 5e-4 });
  });
});

describe("heatColour", () => {
  test("white at 0, Fluent blue at −1, orange-red at +1, the tints between", () => {
    expect(heatColour(0)).toEqual({ background: "#ffffff", text: "#000000" });
    expect(heatColour(-1).background).toBe("#0078d4");
    expect(heatColour(1).background).toBe("#da3b01");
    expect(heatColour(-0.5).background).toBe("#80bcea");
    expect(heatColour(0.5).background).toBe("#ed9d80");
  });

  test.each([Number.NaN, 1.5, -1.01, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, undefined as unknown as number])("%p is not a correlation: neutral grey", (value) => {
    expect(heatColour(value)).toEqual({ background: "#e1dfdd", text: "#000000" });
  });

  test("a formula's 1.0000000000000002 is still a correlation of 1", () => {
    expect(heatColour(1 + 2 ** -52)).toEqual(heatColour(1));
  });

  test("property: text on background reaches 4.5:1 (WCAG AA) for every correlation", () => {
    fc.assert(
      fc.property(fc.double({ min: -1, max: 1, noNaN: true }), (correlation) => {
        const { background, text } = heatColour(correlation);
        expect(background).toMatch(/^#[0-9a-f]{6}$/);
        expect(["#000000", "#ffffff"]).toContain(text);
        expect(contrastRatio(background, text)).toBeGreaterThanOrEqual(4.5);
        // The text is whichever of black and white contrasts more.
        const other = text === "#000000" ? "#ffffff" : "#000000";
        expect(contrastRatio(background, text)).toBeGreaterThanOrEqual(contrastRatio(background, other));
      }),
      { numRuns: 2000 },
    );
  });

  test("property: a stronger correlation of the same sign is never lighter", () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), fc.boolean(), (a, b, negative) => {
        const [weak, strong] = a <= b ? [a, b] : [b, a];
        const sign = negative ? -1 : 1;
        expect(luminanceOf(heatColour(sign * strong).background)).toBeLessThanOrEqual(luminanceOf(heatColour(sign * weak).background));
      }),
      { numRuns: 500 },
    );
  });
});
