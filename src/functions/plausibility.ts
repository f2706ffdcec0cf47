/*
 * Plausibility notes: inputs that compute but look like a unit slip (30 years on a crypto leg, vol 5 = 500%, XV.YEARS
 * with its arguments swapped). Never errors: they can be right. Shown where a user looks: the pane's "Explain selected
 * cell" and the end-of-day check's `plausibility` findings. The rules, thresholds and messages are in
 * src/core/plausibility and docs/functions.md ("Plausibility notes").
 * CONTRACT (shared by the pane, the check and the fuzzer): `plausibilityNotes(name, args)` takes the function name as
 * typed (`XV.VEGA`) and Excel's raw arguments in order (any[][] per range, null for an omitted optional), never
 * throws, and returns the notes.
 */
import {
  LEG_NOTE_ARGUMENT,
  LegForNotes,
  LegNoteRule,
  describeLegNote,
  everyLegExpiredNote,
  legNoteValue,
  referenceDaysRule,
  swappedDatesNote,
  vegaLegRules,
  yearsRule,
} from "../core/plausibility";
import { reportLegProblems } from "../core/vega/legColumns";
import type { OptionModel } from "../core/vega/optionModel";
import { classifyTimeWeightingProblem } from "../core/vega/timeWeightedVega";
import { classifySerialProblem } from "../core/time/yearFraction";
import { asGrid } from "../ranges/rangeReading";
import { findXvFunction } from "./functionRegistry";
import { SharedMessages } from "./sharedMessages";
import { readDateColumns, readTimeWeightingColumns, readVegaLegs } from "./vegaArguments";

export interface PlausibilityNote {
  /** The argument the note is about, as named in the function reference (`years`), or null for the call as a whole. */
  argument: string | null;
  /** 1-based position of the cell in the result (row-major over the spill) the note is about, or null for every cell. */
  cell: number | null;
  /** What looks wrong and what it probably should be, e.g. "years 30 on a crypto leg: days typed as years? 30 days is 0.0822". */
  message: string;
  /** Which rule fired (`volHigh`, `everyLegExpired`…), as listed in docs/functions.md, for a check to count or filter by. */
  rule: string;
}

/** A per-cell note, before notes that hold for every cell are merged. */
interface CellNote {
  index: number;
  rule: LegNoteRule;
  message: string;
}

/**
 * Per-cell notes as returned: a note that every cell of the result has, with the same message, becomes one note with
 * `cell` null (a vol of 5 in one cell broadcast over a book is one note, not one per leg); the rest keep their cell.
 */
function mergeCellNotes(cellNotes: readonly CellNote[], cellCount: number): PlausibilityNote[] {
  const counts = new Map<string, number>();
  for (const note of cellNotes) counts.set(note.message, (counts.get(note.message) ?? 0) + 1);
  const notes: PlausibilityNote[] = [];
  const merged = new Set<string>();
  for (const note of cellNotes) {
    const everywhere = counts.get(note.message) === cellCount;
    if (everywhere && merged.has(note.message)) continue;
    if (everywhere) merged.add(note.message);
    notes.push({ argument: LEG_NOTE_ARGUMENT[note.rule], cell: everywhere ? null : note.index + 1, message: note.message, rule: note.rule });
  }
  return notes;
}

/** Memo of leg-note messages by rule and the value quoted (the strike rule quotes two values, so its key holds both). */
function legNoteMessages(referenceDays?: Float64Array): (rule: LegNoteRule, leg: LegForNotes, index: number) => string {
  // The memo builds a message only on a miss, from the leg being looked up.
  let currentLeg = emptyLeg(null);
  let currentDays = Number.NaN;
  const memo = new SharedMessages<LegNoteRule>((rule) => describeLegNote(rule, currentLeg, currentDays));
  return (rule, leg, index) => {
    currentLeg = leg;
    currentDays = referenceDays?.[index] ?? Number.NaN;
    const key = rule === "strikeFarFromUnderlying" ? `${leg.strike}/${leg.underlying}` : rule === "referenceDaysTiny" ? currentDays : legNoteValue(rule, leg);
    return memo.messageFor(rule, key);
  };
}

function emptyLeg(model: OptionModel | null): LegForNotes {
  return { model, underlying: Number.NaN, strike: Number.NaN, years: Number.NaN, vol: Number.NaN, rate: Number.NaN, carry: Number.NaN };
}

/** An argument as the readers take it: null when omitted, else a grid (a bare value is one cell). */
function argumentAt(args: readonly unknown[], position: number): unknown[][] | null {
  const value = args[position];
  return value === null || value === undefined ? null : asGrid(value);
}

