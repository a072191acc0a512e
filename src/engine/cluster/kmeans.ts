/**
 * k-means on a flat row-major matrix (items × dimensions in one Float64Array, no array of arrays):
 * greedy k-means++ starts, several restarts keeping the lowest inertia, a seed for every random
 * choice, a convergence tolerance, an iteration cap and empty-cluster recovery. One start is in
 * lloyd.ts (Lloyd's iterations with Hamerly's bounds); this module runs the starts and keeps the best.
 *
 * Settings and stopping rule follow scikit-learn's KMeans (k-means++ with 2 + ⌊ln k⌋ greedy trials,
 * tol 1e-4 relative to the mean per-dimension variance, 300 iterations), so that inertia compares at
 * equal restarts. Memory beyond the input: 24 bytes per item (labels, best labels, and Hamerly's upper
 * and lower bounds, whose arrays k-means++ uses first for its distances).
 *
 * Segments are numbered in a canonical order — largest first, ties by the centre's coordinates — so
 * that the numbering does not depend on which start won or on the order of the rows.
 */
import { invalidInput, outOfRange } from "../errors";
import { defaultLocalTrials } from "./init";
import { DataSummary, KMeansAlgorithm, runStart, StartOutcome, StartSettings, Workspace } from "./lloyd";
import { createRandom, DEFAULT_SEED, checkSeed } from "./random";
import { ClusterTask, runTask, TaskControl, within } from "./task";

export type { KMeansAlgorithm } from "./lloyd";

export interface KMeansOptions extends TaskControl {
  /** Seed for the k-means++ draws (default 0). The same seed gives the same result. */
  seed?: number;
  /** Independent k-means++ starts; the one with the lowest inertia wins (default 10, scikit-learn's classic n_init). */
  restarts?: number;
  /** Iteration cap per start (default 300, as scikit-learn). */
  maxIterations?: number;
  /** Relative tolerance on the squared centre shift, × mean per-dimension variance (default 1e-4, as scikit-learn). */
  tolerance?: number;
  /** Greedy k-means++ candidates per centre (default 2 + ⌊ln k⌋). */
  localTrials?: number;
  /** Start from these centres (k × d, row-major) instead of k-means++; then `restarts` must be 1. */
  initialCentroids?: Float64Array;
  /** "hamerly" (default) or plain "lloyd": the same assignments, Lloyd looks at every item every time. */
  algorithm?: KMeansAlgorithm;
  /** Observer after each iteration's assignment, with the inertia to the centres it was made to (costs one pass). */
  onIteration?: (step: KMeansIteration) => void;
  /** Observer after each start; `labels` (not yet in canonical order) is only valid during the call. */
  onRestart?: (outcome: KMeansRestart) => void;
}

export interface KMeansIteration {
  restart: number;
  iteration: number;
  /** Σ squared distance of every item to the centre it was just assigned to. */
  inertia: number;
  /** Items whose segment changed in this assignment. */
  changed: number;
}

export interface KMeansRestart {
  restart: number;
  labels: Int32Array;
  inertia: number;
  iterations: number;
  converged: boolean;
}

export interface KMeansResult {
  /** Segment of each item, 0 … k − 1, largest segment first. */
  labels: Int32Array;
  /** Centres, k × d row-major, in the same space as the input. */
  centroids: Float64Array;
  /** Items per segment. */
  sizes: Int32Array;
  /** Σ squared distance of each item to its centre. */
  inertia: number;
  /** Iterations of the winning start. */
  iterations: number;
  /** Whether the winning start stopped by the tolerance or a stable assignment before the iteration cap. */
  converged: boolean;
  /** Index of the winning start (0-based). */
  bestRestart: number;
  restarts: number;
}

interface Settings {
  k: number;
  seed: number;
  restarts: number;
  maxIterations: number;
  tolerance: number;
  localTrials: number;
  initialCentroids: Float64Array | undefined;
  algorithm: KMeansAlgorithm;
  onIteration: KMeansOptions["onIteration"];
  onRestart: KMeansOptions["onRestart"];
}

