/*
 * XV_META: how the set-up was made, as label / value rows (as_of, source, method, lambda, repaired, changes). The
 * date-time stays ISO text (a "@" cell, so Excel does not turn it into a date serial); λ is blank when there is none.
 * Labels are read in any order. Pure.
 */
import type { ChangeKind, ConfigMetadata, CorrelationConfig } from "../correlation/correlationConfig";
import { METADATA_NAME } from "./workbookGateway";
import { describeCell, gridShape, isBlankCell } from "./cellReading";
import { blank, flag, numberCell, text, type CellSpec } from "./sheetBlock";

export const METADATA_LABELS = ["as_of", "source", "method", "lambda", "repaired", "changes"] as const;
type MetadataLabel = (typeof METADATA_LABELS)[number];

const SOURCES: readonly ConfigMetadata["source"][] = ["manual", "selection", "history"];
const METHODS: readonly ConfigMetadata["method"][] = ["typed", "imported", "sample", "ewma"];
const CHANGES: readonly ChangeKind[] = ["absolute", "log"];

export function metadataRows(config: CorrelationConfig): CellSpec[][] {
  const { asOf, source, method, lambda, repaired } = config.metadata;
  const values: Record<MetadataLabel, CellSpec> = {
    as_of: text(asOf),
    source: text(source),
    method: text(method),
    lambda: lambda === null ? blank() : numberCell(lambda),
    repaired: flag(repaired),
    changes: text(config.changes),
  };
  return METADATA_LABELS.map((label) => [text(label), values[label]]);
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[]): T | null {
  return typeof value === "string" && (allowed as readonly string[]).includes(value.trim()) ? (value.trim() as T) : null;
}

function readFlag(value: unknown): boolean | null {
  if (typeof value === "boolean") return value;
  const word = typeof value === "string" ? value.trim().toUpperCase() : "";
  return word === "TRUE" ? true : word === "FALSE" ? false : null;
}

function wrong(label: MetadataLabel, value: unknown, expected: string): { problem: string } {
  return { problem: `${METADATA_NAME} ${label} is ${describeCell(value)}: expected ${expected}; save the set-up again from the pane` };
}

export function readMetadataBlock(values: unknown[][]): { metadata: ConfigMetadata; changes: ChangeKind } | { problem: string } {
  const shape = gridShape(values);
  if (!shape || shape.columns !== 2) return { problem: `${METADATA_NAME} must be two columns (label, value); save the set-up again from the pane` };
  const byLabel = new Map<string, unknown>();
  for (const [label, value] of values) {
    if (typeof label === "string") byLabel.set(label.trim().toLowerCase(), value);
  }
  const missing = METADATA_LABELS.filter((label) => !byLabel.has(label));
  if (missing.length > 0) return { problem: `${METADATA_NAME} has no ${missing.join(", ")} row: save the set-up again from the pane` };
  const cell = (label: MetadataLabel): unknown => byLabel.get(label);

  const asOf = cell("as_of");
  if (typeof asOf !== "string" || asOf.trim() === "") return wrong("as_of", asOf, "an ISO date-time such as 2026-11-21T08:00:00.000Z");
  const source = oneOf(cell("source"), SOURCES);
  if (!source) return wrong("source", cell("source"), `one of ${SOURCES.join(", ")}`);
  const method = oneOf(cell("method"), METHODS);
  if (!method) return wrong("method", cell("method"), `one of ${METHODS.join(", ")}`);
  const lambdaCell = cell("lambda");
  if (!isBlankCell(lambdaCell) && (typeof lambdaCell !== "number" || !Number.isFinite(lambdaCell))) {
    return wrong("lambda", lambdaCell, "a number (the EWMA decay) or blank");
  }
  const repaired = readFlag(cell("repaired"));
  if (repaired === null) return wrong("repaired", cell("repaired"), "TRUE or FALSE");
  const changes = oneOf(cell("changes"), CHANGES);
  if (!changes) return wrong("changes", cell("changes"), `one of ${CHANGES.join(", ")}`);
  return {
    metadata: { asOf, source, method, lambda: typeof lambdaCell === "number" ? lambdaCell : null, repaired },
    changes,
  };
}
