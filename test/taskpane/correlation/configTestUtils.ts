/* Helpers shared by the tests of the correlation pane's pure logic. */
import type { ChangeKind, ConfigMetadata, CorrelationConfig, EditResult } from "../../../src/taskpane/correlation";

export const NOW = new Date("2026-11-21T08:00:00.000Z");
export const LATER = new Date("2026-11-22T08:00:00.000Z");

export const TYPED: ConfigMetadata = { asOf: NOW.toISOString(), source: "manual", method: "typed", lambda: null, repaired: false };

/** A set-up from names and a matrix; vol-of-vols unset unless given. */
export function configOf(
  assets: string[],
  correlations: number[][],
  options: { volOfVols?: (number | null)[]; changes?: ChangeKind; metadata?: Partial<ConfigMetadata> } = {},
): CorrelationConfig {
  return {
    assets,
    correlations,
    volOfVols: options.volOfVols ?? assets.map(() => null),
    changes: options.changes ?? "absolute",
    metadata: { ...TYPED, ...options.metadata },
  };
}

/** Freezes a set-up all the way down, so that any mutation by the code under test throws (modules run in strict mode). */
export function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}

/** The set-up of a successful edit, or a test failure quoting the refusal. */
export function accepted(result: EditResult): CorrelationConfig {
  if (!result.ok) throw new Error(`expected the edit to be accepted, but it was refused: ${result.message}`);
  return result.config;
}

/** The message of a refusal, or a test failure saying the edit went through. */
export function refused(result: EditResult): string {
  if (result.ok) throw new Error(`expected a refusal, but the edit was accepted: ${JSON.stringify(result.config)}`);
  return result.message;
}

/**
 * What breaks the shape invariants: every row and column the right length, vol-of-vols aligned, the matrix exactly
 * symmetric with an exact unit diagonal. Collected as text so that a property test runs one `expect` per step.
 */
export function symmetryViolations(config: CorrelationConfig): string[] {
  const size = config.assets.length;
  const violations: string[] = [];
  if (config.correlations.length !== size) violations.push(`${config.correlations.length} rows for ${size} assets`);
  if (config.volOfVols.length !== size) violations.push(`${config.volOfVols.length} vol-of-vols for ${size} assets`);
  config.correlations.forEach((row, i) => {
    if (row.length !== size) violations.push(`row ${i} has ${row.length} entries`);
    row.forEach((value, j) => {
      if (i === j ? value !== 1 : value !== config.correlations[j]?.[i]) violations.push(`(${i}, ${j}) is ${value}, (${j}, ${i}) is ${config.correlations[j]?.[i]}`);
    });
  });
  return violations;
}

export function expectSymmetricUnitDiagonal(config: CorrelationConfig): void {
  expect(symmetryViolations(config)).toEqual([]);
}
