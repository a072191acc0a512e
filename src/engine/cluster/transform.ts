/**
 * Per-dimension transforms, fitted on the clustering's items and stored with the model:
 * - `"none"`;
 * - `"log1p"`: the symmetric log sign(x)·ln(1 + |x|), which tames revenue-like skew and keeps the
 *   order of negative values (net returns);
 * - `"rank"`: the mid-rank fraction (items below + half the ties) / items ∈ (0, 1), stored as knots
 *   (at most {@link MAX_RANK_KNOTS}, evenly spaced by rank beyond that) and interpolated between them,
 *   so that a new item gets a fraction from the same table the originals did.
 */

export type DimensionTransform = "none" | "log1p" | "rank";

export const TRANSFORMS: readonly DimensionTransform[] = ["none", "log1p", "rank"];

/** Most knots a rank transform stores; more distinct values are interpolated between evenly spaced ones. */
export const MAX_RANK_KNOTS = 1024;

/** A fitted transform. `rank` keeps its knots: value → mid-rank fraction, interpolated between them. */
export type TransformState =
  | { kind: "none" }
  | { kind: "log1p" }
  | { kind: "rank"; values: number[]; fractions: number[] };

/** The transform of one value, as fitted. */
export function applyTransform(state: TransformState, value: number): number {
  switch (state.kind) {
    case "log1p":
      return value < 0 ? -Math.log1p(-value) : Math.log1p(value);
    case "rank":
      return rankFraction(state.values, state.fractions, value);
    default:
      return value;
  }
}

export function fitTransform(kind: DimensionTransform, column: Float64Array): TransformState {
  if (kind !== "rank") return { kind };
  const sorted = column.slice().sort();
  const n = sorted.length;
  const distinct: number[] = [];
  const fractions: number[] = [];
  for (let start = 0; start < n; ) {
    let end = start + 1;
    while (end < n && sorted[end] === sorted[start]) end++;
    distinct.push(plainZero(sorted[start]));
    fractions.push((start + (end - start) / 2) / n); // items below + half the ties
    start = end;
  }
  if (distinct.length <= MAX_RANK_KNOTS) return { kind, values: distinct, fractions };
  const values: number[] = [];
  const kept: number[] = [];
  for (let m = 0; m < MAX_RANK_KNOTS; m++) {
    const at = Math.round((m * (distinct.length - 1)) / (MAX_RANK_KNOTS - 1));
    values.push(distinct[at]);
    kept.push(fractions[at]);
  }
  return { kind, values, fractions: kept };
}

function rankFraction(knots: readonly number[], fractions: readonly number[], value: number): number {
  const last = knots.length - 1;
  if (value <= knots[0]) return fractions[0];
  if (value >= knots[last]) return fractions[last];
  let lo = 0;
  let hi = last;
  while (hi - lo > 1) {
    const mid = (lo + hi) >>> 1;
    if (knots[mid] <= value) lo = mid;
    else hi = mid;
  }
  if (knots[lo] === value) return fractions[lo];
  return fractions[lo] + ((value - knots[lo]) / (knots[hi] - knots[lo])) * (fractions[hi] - fractions[lo]);
}

/** −0 and +0 are one number, but JSON keeps only +0: fitted numbers use +0 so a stored model repeats them exactly. */
export function plainZero(value: number): number {
  return value === 0 ? 0 : value;
}
