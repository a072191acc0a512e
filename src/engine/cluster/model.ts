/**
 * A fitted clustering, stored so that new items land in the segment the originals would have: the
 * dimensions, each one's transform, the outlier fences, the scaler, the weights and the centres.
 * Plain JSON (numbers, strings, null), so that a segment definition can hold it and `assignToModel`
 * can run offline from the workbook.
 *
 * Assignment prepares an item with the stored preparation (the same function the clustering used)
 * and takes the nearest centre, lowest segment on a tie — the rule the clustering's last pass applied
 * — so re-assigning the original items gives back exactly their segments.
 */
import { invalidInput } from "../errors";
import { nearestCentroid } from "./distance";
import { applyPreparation, Preparation, SCALINGS, TransformState } from "./prepare";

export const CLUSTER_MODEL_FORMAT = "supply-segments/cluster-model";

/**
 * A serialisable k-means model. `centroids[j]` is segment j's centre in prepared units (transformed,
 * clipped, scaled and weighted), one number per dimension; segment j is numbered j + 1 in cells.
 */
export interface ClusterModel {
  format: typeof CLUSTER_MODEL_FORMAT;
  version: 1;
  dimensions: string[];
  transforms: TransformState[];
  missing: Preparation["missing"];
  outliers: Preparation["outliers"];
  scaler: Preparation["scaler"];
  weights: number[];
  centroids: number[][];
}

/** Why an item got no segment. */
export const ASSIGNED = 0;
/** A value is missing and the model's policy is to leave such items out. */
export const MISSING_VALUE = 1;

export interface ModelAssignment {
  /** Segment of each item (0-based), −1 when it got none. */
  segment: Int32Array;
  /** ASSIGNED or MISSING_VALUE per item. */
  status: Uint8Array;
}

export function modelFromPreparation(preparation: Preparation, centroids: Float64Array, k: number): ClusterModel {
  const d = preparation.dimensions.length;
  return {
    format: CLUSTER_MODEL_FORMAT,
    version: 1,
    dimensions: preparation.dimensions.slice(),
    transforms: preparation.transforms,
    missing: preparation.missing,
    outliers: preparation.outliers,
    scaler: preparation.scaler,
    weights: preparation.weights.slice(),
    centroids: Array.from({ length: k }, (_, j) => Array.from(centroids.subarray(j * d, (j + 1) * d))),
  };
}

export function preparationOf(model: ClusterModel): Preparation {
  return {
    dimensions: model.dimensions,
    transforms: model.transforms,
    missing: model.missing,
    outliers: model.outliers,
    scaler: model.scaler,
    weights: model.weights,
  };
}

/**
 * Assigns items (rows × the model's dimensions, in the model's dimension order, NaN = missing) to the
 * model's segments. Accepts a flat row-major Float64Array with its item count, or an array of rows.
 */
export function assignToModel(model: ClusterModel, rows: readonly (readonly number[])[]): ModelAssignment;
export function assignToModel(model: ClusterModel, values: Float64Array, itemCount: number): ModelAssignment;
export function assignToModel(
  model: ClusterModel,
  input: Float64Array | readonly (readonly number[])[],
  itemCount?: number,
): ModelAssignment {
  const d = model.dimensions.length;
  let values: Float64Array;
  let n: number;
  if (input instanceof Float64Array) {
    n = itemCount ?? input.length / d;
    values = input;
  } else {
    n = input.length;
    values = new Float64Array(n * d);
    input.forEach((row, i) => {
      if (!Array.isArray(row) || row.length !== d) {
        throw invalidInput(`item ${i + 1} must have ${d} values (${model.dimensions.join(", ")})`);
      }
      for (let t = 0; t < d; t++) {
        const v = row[t];
        values[i * d + t] = typeof v === "number" ? v : NaN;
      }
    });
  }
  const segment = new Int32Array(n).fill(-1);
  const status = new Uint8Array(n).fill(MISSING_VALUE);
  if (n === 0) return { segment, status };
  const prepared = applyPreparation(preparationOf(model), values, n);
  const k = model.centroids.length;
  const centroids = new Float64Array(k * d);
  model.centroids.forEach((centre, j) => centroids.set(centre, j * d));
  for (let p = 0; p < prepared.itemCount; p++) {
    const row = prepared.rows[p];
    segment[row] = nearestCentroid(prepared.values, p, centroids, k, d);
    status[row] = ASSIGNED;
  }
  return { segment, status };
}

