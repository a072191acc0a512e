/**
 * A segment's policy applied to an item, against worked examples recomputed independently in Python
 * (statistics.NormalDist), from S. Chopra & P. Meindl, "Supply Chain Management: Strategy, Planning,
 * and Operation", 6th ed., Pearson, 2016:
 * - ch. 12, B&M Office Supplies: weekly demand 2,500 ± 500, lead time 2 weeks, CSL 90%:
 *   σ_L = √2 × 500 = 707.107; SS = Φ⁻¹(0.9) × 707.107 = 906.194; ROP = 2 × 2,500 + SS = 5,906.194.
 *   With Q = 2,500 (one week of demand): G(k) = φ(k) − k(1 − Φ(k)) at k = 1.28155 is 0.0473;
 *   fill rate = 1 − 707.107 × G(k) / 2,500 = 0.986609.
 * - ch. 11, Best Buy (Example 11-1): monthly demand 1,000, order cost $4,000, unit cost $500, holding
 *   cost 20% a year: EOQ = √(2 × 12,000 × 4,000 / 100) = 979.80; cycle inventory 489.9; turns 24.49.
 */
import fc from "fast-check";
import { applyPolicies } from "../../../src/engine/policy/applyPolicies";
import { policyFigures, type StockingPolicy } from "../../../src/engine/policy/segmentPolicy";

const base: StockingPolicy = {
  serviceLevel: 0.9,
  serviceType: "cycle",
  safetyStockMethod: "statistical",
  reviewPeriodDays: 0,
  leadTimeDays: 14,
  leadTimeStdDevDays: 0,
  moq: 0,
};
const near = (actual: number, expected: number, relative = 1e-9) =>
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(relative * Math.abs(expected) + 1e-12);

