/**
 * One k-means start, from k-means++ centres to convergence: Lloyd's iterations (Lloyd 1982, "Least
 * squares quantization in PCM", IEEE Trans. Inf. Theory 28(2):129–137) — each item to its nearest
 * centre, each centre to the mean of its items — accelerated by Hamerly's bounds (G. Hamerly, "Making
 * k-means even faster", SIAM SDM 2010: per item an upper bound on the distance to its own centre and a
 * lower bound on the distance to any other; an item whose upper bound is below its lower bound, or
 * below half the gap from its centre to the next, keeps its centre without a single distance computed)
 * and by scanning the other centres nearest-first, which stops as soon as a centre is too far to
 * matter. The accelerations skip work, never change an answer: every iteration assigns exactly what
 * plain Lloyd assigns, so the iterations, centres and inertia are the same; `algorithm: "lloyd"` runs
 * the plain iterations for comparison.
 *
 * Hamerly's two bounds cost 16 bytes per item and, unlike Elkan's k per item, stay that size for any
 * k; the bounds are kept relative to per-centre running totals (workspace.ts), so an item that keeps
 * its centre is only read. The passes are in assignment.ts.
 */
import { assignedInertia, changedByFullAssign, changedByHamerly, finalAssign, moveItem, updateNeighbours } from "./assignment";
import { squaredDistance } from "./distance";
import { kmeansPlusPlus } from "./init";
import type { RandomStream } from "./random";
import { ClusterTask, within } from "./task";
import { Workspace } from "./workspace";

export { Workspace } from "./workspace";
export { assignAll } from "./assignment";

export type KMeansAlgorithm = "hamerly" | "lloyd";

export interface StartSettings {
  k: number;
  maxIterations: number;
  localTrials: number;
  initialCentroids: Float64Array | undefined;
  algorithm: KMeansAlgorithm;
  onIteration: ((inertia: number, iteration: number, changed: number) => void) | undefined;
}

/** Per-dimension mean and population variance of the items. */
export interface DataSummary {
  mean: Float64Array;
  variance: Float64Array;
}

export interface StartOutcome {
  inertia: number;
  iterations: number;
  converged: boolean;
}

/**
 * Runs one start in `work` and leaves its labels and centres there. Stops as scikit-learn's
 * `_kmeans_single_lloyd` does: when an assignment changes nothing, or when the summed squared centre
 * shift is at most `absoluteTolerance`; then one exact assignment to the final centres.
 */
export function* runStart(
  values: Float64Array,
  n: number,
  d: number,
  work: Workspace,
  random: RandomStream,
  settings: StartSettings,
  absoluteTolerance: number,
  summary: DataSummary,
): ClusterTask<StartOutcome> {
  const { k } = settings;
  const { labels, upper, lower, centroids, previous, sums, counts, shift } = work;
  const INIT_SHARE = 0.2;

  if (settings.initialCentroids) {
    centroids.set(settings.initialCentroids);
    labels.fill(-1);
    updateNeighbours(work, k, d);
    changedByFullAssign(values, n, d, work, k, false);
    startSums(values, n, d, labels, sums, counts);
  } else {
    const summed = yield* within(
      kmeansPlusPlus(values, n, d, k, random, settings.localTrials, centroids, labels, upper, lower, summary, sums, counts),
      0,
      INIT_SHARE,
    );
    if (!summed) startSums(values, n, d, labels, sums, counts);
  }
  work.bounds.reset();

  const bounded = settings.algorithm === "hamerly";
  let boundsValid = bounded;
  let changed = n;
  let converged = false;
  let iterations = 0;
  while (iterations < settings.maxIterations) {
    iterations++;
    settings.onIteration?.(assignedInertia(values, n, d, centroids, labels), iterations, changed);
    // M-step: centres to the means of their items; an emptied segment takes the farthest item.
    previous.set(centroids);
    const relocated = relocateEmptyClusters(values, n, d, k, previous, labels, sums, counts);
    if (relocated) boundsValid = false;
    let shiftTotal = 0;
    for (let j = 0; j < k; j++) {
      const count = counts[j];
      if (count > 0) for (let t = 0, o = j * d; t < d; t++) centroids[o + t] = sums[o + t] / count;
      const squared = squaredDistance(centroids, j * d, previous, j * d, d);
      shift[j] = Math.sqrt(squared);
      shiftTotal += squared;
    }
    updateNeighbours(work, k, d);
    if (boundsValid) work.bounds.advance(shift);
    if (iterations > 1 && changed === 0 && !relocated) {
      converged = true; // the assignment did not change, so neither did the centres
      break;
    }
    if (shiftTotal <= absoluteTolerance) {
      converged = true;
      break;
    }
    if (boundsValid) {
      changed = changedByHamerly(values, n, d, work, k);
    } else {
      changed = changedByFullAssign(values, n, d, work, k, true);
      boundsValid = bounded;
    }
    yield INIT_SHARE + (1 - INIT_SHARE) * (iterations / (iterations + 10));
  }
  const inertia = finalAssign(values, n, d, work, k, bounded && boundsValid);
  return { inertia, iterations, converged };
}

/** Centre sums and counts from scratch. */
function startSums(values: Float64Array, n: number, d: number, labels: Int32Array, sums: Float64Array, counts: Float64Array): void {
  sums.fill(0);
  counts.fill(0);
  for (let i = 0, o = 0; i < n; i++, o += d) {
    const so = labels[i] * d;
    for (let t = 0; t < d; t++) sums[so + t] += values[o + t];
    counts[labels[i]]++;
  }
}

/**
 * Gives each empty segment the item farthest from its own centre (as assigned to `centroids`), moving
 * it out of its old segment, as scikit-learn's `_relocate_empty_clusters` does; the inertia can only
 * drop. An item whose segment would be emptied by the move stays. Returns whether anything moved.
 */
function relocateEmptyClusters(
  values: Float64Array, n: number, d: number, k: number, centroids: Float64Array,
  labels: Int32Array, sums: Float64Array, counts: Float64Array,
): boolean {
  let empty = 0;
  for (let j = 0; j < k; j++) if (counts[j] === 0) empty++;
  if (empty === 0) return false;
  // The `empty` farthest items, farthest first, by insertion into a short sorted list.
  const far = new Int32Array(empty).fill(-1);
  const farDistance = new Float64Array(empty);
  for (let i = 0, o = 0; i < n; i++, o += d) {
    const dist = squaredDistance(values, o, centroids, labels[i] * d, d);
    if (dist <= farDistance[empty - 1]) continue;
    let at = empty - 1;
    while (at > 0 && dist > farDistance[at - 1]) {
      farDistance[at] = farDistance[at - 1];
      far[at] = far[at - 1];
      at--;
    }
    farDistance[at] = dist;
    far[at] = i;
  }
  let used = 0;
  let moved = false;
  for (let j = 0; j < k && used < empty; j++) {
    if (counts[j] !== 0) continue;
    const item = far[used++];
    if (item < 0 || counts[labels[item]] <= 1) continue;
    moveItem(values, item * d, d, labels[item], j, sums, counts);
    labels[item] = j;
    moved = true;
  }
  return moved;
}
