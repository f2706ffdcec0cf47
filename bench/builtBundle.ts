/*
 * The shipped custom functions, as Excel's runtime gets them: dist/functions.js (from `npm run build`) evaluated in
 * this process's own context (vm.runInThisContext), with a CustomFunctions.associate that records each function by
 * id. Not a separate vm context: there every global lookup crosses the context boundary and the same code runs 2–3×
 * slower (PLATFORM.md), which would hide what the adapter itself costs.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import * as vm from "node:vm";
import { installCustomFunctionsStub } from "../src/functions/customFunctionsStub";

/** A custom function as the runtime calls it: ranges in (any[][]), a spill out. */
export type RegisteredFunction = (...parameters: unknown[]) => unknown;

/** The repository's dist/ folder, from build/node/bench (where the compiled benchmark runs) or from bench/. */
function distDirectory(): string {
  const candidates = [path.resolve(__dirname, "../../../dist"), path.resolve(__dirname, "../dist")];
  const found = candidates.find((candidate) => fs.existsSync(path.join(candidate, "functions.js")));
  if (found === undefined) throw new Error(`dist/functions.js is missing (looked in ${candidates.join(", ")}): run "npm run build" first`);
  return found;
}

/** Loads dist/functions.js into this context once and returns its functions by id (VEGA, TWVEGA, …). */
export function loadBuiltFunctions(): { functions: Map<string, RegisteredFunction>; file: string } {
  installCustomFunctionsStub(globalThis);
  const holder = globalThis as unknown as { CustomFunctions: { associate: (id: string, implementation: RegisteredFunction) => void } };
  const functions = new Map<string, RegisteredFunction>();
  const previousAssociate = holder.CustomFunctions.associate;
  holder.CustomFunctions.associate = (id, implementation) => functions.set(id, implementation);
  const file = path.join(distDirectory(), "functions.js");
  try {
    vm.runInThisContext(fs.readFileSync(file, "utf8"), { filename: file });
  } finally {
    holder.CustomFunctions.associate = previousAssociate;
  }
  return { functions, file };
}

/** The function registered under `id`; throws naming it when the bundle does not register it. */
export function builtFunction(functions: Map<string, RegisteredFunction>, id: string): RegisteredFunction {
  const found = functions.get(id);
  if (found === undefined) throw new Error(`dist/functions.js registers no ${id} (it has ${[...functions.keys()].join(", ")})`);
  return found;
}
