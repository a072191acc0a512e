import fc from "fast-check";
import { quantilesInPlace } from "../../../src/engine/stats/quantile";
import { expectSegmentError } from "../../support/segmentError";

describe("quantilesInPlace (Hyndman & Fan definition 7, Excel QUARTILE.INC)", () => {
  it("matches Excel: QUARTILE.INC({1,2,4,7,11,16,22}, 1..3) = 3, 7, 13.5", () => {
    // h = 6p: Q1 → h 1.5 → 2 + 0.5·(4 − 2) = 3; median → x[3] = 7; Q3 → h 4.5 → 11 + 0.5·(16 − 11) = 13.5.
    expect(quantilesInPlace(Float64Array.of(22, 1, 16, 4, 11, 2, 7), [0.25, 0.5, 0.75])).toEqual([3, 7, 13.5]);
  });

  it("handles one value, ties and the extremes", () => {
    expect(quantilesInPlace(Float64Array.of(5), [0, 0.5, 1])).toEqual([5, 5, 5]);
    expect(quantilesInPlace(Float64Array.of(3, 3, 3, 1), [0.5])).toEqual([3]);
    expect(quantilesInPlace(Float64Array.of(4, 1, 3, 2), [0, 1, 0.5])).toEqual([1, 4, 2.5]);
    expect(quantilesInPlace(new Float64Array(0), [0.5])[0]).toBeNaN();
    expectSegmentError(() => quantilesInPlace(Float64Array.of(1), [1.5]), "invalid-input", "between 0 and 1");
  });

  it("equals interpolation on the sorted values, whatever the order", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 200 }),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 5 }),
        (values, probabilities) => {
          const sorted = values.slice().sort((a, b) => a - b);
          const expected = probabilities.map((p) => {
            const h = (sorted.length - 1) * p;
            const low = Math.floor(h);
            return low + 1 < sorted.length ? sorted[low] + (h - low) * (sorted[low + 1] - sorted[low]) : sorted[low];
          });
          const got = quantilesInPlace(Float64Array.from(values), probabilities);
          got.forEach((q, i) => expect(q).toBeCloseTo(expected[i], 6));
        },
      ),
    );
  });
});
