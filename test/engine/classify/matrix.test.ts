import fc from "fast-check";
import { SegmentError } from "../../../src/engine/errors";
import { classifyAbc } from "../../../src/engine/classify/abc";
import { classifyXyz } from "../../../src/engine/classify/xyz";
import { crossAbcXyz } from "../../../src/engine/classify/matrix";
import * as classify from "../../../src/engine/classify";

describe("crossAbcXyz", () => {
  // Four items: revenue 60, 30, 10, NaN (→ A, B, C, unclassified) and four months of demand each.
  // Item 1: 10 12 8 10, mean 10, Σd² = 8, s² = 8/3, CV 0.163 → X
  // Item 2: 0 20 0 20, mean 10, Σd² = 400, s² = 133.3, CV 1.155 → Z
  // Item 3: 5 10 5 10, mean 7.5, Σd² = 25, s² = 8.33, CV 0.385 → X
  // Item 4: 1 1 1 1 → X, but unclassified in ABC.
  const abc = classifyAbc([60, 30, 10, NaN]);
  const xyz = classifyXyz(Float64Array.of(10, 12, 8, 10, 0, 20, 0, 20, 5, 10, 5, 10, 1, 1, 1, 1), 4, 4);

  it("names the cells row-major and counts the items in each", () => {
    const matrix = crossAbcXyz(abc, xyz);
    expect(matrix.labels).toEqual(["AX", "AY", "AZ", "BX", "BY", "BZ", "CX", "CY", "CZ"]);
    expect(Array.from(matrix.classIndex, (k) => (k < 0 ? "-" : matrix.labels[k]))).toEqual(["AX", "BZ", "CX", "-"]);
    expect(Array.from(matrix.counts)).toEqual([1, 0, 0, 0, 0, 1, 1, 0, 0]);
  });

  it("works for any numbers of classes on either side", () => {
    // Cumulative 50%, 90%, 99%, 100% → A, B, C, D. CVs of the two-period rows 1 1, 0 9, 1 2, 3 3:
    // 0, 6.364/4.5 = 1.414, 0.707/1.5 = 0.471, 0 → steady, variable, steady, steady.
    const fourAbc = classifyAbc([50, 40, 9, 1], { cutoffs: [0.5, 0.9, 0.99] });
    const twoXyz = classifyXyz(Float64Array.of(1, 1, 0, 9, 1, 2, 3, 3), 4, 2, { cutoffs: [0.5], labels: ["steady", "variable"] });
    const matrix = crossAbcXyz(fourAbc, twoXyz);
    expect(matrix.labels).toEqual(["Asteady", "Avariable", "Bsteady", "Bvariable", "Csteady", "Cvariable", "Dsteady", "Dvariable"]);
    expect(matrix.counts.length).toBe(8);
    expect(Array.from(matrix.classIndex, (k) => matrix.labels[k])).toEqual(["Asteady", "Bvariable", "Csteady", "Dsteady"]);
  });

  it("rejects results for different items", () => {
    const other = classifyXyz(Float64Array.of(1, 2), 1, 2);
    let error: unknown;
    try {
      crossAbcXyz(abc, other);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(SegmentError);
    expect((error as SegmentError).message).toBe(
      "the ABC and XYZ results must cover the same items in the same order; got 4 ABC items and 1 XYZ items",
    );
  });

  it("cell counts add up to the items classified on both sides", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.oneof(fc.double({ min: -10, max: 100, noNaN: true }), fc.constant(NaN)), fc.nat(20), fc.nat(20)), {
          maxLength: 40,
        }),
        (rows) => {
          const a = classifyAbc(rows.map(([value]) => value));
          const x = classifyXyz(Float64Array.from(rows.flatMap(([, p1, p2]) => [p1, p2])), rows.length, 2);
          const matrix = crossAbcXyz(a, x);
          const both = rows.filter((_, i) => a.classIndex[i] >= 0 && x.classIndex[i] >= 0).length;
          expect(matrix.counts.reduce((s, c) => s + c, 0)).toBe(both);
          rows.forEach((_, i) => {
            if (matrix.classIndex[i] < 0) return;
            expect(matrix.labels[matrix.classIndex[i]]).toBe(a.labels[a.classIndex[i]] + x.labels[x.classIndex[i]]);
          });
        },
      ),
    );
  });

  it("is exported with the other classifiers from the classify index", () => {
    expect(classify.crossAbcXyz).toBe(crossAbcXyz);
    expect(typeof classify.classifyAbc).toBe("function");
    expect(typeof classify.classifyXyz).toBe("function");
    expect(typeof classify.classifyDemandPattern).toBe("function");
    expect(classify.STATUS_TOO_FEW_DEMANDS).toBe(4);
    expect([classify.STATUS_OK, classify.STATUS_TOO_FEW_PERIODS, classify.STATUS_NO_DEMAND, classify.STATUS_NEGATIVE_DEMAND]).toEqual([0, 1, 2, 3]);
  });
});
