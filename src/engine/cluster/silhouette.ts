/**
 * The silhouette (P. J. Rousseeuw, "Silhouettes: a graphical aid to the interpretation and validation
 * of cluster analysis", J. Comput. Appl. Math. 20:53–65, 1987): for an item, a = mean distance to the
 * other items of its segment, b = mean distance to the items of the nearest other segment,
 * s = (b − a) / max(a, b) ∈ [−1, 1]; an item alone in its segment scores 0. The mean over items says
 * how clearly the segments are separated; Kaufman & Rousseeuw ("Finding Groups in Data", 1990) read
 * > 0.70 as strong, > 0.50 reasonable, > 0.25 weak, below as no substantial structure.
 *
 * It costs a distance per pair of items, so beyond `sampleSize` items (default 3,000) it is computed on
 * a seeded random sample, among the sampled items only (as scikit-learn's silhouette_score with
 * sample_size): a few thousand items estimate the mean to about ±0.01.
 */
import { invalidInput } from "../errors";
import { squaredDistance } from "./distance";
import { createRandom } from "./random";

export const DEFAULT_SILHOUETTE_SAMPLE = 3000;

/** `size` distinct rows out of `n`, chosen by `seed` (Floyd's algorithm), in increasing order. */
export function sampleRows(n: number, size: number, seed: number): Int32Array {
  if (size >= n) return Int32Array.from({ length: n }, (_, i) => i);
  const random = createRandom(seed);
  const chosen = new Set<number>();
  for (let j = n - size; j < n; j++) {
    const pick = random.nextInt(j + 1);
    chosen.add(chosen.has(pick) ? j : pick);
  }
  return Int32Array.from(chosen).sort();
}

/**
 * Mean silhouette of the items in `rows` (all items by default), among those items only, with
 * Euclidean distances. NaN when the rows hold fewer than 2 segments (the silhouette needs a "nearest
 * other segment").
 */
export function meanSilhouette(
  values: Float64Array,
  itemCount: number,
  dimensionCount: number,
  labels: Int32Array,
  rows: Int32Array = Int32Array.from({ length: itemCount }, (_, i) => i),
): number {
  const d = dimensionCount;
  if (labels.length !== itemCount) throw invalidInput(`there must be one label per item: ${itemCount} items, ${labels.length} labels`);
  const m = rows.length;
  let k = 0;
  for (let s = 0; s < m; s++) {
    const label = labels[rows[s]];
    if (!Number.isInteger(label) || label < 0) throw invalidInput(`labels must be whole numbers ≥ 0; item ${rows[s] + 1} has ${label}`);
    if (label + 1 > k) k = label + 1;
  }
  const sizes = new Float64Array(k);
  for (let s = 0; s < m; s++) sizes[labels[rows[s]]]++;
  let present = 0;
  for (let c = 0; c < k; c++) if (sizes[c] > 0) present++;
  if (present < 2) return NaN;

  // sums[s·k + c]: total distance from sampled item s to the sampled items of segment c.
  const sums = new Float64Array(m * k);
  for (let s = 0; s < m; s++) {
    const rowS = rows[s];
    const labelS = labels[rowS];
    for (let r = s + 1; r < m; r++) {
      const rowR = rows[r];
      const dist = Math.sqrt(squaredDistance(values, rowS * d, values, rowR * d, d));
      sums[s * k + labels[rowR]] += dist;
      sums[r * k + labelS] += dist;
    }
  }
  let total = 0;
  for (let s = 0; s < m; s++) {
    const own = labels[rows[s]];
    if (sizes[own] < 2) continue; // alone in its segment: 0
    const a = sums[s * k + own] / (sizes[own] - 1);
    let b = Infinity;
    for (let c = 0; c < k; c++) {
      if (c === own || sizes[c] === 0) continue;
      const mean = sums[s * k + c] / sizes[c];
      if (mean < b) b = mean;
    }
    const spread = a > b ? a : b;
    if (spread > 0) total += (b - a) / spread;
  }
  return total / m;
}
