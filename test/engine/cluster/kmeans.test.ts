import fc from "fast-check";
import { kmeans, KMeansIteration } from "../../../src/engine/cluster/kmeans";
import { assignAll } from "../../../src/engine/cluster/lloyd";
import { prepareFeatures } from "../../../src/engine/cluster/prepare";
import { adjustedRandIndex } from "../../../src/engine/cluster/stability";
import { ClusteringCancelled } from "../../../src/engine/cluster/task";
import { blobs, readClusterReference, readWholesale } from "../../support/clusterData";
import { expectSegmentError } from "../../support/segmentError";

describe("kmeans, worked examples computed by hand", () => {
  it("1-D: {0, 1, 10, 11} in two segments: centres 0.5 and 10.5, inertia 4 × 0.25 = 1", () => {
    const result = kmeans(Float64Array.of(0, 1, 10, 11), 4, 1, 2, { seed: 3 });
    expect(Array.from(result.centroids).sort((a, b) => a - b)).toEqual([0.5, 10.5]);
    expect(result.inertia).toBe(1);
    expect(result.labels[0]).toBe(result.labels[1]);
    expect(result.labels[2]).toBe(result.labels[3]);
    expect(result.labels[0]).not.toBe(result.labels[2]);
    expect(Array.from(result.sizes)).toEqual([2, 2]);
  });

  it("Lloyd's iterations from given centres, step by step", () => {
    // Points (0,0) (0,2) (2,0) (8,8) (8,10) (10,8); start centres (0,0) and (2,0).
    // Iteration 1: (0,0),(0,2) → centre 1 [(0,2) is 2 from both; the lower centre wins the tie];
    //   (2,0),(8,8),(8,10),(10,8) → centre 2. Means: (0,1) and (7,6.5).
    // Iteration 2: (0,0),(0,2),(2,0) → (0,1) [(2,0): 2.236 vs 8.38]; the rest → (7,6.5).
    //   Means: (2/3, 2/3) and (26/3, 26/3).
    // Iteration 3: no item changes: converged. Inertia: each blob has Σ = 2·(4/9 + 16/9)... computed below.
    const values = Float64Array.of(0, 0, 0, 2, 2, 0, 8, 8, 8, 10, 10, 8);
    const steps: KMeansIteration[] = [];
    const result = kmeans(values, 6, 2, 2, {
      initialCentroids: Float64Array.of(0, 0, 2, 0),
      tolerance: 0,
      onIteration: (step) => steps.push(step),
    });
    expect(Array.from(result.centroids)).toEqual([2 / 3, 2 / 3, 26 / 3, 26 / 3]);
    // Per blob: (2/3)²+(2/3)² + (2/3)²+(4/3)² + (4/3)²+(2/3)² = 8/9 + 20/9 + 20/9 = 48/9, twice.
    expect(result.inertia).toBeCloseTo(96 / 9, 12);
    expect(Array.from(result.labels)).toEqual([0, 0, 0, 1, 1, 1]);
    // Inertia after each assignment: to the start centres, then to (0,1) and (7,6.5), then to the final ones.
    expect(steps.map((s) => s.iteration)).toEqual([1, 2, 3]);
    expect(steps[0].inertia).toBeCloseTo(0 + 4 + 0 + 100 + 136 + 128, 12);
    expect(steps[1].inertia).toBeCloseTo(1 + 1 + 5 + 3.25 + 13.25 + 11.25, 12);
    expect(steps[2].inertia).toBeCloseTo(96 / 9, 12);
    expect(steps[2].changed).toBe(0);
    expect(result.converged).toBe(true);
  });

  it("an empty segment takes the item farthest from its centre (scikit-learn's relocation)", () => {
    // Start centre 2 at (100, 100) is nearest to no item: it is moved onto the farthest item from centre 1's mean.
    const values = Float64Array.of(0, 0, 1, 0, 0, 1, 9, 9);
    const result = kmeans(values, 4, 2, 2, { initialCentroids: Float64Array.of(0, 0, 100, 100) });
    expect(Array.from(result.sizes)).toEqual([3, 1]);
    expect(Array.from(result.centroids)).toEqual([1 / 3, 1 / 3, 9, 9]);
    expect(Array.from(result.labels)).toEqual([0, 0, 0, 1]);
  });

  it("k = 1: the centre is the mean and the inertia the total sum of squares", () => {
    const result = kmeans(Float64Array.of(1, 2, 3, 4, 5, 6), 3, 2, 1);
    expect(Array.from(result.centroids)).toEqual([3, 4]);
    expect(result.inertia).toBe(16);
  });

  it("segments are numbered largest first", () => {
    const { values } = blobs([[0, 0], [20, 0], [0, 20]], 10, 0.5, 1);
    const bigger = new Float64Array(values.length + 20);
    bigger.set(values);
    for (let i = 0; i < 10; i++) bigger.set([20 + i * 0.01, 0], values.length + 2 * i);
    const result = kmeans(bigger, 40, 2, 3);
    expect(Array.from(result.sizes)).toEqual([20, 10, 10]);
    expect(result.centroids[0]).toBeCloseTo(20, 0);
  });
});

