/**
 * Why `computeProxyHedge` refused its input. Adapters map each kind to one Excel error and show the message.
 * - `missingAsset`: a target, proxy or contract names an asset absent from the correlation matrix, the vol-of-vol
 *   list, or (relative changes) the current-vol list. The message names the asset and the list.
 * - `invalidMatrix`: the correlation matrix fails `validateCorrelationMatrix`; the message names the failed check and
 *   suggests XV.NEARCORR.
 * - `singularProxies`: the proxies' covariance (plus any ridge) is not positive definite: some proxies are collinear,
 *   or their vol-of-vols are too far apart. The message says which, and suggests a ridge or dropping one.
 * - `invalidInput`: anything else malformed (blank names, duplicate proxies, non-finite vega, a vol-of-vol of 0 or
 *   implausibly small, a contract vega that is not positive, bad ridge or lot size, an output that would overflow).
 */
export type HedgeInputErrorKind = "missingAsset" | "invalidMatrix" | "singularProxies" | "invalidInput";

export class HedgeInputError extends Error {
  readonly kind: HedgeInputErrorKind;

  constructor(kind: HedgeInputErrorKind, message: string) {
    super(message);
    this.name = "HedgeInputError";
    this.kind = kind;
  }
}
