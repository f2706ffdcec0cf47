import { execFileSync } from "node:child_process";
import path from "node:path";
import { vegaPerUnitVol } from "../../../src/core/vega/blackVega";
import { OptionModel, OPTION_MODELS } from "../../../src/core/vega/optionModel";
import { expectClose } from "../tolerance";
import { mulberry32 } from "../../../bench/random";

interface OracleLeg {
  model: OptionModel;
  underlying: number;
  strike: number;
  years: number;
  vol: number;
  rate: number;
  carry: number;
}

function randomLegs(count: number, seed: number): OracleLeg[] {
  const random = mulberry32(seed);
  const between = (low: number, high: number) => low + (high - low) * random();
  return Array.from({ length: count }, (_, index) => {
    const model = OPTION_MODELS[index % OPTION_MODELS.length] as OptionModel;
    const underlying = Math.exp(between(Math.log(0.5), Math.log(150_000)));
    return {
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

// The QuantLib JavaScript port is ESM-only, so it runs in a child Node process (test/oracle/quantlibVega.mjs).
describe("cross-check against QuantLib's BlackCalculator (@quantlib/ql)", () => {
  // exp(−d1²/2) turns a relative error ε in d1 into d1²·ε, so far in the wings the comparison is made against the
  // leg's at-the-money vega scale (underlying·√T, or √T for coin vega) instead of its own tiny value.
  test("600 random legs over all three models agree to 1e-12 of the vega scale", () => {
    const legs = randomLegs(600, 20261121);
    const oracleScript = path.join(__dirname, "../../oracle/quantlibVega.mjs");
    const output = execFileSync(process.execPath, [oracleScript], { input: JSON.stringify(legs), encoding: "utf8" });
    const oracleVegas = JSON.parse(output) as number[];
    expect(oracleVegas).toHaveLength(legs.length);
    legs.forEach((leg, index) => {
      const ours = vegaPerUnitVol(leg.model, leg.underlying, leg.strike, leg.years, leg.vol, leg.rate, leg.carry);
      const vegaScale = (leg.model === "inverse" ? 1 : leg.underlying) * Math.sqrt(leg.years);
      expectClose(ours, oracleVegas[index] as number, { relative: 1e-12, absolute: 1e-14 * vegaScale }, `leg ${index} ${JSON.stringify(leg)}`);
    });
  });
});
