/**
 * How many segments? For each k in a range: the inertia (for the elbow), the mean silhouette (on a
 * seeded sample for large data), the marginal gain of the k-th segment and the agreement between
 * k-means starts; then a recommended k with the reason in words.
 *
 * Marginal gain of k = (W(k−1) − W(k)) / W(1), W the inertia and W(1) the total sum of squares about
 * the mean: the share of all the spread in the data that the k-th segment explains on top of k − 1.
 *
 * Stability = the mean adjusted Rand index between consecutive k-means++ starts (stability.ts): the
 * starts are independent, so consecutive pairs estimate the mean over all pairs without keeping every
 * start's labels.
 *
 * Recommendation: the k with the highest mean silhouette — the segmentation whose items sit most
 * clearly closer to their own segment than to the next (Rousseeuw 1987) — except that any smaller k
 * whose silhouette is within 0.02 of the best wins: that is within the sampling noise, and fewer
 * segments are easier to run. The reason quotes the silhouette, what the next segment would add, and
 * warns when the starts disagree.
 */
import { invalidInput, outOfRange } from "../errors";
import { kmeansTask, KMeansOptions } from "./kmeans";
import { prepareFeatures, PrepareOptions, PreparationReport } from "./prepare";
import { DEFAULT_SILHOUETTE_SAMPLE, meanSilhouette, sampleRows } from "./silhouette";
import { adjustedRandIndex, stabilityVerdict } from "./stability";
import { ClusterTask, runTask, within } from "./task";

/** Silhouettes this close to the best count as a tie, which goes to the smaller k. */
export const SILHOUETTE_TIE = 0.02;

export interface KSelectOptions extends Omit<KMeansOptions, "initialCentroids" | "onIteration" | "onRestart"> {
  /** Smallest k (default 2; the silhouette needs 2). */
  kMin?: number;
  /** Largest k (default 8, at most items − 1). */
  kMax?: number;
  /** Items the silhouette is computed on (default 3,000; a seeded sample beyond that). */
  silhouetteSample?: number;
}

export interface KSelectRow {
  k: number;
  inertia: number;
  /** Mean silhouette; NaN if fewer than 2 segments were non-empty. */
  silhouette: number;
  /** Share of the total spread explained by the k-th segment on top of k − 1. */
  marginalGain: number;
  /** Mean adjusted Rand index between consecutive starts (NaN with a single start). */
  stability: number;
}

export interface KSelectResult {
  rows: KSelectRow[];
  recommended: number;
  reason: string;
  /** Total sum of squares about the mean (the inertia of k = 1). */
  totalSumOfSquares: number;
  silhouetteSampleSize: number;
}

/** k selection on prepared items (itemCount × dimensionCount, row-major, finite). */
export function selectK(values: Float64Array, itemCount: number, dimensionCount: number, options: KSelectOptions = {}): KSelectResult {
  return runTask(selectKTask(values, itemCount, dimensionCount, options), options);
}

export function* selectKTask(
  values: Float64Array,
  itemCount: number,
  dimensionCount: number,
  options: KSelectOptions = {},
): ClusterTask<KSelectResult> {
  const n = itemCount;
  const d = dimensionCount;
  if (n < 3) throw invalidInput(`choosing k needs at least 3 items; got ${n}`);
  const kMin = options.kMin ?? 2;
  const kMax = options.kMax ?? Math.min(8, n - 1);
  if (!Number.isInteger(kMin) || kMin < 2) throw outOfRange(`kMin must be a whole number ≥ 2 (the silhouette needs 2 segments); got ${kMin}`);
  if (!Number.isInteger(kMax) || kMax < kMin) throw outOfRange(`kMax must be a whole number ≥ kMin (${kMin}); got ${kMax}`);
  if (kMax > n - 1) throw outOfRange(`kMax = ${kMax} needs at least ${kMax + 1} items; there are ${n}`);
  const sampleSize = options.silhouetteSample ?? DEFAULT_SILHOUETTE_SAMPLE;
  if (!Number.isInteger(sampleSize) || sampleSize < 2) throw outOfRange(`silhouetteSample must be a whole number ≥ 2; got ${sampleSize}`);
  const seed = options.seed ?? 0;
  const sample = sampleRows(n, sampleSize, seed);
  const totalSumOfSquares = sumOfSquaresAboutMean(values, n, d);

  const first = kMin - 1;
  const span = kMax - Math.max(first, 2) + 1;
  const inertias = new Map<number, number>([[1, totalSumOfSquares]]);
  const rows: KSelectRow[] = [];
  for (let k = Math.max(first, 2), step = 0; k <= kMax; k++, step++) {
    let previousStart: Int32Array | undefined;
    let agreementTotal = 0;
    let agreementCount = 0;
    const result = yield* within(
      kmeansTask(values, n, d, k, {
        ...options,
        onRestart: ({ labels }) => {
          if (previousStart !== undefined) {
            agreementTotal += adjustedRandIndex(previousStart, labels);
            agreementCount++;
          } else {
            previousStart = new Int32Array(n);
          }
          previousStart.set(labels);
        },
      }),
      step / span,
      (step + 1) / span,
    );
    inertias.set(k, result.inertia);
    if (k < kMin) continue;
    const previous = inertias.get(k - 1) as number;
    rows.push({
      k,
      inertia: result.inertia,
      silhouette: meanSilhouette(values, n, d, result.labels, sample),
      marginalGain: totalSumOfSquares > 0 ? (previous - result.inertia) / totalSumOfSquares : 0,
      stability: agreementCount > 0 ? agreementTotal / agreementCount : NaN,
    });
  }
  const { recommended, reason } = recommend(rows);
  return { rows, recommended, reason, totalSumOfSquares, silhouetteSampleSize: sample.length };
}

