/*
 * "Explain selected cell", without Office or DOM: from the selected cell (and the formula behind it) and the values
 * its arguments hold, re-run the XV function through the registry, exactly as Excel calls it, and say for that cell
 * the message of its error or its value, with the arguments as read and any plausibility notes. Excel for Windows and
 * Mac drop a custom function's error message in some builds: this is the second path to it.
 * Every case ends in an explanation (no XV formula, a nested call, a calculation as an argument, a bad argument).
 */
import { installCustomFunctionsStub } from "../../functions/customFunctionsStub";
import { findXvFunction, type RegisteredFunction } from "../../functions/functionRegistry";
import { plausibilityNotes } from "../../functions/plausibility";
import type { ArgumentSource, ArgumentValues, SelectedCell } from "../workbook/workbookGateway";
import { readFormulaCall, type FormulaArgument } from "./formulaCall";
import { describeShown, describeValue, describeValues, isExcelError } from "./valueText";

export interface ArgumentLine {
  /** The argument's name in the function reference (`vol`), or "argument 9" beyond them. */
  name: string;
  /** As written in the formula ("E2:E4", "XV_CORR", "0.05"), or "(omitted)". */
  written: string;
  /** What the pane read ("Positions!E2:E4, 3 rows × 1 column: 0.2, 65, 0.5"), or why it could not. */
  read: string;
  /** True when this argument keeps the pane from re-running the function. */
  blocking: boolean;
}

export interface CellOutcome {
  /** "error": the cell's error message; "value": it computes; "info": no result to give (and why). */
  kind: "error" | "value" | "info";
  text: string;
}

export interface CellExplanation {
  /** The cell explained ("Positions!F3"); null when no cell could be read. */
  cellAddress: string | null;
  /** Where the cell sits: a multi-cell selection, a spill. */
  context: string[];
  functionName: string | null;
  /** The formula that computes the cell (the spill anchor's for a spilled cell). */
  formula: string | null;
  arguments: ArgumentLine[];
  outcome: CellOutcome;
  /** What Excel shows in the cell ("#VALUE!", "0.3752"), when known. */
  shown: string | null;
  /** Plausibility notes for this cell, and a note when Excel's value differs from the pane's. */
  notes: string[];
}

/** An explanation that is only a message (no cell, no formula). */
export function messageExplanation(text: string, cellAddress: string | null = null): CellExplanation {
  return { cellAddress, context: [], functionName: null, formula: null, arguments: [], outcome: { kind: "info", text }, shown: null, notes: [] };
}

function contextLines(cell: SelectedCell): string[] {
  const lines: string[] = [];
  if (cell.multipleCells) lines.push(`You selected ${cell.selectionAddress}: this explains its top-left cell, ${cell.cellAddress}.`);
  if (cell.spillLookup === "found" && cell.formulaAddress !== null) {
    lines.push(`${cell.cellAddress} lies in the spill of the formula in ${cell.formulaAddress} (row ${cell.offset.row + 1}, column ${cell.offset.column + 1} of its result).`);
  }
  return lines;
}

function base(cell: SelectedCell): Pick<CellExplanation, "cellAddress" | "context" | "shown" | "notes" | "arguments"> {
  return { cellAddress: cell.cellAddress, context: contextLines(cell), shown: describeShown(cell.shown), notes: [], arguments: [] };
}

/** A cell with no formula behind it: a constant, a blank, or a spilled cell this Excel cannot trace. */
function withoutFormula(cell: SelectedCell): CellExplanation {
  const text =
    cell.spillLookup === "unsupported"
      ? `${cell.cellAddress} holds no formula of its own. If it lies in the spill of an XV formula, select the top-left cell of the spill and explain that: this Excel lacks Excel JavaScript API 1.12, which finds a spill's formula.`
      : `${cell.cellAddress} holds no XV formula${cell.shown === "" || cell.shown === null || cell.shown === undefined ? " (it is empty)" : ""}: select a cell with an XV formula, or one in its spill.`;
  return { ...base(cell), functionName: null, formula: null, outcome: { kind: "info", text } };
}