/**
 * Checks that parsed JSON is a usable ClusterModel (e.g. one read back from a stored definition) and
 * returns it typed; raises invalid-input naming the first thing wrong.
 */
export function validateClusterModel(json: unknown): ClusterModel {
  const fail = (what: string): never => {
    throw invalidInput(`not a cluster model: ${what}`);
  };
  if (typeof json !== "object" || json === null) fail("expected an object");
  const model = json as Record<string, unknown>;
  if (model.format !== CLUSTER_MODEL_FORMAT) fail(`format must be "${CLUSTER_MODEL_FORMAT}"`);
  if (model.version !== 1) fail("version must be 1");
  const dimensions = model.dimensions;
  if (!Array.isArray(dimensions) || dimensions.length === 0 || !dimensions.every((name) => typeof name === "string")) {
    fail("dimensions must be a non-empty list of names");
  }
  const d = (dimensions as string[]).length;
  const numbers = (value: unknown, what: string, allowNull = false): void => {
    if (!Array.isArray(value) || value.length !== d) fail(`${what} must have ${d} entries`);
    for (const entry of value as unknown[]) {
      if (!(allowNull && entry === null) && !(typeof entry === "number" && Number.isFinite(entry))) {
        fail(`${what} must hold finite numbers${allowNull ? " or null" : ""}`);
      }
    }
  };
  const transforms = model.transforms;
  if (!Array.isArray(transforms) || transforms.length !== d) fail(`transforms must have ${d} entries`);
  for (const state of transforms as unknown[]) {
    const kind = (state as { kind?: unknown } | null)?.kind;
    if (kind === "none" || kind === "log1p") continue;
    if (kind !== "rank") fail(`a transform's kind must be "none", "log1p" or "rank"`);
    const { values, fractions } = state as { values?: unknown; fractions?: unknown };
    if (!Array.isArray(values) || !Array.isArray(fractions) || values.length === 0 || values.length !== fractions.length) {
      fail("a rank transform needs equal, non-empty lists of values and fractions");
    }
  }
  const missing = model.missing as Preparation["missing"] | undefined;
  if (!missing || (missing.policy !== "exclude" && missing.policy !== "median")) fail('missing.policy must be "exclude" or "median"');
  numbers(missing?.fill, "missing.fill", true);
  const outliers = model.outliers as Preparation["outliers"] | undefined;
  if (!outliers || (outliers.policy !== "clip" && outliers.policy !== "keep")) fail('outliers.policy must be "clip" or "keep"');
  numbers(outliers?.low, "outliers.low", true);
  numbers(outliers?.high, "outliers.high", true);
  const scaler = model.scaler as Preparation["scaler"] | undefined;
  if (!scaler || !SCALINGS.includes(scaler.method)) fail(`scaler.method must be one of ${SCALINGS.join(", ")}`);
  numbers(scaler?.center, "scaler.center");
  numbers(scaler?.scale, "scaler.scale");
  if ((scaler?.scale ?? []).some((s) => !(s > 0))) fail("scaler.scale must be above 0");
  numbers(model.weights, "weights");
  if ((model.weights as number[]).some((w) => w < 0)) fail("weights must be ≥ 0");
  const centroids = model.centroids;
  if (!Array.isArray(centroids) || centroids.length === 0) fail("centroids must list at least one centre");
  (centroids as unknown[]).forEach((centre, j) => numbers(centre, `centroid ${j + 1}`));
  return model as unknown as ClusterModel;
}
