/**
 * What each segment looks like, in the user's units: its size and share of items, its share of
 * revenue, its centre (the mean of its items, per dimension, in original units — not the scaled
 * centroid), its median, where that median sits among all items, and a suggested business name
 * (naming.ts). Works for any grouping: k-means segments, Ward groups or labels typed into a sheet.
 */
import { invalidInput } from "../errors";
import { quantilesInPlace } from "../stats/quantile";
import { Level, levelOf, nameSegments } from "./naming";

export interface ProfileOptions {
  /** Dimension names (default "dimension 1", ...); they drive the names. */
  dimensions?: readonly string[];
  /** Which dimension is revenue, for the share-of-revenue column (0-based); none by default. */
  revenueDimension?: number;
  /** Dimensions with weight 0 are left out of names (they did not shape the segments). */
  weights?: readonly number[];
}

export interface SegmentProfile {
  /** Segment index, as in the labels. */
  segment: number;
  name: string;
  size: number;
  shareOfItems: number;
  /** The segment's share of the revenue dimension's total; NaN without a revenue dimension. */
  shareOfRevenue: number;
  /** Per dimension, mean of the segment's items in original units (NaN if none has a value). */
  mean: number[];
  median: number[];
  /** Per dimension, percentile (0…1) of the segment's median among all profiled items. */
  position: number[];
  level: Level[];
}

export interface ProfileResult {
  segments: SegmentProfile[];
  /** Items profiled (those with a segment). */
  items: number;
  dimensions: string[];
}

/**
 * Profiles the segments of `values` (itemCount × dimensionCount, row-major, NaN = missing). `segment[i]`
 * is item i's segment, 0 … segmentCount − 1, or −1 to leave the item out. A segment with no items
 * gets size 0 and NaN figures.
 */
export function profileSegments(
  values: Float64Array,
  itemCount: number,
  dimensionCount: number,
  segment: Int32Array,
  segmentCount: number,
  options: ProfileOptions = {},
): ProfileResult {
  const n = itemCount;
  const d = dimensionCount;
  if (!(values instanceof Float64Array) || values.length !== n * d) {
    throw invalidInput(`expected ${n} items × ${d} dimensions as a Float64Array`);
  }
  if (segment.length !== n) throw invalidInput(`there must be one segment per item: ${n} items, ${segment.length} segments`);
  if (!Number.isInteger(segmentCount) || segmentCount < 1) throw invalidInput(`segmentCount must be a whole number ≥ 1; got ${segmentCount}`);
  const dimensions = options.dimensions ? options.dimensions.slice() : Array.from({ length: d }, (_, t) => `dimension ${t + 1}`);
  if (dimensions.length !== d) throw invalidInput(`dimensions must name each of the ${d} dimensions`);
  const revenue = options.revenueDimension;
  if (revenue !== undefined && !(Number.isInteger(revenue) && revenue >= 0 && revenue < d)) {
    throw invalidInput(`revenueDimension must be a dimension number from 0 to ${d - 1}; got ${revenue}`);
  }

  // Items grouped by segment (a counting sort), so each segment's values are gathered in one sweep.
  const sizes = new Int32Array(segmentCount);
  for (let i = 0; i < n; i++) {
    const s = segment[i];
    if (s === -1) continue;
    if (!Number.isInteger(s) || s < -1 || s >= segmentCount) throw invalidInput(`item ${i + 1} has segment ${s}; expected −1 … ${segmentCount - 1}`);
    sizes[s]++;
  }
  const starts = new Int32Array(segmentCount + 1);
  for (let s = 0; s < segmentCount; s++) starts[s + 1] = starts[s] + sizes[s];
  const profiled = starts[segmentCount];
  const members = new Int32Array(profiled);
  const fill = starts.slice(0, segmentCount);
  for (let i = 0; i < n; i++) if (segment[i] >= 0) members[fill[segment[i]]++] = i;

  const mean: number[][] = Array.from({ length: segmentCount }, () => new Array<number>(d).fill(NaN));
  const median: number[][] = Array.from({ length: segmentCount }, () => new Array<number>(d).fill(NaN));
  const position: number[][] = Array.from({ length: segmentCount }, () => new Array<number>(d).fill(NaN));
  const totals: number[][] = Array.from({ length: segmentCount }, () => new Array<number>(d).fill(0));
  const scratch = new Float64Array(profiled);
  for (let t = 0; t < d; t++) {
    for (let s = 0; s < segmentCount; s++) {
      let observed = 0;
      let total = 0;
      for (let m = starts[s]; m < starts[s + 1]; m++) {
        const v = values[members[m] * d + t];
        if (v === v) {
          scratch[observed++] = v;
          total += v;
        }
      }
      totals[s][t] = total;
      if (observed === 0) continue;
      mean[s][t] = total / observed;
      median[s][t] = quantilesInPlace(scratch.subarray(0, observed), [0.5])[0];
    }
    // Percentile of each segment's median among every profiled item's value: (below + ½ ties) / observed.
    const below = new Float64Array(segmentCount);
    const equal = new Float64Array(segmentCount);
    let observedAll = 0;
    for (let m = 0; m < profiled; m++) {
      const v = values[members[m] * d + t];
      if (v !== v) continue;
      observedAll++;
      for (let s = 0; s < segmentCount; s++) {
        const centre = median[s][t];
        if (v < centre) below[s]++;
        else if (v === centre) equal[s]++;
      }
    }
    for (let s = 0; s < segmentCount; s++) {
      if (median[s][t] === median[s][t] && observedAll > 0) position[s][t] = (below[s] + equal[s] / 2) / observedAll;
    }
  }

  let revenueTotal = 0;
  if (revenue !== undefined) for (let s = 0; s < segmentCount; s++) revenueTotal += totals[s][revenue];
  const named = options.weights ? options.weights.map((w) => w > 0) : undefined;
  const names = nameSegments(dimensions, position, named);
  const segments: SegmentProfile[] = [];
  for (let s = 0; s < segmentCount; s++) {
    segments.push({
      segment: s,
      name: sizes[s] === 0 ? "Empty" : names[s],
      size: sizes[s],
      shareOfItems: profiled > 0 ? sizes[s] / profiled : NaN,
      shareOfRevenue: revenue === undefined || revenueTotal === 0 ? NaN : totals[s][revenue] / revenueTotal,
      mean: mean[s],
      median: median[s],
      position: position[s],
      level: position[s].map((p) => (Number.isFinite(p) ? levelOf(p) : "mid")),
    });
  }
  return { segments, items: profiled, dimensions };
}
