/**
 * Preparing items for clustering: per-dimension transform, outlier clipping, scaling and weights, with
 * a stated policy for missing values, fitted once and stored (a {@link Preparation}) so that new items
 * are prepared exactly as the originals were.
 *
 * Per dimension, in this order:
 * 1. Missing values (NaN): `missing: "exclude"` (default) leaves out every item with a missing value;
 *    nothing is guessed, and the report counts the items left out. `"median"` fills a missing value
 *    with the dimension's median, in original units.
 * 2. Transform: `"none"` (default); `"log1p"`, the symmetric log sign(x)·ln(1 + |x|), which tames
 *    revenue-like skew and keeps the order of negative values (net returns); `"rank"`, the mid-rank
 *    fraction (items below + half the ties) / items ∈ (0, 1), interpolated between stored knots.
 * 3. Outliers: `outliers: "clip"` (default) clips values beyond Tukey's far-out fences Q1 − 3·IQR and
 *    Q3 + 3·IQR (Tukey, "Exploratory Data Analysis", 1977; `outlierFence` changes the 3), so that one
 *    extreme customer does not get a segment of its own or squeeze every other item into one; the
 *    item stays in, with its real values in the profile. A dimension whose IQR is 0 is not clipped.
 *    `"keep"` leaves values as they are.
 * 4. Scaling: `"zscore"` (default; mean and population standard deviation, as scikit-learn's
 *    StandardScaler), `"robust"` (median and IQR, as RobustScaler; IQR 0 falls back to the standard
 *    deviation), `"minmax"` (to [0, 1]) or `"none"`. A constant dimension is left unscaled and reported.
 * 5. Weight w ≥ 0 (default 1): the scaled value is multiplied by √w, so that the dimension's share of
 *    every squared distance is multiplied by w — weight 2 counts as if the dimension were there twice.
 *
 * Quantiles are Hyndman & Fan's definition 7, as Excel's QUARTILE.INC.
 */
import { invalidInput } from "../errors";
import { quantilesInPlace } from "../stats/quantile";
import { applyTransform, DimensionTransform, fitTransform, plainZero, TRANSFORMS as TRANSFORM_KINDS, TransformState } from "./transform";

export { applyTransform, MAX_RANK_KNOTS, TRANSFORMS } from "./transform";
export type { DimensionTransform, TransformState } from "./transform";

export type Scaling = "zscore" | "robust" | "minmax" | "none";
export type MissingPolicy = "exclude" | "median";
export type OutlierPolicy = "clip" | "keep";

export const SCALINGS: readonly Scaling[] = ["zscore", "robust", "minmax", "none"];

export interface PrepareOptions {
  /** Dimension names, for messages and profiles (default "dimension 1", "dimension 2", ...). */
  dimensions?: readonly string[];
  /** One transform for all dimensions or one per dimension (default "none"). */
  transforms?: DimensionTransform | readonly DimensionTransform[];
  /** Default "zscore". */
  scaling?: Scaling;
  /** One weight ≥ 0 per dimension (default 1 each); not all 0. */
  weights?: readonly number[];
  /** Default "exclude". */
  missing?: MissingPolicy;
  /** Default "clip". */
  outliers?: OutlierPolicy;
  /** IQR multiple of the clipping fences (default 3, Tukey's "far out"). */
  outlierFence?: number;
}

/**
 * Everything needed to prepare an item as the clustering did: plain JSON (numbers, strings, null for
 * "no bound"), so that it can be stored in a segment definition.
 */
export interface Preparation {
  dimensions: string[];
  transforms: TransformState[];
  missing: { policy: MissingPolicy; fill: (number | null)[] };
  outliers: { policy: OutlierPolicy; fence: number; low: (number | null)[]; high: (number | null)[] };
  scaler: { method: Scaling; center: number[]; scale: number[] };
  weights: number[];
}

