/*
 * Checking many books: in parallel on a pool of worker threads (piscina, one worker per core by default), the
 * output in the order the books were named whatever order they finish in. The pool runs the compiled worker
 * (build/node); run from the TypeScript sources (the tests), or with one worker, books are checked in this thread.
 */
import { existsSync } from "fs";
import { availableParallelism } from "os";
import { join } from "path";
import Piscina from "piscina";
import { installCustomFunctionsStub } from "../functions/customFunctionsStub";
import { expandInputs } from "./checkInputs";
import { CheckOptions, WorkbookEntry } from "./checkTypes";
import type { CheckTask } from "./checkWorker";
import { checkWorkbookFile } from "./workbookCheck";

const COMPILED_WORKER = join(__dirname, "checkWorker.js");

export function defaultWorkerCount(): number {
  return Math.max(1, availableParallelism());
}

async function checkInThisThread(files: readonly string[], options: CheckOptions): Promise<WorkbookEntry[]> {
  installCustomFunctionsStub(globalThis);
  const entries: WorkbookEntry[] = [];
  for (const file of files) entries.push(await checkWorkbookFile(file, options));
  return entries;
}

async function checkOnPool(files: readonly string[], options: CheckOptions, workers: number): Promise<WorkbookEntry[]> {
  const pool = new Piscina<CheckTask, WorkbookEntry>({ filename: COMPILED_WORKER, minThreads: 1, maxThreads: workers, idleTimeout: 1000 });
  try {
    // Promise.all keeps the order the tasks were given in.
    return await Promise.all(files.map((file) => pool.run({ file, options })));
  } finally {
    await pool.destroy();
  }
}

/** Every entry, in the order the paths were given (a folder's books by name). */
export async function runCheck(paths: readonly string[], options: CheckOptions, workers: number): Promise<WorkbookEntry[]> {
  const inputs = await expandInputs(paths);
  const files = inputs.filter((input) => input.problem === null).map((input) => input.file);
  const usePool = workers > 1 && files.length > 1 && existsSync(COMPILED_WORKER);
  const checked = usePool ? await checkOnPool(files, options, Math.min(workers, files.length)) : await checkInThisThread(files, options);
  const byFile = new Map<string, WorkbookEntry[]>();
  files.forEach((file, index) => byFile.set(file, [...(byFile.get(file) ?? []), checked[index] as WorkbookEntry]));
  return inputs.map((input) => (input.problem === null ? (byFile.get(input.file)?.shift() as WorkbookEntry) : { file: input.file, error: input.problem }));
}
