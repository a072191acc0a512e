import fc from "fast-check";
import { type ReplenishmentInputs, protectionIntervalDemand } from "../../../src/engine/policy";
import { expectSegmentError } from "../../support/segmentError";


/*
 * Worked examples from S. Chopra & P. Meindl, "Supply Chain Management: Strategy, Planning, and
 * Operation", 6th ed., Pearson, 2016, ch. 12 ("Managing Uncertainty in a Supply Chain: Safety
 * Inventory"). The book was not at hand when these tests were written: every expected number was
 * recomputed by hand from the book's formula (arithmetic in each comment) and checked in Python;
 * the book's examples report the same figures rounded to whole units.
 */
describe("protectionIntervalDemand", () => {
  it("B&M Office Supplies (continuous review): weekly demand 2,500, σ 500, lead time 2 weeks", () => {
    // mean = 2,500 × 2 = 5,000; σ_L = √2 × 500 = 707.1068 (the book's 707).
    const { mean, stdDev } = protectionIntervalDemand({ demandMean: 2500, demandStdDev: 500, leadTime: 2 });
    expect(mean).toBe(5000);
    expect(stdDev).toBeCloseTo(707.1067811865475, 9);
  });

  it("lead-time uncertainty example: daily demand 2,500, σ 500, L = 7 days, s_L = 7 days", () => {
    // σ_L = √(L·σ_D² + D²·s_L²) = √(7 × 500² + 2,500² × 7²) = √308,000,000 = 17,549.93 (the book's 17,550).
    const { mean, stdDev } = protectionIntervalDemand({
      demandMean: 2500,
      demandStdDev: 500,
      leadTime: 7,
      leadTimeStdDev: 7,
    });
    expect(mean).toBe(17500);
    expect(stdDev).toBeCloseTo(17549.9287747842, 9);
  });

  it("periodic review (Lego at a Walmart store): weekly demand 2,500, σ 500, L = 2, T = 4 weeks", () => {
    // Protection interval T + L = 6 weeks: mean 15,000; σ_{T+L} = √6 × 500 = 1,224.74 (the book's 1,225).
    const { mean, stdDev } = protectionIntervalDemand({
      demandMean: 2500,
      demandStdDev: 500,
      leadTime: 2,
      reviewPeriod: 4,
    });
    expect(mean).toBe(15000);
    expect(stdDev).toBeCloseTo(1224.74487139159, 9);
  });

  it("treats omitted leadTimeStdDev and reviewPeriod as 0", () => {
    const base = { demandMean: 40, demandStdDev: 12, leadTime: 3 };
    expect(protectionIntervalDemand(base)).toEqual(
      protectionIntervalDemand({ ...base, leadTimeStdDev: 0, reviewPeriod: 0 }),
    );
  });

  it("has no spread when demand and lead time are both certain", () => {
    expect(protectionIntervalDemand({ demandMean: 100, demandStdDev: 0, leadTime: 3, leadTimeStdDev: 0 }).stdDev).toBe(0);
  });

  it("adds the two variances: σ_P² = (L + R)·σd² + μ²·σL²", () => {
    const inputs = fc.record({
      demandMean: fc.double({ min: 0, max: 1e4, noNaN: true }),
      demandStdDev: fc.double({ min: 0, max: 1e3, noNaN: true }),
      leadTime: fc.double({ min: 0, max: 52, noNaN: true }),
      leadTimeStdDev: fc.double({ min: 0, max: 10, noNaN: true }),
      reviewPeriod: fc.double({ min: 0, max: 12, noNaN: true }),
    });
    fc.assert(
      fc.property(inputs, (input: Required<ReplenishmentInputs>) => {
        const { mean, stdDev } = protectionIntervalDemand(input);
        const interval = input.leadTime + input.reviewPeriod;
        expect(mean).toBeCloseTo(input.demandMean * interval, 6);
        const demandPart = Math.sqrt(interval) * input.demandStdDev;
        const leadTimePart = input.demandMean * input.leadTimeStdDev;
        expect(stdDev).toBeGreaterThanOrEqual(Math.max(demandPart, leadTimePart) * (1 - 1e-12));
        expect(stdDev).toBeLessThanOrEqual((demandPart + leadTimePart) * (1 + 1e-12));
      }),
    );
  });

  it("names the field a planner has to fix", () => {
    const valid = { demandMean: 100, demandStdDev: 20, leadTime: 2, leadTimeStdDev: 0.5, reviewPeriod: 1 };
    for (const field of ["demandMean", "demandStdDev", "leadTime", "leadTimeStdDev", "reviewPeriod"] as const) {
      expectSegmentError(() => protectionIntervalDemand({ ...valid, [field]: -1 }), "out-of-range", field);
      expectSegmentError(() => protectionIntervalDemand({ ...valid, [field]: NaN }), "invalid-input", field);
      expectSegmentError(() => protectionIntervalDemand({ ...valid, [field]: Infinity }), "invalid-input", field);
      expectSegmentError(
        () => protectionIntervalDemand({ ...valid, [field]: "12" as unknown as number }),
        "invalid-input",
        field,
      );
    }
    expectSegmentError(
      () => protectionIntervalDemand({ ...valid, demandStdDev: -3 }),
      "out-of-range",
      "demandStdDev must be 0 or more; got -3",
    );
  });
});
