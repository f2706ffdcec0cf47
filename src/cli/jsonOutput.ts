/*
 * JSON output of the commands that print one document (hedge, nearcorr, volcorr): indented for reading, except that
 * an array of plain values (a matrix row, a list of names) stays on one line, so a matrix reads as a matrix.
 */

type Json = string | number | boolean | null | readonly Json[] | { readonly [key: string]: Json | undefined };

function isPlain(value: Json | undefined): boolean {
  return value === null || typeof value !== "object";
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

/** The document as JSON text ending with a newline; numbers in full precision (shortest round-trip form). */
export function formatJsonDocument(document: Json): string {
  return `${format(document, "")}\n`;
}

export type { Json };
