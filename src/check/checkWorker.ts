/*
 * One book in a worker thread of the check's pool (piscina loads the compiled form of this file). The add-in's
 * adapters need the CustomFunctions global, which a worker does not have: the stub stands in, as in the CLI.
 */
import { installCustomFunctionsStub } from "../functions/customFunctionsStub";
import { CheckOptions, WorkbookEntry } from "./checkTypes";
import { checkWorkbookFile } from "./workbookCheck";

installCustomFunctionsStub(globalThis);

export interface CheckTask {
  file: string;
  options: CheckOptions;
}

export default function checkInWorker(task: CheckTask): Promise<WorkbookEntry> {
  return checkWorkbookFile(task.file, task.options);
}
