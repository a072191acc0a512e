/**
 * One k-means start, from k-means++ centres to convergence: Lloyd's iterations (Lloyd 1982, "Least
 * squares quantization in PCM", IEEE Trans. Inf. Theory 28(2):129–137) — each item to its nearest
 * centre, each centre to the mean of its items — accelerated by Hamerly's bounds (G. Hamerly, "Making
 * k-means even faster", SIAM SDM 2010) and by scanning the other centres nearest-first, which stops
 * as soon as a centre is too far to matter (the triangle inequality: a centre at least 2u from the
 * item's own centre is at least u from the item). The accelerations skip work, never change an answer:
 * `algorithm: "lloyd"` runs the plain iterations for comparison.
 *
 * Bounds are moved lazily: an item stores its bounds as of the iteration it was last looked at, and the
 * running totals of each centre's shifts give how far they have moved since, so an item that is skipped
 * costs three reads and no write (the skip pass is memory-bound; this halves its traffic).
 *
 * The passes over the items are plain functions called from the generator: V8 optimises a long loop
 * inside a resumable generator far less well, and these loops are the whole cost.
 */
import { nearestCentroid, squaredDistance } from "./distance";
import { kmeansPlusPlus } from "./init";
import type { RandomStream } from "./random";
import { ClusterTask, within } from "./task";

export type KMeansAlgorithm = "hamerly" | "lloyd";

export interface StartSettings {
  k: number;
  maxIterations: number;
  localTrials: number;
  initialCentroids: Float64Array | undefined;
  algorithm: KMeansAlgorithm;
  onIteration: ((inertia: number, iteration: number, changed: number) => void) | undefined;
}

export interface StartOutcome {
  inertia: number;
  iterations: number;
  converged: boolean;
}

/**
 * Running totals, per centre, of how far it moved (`shift`) and of how far the nearest other centre can
 * have come closer (`drop`), one row per iteration since the last full assignment ("epoch").
 */
class BoundHistory {
  epoch = 0;
  shift: Float64Array;
  drop: Float64Array;
  /** Σ over epochs of the largest shift: the scale of the rounding the bounds can carry. */
  drift = 0;

  constructor(private readonly k: number) {
    this.shift = new Float64Array(k * 64);
    this.drop = new Float64Array(k * 64);
  }

  reset(): void {
    this.epoch = 0;
    this.drift = 0;
    this.shift.fill(0, 0, this.k);
    this.drop.fill(0, 0, this.k);
  }

  advance(shift: Float64Array): void {
    const k = this.k;
    if ((this.epoch + 2) * k > this.shift.length) {
      const grownShift = new Float64Array(this.shift.length * 2);
      const grownDrop = new Float64Array(this.drop.length * 2);
      grownShift.set(this.shift);
      grownDrop.set(this.drop);
      this.shift = grownShift;
      this.drop = grownDrop;
    }
    let largest = 0;
    let largestAt = -1;
    let runnerUp = 0;
    for (let j = 0; j < k; j++) {
      if (shift[j] > largest) {
        runnerUp = largest;
        largest = shift[j];
        largestAt = j;
      } else if (shift[j] > runnerUp) {
        runnerUp = shift[j];
      }
    }
    const from = this.epoch * k;
    const to = from + k;
    for (let j = 0; j < k; j++) {
      this.shift[to + j] = this.shift[from + j] + shift[j];
      // The other centres moved at most the largest shift among them.
      this.drop[to + j] = this.drop[from + j] + (j === largestAt ? runnerUp : largest);
    }
    this.drift += largest;
    this.epoch++;
  }
}

/** Per-call buffers, reused by every start. Memory: 32 bytes per item, plus O(k² + k·d). */
export class Workspace {
  readonly labels: Int32Array;
  /** Upper bound on each item's distance to its centre as of epoch `stamp` (squared during k-means++). */
  readonly upper: Float64Array;
  /** Lower bound on each item's distance to any other centre as of epoch `stamp` (squared during k-means++). */
  readonly lower: Float64Array;
  /** The epoch each item's bounds were set at. */
  readonly stamp: Int32Array;
  /** The items an assignment step has to look at. */
  readonly pending: Int32Array;
  readonly history: BoundHistory;
  /** Half the distance from each centre to its nearest other centre. */
  readonly halfGap: Float64Array;
  readonly centroids: Float64Array;
  readonly previous: Float64Array;
  readonly sums: Float64Array;
  readonly counts: Float64Array;
  readonly shift: Float64Array;
  /** For each centre a, the other centres nearest first (k − 1 per centre) and their distances from a. */
  readonly neighbourOrder: Int32Array;
  readonly neighbourDistance: Float64Array;

