/**
 * The passes that assign items to centres (lloyd.ts runs them): from scratch, with Hamerly's bounds,
 * and the exact last pass. Each scans the other centres nearest-first and stops as soon as a centre is
 * too far to matter (the triangle inequality: a centre more than 2u from the item's own centre is more
 * than u from the item).
 *
 * Every pass gives each item exactly the centre plain Lloyd would: the nearest by the computed squared
 * distances, the lowest index on a tie (as {@link nearestCentroid} decides for new items). A bound or a
 * cut-off only ever settles an item with a relative margin of 1e-9 to spare, far more than the rounding
 * in the bounds; anything closer is settled by comparing the exact squared distances.
 *
 * The passes are plain functions taking arrays, not the workspace object, and are called from the
 * generator rather than written in it: V8 optimises a long loop inside a resumable generator far less
 * well, and these loops are the whole cost. Each pass is an outer loop over blocks of {@link BLOCK}
 * items calling a function that runs one block, for the reason init.ts gives (a long loop compiled
 * while it runs stops at its first line after the loop; a function per block is compiled whole).
 */
import { nearestCentroid, squaredDistance } from "./distance";
import { ABOVE, BELOW, BLOCK, type Workspace } from "./workspace";

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

/**
 * Sorts, for each centre, the other centres by distance (k ≤ a few dozen: insertion sort), and sets
 * Hamerly's s(c), half the distance to the nearest other centre (Infinity when k = 1).
 */
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
    work.halfGap[a] = k > 1 ? 0.5 * distance[base] : Infinity;
  }
}

/**
 * Scans the centres other than `own` nearest-first for the item at offset `o`, whose squared distance
 * to its own centre is `ownSquared`, stopping at the first centre more than 2u(1 + 1e-9) from `own`
 * (u = the item's distance to it): no centre from there on can be as near, even allowing for rounding.
 * Writes the nearest centre's squared distance to `scan[0]`, a lower bound on the distance to every
 * other centre to `scan[1]` and the distance to the nearest centre to `scan[2]`; returns the nearest
 * centre, the lowest index on a tie.
 */