describe("kmeans agrees with scikit-learn (test/fixtures/cluster-sklearn.reference.json)", () => {
  const reference = readClusterReference().wholesale;
  const { values } = readWholesale();
  const prepared = prepareFeatures(values, 440, 6, { transforms: "log1p", outliers: "keep" });

  it("Wholesale customers, log1p + z-score, k = 4, 50 restarts: inertia within 0.1% of scikit-learn's", () => {
    const result = kmeans(prepared.values, 440, 6, 4, { restarts: reference.k4.nInit });
    expect(result.inertia).toBeLessThanOrEqual(reference.k4.inertia * 1.001);
    expect(result.inertia).toBeGreaterThan(reference.k4.inertia * 0.99);
    expect(result.converged).toBe(true);
  });

  it("started from scikit-learn's centres, it stays on scikit-learn's solution", () => {
    const result = kmeans(prepared.values, 440, 6, 4, { initialCentroids: Float64Array.from(reference.k4.centroids.flat()) });
    expect(result.inertia).toBeCloseTo(reference.k4.inertia, 9);
    expect(adjustedRandIndex(result.labels, reference.k4.labels)).toBe(1);
  });
});

describe("kmeans, properties", () => {
  const matrix = fc
    .record({ items: fc.integer({ min: 1, max: 60 }), dimensions: fc.integer({ min: 1, max: 6 }) })
    .chain(({ items, dimensions }) =>
      fc.record({
        items: fc.constant(items),
        dimensions: fc.constant(dimensions),
        // Quarters of whole numbers: exact, with ties, and no subnormals whose squares vanish.
        values: fc.array(fc.integer({ min: -4000, max: 4000 }).map((q) => q / 4), { minLength: items * dimensions, maxLength: items * dimensions }),
        k: fc.integer({ min: 1, max: Math.min(items, 6) }),
        seed: fc.integer({ min: 0, max: 1000 }),
      }),
    );

  /** k-means asks for k distinct points; most random matrices have them. */
  function distinctRows(values: number[], d: number): number {
    const seen = new Set<string>();
    for (let i = 0; i < values.length / d; i++) seen.add(values.slice(i * d, (i + 1) * d).join(","));
    return seen.size;
  }

  it("every item gets a segment; sizes add up; labels are each item's nearest centre", () => {
    fc.assert(
      fc.property(matrix, ({ items, dimensions, values, k, seed }) => {
        fc.pre(distinctRows(values, dimensions) >= k);
        const data = Float64Array.from(values);
        const result = kmeans(data, items, dimensions, k, { seed, restarts: 2 });
        expect(result.labels).toHaveLength(items);
        for (const label of result.labels) expect(label >= 0 && label < k).toBe(true);
        expect(result.sizes.reduce((a, b) => a + b, 0)).toBe(items);
        expect(Array.from(result.labels)).toEqual(Array.from(assignAll(data, items, dimensions, result.centroids, k)));
      }),
      { numRuns: 150 },
    );
  });

  it("the inertia never rises from one iteration to the next, and the final one is no higher", () => {
    fc.assert(
      fc.property(matrix, ({ items, dimensions, values, k, seed }) => {
        fc.pre(distinctRows(values, dimensions) >= k);
        const trace: number[] = [];
        const result = kmeans(Float64Array.from(values), items, dimensions, k, {
          seed, restarts: 1, tolerance: 0, onIteration: (step) => trace.push(step.inertia),
        });
        trace.push(result.inertia);
        for (let i = 1; i < trace.length; i++) expect(trace[i]).toBeLessThanOrEqual(trace[i - 1] * (1 + 1e-12) + 1e-9);
      }),
      { numRuns: 150 },
    );
  });

  it("the same seed gives the same result; Hamerly's bounds give Lloyd's answer", () => {
    fc.assert(
      fc.property(matrix, ({ items, dimensions, values, k, seed }) => {
        fc.pre(distinctRows(values, dimensions) >= k);
        const data = Float64Array.from(values);
        const first = kmeans(data, items, dimensions, k, { seed, restarts: 3 });
        const again = kmeans(data, items, dimensions, k, { seed, restarts: 3 });
        expect(again).toEqual(first);
        const lloyd = kmeans(data, items, dimensions, k, { seed, restarts: 3, algorithm: "lloyd" });
        expect(lloyd.inertia).toBeCloseTo(first.inertia, 6);
        expect(adjustedRandIndex(lloyd.labels, first.labels)).toBeCloseTo(1, 9);
      }),
      { numRuns: 100 },
    );
  });

  it("permuting the rows permutes the labels only", () => {
    const centres = [[0, 0, 0], [30, 0, 0], [0, 30, 0], [0, 0, 30]];
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 0, max: 100 }), (dataSeed, seed) => {
        const { values } = blobs(centres, 15, 1, dataSeed);
        const n = 60;
        const permutation = Array.from({ length: n }, (_, i) => i);
        for (let i = n - 1; i > 0; i--) {
          const j = (dataSeed * 7919 + i * 104729) % (i + 1);
          [permutation[i], permutation[j]] = [permutation[j], permutation[i]];
        }
        const permuted = new Float64Array(values.length);
        permutation.forEach((from, to) => permuted.set(values.subarray(from * 3, from * 3 + 3), to * 3));
        const original = kmeans(values, n, 3, 4, { seed });
        const shuffled = kmeans(permuted, n, 3, 4, { seed });
        permutation.forEach((from, to) => expect(shuffled.labels[to]).toBe(original.labels[from]));
      }),
      { numRuns: 40 },
    );
  });

  it("well-separated segments are found from any seed", () => {
    const { values, truth } = blobs([[0, 0], [10, 10], [-10, 10], [10, -10], [-10, -10]], 40, 1, 7);
    for (const seed of [0, 1, 2, 99]) {
      expect(adjustedRandIndex(kmeans(values, 200, 2, 5, { seed, restarts: 1 }).labels, truth)).toBe(1);
    }
  });
});

