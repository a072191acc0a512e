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
 * `searchsorted(stable_cumsum(...))`). Each step is one pass over the items (for up to four
 * candidates): it takes the previous step's winner in and scores this step's candidates, each on its
 * own running sum, noting that sum every {@link BLOCK} items. The winner's score is the new potential,
 * so the next step's draws are made right after the pass, and each is found by running the winner's
 * sum on from the note before it through one block: the same additions in the same order as a pass
 * over every item, so the same item, for a block's work instead of a pass. The last pass takes the
 * last centre in and leaves each item's nearest centre, its distances to the nearest and
 * second-nearest centres (where Hamerly's bounds start) and the centre sums.
 */
import { invalidInput } from "../errors";
import { coordinate, squaredDistance, squaredDistanceToFixed } from "./distance";
import type { DataSummary } from "./lloyd";
import type { RandomStream } from "./random";
import type { ClusterTask } from "./task";

/** scikit-learn's default number of greedy candidates per centre. */
export function defaultLocalTrials(k: number): number {
  return 2 + Math.floor(Math.log(k));
}

/**
 * Items between two notes of a candidate's running sum; also the items each call of a pass's inner
 * loop takes. Every pass is an outer loop over blocks calling a function that runs one block: V8 first
 * runs a long loop in its interpreter and compiles it while it runs ("on-stack replacement"), and code
 * compiled that way stops (deoptimizes) at the first line after the loop, which had not run when it
 * was compiled; a function called per block has run to its end once before it is compiled, and is
 * compiled once. Measured on 1,000,000 × 4, k = 6: with whole-pass loops the first k-means call in a
 * fresh process took about 20% longer than the next ones, with a function per block about 10%.
 */
const BLOCK = 2048;

/** Small buffers the passes reuse: branch-free selects and running sums carried across blocks. */
class Scratch {
  readonly select = new Float64Array(2);
  readonly smaller = new Float64Array(2);
  readonly selectLabel = new Int32Array(2);
  readonly sums = new Float64Array(4);
  readonly pick = new Float64Array(4);
}

/**
 * Fills `centroids` (k × d, row-major) with k-means++ centres and, for every item, `labels` (nearest
 * centre, the lowest index on a tie), `nearest` (the distance to it) and `second` (the distance to the
 * second-nearest centre; Infinity when k = 1): Hamerly's first bounds. When k > 1 the last pass also
 * fills `sums` and `counts` (each centre's items: coordinate sums and count), which saves Lloyd's
 * first pass; returns whether it did. Yields after each centre.
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
  const blocks = Math.ceil(n / BLOCK);
  const notes = new Float64Array(trials * blocks);
  const scratch = new Scratch();

  copyRow(values, random.nextInt(n), centroids, 0, d);
  // The potential once the first centre c is in is known without a pass: Σ‖x − c‖² = n·(Σ variance +
  // ‖mean − c‖²). So the first step's candidates are drawn now and found in the pass that adds c.
  let estimate = 0;
  for (let t = 0; t < d; t++) estimate += summary.variance[t] + (summary.mean[t] - centroids[t]) ** 2;
  estimate *= n;
  const picking = k > 1 && estimate > 0;
  if (picking) prepareDraws(random, estimate, draws, order, trials);
  let potential = addFirstCentreAndPick(values, n, d, centroids, labels, nearest, second, draws, order, candidates, picking ? trials : 0, scratch);
  if (k === 1) {
    for (let i = 0; i < n; i++) nearest[i] = Math.sqrt(nearest[i]);
  } else {
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
    // Centre c − 1 (the previous step's winner) is taken in by this step's pass; centre 0 already is.
    scoreCandidates(values, n, d, centroids, c > 1 ? c - 1 : -1, labels, nearest, second, candidateRows, trials, potentials, notes, blocks, scratch);
    let best = 0;
    for (let t = 1; t < trials; t++) if (potentials[t] < potentials[best]) best = t;
    copyRow(candidateRows, best, centroids, c, d);
    // The winner's score is the potential once it is in (the same sums in the same order).
    potential = potentials[best];
    if (c + 1 < k) {
      prepareDraws(random, potential, draws, order, trials);
      findDraws(values, n, d, nearest, candidateRows, best, notes, blocks, draws, order, candidates, trials);
    } else {
      addLastCentre(values, n, d, centroids, c, labels, nearest, second, sums, counts, scratch);
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
 * Σ over items of min(current nearest, squared distance to candidate t), for every candidate, noting
 * each running sum after every {@link BLOCK} items in `notes` (candidate t's at t × blocks); first,
 * item by item, centre `adding` is taken in (as {@link addLastCentre}, without the sums), unless it
 * is −1.
 *
 * Candidates are scored up to four in one pass, so the items are read once per four candidates rather
 * than once per candidate (measured 2.6 times as fast with three candidates); each candidate's sum is
 * taken in item order over the same values as a pass adding it would take, so the winner's sum is
 * exactly the next potential. Every distance is computed and the minimum taken without a branch, by
 * indexing a two-element array with the comparison: which of the two is smaller is close to a coin
 * toss item by item, and a mispredicted branch costs more than the arithmetic it would save (measured:
 * twice as fast as skipping distances by the triangle inequality, also when the skip is decided for
 * all candidates at once). Math.min is no help: V8 compiles it to branches (measured 1.7 times as
 * slow here).
 */
function scoreCandidates(
  values: Float64Array, n: number, d: number, centroids: Float64Array, adding: number,
  labels: Int32Array, nearest: Float64Array, second: Float64Array,
  candidateRows: Float64Array, trials: number, potentials: Float64Array, notes: Float64Array, blocks: number,
  scratch: Scratch,
): void {
  const sums = scratch.sums;
  for (let first = 0; first < trials; first += 4) {
    const count = Math.min(4, trials - first);
    const groupAdding = first === 0 ? adding : -1;
    sums.fill(0);
    for (let b = 0, start = 0; b < blocks; b++, start += BLOCK) {
      scoreBlock(
        values, start, start + BLOCK < n ? start + BLOCK : n, d, centroids, groupAdding, labels, nearest, second,
        candidateRows, first, count, scratch,
      );
      for (let t = 0; t < count; t++) notes[(first + t) * blocks + b] = sums[t];
    }
    for (let t = 0; t < count; t++) potentials[first + t] = sums[t];
  }
}

/**
 * One block of {@link scoreCandidates}: items `start` … `end − 1`, candidates `first` …
 * `first + count − 1` (count 1 to 4), their running sums carried in `scratch.sums`.
 */
function scoreBlock(
  values: Float64Array, start: number, end: number, d: number, centroids: Float64Array, adding: number,
  labels: Int32Array, nearest: Float64Array, second: Float64Array,
  candidateRows: Float64Array, first: number, count: number, scratch: Scratch,
): void {
  const { select, smaller, selectLabel, sums } = scratch;
  const wo = (adding >= 0 ? adding : 0) * d;
  const w0 = coordinate(centroids, wo, 0, d), w1 = coordinate(centroids, wo, 1, d);
  const w2 = coordinate(centroids, wo, 2, d), w3 = coordinate(centroids, wo, 3, d);
  selectLabel[1] = adding;
  // Unused slots repeat the first candidate; their sums are not kept. The tests on `adding` and
  // `count` go the same way for every item and cost no misprediction.
  const ao = first * d;
  const bo = (first + (count > 1 ? 1 : 0)) * d;
  const co = (first + (count > 2 ? 2 : 0)) * d;
  const eo = (first + (count > 3 ? 3 : 0)) * d;
  const a0 = coordinate(candidateRows, ao, 0, d), a1 = coordinate(candidateRows, ao, 1, d);
  const a2 = coordinate(candidateRows, ao, 2, d), a3 = coordinate(candidateRows, ao, 3, d);
  const b0 = coordinate(candidateRows, bo, 0, d), b1 = coordinate(candidateRows, bo, 1, d);
  const b2 = coordinate(candidateRows, bo, 2, d), b3 = coordinate(candidateRows, bo, 3, d);
  const c0 = coordinate(candidateRows, co, 0, d), c1 = coordinate(candidateRows, co, 1, d);
  const c2 = coordinate(candidateRows, co, 2, d), c3 = coordinate(candidateRows, co, 3, d);
  const e0 = coordinate(candidateRows, eo, 0, d), e1 = coordinate(candidateRows, eo, 1, d);
  const e2 = coordinate(candidateRows, eo, 2, d), e3 = coordinate(candidateRows, eo, 3, d);
  let sumA = sums[0];
  let sumB = sums[1];
  let sumC = sums[2];
  let sumE = sums[3];
  const tail = d > 4;
  for (let i = start, o = start * d; i < end; i++, o += d) {
    // The row's first four coordinates once for all five distances (0 past the last dimension, like
    // the centres', so the missing terms add exact zeros).
    const v0 = values[o];
    const v1 = d > 1 ? values[o + 1] : 0;
    const v2 = d > 2 ? values[o + 2] : 0;
    const v3 = d > 3 ? values[o + 3] : 0;
    let current = nearest[i];
    if (adding >= 0) {
      let dist = headDistance(v0, v1, v2, v3, w0, w1, w2, w3);
      if (tail) dist += squaredDistance(values, o + 4, centroids, wo + 4, d - 4);
      const closer = +(dist < current);
      select[0] = second[i];
      select[1] = dist;
      select[0] = select[+(dist < select[0])];
      select[1] = current;
      second[i] = select[closer];
      selectLabel[0] = labels[i];
      labels[i] = selectLabel[closer];
      select[0] = current;
      select[1] = dist;
      current = select[closer];
      nearest[i] = current;
    }
    let distA = headDistance(v0, v1, v2, v3, a0, a1, a2, a3);
    if (tail) distA += squaredDistance(values, o + 4, candidateRows, ao + 4, d - 4);
    smaller[0] = current;
    smaller[1] = distA;
    sumA += smaller[+(distA < current)];
    if (count > 1) {
      let distB = headDistance(v0, v1, v2, v3, b0, b1, b2, b3);
      if (tail) distB += squaredDistance(values, o + 4, candidateRows, bo + 4, d - 4);
      smaller[1] = distB;
      sumB += smaller[+(distB < current)];
      if (count > 2) {
        let distC = headDistance(v0, v1, v2, v3, c0, c1, c2, c3);
        if (tail) distC += squaredDistance(values, o + 4, candidateRows, co + 4, d - 4);
        smaller[1] = distC;
        sumC += smaller[+(distC < current)];
        if (count > 3) {
          let distE = headDistance(v0, v1, v2, v3, e0, e1, e2, e3);
          if (tail) distE += squaredDistance(values, o + 4, candidateRows, eo + 4, d - 4);
          smaller[1] = distE;
          sumE += smaller[+(distE < current)];
        }
      }
    }
  }
  sums[0] = sumA;
  sums[1] = sumB;
  sums[2] = sumC;
  sums[3] = sumE;
}

/**
 * The first four terms of {@link squaredDistanceToFixed}, added in its order, so that with the rest
 * added after it gives the same number to the last bit.
 */
function headDistance(v0: number, v1: number, v2: number, v3: number, c0: number, c1: number, c2: number, c3: number): number {
  const x0 = v0 - c0;
  const x1 = v1 - c1;
  const x2 = v2 - c2;
  const x3 = v3 - c3;
  return x0 * x0 + x1 * x1 + x2 * x2 + x3 * x3;
}

/**
 * The next step's candidates: for each draw, the first item at which the running sum of
 * min(nearest, squared distance to the winner `best`) exceeds it — exactly the item a pass adding the
 * winner would pick. The winner's notes give the block; its sum is run on from the note before that
 * block. A draw the total does not exceed (rounding, near the total) takes the last item that can be
 * picked, as {@link pickOnly} does.
 */
function findDraws(
  values: Float64Array, n: number, d: number, nearest: Float64Array, candidateRows: Float64Array, best: number,
  notes: Float64Array, blocks: number, draws: Float64Array, order: Int32Array, picked: Int32Array, trials: number,
): void {
  const wo = best * d;
  const w0 = coordinate(candidateRows, wo, 0, d), w1 = coordinate(candidateRows, wo, 1, d);
  const w2 = coordinate(candidateRows, wo, 2, d), w3 = coordinate(candidateRows, wo, 3, d);
  const base = best * blocks;
  let b = 0;
  for (let r = 0; r < trials; r++) {
    const threshold = draws[order[r]];
    // Draws are sorted, so the walk over the blocks goes on from the previous draw's block.
    while (b < blocks && !(notes[base + b] > threshold)) b++;
    let found = -1;
    if (b < blocks) {
      let running = b > 0 ? notes[base + b - 1] : 0;
      const end = (b + 1) * BLOCK < n ? (b + 1) * BLOCK : n;
      for (let i = b * BLOCK, o = i * d; i < end; i++, o += d) {
        running += Math.min(nearest[i], squaredDistanceToFixed(values, o, d, w0, w1, w2, w3, candidateRows, wo));
        if (running > threshold) {
          found = i;
          break;
        }
      }
    }
    if (found < 0) {
      // Rounding: the last item with a positive weight.
      found = 0;
      for (let i = n - 1, o = i * d; i >= 0; i--, o -= d) {
        if (Math.min(nearest[i], squaredDistanceToFixed(values, o, d, w0, w1, w2, w3, candidateRows, wo)) > 0) {
          found = i;
          break;
        }
      }
    }
    picked[order[r]] = found;
  }
}

/**
 * Takes the first centre in — each item's nearest squared distance, nearest centre (0) and second
 * (Infinity) — and, when `picks` > 0, picks the next step's candidates (draws made in advance from the
 * estimated potential) from the running sum of the squared distances. Returns the potential.
 */
function addFirstCentreAndPick(
  values: Float64Array, n: number, d: number, centroids: Float64Array,
  labels: Int32Array, nearest: Float64Array, second: Float64Array,
  draws: Float64Array, order: Int32Array, picked: Int32Array, picks: number, scratch: Scratch,
): number {
  // The walk's state across blocks: running sum, draws found, last item with a positive weight.
  const state = scratch.pick;
  state.fill(0);
  for (let start = 0; start < n; start += BLOCK) {
    addFirstBlock(values, start, start + BLOCK < n ? start + BLOCK : n, d, centroids, labels, nearest, second, draws, order, picked, picks, state);
  }
  // Rounding can leave the running sum a hair below a draw near the total: take the last item that can be picked.
  for (let next = state[1]; next < picks; next++) picked[order[next]] = state[2];
  return state[0];
}

function addFirstBlock(
  values: Float64Array, start: number, end: number, d: number, centroids: Float64Array,
  labels: Int32Array, nearest: Float64Array, second: Float64Array,
  draws: Float64Array, order: Int32Array, picked: Int32Array, picks: number, state: Float64Array,
): void {
  const c0 = coordinate(centroids, 0, 0, d);
  const c1 = coordinate(centroids, 0, 1, d);
  const c2 = coordinate(centroids, 0, 2, d);
  const c3 = coordinate(centroids, 0, 3, d);
  let running = state[0];
  let next = state[1];
  let lastPositive = state[2];
  let threshold = next < picks ? draws[order[next]] : Infinity;
  for (let i = start, o = start * d; i < end; i++, o += d) {
    const dist = squaredDistanceToFixed(values, o, d, c0, c1, c2, c3, centroids, 0);
    second[i] = Infinity;
    labels[i] = 0;
    nearest[i] = dist;
    running += dist;
    if (dist > 0) lastPositive = i;
    while (running > threshold) {
      picked[order[next++]] = i;
      threshold = next < picks ? draws[order[next]] : Infinity;
    }
  }
  state[0] = running;
  state[1] = next;
  state[2] = lastPositive;
}

/**
 * The last centre: takes it in, as {@link scoreCandidates} does, and in the same pass sums the centres'
 * items for Lloyd's iterations and turns the nearest and second-nearest squared distances into
 * distances (Hamerly's upper and lower bounds).
 */
function addLastCentre(
  values: Float64Array, n: number, d: number, centroids: Float64Array, c: number,
  labels: Int32Array, nearest: Float64Array, second: Float64Array, sums: Float64Array, counts: Float64Array,
  scratch: Scratch,
): void {
  sums.fill(0);
  counts.fill(0);
  for (let start = 0; start < n; start += BLOCK) {
    addLastBlock(values, start, start + BLOCK < n ? start + BLOCK : n, d, centroids, c, labels, nearest, second, sums, counts, scratch);
  }
}

function addLastBlock(
  values: Float64Array, start: number, end: number, d: number, centroids: Float64Array, c: number,
  labels: Int32Array, nearest: Float64Array, second: Float64Array, sums: Float64Array, counts: Float64Array,
  scratch: Scratch,
): void {
  const { select, selectLabel } = scratch;
  const co = c * d;
  const c0 = coordinate(centroids, co, 0, d);
  const c1 = coordinate(centroids, co, 1, d);
  const c2 = coordinate(centroids, co, 2, d);
  const c3 = coordinate(centroids, co, 3, d);
  selectLabel[1] = c;
  for (let i = start, o = start * d; i < end; i++, o += d) {
    const current = nearest[i];
    const previousSecond = second[i];
    const dist = squaredDistanceToFixed(values, o, d, c0, c1, c2, c3, centroids, co);
    const closer = +(dist < current);
    select[0] = current;
    select[1] = dist;
    nearest[i] = Math.sqrt(select[closer]);
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
