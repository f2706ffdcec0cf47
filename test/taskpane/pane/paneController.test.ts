/*
 * The pane's controller over a fake workbook: loading, editing through the model (refusals keep the set-up), the check,
 * repair preview, save with its in-pane questions, one level of restore, the hedge preview and report, and that every
 * workbook action settles with its error in the status region.
 */
import { computeProxyHedge } from "../../../src/core/hedge";
import { estimateFromHistory } from "../../../src/taskpane/correlation";
import type { CorrelationConfig } from "../../../src/taskpane/correlation/correlationConfig";
import { cellText } from "../../../src/taskpane/pane/correlationEditing";
import { previewBasis } from "../../../src/taskpane/pane/hedgeController";
import { PaneController } from "../../../src/taskpane/pane/paneController";
import { nameList } from "../../../src/taskpane/pane/wording";
import { FakeGateway, HIGHAM_SELECTION, VALID_SELECTION } from "./fakeGateway";
import { SAMPLE_HEDGE_INPUT } from "../../support/paneHedgeFixture";

const NOW = new Date("2026-11-21T08:00:00.000Z");

function setUp(): { gateway: FakeGateway; controller: PaneController } {
  const gateway = new FakeGateway();
  const controller = new PaneController({ gateway, now: () => NOW });
  return { gateway, controller };
}

async function startedWith(selection = HIGHAM_SELECTION): Promise<{ gateway: FakeGateway; controller: PaneController }> {
  const fixture = setUp();
  await fixture.controller.start();
  fixture.gateway.selection = selection;
  await fixture.controller.sources.importSelection();
  return fixture;
}

function symmetric(config: CorrelationConfig): boolean {
  return config.correlations.every((row, i) => row.every((value, j) => value === config.correlations[j]?.[i]));
}

describe("start", () => {
  test("an empty workbook leaves an empty editor with nothing unsaved", async () => {
    const { controller } = setUp();
    await controller.start();
    expect(controller.state.started).toBe(true);
    expect(controller.state.config.assets).toEqual([]);
    expect(controller.state.savedConfig).toBeNull();
    expect(controller.state.unsaved).toBe(false);
    expect(controller.state.status?.text).toMatch(/no saved correlations/);
  });

  test("a saved set-up fills the editor and counts as saved", async () => {
    const first = await startedWith(VALID_SELECTION);
    await first.controller.saving.save();
    const { gateway, controller } = setUp();
    gateway.stored = first.gateway.stored;
    await controller.start();
    expect(controller.state.config.assets).toEqual(["BTC", "ETH", "SOL"]);
    expect(controller.state.unsaved).toBe(false);
    expect(controller.state.check.valid).toBe(true);
  });

  test("a requirement problem is kept for the banner and no workbook call is made", async () => {
    const { gateway, controller } = setUp();
    gateway.problem = "Excel 2016 lacks ExcelApi 1.9: use Microsoft 365.";
    await controller.start();
    expect(controller.state.requirementProblem).toBe(gateway.problem);
    await controller.sources.importSelection();
    expect(gateway.selectionReads).toBe(0);
    expect(controller.state.status).toEqual({ tone: "error", text: gateway.problem });
    // The editor still works.
    expect(controller.editing.addAsset("BTC")).toBe(true);
  });

  test("a failed load settles: error in the status, not busy", async () => {
    const { gateway, controller } = setUp();
    gateway.failNext.loadConfig = new Error("the workbook is busy");
    await controller.start();
    expect(controller.state.busy).toBeNull();
    expect(controller.state.started).toBe(true);
    expect(controller.state.status?.tone).toBe("error");
    expect(controller.state.status?.text).toMatch(/the workbook is busy/);
  });
});

