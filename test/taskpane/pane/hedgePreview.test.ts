/* The Hedge tab's form reading: lists, the labelled ranges handed to the functions' reader, the report spec. */
import { emptyConfig, importLabelledRange } from "../../../src/taskpane/correlation";
import type { CorrelationConfig } from "../../../src/taskpane/correlation/correlationConfig";
import {
  EMPTY_HEDGE_FORM,
  formProblem,
  labelledCorrelations,
  labelledVolOfVols,
  messageOf,
  parseNameList,
  parseNumberCells,
  reportSpecFrom,
  sameHedgeInputs,
} from "../../../src/taskpane/pane/hedgePreview";
import { VALID_SELECTION } from "./fakeGateway";

const NOW = new Date("2026-11-21T08:00:00.000Z");

function validConfig(): CorrelationConfig {
  const result = importLabelledRange(VALID_SELECTION.values, NOW);
  if (!result.ok) throw new Error(result.message);
  return result.config;
}

const FORM = { ...EMPTY_HEDGE_FORM, assetsAddress: " Book!A2:A5 ", vegasAddress: "Book!B2:B5", proxies: "BTC, ETH" };

test("name lists split on commas and semicolons, blanks dropped", () => {
  expect(parseNameList(" BTC, ETH ;; SOL ,")).toEqual(["BTC", "ETH", "SOL"]);
  expect(parseNameList("  ")).toEqual([]);
});

test("number cells: numbers stay numbers, anything else stays text for the reader to name", () => {
  expect(parseNumberCells("1200, 800")).toEqual([1200, 800]);
  expect(parseNumberCells("1e3; abc")).toEqual([1000, "abc"]);
  expect(parseNumberCells(" ")).toBeNull();
});

test("the set-up as the labelled ranges XV_CORR and XV_VOLVOL hold it", () => {
  const config = { ...validConfig(), volOfVols: [3, null, 5] };
  expect(labelledCorrelations(config)).toEqual([
    ["abs", "BTC", "ETH", "SOL"],
    ["BTC", 1, 0.8, 0.6],
    ["ETH", 0.8, 1, 0.7],
    ["SOL", 0.6, 0.7, 1],
  ]);
  expect(labelledVolOfVols(config)).toEqual([
    ["BTC", 3],
    ["SOL", 5],
  ]);
  expect(labelledVolOfVols(emptyConfig(NOW))).toBeNull();
});

test("the form's first gap is named before any range is read", () => {
  expect(formProblem(EMPTY_HEDGE_FORM)).toMatch(/asset column/);
  expect(formProblem({ ...FORM, proxies: " , " })).toMatch(/proxy/);
  expect(formProblem({ ...FORM, lotSizes: "1" })).toMatch(/Lot sizes need contract vegas/);
  expect(formProblem(FORM)).toBeNull();
});

test("the report spec: trimmed addresses, proxies, optional sizing; text in a number list is refused", () => {
  expect(reportSpecFrom(FORM)).toEqual({ ok: true, value: { assetsAddress: "Book!A2:A5", vegasAddress: "Book!B2:B5", proxies: ["BTC", "ETH"] } });
  expect(reportSpecFrom({ ...FORM, contractVegas: "100, 50", lotSizes: "0.1" })).toEqual({
    ok: true,
    value: { assetsAddress: "Book!A2:A5", vegasAddress: "Book!B2:B5", proxies: ["BTC", "ETH"], contractVegas: [100, 50], lotSizes: [0.1] },
  });
  expect(reportSpecFrom({ ...FORM, contractVegas: "100, lots" })).toEqual({ ok: false, message: expect.stringContaining('"lots" is not a number') });
});

test("same hedge inputs ignore metadata", () => {
  const config = validConfig();
  expect(sameHedgeInputs(config, { ...config, metadata: { ...config.metadata, asOf: "2030-01-01T00:00:00.000Z" } })).toBe(true);
  expect(sameHedgeInputs(config, { ...config, volOfVols: [1, null, null] })).toBe(false);
});

test("messages of errors and of anything thrown", () => {
  expect(messageOf(new Error("boom"))).toBe("boom");
  expect(messageOf({ code: "#VALUE!", message: "bad range" })).toBe("bad range");
  expect(messageOf("plain")).toBe("plain");
});
