import fc from "fast-check";
import { coordinate, nearestCentroid, squaredDistance, squaredDistanceToFixed } from "../../../src/engine/cluster/distance";
import { defaultLocalTrials, kmeansPlusPlus } from "../../../src/engine/cluster/init";
import { createRandom, RandomStream } from "../../../src/engine/cluster/random";
import { runTask } from "../../../src/engine/cluster/task";

describe("distance kernels", () => {
  it("squared distances for 1 to 9 dimensions equal the plain sum, also against a fixed centre", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9 }).chain((d) => fc.tuple(fc.constant(d), fc.array(fc.integer({ min: -100, max: 100 }), { minLength: 2 * d, maxLength: 2 * d }))), ([d, numbers]) => {
        const a = Float64Array.from(numbers.slice(0, d));
        const b = Float64Array.from(numbers.slice(d));
        let expected = 0;
        for (let t = 0; t < d; t++) expected += (a[t] - b[t]) ** 2;
        expect(squaredDistance(a, 0, b, 0, d)).toBe(expected);
        const [c0, c1, c2, c3] = [0, 1, 2, 3].map((t) => coordinate(b, 0, t, d));
        expect(squaredDistanceToFixed(a, 0, d, c0, c1, c2, c3, b, 0)).toBe(expected);
      }),
    );
  });

  it("nearestCentroid takes the lowest segment on a tie", () => {
    expect(nearestCentroid(Float64Array.of(5), 0, Float64Array.of(4, 6, 5.5), 3, 1)).toBe(2);
    expect(nearestCentroid(Float64Array.of(5), 0, Float64Array.of(6, 4), 2, 1)).toBe(0);
  });
});

/** Per-dimension mean and population variance, as kmeans computes them for its starts. */
function summary(values: Float64Array, n: number, d: number) {
  const mean = new Float64Array(d);
  const variance = new Float64Array(d);
  for (let t = 0; t < d; t++) {
    for (let i = 0; i < n; i++) mean[t] += values[i * d + t] / n;
    for (let i = 0; i < n; i++) variance[t] += (values[i * d + t] - mean[t]) ** 2 / n;
  }
  return { mean, variance };
}

describe("kmeansPlusPlus (Arthur & Vassilvitskii 2007, greedy)", () => {
  it("2 + ⌊ln k⌋ candidates per centre, as scikit-learn", () => {
    expect([1, 2, 3, 7, 8, 20, 21].map(defaultLocalTrials)).toEqual([2, 2, 3, 3, 4, 4, 5]);
  });

  it("picks k distinct items; leaves each item's nearest centre, its distances to the nearest and second-nearest and the centre sums", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 1, max: 6 }), (seed, k) => {
        const n = 40;
        const d = 3;
        const random = createRandom(seed);
        const values = Float64Array.from({ length: n * d }, () => Math.round(random.nextDouble() * 100));
        const centroids = new Float64Array(k * d);
        const labels = new Int32Array(n);
        const nearest = new Float64Array(n);
        const second = new Float64Array(n);
        const sums = new Float64Array(k * d);
        const counts = new Float64Array(k);
        const summed = runTask(
          kmeansPlusPlus(values, n, d, k, createRandom(seed + 1), defaultLocalTrials(k), centroids, labels, nearest, second, summary(values, n, d), sums, counts),
        );
        expect(summed).toBe(k > 1);
        const rows = new Set<string>();
        for (let j = 0; j < k; j++) {
          const centre = Array.from(centroids.subarray(j * d, (j + 1) * d));
          rows.add(centre.join(","));
          expect(Array.from({ length: n }, (_, i) => Array.from(values.subarray(i * d, (i + 1) * d)).join(","))).toContain(centre.join(","));
        }
        expect(rows.size).toBe(k);
        for (let i = 0; i < n; i++) {
          const distances = Array.from({ length: k }, (_, j) => squaredDistance(values, i * d, centroids, j * d, d));
          const sorted = distances.slice().sort((a, b) => a - b);
          expect(labels[i]).toBe(distances.indexOf(sorted[0]));
          expect(nearest[i]).toBe(Math.sqrt(sorted[0]));
          expect(second[i]).toBe(k > 1 ? Math.sqrt(sorted[1]) : Infinity);
        }
        if (summed) {
          for (let j = 0; j < k; j++) {
            const members = Array.from(labels.keys()).filter((i) => labels[i] === j);
            expect(counts[j]).toBe(members.length);
            for (let t = 0; t < d; t++) expect(sums[j * d + t]).toBe(members.reduce((sum, i) => sum + values[i * d + t], 0));
          }
        }
      }),
      { numRuns: 60 },
    );
  });

  it("picks the centres a plain greedy k-means++ picks, to the last bit, with one pass per step", () => {
    // The engine scores a step's candidates in the pass that takes the previous winner in, and finds
    // the next draws from notes of the running sums every 2,048 items; the plain version below makes
    // a pass for every candidate, one to take the winner in and one per draw.
    const random = createRandom(77);
    for (let trial = 0; trial < 24; trial++) {
      const n = [5, 300, 2048, 2049, 4100, 6500][trial % 6] + (trial % 4 === 0 ? 0 : random.nextInt(50));
      const d = 1 + (trial % 9);
      const k = Math.min(n, 1 + random.nextInt(12));
      const trials = trial % 3 === 0 ? 1 + random.nextInt(9) : defaultLocalTrials(k);
      const grid = trial % 2 === 0;
      const values = Float64Array.from({ length: n * d }, () => {
        const v = (random.nextDouble() - 0.5) * 40;
        return grid ? Math.round(v / 4) : v;
      });
      const seed = 500 + trial;
      const expected = plainKmeansPlusPlus(values, n, d, k, createRandom(seed), trials, summary(values, n, d));
      const centroids = new Float64Array(k * d);
      const labels = new Int32Array(n);
      const nearest = new Float64Array(n);
      const second = new Float64Array(n);
      let outcome: Float64Array | string;
      try {
        runTask(kmeansPlusPlus(values, n, d, k, createRandom(seed), trials, centroids, labels, nearest, second, summary(values, n, d), new Float64Array(k * d), new Float64Array(k)));
        outcome = centroids;
      } catch (error) {
        outcome = (error as Error).message;
      }
      expect([trial, outcome]).toEqual([trial, expected]);
    }
  });

  it("favours far items: on two tight groups the second centre lands in the other group", () => {
    const values = Float64Array.of(0, 0.1, 0.2, 100, 100.1, 100.2);
    for (let seed = 0; seed < 20; seed++) {
      const centroids = new Float64Array(2);
      runTask(
        kmeansPlusPlus(values, 6, 1, 2, createRandom(seed), 2, centroids, new Int32Array(6), new Float64Array(6), new Float64Array(6), summary(values, 6, 1), new Float64Array(2), new Float64Array(2)),
      );
      expect(Math.abs(centroids[0] - centroids[1])).toBeGreaterThan(99);
    }
  });
});

