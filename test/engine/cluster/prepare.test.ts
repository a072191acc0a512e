import fc from "fast-check";
import { applyPreparation, prepareFeatures } from "../../../src/engine/cluster/prepare";
import { expectSegmentError } from "../../support/segmentError";

const column = (prepared: { values: Float64Array; dimensionCount: number }, t: number) =>
  Array.from(prepared.values).filter((_, i) => i % prepared.dimensionCount === t);

describe("prepareFeatures, scaling worked by hand", () => {
  it("z-score: mean 2.5 and population standard deviation √1.25 of {1, 2, 3, 4}", () => {
    const prepared = prepareFeatures(Float64Array.of(1, 2, 3, 4), 4, 1, { outliers: "keep" });
    const sd = Math.sqrt(1.25);
    column(prepared, 0).forEach((z, i) => expect(z).toBeCloseTo((i + 1 - 2.5) / sd, 14));
    expect(prepared.preparation.scaler).toEqual({ method: "zscore", center: [2.5], scale: [sd] });
  });

  it("robust: median 3 and IQR 4 − 2 of {1, 2, 3, 4, 100}; the far-out 100 is clipped to Q3 + 3·IQR = 10", () => {
    const values = Float64Array.of(1, 2, 3, 4, 100);
    const kept = prepareFeatures(values, 5, 1, { scaling: "robust", outliers: "keep" });
    expect(column(kept, 0)).toEqual([-1, -0.5, 0, 0.5, 48.5]);
    const clipped = prepareFeatures(values, 5, 1, { scaling: "robust" });
    expect(column(clipped, 0)).toEqual([-1, -0.5, 0, 0.5, 3.5]);
    expect(clipped.preparation.outliers.low).toEqual([2 - 6]);
    expect(clipped.preparation.outliers.high).toEqual([10]);
    expect(clipped.report.clipped).toEqual([1]);
    expect(clipped.report.notes.join(" ")).toContain("1 value(s) of dimension 1 clipped");
  });

  it("min-max to [0, 1] and none", () => {
    expect(column(prepareFeatures(Float64Array.of(2, 4, 6), 3, 1, { scaling: "minmax" }), 0)).toEqual([0, 0.5, 1]);
    expect(column(prepareFeatures(Float64Array.of(2, 4, 6), 3, 1, { scaling: "none" }), 0)).toEqual([2, 4, 6]);
  });

  it("a weight of 4 doubles the scaled value, so the dimension's squared distances count 4 times", () => {
    const values = Float64Array.of(1, 10, 2, 20, 3, 30);
    const plain = prepareFeatures(values, 3, 2, { scaling: "minmax" });
    const weighted = prepareFeatures(values, 3, 2, { scaling: "minmax", weights: [1, 4] });
    expect(column(weighted, 0)).toEqual(column(plain, 0));
    expect(column(weighted, 1)).toEqual(column(plain, 1).map((v) => 2 * v));
  });

  it("a constant dimension is left unscaled and reported", () => {
    const prepared = prepareFeatures(Float64Array.of(1, 7, 2, 7, 3, 7), 3, 2, { dimensions: ["volume", "region"] });
    expect(column(prepared, 1)).toEqual([0, 0, 0]);
    expect(prepared.report.constant).toEqual(["region"]);
    expect(prepared.report.notes.join(" ")).toContain("region has the same value for every item");
  });
});

describe("missing values", () => {
  const values = Float64Array.of(1, 10, NaN, 20, 3, NaN, 5, 40);

  it("exclude (the default): items with a missing value are left out and counted", () => {
    const prepared = prepareFeatures(values, 4, 2);
    expect(prepared.itemCount).toBe(2);
    expect(Array.from(prepared.rows)).toEqual([0, 3]);
    expect(prepared.report.excludedForMissing).toBe(2);
    expect(prepared.report.notes[0]).toContain("2 item(s) left out");
  });

  it("median: a missing value takes its dimension's median in original units", () => {
    const prepared = prepareFeatures(values, 4, 2, { missing: "median", scaling: "none", outliers: "keep" });
    expect(prepared.itemCount).toBe(4);
    expect(prepared.preparation.missing.fill).toEqual([3, 20]);
    expect(Array.from(prepared.values)).toEqual([1, 10, 3, 20, 3, 20, 5, 40]);
    expect(prepared.report.filled).toEqual([1, 1]);
  });

  it("refuses what cannot be prepared, saying what to do", () => {
    expectSegmentError(() => prepareFeatures(Float64Array.of(NaN, 1, NaN, 2), 2, 2), "invalid-input", "dimension 1 has no values at all");
    expectSegmentError(() => prepareFeatures(Float64Array.of(NaN, 1, 2, NaN), 2, 2), "invalid-input", "every item has a missing value");
    expectSegmentError(() => prepareFeatures(Float64Array.of(1, Infinity), 2, 1), "invalid-input", "item 2, dimension 1 is Infinity");
    expectSegmentError(() => prepareFeatures(Float64Array.of(1, 2), 2, 1, { weights: [-1] }), "invalid-input", "weight 1 must be a number ≥ 0");
    expectSegmentError(() => prepareFeatures(Float64Array.of(1, 2), 1, 2, { weights: [0, 0] }), "invalid-input", "at least one weight");
    expectSegmentError(() => prepareFeatures(Float64Array.of(1, 2), 1, 2, { weights: [1] }), "invalid-input", "one weight per dimension (2)");
    expectSegmentError(() => prepareFeatures(Float64Array.of(1, 2), 2, 1, { scaling: "log" as never }), "invalid-input", 'scaling must be "zscore"');
    expectSegmentError(() => prepareFeatures(Float64Array.of(1, 2), 1, 2, { dimensions: ["a", "a"] }), "invalid-input", "distinct");
  });
});

describe("applyPreparation repeats the clustering's preparation exactly", () => {
  it("re-preparing the original items gives the same numbers, bit for bit", () => {
    const row = fc.tuple(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.double({ min: 0, max: 1e4, noNaN: true }), fc.constantFrom(NaN, 1, 2, 3));
    fc.assert(
      fc.property(
        fc.array(row, { minLength: 2, maxLength: 40 }),
        fc.constantFrom("zscore", "robust", "minmax", "none" as const),
        fc.constantFrom("exclude", "median" as const),
        fc.constantFrom("none", "log1p", "rank" as const),
        (rows, scaling, missing, transform) => {
          const values = Float64Array.from(rows.flat());
          fc.pre(rows.some((r) => !Number.isNaN(r[2])));
          fc.pre(missing === "median" || rows.some((r) => !Number.isNaN(r[2])));
          const prepared = prepareFeatures(values, rows.length, 3, { scaling, missing, transforms: transform, weights: [1, 2, 0.5] });
          const again = applyPreparation(JSON.parse(JSON.stringify(prepared.preparation)), values, rows.length);
          expect(Array.from(again.rows)).toEqual(Array.from(prepared.rows));
          expect(Array.from(again.values)).toEqual(Array.from(prepared.values));
        },
      ),
    );
  });
});
