/**
 * Inputs and outputs of the minimum-variance proxy hedge (see `computeProxyHedge`).
 *
 * Units throughout: vegas are cash per 1 vol point (e.g. USD per vol point, the desk convention of `XV.VEGA`), all in
 * one currency; vol-of-vols are standard deviations of daily implied-vol changes; P&L standard deviations are in the
 * vegas' currency per day.
 */

/** One target leg (or pre-netted position): its asset and its cash vega per vol point (+ long vol, − short vol). */
export interface TargetVega {
  asset: string;
  vegaPerVolPoint: number;
}

/** A number attached to an asset name (vol-of-vol, current vol). */
export interface AssetValue {
  asset: string;
  value: number;
}

/** A correlation matrix with one asset name per row (and column, same order). May hold assets not in the hedge. */
export interface LabelledCorrelationMatrix {
  assets: readonly string[];
  values: readonly (readonly number[])[];
}

/** How vol moves are measured: `absolute` vol-point changes, or `relative` (log) changes of the vol level. */
export type VolChangeScale = "absolute" | "relative";

export const VOL_CHANGE_SCALES: readonly VolChangeScale[] = ["absolute", "relative"];

/** The option used to hedge on one proxy. */
export interface ProxyContractSpec {
  proxy: string;
  /** Cash vega per vol point of buying one contract, in the targets' currency; positive and finite (the sign of a trade is in the contracts). */
  vegaPerContract: number;
  /** Contracts are rounded to the nearest multiple of this (> 0); default 1 (whole contracts). */
  lotSize?: number;
}

export interface ProxyHedgeInput {
  /** Target legs, netted by asset (names trimmed, case-insensitive; the first spelling is displayed). At least one. */
  targets: readonly TargetVega[];
  /** Assets to hedge with, in the order results are wanted; no duplicates. A proxy may also be a target. */
  proxies: readonly string[];
  /** Correlations of daily vol changes (of the kind named by `changes`), covering every target and proxy. */
  correlation: LabelledCorrelationMatrix;
  /**
   * Vol-of-vol per asset, ≥ 0: standard deviation of daily vol changes, in vol points per day (`absolute`) or in log
   * units per day (`relative`, 0.05 = 5% of the vol level). Must cover every target and proxy when given, and be at
   * least MIN_VOL_OF_VOL (1e-6) for every proxy and every target whose net vega is not 0 (0 would drop its risk
   * silently); when omitted every asset is taken to move equally (s = 1) and a `volOfVolsOmitted` warning says so.
   */
  volOfVols?: readonly AssetValue[];
  /** Default `absolute`. With `relative`, `currentVols` is required. */
  changes?: VolChangeScale;
  /**
   * Current implied vol per asset in vol points (65 for 65%), > 0; `relative` only, covering every target and proxy.
   * The hedge then uses Σ_abs = D·Σ_rel·D with D = diag(current vols).
   */
  currentVols?: readonly AssetValue[];
  /** Ridge λ ≥ 0 (default 0): solve with Σ_pp + λ·mean(diag Σ_pp)·I, shrinking an unstable hedge. */
  ridge?: number;
  /** Contract sizing per proxy; when given it must cover every proxy. */
  contracts?: readonly ProxyContractSpec[];
}

/** Contracts for one proxy: hedge vega / vega per contract, then rounded to the lot size. */
export interface ContractSizing {
  vegaPerContract: number;
  lotSize: number;
  /** hedgeVegaPerVolPoint / vegaPerContract (negative = sell). */
  exactContracts: number;
  /** exactContracts rounded to the nearest multiple of lotSize (halves away from zero). */
  roundedContracts: number;
  /** roundedContracts / lotSize, a whole number. */
  lots: number;
  /** roundedContracts × vegaPerContract: the vega actually added. */
  roundedHedgeVegaPerVolPoint: number;
}

export interface ProxyHedgeLine {
  asset: string;
  /** The proxy's own net vega among the targets (0 when it is not a target). */
  ownVegaPerVolPoint: number;
  /** Vega to add on this proxy (cash per vol point). The position after hedging is own + hedge. */
  hedgeVegaPerVolPoint: number;
  /** Null when no contract sizing was asked for. */
  contracts: ContractSizing | null;
}

export type HedgeWarningCode =
  | "collinearProxies"
  | "spreadBet"
  | "ridgeApplied"
  | "zeroUnhedgedRisk"
  | "volOfVolsOmitted"
  | "currentVolsLookDecimal";

export interface HedgeWarning {
  code: HedgeWarningCode;
  message: string;
}

/** Hedge quality after rounding the contracts. */
export interface RoundedHedgeStatistics {
  residualPnlStandardDeviation: number;
  /** 1 − residual/unhedged variance; can be negative when rounding overshoots a small hedge. */
  effectiveness: number;
}

export interface ProxyHedgeResult {
  /** Which kind of vol change the correlations and vol-of-vols described. */
  changes: VolChangeScale;
  /** Net vega per target asset, first-appearance order, first spelling. */
  targets: TargetVega[];
  /** One line per proxy, in the order given. */
  proxies: ProxyHedgeLine[];
  /** sqrt(vᵀΣv): standard deviation of the daily vega P&L before hedging, currency per day. */
  unhedgedPnlStandardDeviation: number;
  /** sqrt(wᵀΣw), w = targets + hedge: the same after hedging, currency per day. */
  residualPnlStandardDeviation: number;
  /** 1 − residual/unhedged variance, in [0, 1]; 0 when there was no risk to hedge (see `zeroUnhedgedRisk`). */
  effectiveness: number;
  /** λmax/λmin of Σ_pp (vol points² per day; scale-dependent); null when singular under conditionNumber.ts's rule (only with a ridge). */
  conditionNumber: number | null;
  /** λmax/λmin of the proxies' correlation matrix R_pp (scale-free; drives the collinearity warning); null if singular (same rule). */
  proxyCorrelationConditionNumber: number | null;
  /** The ridge λ used (0 = none). */
  ridge: number;
  /** What was added to each diagonal entry of Σ_pp: λ·mean(diag Σ_pp), vol points² per day. */
  ridgeShift: number;
  /** Null when no contract sizing was asked for. */
  afterRounding: RoundedHedgeStatistics | null;
  warnings: HedgeWarning[];
}
