import fc from "fast-check";
import {
  classifyXyz,
  STATUS_NEGATIVE_DEMAND,
  STATUS_NO_DEMAND,
  STATUS_OK,
  STATUS_TOO_FEW_PERIODS,
  type XyzResult,
} from "../../../src/engine/classify/xyz";
import { coefficientOfVariation } from "../../../src/engine/stats/descriptive";
import { errorOf } from "../../support/segmentError";


/** Row-major history from one array of periods per item. */
function historyOf(rows: number[][]): { history: Float64Array; items: number; periods: number } {
  const periods = rows.length === 0 ? 0 : rows[0].length;
  return { history: Float64Array.from(rows.flat()), items: rows.length, periods };
}

function classify(rows: number[][], options?: Parameters<typeof classifyXyz>[3]): XyzResult {
  const { history, items, periods } = historyOf(rows);
  return classifyXyz(history, items, periods, options);
}

function classesOf(result: XyzResult): string[] {
  return Array.from(result.classIndex, (k) => (k < 0 ? "-" : result.labels[k]));
}

describe("classifyXyz, worked example computed by hand", () => {
  // Three items, six months each; every item averages 10 a month. Sample standard deviation (n − 1).
  //   steady  10 12  8 11  9 10: deviations 0, 2, −2, 1, −1, 0;   Σd² = 10;   s² = 10/5 = 2;    s = 1.41421; CV = 0.14142 → X
  //   uneven   5 15 10  0 20 10: deviations −5, 5, 0, −10, 10, 0; Σd² = 250;  s² = 250/5 = 50;  s = 7.07107; CV = 0.70711 → Y
  //   sporadic 0  0 30  0  0 30: deviations −10 ×4, 20 ×2;        Σd² = 1200; s² = 1200/5 = 240; s = 15.4919; CV = 1.54919 → Z
  // Population deviation (n): CV = √(10/6)/10 = 0.12910, √(250/6)/10 = 0.64550, √(1200/6)/10 = 1.41421.
  const rows = [
    [10, 12, 8, 11, 9, 10],
    [5, 15, 10, 0, 20, 10],
    [0, 0, 30, 0, 0, 30],
  ];

  it("gives CV 0.141, 0.707, 1.549 → X, Y, Z", () => {
    const result = classify(rows);
    expect(Array.from(result.mean)).toEqual([10, 10, 10]);
    expect(result.coefficientOfVariation[0]).toBeCloseTo(Math.SQRT2 / 10, 12);
    expect(result.coefficientOfVariation[1]).toBeCloseTo(Math.sqrt(50) / 10, 12);
    expect(result.coefficientOfVariation[2]).toBeCloseTo(Math.sqrt(240) / 10, 12);
    expect(classesOf(result)).toEqual(["X", "Y", "Z"]);
    expect(Array.from(result.counts)).toEqual([1, 1, 1]);
    expect(Array.from(result.status)).toEqual([STATUS_OK, STATUS_OK, STATUS_OK]);
    expect(result.report).toEqual({ items: 3, classified: 3, tooFewPeriods: 0, noDemand: 0, negativeDemand: 0 });
  });

  it("with the population deviation: CV 0.129, 0.646, 1.414", () => {
    const result = classify(rows, { deviation: "population" });
    expect(result.coefficientOfVariation[0]).toBeCloseTo(Math.sqrt(10 / 6) / 10, 12);
    expect(result.coefficientOfVariation[1]).toBeCloseTo(Math.sqrt(250 / 6) / 10, 12);
    expect(result.coefficientOfVariation[2]).toBeCloseTo(Math.SQRT2, 12);
    expect(classesOf(result)).toEqual(["X", "Y", "Z"]);
  });
});

