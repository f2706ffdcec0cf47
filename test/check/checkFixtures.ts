/* The check's fixture books, built in memory with the add-in's TypeScript adapters (scripts/checkWorkbooks.js). */
import { buildCheckWorkbook, CheckFixtureName } from "../../scripts/checkWorkbooks";
import { hedgestats, xvegahedge } from "../../src/functions/hedgeFunctions";
import { twvega, vega, years } from "../../src/functions/vegaFunctions";

export function fixtureBook(name: CheckFixtureName): Promise<Buffer> {
  return buildCheckWorkbook(name, { vega, years, twvega, xvegahedge, hedgestats });
}
