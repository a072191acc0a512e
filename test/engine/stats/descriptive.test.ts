import fc from "fast-check";
import {
  coefficientOfVariation,
  countObserved,
  mean,
  standardDeviation,
  sum,
  variance,
} from "../../../src/engine/stats/descriptive";
import { errorOf } from "../../support/segmentError";


describe("descriptive statistics, worked examples", () => {
  // Microsoft Support, "STDEV function" (same example on the STDEV.S page): breaking strength of 10 tools
  // stamped from one machine; =STDEV(...) → 27.46391572.
  // By hand: mean = 13286 / 10 = 1328.6; deviations 16.4, −27.6, 39.4, −6.6, −18.6, 41.4, −10.6, 21.4,
  // −25.6, −29.6; squares sum to 6788.4; sample variance 6788.4 / 9 = 754.2667 → √ = 27.4639;
  // population variance 6788.4 / 10 = 678.84 → √ = 26.0546 (Excel STDEV.P).
  const strength = Float64Array.of(1345, 1301, 1368, 1322, 1310, 1370, 1318, 1350, 1303, 1299);

  it("matches Excel's STDEV.S / STDEV.P example", () => {
    expect(mean(strength)).toBeCloseTo(1328.6, 12);
    expect(variance(strength)).toBeCloseTo(6788.4 / 9, 9);
    expect(standardDeviation(strength)).toBeCloseTo(27.46391572, 8);
    expect(variance(strength, 0, 10, "population")).toBeCloseTo(678.84, 9);
    expect(standardDeviation(strength, 0, 10, "population")).toBeCloseTo(26.05455814, 8);
    expect(coefficientOfVariation(strength)).toBeCloseTo(27.46391572 / 1328.6, 10);
  });

  // Population of eight values 2, 4, 4, 4, 5, 5, 7, 9 (the opening example of Wikipedia's "Standard
  // deviation" article). By hand: mean 40 / 8 = 5; squared deviations 9, 1, 1, 1, 0, 0, 4, 16 = 32;
  // population variance 32 / 8 = 4 → σ = 2; sample variance 32 / 7.
  it("matches the eight-value population example", () => {
    const values = [2, 4, 4, 4, 5, 5, 7, 9];
    expect(standardDeviation(values, 0, 8, "population")).toBe(2);
    expect(variance(values)).toBeCloseTo(32 / 7, 14);
    expect(coefficientOfVariation(values, 0, 8, "population")).toBeCloseTo(0.4, 14);
  });

  // Shifted data from Wikipedia's "Algorithms for calculating variance": 4, 7, 13, 16 has sample variance
  // 30 (mean 10; squares 36 + 9 + 9 + 36 = 90; 90 / 3). Adding 1e9 must not change it; the naive
  // Σx² − (Σx)²/n formula loses every digit here.
  it("keeps precision when the mean is large against the spread", () => {
    const shifted = Float64Array.of(1e9 + 4, 1e9 + 7, 1e9 + 13, 1e9 + 16);
    expect(variance(shifted)).toBeCloseTo(30, 6);
  });
});

describe("descriptive statistics, slices and missing values", () => {
  it("reads only the slice it is given", () => {
    // Row-major 2 items × 3 periods: the second item is 10, 20, 30.
    const history = Float64Array.of(1, 2, 3, 10, 20, 30);
    expect(sum(history, 3, 3)).toBe(60);
    expect(mean(history, 3, 3)).toBe(20);
    expect(variance(history, 3, 3)).toBe(100);
    expect(countObserved(history, 0, 3)).toBe(3);
    expect(mean(history, 6, 0)).toBeNaN();
  });

  it("skips NaN as a missing observation, not a zero", () => {
    const values = Float64Array.of(4, NaN, 8, NaN);
    expect(countObserved(values)).toBe(2);
    expect(sum(values)).toBe(12);
    expect(mean(values)).toBe(6);
    expect(variance(values)).toBe(8); // (4 + 4) / 1
    expect(variance(values, 0, 4, "population")).toBe(4);
  });

  it("returns NaN where a statistic is undefined", () => {
    expect(mean([])).toBeNaN();
    expect(mean([NaN, NaN])).toBeNaN();
    expect(variance([5])).toBeNaN(); // sample variance needs two values
    expect(variance([5], 0, 1, "population")).toBe(0);
    expect(coefficientOfVariation([0, 0, 0])).toBeNaN(); // mean 0
    expect(coefficientOfVariation([3, 3, 3])).toBe(0);
    expect(sum([NaN])).toBe(0);
  });

  it("rejects a slice outside the array and an unknown deviation", () => {
    const values = Float64Array.of(1, 2, 3);
    const past = errorOf(() => mean(values, 2, 2));
    expect(past.kind).toBe("invalid-input");
    expect(past.message).toBe("the slice start 2, length 2 runs past the end of the 3 values");
    expect(errorOf(() => sum(values, -1, 1)).message).toMatch(/start and length must be whole numbers/);
    expect(errorOf(() => mean(values, 0.5, 1)).kind).toBe("invalid-input");
    const deviation = errorOf(() => variance(values, 0, 3, "both" as never));
    expect(deviation.message).toBe('deviation must be "sample" or "population"; got "both"');
  });
});

describe("descriptive statistics, properties", () => {
  const sample = fc.array(fc.double({ min: 0.001, max: 1e6, noNaN: true }), { minLength: 2, maxLength: 60 });
  const scale = fc.double({ min: 1e-3, max: 1e3, noNaN: true });

  it("the coefficient of variation does not change when the values are scaled", () => {
    fc.assert(
      fc.property(sample, scale, (values, factor) => {
        const scaled = values.map((v) => v * factor);
        const before = coefficientOfVariation(values);
        const after = coefficientOfVariation(scaled);
        expect(Math.abs(after - before)).toBeLessThanOrEqual(1e-9 * Math.max(1, before));
      }),
    );
  });

  it("variance is never negative and does not change when the values are shifted", () => {
    fc.assert(
      fc.property(sample, fc.double({ min: -1e3, max: 1e3, noNaN: true }), (values, shift) => {
        const base = variance(values);
        expect(base).toBeGreaterThanOrEqual(0);
        const moved = variance(values.map((v) => v + shift));
        expect(Math.abs(moved - base)).toBeLessThanOrEqual(1e-7 * Math.max(1, base));
      }),
    );
  });

  it("sample and population variance differ by n / (n − 1)", () => {
    fc.assert(
      fc.property(sample, (values) => {
        const n = values.length;
        const population = variance(values, 0, n, "population");
        const expected = (population * n) / (n - 1);
        expect(Math.abs(variance(values) - expected)).toBeLessThanOrEqual(1e-12 * Math.max(1, expected));
      }),
    );
  });

  it("NaN anywhere gives the same result as leaving the value out", () => {
    fc.assert(
      fc.property(sample, fc.nat(), (values, at) => {
        const withGap = values.slice();
        withGap.splice(at % (values.length + 1), 0, NaN);
        // Same values in the same order: the results are identical, not merely close.
        expect(mean(withGap)).toBe(mean(values));
        expect(standardDeviation(withGap)).toBe(standardDeviation(values));
      }),
    );
  });
});
