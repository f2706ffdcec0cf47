import { confirmationMessage, judgeOwnership, type NameObservation } from "../../../src/taskpane/workbook/configOwnership";
import { CONFIG_MARKER } from "../../../src/taskpane/workbook/configSheetLayout";

const absent = (name: NameObservation["name"]): NameObservation => ({ name, exists: false, sheetName: null, refersTo: "" });
const onSheet = (name: NameObservation["name"], sheetName: string, refersTo: string): NameObservation => ({ name, exists: true, sheetName, refersTo });
const ours = { exists: true, markerValue: CONFIG_MARKER };

describe("judgeOwnership", () => {
  it("lets a first save go ahead in an empty workbook", () => {
    expect(judgeOwnership({ exists: false, markerValue: undefined }, [absent("XV_CORR"), absent("XV_VOLVOL"), absent("XV_META")])).toEqual({
      ourNames: [],
      foreign: [],
    });
  });

  it("treats names on its own marked sheet as its own (any case of the sheet name)", () => {
    const names = [onSheet("XV_CORR", "xv_config", "xv_config!D13:G16"), onSheet("XV_VOLVOL", "XV_Config", "XV_Config!A13:B15"), absent("XV_META")];
    expect(judgeOwnership(ours, names)).toEqual({ ourNames: ["XV_CORR", "XV_VOLVOL"], foreign: [] });
  });

  it("names a sheet without the marker, and names pointing elsewhere or at constants, as foreign", () => {
    const verdict = judgeOwnership({ exists: true, markerValue: "my notes" }, [
      onSheet("XV_CORR", "XV_Config", "XV_Config!A1:C3"),
      onSheet("XV_VOLVOL", "Correlations", "Correlations!F2:G4"),
      { name: "XV_META", exists: true, sheetName: null, refersTo: "0.5" },
    ]);
    expect(verdict.ourNames).toEqual([]);
    expect(verdict.foreign).toEqual([
      expect.stringContaining("the sheet XV_Config"),
      "the name XV_CORR, which refers to XV_Config!A1:C3",
      "the name XV_VOLVOL, which refers to Correlations!F2:G4",
      "the name XV_META, which refers to 0.5",
    ]);
  });
});

describe("confirmationMessage", () => {
  it("lists what would be overwritten and says how to proceed", () => {
    expect(confirmationMessage(["the name XV_CORR, which refers to Correlations!A1:C3"])).toBe(
      "Saving would overwrite the name XV_CORR, which refers to Correlations!A1:C3. " +
        "xvega did not create it: save anyway to let xvega take it over, or rename it first.",
    );
    expect(confirmationMessage(["a", "b", "c"])).toMatch(/^Saving would overwrite a; b; c\. xvega did not create them: .* take them over/);
  });
});
