import { KSelectRow, recommend, selectK, selectKForItems } from "../../../src/engine/cluster/kselect";
import { prepareFeatures } from "../../../src/engine/cluster/prepare";
import { blobs, readClusterReference, readWholesale } from "../../support/clusterData";
import { expectSegmentError } from "../../support/segmentError";

const row = (k: number, silhouette: number, marginalGain = 0.1, stability = 1): KSelectRow => ({ k, inertia: 100 / k, silhouette, marginalGain, stability });

describe("recommend: the highest silhouette, ties within 0.02 to the smaller k", () => {
  it("takes the best silhouette and says what the next segment adds", () => {
    const { recommended, reason } = recommend([row(2, 0.5), row(3, 0.62), row(4, 0.61, 0.031), row(5, 0.4)]);
    expect(recommended).toBe(3);
    expect(reason).toBe("k = 3: highest mean silhouette 0.62 (reasonable structure); a 4th segment would explain 3.1% more of the spread");
  });

  it("prefers the simpler k when the best is within 0.02", () => {
    const { recommended, reason } = recommend([row(2, 0.6), row(3, 0.61)]);
    expect(recommended).toBe(2);
    expect(reason).toContain("near-highest");
    expect(reason).toContain("k = 3 scores 0.61, within 0.02 of it, so the simpler choice");
  });

  it("warns when the starts disagree", () => {
    expect(recommend([row(2, 0.3, 0.2, 0.6)]).reason).toContain("careful: k-means starts agree only 0.60");
  });
});

describe("selectK", () => {
  it("finds the number of well-separated segments", () => {
    const { values } = blobs([[0, 0], [10, 0], [0, 10], [10, 10]], 50, 0.8, 3);
    const result = selectK(values, 200, 2, { kMin: 2, kMax: 6, restarts: 4 });
    expect(result.rows.map((r) => r.k)).toEqual([2, 3, 4, 5, 6]);
    expect(result.recommended).toBe(4);
    const four = result.rows[2];
    expect(four.silhouette).toBeGreaterThan(0.7);
    expect(four.stability).toBe(1);
    // The marginal gains add up to the share of the spread explained by 6 segments.
    const explained = result.rows.reduce((sum, r) => sum + r.marginalGain, 0);
    expect(explained).toBeCloseTo(1 - result.rows[4].inertia / result.totalSumOfSquares, 12);
    expect(result.rows[0].marginalGain).toBeCloseTo(1 - result.rows[0].inertia / result.totalSumOfSquares, 12);
  });

  it("on Wholesale customers: inertia and silhouette close to scikit-learn's at equal restarts", () => {
    const reference = readClusterReference().wholesale;
    const prepared = prepareFeatures(readWholesale().values, 440, 6, { transforms: "log1p", outliers: "keep" });
    const result = selectK(prepared.values, 440, 6, { restarts: 20 });
    expect(result.totalSumOfSquares).toBeCloseTo(reference.totalSumOfSquares, 9);
    result.rows.forEach((r, i) => {
      const sk = reference.sweep[i];
      expect(r.k).toBe(sk.k);
      // Different random starts can settle in different local minima; within 1%, and no better than chance allows.
      expect(Math.abs(r.inertia / sk.inertia - 1)).toBeLessThan(0.01);
      expect(Math.abs(r.silhouette - sk.silhouette)).toBeLessThan(0.02);
    });
    expect(result.recommended).toBe(2); // scikit-learn's silhouettes also peak at k = 2 (0.29)
  });

  it("kMin above 2 still reports the marginal gain of kMin", () => {
    const { values } = blobs([[0, 0], [10, 0], [0, 10]], 30, 1, 4);
    const result = selectKForItems(values, 90, 2, { kMin: 3, kMax: 4, restarts: 2 });
    expect(result.rows.map((r) => r.k)).toEqual([3, 4]);
    expect(result.rows[0].marginalGain).toBeGreaterThan(0);
    expect(result.report.prepared).toBe(90);
  });

  it("checks its range", () => {
    const values = Float64Array.of(0, 1, 2, 3, 4);
    expectSegmentError(() => selectK(values, 5, 1, { kMin: 1 }), "out-of-range", "kMin must be a whole number ≥ 2");
    expectSegmentError(() => selectK(values, 5, 1, { kMin: 3, kMax: 2 }), "out-of-range", "kMax must be");
    expectSegmentError(() => selectK(values, 5, 1, { kMax: 5 }), "out-of-range", "needs at least 6 items");
    expectSegmentError(() => selectK(Float64Array.of(1, 2), 2, 1), "invalid-input", "at least 3 items");
  });
});