describe("import and check", () => {
  test("Higham's matrix is imported as is and the check says it is not PSD", async () => {
    const { controller } = await startedWith();
    const { config, check } = controller.state;
    expect(config.assets).toEqual(["BTC", "ETH", "SOL"]);
    expect(controller.state.unsaved).toBe(true);
    expect(check.positiveSemidefinite).toBe(false);
    expect(check.smallestEigenvalue).toBeCloseTo(1 - Math.SQRT2, 10);
    expect(check.valid).toBe(false);
    expect(check.missingVolOfVols).toEqual(["BTC", "ETH", "SOL"]);
  });

  test("a selection that is not a labelled matrix is refused next to the source buttons", async () => {
    const { gateway, controller } = setUp();
    await controller.start();
    gateway.selection = { address: "Book!A1:B3", values: [[1, 2], [3, 4], [5, 6]] };
    await controller.sources.importSelection();
    expect(controller.state.message?.area).toBe("source");
    expect(controller.state.config.assets).toEqual([]);
    expect(controller.state.busy).toBeNull();
  });

  test("a failed selection read settles with the error in the status", async () => {
    const { gateway, controller } = setUp();
    await controller.start();
    gateway.failNext.readSelection = new Error("cell edit mode");
    await controller.sources.importSelection();
    expect(controller.state.busy).toBeNull();
    expect(controller.state.status).toEqual({ tone: "error", text: "Reading the selection failed: cell edit mode" });
  });

  test("EWMA needs a number for λ before reading anything", async () => {
    const { gateway, controller } = setUp();
    await controller.start();
    await controller.sources.estimateFromSelection("ewma", "abc");
    expect(gateway.selectionReads).toBe(0);
    expect(controller.state.message?.area).toBe("source");
    expect(controller.state.message?.text).toMatch(/λ/);
  });

  test("estimate from a vol history fills correlations and vol-of-vols", async () => {
    const { gateway, controller } = setUp();
    await controller.start();
    const levels = [
      [60, 70],
      [61, 70.5],
      [59.5, 69],
      [62, 71.5],
      [61, 70],
      [63, 72.5],
      [62.5, 71],
    ];
    gateway.selection = { address: "Vols!A1:B8", values: [["BTC", "ETH"], ...levels] };
    await controller.sources.estimateFromSelection("ewma", "0.94");
    expect(controller.state.config.assets).toEqual(["BTC", "ETH"]);
    expect(controller.state.config.metadata.method).toBe("ewma");
    expect(controller.state.config.volOfVols.every((value) => value !== null && value > 0)).toBe(true);
    expect(controller.state.status?.tone).toBe("success");
  });
});

describe("estimation warnings (issue 8, item 5)", () => {
  const LEVELS = [
    [60, 70],
    [61, 70.5],
    [59.5, 69],
    [62, 71.5],
    [61, 70],
    [63, 72.5],
    [62.5, 71],
  ];

  test("the engine's warnings and the rows skipped for gaps stay beside the source after later edits; an import clears them", async () => {
    const { gateway, controller } = setUp();
    await controller.start();
    const values = [["BTC", "ETH"], ...LEVELS.slice(0, 3), ["", 70.2], ...LEVELS.slice(3)];
    gateway.selection = { address: "Vols!A1:B9", values };
    await controller.sources.estimateFromSelection("ewma", "0.94");
    const engine = estimateFromHistory(values, { method: "ewma", lambda: 0.94, changes: "absolute" }, NOW);
    if (!engine.ok) throw new Error(engine.message);
    expect(engine.warnings.length).toBeGreaterThan(0);
    expect(engine.skippedRowCount).toBe(1);
    const report = controller.state.estimate;
    expect(report?.summary).toBe(`Estimated BTC and ETH from ${engine.changeCount} daily changes in Vols!A1:B9 (EWMA, λ = 0.94, 1 row with gaps skipped).`);
    expect(report?.warnings).toEqual([...engine.warnings, "1 row of Vols!A1:B9 had a gap (a blank, or a level that is not a number) and was left out of the estimate: fill the gaps to use those days."]);

    // An edit (which clears the source message) leaves the estimate's caveats where they are.
    expect(controller.editing.setVolOfVol(0, "2.5")).toBe(true);
    expect(controller.state.estimate).toBe(report);

    gateway.selection = VALID_SELECTION;
    await controller.sources.importSelection();
    expect(controller.state.estimate).toBeNull();
  });

  test("without gaps only the engine's warnings are listed (whatever the engine finds for 6 changes)", async () => {
    const { gateway, controller } = setUp();
    await controller.start();
    const values = [["BTC", "ETH"], ...LEVELS];
    gateway.selection = { address: "Vols!A1:B8", values };
    await controller.sources.estimateFromSelection("sample", "");
    const engine = estimateFromHistory(values, { method: "sample", changes: "absolute" }, NOW);
    if (!engine.ok) throw new Error(engine.message);
    expect(controller.state.estimate).toEqual({ summary: "Estimated BTC and ETH from 6 daily changes in Vols!A1:B8 (sample).", warnings: engine.warnings });
  });
});

