import fc from "fast-check";
import { protectionIntervalDemand, reorderPoint, safetyStock } from "../../../src/engine/policy";
import { expectSegmentError } from "../../support/segmentError";


function expectNear(actual: number, expected: number, relative = 1e-12): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(relative * Math.abs(expected));
}

describe("reorderPoint", () => {
  const bAndM = { demandMean: 2500, demandStdDev: 500, leadTime: 2 };

  it("B&M Office Supplies: the ROP of 6,000 phones is the one for a 92% cycle service level", () => {
    // S. Chopra & P. Meindl, "Supply Chain Management: Strategy, Planning, and Operation", 6th ed.,
    // Pearson, 2016, ch. 12, B&M Office Supplies (weekly demand 2,500, σ 500, L = 2 weeks, ROP 6,000):
    // ss = 6,000 − 5,000 = 1,000 and CSL = NORMDIST(6,000, 5,000, 707.1, 1) = Φ(1.41421) = 0.92135
    // (the book's 0.92). Recomputed by hand from the book's formula, not copied from the page.
    // Run backwards: that service level gives back the ROP.
    expectNear(reorderPoint({ ...bAndM, serviceLevel: 0.9213503964748574, serviceType: "cycle" }), 6000, 1e-9);
  });

  it("B&M with a 97.5% fill rate and Q = 10,000: ROP = 5,000 + 66.7", () => {
    // Same book and chapter: ss = 66.70 for the fill rate (see safetyStock.test.ts), ROP = D·L + ss.
    expectNear(
      reorderPoint({ ...bAndM, serviceLevel: 0.975, serviceType: "fill", orderQuantity: 10000 }),
      5066.6975579464429,
      1e-9,
    );
  });

  it("Snyder & Shen, Example 5.5 (EOQ + SS approximation): r = 190.3369965715624", () => {
    // L. V. Snyder & Z.-J. M. Shen, "Fundamentals of Supply Chain Theory", 2nd ed., Wiley, 2019,
    // Example 5.5: λ = 1,300/yr, τ = 150/yr, L = 1/12 yr, h = 0.225, p = 7.5; r = μ + z_α·σ with
    // α = p/(p + h) = 0.970874, μ = 108.33, σ = 150·√(1/12) = 43.30. The value is the one printed in
    // the doctest of stockpyl's r_q_eoqss_approximation (LarrySnyder/stockpyl, src/stockpyl/rq.py).
    const r = reorderPoint({
      demandMean: 1300,
      demandStdDev: 150,
      leadTime: 1 / 12,
      serviceLevel: 7.5 / (7.5 + 0.225),
      serviceType: "cycle",
    });
    expectNear(r, 190.3369965715624, 1e-13);
  });

  it("is the order-up-to level with periodic review (Lego at a Walmart store: OUL = 16,570)", () => {
    // Chopra & Meindl, 6th ed., ch. 12, periodic review: weekly demand 2,500, σ 500, L = 2 weeks,
    // T = 4 weeks, CSL 90%: D_{T+L} = 15,000, ss = 1,569.57, OUL = 16,569.57 (the book's 16,570).
    // Recomputed by hand from the book's formula.
    const level = reorderPoint({ ...bAndM, reviewPeriod: 4, serviceLevel: 0.9, serviceType: "cycle" });
    expectNear(level, 16569.5737073246, 1e-9);
    expect(Math.round(level)).toBe(16570);
  });

  it("is at least the mean demand over the protection interval when the cycle service level is 50% or more", () => {
    const params = fc.record({
      demandMean: fc.double({ min: 0, max: 1e4, noNaN: true }),
      demandStdDev: fc.double({ min: 0, max: 1e3, noNaN: true }),
      leadTime: fc.double({ min: 0, max: 52, noNaN: true }),
      leadTimeStdDev: fc.double({ min: 0, max: 10, noNaN: true }),
      reviewPeriod: fc.double({ min: 0, max: 12, noNaN: true }),
      serviceLevel: fc.double({ min: 0.5, max: 1 - 1e-6, noNaN: true }),
    });
    fc.assert(
      fc.property(params, (p) => {
        const rop = reorderPoint({ ...p, serviceType: "cycle" });
        const { mean } = protectionIntervalDemand(p);
        expect(rop).toBeGreaterThanOrEqual(mean);
        expect(rop - mean).toBeCloseTo(safetyStock({ ...p, serviceType: "cycle" }), 6);
      }),
    );
  });

  it("reports the same errors as safetyStock", () => {
    expectSegmentError(() => reorderPoint({ ...bAndM, serviceLevel: 0.95, serviceType: "fill" }), "invalid-input", "orderQuantity");
    expectSegmentError(() => reorderPoint({ ...bAndM, serviceLevel: 1, serviceType: "cycle" }), "out-of-range", "serviceLevel");
    expectSegmentError(
      () => reorderPoint({ ...bAndM, demandMean: NaN, serviceLevel: 0.9, serviceType: "cycle" }),
      "invalid-input",
      "demandMean",
    );
    expectSegmentError(
      () => reorderPoint({ ...bAndM, reviewPeriod: -1, serviceLevel: 0.9, serviceType: "cycle" }),
      "out-of-range",
      "reviewPeriod",
    );
  });
});
