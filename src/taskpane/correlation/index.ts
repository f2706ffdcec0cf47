/*
 * The correlation pane's pure logic: no Office, no DOM. The view and the workbook module use only what is exported
 * here; the set-up's types are in correlationConfig.ts.
 */
export type { ChangeKind, ConfigMetadata, CorrelationConfig, EditResult } from "./correlationConfig";
export { emptyConfig } from "./emptyConfig";
export { configsEqual } from "./configsEqual";
export { MAX_ASSET_NAME_LENGTH } from "./assetNameRules";
export { addAsset, moveAsset, removeAsset, renameAsset } from "./assetEdits";
export { MAX_VOL_OF_VOL, setChanges, setCorrelation, setVolOfVol } from "./valueEdits";
export { importLabelledRange } from "./rangeImport";
export { estimateFromHistory, type HistoryEstimateOptions, type HistoryEstimateResult } from "./historyEstimate";
export { checkConfig, type ConfigCheck } from "./configCheck";
export { repairConfig, type RepairPreview } from "./configRepair";
export { contrastRatio, heatColour } from "./heatColour";