describe("editing", () => {
  test("an edit of (i, j) sets its mirror; the grid shows both", async () => {
    const { controller } = await startedWith();
    expect(controller.editing.setCorrelation(0, 1, "0.9")).toBe(true);
    expect(cellText(controller.state.config, 0, 1)).toBe("0.9");
    expect(cellText(controller.state.config, 1, 0)).toBe("0.9");
    expect(symmetric(controller.state.config)).toBe(true);
  });

  test("a refused edit keeps the set-up (same object) and shows the model's message by the grid", async () => {
    const { controller } = await startedWith();
    const before = controller.state.config;
    expect(controller.editing.setCorrelation(0, 1, "1.5")).toBe(false);
    expect(controller.state.config).toBe(before);
    expect(controller.state.message).toEqual({ area: "matrix", text: expect.stringMatching(/1\.5.*BTC.*ETH|outside/) });
    expect(cellText(controller.state.config, 0, 1)).toBe("1");
    // The next good edit clears the message.
    controller.editing.setCorrelation(0, 1, "0.5");
    expect(controller.state.message).toBeNull();
  });

  test("the diagonal is always 1 and cannot be edited", async () => {
    const { controller } = await startedWith();
    expect(cellText(controller.state.config, 2, 2)).toBe("1");
    expect(controller.editing.setCorrelation(1, 1, "0.5")).toBe(false);
  });

  test("asset edits: add, rename, move, remove; a duplicate name is refused", async () => {
    const { controller } = await startedWith(VALID_SELECTION);
    expect(controller.editing.addAsset("eth")).toBe(false);
    expect(controller.state.message?.area).toBe("assets");
    expect(controller.editing.addAsset("AVAX")).toBe(true);
    expect(controller.editing.renameAsset(3, "DOGE")).toBe(true);
    expect(controller.editing.moveAsset(3, 0)).toBe(true);
    expect(controller.state.config.assets).toEqual(["DOGE", "BTC", "ETH", "SOL"]);
    expect(controller.state.config.correlations[2]?.[1]).toBe(0.8);
    expect(controller.editing.removeAsset(0)).toBe(true);
    expect(controller.state.config.assets).toEqual(["BTC", "ETH", "SOL"]);
  });

  test("a hostile asset name is kept as text, verbatim", async () => {
    const { controller } = await startedWith(VALID_SELECTION);
    expect(controller.editing.addAsset("<img src=x onerror=alert(1)>")).toBe(true);
    expect(controller.state.config.assets[3]).toBe("<img src=x onerror=alert(1)>");
  });

  test("vol-of-vols: set, refused, and cleared by switching the kind of change", async () => {
    const { controller } = await startedWith(VALID_SELECTION);
    expect(controller.editing.setVolOfVol(0, "3.2")).toBe(true);
    expect(controller.state.check.missingVolOfVols).toEqual(["ETH", "SOL"]);
    expect(controller.editing.setVolOfVol(1, "-1")).toBe(false);
    controller.editing.setChanges("log");
    expect(controller.state.config.changes).toBe("log");
    expect(controller.state.config.volOfVols).toEqual([null, null, null]);
    expect(controller.state.status?.text).toMatch(/cleared/);
  });

  test("Revert edits goes back to the saved set-up", async () => {
    const { controller } = await startedWith(VALID_SELECTION);
    await controller.saving.save();
    controller.editing.setCorrelation(0, 1, "0.1");
    expect(controller.state.unsaved).toBe(true);
    controller.editing.revertEdits();
    expect(controller.state.unsaved).toBe(false);
    expect(controller.state.config.correlations[0]?.[1]).toBe(0.8);
  });
});

