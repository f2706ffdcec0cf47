import type { CorrelationConfig } from "./correlationConfig";

/** Same number, NaN included (a loaded set-up could hold one; the check reports it). */
function sameNumber(a: number | null | undefined, b: number | null | undefined): boolean {
  return a === b || (typeof a === "number" && typeof b === "number" && Number.isNaN(a) && Number.isNaN(b));
}

function sameList<T>(a: readonly T[], b: readonly T[], same: (x: T, y: T) => boolean): boolean {
  return a.length === b.length && a.every((value, k) => same(value, b[k] as T));
}

/**
 * True when two set-ups would save the same: assets (exact spelling: a rename from "btc" to "BTC" is a change),
 * correlations, vol-of-vols, changes, and metadata except `asOf` (saving or rebuilding stamps a new time, which is not
 * an edit). For the pane's unsaved-changes marker.
 */
export function configsEqual(a: CorrelationConfig, b: CorrelationConfig): boolean {
  return (
    sameList(a.assets, b.assets, (x, y) => x === y) &&
    sameList(a.correlations, b.correlations, (x, y) => sameList(x, y, sameNumber)) &&
    sameList(a.volOfVols, b.volOfVols, sameNumber) &&
    a.changes === b.changes &&
    a.metadata.source === b.metadata.source &&
    a.metadata.method === b.metadata.method &&
    sameNumber(a.metadata.lambda, b.metadata.lambda) &&
    a.metadata.repaired === b.metadata.repaired
  );
}
