import fc from "fast-check";
import {
  classifyDemandPattern,
  DEMAND_PATTERNS,
  STATUS_TOO_FEW_DEMANDS,
  type DemandPatternResult,
} from "../../../src/engine/classify/demandPattern";
import {
  STATUS_NEGATIVE_DEMAND,
  STATUS_NO_DEMAND,
  STATUS_OK,
  STATUS_TOO_FEW_PERIODS,
} from "../../../src/engine/classify/xyz";
import { errorOf } from "../../support/segmentError";


/** Rows may differ in length: shorter rows are padded with NaN (missing trailing periods). */
function classify(rows: number[][], options?: Parameters<typeof classifyDemandPattern>[3]): DemandPatternResult {
  const periods = Math.max(0, ...rows.map((row) => row.length));
  const history = new Float64Array(rows.length * periods).fill(NaN);
  rows.forEach((row, i) => history.set(row, i * periods));
  return classifyDemandPattern(history, rows.length, periods, options);
}

function patternsOf(result: DemandPatternResult): string[] {
  return Array.from(result.pattern, (code) => (code < 0 ? "-" : DEMAND_PATTERNS[code]));
}

describe("classifyDemandPattern, one series per quadrant, computed by hand", () => {
  // Syntetos, Boylan & Croston (2005), JORS 56(5):495–503: ADI cutoff 1.32, CV² cutoff 0.49.
  // ADI = observed periods ÷ periods with demand; CV² = (σ ÷ mean)² of the non-zero sizes, σ² = Σd² ÷ n
  // (population variance, the default), d = size − mean.
  //   smooth       3 4 5 4 3 5 4 4 3 5 4 4   ADI 12/12 = 1;   12 sizes: mean 48/12 = 4, Σd² = 3 × 1 + 3 × 1 = 6,
  //                                           σ² = 6/12 = 0.5, CV² = 0.5/16 = 0.03125
  //   erratic      1 9 1 9 1 9 1 9           ADI 8/8 = 1;     8 sizes: mean 5, Σd² = 8 × 16 = 128,
  //                                           σ² = 128/8 = 16, CV² = 16/25 = 0.64
  //   intermittent 0 5 0 0 6 0 4 0 5 0 0 5   ADI 12/5 = 2.4;  sizes 5 6 4 5 5: mean 5, Σd² = 0 + 1 + 1 + 0 + 0 = 2,
  //                                           σ² = 2/5 = 0.4, CV² = 0.4/25 = 0.016
  //   lumpy        0 0 1 0 0 0 20 0 0 3 0 0  ADI 12/3 = 4;    sizes 1 20 3: mean 8, Σd² = 49 + 144 + 25 = 218,
  //                                           σ² = 218/3 = 72.667, CV² = 218/3/64 = 218/192 = 1.135417
  const rows = [
    [3, 4, 5, 4, 3, 5, 4, 4, 3, 5, 4, 4],
    [1, 9, 1, 9, 1, 9, 1, 9],
    [0, 5, 0, 0, 6, 0, 4, 0, 5, 0, 0, 5],
    [0, 0, 1, 0, 0, 0, 20, 0, 0, 3, 0, 0],
  ];

  it("places them smooth, erratic, intermittent, lumpy", () => {
    const result = classify(rows);
    expect(Array.from(result.adi)).toEqual([1, 1, 2.4, 4]);
    expect(result.cv2[0]).toBeCloseTo(0.03125, 12);
    expect(result.cv2[1]).toBeCloseTo(0.64, 12);
    expect(result.cv2[2]).toBeCloseTo(0.016, 12);
    expect(result.cv2[3]).toBeCloseTo(218 / 192, 12);
    expect(patternsOf(result)).toEqual(["smooth", "erratic", "intermittent", "lumpy"]);
    expect(Array.from(result.counts)).toEqual([1, 1, 1, 1]);
    expect(result.report).toEqual({
      items: 4,
      classified: 4,
      tooFewPeriods: 0,
      noDemand: 0,
      negativeDemand: 0,
      tooFewDemands: 0,
    });
    expect(Array.from(classify(rows, { deviation: "population" }).cv2)).toEqual(Array.from(result.cv2));
  });

  it('with deviation "sample" divides Σd² by n − 1 instead', () => {
    //   smooth       s² = 6/11 = 0.54545,  CV² = 0.54545/16 = 0.03409
    //   erratic      s² = 128/7 = 18.2857, CV² = 18.2857/25 = 0.73143
    //   intermittent s² = 2/4 = 0.5,       CV² = 0.5/25 = 0.02
    //   lumpy        s² = 218/2 = 109,     CV² = 109/64 = 1.703125
    //   sizes 3 10 17: mean 10, Σd² = 49 + 0 + 49 = 98: s² = 98/2 = 49, CV² = 49/100 = 0.49 → erratic, where
    //                 the population σ² = 98/3 = 32.667 gives CV² = 0.32667 → smooth.
    const withCutoffCase = [...rows, [3, 10, 17]];
    const sample = classify(withCutoffCase, { deviation: "sample" });
    expect(sample.cv2[0]).toBeCloseTo(6 / 11 / 16, 12);
    expect(sample.cv2[1]).toBeCloseTo(128 / 7 / 25, 12);
    expect(sample.cv2[2]).toBeCloseTo(0.02, 12);
    expect(sample.cv2[3]).toBeCloseTo(1.703125, 12);
    expect(sample.cv2[4]).toBeCloseTo(0.49, 15);
    expect(Array.from(sample.adi)).toEqual([1, 1, 2.4, 4, 1]);
    expect(patternsOf(sample)).toEqual(["smooth", "erratic", "intermittent", "lumpy", "erratic"]);

    const population = classify(withCutoffCase);
    expect(population.cv2[4]).toBeCloseTo(98 / 3 / 100, 12);
    expect(patternsOf(population)[4]).toBe("smooth");
  });

  it("moves with the cutoffs", () => {
    // ADI 2.4 is below a cutoff of 2.5, CV² 0.64 below 0.8: intermittent → smooth, erratic → smooth;
    // lumpy stays (ADI 4 ≥ 2.5, CV² 1.135 ≥ 0.8).
    expect(patternsOf(classify(rows, { adiCutoff: 2.5, cv2Cutoff: 0.8 }))).toEqual(["smooth", "smooth", "smooth", "lumpy"]);
  });
});