describe("classifyXyz, rules at the edges", () => {
  it("a CV exactly on a cutoff takes the earlier class", () => {
    // Population deviation: 1, 3 → mean 2, σ = 1, CV 0.5 → X. 0, 2 → mean 1, σ = 1, CV 1.0 → Y.
    const result = classify([[1, 3], [0, 2], [1, 4]], { deviation: "population" });
    expect(Array.from(result.coefficientOfVariation)).toEqual([0.5, 1, 0.6]);
    expect(classesOf(result)).toEqual(["X", "Y", "Y"]);
  });

  it("skips a missing period instead of counting it as zero", () => {
    // 10, _, 20: mean 15, s² = (25 + 25)/1 = 50, CV = 7.071/15 = 0.471 → X.
    // 10, 0, 20: mean 10, s² = (0 + 100 + 100)/2 = 100, CV = 10/10 = 1 → Y.
    const result = classify([[10, NaN, 20], [10, 0, 20]]);
    expect(result.coefficientOfVariation[0]).toBeCloseTo(Math.sqrt(50) / 15, 12);
    expect(result.coefficientOfVariation[1]).toBe(1);
    expect(Array.from(result.mean)).toEqual([15, 10]);
    expect(classesOf(result)).toEqual(["X", "Y"]);
  });

  it("leaves negative, too short, zero and empty histories unclassified, with a status each", () => {
    const result = classify([
      [5, -1, 3, 4], // a net return in period 2
      [NaN, 4, NaN, NaN], // one observed period
      [0, 0, NaN, 0], // no demand at all
      [NaN, NaN, NaN, NaN], // nothing observed
      [-2, NaN, NaN, NaN], // negative beats too short
      [7, 7, 7, 7], // constant demand: CV 0 → X
    ]);
    expect(Array.from(result.status)).toEqual([
      STATUS_NEGATIVE_DEMAND,
      STATUS_TOO_FEW_PERIODS,
      STATUS_NO_DEMAND,
      STATUS_TOO_FEW_PERIODS,
      STATUS_NEGATIVE_DEMAND,
      STATUS_OK,
    ]);
    expect(classesOf(result)).toEqual(["-", "-", "-", "-", "-", "X"]);
    expect(Array.from(result.coefficientOfVariation)).toEqual([NaN, NaN, NaN, NaN, NaN, 0]);
    expect(Array.from(result.mean)).toEqual([2.75, 4, 0, NaN, -2, 7]);
    expect(Array.from(result.counts)).toEqual([1, 0, 0]);
    expect(result.report).toEqual({ items: 6, classified: 1, tooFewPeriods: 2, noDemand: 1, negativeDemand: 2 });
  });

  it("minPeriods raises the history an item needs", () => {
    const rows = [[4, 6, NaN, NaN], [4, 6, 5, NaN]];
    expect(Array.from(classify(rows).status)).toEqual([STATUS_OK, STATUS_OK]);
    const stricter = classify(rows, { minPeriods: 3 });
    expect(Array.from(stricter.status)).toEqual([STATUS_TOO_FEW_PERIODS, STATUS_OK]);
    expect(classesOf(stricter)).toEqual(["-", "X"]);
  });

  it("takes any number of classes with named labels", () => {
    const result = classify([[10, 12, 8, 11, 9, 10], [7, 13, 10, 10, 7, 13], [5, 15, 10, 0, 20, 10], [0, 0, 30, 0, 0, 30]], {
      cutoffs: [0.25, 0.5, 1],
      labels: ["X1", "X2", "Y", "Z"],
    });
    // Second item: deviations −3, 3, 0, 0, −3, 3 → Σd² = 36, s² = 7.2, CV = 2.683/10 = 0.268 → X2.
    expect(classesOf(result)).toEqual(["X1", "X2", "Y", "Z"]);
    expect(Array.from(result.counts)).toEqual([1, 1, 1, 1]);
  });

  it("handles no items and no periods", () => {
    expect(classifyXyz(new Float64Array(0), 0, 12).report.items).toBe(0);
    const noPeriods = classifyXyz(new Float64Array(0), 2, 0);
    expect(Array.from(noPeriods.status)).toEqual([STATUS_TOO_FEW_PERIODS, STATUS_TOO_FEW_PERIODS]);
  });
});