export interface PreparationReport {
  items: number;
  /** Items that take part (the rest had a missing value under `missing: "exclude"`). */
  prepared: number;
  excludedForMissing: number;
  /** Per dimension: values filled with the median (`missing: "median"`). */
  filled: number[];
  /** Per dimension: values clipped to a fence. */
  clipped: number[];
  /** Dimensions with one value only: they cannot separate items. */
  constant: string[];
  /** The policies applied, in words, for the user. */
  notes: string[];
}

export interface PreparedFeatures {
  /** Prepared items (excluded ones left out) × dimensions, row-major. */
  values: Float64Array;
  itemCount: number;
  dimensionCount: number;
  /** Input row of each prepared item. */
  rows: Int32Array;
  preparation: Preparation;
  report: PreparationReport;
}

/** Fits the preparation on `values` (itemCount × dimensionCount, row-major, NaN = missing) and applies it. */
export function prepareFeatures(
  values: Float64Array,
  itemCount: number,
  dimensionCount: number,
  options: PrepareOptions = {},
): PreparedFeatures {
  checkShape(values, itemCount, dimensionCount);
  const n = itemCount;
  const d = dimensionCount;
  const dimensions = resolveDimensions(options.dimensions, d);
  const transforms = resolvePerDimension(options.transforms ?? "none", d, TRANSFORM_KINDS, "transforms");
  const scaling = oneOf(options.scaling ?? "zscore", SCALINGS, "scaling");
  const missing = oneOf(options.missing ?? "exclude", ["exclude", "median"] as const, "missing");
  const outliers = oneOf(options.outliers ?? "clip", ["clip", "keep"] as const, "outliers");
  const fence = options.outlierFence ?? 3;
  if (!(fence > 0) || !Number.isFinite(fence)) throw invalidInput(`outlierFence must be a number > 0; got ${fence}`);
  const weights = resolveWeights(options.weights, d);

  // Which items take part, and the median fill of each dimension.
  const fill: (number | null)[] = new Array(d).fill(null);
  const missingPerDimension = new Array<number>(d).fill(0);
  let keep = new Uint8Array(n).fill(1);
  for (let i = 0; i < n; i++) {
    for (let t = 0; t < d; t++) {
      const v = values[i * d + t];
      if (v !== v) {
        missingPerDimension[t]++;
        keep[i] = 0;
      } else if (v === Infinity || v === -Infinity) {
        throw invalidInput(`item ${i + 1}, ${dimensions[t]} is ${v}; values must be finite numbers (NaN for missing)`);
      }
    }
  }
  for (let t = 0; t < d; t++) {
    if (missingPerDimension[t] === n) throw invalidInput(`${dimensions[t]} has no values at all: give it values or leave it out`);
  }
  if (missing === "median") {
    for (let t = 0; t < d; t++) {
      if (missingPerDimension[t] === 0) continue;
      const observed = new Float64Array(n - missingPerDimension[t]);
      for (let i = 0, at = 0; i < n; i++) if (values[i * d + t] === values[i * d + t]) observed[at++] = values[i * d + t];
      fill[t] = plainZero(quantilesInPlace(observed, [0.5])[0]);
    }
    keep = new Uint8Array(n).fill(1);
  }
  let prepared = 0;
  for (let i = 0; i < n; i++) prepared += keep[i];
  if (prepared === 0) {
    throw invalidInput("every item has a missing value in some dimension: fill the blanks, or use missing: \"median\"");
  }

  // Transform, fences and scaler, fitted on the items that take part.
  const transformStates: TransformState[] = [];
  const low: (number | null)[] = [];
  const high: (number | null)[] = [];
  const center: number[] = [];
  const scale: number[] = [];
  const clipped = new Array<number>(d).fill(0);
  const constant: string[] = [];
  const column = new Float64Array(prepared);
  for (let t = 0; t < d; t++) {
    for (let i = 0, at = 0; i < n; i++) {
      if (!keep[i]) continue;
      const v = values[i * d + t];
      column[at++] = v === v ? v : (fill[t] as number);
    }
    const state = fitTransform(transforms[t], column);
    transformStates.push(state);
    for (let i = 0; i < prepared; i++) column[i] = applyTransform(state, column[i]);
    const [q1, median, q3] = quantilesInPlace(column.slice(), [0.25, 0.5, 0.75]);
    const iqr = q3 - q1;
    if (outliers === "clip" && iqr > 0) {
      const lowFence = q1 - fence * iqr;
      const highFence = q3 + fence * iqr;
      low.push(plainZero(lowFence));
      high.push(plainZero(highFence));
      for (let i = 0; i < prepared; i++) {
        if (column[i] < lowFence) {
          column[i] = lowFence;
          clipped[t]++;
        } else if (column[i] > highFence) {
          column[i] = highFence;
          clipped[t]++;
        }
      }
    } else {
      low.push(null);
      high.push(null);
    }
    const fitted = fitScaler(scaling, column, median, iqr);
    if (fitted.constant) constant.push(dimensions[t]);
    center.push(plainZero(fitted.center));
    scale.push(fitted.scale);
  }

  const preparation: Preparation = {
    dimensions,
    transforms: transformStates,
    missing: { policy: missing, fill },
    outliers: { policy: outliers, fence, low, high },
    scaler: { method: scaling, center, scale },
    weights,
  };
  const applied = applyPreparation(preparation, values, n);
  const report: PreparationReport = {
    items: n,
    prepared: applied.itemCount,
    excludedForMissing: n - applied.itemCount,
    filled: missing === "median" ? missingPerDimension : new Array<number>(d).fill(0),
    clipped,
    constant,
    notes: describePolicies(preparation, n - applied.itemCount, missingPerDimension, clipped, constant),
  };
  return { values: applied.values, itemCount: applied.itemCount, dimensionCount: d, rows: applied.rows, preparation, report };
}

