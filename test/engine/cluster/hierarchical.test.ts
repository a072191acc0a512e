import { MAX_WARD_ITEMS, wardClustering } from "../../../src/engine/cluster/hierarchical";
import { prepareFeatures } from "../../../src/engine/cluster/prepare";
import { adjustedRandIndex } from "../../../src/engine/cluster/stability";
import { readClusterReference, readWholesale } from "../../support/clusterData";
import { expectSegmentError } from "../../support/segmentError";

describe("wardClustering (Ward 1963)", () => {
  it("worked example on a line: 0, 1, 5, 6, 20", () => {
    // Ward distance of groups a, b: √(2·na·nb/(na + nb))·|ca − cb|.
    // {0}+{1}: 1; {5}+{6}: 1; {0,1}+{5,6}: √2·5; {0,1,5,6}+{20}: √(8/5)·17.
    const result = wardClustering(Float64Array.of(0, 1, 5, 6, 20), 5, 1, 2);
    expect(result.merges.map((m) => m.height)).toEqual([1, 1, Math.sqrt(2) * 5, Math.sqrt(8 / 5) * 17].map((h) => expect.closeTo(h, 12)));
    expect(result.merges.map((m) => m.size)).toEqual([2, 2, 4, 5]);
    expect(result.merges[3]).toMatchObject({ left: 4, right: 7 }); // item 20 joins the group made third (id 5 + 2)
    expect(Array.from(result.labels)).toEqual([0, 0, 0, 0, 1]);
    expect(Array.from(wardClustering(Float64Array.of(0, 1, 5, 6, 20), 5, 1, 3).labels)).toEqual([0, 0, 1, 1, 2]);
    expect(Array.from(result.order).sort()).toEqual([0, 1, 2, 3, 4]);
  });

  it("agrees with scikit-learn's AgglomerativeClustering and SciPy's linkage heights (Wholesale customers)", () => {
    const { ward4 } = readClusterReference().wholesale;
    const prepared = prepareFeatures(readWholesale().values, 440, 6, { transforms: "log1p", outliers: "keep" });
    const result = wardClustering(prepared.values, 440, 6, 4);
    expect(adjustedRandIndex(result.labels, ward4.labels)).toBe(1);
    result.merges.slice(-5).forEach((merge, i) => expect(merge.height).toBeCloseTo(ward4.topHeights[i], 10));
    expect(Array.from(result.sizes).reduce((a, b) => a + b, 0)).toBe(440);
  });

  it("is for small sets", () => {
    const n = MAX_WARD_ITEMS + 1;
    expectSegmentError(() => wardClustering(new Float64Array(n), n, 1, 2), "out-of-range", "use k-means");
    expectSegmentError(() => wardClustering(Float64Array.of(1, 2), 2, 1, 3), "out-of-range", "k must be");
  });
});