describe("classifyXyz, invalid input", () => {
  const history = Float64Array.of(1, 2, 3, 4, 5, 6);

  it.each([
    [{ cutoffs: [1, 0.5] }, "invalid-input", "cutoffs must increase strictly; got 1, 0.5"],
    [{ cutoffs: [-0.1, 0.5] }, "out-of-range", "cutoffs are coefficients of variation and must be ≥ 0; got -0.1, 0.5"],
    [{ cutoffs: [0.5, Infinity] }, "invalid-input", "cutoffs must be numbers; got 0.5, Infinity"],
    [
      { cutoffs: [0.25, 0.5, 1] },
      "invalid-input",
      "labels are required when cutoffs make 4 classes (the default labels X, Y, Z fit 2 cutoffs)",
    ],
    [
      { labels: ["X", "Y"] },
      "invalid-input",
      "labels must name one class more than there are cutoffs: 2 cutoffs make 3 classes; got 2 (X, Y)",
    ],
    [{ labels: ["X", "X", "Z"] }, "invalid-input", 'labels must be distinct; "X" appears more than once'],
    [{ minPeriods: 1 }, "out-of-range", "minPeriods must be at least 2 (a variation needs two periods to measure); got 1"],
    [{ minPeriods: 2.5 }, "invalid-input", "minPeriods must be a whole number of periods; got 2.5"],
    [{ deviation: "both" as never }, "invalid-input", 'deviation must be "sample" or "population"; got "both"'],
  ])("rejects %j", (options, kind, message) => {
    const error = errorOf(() => classifyXyz(history, 2, 3, options));
    expect(error.kind).toBe(kind);
    expect(error.message).toBe(message);
  });

  it("rejects a history of the wrong shape", () => {
    expect(errorOf(() => classifyXyz(history, 2, 4)).message).toBe(
      "history holds 6 values but 2 items × 4 periods need 8",
    );
    expect(errorOf(() => classifyXyz(history, -1, 3)).message).toMatch(/itemCount and periodCount must be whole numbers/);
    expect(errorOf(() => classifyXyz([1, 2] as unknown as Float64Array, 1, 2)).kind).toBe("invalid-input");
  });

  it("rejects an infinite demand, naming item and period", () => {
    const error = errorOf(() => classifyXyz(Float64Array.of(1, 2, 3, 4, -Infinity, 6), 2, 3));
    expect(error.kind).toBe("invalid-input");
    expect(error.message).toBe(
      "history must hold finite demands (blank or NaN for a missing period); item 2, period 2 is -Infinity",
    );
  });
});

describe("classifyXyz, properties", () => {
  const periods = 8;
  // No subnormal demands: scaling one down to 0 would rightly change the item's status.
  const demand = fc.oneof(fc.double({ min: 1e-6, max: 1e4, noNaN: true }), fc.constantFrom(0, NaN, 5));
  const histories = fc
    .array(fc.array(demand, { minLength: periods, maxLength: periods }), { maxLength: 30 })
    .map((rows) => historyOf(rows.length === 0 ? [] : rows));

  it("the class never decreases as the CV grows", () => {
    fc.assert(
      fc.property(histories, ({ history, items }) => {
        const result = classifyXyz(history, items, periods);
        for (let i = 0; i < items; i++) {
          for (let j = 0; j < items; j++) {
            if (result.classIndex[i] >= 0 && result.classIndex[j] >= 0 && result.coefficientOfVariation[i] < result.coefficientOfVariation[j]) {
              expect(result.classIndex[i]).toBeLessThanOrEqual(result.classIndex[j]);
            }
          }
        }
      }),
    );
  });

  it("scaling the history by a positive constant changes neither CV nor class", () => {
    fc.assert(
      fc.property(histories, fc.double({ min: 1e-3, max: 1e3, noNaN: true }), ({ history, items }, factor) => {
        const before = classifyXyz(history, items, periods);
        const after = classifyXyz(history.map((v) => v * factor), items, periods);
        expect(Array.from(after.status)).toEqual(Array.from(before.status));
        for (let i = 0; i < items; i++) {
          const cv = before.coefficientOfVariation[i];
          if (Number.isNaN(cv)) continue;
          expect(Math.abs(after.coefficientOfVariation[i] - cv)).toBeLessThanOrEqual(1e-9 * Math.max(1, cv));
          expect(after.classIndex[i]).toBe(before.classIndex[i]);
        }
      }),
    );
  });

  it("counts and statuses add up to the items; CV is the descriptive CV of the observed periods", () => {
    fc.assert(
      fc.property(histories, ({ history, items }) => {
        const result = classifyXyz(history, items, periods);
        const { classified, tooFewPeriods, noDemand, negativeDemand } = result.report;
        expect(classified + tooFewPeriods + noDemand + negativeDemand).toBe(items);
        expect(result.counts.reduce((a, b) => a + b, 0)).toBe(classified);
        for (let i = 0; i < items; i++) {
          if (result.status[i] !== STATUS_OK) continue;
          expect(result.coefficientOfVariation[i]).toBe(coefficientOfVariation(history, i * periods, periods));
        }
      }),
    );
  });
});
