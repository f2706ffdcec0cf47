/*
 * Reading a number typed into the pane: "0.8", " -0.35 ", "80%", "−0.35" (a typographic minus, as pasted from a
 * document) or "0,8" (a decimal comma). Nothing else: no hex, no "Infinity", no thousands separators.
 */

export type TypedNumber =
  | { kind: "blank" }
  | { kind: "notANumber"; text: string }
  /** `text` is what was typed, trimmed, for messages; `percent` when it ended in % (`value` is already divided by 100). */
  | { kind: "number"; value: number; text: string; percent: boolean };

const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;
const DECIMAL_COMMA = /^([+-]?\d*),(\d+)$/;

/** Reads what was typed in a cell of the pane; `null`/`undefined` (a caller outside TypeScript) count as blank. */
export function readTypedNumber(typed: string): TypedNumber {
  const text = (typed ?? "").toString().trim();
  if (text === "") return { kind: "blank" };
  const percent = text.endsWith("%");
  let body = (percent ? text.slice(0, -1) : text).trim().replace(/^\u2212/, "-");
  const comma = DECIMAL_COMMA.exec(body);
  if (comma) body = `${comma[1] ?? ""}.${comma[2] ?? ""}`;
  if (!DECIMAL.test(body)) return { kind: "notANumber", text };
  // "80%" is read as 80e-2, not 80/100, so that it is the double nearest to 0.8 whatever the digits.
  const [mantissa = "", exponent = "0"] = body.split(/e/i);
  const value = percent ? Number(`${mantissa}e${Number(exponent) - 2}`) : Number(body);
  // −0 would show as "-0" in the grid; it is the same number as 0.
  return { kind: "number", value: value === 0 ? 0 : value, text, percent };
}