/** k-means on `values` (itemCount × dimensionCount, row-major). See the module comment. */
export function kmeans(
  values: Float64Array,
  itemCount: number,
  dimensionCount: number,
  k: number,
  options: KMeansOptions = {},
): KMeansResult {
  return runTask(kmeansTask(values, itemCount, dimensionCount, k, options), options);
}

/** {@link kmeans} as a task, for {@link runTaskAsync} or for composing into bigger tasks. */
export function* kmeansTask(
  values: Float64Array,
  itemCount: number,
  dimensionCount: number,
  k: number,
  options: KMeansOptions = {},
): ClusterTask<KMeansResult> {
  checkMatrix(values, itemCount, dimensionCount);
  const settings = resolveSettings(k, itemCount, dimensionCount, options);
  const n = itemCount;
  const d = dimensionCount;
  const summary = summarize(values, n, d);
  let meanVariance = 0;
  for (let t = 0; t < d; t++) meanVariance += summary.variance[t] / d;
  const absoluteTolerance = settings.tolerance * meanVariance;
  const random = createRandom(settings.seed);
  const work = new Workspace(n, d, k);

  const bestLabels = new Int32Array(n);
  const bestCentroids = new Float64Array(k * d);
  let best: StartOutcome | undefined;
  let bestRestart = 0;
  for (let restart = 0; restart < settings.restarts; restart++) {
    const onIteration = settings.onIteration;
    const start: StartSettings = {
      ...settings,
      onIteration: onIteration && ((inertia, iteration, changed) => onIteration({ restart, iteration, inertia, changed })),
    };
    const outcome = yield* within(
      runStart(values, n, d, work, random, start, absoluteTolerance, summary),
      restart / settings.restarts,
      (restart + 1) / settings.restarts,
    );
    settings.onRestart?.({ restart, labels: work.labels, ...outcome });
    if (best === undefined || outcome.inertia < best.inertia) {
      best = outcome;
      bestRestart = restart;
      bestLabels.set(work.labels);
      bestCentroids.set(work.centroids);
    }
  }
  const winner = best as StartOutcome;
  const { labels, centroids, sizes } = canonicalOrder(bestLabels, bestCentroids, n, d, k);
  return {
    labels,
    centroids,
    sizes,
    inertia: winner.inertia,
    iterations: winner.iterations,
    converged: winner.converged,
    bestRestart,
    restarts: settings.restarts,
  };
}

function checkMatrix(values: Float64Array, itemCount: number, dimensionCount: number): void {
  if (!(values instanceof Float64Array)) throw invalidInput("the items must be given as a Float64Array (items × dimensions, row-major)");
  if (!Number.isInteger(itemCount) || itemCount < 1) throw invalidInput(`there must be at least one item; got ${itemCount}`);
  if (!Number.isInteger(dimensionCount) || dimensionCount < 1) {
    throw invalidInput(`there must be at least one dimension; got ${dimensionCount}`);
  }
  if (values.length !== itemCount * dimensionCount) {
    throw invalidInput(
      `${itemCount} items × ${dimensionCount} dimensions need ${itemCount * dimensionCount} values; got ${values.length}`,
    );
  }
}

