import published from "../../fixtures/vega/published.json";
import { vegaPerUnitVol } from "../../../src/core/vega/blackVega";
import { blackPrice, OptionType } from "../../../src/core/vega/blackPrice";
import { OptionModel } from "../../../src/core/vega/optionModel";
import { vegaUnitScale } from "../../../src/core/vega/vegaUnit";
import { expectClose } from "../tolerance";

// Each row of the fixture names its source (book, table or library) in its `source` field.
describe("published vega values", () => {
  test.each(published.vega)("$source", (row) => {
    const model = row.model as OptionModel;
    const perUnit = vegaPerUnitVol(model, row.underlying, row.strike, row.years, row.vol, row.rate, row.carry);
    expectClose(perUnit, row.vegaPerUnitVol, { absolute: row.absoluteTolerance });
    // The desk unit is exactly a hundredth of the textbook unit.
    expectClose(perUnit * vegaUnitScale("point"), row.vegaPerUnitVol / 100, { absolute: row.absoluteTolerance / 100 });
  });
});

describe("published prices (the price is the independent route vega is differentiated from)", () => {
  test.each(published.price)("$source ($optionType)", (row) => {
    const price = blackPrice(row.optionType as OptionType, row.model as OptionModel, row.underlying, row.strike, row.years, row.vol, row.rate, row.carry);
    expectClose(price, row.price, { absolute: row.absoluteTolerance });
  });
});