/** What applying a preparation to items gives: the prepared rows and which input row each came from. */
export interface AppliedPreparation {
  values: Float64Array;
  itemCount: number;
  rows: Int32Array;
}

/**
 * Prepares items with a fitted preparation: fill or leave out missing values, transform, clip, scale,
 * weight. The function the clustering and every later assignment share, so both give the same numbers.
 */
export function applyPreparation(preparation: Preparation, values: Float64Array, itemCount: number): AppliedPreparation {
  const d = preparation.dimensions.length;
  checkShape(values, itemCount, d);
  const { transforms, missing, outliers, scaler, weights } = preparation;
  const factor = weights.map((w, t) => Math.sqrt(w) / scaler.scale[t]);
  const rows: number[] = [];
  const out = new Float64Array(itemCount * d);
  let kept = 0;
  for (let i = 0; i < itemCount; i++) {
    let complete = true;
    for (let t = 0; t < d; t++) {
      let v = values[i * d + t];
      if (v !== v) {
        const fill = missing.fill[t];
        if (missing.policy !== "median" || fill === null) {
          complete = false;
          break;
        }
        v = fill;
      }
      v = applyTransform(transforms[t], v);
      const lowFence = outliers.low[t];
      const highFence = outliers.high[t];
      if (lowFence !== null && v < lowFence) v = lowFence;
      if (highFence !== null && v > highFence) v = highFence;
      out[kept * d + t] = (v - scaler.center[t]) * factor[t];
    }
    if (complete) {
      rows.push(i);
      kept++;
    }
  }
  return { values: kept === itemCount ? out : out.slice(0, kept * d), itemCount: kept, rows: Int32Array.from(rows) };
}

function fitScaler(method: Scaling, column: Float64Array, median: number, iqr: number): { center: number; scale: number; constant: boolean } {
  const n = column.length;
  let min = Infinity;
  let max = -Infinity;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const v = column[i];
    if (v < min) min = v;
    if (v > max) max = v;
    sum += v;
  }
  const mean = sum / n;
  let squares = 0;
  for (let i = 0; i < n; i++) squares += (column[i] - mean) ** 2;
  const deviation = Math.sqrt(squares / n);
  const constant = !(max > min);
  switch (method) {
    case "zscore":
      return { center: mean, scale: deviation > 0 ? deviation : 1, constant };
    case "robust":
      return { center: median, scale: iqr > 0 ? iqr : deviation > 0 ? deviation : 1, constant };
    case "minmax":
      return { center: min, scale: max > min ? max - min : 1, constant };
    default:
      return { center: 0, scale: 1, constant };
  }
}

