// Independent oracle: vega from the QuantLib JavaScript port (@quantlib/ql, BlackCalculator), which is ESM-only, so
// the Jest suite runs this script as a child process. stdin: JSON array of legs; stdout: JSON array of vegas per 1.00.
import { readFileSync } from "node:fs";
import { BlackCalculator, Option } from "@quantlib/ql";

const legs = JSON.parse(readFileSync(0, "utf8"));
const vegas = legs.map(({ model, underlying, strike, years, vol, rate, carry }) => {
  const forward = model === "bsm" ? underlying * Math.exp((rate - carry) * years) : underlying;
  const discount = Math.exp(-rate * years);
  const calculator = new BlackCalculator().init2(Option.Type.Call, strike, forward, vol * Math.sqrt(years), discount);
  const vega = calculator.vega(years);
  return model === "inverse" ? vega / forward : vega;
});
process.stdout.write(JSON.stringify(vegas));
