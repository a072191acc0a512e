import { meanSilhouette, sampleRows } from "../../../src/engine/cluster/silhouette";
import { prepareFeatures } from "../../../src/engine/cluster/prepare";
import { readClusterReference, readWholesale } from "../../support/clusterData";

describe("meanSilhouette (Rousseeuw 1987)", () => {
  it("worked example: {0, 1} and {4, 5} on a line", () => {
    // 0: a = 1, b = (4 + 5)/2 = 4.5 → 3.5/4.5; 1: a = 1, b = 3.5 → 2.5/3.5; 4 and 5 mirror them.
    const expected = (3.5 / 4.5 + 2.5 / 3.5) / 2;
    expect(meanSilhouette(Float64Array.of(0, 1, 4, 5), 4, 1, Int32Array.of(0, 0, 1, 1))).toBeCloseTo(expected, 15);
  });

  it("an item alone in its segment scores 0", () => {
    // 3: a = 1, b = 3 → 2/3; 4: a = 1, b = 4 → 3/4.
    expect(meanSilhouette(Float64Array.of(0, 3, 4), 3, 1, Int32Array.of(0, 1, 1))).toBeCloseTo((2 / 3 + 3 / 4) / 3, 15);
  });

  it("is NaN with a single segment", () => {
    expect(meanSilhouette(Float64Array.of(0, 1, 2), 3, 1, Int32Array.of(2, 2, 2))).toBeNaN();
  });

  it("equals scikit-learn's silhouette_score on Wholesale customers, k = 4", () => {
    const reference = readClusterReference().wholesale;
    const prepared = prepareFeatures(readWholesale().values, 440, 6, { transforms: "log1p", outliers: "keep" });
    expect(meanSilhouette(prepared.values, 440, 6, Int32Array.from(reference.k4.labels))).toBeCloseTo(reference.k4.silhouette, 12);
  });
});

describe("sampleRows", () => {
  it("draws distinct rows in increasing order, the same for the same seed", () => {
    const rows = sampleRows(1000, 50, 3);
    expect(rows).toHaveLength(50);
    expect(new Set(rows).size).toBe(50);
    for (let i = 1; i < rows.length; i++) expect(rows[i]).toBeGreaterThan(rows[i - 1]);
    expect(Array.from(sampleRows(1000, 50, 3))).toEqual(Array.from(rows));
    expect(Array.from(sampleRows(1000, 50, 4))).not.toEqual(Array.from(rows));
    expect(Array.from(sampleRows(3, 10, 0))).toEqual([0, 1, 2]);
  });
});
