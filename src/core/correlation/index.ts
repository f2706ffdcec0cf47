/** Correlations of implied-vol changes: validate, repair (nearest correlation matrix), estimate from history. */
export { assetKey } from "./assetNames";
export { CorrelationInputError, type CorrelationInputErrorKind } from "./correlationErrors";
export {
  validateCorrelationMatrix,
  BOUND_TOLERANCE,
  PSD_TOLERANCE,
  SYMMETRY_TOLERANCE,
  UNIT_DIAGONAL_TOLERANCE,
  type CorrelationCheck,
  type CorrelationProblem,
  type CorrelationValidation,
} from "./correlationValidation";
export {
  nearestCorrelationMatrix,
  DEFAULT_ANDERSON_DEPTH,
  DEFAULT_NEAREST_CORRELATION_MAX_ITERATIONS,
  DEFAULT_NEAREST_CORRELATION_TOLERANCE,
  NEAREST_CORRELATION_METHODS,
  type EntryChange,
  type NearestCorrelationMethod,
  type NearestCorrelationOptions,
  type NearestCorrelationResult,
} from "./nearestCorrelation";
export {
  volChangesFromLevels,
  MAX_VOL_LEVEL,
  MIN_VOL_LEVEL,
  implausibleLevelProblem,
  VOL_CHANGE_KINDS,
  type HistoryCell,
  type HistoryOrder,
  type VolChangeKind,
  type VolChangeTable,
  type VolHistory,
} from "./volChanges";
export {
  estimateVolBeta,
  estimateVolCorrelation,
  describeVolEstimation,
  effectiveSampleSizeOf,
  minimumChangesFor,
  DEFAULT_EWMA_LAMBDA,
  MIN_CHANGES,
  THIN_HISTORY_CHANGES_PER_ASSET,
  THIN_HISTORY_MIN_EFFECTIVE_CHANGES,
  type EstimationBasis,
  type EstimationWarning,
  type EstimationWarningCode,
  type MeanTreatment,
  type VolBetaEstimate,
  type VolCorrelationEstimate,
  type VolEstimationMethod,
  type VolEstimationOptions,
} from "./volEstimation";
export {
  correlationsFromInput,
  findCorrelationScaleProblem,
  CORRELATION_INPUT_KINDS,
  type CorrelationInputKind,
  type CorrelationScaleProblem,
} from "./correlationInputKind";
export { describeNotConverged } from "./nearestCorrelationMessages";
export { symmetricEigen, symmetrise, type SquareMatrix, type SymmetricEigen } from "./symmetricMatrix";
export { historyOrderFromDates, isDateHeader, type DatedRow, type DateOrderProblem } from "./historyDates";
export { describeDayNumber, isSummaryLabel, readDateTexts, type DateTextColumn } from "./historyRowTexts";
