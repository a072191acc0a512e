/**
 * XYZ classification: items classed by how much their period demand varies around its mean, measured by
 * the coefficient of variation CV = standard deviation ÷ mean of the period demands. A low CV (X) is
 * steady demand that forecasts well; a high CV (Z) is erratic demand that needs more safety stock or a
 * make-to-order policy. The default cutoffs 0.5 and 1.0 are a common practitioner convention, not a
 * published standard: set your own where your history says otherwise.
 *
 * The rules, as a planner sees them:
 * 1. The history is one row of period demands per item. A missing period (NaN, a blank cell) is skipped:
 *    it counts neither as a period nor as zero demand. A period with no demand must be entered as 0.
 * 2. CV = standard deviation ÷ mean of the observed periods; the standard deviation is the sample one
 *    (n − 1, Excel STDEV.S) unless `deviation: "population"` (n, Excel STDEV.P) is chosen.
 * 3. An item takes the first class whose cutoff is at or above its CV, and the last class if its CV is
 *    above every cutoff: with the defaults CV ≤ 0.5 → X, ≤ 1.0 → Y, above → Z ("CoV 0.42 ≤ 0.5 → X").
 *    A CV within 1e-12 of a cutoff counts as on it.
 * 4. An item is not classified (class −1, CV NaN), checked in this order, when
 *    - any observed period is negative (status "negative demand": demand history must be ≥ 0; net returns
 *      out of it first, or classify returns separately);
 *    - it has fewer observed periods than `minPeriods` (default 2, the least a spread can be measured on);
 *    - every observed period is 0 (status "no demand": the CV is undefined).
 *    The mean is reported for every item with at least one observed period.
 */
import { invalidInput, outOfRange } from "../errors";
import { coefficientOfVariationUnchecked, type DeviationKind } from "../stats/descriptive";

/** Why an item was or was not classified: one code per item in `status`. */
export type VariationStatus = 0 | 1 | 2 | 3;
export const STATUS_OK = 0;
/** Fewer observed (non-missing) periods than `minPeriods`. */
export const STATUS_TOO_FEW_PERIODS = 1;
/** Every observed period is zero, so the coefficient of variation is undefined. */
export const STATUS_NO_DEMAND = 2;
/** At least one observed period is negative. */
export const STATUS_NEGATIVE_DEMAND = 3;

export interface XyzOptions {
  /** CV upper bounds of every class but the last, strictly increasing, ≥ 0. Default [0.5, 1.0]. */
  cutoffs?: readonly number[];
  /** One name per class (cutoffs.length + 1), distinct. Default "X", "Y", "Z"; required for other class counts. */
  labels?: readonly string[];
  /** Fewest observed periods an item needs to be classified; a whole number ≥ 2. Default 2. */
  minPeriods?: number;
  /** Standard deviation used in the CV. Default "sample" (Excel STDEV.S). */
  deviation?: DeviationKind;
}

export interface XyzResult {
  labels: string[];
  /** Per item: index into `labels`; −1 when not classified (see `status`). */
  classIndex: Int32Array;
  /** Per item: CV of the observed periods; NaN when not classified. */
  coefficientOfVariation: Float64Array;
  /** Per item: mean of the observed periods; NaN when no period is observed. */
  mean: Float64Array;
  /** Per item: one of the STATUS_* codes. */
  status: Uint8Array;
  /** Items per class. */
  counts: Int32Array;
  report: { items: number; classified: number; tooFewPeriods: number; noDemand: number; negativeDemand: number };
}

const DEFAULT_CUTOFFS: readonly number[] = [0.5, 1.0];
const DEFAULT_LABELS: readonly string[] = ["X", "Y", "Z"];
/** Rounding allowance when comparing a CV with a cutoff. */
const CUTOFF_TOLERANCE = 1e-12;

/**
 * Checks that `history` is a row-major items × periods matrix. Shared with the demand-pattern classifier,
 * which reads the same shape.
 */
export function checkHistoryShape(history: Float64Array, itemCount: number, periodCount: number): void {
  if (!(history instanceof Float64Array)) {
    throw invalidInput("history must be a Float64Array of demands, one row of periods per item");
  }
  if (!Number.isInteger(itemCount) || itemCount < 0 || !Number.isInteger(periodCount) || periodCount < 0) {
    throw invalidInput(
      `itemCount and periodCount must be whole numbers ≥ 0; got itemCount ${itemCount}, periodCount ${periodCount}`,
    );
  }
  if (history.length !== itemCount * periodCount) {
    throw invalidInput(
      `history holds ${history.length} values but ${itemCount} items × ${periodCount} periods need ${itemCount * periodCount}`,
    );
  }
}

/** Throws for an infinite demand, naming the item and period (1-based, as a planner counts rows). */
export function rejectInfinite(history: Float64Array, index: number, periodCount: number): never {
  const item = Math.floor(index / periodCount) + 1;
  const period = (index % periodCount) + 1;
  throw invalidInput(
    `history must hold finite demands (blank or NaN for a missing period); item ${item}, period ${period} is ${history[index]}`,
  );
}

