/*
 * One fuzz target per XV function of the registry (src/functions/functionRegistry.ts): its inputs from its arguments'
 * kinds, and the checks on what it returns or throws. A function added to the registry is fuzzed with no change here.
 */
import { XV_FUNCTIONS, type RegisteredFunction } from "../../src/functions/functionRegistry";
import { ResolvedArgument, resolveArgument } from "./argumentKinds";
import { FunctionArguments, functionArguments } from "./functionInputs";
import { optionalArguments } from "./functionSignatures";
import type { CallOutcome, FuzzTarget } from "./fuzzTarget";
import { cpuMilliseconds } from "./callTiming";
import { describeValue } from "./describeInput";
import { Violation, argumentSubjects, internalLookingTexts, internalPart, messageViolations, textSubjects } from "./violations";

/** The only Excel errors whose message Excel shows (PLATFORM.md). */
const CODES_WITH_MESSAGE = new Set(["#VALUE!", "#N/A"]);

function isCustomFunctionsError(value: unknown): value is CustomFunctions.Error {
  return value instanceof CustomFunctions.Error;
}

function* cellsOf(args: FunctionArguments): Generator<unknown> {
  for (const argument of args) {
    if (argument === null) continue;
    for (const row of argument) for (const cell of row) yield cell;
  }
}

function errorViolations(error: CustomFunctions.Error, subjects: readonly string[], where: string, echoed: readonly string[]): Violation[] {
  const violations: Violation[] = [];
  if (!CODES_WITH_MESSAGE.has(error.code)) violations.push({ check: "hidden-message", detail: `${where}: ${error.code} (Excel shows no message for it): ${error.message ?? ""}` });
  violations.push(...messageViolations(error.message, subjects, where, echoed));
  return violations;
}

/** Checks a returned spill; `counts` learns whether it held errors. */
function resultViolations(result: unknown, subjects: readonly string[], inputTexts: ReadonlySet<string>, echoed: readonly string[]): { violations: Violation[]; errorCells: number; cells: number } {
  const violations: Violation[] = [];
  if (result !== null && typeof result === "object" && typeof (result as { then?: unknown }).then === "function") {
    return { violations: [{ check: "bad-result", detail: "returned a promise: the fuzzer calls functions synchronously; make it settle or extend the fuzzer" }], errorCells: 0, cells: 0 };
  }
  if (!Array.isArray(result) || result.length === 0 || !result.every(Array.isArray)) {
    return { violations: [{ check: "bad-result", detail: `returned ${describeValue(result, 200)}, not a non-empty 2-D array` }], errorCells: 0, cells: 0 };
  }
  const width = (result[0] as unknown[]).length;
  if (width === 0 || result.some((row: unknown[]) => row.length !== width)) {
    violations.push({ check: "bad-result", detail: `ragged or empty rows (widths ${[...new Set(result.map((row: unknown[]) => row.length))].join(", ")}): Excel cannot spill it` });
  }
  let errorCells = 0;
  let cells = 0;
  // One violation of each kind is enough per call; the rest of a 100,000-cell spill would only repeat it.
  const seen = new Set<string>();
  const add = (found: Violation[]): void => {
    for (const violation of found) {
      if (seen.has(violation.check)) continue;
      seen.add(violation.check);
      violations.push(violation);
    }
  };
  result.forEach((row: unknown[], rowIndex) => {
    row.forEach((cell, columnIndex) => {
      cells++;
      const where = `cell (${rowIndex + 1}, ${columnIndex + 1})`;
      if (typeof cell === "number") {
        if (!Number.isFinite(cell)) add([{ check: "non-finite", detail: `${where} is ${cell}` }]);
      } else if (typeof cell === "string") {
        const internal = inputTexts.has(cell) ? null : internalPart(cell, echoed);
        if (internal !== null) add([{ check: "internal-message", detail: `${where}: "${internal}" in: ${cell}` }]);
      } else if (typeof cell === "boolean") {
        // Excel shows TRUE/FALSE.
      } else if (isCustomFunctionsError(cell)) {
        errorCells++;
        if (seen.size < 8) add(errorViolations(cell, subjects, where, echoed));
      } else {
        add([{ check: "bad-result", detail: `${where} is ${describeValue(cell, 80)} (Excel shows null as 0; a blank cell is "")` }]);
      }
    });
  });
  return { violations, errorCells, cells };
}

export interface FunctionTarget extends FuzzTarget<FunctionArguments> {
  registered: RegisteredFunction;
  arguments: readonly ResolvedArgument[];
}

/** Calls the adapter as Excel would and checks everything that comes out. */
export function callFunction(registered: RegisteredFunction, resolved: readonly ResolvedArgument[], args: FunctionArguments, timeCapMs: number): CallOutcome {
  const start = cpuMilliseconds();
  let returned: unknown;
  let thrown: unknown;
  let threw = false;
  try {
    returned = registered.adapter(...args);
  } catch (error) {
    thrown = error;
    threw = true;
  }
  const durationMs = cpuMilliseconds() - start;
  const inputTexts = new Set<string>();
  for (const cell of cellsOf(args)) if (typeof cell === "string") inputTexts.add(cell);
  const subjects = [...resolved.flatMap((argument) => argumentSubjects(argument.name)), ...textSubjects(inputTexts)];
  const echoed = internalLookingTexts(inputTexts);
  const violations: Violation[] = [];
  let outcome: CallOutcome["outcome"];
  if (threw) {
    outcome = "error";
    if (isCustomFunctionsError(thrown)) violations.push(...errorViolations(thrown, subjects, "thrown error", echoed));
    else {
      const name = thrown instanceof Error ? thrown.constructor.name : typeof thrown;
      violations.push({ check: "exception", detail: `${name} escaped: ${thrown instanceof Error ? thrown.message : String(thrown)}` });
    }
  } else {
    const checked = resultViolations(returned, subjects, inputTexts, echoed);
    violations.push(...checked.violations);
    outcome = checked.errorCells === 0 ? "value" : checked.errorCells === checked.cells ? "error" : "mixed";
  }
  if (durationMs > timeCapMs) violations.push({ check: "slow", detail: `took ${Math.round(durationMs)} ms of CPU (cap ${timeCapMs} ms)` });
  return { outcome, durationMs, violations };
}

export function functionTargets(timeCapMs: number): FunctionTarget[] {
  return XV_FUNCTIONS.map((registered) => {
    const optional = optionalArguments(registered.adapter.name, registered.argumentNames.length);
    const resolved = registered.argumentNames.map((name, index) => resolveArgument(name, optional[index] ?? false));
    return {
      name: registered.name,
      registered,
      arguments: resolved,
      arbitrary: functionArguments(resolved),
      execute: (args: FunctionArguments) => callFunction(registered, resolved, args, timeCapMs),
      describe: (args: FunctionArguments) =>
        `${registered.name}(${args.map((argument, index) => `${resolved[index]?.name ?? index}=${describeValue(argument, 1500)}`).join(", ")})`,
    };
  });
}
