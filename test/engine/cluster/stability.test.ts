import { adjustedRandIndex, assessStability, stabilityVerdict } from "../../../src/engine/cluster/stability";
import { blobs, readClusterReference } from "../../support/clusterData";

describe("adjustedRandIndex (Hubert & Arabie 1985)", () => {
  it("worked examples", () => {
    expect(adjustedRandIndex([0, 0, 1, 1], [0, 0, 1, 1])).toBe(1);
    expect(adjustedRandIndex([0, 0, 1, 1], [1, 1, 0, 0])).toBe(1); // the numbers don't matter
    // Pairs together: index 1; rows 1, columns 2, C(4,2) = 6: expected 1/3, max 3/2 → (2/3)/(7/6) = 4/7.
    expect(adjustedRandIndex([0, 0, 1, 2], [0, 0, 1, 1])).toBeCloseTo(4 / 7, 15);
    expect(adjustedRandIndex([0, 0, 1, 1], [0, 1, 0, 1])).toBeCloseTo(-0.5, 15);
    expect(adjustedRandIndex([0, 0, 0, 0], [0, 1, 2, 3])).toBe(0);
    expect(adjustedRandIndex([0, 0, 0], [5, 5, 5])).toBe(1);
  });

  it("equals scikit-learn's adjusted_rand_score on real labellings (k-means vs Ward, Wholesale customers)", () => {
    const { k4, ward4 } = readClusterReference().wholesale;
    expect(adjustedRandIndex(k4.labels, ward4.labels)).toBeCloseTo(ward4.kmeansAgreement, 14);
  });
});

describe("assessStability", () => {
  it("well-separated segments agree across seeds", () => {
    const { values } = blobs([[0, 0], [12, 0], [0, 12]], 30, 1, 5);
    const result = assessStability(values, 90, 2, 3, { runs: 4 });
    expect(result.meanAgreement).toBe(1);
    expect(result.verdict).toBe("stable");
    expect(result.inertias).toHaveLength(4);
  });

  it("structureless data split into many segments does not", () => {
    const { values } = blobs([[0, 0]], 300, 1, 9);
    const result = assessStability(values, 300, 2, 6, { runs: 5 });
    expect(result.meanAgreement).toBeLessThan(0.9);
    expect(result.minimumAgreement).toBeLessThanOrEqual(result.meanAgreement);
  });

  it("words for the agreement", () => {
    expect([0.95, 0.9, 0.8, 0.5].map(stabilityVerdict)).toEqual(["stable", "stable", "fairly stable", "unstable"]);
  });
});
