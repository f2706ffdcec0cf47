/*
 * The book's correlation set-up, checked on its own: XV_CORR a valid correlation matrix (the engine's checks, the
 * failed one named), XV_VOLVOL readable, XV_META readable and not older than --max-age days, and a pane-written
 * XV_Config sheet consistent with the names. Findings sit at the first cell of the name's range.
 */
import { validateCorrelationMatrix } from "../core/correlation";
import { readAssetValues, readLabelledCorrelations } from "../ranges/labelledRanges";
import { readMetadataBlock } from "../taskpane/workbook/metadataBlock";
import { configFromNamedValues, isConfigMarker } from "../taskpane/workbook/configSheetLayout";
import { CheckOptions, Finding, FindingKind } from "./checkTypes";
import { SheetRange, cellName, describeRange } from "./cellAddress";
import { readRangeValues } from "./rangeValues";
import { LoadedWorkbook, findSheet } from "./workbookLoading";

export const CORRELATION_NAME = "XV_CORR";
export const VOL_OF_VOL_NAME = "XV_VOLVOL";
export const METADATA_NAME = "XV_META";
export const CONFIG_SHEET = "XV_Config";
const MILLISECONDS_PER_DAY = 86_400_000;

function finding(range: SheetRange, name: string, kind: FindingKind, message: string): Finding {
  return { sheet: range.sheet, cell: cellName(range.top, range.left), function: name, kind, message, cached: null, recomputed: null };
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function checkCorrelations(book: LoadedWorkbook, range: SheetRange): Finding[] {
  const where = describeRange(range);
  const values = readRangeValues(book, range);
  if (values === null) return [finding(range, CORRELATION_NAME, "config", `${CORRELATION_NAME} refers to ${where}, but the book has no sheet ${range.sheet}`)];
  try {
    const matrix = readLabelledCorrelations(values, CORRELATION_NAME);
    const validation = validateCorrelationMatrix(matrix.values, matrix.assets);
    if (validation.valid) return [];
    const failed = validation.problems.map((problem) => `failed check ${problem.check}: ${problem.message}`);
    return [
      finding(range, CORRELATION_NAME, "config", `${CORRELATION_NAME} (${where}) is not a valid correlation set-up; ${failed.join("; ")}. Repair it with =XV.NEARCORR(${CORRELATION_NAME}) or the pane's Repair`),
    ];
  } catch (error) {
    return [finding(range, CORRELATION_NAME, "config", `${CORRELATION_NAME} (${where}) is not a valid correlation set-up; failed check labels: ${errorMessage(error)}`)];
  }
}

function checkVolOfVols(book: LoadedWorkbook, range: SheetRange): Finding[] {
  const values = readRangeValues(book, range);
  if (values === null) return [finding(range, VOL_OF_VOL_NAME, "config", `${VOL_OF_VOL_NAME} refers to ${describeRange(range)}, but the book has no sheet ${range.sheet}`)];
  try {
    const pairs = readAssetValues(values, VOL_OF_VOL_NAME, "a vol of vol (the sd of daily vol changes), 0 or more");
    const bad = pairs.filter((pair) => !(Number.isFinite(pair.value) && pair.value >= 0));
    if (bad.length === 0) return [];
    return [finding(range, VOL_OF_VOL_NAME, "config", `${VOL_OF_VOL_NAME} (${describeRange(range)}): ${bad.map((pair) => `${pair.asset} is ${pair.value}`).join(", ")}; failed check nonNegative: a vol of vol is a standard deviation, 0 or more`)];
  } catch (error) {
    return [finding(range, VOL_OF_VOL_NAME, "config", `${VOL_OF_VOL_NAME} (${describeRange(range)}) cannot be read; failed check layout: ${errorMessage(error)}`)];
  }
}

/** The day `asOf` (YYYY-MM-DD) at 00:00 UTC. */
function startOfDay(asOf: string): number {
  return Date.parse(`${asOf}T00:00:00Z`);
}

function checkMetadata(book: LoadedWorkbook, range: SheetRange, options: CheckOptions): Finding[] {
  const values = readRangeValues(book, range);
  if (values === null) return [finding(range, METADATA_NAME, "config", `${METADATA_NAME} refers to ${describeRange(range)}, but the book has no sheet ${range.sheet}`)];
  const meta = readMetadataBlock(values);
  if ("problem" in meta) return [finding(range, METADATA_NAME, "config", meta.problem)];
  const savedAt = Date.parse(meta.metadata.asOf);
  if (!Number.isFinite(savedAt)) {
    return [finding(range, METADATA_NAME, "config", `${METADATA_NAME} as_of "${meta.metadata.asOf}" is not a date-time: expected ISO 8601 such as 2026-11-21T08:00:00.000Z; save the set-up again from the pane`)];
  }
  const ageDays = (startOfDay(options.asOfDate) - savedAt) / MILLISECONDS_PER_DAY;
  if (ageDays <= options.maxAgeDays) return [];
  return [
    finding(
      range,
      METADATA_NAME,
      "stale_config",
      `the correlation set-up is as of ${meta.metadata.asOf.slice(0, 10)}, ${Math.floor(ageDays)} days before ${options.asOfDate} (more than --max-age ${options.maxAgeDays}): re-estimate the correlations and vol of vols and save them from the pane`,
    ),
  ];
}

/** A pane-written XV_Config sheet (marker in A1) must be what the three names read. */
function checkConfigSheet(book: LoadedWorkbook): Finding[] {
  const sheet = findSheet(book, CONFIG_SHEET);
  if (sheet === null || !isConfigMarker(sheet.findCell(1, 1)?.value)) return [];
  const at: SheetRange = { sheet: sheet.name, top: 1, left: 1, bottom: 1, right: 1 };
  const ranges = [CORRELATION_NAME, VOL_OF_VOL_NAME, METADATA_NAME].map((name) => ({ name, range: book.names.get(name) }));
  const problems: string[] = [];
  for (const { name, range } of ranges) {
    if (range === undefined) problems.push(`the name ${name} is missing`);
    else if (range.sheet.toLowerCase() !== CONFIG_SHEET.toLowerCase()) problems.push(`${name} refers to ${describeRange(range)}, not to this sheet, so formulas use another set-up than the pane saved`);
  }
  if (problems.length === 0) {
    const [correlations, volOfVols, metadata] = ranges.map(({ range }) => readRangeValues(book, range as SheetRange) ?? []);
    const config = configFromNamedValues(correlations ?? [], volOfVols ?? [], metadata ?? []);
    if ("problem" in config) problems.push(config.problem);
  }
  if (problems.length === 0) return [];
  return [finding(at, CONFIG_SHEET, "config", `the ${CONFIG_SHEET} sheet does not match the workbook names: ${problems.join("; ")}; save the set-up again from the pane`)];
}

/**
 * The set-up findings of a book, for the names it defines. A name a formula uses but the book lacks is reported where
 * it is used (see workbookCheck).
 */
export function checkSetup(book: LoadedWorkbook, options: CheckOptions): Finding[] {
  const findings: Finding[] = [];
  const correlations = book.names.get(CORRELATION_NAME);
  if (correlations) findings.push(...checkCorrelations(book, correlations));
  const volOfVols = book.names.get(VOL_OF_VOL_NAME);
  if (volOfVols) findings.push(...checkVolOfVols(book, volOfVols));
  const metadata = book.names.get(METADATA_NAME);
  if (metadata) findings.push(...checkMetadata(book, metadata, options));
  findings.push(...checkConfigSheet(book));
  return findings;
}
