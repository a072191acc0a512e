/**
 * Segmenting items end to end: prepare the dimensions (transform, clip, scale, weight; missing values
 * by the stated policy), run k-means, and keep the model that assigns new items the same way.
 */
import { outOfRange } from "../errors";
import { kmeansTask, KMeansOptions } from "./kmeans";
import { ClusterModel, modelFromPreparation } from "./model";
import { prepareFeatures, PrepareOptions, PreparationReport } from "./prepare";
import { ClusterTask, runTask, within } from "./task";

export interface ClusterItemsOptions
  extends PrepareOptions,
    Omit<KMeansOptions, "initialCentroids" | "onIteration" | "onRestart"> {}

export interface ClusterItemsResult {
  /** Segment of each input item, 0 … k − 1 (largest first); −1 for an item left out for a missing value. */
  segment: Int32Array;
  /** Items per segment. */
  sizes: Int32Array;
  /** The stored model: assignToModel(model, items) gives `segment` back for these items. */
  model: ClusterModel;
  /** Σ squared distance to the segment centres, in prepared units. */
  inertia: number;
  iterations: number;
  converged: boolean;
  /** What preparation did: items left out, values clipped, constant dimensions, in words in `notes`. */
  report: PreparationReport;
}

/** Clusters `values` (itemCount × dimensionCount, row-major, NaN = missing) into k segments. */
export function clusterItems(
  values: Float64Array,
  itemCount: number,
  dimensionCount: number,
  k: number,
  options: ClusterItemsOptions = {},
): ClusterItemsResult {
  return runTask(clusterItemsTask(values, itemCount, dimensionCount, k, options), options);
}

export function* clusterItemsTask(
  values: Float64Array,
  itemCount: number,
  dimensionCount: number,
  k: number,
  options: ClusterItemsOptions = {},
): ClusterTask<ClusterItemsResult> {
  const prepared = prepareFeatures(values, itemCount, dimensionCount, options);
  if (Number.isInteger(k) && k > prepared.itemCount) {
    const leftOut = prepared.report.excludedForMissing;
    throw outOfRange(
      `k = ${k} segments need at least ${k} items; there are ${prepared.itemCount}` +
        (leftOut > 0 ? ` (${leftOut} left out for missing values)` : ""),
    );
  }
  yield 0.02;
  const result = yield* within(
    kmeansTask(prepared.values, prepared.itemCount, dimensionCount, k, {
      seed: options.seed,
      restarts: options.restarts,
      maxIterations: options.maxIterations,
      tolerance: options.tolerance,
      localTrials: options.localTrials,
      algorithm: options.algorithm,
    }),
    0.02,
    1,
  );
  const segment = new Int32Array(itemCount).fill(-1);
  for (let p = 0; p < prepared.itemCount; p++) segment[prepared.rows[p]] = result.labels[p];
  return {
    segment,
    sizes: result.sizes,
    model: modelFromPreparation(prepared.preparation, result.centroids, k),
    inertia: result.inertia,
    iterations: result.iterations,
    converged: result.converged,
    report: prepared.report,
  };
}