/**
 * The explanation of the selected cell, or of why there is none, before any argument is read: null when the formula
 * is one XV call to re-run (then `argumentSources` lists what to read).
 */
export function explainWithoutArguments(cell: SelectedCell): CellExplanation | null {
  if (cell.formula === null) return withoutFormula(cell);
  const reading = readFormulaCall(cell.formula);
  const shared = { ...base(cell), formula: cell.formula };
  switch (reading.kind) {
    case "none":
      return { ...shared, functionName: null, outcome: { kind: "info", text: `${cell.cellAddress} holds no XV formula: select a cell with an XV formula, or one in its spill.` } };
    case "unreadable":
      return { ...shared, functionName: null, outcome: { kind: "info", text: reading.problem } };
    case "nested":
      return {
        ...shared,
        functionName: reading.name,
        outcome: {
          kind: "info",
          text: `${reading.name} is part of a larger formula here, so its own result is not this cell's: the pane explains cells whose formula is one XV call, such as =${reading.name}(…). Put the XV call in a cell of its own to read its messages there.`,
        },
      };
    case "call":
      if (findXvFunction(reading.name) === null) {
        return { ...shared, functionName: reading.name, outcome: { kind: "info", text: `${reading.typedName} is not an xvega function (Excel shows #NAME?): the About tab lists them.` } };
      }
      return null;
  }
}

/** The reference and name arguments of the cell's XV call, in order: what explainCall needs read. */
export function argumentSources(cell: SelectedCell): ArgumentSource[] {
  const reading = cell.formula === null ? null : readFormulaCall(cell.formula);
  if (reading?.kind !== "call") return [];
  return reading.arguments.filter((argument): argument is ArgumentSource => argument.kind === "reference" || argument.kind === "name");
}

type Prepared = { line: ArgumentLine; value: unknown[][] | null };

function prepareArgument(argument: FormulaArgument, name: string, read: ArgumentValues | undefined): Prepared {
  const written = argument.kind === "omitted" ? "(omitted)" : argument.text;
  const line = (text: string, blocking = false): ArgumentLine => ({ name, written, read: text, blocking });
  switch (argument.kind) {
    case "omitted":
      return { line: line("omitted: the default applies"), value: null };
    case "number":
    case "string":
    case "boolean":
      return { line: line(describeValue(argument.value)), value: [[argument.value]] };
    case "array":
      return { line: line(describeValues(argument.values)), value: argument.values };
    case "expression":
      return { line: line("a calculation: the pane cannot re-evaluate it", true), value: null };
    case "reference":
    case "name": {
      if (read === undefined) return { line: line("not read", true), value: null };
      if (!read.ok) return { line: line(read.problem, true), value: null };
      const where = read.address === null ? "" : `${read.address}, `;
      return { line: line(`${where}${describeValues(read.values)}`), value: read.values };
    }
  }
}

function argumentName(registered: RegisteredFunction, index: number): string {
  return registered.argumentNames[index] ?? `argument ${index + 1} (one too many)`;
}

/** Runs the adapter as Excel would; a thrown CustomFunctions.Error (the whole call failed) comes back as `thrown`. */
async function run(registered: RegisteredFunction, values: (unknown[][] | null)[]): Promise<{ result: unknown } | { thrown: unknown }> {
  // The shared runtime defines CustomFunctions for the pane too; the stub stands in only where it does not.
  installCustomFunctionsStub(globalThis);
  try {
    return { result: await Promise.resolve(registered.adapter(...values)) };
  } catch (error) {
    return { thrown: error };
  }
}

function errorText(error: unknown): string {
  if (isExcelError(error)) {
    const message = typeof error.message === "string" && error.message !== "" ? error.message : "(Excel gives no message for this error)";
    return `${error.code} ${message}`;
  }
  return `The function failed: ${error instanceof Error ? error.message : String(error)}`;
}

function notesFor(registered: RegisteredFunction, values: (unknown[][] | null)[], cellNumber: number | null): string[] {
  let notes;
  try {
    notes = plausibilityNotes(registered.name, values);
  } catch {
    return [];
  }
  // cellNumber null: the call failed as a whole, so every note may matter; name the cell each is about.
  return notes.filter((note) => cellNumber === null || note.cell === null || note.cell === cellNumber).map((note) => (cellNumber === null && note.cell !== null ? `Cell ${note.cell} of the result: ${note.message}` : note.message));
}

