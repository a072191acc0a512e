import fc from "fast-check";
import { expectedFillRate } from "../../../src/engine/policy";
import { expectSegmentError } from "../../support/segmentError";


describe("expectedFillRate", () => {
  const bAndM = { demandMean: 2500, demandStdDev: 500, leadTime: 2 };

  it("B&M Office Supplies: ss = 1,000, Q = 10,000 → ESC = 25.13 and fill rate 0.9975", () => {
    // S. Chopra & P. Meindl, "Supply Chain Management: Strategy, Planning, and Operation", 6th ed.,
    // Pearson, 2016, ch. 12, fill rate of the B&M replenishment policy (weekly demand 2,500, σ 500,
    // L = 2 weeks): σ_L = 707.1; ESC = −ss·[1 − F_S(ss/σ_L)] + σ_L·f_S(ss/σ_L)
    // = −1,000 × (1 − Φ(1.41421)) + 707.1 × φ(1.41421) = −78.65 + 103.78 = 25.13;
    // fill rate = 1 − ESC/Q = 1 − 25.13/10,000 = 0.9975. Recomputed by hand from the book's formula.
    expect(expectedFillRate(1000, bAndM, 10000)).toBeCloseTo(0.997487272916999, 12);
  });

  it("is 1 without uncertainty and a non-negative safety stock, and 1 + SS/Q (at least 0) below it", () => {
    const certain = { demandMean: 100, demandStdDev: 0, leadTime: 2 };
    expect(expectedFillRate(0, certain, 1000)).toBe(1);
    expect(expectedFillRate(25, certain, 1000)).toBe(1);
    expect(expectedFillRate(-500, certain, 1000)).toBe(0.5);
    expect(expectedFillRate(-2000, certain, 1000)).toBe(0);
  });

  it("clamps to 0 when the formula's expected shortage exceeds the lot", () => {
    // σ_P = 100, SS = −5,000: σ_P·G(−50) = 5,000 > Q = 1,000, so 1 − ESC/Q = −4 → 0.
    expect(expectedFillRate(-5000, { demandMean: 10, demandStdDev: 50, leadTime: 4 }, 1000)).toBe(0);
  });

  it("stays in [0, 1], rises with safety stock and with order quantity", () => {
    const inputs = fc.record({
      demandMean: fc.double({ min: 0, max: 1e4, noNaN: true }),
      demandStdDev: fc.double({ min: 0, max: 1e3, noNaN: true }),
      leadTime: fc.double({ min: 0, max: 52, noNaN: true }),
      leadTimeStdDev: fc.double({ min: 0, max: 10, noNaN: true }),
      reviewPeriod: fc.double({ min: 0, max: 12, noNaN: true }),
    });
    const stock = fc.double({ min: -1e5, max: 1e5, noNaN: true });
    const quantity = fc.double({ min: 1, max: 1e5, noNaN: true });
    fc.assert(
      fc.property(inputs, stock, stock, quantity, quantity, (input, a, b, q1, q2) => {
        const [lowStock, highStock] = a <= b ? [a, b] : [b, a];
        const [lowQuantity, highQuantity] = q1 <= q2 ? [q1, q2] : [q2, q1];
        const rate = expectedFillRate(lowStock, input, lowQuantity);
        expect(rate).toBeGreaterThanOrEqual(0);
        expect(rate).toBeLessThanOrEqual(1);
        expect(rate).toBeLessThanOrEqual(expectedFillRate(highStock, input, lowQuantity) + 1e-12);
        expect(rate).toBeLessThanOrEqual(expectedFillRate(lowStock, input, highQuantity) + 1e-12);
      }),
    );
  });

  it("names the argument to fix", () => {
    expectSegmentError(() => expectedFillRate(NaN, bAndM, 1000), "invalid-input", "safetyStock");
    expectSegmentError(() => expectedFillRate(Infinity, bAndM, 1000), "invalid-input", "safetyStock");
    expectSegmentError(() => expectedFillRate(100, bAndM, undefined as unknown as number), "invalid-input", "orderQuantity");
    expectSegmentError(() => expectedFillRate(100, bAndM, 0), "out-of-range", "orderQuantity");
    expectSegmentError(() => expectedFillRate(100, bAndM, -10), "out-of-range", "orderQuantity");
    expectSegmentError(() => expectedFillRate(100, { ...bAndM, demandStdDev: -1 }, 1000), "out-of-range", "demandStdDev");
  });
});
