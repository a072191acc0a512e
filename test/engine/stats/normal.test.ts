import fc from "fast-check";
import {
  inverseStandardNormalCdf,
  inverseStandardNormalLoss,
  standardNormalCdf,
  standardNormalLoss,
  standardNormalPdf,
} from "../../../src/engine/stats/normal";
import reference from "../../fixtures/normal-reference.json";
import { expectSegmentError } from "../../support/segmentError";

/*
 * test/fixtures/normal-reference.json was generated once (the script is stored in its "generator"
 * field) with Python 3.11: Φ⁻¹ from statistics.NormalDist().inv_cdf (Wichura's AS 241 in double
 * precision), Φ from math.erfc, and, as exact values rounded to double, Φ, Φ⁻¹ and the loss
 * function G(z) = φ(z) − z·(1 − Φ(z)) from mpmath at 60 significant digits.
 */

/** Smallest normal double: below it values are subnormal and carry few significant bits. */
const SMALLEST_NORMAL = 2.2250738585072014e-308;


describe("inverseStandardNormalCdf", () => {
  it("matches Python's NormalDist().inv_cdf within 1e-9 (in fact ~1e-15) over (1e-12, 1 - 1e-12)", () => {
    let worst = 0;
    for (const { p, z } of reference.inverseCdf) {
      const error = Math.abs(inverseStandardNormalCdf(p) - z);
      expect(error).toBeLessThanOrEqual(1e-9);
      worst = Math.max(worst, error);
    }
    expect(worst).toBeLessThanOrEqual(1e-14);
  });

  it("is within a few ulps of the exact quantile", () => {
    for (const { p, zExact } of reference.inverseCdf) {
      expect(Math.abs(inverseStandardNormalCdf(p) - zExact)).toBeLessThanOrEqual(4e-15 * Math.max(1, Math.abs(zExact)));
    }
  });

  it("keeps its relative accuracy far into the lower tail (p down to 5e-324)", () => {
    for (const { p, zExact } of reference.inverseCdfExtremeTail) {
      expect(Math.abs(inverseStandardNormalCdf(p) - zExact)).toBeLessThanOrEqual(1e-14 * Math.abs(zExact));
    }
  });

  it("gives the classic quantiles", () => {
    expect(Math.abs(inverseStandardNormalCdf(0.975) - 1.959963984540054)).toBeLessThanOrEqual(1e-15);
    expect(Math.abs(inverseStandardNormalCdf(0.95) - 1.6448536269514722)).toBeLessThanOrEqual(1e-15);
    expect(inverseStandardNormalCdf(0.5)).toBe(0);
  });

  it("is odd about 1/2 and inverts Φ", () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-12, max: 0.5, noNaN: true }), (p) => {
        // 1 - p rounds; 1 - (1 - p) is then exact, so compare the two quantiles of one pair.
        const upper = 1 - p;
        expect(Math.abs(inverseStandardNormalCdf(upper) + inverseStandardNormalCdf(1 - upper))).toBeLessThanOrEqual(1e-14);
      }),
    );
    fc.assert(
      fc.property(fc.double({ min: -8, max: 8, noNaN: true }), (z) => {
        const p = standardNormalCdf(z);
        fc.pre(p > 1e-300 && p < 1 - 1e-12);
        // dz = dp/φ(z): the round trip is limited by how well the double p pins z down, to one ulp
        // of p (relative below 1/2, but 2.2e-16 absolute just below 1).
        const ulpOfP = p < 0.5 ? 2.3e-16 * p : 2.3e-16;
        const tolerance = 1e-14 * Math.max(1, Math.abs(z)) + (2 * ulpOfP) / standardNormalPdf(z);
        expect(Math.abs(inverseStandardNormalCdf(p) - z)).toBeLessThanOrEqual(tolerance);
      }),
    );
  });

  it("rejects probabilities outside (0, 1) as out-of-range and non-numbers as invalid-input", () => {
    for (const p of [0, 1, -0.1, 1.2]) expectSegmentError(() => inverseStandardNormalCdf(p), "out-of-range", "probability");
    for (const p of [NaN, Infinity, -Infinity, "0.5" as unknown as number]) {
      expectSegmentError(() => inverseStandardNormalCdf(p), "invalid-input", "probability");
    }
  });
});

