/*
 * The change-kind marker: which kind of daily vol change (abs: vol points, log: ln of the ratio of levels) a file of
 * correlations or vol-of-vols describes. Mixing kinds gives a wrong hedge without an error (DOMAIN.md §2), so the kind
 * is written where XV.VOLCORR writes it, the top-left cell: the corner of the matrix (`abs,BTC,ETH`) and the asset
 * column's header of the vol-of-vols (`abs,volvol`). `xvega hedge` checks it against --changes.
 */
import { CsvLine, isBlankLine } from "./csvSections";
import { columnKey } from "./csvTable";
import { ChangesWord, parseChangesWord } from "./optionValues";
import { UnusableInputError } from "./subcommand";

/** The kind a top-left cell names (abs, log, or their aliases absolute, relative), or null when it names none. */
export function changesMarkerOf(topLeft: string | null | undefined): ChangesWord | null {
  return topLeft === null || topLeft === undefined ? null : parseChangesWord(topLeft);
}

/**
 * The lines of a file of asset values, with a marker in the top-left cell of the table holding `valueColumn` renamed
 * `asset`, so that `abs,volvol` reads as `asset,volvol`; and the marker found (null when the table has none).
 */
export function takeAssetColumnMarker(lines: readonly CsvLine[], valueColumn: string): { lines: CsvLine[]; changes: ChangesWord | null } {
  const result = [...lines];
  for (let index = 0; index < result.length; index++) {
    const line = result[index] as CsvLine;
    const startsTable = !isBlankLine(line) && (index === 0 || isBlankLine(result[index - 1] as CsvLine));
    if (!startsTable) continue;
    const keys = line.fields.map(columnKey);
    if (!keys.includes(valueColumn)) continue;
    const changes = keys.includes("asset") ? null : changesMarkerOf(line.fields[0]);
    if (changes !== null) result[index] = { ...line, fields: ["asset", ...line.fields.slice(1)] };
    return { lines: result, changes };
  }
  return { lines: result, changes: null };
}

/** A file `xvega hedge` reads whose values depend on the kind of change. */
export interface MarkedFile {
  /** The option that names it: "--corr" or "--volvol". */
  option: string;
  path: string;
  changes: ChangesWord | null;
}

const KIND_DESCRIPTIONS: Readonly<Record<ChangesWord, string>> = {
  abs: "absolute vol changes, in vol points",
  log: "log vol changes, ln(level / previous level)",
};

function fixFor(marked: ChangesWord, option: string): string {
  return marked === "log"
    ? `run with --changes log --current-vols FILE.csv (columns asset, vol), or estimate again with xvega volcorr --changes abs`
    : `leave out --changes log (and --current-vols), or estimate again with xvega volcorr --changes log and give that file as ${option}`;
}

/**
 * Refuses a file whose marker contradicts --changes (UnusableInputError naming the file, the marker and the fix); returns
 * the note to print for files without a marker (which kind they are read as), or null when every file is marked.
 * @param changesGiven whether --changes was on the command line (otherwise `changes` is its default, abs)
 */
export function checkChangesMarkers(files: readonly MarkedFile[], changes: ChangesWord, changesGiven: boolean): string | null {
  for (const file of files) {
    if (file.changes !== null && file.changes !== changes) {
      throw new UnusableInputError(
        `${file.option} ${file.path} is marked ${file.changes} (its top-left cell: ${KIND_DESCRIPTIONS[file.changes]}) but ` +
          `--changes is ${changes}${changesGiven ? "" : " (the default)"}: ${fixFor(file.changes, file.option)}`,
      );
    }
  }
  return unmarkedNote(files, changes, changesGiven ? "as --changes says" : "the default of --changes");
}

/** The note naming the files without a marker and the kind they are read as, or null when every file is marked. */
function unmarkedNote(files: readonly MarkedFile[], changes: ChangesWord, why: string): string | null {
  const unmarked = [...new Set(files.filter((file) => file.changes === null).map((file) => file.path))];
  if (unmarked.length === 0) return null;
  const subject = unmarked.length === 1 ? `${unmarked[0]} has` : `${unmarked.join(" and ")} have`;
  return (
    `note: ${subject} no change-kind marker (abs or log in the top-left cell, as xvega volcorr writes it): ` +
    `read as ${changes} (${KIND_DESCRIPTIONS[changes]}), ${why}`
  );
}

/**
 * For a command that works on absolute changes only (the stress: its shifted correlations and vol-of-vols size vegas
 * per vol point, with no --changes option): refuses a file marked log, as `xvega hedge --changes abs` does, and
 * returns the note for files without a marker.
 * @param work what the command does, for the message: "the stress"
 */
export function checkAbsoluteChangesMarkers(files: readonly MarkedFile[], work: string): string | null {
  for (const file of files) {
    if (file.changes === "log") {
      throw new UnusableInputError(
        `${file.option} ${file.path} is marked log (its top-left cell: ${KIND_DESCRIPTIONS.log}) but ${work} works on ${KIND_DESCRIPTIONS.abs}: ` +
          `estimate again with xvega volcorr --changes abs (the default) and give that file as ${file.option}`,
      );
    }
  }
  return unmarkedNote(files, "abs", `the only kind ${work} uses`);
}
