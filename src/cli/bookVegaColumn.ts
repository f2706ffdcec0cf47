/*
 * Which column of `xvega hedge --exposures` holds each row's cash vega per vol point. xvega vega's output has two vega
 * columns: `vega`, per unit of underlying (one leg's vega, not a position's), and `position_vega` = qty × multiplier ×
 * vega. A hedge sized from the per-unit column is wrong by the size of every position, without an error, so:
 *   1. --vega-column NAME: that column, as the user says;
 *   2. otherwise `position_vega` when the file has it;
 *   3. otherwise `vega`, unless the file has xvega vega's leg columns (underlying, strike, years, vol): its vega is then
 *      per unit and the file is refused, with the fix.
 */
import { CsvLine, isBlankLine } from "./csvSections";
import { columnKey } from "./csvTable";
import { UnusableInputError } from "./subcommand";

export const BOOK_VEGA_COLUMN = "vega";
export const POSITION_VEGA_COLUMN = "position_vega";
/** The input columns xvega vega requires: a file with all of them holds legs, and its `vega` is per unit. */
const LEG_COLUMNS = ["underlying", "strike", "years", "vol"];

/** The canonical name (trimmed, lower case) of the column to read as cash vega; see the file comment for the rules. */
export function chooseBookVegaColumn(lines: readonly CsvLine[], explicitColumn: string | undefined, path: string): string {
  if (explicitColumn !== undefined) {
    const column = columnKey(explicitColumn);
    if (column === "") throw new UnusableInputError("--vega-column is blank: give the name of the column holding each row's cash vega, e.g. --vega-column position_vega");
    return column;
  }
  const header = (lines.find((line) => !isBlankLine(line))?.fields ?? []).map(columnKey);
  if (header.includes(POSITION_VEGA_COLUMN)) return POSITION_VEGA_COLUMN;
  if (header.includes(BOOK_VEGA_COLUMN) && LEG_COLUMNS.every((column) => header.includes(column))) {
    throw new UnusableInputError(
      `${path} looks like xvega vega output (columns ${LEG_COLUMNS.join(", ")}, vega) without position_vega: its vega is per unit ` +
        "of underlying, not each position's cash vega, and would size a wrong hedge; add qty and multiplier columns to the legs and run " +
        "xvega vega again (it then adds position_vega, which the hedge reads), or name the cash-vega column with --vega-column",
    );
  }
  return BOOK_VEGA_COLUMN;
}
