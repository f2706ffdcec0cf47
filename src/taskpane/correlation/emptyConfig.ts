import type { CorrelationConfig } from "./correlationConfig";

/** A set-up with no assets, absolute changes, typed by hand: what the pane starts from in a workbook without one. */
export function emptyConfig(now: Date): CorrelationConfig {
  return {
    assets: [],
    correlations: [],
    volOfVols: [],
    changes: "absolute",
    metadata: { asOf: now.toISOString(), source: "manual", method: "typed", lambda: null, repaired: false },
  };
}