/** Excel shows a number, the pane computes another: Excel has not recalculated (F9 skips custom functions in some builds). */
function mismatchNote(shown: unknown, computed: unknown): string | null {
  const tolerance = 1e-9 * Math.max(1, Math.abs(typeof computed === "number" ? computed : 0));
  const differs =
    (typeof shown === "number" && typeof computed === "number" && Math.abs(shown - computed) > tolerance) ||
    (typeof shown === "number" && isExcelError(computed)) ||
    (typeof shown === "string" && shown.startsWith("#") && typeof computed === "number");
  if (!differs) return null;
  return `Excel shows ${describeShown(shown) ?? "another result"} but the same inputs give ${isExcelError(computed) ? computed.code : describeValue(computed)} now: recalculate (Ctrl+Alt+F9; F9 alone skips custom functions in some builds) and explain again.`;
}

/** The explanation of a cell whose formula is one registered XV call, from its arguments' values (aligned with argumentSources). */
export async function explainCall(cell: SelectedCell, reads: readonly ArgumentValues[]): Promise<CellExplanation> {
  const early = explainWithoutArguments(cell);
  if (early !== null) return early;
  const reading = readFormulaCall(cell.formula ?? "");
  const registered = reading.kind === "call" ? findXvFunction(reading.name) : null;
  if (reading.kind !== "call" || registered === null) return messageExplanation("The formula could not be read again.", cell.cellAddress);
  let next = 0;
  const prepared = reading.arguments.map((argument, index) => {
    const read = argument.kind === "reference" || argument.kind === "name" ? reads[next++] : undefined;
    return prepareArgument(argument, argumentName(registered, index), read);
  });
  const shared = { ...base(cell), functionName: registered.name, formula: cell.formula, arguments: prepared.map(({ line }) => line) };
  const blocking = prepared.map(({ line }) => line).filter((line) => line.blocking);
  if (blocking.length > 0) {
    const why = blocking.map((line) => `${line.name} (${line.written}): ${line.read}`).join("; ");
    return {
      ...shared,
      outcome: {
        kind: "info",
        text: `The pane cannot re-run ${registered.name} for this cell: ${why}. Excel shows ${shared.shown ?? "the cell's own result"}. To have every message explained, give the function cells, ranges or names (put a calculation in a column of its own).`,
      },
    };
  }
  const values = prepared.map(({ value }) => value);
  const outcome = await run(registered, values);
  if ("thrown" in outcome) {
    return { ...shared, outcome: { kind: "error", text: errorText(outcome.thrown) }, notes: notesFor(registered, values, null) };
  }
  const result = outcome.result;
  const grid: unknown[][] = Array.isArray(result) ? (result as unknown[]).map((row) => (Array.isArray(row) ? row : [row])) : [[result]];
  const width = grid[0]?.length ?? 0;
  const value = grid[cell.offset.row]?.[cell.offset.column];
  if (value === undefined) {
    return {
      ...shared,
      outcome: { kind: "info", text: `The same inputs give a result of ${grid.length} × ${width} now, which does not reach this cell: recalculate (Ctrl+Alt+F9) and explain again.` },
    };
  }
  const notes = notesFor(registered, values, cell.offset.row * width + cell.offset.column + 1);
  const mismatch =
    cell.shown === "#SPILL!"
      ? `Excel shows #SPILL!: the result needs ${grid.length} × ${width} cells from ${cell.formulaAddress ?? cell.cellAddress} and something is in the way (or it runs off the sheet): clear the cells it spills into.`
      : mismatchNote(cell.shown, value);
  const allNotes = mismatch === null ? notes : [...notes, mismatch];
  if (isExcelError(value)) return { ...shared, outcome: { kind: "error", text: errorText(value) }, notes: allNotes };
  return { ...shared, outcome: { kind: "value", text: `It computes: ${describeValue(value)}.` }, notes: allNotes };
}
