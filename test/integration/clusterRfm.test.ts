/**
 * Clustering on real customers: recency, frequency and monetary value (RFM) per customer of the UCI
 * "Online Retail" file (Chen, Sain & Guo 2012), by the rules in test/support/rfm.ts, against
 * scikit-learn's results on the same features (scripts/reference/cluster_sklearn.py computes the RFM
 * table separately in Python; its output is committed in test/fixtures/cluster-sklearn.reference.json).
 */
import { kmeans } from "../../src/engine/cluster/kmeans";
import { prepareFeatures } from "../../src/engine/cluster/prepare";
import { profileSegments } from "../../src/engine/cluster/profile";
import { clusterItems } from "../../src/engine/cluster/segment";
import { adjustedRandIndex } from "../../src/engine/cluster/stability";
import { readClusterReference } from "../support/clusterData";
import { readOnlineRetailRfm, RfmTable } from "../support/rfm";

describe("real data: RFM segments of online-retail customers", () => {
  const reference = readClusterReference().rfm;
  let rfm: RfmTable;

  beforeAll(() => {
    rfm = readOnlineRetailRfm();
  });

  it("the RFM table matches the independent Python computation", () => {
    expect(rfm.lines).toBe(reference.lines);
    expect(rfm.customers).toHaveLength(reference.customers);
    expect(rfm.referenceDay).toBe(reference.referenceDay);
    const sums = [0, 0, 0];
    for (let i = 0; i < rfm.customers.length; i++) for (let t = 0; t < 3; t++) sums[t] += rfm.values[i * 3 + t];
    expect(sums[0]).toBe(reference.sums[0]);
    expect(sums[1]).toBe(reference.sums[1]);
    expect(sums[2]).toBeCloseTo(reference.sums[2], 6);
  });

  it("k-means on log1p + z-score, k = 4, 20 restarts: inertia within 0.1% of scikit-learn's, the same segments", () => {
    const prepared = prepareFeatures(rfm.values, rfm.customers.length, 3, { transforms: "log1p", outliers: "keep" });
    const result = kmeans(prepared.values, prepared.itemCount, 3, 4, { restarts: reference.k4.nInit });
    expect(result.inertia).toBeLessThanOrEqual(reference.k4.inertia * 1.001);
    // RFM has several near-equal minima (inertias within 0.01%): segment sizes agree to a few percent,
    // and nearly every customer is in the same segment.
    Array.from(result.sizes).forEach((size, j) => expect(Math.abs(size - reference.k4.sizes[j])).toBeLessThan(0.03 * reference.k4.sizes[j]));
    expect(adjustedRandIndex(result.labels, reference.k4.labels)).toBeGreaterThan(0.9);
  });

  it("the segments get the names an RFM analyst would give them", () => {
    const dimensions = ["recency", "frequency", "monetary"];
    const result = clusterItems(rfm.values, rfm.customers.length, 3, 4, { dimensions, transforms: "log1p" });
    const profile = profileSegments(rfm.values, rfm.customers.length, 3, result.segment, 4, { dimensions, revenueDimension: 2 });
    const byRevenue = profile.segments.slice().sort((a, b) => b.shareOfRevenue - a.shareOfRevenue);
    const byRecency = profile.segments.slice().sort((a, b) => b.position[0] - a.position[0]);
    // The best customers: bought recently, often, and most; the lapsed: long ago, seldom, little.
    expect(byRevenue[0].name).toMatch(/^recent · (very )?frequent · (very )?high monetary$/i);
    expect(byRevenue[0].shareOfRevenue).toBeGreaterThan(0.5);
    expect(byRecency[0].name).toMatch(/^(long )?lapsed · (rare|occasional) · (very )?low monetary$/i);
    expect(profile.segments.reduce((sum, s) => sum + s.shareOfRevenue, 0)).toBeCloseTo(1, 12);
  });
});
