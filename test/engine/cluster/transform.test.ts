import { prepareFeatures } from "../../../src/engine/cluster/prepare";
import { applyTransform, MAX_RANK_KNOTS } from "../../../src/engine/cluster/transform";

const column = (prepared: { values: Float64Array; dimensionCount: number }, t: number) =>
  Array.from(prepared.values).filter((_, i) => i % prepared.dimensionCount === t);

describe("transforms", () => {
  it("log1p is the symmetric log: sign(x)·ln(1 + |x|), so net returns keep their order", () => {
    expect(applyTransform({ kind: "log1p" }, 0)).toBe(0);
    expect(applyTransform({ kind: "log1p" }, Math.E - 1)).toBeCloseTo(1, 15);
    expect(applyTransform({ kind: "log1p" }, -3)).toBeCloseTo(-Math.log(4), 15);
  });

  it("rank: mid-rank fractions, ties share one, new values interpolate between knots", () => {
    const prepared = prepareFeatures(Float64Array.of(10, 20, 20, 30), 4, 1, { transforms: "rank", scaling: "none", outliers: "keep" });
    // 10: (0 + ½)/4; 20: (1 + 2/2)/4; 30: (3 + ½)/4.
    expect(column(prepared, 0)).toEqual([0.125, 0.5, 0.5, 0.875]);
    const state = prepared.preparation.transforms[0];
    expect(applyTransform(state, 25)).toBeCloseTo(0.6875, 15);
    expect(applyTransform(state, -1)).toBe(0.125);
    expect(applyTransform(state, 99)).toBe(0.875);
  });

  it("rank keeps at most MAX_RANK_KNOTS knots and stays monotone", () => {
    const n = 5000;
    const values = Float64Array.from({ length: n }, (_, i) => (i * 7919) % n);
    const prepared = prepareFeatures(values, n, 1, { transforms: "rank", scaling: "none" });
    const state = prepared.preparation.transforms[0];
    if (state.kind !== "rank") throw new Error("expected a rank transform");
    expect(state.values).toHaveLength(MAX_RANK_KNOTS);
    for (let v = 1; v < n; v++) expect(applyTransform(state, v)).toBeGreaterThanOrEqual(applyTransform(state, v - 1));
    expect(applyTransform(state, 0)).toBeCloseTo(0.5 / n, 15);
    expect(applyTransform(state, n - 1)).toBeCloseTo((n - 0.5) / n, 15);
  });
});