describe("policyFigures", () => {
  test("B&M: statistical safety stock for a 90% cycle service level, 14 days = 2 weeks of lead time", () => {
    const figures = policyFigures(base, { demandMean: 2500, demandStdDev: 500, unitCost: 10 }, "week");
    near(figures.safetyStock, 906.1938024368235);
    near(figures.reorderPoint, 5906.193802436824);
    near(figures.orderQuantity, 2500);
    near(figures.averageInventory, 2156.1938024368237);
    near(figures.inventoryValue, 21561.93802436824);
    near(figures.expectedFillRate, 0.9866093278589173, 1e-12);
    near(figures.annualDemand, 2500 * (365.25 / 7));
  });

  test("a review period lengthens the protection interval and sets the order quantity", () => {
    // R = 7 days = 1 week: σ over 3 weeks = √3 × 500; SS = Φ⁻¹(0.95) × 866.03 = 1,424.49; S = 7,500 + SS.
    const figures = policyFigures({ ...base, serviceLevel: 0.95, reviewPeriodDays: 7 }, { demandMean: 2500, demandStdDev: 500, unitCost: 1 }, "week");
    near(figures.safetyStock, 1424.4850264469464);
    near(figures.reorderPoint, 8924.485026446946);
    near(figures.orderQuantity, 2500);
  });

  test("Best Buy: with an order cost and holding rate the order quantity is the EOQ", () => {
    const policy = { ...base, orderCost: 4000, holdingRate: 0.2 };
    const figures = policyFigures(policy, { demandMean: 1000, demandStdDev: 0, unitCost: 500 }, "month");
    near(figures.orderQuantity, 979.7958971132713);
    expect(figures.safetyStock).toBe(0);
    near(figures.averageInventory, 979.7958971132713 / 2);
    near(figures.plannedTurns, 24.49489742783178);
    expect(figures.expectedFillRate).toBe(1);
  });

  test("the MOQ is a floor on the order quantity", () => {
    const figures = policyFigures({ ...base, moq: 10000 }, { demandMean: 2500, demandStdDev: 500, unitCost: 1 }, "week");
    expect(figures.orderQuantity).toBe(10000);
    near(figures.averageInventory, 5000 + 906.1938024368235);
  });

  test("a fill-rate target gives a safety stock whose expected fill rate is the target", () => {
    const figures = policyFigures({ ...base, serviceType: "fill", serviceLevel: 0.995 }, { demandMean: 2500, demandStdDev: 500, unitCost: 1 }, "week");
    near(figures.expectedFillRate, 0.995, 1e-9);
    expect(figures.safetyStock).toBeGreaterThan(906.19);
  });

  test("a fill-rate target that the order quantity alone meets plans no safety stock (never below 0)", () => {
    const figures = policyFigures({ ...base, serviceType: "fill", serviceLevel: 0.5 }, { demandMean: 2500, demandStdDev: 500, unitCost: 1 }, "week");
    expect(figures.safetyStock).toBe(0);
    expect(figures.expectedFillRate).toBeGreaterThan(0.5);
  });

  test("periods of cover and none", () => {
    const cover = policyFigures({ ...base, safetyStockMethod: "periodsOfCover", safetyStockPeriods: 0.5 }, { demandMean: 300, demandStdDev: 90, unitCost: 2 }, "month");
    expect(cover.safetyStock).toBe(150);
    near(cover.reorderPoint, 300 * (14 / 30.4375) + 150);
    const none = policyFigures({ ...base, safetyStockMethod: "none" }, { demandMean: 300, demandStdDev: 90, unitCost: 2 }, "month");
    expect(none.safetyStock).toBe(0);
    near(none.reorderPoint, 300 * (14 / 30.4375));
  });

  test("no demand: no stock, and an undefined fill rate and turns", () => {
    const figures = policyFigures(base, { demandMean: 0, demandStdDev: 0, unitCost: 5 }, "month");
    expect([figures.safetyStock, figures.reorderPoint, figures.averageInventory, figures.inventoryValue]).toEqual([0, 0, 0, 0]);
    expect(figures.expectedFillRate).toBeNaN();
    expect(figures.plannedTurns).toBeNaN();
  });

  test("property: safety stock never falls as the service level rises", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 0.98, noNaN: true }),
        fc.double({ min: 0.001, max: 0.01, noNaN: true }),
        fc.double({ min: 1, max: 1e5, noNaN: true }),
        fc.double({ min: 0, max: 1e4, noNaN: true }),
        fc.constantFrom<"cycle" | "fill">("cycle", "fill"),
        (level, step, mean, spread, serviceType) => {
          const demand = { demandMean: mean, demandStdDev: spread, unitCost: 1 };
          const low = policyFigures({ ...base, serviceType, serviceLevel: level }, demand, "week");
          const high = policyFigures({ ...base, serviceType, serviceLevel: level + step }, demand, "week");
          return high.safetyStock >= low.safetyStock - 1e-9 * Math.max(1, low.safetyStock);
        },
      ),
    );
  });
});

describe("applyPolicies", () => {
  test("figures per item by its segment's policy; items that cannot carry a policy get NaN and a note", () => {
    const policies = [base, { ...base, safetyStockMethod: "none" as const }];
    const out = applyPolicies(
      policies,
      Int32Array.from([0, 1, -1, 0, 0]),
      {
        demandMean: Float64Array.from([2500, 2500, 10, -3, 7]),
        demandStdDev: Float64Array.from([500, 500, 1, 2, NaN]),
        unitCost: Float64Array.from([10, 10, 1, 1, 1]),
      },
      "week",
    );
    near(out.safetyStock[0], 906.1938024368235);
    expect(out.safetyStock[1]).toBe(0);
    expect(out.notes.get(2)).toBe("no segment, so no policy");
    expect(out.notes.get(3)).toBe("net demand is negative (returns exceed sales)");
    expect(out.notes.get(4)).toBe("demand variability cannot be measured (fewer than 2 periods)");
    expect([out.safetyStock[2], out.inventoryValue[3], out.reorderPoint[4]].every(Number.isNaN)).toBe(true);
    expect(out.notes.has(0)).toBe(false);
  });
});
