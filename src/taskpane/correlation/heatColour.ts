/*
 * The matrix grid's heat map: a diverging scale from Fluent's blue (−1) through white (0) to Fluent's orange-red (+1),
 * blue–orange rather than blue–green so it reads for the colour-blind too. Text is black or white, whichever contrasts
 * more with the background (WCAG 2 relative luminance); one of the two always reaches 4.5:1.
 */
import { BOUND_TOLERANCE } from "../../core/correlation";

type Rgb = readonly [number, number, number];

/** Fluent's primary blue (themePrimary) and its orange-red. */
const NEGATIVE: Rgb = [0x00, 0x78, 0xd4];
const POSITIVE: Rgb = [0xda, 0x3b, 0x01];
const WHITE: Rgb = [0xff, 0xff, 0xff];
/** For what is not a correlation (NaN, |ρ| > 1): a Fluent neutral grey, off the scale so it stands apart. */
const NEUTRAL = { background: "#e1dfdd", text: "#000000" } as const;

const BLACK_TEXT = "#000000";
const WHITE_TEXT = "#ffffff";

function hex(colour: Rgb): string {
  return `#${colour.map((channel) => Math.round(channel).toString(16).padStart(2, "0")).join("")}`;
}

/** WCAG 2 relative luminance of an sRGB colour given as 0–255 channels. */
export function relativeLuminance(colour: Rgb): number {
  const [red, green, blue] = colour.map((channel) => {
    const value = channel / 255;
    return value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * red + 0.7152 * green + 0.0722 * blue;
}

/** WCAG 2 contrast ratio of two "#rrggbb" colours, 1 to 21. */
export function contrastRatio(first: string, second: string): number {
  const [lighter, darker] = [relativeLuminance(parseHex(first)), relativeLuminance(parseHex(second))].sort((a, b) => b - a) as [number, number];
  return (lighter + 0.05) / (darker + 0.05);
}

function parseHex(colour: string): Rgb {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(colour);
  if (!match) throw new RangeError(`colour ${colour} must be #rrggbb`);
  return [parseInt(match[1] as string, 16), parseInt(match[2] as string, 16), parseInt(match[3] as string, 16)];
}

/** Background and text colour ("#rrggbb") of a correlation's cell; NaN and values outside [−1, 1] get a neutral grey. */
export function heatColour(correlation: number): { background: string; text: string } {
  if (!(typeof correlation === "number" && Math.abs(correlation) <= 1 + BOUND_TOLERANCE)) return { ...NEUTRAL };
  const weight = Math.min(1, Math.abs(correlation));
  const end = correlation < 0 ? NEGATIVE : POSITIVE;
  const background = hex(WHITE.map((channel, k) => channel + ((end[k] as number) - channel) * weight) as unknown as Rgb);
  const text = contrastRatio(background, BLACK_TEXT) >= contrastRatio(background, WHITE_TEXT) ? BLACK_TEXT : WHITE_TEXT;
  return { background, text };
}