function resolveOptions(options: XyzOptions): {
  cutoffs: Float64Array;
  labels: string[];
  minPeriods: number;
  deviation: DeviationKind;
} {
  const cutoffs = options.cutoffs ?? DEFAULT_CUTOFFS;
  const shown = Array.isArray(cutoffs) ? cutoffs.map((c) => String(c)).join(", ") : String(cutoffs);
  if (!Array.isArray(cutoffs) || cutoffs.length === 0) {
    throw invalidInput("cutoffs must be a list of at least one coefficient of variation, e.g. 0.5, 1.0");
  }
  for (let k = 0; k < cutoffs.length; k++) {
    const cutoff = cutoffs[k];
    if (typeof cutoff !== "number" || !Number.isFinite(cutoff)) {
      throw invalidInput(`cutoffs must be numbers; got ${shown}`);
    }
    if (cutoff < 0) throw outOfRange(`cutoffs are coefficients of variation and must be ≥ 0; got ${shown}`);
    if (k > 0 && cutoff <= cutoffs[k - 1]) throw invalidInput(`cutoffs must increase strictly; got ${shown}`);
  }

  const classCount = cutoffs.length + 1;
  const given = options.labels ?? (classCount === DEFAULT_LABELS.length ? DEFAULT_LABELS : undefined);
  if (given === undefined) {
    throw invalidInput(
      `labels are required when cutoffs make ${classCount} classes (the default labels X, Y, Z fit 2 cutoffs)`,
    );
  }
  if (!Array.isArray(given) || given.length !== classCount) {
    const got = Array.isArray(given) ? `${given.length} (${given.join(", ")})` : String(given);
    throw invalidInput(
      `labels must name one class more than there are cutoffs: ${cutoffs.length} cutoffs make ${classCount} classes; got ${got}`,
    );
  }
  const seen = new Set<string>();
  for (const label of given) {
    if (typeof label !== "string" || label.trim() === "") {
      throw invalidInput(`labels must be non-empty text; got ${given.map((l) => JSON.stringify(l)).join(", ")}`);
    }
    if (seen.has(label)) throw invalidInput(`labels must be distinct; "${label}" appears more than once`);
    seen.add(label);
  }

  const minPeriods = options.minPeriods ?? 2;
  if (typeof minPeriods !== "number" || !Number.isInteger(minPeriods)) {
    throw invalidInput(`minPeriods must be a whole number of periods; got ${String(minPeriods)}`);
  }
  if (minPeriods < 2) {
    throw outOfRange(`minPeriods must be at least 2 (a variation needs two periods to measure); got ${minPeriods}`);
  }
  const deviation = options.deviation ?? "sample";
  if (deviation !== "sample" && deviation !== "population") {
    throw invalidInput(`deviation must be "sample" or "population"; got ${JSON.stringify(deviation)}`);
  }
  return { cutoffs: Float64Array.from(cutoffs), labels: given.slice(), minPeriods, deviation };
}

/**
 * Classify each item's demand history (row-major `itemCount` × `periodCount`, NaN = missing period) into
 * XYZ classes by coefficient of variation. See the module comment for the rules.
 */
export function classifyXyz(
  history: Float64Array,
  itemCount: number,
  periodCount: number,
  options: XyzOptions = {},
): XyzResult {
  checkHistoryShape(history, itemCount, periodCount);
  const { cutoffs, labels, minPeriods, deviation } = resolveOptions(options);
  const lastClass = labels.length - 1;

  const classIndex = new Int32Array(itemCount);
  const coefficientOfVariation = new Float64Array(itemCount);
  const mean = new Float64Array(itemCount);
  const status = new Uint8Array(itemCount);
  const counts = new Int32Array(labels.length);
  let tooFewPeriods = 0;
  let noDemand = 0;
  let negativeDemand = 0;

  for (let item = 0; item < itemCount; item++) {
    const start = item * periodCount;
    const end = start + periodCount;
    let observed = 0;
    let total = 0;
    let negative = false;
    for (let index = start; index < end; index++) {
      const demand = history[index];
      if (demand !== demand) continue;
      if (demand === Infinity || demand === -Infinity) rejectInfinite(history, index, periodCount);
      observed++;
      total += demand;
      if (demand < 0) negative = true;
    }
    mean[item] = observed === 0 ? NaN : total / observed;

    let itemStatus: VariationStatus = STATUS_OK;
    if (negative) itemStatus = STATUS_NEGATIVE_DEMAND;
    else if (observed < minPeriods) itemStatus = STATUS_TOO_FEW_PERIODS;
    else if (total === 0) itemStatus = STATUS_NO_DEMAND; // all observed ≥ 0, so a zero total means all zero
    status[item] = itemStatus;

    if (itemStatus !== STATUS_OK) {
      classIndex[item] = -1;
      coefficientOfVariation[item] = NaN;
      if (itemStatus === STATUS_NEGATIVE_DEMAND) negativeDemand++;
      else if (itemStatus === STATUS_TOO_FEW_PERIODS) tooFewPeriods++;
      else noDemand++;
      continue;
    }

    const cv = coefficientOfVariationUnchecked(history, start, periodCount, deviation);
    coefficientOfVariation[item] = cv;
    let itemClass = 0;
    while (itemClass < lastClass && cv > cutoffs[itemClass] + CUTOFF_TOLERANCE) itemClass++;
    classIndex[item] = itemClass;
    counts[itemClass]++;
  }

  return {
    labels,
    classIndex,
    coefficientOfVariation,
    mean,
    status,
    counts,
    report: {
      items: itemCount,
      classified: itemCount - tooFewPeriods - noDemand - negativeDemand,
      tooFewPeriods,
      noDemand,
      negativeDemand,
    },
  };
}