/**
 * Greedy k-means++ as scikit-learn's `_kmeans_plusplus` states it, with the engine's random draws:
 * the first centre uniformly (its potential estimated from the mean and variance, as the engine does,
 * drawn again on the true total should rounding have moved it), then per step `trials` items drawn in
 * proportion to the squared distance to the nearest centre so far, and the one that leaves the lowest
 * potential kept. Returns the centres, or the engine's message when the items run out.
 */
function plainKmeansPlusPlus(
  values: Float64Array, n: number, d: number, k: number, random: RandomStream, trials: number,
  stats: { mean: Float64Array; variance: Float64Array },
): Float64Array | string {
  const centroids = new Float64Array(k * d);
  const row = (i: number) => values.subarray(i * d, i * d + d);
  const distance = (i: number, centre: Float64Array) =>
    squaredDistanceToFixed(values, i * d, d, coordinate(centre, 0, 0, d), coordinate(centre, 0, 1, d), coordinate(centre, 0, 2, d), coordinate(centre, 0, 3, d), centre, 0);
  const draw = (total: number) => Array.from({ length: trials }, () => random.nextDouble() * total);
  /** For each draw, the first item whose running sum of `weights` exceeds it; else the last with weight > 0. */
  const pick = (weights: Float64Array, draws: number[]) =>
    draws.map((threshold) => {
      let running = 0;
      for (let i = 0; i < n; i++) {
        running += weights[i];
        if (running > threshold) return i;
      }
      for (let i = n - 1; i >= 0; i--) if (weights[i] > 0) return i;
      return 0;
    });
  centroids.set(row(random.nextInt(n)), 0);
  let estimate = 0;
  for (let t = 0; t < d; t++) estimate += stats.variance[t] + (stats.mean[t] - centroids[t]) ** 2;
  estimate *= n;
  const picking = k > 1 && estimate > 0;
  let draws = picking ? draw(estimate) : [];
  const nearest = Float64Array.from({ length: n }, (_, i) => distance(i, centroids.subarray(0, d)));
  let potential = nearest.reduce((sum, v) => sum + v, 0);
  let candidates = pick(nearest, draws);
  if (k > 1 && (!picking || Math.abs(potential - estimate) > 1e-9 * potential)) candidates = pick(nearest, draw(potential));
  for (let c = 1; c < k; c++) {
    if (!(potential > 0)) {
      return `the items sit on only ${c} distinct point(s) once prepared, fewer than the ${k} segments asked for: ` +
        `choose k ≤ ${c}, or add dimensions that tell the items apart`;
    }
    const scores = candidates.map((candidate) => {
      let sum = 0;
      for (let i = 0; i < n; i++) sum += Math.min(nearest[i], distance(i, row(candidate)));
      return sum;
    });
    let best = 0;
    for (let t = 1; t < trials; t++) if (scores[t] < scores[best]) best = t;
    const winner = row(candidates[best]).slice();
    centroids.set(winner, c * d);
    potential = 0;
    for (let i = 0; i < n; i++) {
      nearest[i] = Math.min(nearest[i], distance(i, winner));
      potential += nearest[i];
    }
    if (c + 1 < k) candidates = pick(nearest, (draws = draw(potential)));
  }
  return centroids;
}
