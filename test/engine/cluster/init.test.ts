import fc from "fast-check";
import { coordinate, nearestCentroid, squaredDistance, squaredDistanceToFixed } from "../../../src/engine/cluster/distance";
import { defaultLocalTrials, kmeansPlusPlus } from "../../../src/engine/cluster/init";
import { createRandom } from "../../../src/engine/cluster/random";
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

  it("picks k distinct items; leaves each item's nearest centre, its second-nearest distance and the centre sums", () => {
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
          expect(distances[labels[i]]).toBe(sorted[0]);
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
