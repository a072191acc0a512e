/**
 * Demand-pattern classification of Syntetos, Boylan & Croston (2005), "On the categorization of demand
 * patterns", Journal of the Operational Research Society 56(5):495–503. Two measures place each item in
 * one of four quadrants:
 * - ADI, the average demand interval: observed periods ÷ periods with non-zero demand (an item with
 *   demand in every period has ADI 1; demand in one period of four, ADI 4);
 * - CV², the squared coefficient of variation of the demand sizes: (population standard deviation ÷ mean)²
 *   of the non-zero period demands only, so the zeros measure intermittence and not size variability.
 *
 * CV² uses the population standard deviation (divisor n) by default because it is meant as the
 * descriptive spread of the sizes actually observed, not an estimate for a wider population; that is the
 * convention of the widely used open-source implementations (e.g. numpy's default ddof=0). It also
 * reproduces the published classification of Hyndman's carparts benchmark (../shared/data/carparts/
 * SOURCE.md: 2,146 intermittent and 337 lumpy of the 2,509 full-history series), which the sample
 * deviation does not (2,067 / 416). `deviation: "sample"` (divisor n − 1, Excel STDEV.S) stays available.
 *
 * |                  | CV² < 0.49 | CV² ≥ 0.49 |
 * |------------------|------------|------------|
 * | **ADI < 1.32**   | smooth     | erratic    |
 * | **ADI ≥ 1.32**   | intermittent | lumpy    |
 *
 * The cutoffs 1.32 and 0.49 are the paper's, derived from where the forecasting methods it compares swap
 * places in theoretical mean squared error. A value within 1e-12 of a cutoff counts as on it (so at or above).
 *
 * Missing periods (NaN) are skipped: a series that starts late or stops early is measured over the
 * periods it has. An item is not classified (pattern −1), checked in this order, when
 * - any observed period is negative (demand history must be ≥ 0; net returns out of it first);
 * - fewer than 2 periods are observed;
 * - no observed period has demand (ADI and CV² undefined);
 * - only one period has demand (a size variability needs two sizes; ADI is still reported).
 */
import { invalidInput, outOfRange } from "../errors";
import { coefficientOfVariationUnchecked, type DeviationKind } from "../stats/descriptive";
import {
  checkHistoryShape,
  rejectInfinite,
  STATUS_NEGATIVE_DEMAND,
  STATUS_NO_DEMAND,
  STATUS_OK,
  STATUS_TOO_FEW_PERIODS,
  type VariationStatus,
} from "./xyz";

export type DemandPattern = "smooth" | "erratic" | "intermittent" | "lumpy";
/** The patterns in code order: `pattern[i]` indexes this list. */
export const DEMAND_PATTERNS: readonly DemandPattern[] = Object.freeze(["smooth", "erratic", "intermittent", "lumpy"]);
const SMOOTH = 0;
const ERRATIC = 1;
const INTERMITTENT = 2;
const LUMPY = 3;

/** Fewer than 2 periods with non-zero demand: CV² of the demand sizes is undefined. */
export const STATUS_TOO_FEW_DEMANDS = 4;
export type DemandPatternStatus = VariationStatus | typeof STATUS_TOO_FEW_DEMANDS;

export interface DemandPatternOptions {
  /** ADI at or above which demand is intermittent. Default 1.32; > 0. */
  adiCutoff?: number;
  /** CV² of demand sizes at or above which sizes are erratic. Default 0.49; > 0. */
  cv2Cutoff?: number;
  /** Standard deviation used in CV² of the demand sizes. Default "population" (divisor n, Excel STDEV.P). */
  deviation?: DeviationKind;
}

export interface DemandPatternResult {
  /** Per item: index into DEMAND_PATTERNS; −1 when not classified (see `status`). */
  pattern: Int8Array;
  /** Per item: average demand interval; NaN unless at least one period has demand and the item is valid. */
  adi: Float64Array;
  /** Per item: squared CV of the non-zero demand sizes; NaN when not classified. */
  cv2: Float64Array;
  /** Per item: STATUS_OK, STATUS_TOO_FEW_PERIODS, STATUS_NO_DEMAND, STATUS_NEGATIVE_DEMAND or STATUS_TOO_FEW_DEMANDS. */
  status: Uint8Array;
  /** Items per pattern, in DEMAND_PATTERNS order. */
  counts: Int32Array;
  report: {
    items: number;
    classified: number;
    tooFewPeriods: number;
    noDemand: number;
    negativeDemand: number;
    tooFewDemands: number;
  };
}

