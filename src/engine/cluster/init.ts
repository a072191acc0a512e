/**
 * Starting centres for k-means: greedy k-means++.
 *
 * k-means++ (Arthur & Vassilvitskii, "k-means++: the advantages of careful seeding", SODA 2007) picks
 * the first centre uniformly and each next one with probability proportional to the squared distance
 * to the nearest centre chosen so far, which makes the expected start O(log k)-competitive with the
 * optimum. The greedy variant draws 2 + ⌊ln k⌋ candidates per step and keeps the one that lowers the
 * potential (Σ squared distance to the nearest centre) most; the paper suggests it and scikit-learn's
 * `_kmeans_plusplus` uses it by default, so restarts compare like for like with scikit-learn.
 *
 * Candidates are drawn by inverse-CDF sampling on the running sum of squared distances (scikit-learn's
 * `searchsorted(stable_cumsum(...))`). Each step is two passes over the items, whatever the number of
 * candidates: one per candidate scores it, and one takes the winner in while drawing the next step's
 * candidates — the winner's score is the new potential, so the draws are known before that pass and its
 * running sum finds them. The last pass also leaves each item's nearest centre and nearest and
 * second-nearest squared distance, which is what Hamerly's bounds start from.
 */
import { invalidInput } from "../errors";
import { coordinate, squaredDistanceToFixed } from "./distance";
import type { DataSummary } from "./lloyd";
import type { RandomStream } from "./random";
import type { ClusterTask } from "./task";

/** scikit-learn's default number of greedy candidates per centre. */
export function defaultLocalTrials(k: number): number {
  return 2 + Math.floor(Math.log(k));
}

/**
 * Fills `centroids` (k × d, row-major) with k-means++ centres and, for every item, `labels` (nearest
 * centre) and `second` (the distance to the second-nearest centre; Infinity when k = 1); `nearest` is
 * scratch. When k > 1 the last pass also fills `sums` and `counts` (each centre's items: coordinate
 * sums and count), which saves Lloyd's first pass; returns whether it did. Yields after each centre.
 */
export function* kmeansPlusPlus(
  values: Float64Array,
  itemCount: number,
  dimensionCount: number,
  k: number,
  random: RandomStream,
  localTrials: number,
  centroids: Float64Array,
  labels: Int32Array,
  nearest: Float64Array,
  second: Float64Array,
  summary: DataSummary,
  sums: Float64Array,
  counts: Float64Array,
): ClusterTask<boolean> {
  const n = itemCount;
  const d = dimensionCount;
  const trials = localTrials;
  const candidates = new Int32Array(trials);
  const draws = new Float64Array(trials);
  const order = new Int32Array(trials);
  const potentials = new Float64Array(trials);
  const candidateRows = new Float64Array(trials * d);

  copyRow(values, random.nextInt(n), centroids, 0, d);
  // The potential once the first centre c is in is known without a pass: Σ‖x − c‖² = n·(Σ variance +
  // ‖mean − c‖²). So the first step's candidates are drawn now and found in the pass that adds c.
  let estimate = 0;
  for (let t = 0; t < d; t++) estimate += summary.variance[t] + (summary.mean[t] - centroids[t]) ** 2;
  estimate *= n;
  const picking = k > 1 && estimate > 0;
  if (picking) prepareDraws(random, estimate, draws, order, trials);
  let potential = addCentreAndPick(values, n, d, centroids, 0, labels, nearest, second, draws, order, candidates, picking ? trials : 0, true);
  if (k > 1) {
    // The estimate is exact up to rounding; should rounding have moved it, draw again on the true total.
    if (!picking || Math.abs(potential - estimate) > 1e-9 * potential) {
      prepareDraws(random, potential, draws, order, trials);
      pickOnly(nearest, n, draws, order, candidates, trials);
    }
    yield 1 / k;
  }

  for (let c = 1; c < k; c++) {
    if (!(potential > 0)) {
      throw invalidInput(
        `the items sit on only ${c} distinct point(s) once prepared, fewer than the ${k} segments asked for: ` +
          `choose k ≤ ${c}, or add dimensions that tell the items apart`,
      );
    }
    for (let t = 0; t < trials; t++) copyRow(values, candidates[t], candidateRows, t, d);
    scoreCandidates(values, n, d, nearest, candidateRows, trials, potentials);
    let best = 0;
    for (let t = 1; t < trials; t++) if (potentials[t] < potentials[best]) best = t;
    copyRow(candidateRows, best, centroids, c, d);
    // The winner's score is the potential once it is added (the same sums in the same order): draw the
    // next step's candidates now and find them in the same pass that adds the centre.
    const next = potentials[best];
    if (c + 1 < k) {
      prepareDraws(random, next, draws, order, trials);
      potential = addCentreAndPick(values, n, d, centroids, c, labels, nearest, second, draws, order, candidates, trials, false);
    } else {
      addLastCentre(values, n, d, centroids, c, labels, nearest, second, sums, counts);
    }
    yield (c + 1) / k;
  }
  return k > 1;
}