describe("classifyDemandPattern, rules at the edges", () => {
  it("a value exactly on a cutoff counts as at or above it", () => {
    // 25 demands of 2 in 33 periods: ADI 33/25 = 1.32 → intermittent; 32 periods: ADI 1.28 → smooth.
    const onCutoff = [...Array(25).fill(2), ...Array(8).fill(0)];
    const below = [...Array(25).fill(2), ...Array(7).fill(0)];
    // Sizes 3, 17: mean 10, Σd² = 49 + 49 = 98, σ² = 98/2 = 49, σ = 7, CV² = (7/10)² = 0.49 exactly, though it
    // is 0.48999999999999994 in binary floating point → erratic.
    const sizesOnCutoff = [3, 17];
    const result = classify([onCutoff, below, sizesOnCutoff]);
    expect(result.adi[0]).toBe(1.32);
    expect(result.adi[1]).toBe(1.28);
    expect(result.cv2[2]).toBeCloseTo(0.49, 15);
    expect(patternsOf(result)).toEqual(["intermittent", "smooth", "erratic"]);
  });

  it("measures a series that stops early over the periods it has", () => {
    // 0 3 0 4 then two missing months: ADI 4/2 = 2 (not 6/2 = 3); sizes 3, 4: mean 3.5,
    // σ² = (0.25 + 0.25)/2 = 0.25, CV² = 0.25/12.25 = 1/49 = 0.0204 → intermittent.
    const result = classify([[0, 3, 0, 4, NaN, NaN], [0, 3, 0, 4, 0, 0]]);
    expect(result.adi[0]).toBe(2);
    expect(result.adi[1]).toBe(3);
    expect(result.cv2[0]).toBeCloseTo(1 / 49, 12);
    expect(patternsOf(result)).toEqual(["intermittent", "intermittent"]);
  });

  it("leaves series it cannot measure unclassified, with a status each", () => {
    const result = classify([
      [0, 5, -2, 4], // a net return
      [NaN, NaN, 5, NaN], // one observed period
      [0, 0, 0, 0], // no demand
      [0, 7, 0, 0], // one demand: ADI 4, CV² undefined
      [NaN, NaN, NaN, NaN],
    ]);
    expect(Array.from(result.status)).toEqual([
      STATUS_NEGATIVE_DEMAND,
      STATUS_TOO_FEW_PERIODS,
      STATUS_NO_DEMAND,
      STATUS_TOO_FEW_DEMANDS,
      STATUS_TOO_FEW_PERIODS,
    ]);
    expect(patternsOf(result)).toEqual(["-", "-", "-", "-", "-"]);
    expect(Array.from(result.adi)).toEqual([NaN, NaN, NaN, 4, NaN]);
    expect(Array.from(result.cv2)).toEqual([NaN, NaN, NaN, NaN, NaN]);
    expect(Array.from(result.counts)).toEqual([0, 0, 0, 0]);
    expect(result.report).toEqual({
      items: 5,
      classified: 0,
      tooFewPeriods: 2,
      noDemand: 1,
      negativeDemand: 1,
      tooFewDemands: 1,
    });
    expect(STATUS_OK).toBe(0);
  });

  it("lists the patterns in code order", () => {
    expect(DEMAND_PATTERNS).toEqual(["smooth", "erratic", "intermittent", "lumpy"]);
  });
});

