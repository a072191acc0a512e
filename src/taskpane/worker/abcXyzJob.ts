/**
 * ABC-XYZ classification as an engine job: the value of each item and its demand history go in as
 * typed arrays; the nine-class matrix, with the ABC and XYZ figures behind each item's class, comes out.
 */
import { classifyAbc, classifyXyz, crossAbcXyz, type AbcOptions, type XyzOptions } from "../../engine/classify";
import { defineJob } from "./jobs";

export interface AbcXyzJobInput {
  /** Per item, the value ranked for ABC (e.g. annual revenue); NaN = missing. */
  values: Float64Array;
  /** Row-major items × periods demand history; NaN = missing period. */
  history: Float64Array;
  periodCount: number;
  abc?: AbcOptions;
  xyz?: XyzOptions;
}

export interface AbcXyzJobOutput {
  /** Matrix cells, "AX" … "CZ". */
  labels: string[];
  /** Per item: index into labels; −1 when either side left it unclassified. */
  classIndex: Int32Array;
  counts: Int32Array;
  abcLabels: string[];
  abcClassIndex: Int32Array;
  cumulativeShare: Float64Array;
  xyzLabels: string[];
  xyzClassIndex: Int32Array;
  coefficientOfVariation: Float64Array;
}

export const abcXyzJob = defineJob<AbcXyzJobInput, AbcXyzJobOutput>("classify.abcXyz", async (input, context) => {
  const itemCount = input.values.length;
  context.progress(0, 3, "Ranking items by value (ABC)");
  const abc = classifyAbc(input.values, input.abc);
  await context.checkpoint();
  context.progress(1, 3, "Measuring demand variability (XYZ)");
  const xyz = classifyXyz(input.history, itemCount, input.periodCount, input.xyz);
  await context.checkpoint();
  context.progress(2, 3, "Crossing the classes");
  const matrix = crossAbcXyz(abc, xyz);
  context.progress(3, 3);
  return {
    labels: matrix.labels,
    classIndex: matrix.classIndex,
    counts: matrix.counts,
    abcLabels: abc.labels,
    abcClassIndex: abc.classIndex,
    cumulativeShare: abc.cumulativeShare,
    xyzLabels: xyz.labels,
    xyzClassIndex: xyz.classIndex,
    coefficientOfVariation: xyz.coefficientOfVariation,
  };
});
