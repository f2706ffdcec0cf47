/*
 * JSON output of the commands that print one document (hedge, nearcorr, volcorr): indented for reading, except that
 * an array of plain values (a matrix row, a list of names) stays on one line, so a matrix reads as a matrix.
 */

import { checkFinite } from "./finiteOutput";

type Json = string | number | boolean | null | readonly Json[] | { readonly [key: string]: Json | undefined };

function isPlain(value: Json | undefined): boolean {
  return value === null || typeof value !== "object";
}

/** Every number must be finite: JSON.stringify would write Infinity and NaN as null, a silent wrong answer. */
function checkNumbers(value: Json | undefined, where: string): void {
  if (value === null || value === undefined) return;
  if (typeof value === "number") checkFinite(value, () => where || "the top level");
  else if (Array.isArray(value)) (value as readonly Json[]).forEach((item, index) => checkNumbers(item, `${where} item ${index + 1}`));
  else if (typeof value === "object") {
    for (const [key, item] of Object.entries(value as { readonly [key: string]: Json | undefined })) checkNumbers(item, where === "" ? `"${key}"` : `${where}, "${key}"`);
  }
}

function format(value: Json, indent: string): string {
  if (isPlain(value)) return JSON.stringify(value);
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    const items = value as readonly Json[];
    if (items.length === 0) return "[]";
    if (items.every(isPlain)) return `[${items.map((item) => JSON.stringify(item)).join(", ")}]`;
    return `[\n${items.map((item) => `${inner}${format(item, inner)}`).join(",\n")}\n${indent}]`;
  }
  // Keys whose value is undefined are left out, as JSON.stringify does.
  const entries = Object.entries(value as { readonly [key: string]: Json | undefined }).filter(
    (entry): entry is [string, Json] => entry[1] !== undefined,
  );
  if (entries.length === 0) return "{}";
  return `{\n${entries.map(([key, item]) => `${inner}${JSON.stringify(key)}: ${format(item, inner)}`).join(",\n")}\n${indent}}`;
}

/**
 * The document as JSON text ending with a newline; numbers in full precision (shortest round-trip form). Throws
 * NonFiniteOutputError for a number that is not finite.
 */
export function formatJsonDocument(document: Json): string {
  checkNumbers(document, "");
  return `${format(document, "")}\n`;
}

export type { Json };
