import { INVERSE_SQRT_TWO_PI } from "../normalDistribution";
import { fastStandardNormalCumulative } from "../rationalErrorFunction";
import { normalisedBlackCall, usesTwoTermFormula } from "../impliedvol/normalisedBlack";
import { AT_THE_MONEY_LOG_TOLERANCE } from "../vega/blackVega";
import type { OptionModel } from "../vega/optionModel";
import type { OptionType } from "./optionType";

/*
 * The Greeks row of one European option leg, from one set of d1, d2, N(d), φ(d1) (QuantLib's BlackCalculator habit).
 * All three models are one Black formula on the forward F with discount D = e^(−rT):
 *   V = D·θ·[F·N(θ·d1) − K·N(θ·d2)],  d1 = ln(F/K)/(σ√T) + σ√T/2,  d2 = d1 − σ√T,  θ = +1 call, −1 put.
 * - bsm:     F = S·e^((r−q)T); delta, gamma, vanna are taken in the spot S; theta holds S; rho holds S and q.
 * - black76: F is the input; delta, gamma, vanna in F; theta holds F; rho holds F (∂V/∂r = −T·V).
 * - inverse: the Black-76 figures in coin (/F), with Deribit's coin delta F·∂(V/F)/∂F = ∂V/∂F − V/F; gamma and
 *   vanna are the derivatives of that delta.
 * Units: vega, vanna per vol point (0.01); volga per vol point per vol point; theta per calendar day (−∂V/∂T / 365);
 * rho per percentage point (0.01). The price is D·(intrinsic on F + √(FK)·b(−|ln(F/K)|, σ√T)) with Jäckel's
 * normalised Black b, which keeps full relative accuracy far from the money, where F·N(d1) − K·N(d2) cancels.
 */

const VOL_POINT = 0.01;
const RATE_POINT = 0.01;
const DAYS_PER_YEAR = 365;

/**
 * Below this σ√T the zero-vol limits are used: they agree with the formulas to far below a double's precision there,
 * and the formulas' d1·d2/σ would overflow for σ near the smallest doubles.
 */
const NEGLIGIBLE_STANDARD_DEVIATION = 1e-100;

/**
 * Writes price, delta, gamma, vega, theta, rho, vanna, volga (GREEK_NAMES order) of one leg into `row` from
 * `offset`, for inputs `findLegProblem` accepts. Expired legs (years ≤ 0): price = intrinsic value, delta = the 0/1
 * step (−1/0 for a put), the rest 0. At zero vol: the σ → 0 limits (gamma and volga 0; vega and vanna non-zero only
 * at the money-forward).
 */
