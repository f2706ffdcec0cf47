/*
 * Data safety for a save: what the add-in may overwrite without asking. The XV_Config sheet is ours only when its
 * A1 holds the marker; a name XV_CORR / XV_VOLVOL / XV_META is ours only when it refers to a range on our XV_Config.
 * Anything else that exists is foreign, and the save asks first, naming it. Pure: the Office module observes, this
 * decides.
 */
import { CONFIG_SHEET_NAME } from "./workbookGateway";
import { isConfigMarker, MARKER_ADDRESS, type ConfigNameKey } from "./configSheetLayout";

export interface ConfigSheetObservation {
  exists: boolean;
  /** Value of its A1 (ignored when the sheet does not exist). */
  markerValue: unknown;
}

export interface NameObservation {
  name: ConfigNameKey;
  exists: boolean;
  /** Sheet of the range the name refers to; null when it refers to something else (a constant, a formula). */
  sheetName: string | null;
  /** What it refers to, for the message ("Correlations!A1:D4", "0.5"). */
  refersTo: string;
}

export interface OwnershipVerdict {
  /** Names that exist and point into our XV_Config: their old ranges are cleared before writing. */
  ourNames: ConfigNameKey[];
  /** Everything foreign, described for the user; empty when the save may go ahead. */
  foreign: string[];
}

function sameSheet(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

export function judgeOwnership(sheet: ConfigSheetObservation, names: readonly NameObservation[]): OwnershipVerdict {
  const sheetIsOurs = sheet.exists && isConfigMarker(sheet.markerValue);
  const foreign: string[] = [];
  if (sheet.exists && !sheetIsOurs) {
    foreign.push(`the sheet ${CONFIG_SHEET_NAME} (its cell ${MARKER_ADDRESS} does not hold xvega's marker, so xvega did not create it)`);
  }
  const ourNames: ConfigNameKey[] = [];
  for (const observed of names) {
    if (!observed.exists) continue;
    if (sheetIsOurs && observed.sheetName !== null && sameSheet(observed.sheetName, CONFIG_SHEET_NAME)) {
      ourNames.push(observed.name);
    } else {
      foreign.push(`the name ${observed.name}, which refers to ${observed.refersTo}`);
    }
  }
  return { ourNames, foreign };
}

export function confirmationMessage(foreign: readonly string[]): string {
  // Items contain commas ("the name XV_CORR, which refers to …"), so they are separated by semicolons.
  const list = foreign.join("; ");
  const them = foreign.length === 1 ? "it" : "them";
  return `Saving would overwrite ${list}. xvega did not create ${them}: save anyway to let xvega take ${them} over, or rename ${them} first.`;
}