/** Draws `trials` values uniform on [0, total) and orders them, for one increasing walk. */
function prepareDraws(random: RandomStream, total: number, draws: Float64Array, order: Int32Array, trials: number): void {
  for (let t = 0; t < trials; t++) {
    draws[t] = random.nextDouble() * total;
    order[t] = t;
  }
  // Insertion sort of a handful of draws.
  for (let a = 1; a < trials; a++) {
    const moving = order[a];
    let b = a;
    while (b > 0 && draws[order[b - 1]] > draws[moving]) {
      order[b] = order[b - 1];
      b--;
    }
    order[b] = moving;
  }
}

/** The pick alone (first step only): each draw's item by the running sum of `weights`. */
function pickOnly(weights: Float64Array, n: number, draws: Float64Array, order: Int32Array, picked: Int32Array, trials: number): void {
  let running = 0;
  let next = 0;
  let lastPositive = 0;
  for (let i = 0; i < n && next < trials; i++) {
    const weight = weights[i];
    running += weight;
    if (weight > 0) lastPositive = i;
    // "Exceeds", not "reaches": an item of weight 0 (already a centre) is never picked.
    while (next < trials && running > draws[order[next]]) picked[order[next++]] = i;
  }
  // Rounding can leave the total a hair below a draw near it: take the last item that can be picked.
  while (next < trials) picked[order[next++]] = lastPositive;
}

/**
 * Σ over items of min(current nearest, squared distance to candidate t), one pass per candidate.
 *
 * Every distance is computed and the minimum taken without a branch (`select`): which of the two is
 * smaller is close to a coin toss item by item, and a mispredicted branch costs more than the four
 * subtractions it would save (measured: twice as fast as skipping distances by the triangle
 * inequality). The sums run in item order over the same values as the pass that adds the winner, so
 * the winner's sum is exactly the next potential.
 */
function scoreCandidates(
  values: Float64Array, n: number, d: number, nearest: Float64Array,
  candidateRows: Float64Array, trials: number, potentials: Float64Array,
): void {
  const select = new Float64Array(2);
  for (let t = 0, co = 0; t < trials; t++, co += d) {
    const c0 = coordinate(candidateRows, co, 0, d);
    const c1 = coordinate(candidateRows, co, 1, d);
    const c2 = coordinate(candidateRows, co, 2, d);
    const c3 = coordinate(candidateRows, co, 3, d);
    let potential = 0;
    for (let i = 0, o = 0; i < n; i++, o += d) {
      const current = nearest[i];
      const dist = squaredDistanceToFixed(values, o, d, c0, c1, c2, c3, candidateRows, co);
      select[0] = current;
      select[1] = dist;
      potential += select[+(dist < current)];
    }
    potentials[t] = potential;
  }
}

/**
 * Takes centre c into account — nearest and second-nearest squared distance and nearest centre of
 * every item, updated without branches (see {@link scoreCandidates}) — and, when `picks` > 0, picks
 * the next step's candidates (draws made in advance from the new potential) from the running sum of
 * the new nearest squared distances; `first` for the first centre, when no centre is near yet.
 * Returns the new potential.
 */
