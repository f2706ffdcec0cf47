/*
 * The hardening issue's unit notes (vol 5, years that look like days, every leg expired) for each XV call a formula
 * makes, from plausibilityNotes — the same notes the pane shows. A note about one result cell of a spill is placed on
 * that spill cell; any other note on the formula's cell.
 */
import { plausibilityNotes } from "../functions/plausibility";
import { Finding } from "./checkTypes";
import { cellName } from "./cellAddress";
import { XvCall } from "./formulaEvaluation";
import { XvFormulaCell } from "./formulaCells";

export function plausibilityFindings(formula: XvFormulaCell, calls: readonly XvCall[], resultColumns: number): Finding[] {
  const findings: Finding[] = [];
  // Only the outermost call's result is the formula's spill; notes of calls nested inside sit on the formula's cell.
  const outermost = calls[calls.length - 1];
  for (const call of calls) {
    let notes;
    try {
      notes = plausibilityNotes(call.name, call.args);
    } catch {
      continue; // the contract says it never throws; a broken note must not stop the check
    }
    for (const note of notes) {
      let row = formula.row;
      let column = formula.column;
      if (note.cell !== null && formula.spill !== null && call === outermost && resultColumns > 0) {
        row += Math.floor((note.cell - 1) / resultColumns);
        column += (note.cell - 1) % resultColumns;
      }
      findings.push({ sheet: formula.sheet, cell: cellName(row, column), function: call.name, kind: "plausibility", message: note.message, cached: null, recomputed: null });
    }
  }
  return findings;
}
