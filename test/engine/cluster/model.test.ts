import fc from "fast-check";
import { ASSIGNED, assignToModel, MISSING_VALUE, validateClusterModel } from "../../../src/engine/cluster/model";
import { clusterItems } from "../../../src/engine/cluster/segment";
import { blobs } from "../../support/clusterData";
import { expectSegmentError } from "../../support/segmentError";

describe("clusterItems and its model", () => {
  it("segments raw items end to end and leaves out items with a missing value", () => {
    const { values, truth } = blobs([[100, 1], [1000, 5], [5000, 2]], 20, 0.02, 11);
    for (let i = 0; i < values.length; i += 2) values[i] *= 1 + 0.01 * Math.sin(i); // revenue-like spread
    values[5 * 2 + 1] = NaN;
    const result = clusterItems(values, 60, 2, 3, { dimensions: ["revenue", "orders"], transforms: ["log1p", "none"] });
    expect(result.segment[5]).toBe(-1);
    expect(result.report.excludedForMissing).toBe(1);
    expect(Array.from(result.sizes)).toEqual([20, 20, 19]);
    for (let i = 0; i < 60; i++) {
      if (i === 5) continue;
      for (let j = 0; j < 60; j++) if (j !== 5 && truth[i] === truth[j]) expect(result.segment[i]).toBe(result.segment[j]);
    }
    expect(result.model.dimensions).toEqual(["revenue", "orders"]);
    expect(result.model.centroids).toHaveLength(3);
  });

  it("the model survives JSON and assigns the original items exactly as the clustering did", () => {
    const row = fc.tuple(fc.integer({ min: -500, max: 5000 }), fc.integer({ min: 0, max: 300 }), fc.constantFrom(NaN, 0, 1, 2.5, 40));
    fc.assert(
      fc.property(
        fc.array(row, { minLength: 6, maxLength: 50 }),
        fc.integer({ min: 1, max: 4 }),
        fc.record({
          scaling: fc.constantFrom("zscore", "robust", "minmax", "none" as const),
          missing: fc.constantFrom("exclude", "median" as const),
          transforms: fc.constantFrom("none", "log1p", "rank" as const),
          outliers: fc.constantFrom("clip", "keep" as const),
          seed: fc.integer({ min: 0, max: 50 }),
        }),
        (rows, k, options) => {
          const values = Float64Array.from(rows.flat());
          let result;
          try {
            result = clusterItems(values, rows.length, 3, k, { ...options, weights: [1, 2, 0.5], restarts: 2 });
          } catch {
            return fc.pre(false); // too few distinct items for k, or every item missing a value
          }
          const model = validateClusterModel(JSON.parse(JSON.stringify(result.model)));
          const assigned = assignToModel(model, values, rows.length);
          expect(Array.from(assigned.segment)).toEqual(Array.from(result.segment));
          const asRows = assignToModel(model, rows.map((r) => r.slice()));
          expect(Array.from(asRows.segment)).toEqual(Array.from(result.segment));
          result.segment.forEach((s, i) => expect(assigned.status[i]).toBe(s < 0 ? MISSING_VALUE : ASSIGNED));
        },
      ),
      { numRuns: 120 },
    );
  });

  it("assigns new items, and says which had a missing value", () => {
    const { values } = blobs([[0, 0], [10, 10]], 10, 0.5, 2);
    const { model } = clusterItems(values, 20, 2, 2);
    const near = (x: number, y: number) => assignToModel(model, [[x, y]]).segment[0];
    expect(near(0.2, -0.1)).toBe(near(0, 0));
    expect(near(9.5, 10.4)).not.toBe(near(0, 0));
    const missing = assignToModel(model, [[NaN, 1]]);
    expect(missing.segment[0]).toBe(-1);
    expect(missing.status[0]).toBe(MISSING_VALUE);
    expectSegmentError(() => assignToModel(model, [[1, 2, 3]]), "invalid-input", "item 1 must have 2 values");
  });

  it("validateClusterModel names what is wrong", () => {
    const { values } = blobs([[0, 0], [10, 10]], 5, 0.5, 2);
    const good = JSON.parse(JSON.stringify(clusterItems(values, 10, 2, 2).model));
    expect(validateClusterModel(good)).toEqual(good);
    expectSegmentError(() => validateClusterModel(null), "invalid-input", "expected an object");
    expectSegmentError(() => validateClusterModel({ ...good, format: "x" }), "invalid-input", "format");
    expectSegmentError(() => validateClusterModel({ ...good, weights: [1] }), "invalid-input", "weights must have 2 entries");
    expectSegmentError(() => validateClusterModel({ ...good, centroids: [[1, "a"]] }), "invalid-input", "centroid 1");
    expectSegmentError(() => validateClusterModel({ ...good, scaler: { ...good.scaler, scale: [1, 0] } }), "invalid-input", "above 0");
    expectSegmentError(() => validateClusterModel({ ...good, transforms: [{ kind: "sqrt" }, { kind: "none" }] }), "invalid-input", "kind");
  });
});
