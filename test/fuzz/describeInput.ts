/*
 * Inputs written out for a failure report: JSON-like, with the values JSON cannot write (-0, undefined) spelled out,
 * invisible characters escaped, and long ranges shortened to their first rows and a count.
 */

function describeString(text: string): string {
  // Invisible and look-alike characters are the point of many inputs: show them as escapes.
  return JSON.stringify(text).replace(/[\u0080-\uFFFF]/g, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, "0").toUpperCase()}`);
}

function describe(value: unknown, budget: { left: number }): string {
  if (budget.left <= 0) return "…";
  let text: string;
  if (value === undefined) text = "undefined";
  else if (value === null) text = "null";
  else if (typeof value === "number") text = Object.is(value, -0) ? "-0" : String(value);
  else if (typeof value === "string") text = describeString(value);
  else if (typeof value === "boolean") text = String(value);
  else if (Array.isArray(value)) {
    const shown: string[] = [];
    const limit = 12;
    for (const item of value.slice(0, limit)) {
      if (budget.left <= 0) break;
      shown.push(describe(item, budget));
    }
    if (value.length > shown.length) shown.push(`… (${value.length} in all)`);
    // The items have taken their share of the budget already.
    return `[${shown.join(",")}]`;
  } else if (value instanceof Error) text = `${value.constructor.name}(${describeString(value.message)})`;
  else {
    try {
      text = JSON.stringify(value);
    } catch {
      text = String(value);
    }
  }
  budget.left -= text.length;
  return text;
}

/** A value as text of about `maxLength` characters at most. */
export function describeValue(value: unknown, maxLength = 2000): string {
  return describe(value, { left: maxLength });
}
