import fc from "fast-check";
import {
  type ReplenishmentInputs,
  expectedFillRate,
  safetyStock,
  safetyStockForCycleServiceLevel,
  safetyStockForFillRate,
} from "../../../src/engine/policy";
import { expectSegmentError } from "../../support/segmentError";


/** |actual − expected| within a relative tolerance (plus a tiny absolute one for values near 0). */
function expectNear(actual: number, expected: number, relative = 1e-9): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(relative * Math.abs(expected) + 1e-9);
}

/*
 * Worked examples from S. Chopra & P. Meindl, "Supply Chain Management: Strategy, Planning, and
 * Operation", 6th ed., Pearson, 2016, ch. 12 ("Managing Uncertainty in a Supply Chain: Safety
 * Inventory"), B&M Office Supplies: weekly demand for phones normal with mean 2,500 and σ 500,
 * lead time 2 weeks, lot size 10,000. The book was not at hand when these tests were written:
 * every expected number was recomputed by hand from the book's formula (arithmetic in each
 * comment) and checked in Python; the book reports the same figures rounded to whole units.
 */
const bAndM: ReplenishmentInputs = { demandMean: 2500, demandStdDev: 500, leadTime: 2 };

describe("safetyStockForCycleServiceLevel", () => {
  it("B&M, cycle service level 90%: ss = NORMSINV(0.90) × 707.1 = 906 phones", () => {
    // σ_L = √2 × 500 = 707.1068; Φ⁻¹(0.9) = 1.2815516; ss = 1.2815516 × 707.1068 = 906.194.
    const ss = safetyStockForCycleServiceLevel(0.9, bAndM);
    expectNear(ss, 906.1938024368232);
    expect(Math.round(ss)).toBe(906);
  });

  it("lead-time uncertainty: daily demand 2,500, σ 500, L = 7 days, CSL 90%, s_L from 7 down to 0 days", () => {
    // σ_L = √(7 × 500² + 2,500² × s_L²); ss = Φ⁻¹(0.9) × σ_L. For s_L = 7: √308,000,000 = 17,549.93
    // and ss = 1.2815516 × 17,549.93 = 22,491. The book tabulates the same reduction as s_L falls.
    const expected: Array<[number, number, number]> = [
      [7, 22491.138696521, 22491],
      [6, 19297.8858592132, 19298],
      [5, 16108.8533916499, 16109],
      [4, 12927.1650697859, 12927],
      [3, 9760.00594665236, 9760],
      [2, 6628.23623637975, 6628],
      [1, 3624.77520974729, 3625],
      [0, 1695.33336736825, 1695],
    ];
    for (const [leadTimeStdDev, exact, rounded] of expected) {
      const ss = safetyStockForCycleServiceLevel(0.9, { demandMean: 2500, demandStdDev: 500, leadTime: 7, leadTimeStdDev });
      expectNear(ss, exact);
      expect(Math.round(ss)).toBe(rounded);
    }
  });

  it("periodic review (Lego at a Walmart store): T = 4 weeks, L = 2 weeks, CSL 90% → ss = 1,570", () => {
    // σ_{T+L} = √6 × 500 = 1,224.74; ss = 1.2815516 × 1,224.74 = 1,569.57.
    const ss = safetyStockForCycleServiceLevel(0.9, { ...bAndM, reviewPeriod: 4 });
    expectNear(ss, 1569.57370732461);
    expect(Math.round(ss)).toBe(1570);
  });

  it("is 0 without uncertainty and negative below a 50% cycle service level", () => {
    expect(safetyStockForCycleServiceLevel(0.99, { demandMean: 10, demandStdDev: 0, leadTime: 4 })).toBe(0);
    expect(safetyStockForCycleServiceLevel(0.3, { demandMean: 10, demandStdDev: 0, leadTime: 4 })).toBe(0);
    expect(safetyStockForCycleServiceLevel(0.5, bAndM)).toBe(0);
    expect(safetyStockForCycleServiceLevel(0.3, bAndM)).toBeLessThan(0);
  });
});

