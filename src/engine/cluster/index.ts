/**
 * Data-driven segmentation: group items on several dimensions at once (k-means, or Ward for small
 * sets), help choose how many segments, check the segments are not an accident of the start, and name
 * them in business terms. Pure TypeScript on typed arrays: no DOM, no Node, no Excel; long work is a
 * task with progress and cancellation (task.ts): a Web Worker runs it with `runTaskAsync`, which
 * gives the worker's event loop a turn every few milliseconds so a cancel message can flip the signal,
 * and the items travel to it as a transferable Float64Array.
 *
 * Typical use: `clusterItems(values, items, dimensions, k, { dimensions: names, transforms: "log1p" })`
 * → segments, sizes and a {@link ClusterModel}; `profileSegments(...)` → profiles and names;
 * `selectKForItems(...)` → a table over k with a recommendation; `assignToModel(model, newItems)` →
 * segments for new items, exactly as the originals were assigned.
 */
export { kmeans, kmeansTask } from "./kmeans";
export type { KMeansOptions, KMeansResult, KMeansIteration, KMeansRestart, KMeansAlgorithm } from "./kmeans";
export { prepareFeatures, applyPreparation, applyTransform, SCALINGS, TRANSFORMS, MAX_RANK_KNOTS } from "./prepare";
export type {
  PrepareOptions, Preparation, PreparedFeatures, PreparationReport, DimensionTransform, Scaling, MissingPolicy, OutlierPolicy, TransformState,
} from "./prepare";
export { clusterItems, clusterItemsTask } from "./segment";
export type { ClusterItemsOptions, ClusterItemsResult } from "./segment";
/**
 * A fitted k-means model as plain JSON — dimensions, transforms, outlier fences, scaler, weights and
 * centroids — for a segment definition to store; `assignToModel(model, rows)` assigns new items exactly
 * as the clustering assigned the originals, `validateClusterModel(json)` checks one read back.
 */
export type { ClusterModel, ModelAssignment } from "./model";
export { assignToModel, validateClusterModel, CLUSTER_MODEL_FORMAT, ASSIGNED, MISSING_VALUE } from "./model";
export { selectK, selectKTask, selectKForItems, recommend, SILHOUETTE_TIE } from "./kselect";
export type { KSelectOptions, KSelectResult, KSelectRow } from "./kselect";
export { meanSilhouette, sampleRows, DEFAULT_SILHOUETTE_SAMPLE } from "./silhouette";
export { adjustedRandIndex, assessStability, assessStabilityTask, stabilityVerdict } from "./stability";
export type { StabilityOptions, StabilityResult, StabilityVerdict } from "./stability";
export { wardClustering, MAX_WARD_ITEMS } from "./hierarchical";
export type { WardResult, WardMerge } from "./hierarchical";
export { profileSegments } from "./profile";
export type { ProfileOptions, ProfileResult, SegmentProfile } from "./profile";
export { nameSegments, levelOf, describeLevel } from "./naming";
export type { Level } from "./naming";
export { createRandom, DEFAULT_SEED } from "./random";
export type { RandomStream } from "./random";
export { runTask, runTaskAsync, within, ClusteringCancelled, isClusteringCancelled } from "./task";
export type { ClusterTask, TaskControl, CancelSignal } from "./task";
export { squaredDistance, nearestCentroid } from "./distance";