function addCentreAndPick(
  values: Float64Array, n: number, d: number, centroids: Float64Array, c: number,
  labels: Int32Array, nearest: Float64Array, second: Float64Array,
  draws: Float64Array, order: Int32Array, picked: Int32Array, picks: number, first: boolean,
): number {
  const co = c * d;
  const c0 = coordinate(centroids, co, 0, d);
  const c1 = coordinate(centroids, co, 1, d);
  const c2 = coordinate(centroids, co, 2, d);
  const c3 = coordinate(centroids, co, 3, d);
  const select = new Float64Array(2);
  const selectLabel = new Int32Array(2);
  selectLabel[1] = c;
  let running = 0;
  let next = 0;
  let lastPositive = 0;
  let threshold = picks > 0 ? draws[order[0]] : Infinity;
  for (let i = 0, o = 0; i < n; i++, o += d) {
    // The first centre: nothing is near yet (read as Infinity rather than filling the arrays first).
    const current = first ? Infinity : nearest[i];
    const previousSecond = first ? Infinity : second[i];
    const dist = squaredDistanceToFixed(values, o, d, c0, c1, c2, c3, centroids, co);
    const closer = +(dist < current);
    select[0] = current;
    select[1] = dist;
    const updated = select[closer];
    select[0] = previousSecond;
    const secondIfNotCloser = select[+(dist < previousSecond)];
    select[0] = secondIfNotCloser;
    select[1] = current;
    second[i] = select[closer];
    selectLabel[0] = labels[i];
    labels[i] = selectLabel[closer];
    nearest[i] = updated;
    running += updated;
    if (updated > 0) lastPositive = i;
    while (running > threshold) {
      picked[order[next++]] = i;
      threshold = next < picks ? draws[order[next]] : Infinity;
    }
  }
  // Rounding can leave the running sum a hair below a draw near the total: take the last item that can be picked.
  while (next < picks) picked[order[next++]] = lastPositive;
  return running;
}

/**
 * The last centre: as {@link addCentreAndPick} without the draws, and in the same pass the centre sums
 * and counts Lloyd's iterations start from, and the second-nearest squared distances turned into
 * distances (the lower bounds).
 */
function addLastCentre(
  values: Float64Array, n: number, d: number, centroids: Float64Array, c: number,
  labels: Int32Array, nearest: Float64Array, second: Float64Array, sums: Float64Array, counts: Float64Array,
): void {
  const co = c * d;
  const c0 = coordinate(centroids, co, 0, d);
  const c1 = coordinate(centroids, co, 1, d);
  const c2 = coordinate(centroids, co, 2, d);
  const c3 = coordinate(centroids, co, 3, d);
  const select = new Float64Array(2);
  const selectLabel = new Int32Array(2);
  selectLabel[1] = c;
  sums.fill(0);
  counts.fill(0);
  for (let i = 0, o = 0; i < n; i++, o += d) {
    const current = nearest[i];
    const previousSecond = second[i];
    const dist = squaredDistanceToFixed(values, o, d, c0, c1, c2, c3, centroids, co);
    const closer = +(dist < current);
    select[0] = previousSecond;
    select[1] = dist;
    const secondIfNotCloser = select[+(dist < previousSecond)];
    select[0] = secondIfNotCloser;
    select[1] = current;
    second[i] = Math.sqrt(select[closer]);
    selectLabel[0] = labels[i];
    const label = selectLabel[closer];
    labels[i] = label;
    const so = label * d;
    for (let t = 0; t < d; t++) sums[so + t] += values[o + t];
    counts[label]++;
  }
}

function copyRow(from: Float64Array, row: number, to: Float64Array, toRow: number, d: number): void {
  const source = row * d;
  const target = toRow * d;
  for (let t = 0; t < d; t++) to[target + t] = from[source + t];
}
