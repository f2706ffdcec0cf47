/*
 * What the pane accepts as an asset name. Names end up in cells of the XV_Config sheet and in the hedge's lookups, so
 * the rules are those of the hedge (trimmed, case-insensitive, unique) plus what keeps a cell a plain name.
 */
import { assetKey } from "../../core/correlation";
import { isNumericText } from "../../ranges/cellReading";

/** Longer names are typing accidents (a pasted sentence), and they break the matrix grid's layout. */
export const MAX_ASSET_NAME_LENGTH = 40;

/**
 * A cell whose text starts with one of these is read as a formula by Excel and by spreadsheet apps opening an export
 * (CSV/formula injection, OWASP). Tab and carriage return, the list's other two, cannot survive trimming.
 */
const FORMULA_PREFIXES: readonly string[] = ["=", "+", "-", "@"];

const CONTROL_CHARACTER = /[\u0000-\u001f\u007f]/;

/** A name as messages quote it: trimmed, cut at 40 characters, in quotes. */
export function quoteName(name: string): string {
  const characters = Array.from(name.trim());
  return `"${characters.length > MAX_ASSET_NAME_LENGTH ? `${characters.slice(0, MAX_ASSET_NAME_LENGTH - 1).join("")}…` : characters.join("")}"`;
}

/**
 * Why `name` cannot be an asset beside `existing`, or null when it can. The name is judged trimmed (as it is stored).
 * `ignoredPosition` is the asset being renamed: its own name is not a duplicate.
 */
export function assetNameProblem(name: unknown, existing: readonly string[], ignoredPosition?: number): string | null {
  if (typeof name !== "string" || name.trim() === "") return "the asset name is blank: type a name such as BTC";
  const trimmed = name.trim();
  const shown = quoteName(trimmed);
  if (CONTROL_CHARACTER.test(trimmed)) return `asset name ${shown} contains a line break or another control character: type the name on one line`;
  const first = trimmed.charAt(0);
  if (FORMULA_PREFIXES.includes(first)) {
    return `asset name ${shown} starts with "${first}": a name starting with =, +, - or @ would be read as a formula when written to a cell; remove the "${first}"`;
  }
  if (isNumericText(trimmed)) return `asset name ${shown} reads as a number, so Excel would store it as one: add a letter (ALT1, not 1)`;
  const length = Array.from(trimmed).length;
  if (length > MAX_ASSET_NAME_LENGTH) return `asset name ${shown} is ${length} characters long: keep it to ${MAX_ASSET_NAME_LENGTH} or fewer`;
  const key = assetKey(trimmed);
  const clash = existing.findIndex((other, position) => position !== ignoredPosition && assetKey(other) === key);
  if (clash >= 0) {
    return `asset name ${shown} is already used by ${quoteName(existing[clash] ?? "")} (names are compared ignoring case and spaces): choose another name`;
  }
  return null;
}

/** Why `position` is not an asset of a list of `count`, or null when it is one. */
export function assetPositionProblem(position: number, count: number): string | null {
  if (Number.isInteger(position) && position >= 0 && position < count) return null;
  if (count === 0) return "there are no assets yet: add one first";
  const shown = Number.isInteger(position) ? String(position + 1) : String(position);
  return `there is no asset ${shown}: the set-up has assets 1 to ${count}`;
}