describe("standardNormalCdf", () => {
  it("matches math.erfc and the exact values to 1e-15 absolute", () => {
    for (const { z, p, pExact } of reference.cdf) {
      expect(Math.abs(standardNormalCdf(z) - pExact)).toBeLessThanOrEqual(1e-15);
      expect(Math.abs(standardNormalCdf(z) - p)).toBeLessThanOrEqual(1e-15);
    }
  });

  it("keeps ~1e-14 relative accuracy in the lower tail", () => {
    for (const { z, pExact } of reference.cdf) {
      if (z > 0 || pExact < SMALLEST_NORMAL) continue;
      expect(Math.abs(standardNormalCdf(z) - pExact)).toBeLessThanOrEqual(2e-14 * pExact);
    }
  });

  it("agrees with Python's math.erfc in the lower tail to the accuracy of its argument -z/√2", () => {
    for (const { z, p } of reference.cdf) {
      if (z > 0 || p < SMALLEST_NORMAL) continue;
      // Rounding -z/√2 perturbs erfc by a relative z²·2⁻⁵³.
      expect(Math.abs(standardNormalCdf(z) - p)).toBeLessThanOrEqual((2e-14 + z * z * 2.3e-16) * p);
    }
  });

  it("is 0 and 1 at the infinities and symmetric: Φ(z) + Φ(-z) = 1", () => {
    expect(standardNormalCdf(-Infinity)).toBe(0);
    expect(standardNormalCdf(Infinity)).toBe(1);
    expect(standardNormalCdf(0)).toBe(0.5);
    fc.assert(
      fc.property(fc.double({ min: -40, max: 40, noNaN: true }), (z) => {
        expect(Math.abs(standardNormalCdf(z) + standardNormalCdf(-z) - 1)).toBeLessThanOrEqual(2.3e-16);
      }),
    );
  });

  it("is non-decreasing", () => {
    fc.assert(
      fc.property(fc.double({ min: -40, max: 40, noNaN: true }), fc.double({ min: -40, max: 40, noNaN: true }), (a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        expect(standardNormalCdf(low)).toBeLessThanOrEqual(standardNormalCdf(high));
      }),
    );
  });

  it("rejects NaN and non-numbers", () => {
    expectSegmentError(() => standardNormalCdf(NaN), "invalid-input", "z");
    expectSegmentError(() => standardNormalCdf(undefined as unknown as number), "invalid-input", "z");
  });
});

describe("standardNormalPdf", () => {
  it("matches exact values (mpmath, 40 digits) to 1e-15 relative", () => {
    const exact: Array<[number, number]> = [
      [0, 0.3989422804014327],
      [1, 0.24197072451914334],
      [-2.5, 0.017528300493568537],
      [10, 7.694598626706419e-23],
      [37, 2.1200065515246056e-298],
    ];
    for (const [z, density] of exact) {
      expect(Math.abs(standardNormalPdf(z) - density)).toBeLessThanOrEqual(1e-15 * density);
    }
    expect(standardNormalPdf(Infinity)).toBe(0);
    expect(standardNormalPdf(-Infinity)).toBe(0);
  });

  it("is the derivative of the CDF", () => {
    fc.assert(
      fc.property(fc.double({ min: -6, max: 6, noNaN: true }), (z) => {
        const h = 1e-5;
        const slope = (standardNormalCdf(z + h) - standardNormalCdf(z - h)) / (2 * h);
        expect(Math.abs(slope - standardNormalPdf(z))).toBeLessThanOrEqual(1e-9);
      }),
    );
  });

  it("rejects NaN", () => {
    expectSegmentError(() => standardNormalPdf(NaN), "invalid-input", "z");
  });
});