describe("kmeans, inputs and control", () => {
  const values = Float64Array.of(0, 1, 2, 10, 11, 12);

  it("rejects what it cannot cluster, saying what to fix", () => {
    expectSegmentError(() => kmeans(values, 6, 1, 0), "out-of-range", "k must be a whole number ≥ 1");
    expectSegmentError(() => kmeans(values, 6, 1, 7), "out-of-range", "need at least 7 items");
    expectSegmentError(() => kmeans(values, 5, 1, 2), "invalid-input", "need 5 values; got 6");
    expectSegmentError(() => kmeans(Float64Array.of(1, NaN, 3), 3, 1, 2), "invalid-input", "item 2, dimension 1 is NaN");
    expectSegmentError(() => kmeans(Float64Array.of(1, 1, 1, 2), 4, 1, 3), "invalid-input", "only 2 distinct point(s)");
    expectSegmentError(() => kmeans(values, 6, 1, 2, { seed: 1.5 }), "invalid-input", "seed must be a whole number");
    expectSegmentError(() => kmeans(values, 6, 1, 2, { restarts: 0 }), "out-of-range", "restarts");
    expectSegmentError(() => kmeans(values, 6, 1, 2, { initialCentroids: Float64Array.of(1, 2), restarts: 2 }), "invalid-input", "restarts = 1");
  });

  it("reports progress up to 1 and stops when the signal is aborted", () => {
    const progress: number[] = [];
    kmeans(values, 6, 1, 2, { onProgress: (f) => progress.push(f) });
    expect(progress[progress.length - 1]).toBe(1);
    for (let i = 1; i < progress.length; i++) expect(progress[i]).toBeGreaterThanOrEqual(progress[i - 1]);
    const signal = { aborted: false };
    expect(() =>
      kmeans(values, 6, 1, 2, { signal, onProgress: (f) => { if (f > 0.3) signal.aborted = true; } }),
    ).toThrow(ClusteringCancelled);
  });
});