  constructor(n: number, d: number, k: number) {
    this.labels = new Int32Array(n);
    this.upper = new Float64Array(n);
    this.lower = new Float64Array(n);
    this.stamp = new Int32Array(n);
    this.pending = new Int32Array(n);
    this.history = new BoundHistory(k);
    this.halfGap = new Float64Array(k);
    this.centroids = new Float64Array(k * d);
    this.previous = new Float64Array(k * d);
    this.sums = new Float64Array(k * d);
    this.counts = new Float64Array(k);
    this.shift = new Float64Array(k);
    this.neighbourOrder = new Int32Array(k * Math.max(k - 1, 1));
    this.neighbourDistance = new Float64Array(k * Math.max(k - 1, 1));
  }
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
): ClusterTask<StartOutcome> {
  const { k } = settings;
  const { labels, upper, lower, centroids, previous, sums, counts, shift } = work;
  const INIT_SHARE = 0.2;

  if (settings.initialCentroids) {
    centroids.set(settings.initialCentroids);
    labels.fill(-1);
    updateNeighbours(work, k, d);
    changedByFullAssign(values, n, d, work, k, false);
  } else {
    yield* within(kmeansPlusPlus(values, n, d, k, random, settings.localTrials, centroids, labels, upper, lower), 0, INIT_SHARE);
    squareRoots(upper, lower, n);
  }
  work.stamp.fill(0);
  work.history.reset();
  rebuildSums(values, n, d, labels, sums, counts);

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
    if (boundsValid) work.history.advance(shift);
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

/** k-means++ leaves squared distances; the bounds are distances. */
function squareRoots(upper: Float64Array, lower: Float64Array, n: number): void {
  for (let i = 0; i < n; i++) {
    upper[i] = Math.sqrt(upper[i]);
    lower[i] = Math.sqrt(lower[i]);
  }
}

function rebuildSums(values: Float64Array, n: number, d: number, labels: Int32Array, sums: Float64Array, counts: Float64Array): void {
  sums.fill(0);
  counts.fill(0);
  for (let i = 0, o = 0; i < n; i++, o += d) {
    const so = labels[i] * d;
    for (let t = 0; t < d; t++) sums[so + t] += values[o + t];
    counts[labels[i]]++;
  }
}

function moveItem(values: Float64Array, o: number, d: number, from: number, to: number, sums: Float64Array, counts: Float64Array): void {
  const fromOffset = from * d;
  const toOffset = to * d;
  for (let t = 0; t < d; t++) {
    const v = values[o + t];
    sums[fromOffset + t] -= v;
    sums[toOffset + t] += v;
  }
  counts[from]--;
  counts[to]++;
}

/** Sorts, for each centre, the other centres by distance (k ≤ a few dozen: insertion sort). */
function updateNeighbours(work: Workspace, k: number, d: number): void {
  const { centroids, neighbourOrder: order, neighbourDistance: distance } = work;
  const width = k - 1;
  for (let a = 0; a < k; a++) {
    const base = a * width;
    let filled = 0;
    for (let j = 0; j < k; j++) {
      if (j === a) continue;
      const dist = Math.sqrt(squaredDistance(centroids, a * d, centroids, j * d, d));
      let at = filled++;
      while (at > 0 && distance[base + at - 1] > dist) {
        distance[base + at] = distance[base + at - 1];
        order[base + at] = order[base + at - 1];
        at--;
      }
      distance[base + at] = dist;
      order[base + at] = j;
    }
    work.halfGap[a] = k > 1 ? 0.5 * distance[base] : Infinity;
  }
}

/**
 * Scans the centres other than `own` nearest-first for the item at offset `o`, whose squared distance
 * to its own centre is `ownSquared`, stopping at the first centre at least 2u from `own` (u = the
 * item's distance to it; `strict` widens that by a relative 1e-9, so no near tie is settled by the
 * cut-off): no centre from there on can be nearer. Writes the nearest centre's squared distance to
 * `scan[0]` and a lower bound on the distance to every other centre to `scan[1]`; returns the nearest
 * centre, the lowest index on a tie.
 */
function scanFrom(
  values: Float64Array, o: number, d: number, k: number, centroids: Float64Array,
  neighbourOrder: Int32Array, neighbourDistance: Float64Array,
  own: number, ownSquared: number, strict: boolean, scan: Float64Array,
): number {
  const u = Math.sqrt(ownSquared);
  const reach = strict ? 2.000000002 * u : 2 * u;
  const base = (own * (k - 1)) | 0;
  let best = ownSquared;
  let bestJ = own;
  let second = Infinity;
  let skipped = Infinity;
  for (let m = 0; m < k - 1; m++) {
    const gap = neighbourDistance[base + m];
    if (gap >= reach) {
      skipped = gap - u;
      break;
    }
    const j = neighbourOrder[base + m];
    const dist = squaredDistance(values, o, centroids, j * d, d);
    if (dist < best || (dist === best && j < bestJ)) {
      second = best;
      best = dist;
      bestJ = j;
    } else if (dist < second) {
      second = dist;
    }
  }
  const secondDistance = Math.sqrt(second);
  scan[0] = best;
  scan[1] = secondDistance < skipped ? secondDistance : skipped;
  return bestJ;
}

/** Every item from scratch (no bounds to trust). Keeps `sums`/`counts` in step when `keepSums`. */
function changedByFullAssign(values: Float64Array, n: number, d: number, work: Workspace, k: number, keepSums: boolean): number {
  work.stamp.fill(0);
  work.history.reset();
  return fullAssignPass(
    values, n, d, k, work.centroids, work.neighbourOrder, work.neighbourDistance,
    work.labels, work.upper, work.lower, work.sums, work.counts, keepSums,
  );
}

function fullAssignPass(
  values: Float64Array, n: number, d: number, k: number, centroids: Float64Array,
  neighbourOrder: Int32Array, neighbourDistance: Float64Array,
  labels: Int32Array, upper: Float64Array, lower: Float64Array, sums: Float64Array, counts: Float64Array, keepSums: boolean,
): number {
  const scan = new Float64Array(2);
  let changed = 0;
  for (let i = 0, o = 0; i < n; i++, o += d) {
    const old = labels[i];
    const guess = old >= 0 ? old : 0;
    const ownSquared = squaredDistance(values, o, centroids, guess * d, d);
    const nearest = scanFrom(values, o, d, k, centroids, neighbourOrder, neighbourDistance, guess, ownSquared, false, scan);
    upper[i] = Math.sqrt(scan[0]);
    lower[i] = scan[1];
    if (nearest !== old) {
      changed++;
      labels[i] = nearest;
      if (keepSums && old >= 0) moveItem(values, o, d, old, nearest, sums, counts);
    }
  }
  return changed;
}

/**
 * Hamerly's assignment step. An item's bounds are brought up to date from the running totals (own
 * centre: its shift; other centres: the largest shift among them); the item is skipped when its upper
 * bound is below both its lower bound and half the gap from its centre to the next, else the upper
 * bound is tightened and, if still needed, the nearby centres are scanned.
 */
function changedByHamerly(values: Float64Array, n: number, d: number, work: Workspace, k: number): number {
  const history = work.history;
  return hamerlyPass(
    values, n, d, k, work.centroids, work.neighbourOrder, work.neighbourDistance, work.halfGap,
    work.labels, work.upper, work.lower, work.stamp, work.sums, work.counts,
    history.shift, history.drop, history.epoch, work.pending,
  );
}

function hamerlyPass(
  values: Float64Array, n: number, d: number, k: number, centroids: Float64Array,
  neighbourOrder: Int32Array, neighbourDistance: Float64Array, halfGap: Float64Array,
  labels: Int32Array, upper: Float64Array, lower: Float64Array, stamp: Int32Array, sums: Float64Array, counts: Float64Array,
  totalShift: Float64Array, totalDrop: Float64Array, epoch: number, pending: Int32Array,
): number {
  const now = (epoch * k) | 0;
  // First pass, without a branch: list the items whose bounds overlap. Whether the half gap or the lower
  // bound is the larger, and whether an item is skipped, are close to coin tosses item by item, and a
  // mispredicted branch costs more than this whole test (measured: the pass runs 2-3 times faster).
  let count = 0;
  for (let i = 0; i < n; i++) {
    const a = labels[i];
    const then = (stamp[i] * k + a) | 0;
    const u = upper[i] + (totalShift[now + a] - totalShift[then]);
    const l = lower[i] - (totalDrop[now + a] - totalDrop[then]);
    pending[count] = i;
    count += +(u > halfGap[a]) & +(u > l);
  }
  // Second pass over the listed items: tighten the upper bound, and scan if that is not enough.
  const scan = new Float64Array(2);
  let changed = 0;
  for (let p = 0; p < count; p++) {
    const i = pending[p];
    const o = i * d;
    const a = labels[i];
    const then = (stamp[i] * k + a) | 0;
    const l = lower[i] - (totalDrop[now + a] - totalDrop[then]);
    const gap = halfGap[a];
    const ownSquared = squaredDistance(values, o, centroids, a * d, d);
    const tight = Math.sqrt(ownSquared);
    stamp[i] = epoch;
    if (tight <= gap || tight <= l) {
      upper[i] = tight;
      lower[i] = l;
      continue;
    }
    const nearest = scanFrom(values, o, d, k, centroids, neighbourOrder, neighbourDistance, a, ownSquared, false, scan);
    upper[i] = Math.sqrt(scan[0]);
    lower[i] = scan[1];
    if (nearest !== a) {
      changed++;
      labels[i] = nearest;
      moveItem(values, o, d, a, nearest, sums, counts);
    }
  }
  return changed;
}

/**
 * The last assignment, exact: each item's label becomes its nearest centre (lowest index on a tie,
 * as {@link nearestCentroid} decides for new items) and the inertia is summed. An item keeps its
 * centre without a scan when its exact distance is below its lower bound by a margin that covers the
 * rounding the bound can have collected (a relative 1e-9 of everything subtracted from it); the scan's
 * own cut-off keeps the same kind of margin, so no near tie is settled by a bound.
 */
function finalAssign(values: Float64Array, n: number, d: number, work: Workspace, k: number, useBounds: boolean): number {
  const history = work.history;
  return finalPass(
    values, n, d, k, work.centroids, work.neighbourOrder, work.neighbourDistance,
    work.labels, work.lower, work.stamp, history.drop, history.epoch, history.drift, useBounds,
  );
}

function finalPass(
  values: Float64Array, n: number, d: number, k: number, centroids: Float64Array,
  neighbourOrder: Int32Array, neighbourDistance: Float64Array,
  labels: Int32Array, lower: Float64Array, stamp: Int32Array, totalDrop: Float64Array, epoch: number, drift: number, useBounds: boolean,
): number {
  const now = (epoch * k) | 0;
  const scan = new Float64Array(2);
  let inertia = 0;
  for (let i = 0, o = 0; i < n; i++, o += d) {
    const a = labels[i];
    const ownSquared = squaredDistance(values, o, centroids, a * d, d);
    if (useBounds) {
      const l = lower[i] - (totalDrop[now + a] - totalDrop[(stamp[i] * k + a) | 0]);
      if (Math.sqrt(ownSquared) < l - 1e-9 * (l + drift)) {
        inertia += ownSquared;
        continue;
      }
    }
    labels[i] = scanFrom(values, o, d, k, centroids, neighbourOrder, neighbourDistance, a, ownSquared, true, scan);
    inertia += scan[0];
  }
  return inertia;
}

/** Σ squared distance of each item to the centre it is assigned to. */
function assignedInertia(values: Float64Array, n: number, d: number, centroids: Float64Array, labels: Int32Array): number {
  let inertia = 0;
  for (let i = 0, o = 0; i < n; i++, o += d) inertia += squaredDistance(values, o, centroids, labels[i] * d, d);
  return inertia;
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

/** The plain assignment of {@link nearestCentroid} for every row, for tests and for new items. */
export function assignAll(values: Float64Array, n: number, d: number, centroids: Float64Array, k: number): Int32Array {
  const labels = new Int32Array(n);
  for (let i = 0; i < n; i++) labels[i] = nearestCentroid(values, i, centroids, k, d);
  return labels;
}
