/* eslint-disable @typescript-eslint/no-explicit-any -- Excel's argument types, as custom-functions-metadata reads them */
/** SEGMENT.ABC, XYZ, DEMANDPATTERN and ABCXYZ: classifications that spill one class per item. */
import { abc as abcCells, abcXyz as abcXyzCells, demandPattern as demandPatternCells, xyz as xyzCells } from "./classify";

/**
 * ABC classification by cumulative share of a measure (revenue, volume, margin, order lines): the items making the first 80% are A, the next 15% B, the rest C.
 * @customfunction ABC
 * @param values One column of values, one per item (e.g. annual revenue). Blank cells give #N/A; zero and negative values rank last and take the last class.
 * @param [cutoffs] Cumulative-share cutoffs in increasing order, e.g. {0.8,0.95} (the default). Three cutoffs make four classes.
 * @param [labels] Class labels, one more than the cutoffs, e.g. {"A","B","C"} (the default).
 * @returns One class per item, in the input's order.
 */
export function abc(values: any[][], cutoffs?: any[][], labels?: any[][]): any[][] {
  return abcCells(values, cutoffs ?? null, labels ?? null);
}

/**
 * XYZ classification by demand variability: the coefficient of variation (standard deviation / mean, STDEV.S) of each item's demand over its periods. CV ≤ 0.5 is X, ≤ 1.0 is Y, above is Z.
 * @customfunction XYZ
 * @param history Demand history: one row per item, one column per period. Blank cells are periods without data and are skipped; enter 0 for a period with no demand.
 * @param [cutoffs] CV cutoffs in increasing order, e.g. {0.5,1} (the default).
 * @param [labels] Class labels, one more than the cutoffs; default {"X","Y","Z"}.
 * @param [minPeriods] Fewest periods with data an item needs to be classified (default 2); items with fewer give #N/A.
 * @returns One class per item (row of history).
 */
export function xyz(history: any[][], cutoffs?: any[][], labels?: any[][], minPeriods?: any[][]): any[][] {
  return xyzCells(history, cutoffs ?? null, labels ?? null, minPeriods ?? null);
}

/**
 * Demand pattern by Syntetos-Boylan: smooth, erratic, intermittent or lumpy, from the average demand interval (ADI) and the squared coefficient of variation of non-zero demand sizes (CV²).
 * @customfunction DEMANDPATTERN
 * @param history Demand history: one row per item, one column per period. Blank cells are periods without data and are skipped; enter 0 for a period with no demand.
 * @param [adiCutoff] ADI at or above which demand is intermittent (default 1.32).
 * @param [cv2Cutoff] CV² at or above which demand sizes are erratic (default 0.49).
 * @returns One pattern per item: smooth, erratic, intermittent or lumpy.
 */
export function demandPattern(history: any[][], adiCutoff?: any[][], cv2Cutoff?: any[][]): any[][] {
  return demandPatternCells(history, adiCutoff ?? null, cv2Cutoff ?? null);
}

/**
 * ABC-XYZ matrix class (AX ... CZ): ABC by cumulative share of a value crossed with XYZ by demand variability.
 * @customfunction ABCXYZ
 * @param values One column of values per item for ABC (e.g. annual revenue).
 * @param history Demand history, one row per item in the same order as values, one column per period.
 * @param [abcCutoffs] ABC cutoffs, default {0.8,0.95}.
 * @param [xyzCutoffs] XYZ cutoffs, default {0.5,1}.
 * @returns One class per item, such as AX or CZ.
 */
export function abcXyz(values: any[][], history: any[][], abcCutoffs?: any[][], xyzCutoffs?: any[][]): any[][] {
  return abcXyzCells(values, history, abcCutoffs ?? null, xyzCutoffs ?? null);
}