/** {@link selectK} on raw items: prepared first (see prepare.ts), with the preparation's report. */
export function selectKForItems(
  values: Float64Array,
  itemCount: number,
  dimensionCount: number,
  options: KSelectOptions & PrepareOptions = {},
): KSelectResult & { report: PreparationReport } {
  const prepared = prepareFeatures(values, itemCount, dimensionCount, options);
  return { ...selectK(prepared.values, prepared.itemCount, dimensionCount, options), report: prepared.report };
}

function sumOfSquaresAboutMean(values: Float64Array, n: number, d: number): number {
  let total = 0;
  for (let t = 0; t < d; t++) {
    let mean = 0;
    for (let i = 0; i < n; i++) mean += values[i * d + t];
    mean /= n;
    for (let i = 0; i < n; i++) total += (values[i * d + t] - mean) ** 2;
  }
  return total;
}

function describeSilhouette(silhouette: number): string {
  if (silhouette > 0.7) return "strong structure";
  if (silhouette > 0.5) return "reasonable structure";
  if (silhouette > 0.25) return "weak structure";
  return "no substantial structure";
}

const percent = (share: number) => `${(share * 100).toFixed(1)}%`;

/** The recommendation rule of the module comment, and its reason in words. */
export function recommend(rows: readonly KSelectRow[]): { recommended: number; reason: string } {
  const scored = rows.filter((row) => Number.isFinite(row.silhouette));
  if (scored.length === 0) {
    const k = rows[0]?.k ?? 2;
    return { recommended: k, reason: `no silhouette could be computed (every k left fewer than 2 segments with items); k = ${k} by default` };
  }
  const best = scored.reduce((a, b) => (b.silhouette > a.silhouette ? b : a));
  const chosen = scored.find((row) => row.silhouette >= best.silhouette - SILHOUETTE_TIE) as KSelectRow;
  const parts = [
    `k = ${chosen.k}: ${chosen.k === best.k ? "highest" : "near-highest"} mean silhouette ${chosen.silhouette.toFixed(2)} ` +
      `(${describeSilhouette(chosen.silhouette)})`,
  ];
  if (chosen.k !== best.k) {
    parts.push(`k = ${best.k} scores ${best.silhouette.toFixed(2)}, within ${SILHOUETTE_TIE} of it, so the simpler choice`);
  }
  const next = rows.find((row) => row.k === chosen.k + 1);
  if (next) parts.push(`a ${ordinal(chosen.k + 1)} segment would explain ${percent(next.marginalGain)} more of the spread`);
  if (Number.isFinite(chosen.stability) && stabilityVerdict(chosen.stability) !== "stable") {
    parts.push(`careful: k-means starts agree only ${chosen.stability.toFixed(2)} (adjusted Rand), the segments depend on the start`);
  }
  return { recommended: chosen.k, reason: parts.join("; ") };
}

function ordinal(k: number): string {
  const tens = k % 100;
  if (tens >= 11 && tens <= 13) return `${k}th`;
  return `${k}${["th", "st", "nd", "rd"][k % 10] ?? "th"}`;
}
