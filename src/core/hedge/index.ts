/** Minimum-variance cross-asset (proxy) vega hedge: the public API for the Excel functions and the CLI. */
export { computeProxyHedge } from "./proxyHedge";
export { quadraticForm } from "./hedgeAlgebra";
export { netTargetVegas } from "./hedgeInputs";
export { sizeContracts, DEFAULT_LOT_SIZE } from "./hedgeContracts";
export { HedgeInputError, type HedgeInputErrorKind } from "./hedgeErrors";
export {
  COLLINEAR_CONDITION_LIMIT,
  COLLINEAR_CORRELATION_LIMIT,
  SINGULAR_CONDITION_LIMIT,
  SPREAD_BET_RATIO,
} from "./hedgeWarnings";
export * from "./hedgeTypes";