describe("safetyStockForFillRate", () => {
  it("B&M, fill rate 97.5%, Q = 10,000: ESC = 250 → ss = 67 phones", () => {
    // ESC = (1 − 0.975) × 10,000 = 250; solve 707.1 × G(k) = 250, i.e. G(k) = 0.353553 → k = 0.0943246;
    // ss = 0.0943246 × 707.1068 = 66.70 (the book's answer by Goal Seek: 67).
    const ss = safetyStockForFillRate(0.975, bAndM, 10000);
    expectNear(ss, 66.6975579464429);
    expect(Math.round(ss)).toBe(67);
  });

  it("hand-checked at k = 1: σ_P = 100, Q = 1,000, β = 1 − 100·G(1)/1,000 gives ss = 100", () => {
    // G(1) = φ(1) − (1 − Φ(1)) = 0.2419707 − 0.1586553 = 0.0833155 (Silver, Pyke & Peterson's
    // G_u(1.00) = 0.0833), so β = 1 − 8.33155/1,000 = 0.99166845.
    const inputs = { demandMean: 50, demandStdDev: 50, leadTime: 4 }; // σ_P = √4 × 50 = 100
    expectNear(safetyStockForFillRate(0.9916684529412314, inputs, 1000), 100, 1e-8);
  });

  it("returns the exact, negative safety stock when a large lot alone meets the fill rate", () => {
    // (1 − 0.9) × 10,000 / 707.1 = 1.414 > G(0) = 0.399, so k = G⁻¹(1.414) = −1.3755 and ss = −972.6.
    const ss = safetyStockForFillRate(0.9, bAndM, 10000);
    expectNear(ss, -972.641928161006);
    expectNear(expectedFillRate(ss, bAndM, 10000), 0.9);
  });

  it("with certain demand, plans a shortage of exactly (1 − β)·Q per cycle (the σ_P → 0 limit)", () => {
    const certain = { demandMean: 100, demandStdDev: 0, leadTime: 2 };
    expectNear(safetyStockForFillRate(0.95, certain, 1000), -50);
    expectNear(expectedFillRate(-50, certain, 1000), 0.95);
    // A barely uncertain demand gives nearly the same answer: no jump at σ_P = 0.
    expectNear(safetyStockForFillRate(0.95, { ...certain, demandStdDev: 1e-9 }, 1000), -50, 1e-6);
  });
});

describe("safetyStock", () => {
  it("dispatches on serviceType", () => {
    expect(safetyStock({ ...bAndM, serviceLevel: 0.9, serviceType: "cycle" })).toBe(
      safetyStockForCycleServiceLevel(0.9, bAndM),
    );
    expect(safetyStock({ ...bAndM, serviceLevel: 0.9, serviceType: "cycle", orderQuantity: 10 })).toBe(
      safetyStockForCycleServiceLevel(0.9, bAndM),
    );
    expect(safetyStock({ ...bAndM, serviceLevel: 0.975, serviceType: "fill", orderQuantity: 10000 })).toBe(
      safetyStockForFillRate(0.975, bAndM, 10000),
    );
  });

  it("asks for orderQuantity when the service type is a fill rate", () => {
    expectSegmentError(() => safetyStock({ ...bAndM, serviceLevel: 0.95, serviceType: "fill" }), "invalid-input", "orderQuantity");
    expectSegmentError(
      () => safetyStock({ ...bAndM, serviceLevel: 0.95, serviceType: "fill", orderQuantity: 0 }),
      "out-of-range",
      "orderQuantity must be greater than 0; got 0",
    );
    expectSegmentError(
      () => safetyStock({ ...bAndM, serviceLevel: 0.95, serviceType: "fill", orderQuantity: NaN }),
      "invalid-input",
      "orderQuantity",
    );
  });

  it("rejects an unknown serviceType", () => {
    expectSegmentError(
      () => safetyStock({ ...bAndM, serviceLevel: 0.95, serviceType: "type 1" as unknown as "cycle" }),
      "invalid-input",
      'serviceType must be "cycle" or "fill"; got "type 1"',
    );
  });

  it("rejects service levels outside (0, 1) as out-of-range and non-numbers as invalid-input", () => {
    for (const serviceType of ["cycle", "fill"] as const) {
      for (const serviceLevel of [0, 1, 1.2, -0.1, 95]) {
        expectSegmentError(
          () => safetyStock({ ...bAndM, serviceLevel, serviceType, orderQuantity: 1000 }),
          "out-of-range",
          "serviceLevel",
        );
      }
      for (const serviceLevel of [NaN, Infinity, -Infinity, "95%" as unknown as number]) {
        expectSegmentError(
          () => safetyStock({ ...bAndM, serviceLevel, serviceType, orderQuantity: 1000 }),
          "invalid-input",
          "serviceLevel",
        );
      }
    }
    expectSegmentError(
      () => safetyStockForCycleServiceLevel(1.2, bAndM),
      "out-of-range",
      "must be between 0 and 1 (exclusive); got 1.2",
    );
  });

  it("rejects a negative standard deviation, naming it", () => {
    expectSegmentError(
      () => safetyStock({ ...bAndM, demandStdDev: -500, serviceLevel: 0.9, serviceType: "cycle" }),
      "out-of-range",
      "demandStdDev",
    );
    expectSegmentError(
      () => safetyStock({ ...bAndM, leadTimeStdDev: -1, serviceLevel: 0.9, serviceType: "fill", orderQuantity: 100 }),
      "out-of-range",
      "leadTimeStdDev",
    );
  });
});