function vegaNotes(args: readonly unknown[]): PlausibilityNote[] {
  const [underlying, strike, years, vol] = [0, 1, 2, 3].map((position) => argumentAt(args, position) ?? [[null]]) as [unknown[][], unknown[][], unknown[][], unknown[][]];
  const { shape, problems, legs } = readVegaLegs(underlying, strike, years, vol, argumentAt(args, 4), argumentAt(args, 5), argumentAt(args, 6), argumentAt(args, 7));
  reportLegProblems(legs, problems.flags, (index) => problems.add(index, "refused"));
  const messageFor = legNoteMessages();
  const cellNotes: CellNote[] = [];
  let computing = 0;
  let expired = 0;
  for (let index = 0; index < problems.flags.length; index++) {
    if (problems.flags[index] === 1) continue; // the cell shows an error: that is what to fix first
    const leg: LegForNotes = {
      model: typeof legs.models === "string" ? legs.models : (legs.models[index] as OptionModel),
      underlying: legs.underlying[index] as number,
      strike: legs.strike[index] as number,
      years: legs.years[index] as number,
      vol: legs.vol[index] as number,
      rate: legs.rate[index] as number,
      carry: legs.carry[index] as number,
    };
    computing++;
    if (!(leg.years > 0)) expired++;
    for (const rule of vegaLegRules(leg)) cellNotes.push({ index, rule, message: messageFor(rule, leg, index) });
  }
  const expiredNote = everyLegExpiredNote(computing, expired, "vega");
  const callNotes: PlausibilityNote[] = expiredNote === null ? [] : [{ argument: "years", cell: null, message: expiredNote, rule: "everyLegExpired" }];
  return [...callNotes, ...mergeCellNotes(cellNotes, shape.rows * shape.columns)];
}

function timeWeightingNotes(args: readonly unknown[]): PlausibilityNote[] {
  const [vega, years] = [0, 1].map((position) => argumentAt(args, position) ?? [[null]]) as [unknown[][], unknown[][]];
  const { shape, problems, vegas, years: legYears, referenceDays } = readTimeWeightingColumns(vega, years, argumentAt(args, 2));
  const messageFor = legNoteMessages(referenceDays);
  const cellNotes: CellNote[] = [];
  let computing = 0;
  let expired = 0;
  for (let index = 0; index < problems.flags.length; index++) {
    if (problems.flags[index] === 1) continue;
    const legYearsValue = legYears[index] as number;
    const days = referenceDays[index] as number;
    if (classifyTimeWeightingProblem(vegas[index] as number, legYearsValue, days) !== null) continue;
    computing++;
    if (!(legYearsValue > 0)) expired++;
    const leg = { ...emptyLeg(null), years: legYearsValue };
    for (const rule of [yearsRule(legYearsValue, null), referenceDaysRule(days)]) {
      if (rule !== null) cellNotes.push({ index, rule, message: messageFor(rule, leg, index) });
    }
  }
  const expiredNote = everyLegExpiredNote(computing, expired, "time-weighted vega");
  const callNotes: PlausibilityNote[] = expiredNote === null ? [] : [{ argument: "years", cell: null, message: expiredNote, rule: "everyLegExpired" }];
  return [...callNotes, ...mergeCellNotes(cellNotes, shape.rows * shape.columns)];
}

function yearsNotes(args: readonly unknown[]): PlausibilityNote[] {
  const [expiry, valuation] = [0, 1].map((position) => argumentAt(args, position) ?? [[null]]) as [unknown[][], unknown[][]];
  const { problems, expirySerials, valuationSerials } = readDateColumns(expiry, valuation);
  let computing = 0;
  let before = 0;
  for (let index = 0; index < problems.flags.length; index++) {
    if (problems.flags[index] === 1) continue;
    const expirySerial = expirySerials[index] as number;
    const valuationSerial = valuationSerials[index] as number;
    if (classifySerialProblem(expirySerial) !== null || classifySerialProblem(valuationSerial) !== null) continue;
    computing++;
    if (expirySerial < valuationSerial) before++;
  }
  const note = swappedDatesNote(computing, before);
  return note === null ? [] : [{ argument: null, cell: null, message: note, rule: "datesSwapped" }];
}

const NOTES_BY_FUNCTION: Readonly<Record<string, (args: readonly unknown[]) => PlausibilityNote[]>> = {
  "XV.VEGA": vegaNotes,
  "XV.TWVEGA": timeWeightingNotes,
  "XV.YEARS": yearsNotes,
};

export function plausibilityNotes(functionName: string, args: readonly unknown[]): PlausibilityNote[] {
  try {
    const registered = typeof functionName === "string" ? findXvFunction(functionName) : null;
    const notesOf = registered === null ? undefined : NOTES_BY_FUNCTION[registered.name];
    if (notesOf === undefined || !Array.isArray(args)) return [];
    return notesOf(args);
  } catch {
    // Arguments the function itself refuses as a whole (shapes that disagree, an empty range): no note, the error says it.
    return [];
  }
}
