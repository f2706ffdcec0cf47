import { execFileSync } from "node:child_process";
import path from "node:path";
import { GREEK_NAMES } from "../../../src/core/greeks/greekNames";
import { fillGreeksRow } from "../../../src/core/greeks/greeksRow";
import { OptionType } from "../../../src/core/greeks/optionType";
import { OptionModel, OPTION_MODELS } from "../../../src/core/vega/optionModel";
import { mulberry32 } from "../../../bench/random";
import { expectClose } from "../tolerance";

interface OracleLeg {
  optionType: OptionType;
  model: OptionModel;
  underlying: number;
  strike: number;
  years: number;
  vol: number;
  rate: number;
  carry: number;
}

interface QuantLibGreeks {
  value: number;
  delta: number;
  gamma: number;
  vega: number;
  theta: number;
  rho: number;
  dividendRho: number;
}

function randomLegs(count: number, seed: number): OracleLeg[] {
  const random = mulberry32(seed);
  const between = (low: number, high: number) => low + (high - low) * random();
  return Array.from({ length: count }, (_, index) => {
    const model = OPTION_MODELS[index % OPTION_MODELS.length] as OptionModel;
    const underlying = Math.exp(between(Math.log(0.5), Math.log(150_000)));
    return {
      optionType: index % 2 === 0 ? "call" : "put",
      model,
      underlying,
      strike: underlying * Math.exp(between(-0.7, 0.7)),
      years: between(1 / 365, 3),
      vol: between(0.05, 1.8),
      rate: between(-0.01, 0.1),
      carry: model === "bsm" ? between(-0.05, 0.1) : 0,
    };
  });
}

/**
 * QuantLib's figures in xvega's conventions (CONTRACTS.md): vega and rho per point, theta per day. bsm: QuantLib's
 * own delta, gamma, theta (spot held) and rho (spot and carry held). black76: `spot` is the forward, so delta, gamma and
 * theta hold the forward; rho with the forward held is ∂V/∂r + ∂V/∂q (moving both keeps F). inverse: the Black-76
 * figures / F, with delta = ∂V/∂F − V/F and gamma = ∂²V/∂F² − delta/F.
 */
function inXvegaConventions(leg: OracleLeg, ql: QuantLibGreeks): Record<string, number> {
  const rho = leg.model === "bsm" ? ql.rho : ql.rho + ql.dividendRho;
  const base = { price: ql.value, delta: ql.delta, gamma: ql.gamma, vega: ql.vega * 0.01, theta: ql.theta / 365, rho: rho * 0.01 };
  if (leg.model !== "inverse") return base;
  const forward = leg.underlying;
  const coinPrice = ql.value / forward;
  const coinDelta = ql.delta - coinPrice;
  return {
    price: coinPrice,
    delta: coinDelta,
    gamma: ql.gamma - coinDelta / forward,
    vega: base.vega / forward,
    theta: base.theta / forward,
    rho: base.rho / forward,
  };
}

// The QuantLib JavaScript port is ESM-only, so it runs in a child Node process (test/oracle/quantlibGreeks.mjs).
describe("Greeks row against QuantLib's BlackCalculator (@quantlib/ql)", () => {
  test("600 random legs, all models, calls and puts: price, delta, gamma, vega, theta, rho agree to 1e-10 of their scale", () => {
    const legs = randomLegs(600, 20261205);
    const oracleScript = path.join(__dirname, "../../oracle/quantlibGreeks.mjs");
    const output = execFileSync(process.execPath, [oracleScript], { input: JSON.stringify(legs), encoding: "utf8" });
    const oracle = JSON.parse(output) as QuantLibGreeks[];
    expect(oracle).toHaveLength(legs.length);
    legs.forEach((leg, index) => {
      const row = new Float64Array(GREEK_NAMES.length);
      fillGreeksRow(leg.optionType, leg.model, leg.underlying, leg.strike, leg.years, leg.vol, leg.rate, leg.carry, row, 0);
      const expected = inXvegaConventions(leg, oracle[index] as QuantLibGreeks);
      // Far in the wings a Greek is a tiny difference: compare against the leg's own scale (price in units of the
      // underlying, per year) rather than the Greek's value.
      const priceScale = leg.model === "inverse" ? 1 : leg.underlying;
      const scales: Record<string, number> = {
        price: priceScale,
        delta: 1,
        gamma: 1 / leg.underlying,
        vega: priceScale * 0.01,
        theta: priceScale / 365,
        rho: priceScale * leg.years * 0.01 + (leg.model === "bsm" ? leg.strike * leg.years * 0.01 : 0),
      };
      for (const [name, value] of Object.entries(expected)) {
        const ours = row[GREEK_NAMES.indexOf(name as (typeof GREEK_NAMES)[number])];
        expectClose(ours, value, { relative: 1e-10, absolute: 1e-10 * (scales[name] as number) }, `leg ${index} ${name} ${JSON.stringify(leg)}`);
      }
    });
  });
});