describe("repair", () => {
  test("a preview first; Apply makes the editor valid, Discard leaves it", async () => {
    const { controller } = await startedWith();
    const before = controller.state.config;
    controller.editing.requestRepair();
    const repair = controller.state.repair;
    expect(repair?.changed).toBe(true);
    expect(repair?.largestChange).not.toBeNull();
    expect(controller.state.config).toBe(before);
    controller.editing.discardRepair();
    expect(controller.state.repair).toBeNull();
    expect(controller.state.config).toBe(before);
    controller.editing.requestRepair();
    controller.editing.applyRepair();
    expect(controller.state.check.valid).toBe(true);
    expect(controller.state.config.metadata.repaired).toBe(true);
  });

  test("a valid matrix needs no repair", async () => {
    const { controller } = await startedWith(VALID_SELECTION);
    controller.editing.requestRepair();
    expect(controller.state.repair).toBeNull();
    expect(controller.state.status?.text).toMatch(/nothing to repair/);
  });

  test("an edit drops a pending preview (it would be of another matrix)", async () => {
    const { controller } = await startedWith();
    controller.editing.requestRepair();
    controller.editing.setCorrelation(0, 2, "0.1");
    expect(controller.state.repair).toBeNull();
  });
});

describe("save", () => {
  test("an invalid matrix is not saved without a yes; Save anyway saves it", async () => {
    const { gateway, controller } = await startedWith();
    await controller.saving.save();
    expect(gateway.saves).toHaveLength(0);
    expect(controller.state.confirmation?.kind).toBe("saveInvalid");
    await controller.saving.confirmSaveInvalid();
    expect(gateway.saves).toHaveLength(1);
    expect(controller.state.unsaved).toBe(false);
  });

  test("Repair first from the question opens the repair preview, and nothing is saved", async () => {
    const { gateway, controller } = await startedWith();
    await controller.saving.save();
    controller.saving.repairInsteadOfSaving();
    expect(controller.state.confirmation).toBeNull();
    expect(controller.state.repair?.changed).toBe(true);
    expect(gateway.saves).toHaveLength(0);
  });

  test("a repaired matrix saves at once, stamped with the save time", async () => {
    const { gateway, controller } = await startedWith();
    controller.editing.requestRepair();
    controller.editing.applyRepair();
    await controller.saving.save();
    expect(gateway.saves).toHaveLength(1);
    expect(gateway.saves[0]?.overwriteForeign).toBe(false);
    expect(gateway.saves[0]?.config.metadata.asOf).toBe(NOW.toISOString());
    expect(controller.state.savedConfig).toBe(gateway.saves[0]?.config);
    expect(controller.state.unsaved).toBe(false);
    expect(controller.state.status?.tone).toBe("success");
  });

  test("content xvega did not create: nothing written until Overwrite, which passes overwriteForeign", async () => {
    const { gateway, controller } = await startedWith(VALID_SELECTION);
    gateway.foreignContent = "The sheet XV_Config already exists and was not created by xvega.";
    await controller.saving.save();
    expect(gateway.saves).toHaveLength(0);
    expect(controller.state.confirmation).toMatchObject({ kind: "overwriteForeign", message: gateway.foreignContent });
    await controller.saving.confirmOverwrite();
    expect(gateway.saves).toHaveLength(1);
    expect(gateway.saves[0]?.overwriteForeign).toBe(true);
    expect(controller.state.confirmation).toBeNull();
  });

  test("Cancel leaves the workbook alone", async () => {
    const { gateway, controller } = await startedWith(VALID_SELECTION);
    gateway.foreignContent = "foreign";
    await controller.saving.save();
    controller.saving.cancelConfirmation();
    expect(controller.state.confirmation).toBeNull();
    expect(gateway.saves).toHaveLength(0);
    expect(controller.state.unsaved).toBe(true);
  });

  test("a failed save settles: error in the status, set-up still unsaved", async () => {
    const { gateway, controller } = await startedWith(VALID_SELECTION);
    gateway.failNext.saveConfig = new Error("protected sheet");
    await controller.saving.save();
    expect(controller.state.busy).toBeNull();
    expect(controller.state.status).toEqual({ tone: "error", text: "Saving failed: protected sheet" });
    expect(controller.state.unsaved).toBe(true);
  });

  test("nothing to save in an empty editor", async () => {
    const { gateway, controller } = setUp();
    await controller.start();
    await controller.saving.save();
    expect(gateway.saves).toHaveLength(0);
    expect(controller.state.message?.area).toBe("save");
  });
});