describe("classifyDemandPattern, invalid input", () => {
  const history = Float64Array.of(1, 0, 2, 0);
  it.each([
    [{ adiCutoff: 0 }, "out-of-range", "adiCutoff must be greater than 0; got 0"],
    [{ cv2Cutoff: -0.49 }, "out-of-range", "cv2Cutoff must be greater than 0; got -0.49"],
    [{ adiCutoff: NaN }, "invalid-input", "adiCutoff must be a number; got NaN"],
    [{ cv2Cutoff: "0.49" as unknown as number }, "invalid-input", "cv2Cutoff must be a number; got 0.49"],
    [
      { deviation: "variance" as unknown as "sample" },
      "invalid-input",
      'deviation must be "sample" or "population"; got "variance"',
    ],
    [{ deviation: null as unknown as "sample" }, "invalid-input", 'deviation must be "sample" or "population"; got null'],
  ])("rejects %j", (options, kind, message) => {
    const error = errorOf(() => classifyDemandPattern(history, 1, 4, options));
    expect(error.kind).toBe(kind);
    expect(error.message).toBe(message);
  });

  it("rejects a history of the wrong shape and infinite demands", () => {
    expect(errorOf(() => classifyDemandPattern(history, 2, 3)).message).toBe(
      "history holds 4 values but 2 items × 3 periods need 6",
    );
    expect(errorOf(() => classifyDemandPattern(Float64Array.of(1, Infinity), 1, 2)).message).toBe(
      "history must hold finite demands (blank or NaN for a missing period); item 1, period 2 is Infinity",
    );
  });
});

describe("classifyDemandPattern, properties", () => {
  const periods = 12;
  const demand = fc.oneof(fc.constant(0), fc.constant(0), fc.integer({ min: 1, max: 50 }), fc.constant(NaN));
  const series = fc.array(demand, { minLength: periods, maxLength: periods });
  const histories = fc.array(series, { maxLength: 25 });

  it("statuses add up to the items and the pattern matches its quadrant", () => {
    fc.assert(
      fc.property(histories, (rows) => {
        const result = classify(rows.length === 0 ? [] : rows);
        const { classified, tooFewPeriods, noDemand, negativeDemand, tooFewDemands } = result.report;
        expect(classified + tooFewPeriods + noDemand + negativeDemand + tooFewDemands).toBe(rows.length);
        expect(result.counts.reduce((a, b) => a + b, 0)).toBe(classified);
        rows.forEach((_, i) => {
          if (result.pattern[i] < 0) return;
          expect(result.adi[i]).toBeGreaterThanOrEqual(1);
          const intermittent = result.adi[i] >= 1.32;
          const variable = result.cv2[i] >= 0.49 - 1e-12;
          expect(result.pattern[i]).toBe(intermittent ? (variable ? 3 : 2) : variable ? 1 : 0);
        });
      }),
    );
  });

  it("reordering the periods, inserting missing ones or scaling the sizes changes neither ADI nor CV²", () => {
    fc.assert(
      fc.property(series, fc.integer({ min: 1, max: 1000 }), (row, factor) => {
        const reversed = row.slice().reverse();
        const padded = [NaN, ...row, NaN];
        const scaled = row.map((v) => v * factor);
        const result = classify([row, reversed, padded, scaled]);
        for (let i = 1; i < 4; i++) {
          expect(result.status[i]).toBe(result.status[0]);
          expect(result.pattern[i]).toBe(result.pattern[0]);
          expect(result.adi[i]).toBe(result.adi[0]);
          if (!Number.isNaN(result.cv2[0])) expect(result.cv2[i]).toBeCloseTo(result.cv2[0], 9);
        }
      }),
    );
  });
});
