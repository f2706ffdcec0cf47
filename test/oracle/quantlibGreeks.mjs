// Independent oracle for the Greeks row: QuantLib's BlackCalculator (@quantlib/ql, ESM-only, so Jest runs this
// script as a child process). stdin: JSON array of legs {optionType, model, underlying, strike, years, vol, rate,
// carry}; stdout: JSON array of QuantLib's own figures per leg, in QuantLib's units (per 1.00 of vol and of rate, theta
// per year), with `spot` = the spot for bsm and the forward otherwise. The test applies xvega's conventions.
import { readFileSync } from "node:fs";
import { BlackCalculator, Option } from "@quantlib/ql";

const legs = JSON.parse(readFileSync(0, "utf8"));
const results = legs.map(({ optionType, model, underlying, strike, years, vol, rate, carry }) => {
  const forward = model === "bsm" ? underlying * Math.exp((rate - carry) * years) : underlying;
  const discount = Math.exp(-rate * years);
  const type = optionType === "call" ? Option.Type.Call : Option.Type.Put;
  const calculator = new BlackCalculator().init2(type, strike, forward, vol * Math.sqrt(years), discount);
  const spot = underlying;
  return {
    value: calculator.value(),
    delta: calculator.delta(spot),
    gamma: calculator.gamma(spot),
    vega: calculator.vega(years),
    theta: calculator.theta(spot, years),
    rho: calculator.rho(years),
    dividendRho: calculator.dividendRho(years),
  };
});
process.stdout.write(JSON.stringify(results));