describe("restore previous save", () => {
  test("re-saves the set-up the last save replaced, one level", async () => {
    const { gateway, controller } = await startedWith(VALID_SELECTION);
    await controller.saving.save();
    expect(controller.state.previousSave).toBeNull();
    controller.editing.setCorrelation(0, 1, "0.2");
    await controller.saving.save();
    const first = gateway.saves[0]?.config;
    expect(controller.state.previousSave).toBe(first);
    await controller.saving.restorePreviousSave();
    expect(gateway.saves).toHaveLength(3);
    expect(gateway.stored?.correlations[0]?.[1]).toBe(0.8);
    expect(controller.state.config.correlations[0]?.[1]).toBe(0.8);
    expect(controller.state.unsaved).toBe(false);
    // The save it replaced is now the previous one: a second click swaps back.
    expect(controller.state.previousSave?.correlations[0]?.[1]).toBe(0.2);
  });

  test("asks first when the editor holds unsaved edits", async () => {
    const { gateway, controller } = await startedWith(VALID_SELECTION);
    await controller.saving.save();
    controller.editing.setCorrelation(0, 1, "0.2");
    await controller.saving.save();
    controller.editing.setCorrelation(0, 1, "0.3");
    await controller.saving.restorePreviousSave();
    expect(controller.state.confirmation?.kind).toBe("restoreOverEdits");
    expect(gateway.saves).toHaveLength(2);
    await controller.saving.restorePreviousSave();
    expect(gateway.saves).toHaveLength(3);
    expect(controller.state.config.correlations[0]?.[1]).toBe(0.8);
  });
});

