/**
 * Segment definitions: the versioned document (schema), assigning items with reasons, proposing a
 * definition from data, and reclassification with hysteresis.
 */
export {
  SCHEMA_VERSION,
  definitionSchema,
  definitionJsonSchema,
  parseDefinition,
  type SegmentDefinition,
  type SegmentDefinitionInput,
  type Segment,
  type Dimension,
  type Override,
  type Period,
} from "./schema";
export { type SegmentPolicy, type SegmentTargets, type KpiName, KPI_NAMES, SAFETY_STOCK_METHODS } from "./policySchema";
export { type Classification, type Method, type ClustersMethod, matrixCellNames, classificationLabels } from "./methodSchema";
export { type Condition, CONDITION_OPERATORS } from "./schemaPrimitives";
export {
  assign,
  assignBatch,
  assignmentOf,
  ASSIGNMENT_SOURCES,
  type Assignment,
  type AssignmentSource,
  type BatchAssignment,
  type BatchOptions,
} from "./assign";
export { designAbcXyz, abcDesignOf, DESIGN_EXCEPTIONS, type DesignOptions } from "./design";
export { designClusters, type ClusterDesignOptions } from "./designClusters";
export {
  reclassify,
  RECLASSIFICATION_STATUSES,
  type PriorAssignment,
  type ReclassificationResult,
  type ReclassificationStatus,
} from "./reclassify";
