/**
 * The passes that assign items to centres (lloyd.ts runs them): from scratch, with Hamerly's bounds,
 * and the exact last pass. Each scans the other centres nearest-first and stops as soon as a centre is
 * too far to matter (the triangle inequality: a centre at least 2u from the item's own centre is at
 * least u from the item).
 *
 * The passes are plain functions taking arrays, not the workspace object, and are called from the
 * generator rather than written in it: V8 optimises a long loop inside a resumable generator far less
 * well, and these loops are the whole cost.
 */
import { nearestCentroid, squaredDistance } from "./distance";
import type { Workspace } from "./workspace";

export function moveItem(values: Float64Array, o: number, d: number, from: number, to: number, sums: Float64Array, counts: Float64Array): void {
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
export function updateNeighbours(work: Workspace, k: number, d: number): void {
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
    const half = k > 1 ? 0.5 * distance[base] : Infinity;
    work.halfGap[a] = half;
    work.halfGapSquared[a] = half * half;
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
export function changedByFullAssign(values: Float64Array, n: number, d: number, work: Workspace, k: number, keepSums: boolean): number {
  work.bounds.reset();
  return fullAssignPass(
    values, n, d, k, work.centroids, work.neighbourOrder, work.neighbourDistance,
    work.labels, work.lower, work.sums, work.counts, keepSums,
  );
}

function fullAssignPass(
  values: Float64Array, n: number, d: number, k: number, centroids: Float64Array,
  neighbourOrder: Int32Array, neighbourDistance: Float64Array,
  labels: Int32Array, lower: Float64Array, sums: Float64Array, counts: Float64Array, keepSums: boolean,
): number {
  const scan = new Float64Array(2);
  let changed = 0;
  for (let i = 0, o = 0; i < n; i++, o += d) {
    const old = labels[i];
    const guess = old >= 0 ? old : 0;
    const ownSquared = squaredDistance(values, o, centroids, guess * d, d);
    const nearest = scanFrom(values, o, d, k, centroids, neighbourOrder, neighbourDistance, guess, ownSquared, false, scan);
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
 * Hamerly's assignment step (Hamerly 2010), keeping only the lower bound: each item's lower bound on
 * the distance to any other centre drops by the largest shift among the other centres, and its distance
 * to its own centre is computed exactly. An item whose own distance is below its lower bound, or below
 * half the gap from its centre to the next, keeps its centre; the others scan the nearby centres.
 */
export function changedByHamerly(values: Float64Array, n: number, d: number, work: Workspace, k: number): number {
  const bounds = work.bounds;
  bounds.pending = false;
  return hamerlyPass(
    values, n, d, k, work.centroids, work.neighbourOrder, work.neighbourDistance, work.halfGapSquared,
    work.labels, work.lower, work.sums, work.counts, bounds.drop,
  );
}

function hamerlyPass(
  values: Float64Array, n: number, d: number, k: number, centroids: Float64Array,
  neighbourOrder: Int32Array, neighbourDistance: Float64Array, halfGapSquared: Float64Array,
  labels: Int32Array, lower: Float64Array, sums: Float64Array, counts: Float64Array, drop: Float64Array,
): number {
  const scan = new Float64Array(2);
  let changed = 0;
  for (let i = 0, o = 0; i < n; i++, o += d) {
    const a = labels[i];
    const l = lower[i] - drop[a];
    lower[i] = l;
    const ownSquared = squaredDistance(values, o, centroids, a * d, d);
    // Branch-free "own ≤ max(gap, l)", in squares (l·|l| keeps a negative bound negative): which of gap
    // and l is larger is a coin toss item by item, and a mispredicted branch costs more than this whole
    // test; the combined answer is nearly always "yes".
    if ((+(ownSquared <= halfGapSquared[a]) | +(ownSquared <= l * Math.abs(l))) !== 0) continue;
    const nearest = scanFrom(values, o, d, k, centroids, neighbourOrder, neighbourDistance, a, ownSquared, false, scan);
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
export function finalAssign(values: Float64Array, n: number, d: number, work: Workspace, k: number, useBounds: boolean): number {
  const bounds = work.bounds;
  if (!bounds.pending) bounds.drop.fill(0);
  return finalPass(
    values, n, d, k, work.centroids, work.neighbourOrder, work.neighbourDistance,
    work.labels, work.lower, bounds.drop, bounds.drift, useBounds,
  );
}

function finalPass(
  values: Float64Array, n: number, d: number, k: number, centroids: Float64Array,
  neighbourOrder: Int32Array, neighbourDistance: Float64Array,
  labels: Int32Array, lower: Float64Array, drop: Float64Array, drift: number, useBounds: boolean,
): number {
  const scan = new Float64Array(2);
  let inertia = 0;
  for (let i = 0, o = 0; i < n; i++, o += d) {
    const a = labels[i];
    const ownSquared = squaredDistance(values, o, centroids, a * d, d);
    if (useBounds) {
      const l = lower[i] - drop[a];
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
export function assignedInertia(values: Float64Array, n: number, d: number, centroids: Float64Array, labels: Int32Array): number {
  let inertia = 0;
  for (let i = 0, o = 0; i < n; i++, o += d) inertia += squaredDistance(values, o, centroids, labels[i] * d, d);
  return inertia;
}

/** The plain assignment of {@link nearestCentroid} for every row, for tests and for new items. */
export function assignAll(values: Float64Array, n: number, d: number, centroids: Float64Array, k: number): Int32Array {
  const labels = new Int32Array(n);
  for (let i = 0; i < n; i++) labels[i] = nearestCentroid(values, i, centroids, k, d);
  return labels;
}
