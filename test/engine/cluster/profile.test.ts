import { profileSegments } from "../../../src/engine/cluster/profile";
import { expectSegmentError } from "../../support/segmentError";

describe("profileSegments", () => {
  // Six customers: revenue, orders. Segment 0 = the three big ones, segment 1 = the small ones; one left out.
  const values = Float64Array.of(1000, 40, 1200, 50, 900, NaN, 10, 2, 20, 3, 15, 1, 500, 5);
  const segment = Int32Array.of(0, 0, 0, 1, 1, 1, -1);

  it("sizes, shares, means in original units, medians and positions, worked by hand", () => {
    const result = profileSegments(values, 7, 2, segment, 2, { dimensions: ["Revenue", "Orders"], revenueDimension: 0 });
    expect(result.items).toBe(6);
    const [big, small] = result.segments;
    expect(big.size).toBe(3);
    expect(big.shareOfItems).toBe(0.5);
    // Revenue total 1000 + 1200 + 900 + 10 + 20 + 15 = 3145.
    expect(big.shareOfRevenue).toBeCloseTo(3100 / 3145, 15);
    expect(small.shareOfRevenue).toBeCloseTo(45 / 3145, 15);
    expect(big.mean).toEqual([3100 / 3, 45]); // the missing orders value is left out of the mean
    expect(big.median).toEqual([1000, 45]);
    // Median revenue 1000 among 6 values: 4 below, itself once → (4 + ½)/6. Orders: 45 among 5 values, 4 below → 4/5.
    expect(big.position).toEqual([4.5 / 6, 4 / 5]);
    expect(small.position).toEqual([1.5 / 6, 1.5 / 5]);
    expect(big.name).toBe("High revenue · frequent");
    expect(small.name).toBe("Low revenue · occasional");
  });

  it("without a revenue dimension the share is NaN; an empty segment is named so", () => {
    const result = profileSegments(values, 7, 2, segment, 3);
    expect(result.segments[0].shareOfRevenue).toBeNaN();
    expect(result.segments[2]).toMatchObject({ size: 0, name: "Empty" });
    expect(result.dimensions).toEqual(["dimension 1", "dimension 2"]);
  });

  it("checks its input", () => {
    expectSegmentError(() => profileSegments(values, 7, 2, Int32Array.of(0), 2), "invalid-input", "one segment per item");
    expectSegmentError(() => profileSegments(values, 7, 2, Int32Array.of(0, 0, 0, 5, 1, 1, -1), 2), "invalid-input", "item 4 has segment 5");
    expectSegmentError(() => profileSegments(values, 7, 2, segment, 2, { revenueDimension: 2 }), "invalid-input", "revenueDimension");
  });
});
