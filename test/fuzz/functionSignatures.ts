/*
 * Which arguments of an XV function Excel may omit. The registry lists names only; optional parameters are marked `?`
 * in the adapters' TypeScript signatures (that is what custom-functions-metadata-plugin reads too), so they are read
 * from the sources in src/functions. The fuzzer passes null for an omitted optional, as Excel does, and never for a
 * required argument.
 */
import { existsSync, readFileSync, readdirSync } from "fs";
import { dirname, join } from "path";

/** The repository root: the nearest folder above this file holding package.json and src/functions. */
export function repositoryRoot(): string {
  let folder = __dirname;
  for (;;) {
    if (existsSync(join(folder, "package.json")) && existsSync(join(folder, "src", "functions"))) return folder;
    const parent = dirname(folder);
    if (parent === folder) throw new Error(`no repository root above ${__dirname}`);
    folder = parent;
  }
}

/** Splits a parameter list at its top-level commas (types may hold generics or tuples). */
function splitParameters(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = "";
  for (const character of text) {
    if ("<([{".includes(character)) depth++;
    if (">)]}".includes(character)) depth--;
    if (character === "," && depth === 0) {
      parts.push(current);
      current = "";
    } else {
      current += character;
    }
  }
  if (current.trim() !== "") parts.push(current);
  return parts;
}

let cached: Map<string, boolean[]> | null = null;

/** Optional flags of every exported function in src/functions, by function name. */
function exportedSignatures(): Map<string, boolean[]> {
  if (cached) return cached;
  const signatures = new Map<string, boolean[]>();
  const folder = join(repositoryRoot(), "src", "functions");
  for (const file of readdirSync(folder).filter((name) => name.endsWith(".ts"))) {
    const source = readFileSync(join(folder, file), "utf8");
    const pattern = /export\s+(?:async\s+)?function\s+(\w+)\s*\(([^)]*)\)/g;
    for (let match = pattern.exec(source); match !== null; match = pattern.exec(source)) {
      const [, name, parameters] = match;
      if (name === undefined || parameters === undefined) continue;
      signatures.set(name, splitParameters(parameters).map((parameter) => /^\s*\w+\s*\?\s*:|=/.test(parameter)));
    }
  }
  cached = signatures;
  return signatures;
}

/**
 * For each argument, whether Excel may omit it. An adapter whose source cannot be found is taken as having only
 * required arguments (the fuzzer then never passes null for them).
 */
export function optionalArguments(adapterName: string, argumentCount: number): boolean[] {
  const flags = exportedSignatures().get(adapterName) ?? [];
  return Array.from({ length: argumentCount }, (_, index) => flags[index] ?? false);
}