const CUTOFF_TOLERANCE = 1e-12;

function checkCutoff(name: string, value: unknown, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw invalidInput(`${name} must be a number; got ${String(value)}`);
  }
  if (value <= 0) throw outOfRange(`${name} must be greater than 0; got ${value}`);
  return value;
}

function checkDeviation(value: unknown): DeviationKind {
  if (value === undefined) return "population";
  if (value !== "sample" && value !== "population") {
    throw invalidInput(`deviation must be "sample" or "population"; got ${JSON.stringify(value)}`);
  }
  return value;
}

/**
 * Classify each item's demand history (row-major `itemCount` × `periodCount`, NaN = missing period) into
 * smooth, erratic, intermittent or lumpy demand. See the module comment for the rules.
 */
export function classifyDemandPattern(
  history: Float64Array,
  itemCount: number,
  periodCount: number,
  options: DemandPatternOptions = {},
): DemandPatternResult {
  checkHistoryShape(history, itemCount, periodCount);
  const adiCutoff = checkCutoff("adiCutoff", options.adiCutoff, 1.32);
  const cv2Cutoff = checkCutoff("cv2Cutoff", options.cv2Cutoff, 0.49);
  const deviation = checkDeviation(options.deviation);

  const pattern = new Int8Array(itemCount);
  const adi = new Float64Array(itemCount);
  const cv2 = new Float64Array(itemCount);
  const status = new Uint8Array(itemCount);
  const counts = new Int32Array(DEMAND_PATTERNS.length);
  const report = { items: itemCount, classified: 0, tooFewPeriods: 0, noDemand: 0, negativeDemand: 0, tooFewDemands: 0 };
  // One buffer for the non-zero demand sizes of the current item, reused for every item.
  const sizes = new Float64Array(periodCount);

  for (let item = 0; item < itemCount; item++) {
    const start = item * periodCount;
    const end = start + periodCount;
    let observed = 0;
    let demands = 0;
    let negative = false;
    for (let index = start; index < end; index++) {
      const demand = history[index];
      if (demand !== demand) continue;
      if (demand === Infinity || demand === -Infinity) rejectInfinite(history, index, periodCount);
      observed++;
      if (demand < 0) negative = true;
      else if (demand > 0) sizes[demands++] = demand;
    }

    let itemStatus: DemandPatternStatus = STATUS_OK;
    if (negative) itemStatus = STATUS_NEGATIVE_DEMAND;
    else if (observed < 2) itemStatus = STATUS_TOO_FEW_PERIODS;
    else if (demands === 0) itemStatus = STATUS_NO_DEMAND;
    else if (demands < 2) itemStatus = STATUS_TOO_FEW_DEMANDS;
    status[item] = itemStatus;

    const itemAdi = itemStatus === STATUS_OK || itemStatus === STATUS_TOO_FEW_DEMANDS ? observed / demands : NaN;
    adi[item] = itemAdi;
    if (itemStatus !== STATUS_OK) {
      pattern[item] = -1;
      cv2[item] = NaN;
      if (itemStatus === STATUS_NEGATIVE_DEMAND) report.negativeDemand++;
      else if (itemStatus === STATUS_TOO_FEW_PERIODS) report.tooFewPeriods++;
      else if (itemStatus === STATUS_NO_DEMAND) report.noDemand++;
      else report.tooFewDemands++;
      continue;
    }

    const cv = coefficientOfVariationUnchecked(sizes, 0, demands, deviation);
    const itemCv2 = cv * cv;
    cv2[item] = itemCv2;
    const intermittent = itemAdi >= adiCutoff - CUTOFF_TOLERANCE;
    const variable = itemCv2 >= cv2Cutoff - CUTOFF_TOLERANCE;
    const code = intermittent ? (variable ? LUMPY : INTERMITTENT) : variable ? ERRATIC : SMOOTH;
    pattern[item] = code;
    counts[code]++;
    report.classified++;
  }

  return { pattern, adi, cv2, status, counts, report };
}
