/*
 * The Stability tab's controller over a fake workbook: a run reads the history and the Hedge tab's book and keeps the
 * engine's results; bad options are refused beside their fields before anything is read; what is missing is said; the
 * report needs saved correlations and a backtest that runs, and is sized by it; every action settles.
 */
import { runHedgeBacktest } from "../../../src/core/backtest";
import { PaneController } from "../../../src/taskpane/pane/paneController";
import { stabilityBasisStale } from "../../../src/taskpane/pane/stabilityController";
import { FakeGateway, VALID_SELECTION } from "./fakeGateway";
import { SAMPLE_HEDGE_INPUT } from "../../support/paneHedgeFixture";

const NOW = new Date("2026-11-21T08:00:00.000Z");
/** 12 rows of levels after the names: 11 changes, so a window of 5 leaves 6 out-of-sample days. */
const LEVELS = [
  [60, 70, 90],
  [61, 70.5, 92],
  [59.5, 69, 89],
  [62, 71.5, 93],
  [61, 70, 90.5],
  [63, 72.5, 94],
  [62.5, 71, 93.5],
  [64, 72, 95],
  [63, 71.8, 94],
  [65, 73.1, 96.5],
  [64.2, 72, 95.2],
  [66, 74, 97],
];
const SERIALS = LEVELS.map((_, day) => 45658 + day);

async function ready(): Promise<{ gateway: FakeGateway; controller: PaneController }> {
  const gateway = new FakeGateway();
  const controller = new PaneController({ gateway, now: () => NOW });
  await controller.start();
  gateway.selection = VALID_SELECTION;
  await controller.sources.importSelection();
  ["3", "4", "5"].forEach((text, k) => controller.editing.setVolOfVol(k, text));
  gateway.ranges.set("Book!A2:A5", [["BTC"], ["ETH"], ["SOL"], ["SOL"]]);
  gateway.ranges.set("Book!B2:B5", [[1000], [-500], [2000], [500]]);
  gateway.ranges.set("Vols!A1:D13", [["Date", "BTC", "ETH", "SOL"], ...LEVELS.map((row, day) => [SERIALS[day], ...row])]);
  controller.hedge.setHedgeField("assetsAddress", "Book!A2:A5");
  controller.hedge.setHedgeField("vegasAddress", "Book!B2:B5");
  controller.hedge.setHedgeField("proxies", "BTC, ETH");
  controller.stability.setField("historyAddress", "Vols!A1:D13");
  controller.stability.setField("window", "5");
  return { gateway, controller };
}

describe("Run", () => {
  test("keeps the engine's backtest of the Hedge tab's book over the history, and the stress", async () => {
    const { controller } = await ready();
    await controller.stability.run();
    const outcome = controller.state.stability.outcome;
    if (!outcome?.backtest.ok || !outcome.stress.ok) throw new Error(`both must run: ${JSON.stringify(outcome)}`);
    expect(outcome.backtest.value.result).toEqual(
      runHedgeBacktest({ history: { assets: ["BTC", "ETH", "SOL"], levels: LEVELS, order: "oldestFirst" }, rowDates: SERIALS, targets: SAMPLE_HEDGE_INPUT.targets, proxies: ["BTC", "ETH"], window: 5 }),
    );
    expect(outcome.stress.value.rows).toHaveLength(6);
    expect(controller.state.status).toEqual({ tone: "success", text: "Ran the backtest over 6 out-of-sample days, hedging with BTC and ETH, and the stress at 6 correlation shifts." });
    expect(controller.state.busy).toBeNull();
  });

  test("bad options are refused beside their fields and nothing is read; editing a field clears its refusal", async () => {
    const { gateway, controller } = await ready();
    gateway.failNext.readRange = new Error("must not be read");
    controller.stability.setField("rebalance", "0");
    controller.stability.setField("lambda", "2");
    await controller.stability.run();
    expect(Object.keys(controller.state.stability.optionProblems).sort()).toEqual(["lambda", "rebalance"]);
    expect(controller.state.stability.outcome).toBeNull();
    expect(controller.state.status?.text).toBe("Not run: 2 options to fix (see the messages by the fields).");
    controller.stability.setField("lambda", "0.9");
    expect(Object.keys(controller.state.stability.optionProblems)).toEqual(["rebalance"]);
  });

  test("without the Hedge tab's book, or without a history, it says what to give", async () => {
    const { controller } = await ready();
    controller.hedge.setHedgeField("proxies", "");
    await controller.stability.run();
    expect(controller.state.message).toEqual({ area: "stability", text: expect.stringMatching(/come from the Hedge tab/) });
    controller.hedge.setHedgeField("proxies", "BTC");
    controller.stability.setField("historyAddress", " ");
    await controller.stability.run();
    expect(controller.state.message?.text).toMatch(/address of the history/);
  });

  test("a failed read settles with its error in the status", async () => {
    const { gateway, controller } = await ready();
    gateway.failNext.readRange = new Error("the sheet was deleted");
    await controller.stability.run();
    expect(controller.state.busy).toBeNull();
    expect(controller.state.status?.text).toBe("Running the backtest and the stress failed: the sheet was deleted");
  });

  test("an edit of the correlations makes the stress shown stale", async () => {
    const { controller } = await ready();
    await controller.stability.run();
    expect(stabilityBasisStale(controller.state)).toBe(false);
    controller.editing.setVolOfVol(0, "3.5");
    expect(stabilityBasisStale(controller.state)).toBe(true);
  });
});

describe("Insert stability report", () => {
  test("needs saved correlations, then sends the addresses, the options and the backtest's size", async () => {
    const { gateway, controller } = await ready();
    await controller.stability.insertReport();
    expect(gateway.stabilityReports).toHaveLength(0);
    expect(controller.state.message?.text).toMatch(/Save the correlations first/);
    await controller.saving.save();
    controller.stability.setField("lambda", "0.94");
    controller.stability.setField("shifts", "-0.3, 0");
    await controller.stability.insertReport();
    expect(gateway.stabilityReports).toEqual([
      {
        historyAddress: "Vols!A1:D13",
        assetsAddress: "Book!A2:A5",
        vegasAddress: "Book!B2:B5",
        proxies: ["BTC", "ETH"],
        window: 5,
        lambda: 0.94,
        ridge: 0,
        rebalance: 1,
        shifts: [-0.3, 0],
        dayCount: 6,
        datesAreSerials: true,
      },
    ]);
    expect(controller.state.stability.lastReportSheet).toBe("XV_Stability1");
    expect(controller.state.status?.text).toBe("Inserted the stability report on sheet XV_Stability1.");
  });

  test("is refused when the backtest fails on these cells (its formulas would show the same error)", async () => {
    const { gateway, controller } = await ready();
    await controller.saving.save();
    controller.stability.setField("window", "20");
    await controller.stability.insertReport();
    expect(gateway.stabilityReports).toHaveLength(0);
    expect(controller.state.message?.text).toMatch(/^No report: the backtest fails/);
    expect(controller.state.stability.outcome?.backtest).toEqual({ ok: false, message: expect.stringMatching(/more than the window of 20/) });
  });

  test("a failed insert settles with the error in the status", async () => {
    const { gateway, controller } = await ready();
    await controller.saving.save();
    gateway.failNext.insertStabilityReport = new Error("sheet limit");
    await controller.stability.insertReport();
    expect(controller.state.busy).toBeNull();
    expect(controller.state.status?.text).toBe("Inserting the stability report failed: sheet limit");
  });
});