describe("standardNormalLoss", () => {
  it("matches the exact loss function to 2e-14 relative, including the far upper tail", () => {
    for (const { z, g } of reference.loss) {
      if (g < SMALLEST_NORMAL) continue;
      expect(Math.abs(standardNormalLoss(z) - g)).toBeLessThanOrEqual(2e-14 * g);
    }
  });

  it("reproduces the 4-decimal G_u(k) values of Silver, Pyke & Peterson's unit-normal table", () => {
    // E. A. Silver, D. F. Pyke, R. Peterson, "Inventory Management and Production Planning and
    // Scheduling", 3rd ed., Wiley, 1998, Appendix B, table of G_u(k) for the unit normal (4 decimals).
    // The book was not at hand when this test was written: the 4-decimal values below were
    // recomputed independently (mpmath, 40 digits) and are what a correct 4-decimal table shows.
    const table: Array<[number, number]> = [
      [0.0, 0.3989],
      [0.25, 0.2863],
      [0.5, 0.1978],
      [0.75, 0.1312],
      [1.0, 0.0833],
      [1.25, 0.0506],
      [1.5, 0.0293],
      [1.75, 0.0162],
      [2.0, 0.0085],
      [2.5, 0.002],
      [3.0, 0.0004],
    ];
    for (const [k, tabulated] of table) {
      expect(Math.abs(standardNormalLoss(k) - tabulated)).toBeLessThanOrEqual(0.00005);
    }
  });

  it("satisfies G(z) - G(-z) = -z, G(z) ≥ max(0, -z), and is decreasing and convex", () => {
    fc.assert(
      fc.property(fc.double({ min: -50, max: 50, noNaN: true }), (z) => {
        expect(standardNormalLoss(z) - standardNormalLoss(-z)).toBeCloseTo(-z, 12);
        expect(standardNormalLoss(z)).toBeGreaterThanOrEqual(Math.max(0, -z));
      }),
    );
    fc.assert(
      fc.property(fc.double({ min: -10, max: 10, noNaN: true }), fc.double({ min: 1e-3, max: 2, noNaN: true }), (z, h) => {
        const left = standardNormalLoss(z - h);
        const middle = standardNormalLoss(z);
        const right = standardNormalLoss(z + h);
        expect(left).toBeGreaterThan(middle);
        expect(middle).toBeGreaterThanOrEqual(right);
        expect(left + right - 2 * middle).toBeGreaterThanOrEqual(-1e-14);
      }),
    );
  });

  it("has slope Φ(z) - 1", () => {
    fc.assert(
      fc.property(fc.double({ min: -6, max: 6, noNaN: true }), (z) => {
        const h = 1e-5;
        const slope = (standardNormalLoss(z + h) - standardNormalLoss(z - h)) / (2 * h);
        expect(Math.abs(slope - (standardNormalCdf(z) - 1))).toBeLessThanOrEqual(1e-9);
      }),
    );
  });

  it("is 0 at +Infinity and Infinity at -Infinity; NaN raises", () => {
    expect(standardNormalLoss(Infinity)).toBe(0);
    expect(standardNormalLoss(-Infinity)).toBe(Infinity);
    expectSegmentError(() => standardNormalLoss(NaN), "invalid-input", "z");
  });
});

describe("inverseStandardNormalLoss", () => {
  it("inverts the reference loss values to 1e-12", () => {
    for (const { z, g } of reference.loss) {
      if (g < SMALLEST_NORMAL) continue;
      expect(Math.abs(inverseStandardNormalLoss(g) - z)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(z)));
    }
  });

  it("round-trips z → G(z) → z", () => {
    fc.assert(
      fc.property(fc.double({ min: -1e4, max: 37, noNaN: true }), (z) => {
        expect(Math.abs(inverseStandardNormalLoss(standardNormalLoss(z)) - z)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(z)));
      }),
    );
  });

  it("round-trips loss → z → G(z) over losses from 1e-300 to 1e12", () => {
    fc.assert(
      fc.property(fc.double({ min: -300, max: 12, noNaN: true }), (exponent) => {
        const loss = 10 ** exponent;
        expect(Math.abs(standardNormalLoss(inverseStandardNormalLoss(loss)) - loss)).toBeLessThanOrEqual(1e-12 * loss);
      }),
    );
  });

  it("is exact at the landmarks: G⁻¹(1/√(2π)) = 0, and negative above it", () => {
    expect(Math.abs(inverseStandardNormalLoss(0.3989422804014327))).toBeLessThanOrEqual(1e-15);
    expect(inverseStandardNormalLoss(0.5)).toBeLessThan(0);
    expect(inverseStandardNormalLoss(1e6)).toBe(-1e6);
    // The smallest positive double still has a finite answer (G underflows near z ≈ 38.5).
    const farTail = inverseStandardNormalLoss(Number.MIN_VALUE);
    expect(farTail).toBeGreaterThan(38);
    expect(farTail).toBeLessThan(39);
  });

  it("rejects a loss that is not positive (out-of-range) or not a finite number (invalid-input)", () => {
    for (const loss of [0, -0.1]) expectSegmentError(() => inverseStandardNormalLoss(loss), "out-of-range", "loss");
    for (const loss of [NaN, Infinity, "0.1" as unknown as number]) {
      expectSegmentError(() => inverseStandardNormalLoss(loss), "invalid-input", "loss");
    }
  });
});
