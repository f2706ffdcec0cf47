/*
 * The check's outputs: the JSON document and the CSV rows exactly as docs/cli.md specifies them, the one-line
 * summary for stderr, and the exit status.
 */
import { FINDING_KINDS, Finding, FindingKind, INFORMATIONAL_KINDS, WorkbookEntry, isUnreadable } from "./checkTypes";

export const CSV_COLUMNS = ["file", "sheet", "cell", "function", "kind", "message", "cached", "recomputed"] as const;
/** The CSV `kind` of a book that could not be read (JSON gives it an "error" instead of findings). */
export const UNREADABLE_KIND = "unreadable";

type ReportedFinding = Pick<Finding, "sheet" | "cell" | "function" | "kind" | "message" | "cached" | "recomputed">;

export interface CheckSummary {
  workbooks: number;
  formulas: number;
  checked: number;
  findings: number;
  by_kind: Partial<Record<FindingKind, number>>;
}

export interface CheckDocument {
  workbooks: ({ file: string; formulas: number; checked: number; findings: ReportedFinding[] } | { file: string; error: string })[];
  summary: CheckSummary;
}

/** Only the contract's keys, in the contract's order. */
function reported(finding: Finding): ReportedFinding {
  const { sheet, cell, kind, message, cached, recomputed } = finding;
  return { sheet, cell, function: finding.function, kind, message, cached, recomputed };
}

export function summarise(entries: readonly WorkbookEntry[]): CheckSummary {
  const summary: CheckSummary = { workbooks: entries.length, formulas: 0, checked: 0, findings: 0, by_kind: {} };
  const counts = new Map<FindingKind, number>();
  for (const entry of entries) {
    if (isUnreadable(entry)) continue;
    summary.formulas += entry.formulas;
    summary.checked += entry.checked;
    summary.findings += entry.findings.length;
    for (const finding of entry.findings) counts.set(finding.kind, (counts.get(finding.kind) ?? 0) + 1);
  }
  for (const kind of FINDING_KINDS) {
    const count = counts.get(kind);
    if (count !== undefined) summary.by_kind[kind] = count;
  }
  return summary;
}

export function checkDocument(entries: readonly WorkbookEntry[]): CheckDocument {
  return {
    workbooks: entries.map((entry) =>
      isUnreadable(entry)
        ? { file: entry.file, error: entry.error }
        : { file: entry.file, formulas: entry.formulas, checked: entry.checked, findings: entry.findings.map(reported) },
    ),
    summary: summarise(entries),
  };
}

export type CsvCell = string | number | null;

/**
 * A text field that a spreadsheet would run as a formula (=, +, -, @, tab, CR first) gets a leading apostrophe
 * (OWASP's advice on CSV injection): a sheet name or a cached text comes from the book and is not trusted.
 */
function csvText(value: string | number | boolean | null): CsvCell {
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(value)) return `'${value}`;
  return value;
}

export function checkCsvRows(entries: readonly WorkbookEntry[]): CsvCell[][] {
  const rows: CsvCell[][] = [];
  for (const entry of entries) {
    if (isUnreadable(entry)) {
      rows.push([csvText(entry.file), null, null, null, UNREADABLE_KIND, csvText(entry.error), null, null]);
      continue;
    }
    for (const finding of entry.findings) {
      const fields = [entry.file, finding.sheet, finding.cell, finding.function, finding.kind, finding.message, finding.cached, finding.recomputed];
      rows.push(fields.map(csvText));
    }
  }
  return rows;
}

/** "3 workbooks (1 unreadable), 40 formulas, 38 checked, 2 findings: mismatch 1, hedge 1". */
export function summaryLine(entries: readonly WorkbookEntry[]): string {
  const summary = summarise(entries);
  const unreadable = entries.filter(isUnreadable).length;
  const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? "" : "s"}`;
  const kinds = Object.entries(summary.by_kind).map(([kind, count]) => `${kind} ${count}`);
  return (
    `${plural(summary.workbooks, "workbook")}${unreadable > 0 ? ` (${unreadable} unreadable)` : ""}, ${plural(summary.formulas, "XV formula")}, ` +
    `${summary.checked} recomputed, ${plural(summary.findings, "finding")}${kinds.length > 0 ? `: ${kinds.join(", ")}` : ""}`
  );
}

/** 0 nothing but hedge/plausibility findings; 2 any other finding or an unreadable book; 1 no book could be read. */
export function checkExitStatus(entries: readonly WorkbookEntry[]): 0 | 1 | 2 {
  if (entries.every(isUnreadable)) return 1;
  const failing = entries.some((entry) => isUnreadable(entry) || entry.findings.some((finding) => !INFORMATIONAL_KINDS.includes(finding.kind)));
  return failing ? 2 : 0;
}
