import fc from "fast-check";
import { economicOrderQuantity } from "../../../src/engine/policy";
import { expectSegmentError } from "../../support/segmentError";


describe("economicOrderQuantity", () => {
  it("Best Buy Deskpro computers: D = 12,000/yr, S = $4,000, h = 20% × $500 → Q* = 980", () => {
    // S. Chopra & P. Meindl, "Supply Chain Management: Strategy, Planning, and Operation", 6th ed.,
    // Pearson, 2016, ch. 11 (cycle inventory), the Best Buy EOQ example: monthly demand 1,000 so
    // D = 12,000; h = 0.2 × 500 = 100; Q* = √(2 × 12,000 × 4,000 / 100) = √960,000 = 979.8 (the
    // book's 980). Recomputed by hand from the book's formula.
    const q = economicOrderQuantity(12000, 4000, 0.2 * 500);
    expect(q).toBeCloseTo(979.7958971132712, 10);
    expect(Math.round(q)).toBe(980);
  });

  it("Snyder & Shen, Example 3.1: K = 8, h = 0.225, λ = 1,300 → Q* = 304.0467800264368", () => {
    // L. V. Snyder & Z.-J. M. Shen, "Fundamentals of Supply Chain Theory", 2nd ed., Wiley, 2019,
    // Example 3.1; the value is the one printed in the doctest of stockpyl's README
    // (LarrySnyder/stockpyl): √(2 × 8 × 1,300 / 0.225) = √92,444.4 = 304.0468.
    expect(Math.abs(economicOrderQuantity(1300, 8, 0.225) - 304.0467800264368)).toBeLessThanOrEqual(1e-12);
  });

  it("is 0 when nothing is demanded or ordering is free", () => {
    expect(economicOrderQuantity(0, 4000, 100)).toBe(0);
    expect(economicOrderQuantity(12000, 0, 100)).toBe(0);
  });

  it("balances annual ordering and holding cost, and scales with √D", () => {
    const positive = (max: number) => fc.double({ min: 1e-3, max, noNaN: true });
    fc.assert(
      fc.property(positive(1e7), positive(1e5), positive(1e4), (demand, orderCost, holding) => {
        const q = economicOrderQuantity(demand, orderCost, holding);
        const ordering = (demand * orderCost) / q;
        const holdingCost = (holding * q) / 2;
        expect(Math.abs(ordering - holdingCost)).toBeLessThanOrEqual(1e-9 * ordering);
        expect(economicOrderQuantity(4 * demand, orderCost, holding)).toBeCloseTo(2 * q, 6);
      }),
    );
  });

  it("names the argument to fix", () => {
    expectSegmentError(() => economicOrderQuantity(12000, 4000, 0), "out-of-range", "annualHoldingCostPerUnit");
    expectSegmentError(() => economicOrderQuantity(12000, 4000, -5), "out-of-range", "annualHoldingCostPerUnit");
    expectSegmentError(() => economicOrderQuantity(-1, 4000, 100), "out-of-range", "annualDemand");
    expectSegmentError(() => economicOrderQuantity(12000, -1, 100), "out-of-range", "orderCost");
    expectSegmentError(() => economicOrderQuantity(NaN, 4000, 100), "invalid-input", "annualDemand");
    expectSegmentError(() => economicOrderQuantity(12000, Infinity, 100), "invalid-input", "orderCost");
    expectSegmentError(
      () => economicOrderQuantity(12000, 4000, "100" as unknown as number),
      "invalid-input",
      "annualHoldingCostPerUnit",
    );
  });
});