export function fillGreeksRow(
  optionType: OptionType,
  model: OptionModel,
  underlying: number,
  strike: number,
  years: number,
  vol: number,
  rate: number,
  carry: number,
  row: Float64Array,
  offset: number,
): void {
  const sign = optionType === "call" ? 1 : -1;
  if (!(years > 0)) {
    const intrinsic = Math.max(sign * (underlying - strike), 0);
    row[offset] = model === "inverse" ? intrinsic / underlying : intrinsic;
    row[offset + 1] = sign * (underlying - strike) > 0 ? sign : 0;
    for (let index = 2; index < 8; index++) row[offset + index] = 0;
    return;
  }
  const forward = model === "bsm" ? underlying * Math.exp((rate - carry) * years) : underlying;
  const discount = Math.exp(-rate * years);
  const sqrtYears = Math.sqrt(years);
  const standardDeviation = vol * sqrtYears;
  // ln(F/K) from the ratio (exact near the money), or from two logarithms where the ratio under- or overflows.
  const moneyness = forward / strike;
  const logMoneyness = moneyness > 0 && Number.isFinite(moneyness) ? Math.log(moneyness) : Math.log(forward) - Math.log(strike);
  let cumulativeD1: number; // N(θ·d1)
  let cumulativeD2: number; // N(θ·d2)
  let density: number; // φ(d1)
  let gammaCore: number; // φ(d1)/(σ√T)
  let vannaCore: number; // −φ(d1)·d2/σ = ∂N(d1)/∂σ
  let volgaFactor: number; // d1·d2/σ
  let timeValue: number; // undiscounted, per unit of forward price
  if (standardDeviation > NEGLIGIBLE_STANDARD_DEVIATION) {
    const d1 = logMoneyness / standardDeviation + 0.5 * standardDeviation;
    const d2 = d1 - standardDeviation;
    // N at the normalised out-of-the-money call's h₁ = x/s + s/2 and h₂ = x/s − s/2 (x = −|ln(F/K)|) are N(θ·d1)
    // and N(θ·d2) or their complements: computed once, they give the Greeks and, where b is the plain two-term
    // formula, the price too (to the same bits as normalisedBlackCall; the b XV.IMPLIEDVOL's solver inverts agrees
    // with it within a few ulps).
    const x = -Math.abs(logMoneyness);
    const h = x / standardDeviation;
    const t = 0.5 * standardDeviation;
    const cumulativeUpper = fastStandardNormalCumulative(h + t);
    const cumulativeLower = fastStandardNormalCumulative(h - t);
    if (sign * logMoneyness <= 0) {
      cumulativeD1 = sign === 1 ? cumulativeUpper : cumulativeLower;
      cumulativeD2 = sign === 1 ? cumulativeLower : cumulativeUpper;
    } else {
      // In the money: N(θ·d) = 1 − N(h) = N(−h); the tail form keeps relative accuracy when h > 0.
      const upperComplement = h + t > 0 ? fastStandardNormalCumulative(-(h + t)) : 1 - cumulativeUpper;
      cumulativeD1 = sign === 1 ? 1 - cumulativeLower : upperComplement;
      cumulativeD2 = sign === 1 ? upperComplement : 1 - cumulativeLower;
    }
    density = INVERSE_SQRT_TWO_PI * Math.exp(-0.5 * d1 * d1);
    gammaCore = density / standardDeviation;
    // Far from the money φ(d1) underflows to 0: so do vanna and volga (d1·d2/σ alone may overflow).
    vannaCore = density === 0 ? 0 : (-density * d2) / vol;
    volgaFactor = density === 0 ? 0 : (d1 * d2) / vol;
    const normalisedPrice = usesTwoTermFormula(x, standardDeviation)
      ? Math.exp(0.5 * x) * cumulativeUpper - Math.exp(-0.5 * x) * cumulativeLower
      : normalisedBlackCall(x, standardDeviation);
    timeValue = Math.sqrt(forward * strike) * normalisedPrice;
  } else {
    const atTheMoney = Math.abs(logMoneyness) <= AT_THE_MONEY_LOG_TOLERANCE;
    const inTheMoney = sign * logMoneyness > 0;
    cumulativeD1 = cumulativeD2 = atTheMoney ? 0.5 : inTheMoney ? 1 : 0;
    density = atTheMoney ? INVERSE_SQRT_TWO_PI : 0;
    gammaCore = 0;
    // −φ(d1)·d2/σ → φ(0)·√T/2 at the money-forward as σ → 0 (d2/σ = −√T/2 there).
    vannaCore = 0.5 * density * sqrtYears;
    volgaFactor = 0;
    timeValue = 0;
  }
  const price = discount * (Math.max(sign * (forward - strike), 0) + timeValue);
  const forwardDelta = sign * discount * cumulativeD1; // ∂V/∂F
  const forwardGamma = (discount * gammaCore) / forward; // ∂²V/∂F²
  const vegaPerUnitVol = discount * forward * density * sqrtYears;
  const forwardVannaPerUnitVol = discount * vannaCore; // ∂²V/∂F∂σ
  const volgaPerUnitVol = vegaPerUnitVol * volgaFactor;
  // −∂V/∂T with the forward held: the decay of time value, plus r·V from discounting.
  const thetaForwardHeld = (-discount * forward * density * vol) / (2 * sqrtYears) + rate * price;

  let delta: number;
  let gamma: number;
  let vanna: number;
  let theta: number;
  let rho: number;
  let scale = 1;
  if (model === "bsm") {
    const growth = forward / underlying; // ∂F/∂S
    delta = forwardDelta * growth;
    gamma = forwardGamma * growth * growth;
    vanna = forwardVannaPerUnitVol * growth;
    // With S held the forward drifts at r − q: add that drift's effect to the forward-held theta.
    theta = thetaForwardHeld - (rate - carry) * forward * forwardDelta;
    rho = sign * years * strike * discount * cumulativeD2;
  } else {
    delta = forwardDelta;
    gamma = forwardGamma;
    vanna = forwardVannaPerUnitVol;
    theta = thetaForwardHeld;
    rho = -years * price;
  }
  let outputPrice = price;
  if (model === "inverse") {
    scale = 1 / forward;
    outputPrice = price * scale;
    delta = forwardDelta - outputPrice;
    gamma = forwardGamma - delta / forward;
    vanna = forwardVannaPerUnitVol - vegaPerUnitVol * scale;
  }
  row[offset] = outputPrice;
  row[offset + 1] = delta;
  row[offset + 2] = gamma;
  row[offset + 3] = vegaPerUnitVol * scale * VOL_POINT;
  row[offset + 4] = (theta * scale) / DAYS_PER_YEAR;
  row[offset + 5] = rho * scale * RATE_POINT;
  row[offset + 6] = vanna * VOL_POINT;
  row[offset + 7] = volgaPerUnitVol * scale * VOL_POINT * VOL_POINT;
}