function resolveSettings(k: number, n: number, d: number, options: KMeansOptions): Settings {
  if (!Number.isInteger(k) || k < 1) throw outOfRange(`the number of segments k must be a whole number ≥ 1; got ${k}`);
  if (k > n) throw outOfRange(`k = ${k} segments need at least ${k} items; there are ${n}`);
  const seed = options.seed ?? DEFAULT_SEED;
  checkSeed(seed);
  const restarts = options.restarts ?? (options.initialCentroids ? 1 : 10);
  if (!Number.isInteger(restarts) || restarts < 1) throw outOfRange(`restarts must be a whole number ≥ 1; got ${restarts}`);
  const maxIterations = options.maxIterations ?? 300;
  if (!Number.isInteger(maxIterations) || maxIterations < 1) {
    throw outOfRange(`maxIterations must be a whole number ≥ 1; got ${maxIterations}`);
  }
  const tolerance = options.tolerance ?? 1e-4;
  if (!(tolerance >= 0) || !Number.isFinite(tolerance)) throw outOfRange(`tolerance must be a number ≥ 0; got ${tolerance}`);
  const localTrials = options.localTrials ?? defaultLocalTrials(k);
  if (!Number.isInteger(localTrials) || localTrials < 1) {
    throw outOfRange(`localTrials must be a whole number ≥ 1; got ${localTrials}`);
  }
  const algorithm = options.algorithm ?? "hamerly";
  if (algorithm !== "hamerly" && algorithm !== "lloyd") {
    throw invalidInput(`algorithm must be "hamerly" or "lloyd"; got ${JSON.stringify(algorithm)}`);
  }
  const initialCentroids = options.initialCentroids;
  if (initialCentroids !== undefined) {
    if (!(initialCentroids instanceof Float64Array) || initialCentroids.length !== k * d) {
      throw invalidInput(`initialCentroids must be a Float64Array of k × d = ${k * d} values`);
    }
    if (restarts !== 1) throw invalidInput("with initialCentroids every start would be the same: use restarts = 1");
    for (let i = 0; i < initialCentroids.length; i++) {
      if (!Number.isFinite(initialCentroids[i])) throw invalidInput("initialCentroids must be finite numbers");
    }
  }
  return {
    k, seed, restarts, maxIterations, tolerance, localTrials, initialCentroids, algorithm,
    onIteration: options.onIteration,
    onRestart: options.onRestart,
  };
}

/**
 * Per-dimension mean and population variance, in one pass; also rejects NaN and ±Infinity, naming the
 * cell. Sums are taken about the first item, which keeps the one-pass formula
 * Σ(x − x₀)²/n − (Σ(x − x₀)/n)² from cancelling when the values sit far from 0. The variance sets the
 * tolerance and the first k-means++ potential; neither needs more than a few digits.
 */
function summarize(values: Float64Array, n: number, d: number): DataSummary {
  const sum = new Float64Array(d);
  const squares = new Float64Array(d);
  for (let i = 0, o = 0; i < n; i++, o += d) {
    for (let t = 0; t < d; t++) {
      const v = values[o + t];
      if (v - v !== 0) throw invalidInput(`item ${i + 1}, dimension ${t + 1} is ${v}; k-means needs finite numbers`);
      const shifted = v - values[t];
      sum[t] += shifted;
      squares[t] += shifted * shifted;
    }
  }
  const mean = new Float64Array(d);
  const variance = new Float64Array(d);
  for (let t = 0; t < d; t++) {
    const shiftedMean = sum[t] / n;
    mean[t] = values[t] + shiftedMean;
    variance[t] = Math.max(0, squares[t] / n - shiftedMean * shiftedMean);
  }
  return { mean, variance };
}

/** Renumbers segments largest first (ties: smaller centre coordinates first) and counts their items. */
function canonicalOrder(
  labels: Int32Array, centroids: Float64Array, n: number, d: number, k: number,
): { labels: Int32Array; centroids: Float64Array; sizes: Int32Array } {
  const counts = new Int32Array(k);
  for (let i = 0; i < n; i++) counts[labels[i]]++;
  const order = Array.from({ length: k }, (_, j) => j).sort((a, b) => {
    if (counts[a] !== counts[b]) return counts[b] - counts[a];
    for (let t = 0; t < d; t++) {
      const diff = centroids[a * d + t] - centroids[b * d + t];
      if (diff !== 0) return diff;
    }
    return a - b;
  });
  const newIndex = new Int32Array(k);
  const sortedCentroids = new Float64Array(k * d);
  const sizes = new Int32Array(k);
  order.forEach((old, position) => {
    newIndex[old] = position;
    sizes[position] = counts[old];
    sortedCentroids.set(centroids.subarray(old * d, old * d + d), position * d);
  });
  for (let i = 0; i < n; i++) labels[i] = newIndex[labels[i]];
  return { labels, centroids: sortedCentroids, sizes };
}
