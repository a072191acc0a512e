/** Classifications of items into segments: ABC by value share, XYZ by variability, demand patterns, and their matrix. */
export { classifyAbc, type AbcOptions, type AbcResult } from "./abc";
export {
  classifyXyz,
  STATUS_OK,
  STATUS_TOO_FEW_PERIODS,
  STATUS_NO_DEMAND,
  STATUS_NEGATIVE_DEMAND,
  type VariationStatus,
  type XyzOptions,
  type XyzResult,
} from "./xyz";
export {
  classifyDemandPattern,
  DEMAND_PATTERNS,
  STATUS_TOO_FEW_DEMANDS,
  type DemandPattern,
  type DemandPatternStatus,
  type DemandPatternOptions,
  type DemandPatternResult,
} from "./demandPattern";
export { crossAbcXyz, type AbcXyzMatrix } from "./matrix";
