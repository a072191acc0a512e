/**
 * Placing items by a stored cluster model: the clustering engine's `assignToModel` prepares each
 * item exactly as the clustering did (transform, outlier fences, scaler, weights) and takes the
 * nearest centre, so an item lands where the design's items landed. Clusters are numbered from 1,
 * as the clustering engine shows them in cells.
 */
import { assignToModel, ASSIGNED, type ClusterModel, validateClusterModel } from "../cluster/model";
import { type DimensionColumns, numberAt } from "./columns";
import { listForMessage } from "./format";
import type { PlacedClasses } from "./matrix";
import type { ClustersMethod } from "./methodSchema";

export function placeClusters(method: ClustersMethod, columns: DimensionColumns): PlacedClasses {
  const model: ClusterModel = validateClusterModel(method.model);
  const d = model.dimensions.length;
  const n = columns.itemCount;
  const values = new Float64Array(n * d);
  const indexes = model.dimensions.map((name) => columns.indexOf.get(name.toLowerCase())!);
  for (let item = 0; item < n; item++) {
    for (let t = 0; t < d; t++) values[item * d + t] = numberAt(columns, indexes[t], item);
  }
  const assigned = assignToModel(model, values, n);
  const classIndex = new Int32Array(n);
  for (let item = 0; item < n; item++) classIndex[item] = assigned.status[item] === ASSIGNED ? assigned.segment[item] : -1;
  const k = model.centroids.length;
  const on = listForMessage(model.dimensions);
  return {
    classIndex,
    thresholdClass: null,
    describe(item) {
      if (classIndex[item] >= 0) return `nearest centre of the stored model (${k} clusters on ${on}): cluster ${classIndex[item] + 1}`;
      const missing = model.dimensions.filter((_, t) => values[item * d + t] !== values[item * d + t]);
      return `${missing.length > 0 ? `${listForMessage(missing)} missing` : "a value the model cannot place"} → not placed by the cluster model`;
    },
  };
}
