/*
 * What the command line names, turned into the books to check: a file is one book; a folder is every .xlsx/.xlsm in
 * it (not its subfolders), by name, skipping Office's `~$` lock files. A path that does not exist, or a folder with
 * no book, is an entry of its own with the reason, so it shows in the output instead of vanishing.
 */
import { promises as fs } from "fs";
import { join } from "path";

export type CheckInput = { file: string; problem: null } | { file: string; problem: string };

const BOOK_EXTENSION = /\.xls[xm]$/i;
const LOCK_FILE_PREFIX = "~$";

async function folderBooks(folder: string): Promise<string[]> {
  const names = await fs.readdir(folder);
  return names
    .filter((name) => BOOK_EXTENSION.test(name) && !name.startsWith(LOCK_FILE_PREFIX))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((name) => join(folder, name));
}

export async function expandInputs(paths: readonly string[]): Promise<CheckInput[]> {
  const inputs: CheckInput[] = [];
  for (const path of paths) {
    let isFolder: boolean;
    try {
      isFolder = (await fs.stat(path)).isDirectory();
    } catch {
      inputs.push({ file: path, problem: "no such file or folder" });
      continue;
    }
    if (!isFolder) {
      inputs.push({ file: path, problem: null });
      continue;
    }
    const books = await folderBooks(path);
    if (books.length === 0) inputs.push({ file: path, problem: "the folder holds no .xlsx or .xlsm workbook" });
    for (const book of books) inputs.push({ file: book, problem: null });
  }
  return inputs;
}