function describePolicies(
  preparation: Preparation, excluded: number, missingPerDimension: number[], clipped: number[], constant: string[],
): string[] {
  const { dimensions, missing, outliers } = preparation;
  const notes: string[] = [];
  if (missing.policy === "exclude" && excluded > 0) {
    notes.push(`${excluded} item(s) left out: a value is missing in at least one dimension (missing values are not guessed)`);
  }
  if (missing.policy === "median") {
    dimensions.forEach((name, t) => {
      if (missingPerDimension[t] > 0) notes.push(`${missingPerDimension[t]} missing value(s) of ${name} filled with its median ${missing.fill[t]}`);
    });
  }
  dimensions.forEach((name, t) => {
    if (clipped[t] > 0) {
      notes.push(
        `${clipped[t]} value(s) of ${name} clipped to the outlier fences (Q1 − ${outliers.fence}·IQR, Q3 + ${outliers.fence}·IQR) for the distances only`,
      );
    }
  });
  for (const name of constant) notes.push(`${name} has the same value for every item: it cannot separate segments`);
  return notes;
}

function checkShape(values: Float64Array, itemCount: number, dimensionCount: number): void {
  if (!(values instanceof Float64Array)) throw invalidInput("the items must be a Float64Array (items × dimensions, row-major)");
  if (!Number.isInteger(itemCount) || itemCount < 1) throw invalidInput(`there must be at least one item; got ${itemCount}`);
  if (!Number.isInteger(dimensionCount) || dimensionCount < 1) throw invalidInput(`there must be at least one dimension; got ${dimensionCount}`);
  if (values.length !== itemCount * dimensionCount) {
    throw invalidInput(`${itemCount} items × ${dimensionCount} dimensions need ${itemCount * dimensionCount} values; got ${values.length}`);
  }
}

function resolveDimensions(names: readonly string[] | undefined, d: number): string[] {
  if (names === undefined) return Array.from({ length: d }, (_, t) => `dimension ${t + 1}`);
  if (!Array.isArray(names) || names.length !== d) {
    throw invalidInput(`dimensions must name each of the ${d} dimensions; got ${Array.isArray(names) ? names.length : String(names)} name(s)`);
  }
  const seen = new Set<string>();
  return names.map((name, t) => {
    const text = typeof name === "string" ? name.trim() : "";
    const resolved = text === "" ? `dimension ${t + 1}` : text;
    if (seen.has(resolved)) throw invalidInput(`dimension names must be distinct; "${resolved}" appears twice`);
    seen.add(resolved);
    return resolved;
  });
}

function oneOf<T extends string>(value: T, allowed: readonly T[], name: string): T {
  if (!allowed.includes(value)) {
    throw invalidInput(`${name} must be ${allowed.map((a) => `"${a}"`).join(", ")}; got ${JSON.stringify(value)}`);
  }
  return value;
}

function resolvePerDimension<T extends string>(given: T | readonly T[], d: number, allowed: readonly T[], name: string): T[] {
  if (typeof given === "string") return new Array<T>(d).fill(oneOf(given, allowed, name));
  if (!Array.isArray(given) || given.length !== d) throw invalidInput(`${name} must give one entry per dimension (${d})`);
  return given.map((value) => oneOf(value, allowed, name));
}

function resolveWeights(weights: readonly number[] | undefined, d: number): number[] {
  if (weights === undefined) return new Array<number>(d).fill(1);
  if (!Array.isArray(weights) || weights.length !== d) {
    throw invalidInput(`weights must give one weight per dimension (${d}); got ${Array.isArray(weights) ? weights.length : String(weights)}`);
  }
  weights.forEach((w, t) => {
    if (typeof w !== "number" || !Number.isFinite(w) || w < 0) throw invalidInput(`weight ${t + 1} must be a number ≥ 0; got ${String(w)}`);
  });
  if (weights.every((w) => w === 0)) throw invalidInput("at least one weight must be above 0: with every weight 0 nothing separates the items");
  return weights.slice();
}