function scanFrom(
  values: Float64Array, o: number, d: number, k: number, centroids: Float64Array,
  neighbourOrder: Int32Array, neighbourDistance: Float64Array,
  own: number, ownSquared: number, scan: Float64Array,
): number {
  const u = Math.sqrt(ownSquared);
  const reach = 2 * ABOVE * u;
  const base = (own * (k - 1)) | 0;
  let best = ownSquared;
  let bestJ = own;
  let second = Infinity;
  let skipped = Infinity;
  for (let m = 0; m < k - 1; m++) {
    const gap = neighbourDistance[base + m];
    // Strictly beyond: a centre at exactly 2u can tie (and at u = 0, a centre on top of the item's own does).
    if (gap > reach) {
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
  // Most items scanned keep their centre, whose distance is u.
  scan[2] = bestJ === own ? u : Math.sqrt(best);
  return bestJ;
}

/**
 * Every item from scratch (no bounds to trust), starting each scan from its current centre (centre 0
 * when it has none, label −1); leaves fresh bounds. Keeps `sums`/`counts` in step when `keepSums`.
 */
export function changedByFullAssign(values: Float64Array, n: number, d: number, work: Workspace, k: number, keepSums: boolean): number {
  work.bounds.reset();
  return fullAssignPass(
    values, n, d, k, work.centroids, work.neighbourOrder, work.neighbourDistance,
    work.labels, work.upper, work.lower, work.sums, work.counts, keepSums, work.scan,
  );
}

function fullAssignPass(
  values: Float64Array, n: number, d: number, k: number, centroids: Float64Array,
  neighbourOrder: Int32Array, neighbourDistance: Float64Array,
  labels: Int32Array, upper: Float64Array, lower: Float64Array, sums: Float64Array, counts: Float64Array,
  keepSums: boolean, scan: Float64Array,
): number {
  let changed = 0;
  for (let start = 0; start < n; start += BLOCK) {
    changed += fullAssignBlock(
      values, start, start + BLOCK < n ? start + BLOCK : n, d, k, centroids, neighbourOrder, neighbourDistance,
      labels, upper, lower, sums, counts, keepSums, scan,
    );
  }
  return changed;
}

function fullAssignBlock(
  values: Float64Array, start: number, end: number, d: number, k: number, centroids: Float64Array,
  neighbourOrder: Int32Array, neighbourDistance: Float64Array,
  labels: Int32Array, upper: Float64Array, lower: Float64Array, sums: Float64Array, counts: Float64Array,
  keepSums: boolean, scan: Float64Array,
): number {
  let changed = 0;
  for (let i = start, o = start * d; i < end; i++, o += d) {
    const old = labels[i];
    const guess = old >= 0 ? old : 0;
    const ownSquared = squaredDistance(values, o, centroids, guess * d, d);
    const nearest = scanFrom(values, o, d, k, centroids, neighbourOrder, neighbourDistance, guess, ownSquared, scan);
    upper[i] = scan[2];
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
 * Hamerly's assignment step (Hamerly 2010). An item whose upper bound u is below max(s(a), l) — half
 * the gap from its centre a to the next, or its lower bound on the distance to any other centre —
 * keeps its centre untouched: only its label and two bounds are read. An item that fails scans the
 * nearby centres, which gives it its nearest centre and both bounds afresh. (Hamerly first tightens u
 * alone and tests again, to save distances; here the cost is fetching the item's row from memory, not
 * the few distances once it is in cache, and fresh lower bounds fail less often later: measured 5%
 * faster overall.) Keeps `sums`/`counts` in step.
 */
export function changedByHamerly(values: Float64Array, n: number, d: number, work: Workspace, k: number): number {
  const bounds = work.bounds;
  bounds.setLimits(work.halfGap);
  return hamerlyPass(
    values, n, d, k, work.centroids, work.neighbourOrder, work.neighbourDistance, bounds.limits,
    work.labels, work.upper, work.lower, bounds.grown, bounds.dropped, work.sums, work.counts, work.scan, work.pending,
  );
}

function hamerlyPass(
  values: Float64Array, n: number, d: number, k: number, centroids: Float64Array,
  neighbourOrder: Int32Array, neighbourDistance: Float64Array, limits: Float64Array,
  labels: Int32Array, upper: Float64Array, lower: Float64Array, grown: Float64Array, dropped: Float64Array,
  sums: Float64Array, counts: Float64Array, scan: Float64Array, pending: Int32Array,
): number {
  let changed = 0;
  for (let start = 0; start < n; start += BLOCK) {
    changed += hamerlyBlock(
      values, start, start + BLOCK < n ? start + BLOCK : n, d, k, centroids, neighbourOrder, neighbourDistance, limits,
      labels, upper, lower, grown, dropped, sums, counts, scan, pending,
    );
  }
  return changed;
}

/**
 * One block of Hamerly's pass. First the bounds alone, collecting (without a branch) the items that
 * fail the test; then those items. Their rows lie scattered over the block, and fetched one by one
 * each costs most of a memory latency; when more than one in 32 fail, the block's rows are first read
 * straight through, which the processor streams ahead of the reads (measured: a pass with a tenth
 * failing, 18% faster).
 */
function hamerlyBlock(
  values: Float64Array, start: number, end: number, d: number, k: number, centroids: Float64Array,
  neighbourOrder: Int32Array, neighbourDistance: Float64Array, limits: Float64Array,
  labels: Int32Array, upper: Float64Array, lower: Float64Array, grown: Float64Array, dropped: Float64Array,
  sums: Float64Array, counts: Float64Array, scan: Float64Array, pending: Int32Array,
): number {
  let failing = 0;
  for (let i = start; i < end; i++) {
    const a2 = labels[i] << 1;
    const stored = upper[i];
    pending[failing] = i;
    failing += 1 - (+(stored < limits[a2]) | +(stored * ABOVE - lower[i] * BELOW < limits[a2 + 1]));
  }
  if (failing > BLOCK >> 5) {
    // One read per 64-byte cache line; the sum is kept (in scan[3]) only so that the reads stay.
    let touched = 0;
    for (let o = start * d, last = end * d; o < last; o += 8) touched += values[o];
    scan[3] = touched;
  }
  let changed = 0;
  for (let p = 0; p < failing; p++) {
    const i = pending[p];
    const a = labels[i];
    const o = i * d;
    const ownSquared = squaredDistance(values, o, centroids, a * d, d);
    const nearest = scanFrom(values, o, d, k, centroids, neighbourOrder, neighbourDistance, a, ownSquared, scan);
    upper[i] = scan[2] - grown[nearest];
    lower[i] = scan[1] + dropped[nearest];
    if (nearest !== a) {
      changed++;
      labels[i] = nearest;
      moveItem(values, o, d, a, nearest, sums, counts);
    }
  }
  return changed;
}

/**
 * The last assignment, exact: each item's label becomes its nearest centre (lowest index on a tie) and
 * the inertia is summed. With `useBounds`, an item keeps its centre without a scan when its exact
 * distance passes Hamerly's test with the margin above; the others (and all items without bounds)
 * scan.
 */
export function finalAssign(values: Float64Array, n: number, d: number, work: Workspace, k: number, useBounds: boolean): number {
  const bounds = work.bounds;
  bounds.setLimits(work.halfGap);
  return finalPass(
    values, n, d, k, work.centroids, work.neighbourOrder, work.neighbourDistance, bounds.limits,
    work.labels, work.lower, bounds.grown, useBounds, work.scan,
  );
}

function finalPass(
  values: Float64Array, n: number, d: number, k: number, centroids: Float64Array,
  neighbourOrder: Int32Array, neighbourDistance: Float64Array, limits: Float64Array,
  labels: Int32Array, lower: Float64Array, grown: Float64Array, useBounds: boolean, scan: Float64Array,
): number {
  let inertia = 0;
  for (let start = 0; start < n; start += BLOCK) {
    // The running sum goes in and out, so the inertia is added up in item order.
    inertia = finalBlock(
      values, start, start + BLOCK < n ? start + BLOCK : n, d, k, centroids, neighbourOrder, neighbourDistance, limits,
      labels, lower, grown, useBounds, scan, inertia,
    );
  }
  return inertia;
}

function finalBlock(
  values: Float64Array, start: number, end: number, d: number, k: number, centroids: Float64Array,
  neighbourOrder: Int32Array, neighbourDistance: Float64Array, limits: Float64Array,
  labels: Int32Array, lower: Float64Array, grown: Float64Array, useBounds: boolean, scan: Float64Array,
  inertia: number,
): number {
  for (let i = start, o = start * d; i < end; i++, o += d) {
    const a = labels[i];
    const ownSquared = squaredDistance(values, o, centroids, a * d, d);
    if (useBounds) {
      const exact = Math.sqrt(ownSquared) - grown[a];
      if ((+(exact < limits[2 * a]) | +(exact * ABOVE - lower[i] * BELOW < limits[2 * a + 1])) !== 0) {
        inertia += ownSquared;
        continue;
      }
    }
    labels[i] = scanFrom(values, o, d, k, centroids, neighbourOrder, neighbourDistance, a, ownSquared, scan);
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