describe("hedge", () => {
  async function hedgeReady(): Promise<{ gateway: FakeGateway; controller: PaneController }> {
    const fixture = await startedWith(VALID_SELECTION);
    const { gateway, controller } = fixture;
    ["3", "4", "5"].forEach((text, k) => controller.editing.setVolOfVol(k, text));
    gateway.ranges.set("Book!A2:A5", [["BTC"], ["ETH"], ["SOL"], ["SOL"]]);
    gateway.ranges.set("Book!B2:B5", [[1000], [-500], [2000], [500]]);
    controller.hedge.setHedgeField("assetsAddress", "Book!A2:A5");
    controller.hedge.setHedgeField("vegasAddress", "Book!B2:B5");
    controller.hedge.setHedgeField("proxies", "BTC, ETH");
    return fixture;
  }

  test("Use selection fills an address", async () => {
    const { gateway, controller } = setUp();
    await controller.start();
    gateway.selection = { address: "Positions!A6:A17", values: [["BTC"]] };
    await controller.hedge.useSelectionFor("assetsAddress");
    expect(controller.state.hedge.form.assetsAddress).toBe("Positions!A6:A17");
  });

  test("the preview is the engine's hedge under the editor's set-up, and says it is unsaved", async () => {
    const { controller } = await hedgeReady();
    await controller.hedge.previewHedge();
    const preview = controller.state.hedge.preview;
    expect(preview).not.toBeNull();
    const expected = computeProxyHedge(SAMPLE_HEDGE_INPUT);
    expect(preview?.result.proxies.map((line) => line.hedgeVegaPerVolPoint)).toEqual(expected.proxies.map((line) => line.hedgeVegaPerVolPoint));
    expect(preview?.result.effectiveness).toBe(expected.effectiveness);
    expect(previewBasis(controller.state)).toBe("unsaved");
    await controller.saving.save();
    expect(previewBasis(controller.state)).toBe("saved");
    controller.editing.setCorrelation(0, 1, "0.5");
    expect(previewBasis(controller.state)).toBe("stale");
  });

  test("contract sizing adds contracts", async () => {
    const { controller } = await hedgeReady();
    controller.hedge.setHedgeField("contractVegas", "100, 50");
    controller.hedge.setHedgeField("lotSizes", "1");
    await controller.hedge.previewHedge();
    const lines = controller.state.hedge.preview?.result.proxies ?? [];
    expect(lines.every((line) => line.contracts !== null && Number.isInteger(line.contracts.roundedContracts))).toBe(true);
  });

  test("the reader's message comes through: a proxy missing from the matrix", async () => {
    const { controller } = await hedgeReady();
    controller.hedge.setHedgeField("proxies", "BTC, DOGE");
    await controller.hedge.previewHedge();
    expect(controller.state.hedge.preview).toBeNull();
    expect(controller.state.message?.area).toBe("hedge");
    expect(controller.state.message?.text).toMatch(/DOGE/);
    expect(controller.state.busy).toBeNull();
  });

  test("a log-change set-up is refused, as XV.XVEGAHEDGE refuses it in the report", async () => {
    const { controller } = await hedgeReady();
    controller.editing.setChanges("log");
    ["0.05", "0.06", "0.08"].forEach((text, k) => controller.editing.setVolOfVol(k, text));
    await controller.hedge.previewHedge();
    expect(controller.state.hedge.preview).toBeNull();
    expect(controller.state.message?.text).toMatch(/labelled "log".*changes "abs"/);
  });

  test("an invalid matrix is refused before any range is read", async () => {
    const { gateway, controller } = await startedWith();
    gateway.failNext.readRange = new Error("must not be read");
    controller.hedge.setHedgeField("assetsAddress", "Book!A2:A5");
    controller.hedge.setHedgeField("vegasAddress", "Book!B2:B5");
    controller.hedge.setHedgeField("proxies", "BTC");
    await controller.hedge.previewHedge();
    expect(controller.state.message?.text).toMatch(/repair/i);
  });

  test("Insert hedge report needs a saved set-up, then sends the form as a spec", async () => {
    const { gateway, controller } = await hedgeReady();
    controller.hedge.setHedgeField("contractVegas", "100; 50");
    await controller.hedge.insertHedgeReport();
    expect(gateway.reports).toHaveLength(0);
    expect(controller.state.message?.text).toMatch(/Save the correlations first/);
    await controller.saving.save();
    await controller.hedge.insertHedgeReport();
    expect(gateway.reports).toEqual([{ assetsAddress: "Book!A2:A5", vegasAddress: "Book!B2:B5", proxies: ["BTC", "ETH"], contractVegas: [100, 50] }]);
    expect(controller.state.hedge.lastReportSheet).toBe("XV_Hedge1");
    expect(controller.state.status?.text).toMatch(/XV_Hedge1/);
  });

  test("a failed insert settles with the error in the status", async () => {
    const { gateway, controller } = await hedgeReady();
    await controller.saving.save();
    gateway.failNext.insertHedgeReport = new Error("sheet limit");
    await controller.hedge.insertHedgeReport();
    expect(controller.state.busy).toBeNull();
    expect(controller.state.status?.text).toBe("Inserting the hedge report failed: sheet limit");
  });
});

describe("busy", () => {
  test("a second workbook action while one runs is ignored, and listeners see busy come and go", async () => {
    const { gateway, controller } = await startedWith(VALID_SELECTION);
    const busyStates: (string | null)[] = [];
    controller.subscribe((state) => busyStates.push(state.busy));
    const first = controller.saving.save();
    await controller.saving.save();
    await first;
    expect(gateway.saves).toHaveLength(1);
    expect(busyStates[0]).toBe("Saving…");
    expect(busyStates[busyStates.length - 1]).toBeNull();
  });
});

test("nameList", () => {
  expect(nameList(["BTC"])).toBe("BTC");
  expect(nameList(["BTC", "ETH", "SOL"])).toBe("BTC, ETH and SOL");
  expect(nameList(["A", "B", "C", "D", "E", "F", "G"])).toBe("A, B, C, D, E and 2 more");
});
