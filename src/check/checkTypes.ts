/*
 * The end-of-day check's vocabulary: the kinds of finding, one finding, one workbook's entry and the options. These
 * shapes are the JSON contract of `xvega check --format json` (keys in snake_case where the contract says so).
 */

/** The `kind` of a finding, as documented in docs/cli.md. */
export const FINDING_KINDS = ["mismatch", "error", "not_calculated", "unchecked", "config", "stale_config", "hedge", "plausibility"] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];

/** Kinds that only inform: a book with nothing else passes (exit status 0). */
export const INFORMATIONAL_KINDS: readonly FindingKind[] = ["hedge", "plausibility"];

/** A cell's value as reported: a number, text, TRUE/FALSE, an error code ("#VALUE!"), or null (blank / no cached value). */
export type ReportedValue = number | string | boolean | null;

export interface Finding {
  sheet: string;
  /** A1 style without `$`; for a spill, the spill cell concerned. */
  cell: string;
  /** The XV function as typed (`XV.VEGA`), or the name checked (`XV_CORR`) for set-up findings. */
  function: string;
  kind: FindingKind;
  message: string;
  cached: ReportedValue;
  recomputed: ReportedValue;
}

/** One net vega of one asset, taken from a hedge formula's `assets`/`vegas` arguments. */
export interface ExposureLine {
  asset: string;
  netVega: number;
  sheet: string;
  cell: string;
}

/** One proxy of one hedge formula found in a book. */
export interface HedgeLine {
  sheet: string;
  cell: string;
  function: string;
  proxy: string;
  hedgeVega: number | null;
  effectiveness: number | null;
}

export interface CheckedWorkbook {
  file: string;
  formulas: number;
  checked: number;
  findings: Finding[];
  /** For the roll-up report only (not in the JSON output). */
  exposure: ExposureLine[];
  hedges: HedgeLine[];
}

export interface UnreadableWorkbook {
  file: string;
  error: string;
}

export type WorkbookEntry = CheckedWorkbook | UnreadableWorkbook;

export function isUnreadable(entry: WorkbookEntry): entry is UnreadableWorkbook {
  return "error" in entry;
}

export interface CheckOptions {
  /** Relative tolerance for numbers (default 1e-9); an absolute 1e-12 always applies too. */
  relativeTolerance: number;
  /** The day stale_config is measured from, as an ISO date (YYYY-MM-DD, UTC). */
  asOfDate: string;
  /** A set-up older than this many days before asOfDate is stale. */
  maxAgeDays: number;
  /** A hedge whose effectiveness is below this gets a `hedge` finding. */
  minEffectiveness: number;
}

export const DEFAULT_RELATIVE_TOLERANCE = 1e-9;
export const ABSOLUTE_TOLERANCE = 1e-12;
export const DEFAULT_MAX_AGE_DAYS = 7;
export const DEFAULT_MIN_EFFECTIVENESS = 0.5;
/** Findings per formula before the rest are summed up in one finding per kind. */
export const MAX_FINDINGS_PER_FORMULA = 100;