describe("safety stock properties", () => {
  const inputs = fc.record({
    demandMean: fc.double({ min: 0, max: 1e4, noNaN: true }),
    demandStdDev: fc.double({ min: 0, max: 1e3, noNaN: true }),
    leadTime: fc.double({ min: 0, max: 52, noNaN: true }),
    leadTimeStdDev: fc.double({ min: 0, max: 10, noNaN: true }),
    reviewPeriod: fc.double({ min: 0, max: 12, noNaN: true }),
  });
  const anyLevel = fc.double({ min: 1e-4, max: 1 - 1e-4, noNaN: true });
  // Below a 50% cycle service level the safety stock is negative and more variability pushes it
  // further down, so monotonicity in the variability inputs holds from 50% up.
  const cycleLevelAtLeastHalf = fc.double({ min: 0.5, max: 1 - 1e-4, noNaN: true });
  const orderQuantity = fc.double({ min: 1, max: 1e5, noNaN: true });
  const increase = fc.double({ min: 0, max: 10, noNaN: true });

  function tolerance(value: number): number {
    return 1e-9 * Math.abs(value) + 1e-9;
  }

  it("is non-decreasing in the service level (cycle and fill)", () => {
    fc.assert(
      fc.property(inputs, anyLevel, anyLevel, orderQuantity, (input, a, b, quantity) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        const cycleLow = safetyStockForCycleServiceLevel(low, input);
        expect(cycleLow).toBeLessThanOrEqual(safetyStockForCycleServiceLevel(high, input) + tolerance(cycleLow));
        const fillLow = safetyStockForFillRate(low, input, quantity);
        expect(fillLow).toBeLessThanOrEqual(safetyStockForFillRate(high, input, quantity) + tolerance(fillLow));
      }),
    );
  });

  const fields = ["leadTime", "demandStdDev", "leadTimeStdDev", "reviewPeriod"] as const;
  for (const field of fields) {
    it(`is non-decreasing in ${field} (cycle at 50% or more, and fill)`, () => {
      fc.assert(
        fc.property(inputs, increase, cycleLevelAtLeastHalf, anyLevel, orderQuantity, (input, delta, cycle, fill, quantity) => {
          const larger = { ...input, [field]: input[field] + delta };
          const cycleBefore = safetyStockForCycleServiceLevel(cycle, input);
          expect(cycleBefore).toBeLessThanOrEqual(safetyStockForCycleServiceLevel(cycle, larger) + tolerance(cycleBefore));
          const fillBefore = safetyStockForFillRate(fill, input, quantity);
          expect(fillBefore).toBeLessThanOrEqual(safetyStockForFillRate(fill, larger, quantity) + tolerance(fillBefore));
        }),
      );
    });
  }

  it("round-trips: expectedFillRate(safetyStockForFillRate(β)) = β", () => {
    fc.assert(
      fc.property(inputs, anyLevel, orderQuantity, (input, fillRate, quantity) => {
        const ss = safetyStockForFillRate(fillRate, input, quantity);
        expect(Math.abs(expectedFillRate(ss, input, quantity) - fillRate)).toBeLessThanOrEqual(1e-9);
      }),
    );
  });
});
