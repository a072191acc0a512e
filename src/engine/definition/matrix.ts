/**
 * Placing items in a matrix classification, with the reason in words.
 *
 * ABC needs the population: a class is a band of cumulative share of the total. There are two ways
 * to place an item, and a definition supports both:
 * - "population" (the batch `apply`): rank the items it is given and cut by the stored share cutoffs
 *   (engine classifyAbc), e.g. "revenue 12,340: rank 212 of 4,070, cumulative 78.1% ≤ 80% → A".
 *   The design thresholds are also applied, and the items where the two disagree are reported:
 *   the population has moved since design.
 * - "thresholds" (a single item: cells, task pane, store): compare the value with the value
 *   thresholds the cutoffs produced on the design data, e.g. "revenue 12,340 ≥ A threshold 9,870
 *   (80% cumulative share at design, rank 823 of 4,070) → A". A value at or above the smallest value
 *   that took a class at design takes that class; zero and negative values take the last class.
 *
 * XYZ, bands and demand patterns depend on the item alone, so both modes place them the same way:
 * XYZ exactly as classifyXyz (CV ≤ cutoff, within 1e-12), demand patterns as classifyDemandPattern.
 */
import { classifyAbc } from "../classify/abc";
import { DEMAND_PATTERNS } from "../classify/demandPattern";
import { invalidInput } from "../errors";
import { type DimensionColumns, numberAt } from "./columns";
import { formatCount, formatNumber, formatShare } from "./format";
import type { AbcClassification, Classification } from "./methodSchema";

export type AbcMode = "population" | "thresholds";

export interface PlacedClasses {
  /** Per item: class index, −1 when the item cannot be classified (missing or undefined feature). */
  readonly classIndex: Int32Array;
  /** The reason for the item's class, in words. */
  describe(item: number): string;
  /** ABC in population mode with design thresholds: the class the thresholds give, to report drift. */
  readonly thresholdClass: Int32Array | null;
}

/** Same allowance as classifyAbc and classifyXyz when a share or CV lands on a cutoff. */
const CUTOFF_TOLERANCE = 1e-12;

function dimensionIndex(columns: DimensionColumns, name: string): number {
  const d = columns.indexOf.get(name.toLowerCase());
  if (d === undefined) throw new Error(`internal: dimension ${name} not located`); // checked by the schema
  return d;
}

function readColumn(columns: DimensionColumns, name: string): { values: Float64Array; name: string } {
  const d = dimensionIndex(columns, name);
  const values = new Float64Array(columns.itemCount);
  for (let item = 0; item < values.length; item++) values[item] = numberAt(columns, d, item);
  return { values, name: columns.dimensions[d].name };
}

export function placeClasses(classification: Classification, columns: DimensionColumns, mode: AbcMode): PlacedClasses {
  switch (classification.kind) {
    case "abc":
      return mode === "population" ? placeAbcByPopulation(classification, columns) : placeAbcByThresholds(classification, columns);
    case "xyz":
    case "bands":
      return placeBands(classification, columns);
    default:
      return placeDemandPattern(classification, columns);
  }
}

/** Class of one value by the design thresholds; −1 for a missing value. */
function thresholdClassOf(abc: AbcClassification, value: number): number {
  if (value !== value) return -1;
  const last = abc.labels.length - 1;
  if (value <= 0) return last;
  const boundaries = abc.design!.boundaries;
  for (let k = 0; k < boundaries.length; k++) {
    const boundary = boundaries[k];
    if (boundary !== null && value >= boundary.threshold) return k;
  }
  return last;
}

function requireDesign(abc: AbcClassification): void {
  if (abc.design === undefined) {
    throw invalidInput(
      `the ABC classification on "${abc.dimension}" has no design thresholds, so a single item cannot be ranked: ` +
        "design the definition on data (supply-segments design) or apply it to the whole population (supply-segments apply)",
    );
  }
}

function placeAbcByThresholds(abc: AbcClassification, columns: DimensionColumns): PlacedClasses {
  requireDesign(abc);
  const design = abc.design!;
  const { values, name } = readColumn(columns, abc.dimension);
  const classIndex = new Int32Array(values.length);
  for (let item = 0; item < values.length; item++) classIndex[item] = thresholdClassOf(abc, values[item]);
  const last = abc.labels.length - 1;
  const boundaryText = (k: number) => {
    const b = design.boundaries[k]!;
    return `${abc.labels[k]} threshold ${formatNumber(b.threshold)} (${formatShare(abc.cutoffs[k], 3)} cumulative share at design, rank ${formatCount(b.rank)} of ${formatCount(design.items)})`;
  };
  return {
    classIndex,
    thresholdClass: null,
    describe(item) {
      const value = values[item];
      const k = classIndex[item];
      if (k < 0) return `${name} is missing → not classified by ABC`;
      if (value <= 0) return `${name} ${formatNumber(value)} is not positive → ${abc.labels[last]}`;
      if (k < last) return `${name} ${formatNumber(value)} ≥ ${boundaryText(k)} → ${abc.labels[k]}`;
      for (let j = design.boundaries.length - 1; j >= 0; j--) {
        if (design.boundaries[j] !== null) return `${name} ${formatNumber(value)} < ${boundaryText(j)} → ${abc.labels[last]}`;
      }
      return `${name} ${formatNumber(value)}: no item reached ${abc.labels.slice(0, last).join(" or ")} at design → ${abc.labels[last]}`;
    },
  };
}

function placeAbcByPopulation(abc: AbcClassification, columns: DimensionColumns): PlacedClasses {
  const { values, name } = readColumn(columns, abc.dimension);
  const result = classifyAbc(values, { cutoffs: abc.cutoffs, labels: abc.labels });
  let thresholdClass: Int32Array | null = null;
  if (abc.design !== undefined) {
    thresholdClass = new Int32Array(values.length);
    for (let item = 0; item < values.length; item++) thresholdClass[item] = thresholdClassOf(abc, values[item]);
  }
  const last = abc.labels.length - 1;
  const ranked = result.report.classified;
  return {
    classIndex: result.classIndex,
    thresholdClass,
    describe(item) {
      const k = result.classIndex[item];
      const value = values[item];
      if (k < 0) return `${name} is missing → not classified by ABC`;
      if (!(value > 0)) return `${name} ${formatNumber(value)} is not positive: ranks last → ${abc.labels[last]}`;
      const head = `${name} ${formatNumber(value)}: rank ${formatCount(result.rank[item])} of ${formatCount(ranked)}, cumulative ${formatShare(result.cumulativeShare[item])}`;
      const above = k > 0 ? ` > ${formatShare(abc.cutoffs[k - 1], 3)}` : "";
      const within = k < last ? ` ≤ ${formatShare(abc.cutoffs[k], 3)}` : "";
      return `${head}${above}${above && within ? "," : ""}${within} → ${abc.labels[k]}`;
    },
  };
}

function placeBands(bands: Extract<Classification, { kind: "xyz" | "bands" }>, columns: DimensionColumns): PlacedClasses {
  const { values, name } = readColumn(columns, bands.dimension);
  const last = bands.labels.length - 1;
  const classIndex = new Int32Array(values.length);
  const isXyz = bands.kind === "xyz";
  for (let item = 0; item < values.length; item++) {
    const value = values[item];
    if (value !== value || (isXyz && value < 0)) {
      classIndex[item] = -1;
      continue;
    }
    let k = 0;
    while (k < last && value > bands.cutoffs[k] + CUTOFF_TOLERANCE * Math.max(1, Math.abs(bands.cutoffs[k]))) k++;
    classIndex[item] = k;
  }
  return {
    classIndex,
    thresholdClass: null,
    describe(item) {
      const value = values[item];
      const k = classIndex[item];
      if (k < 0) {
        return value !== value
          ? `${name} is missing → not classified`
          : `${name} ${formatNumber(value)} is negative, not a coefficient of variation → not classified`;
      }
      const above = k > 0 ? ` > ${formatNumber(bands.cutoffs[k - 1])}` : "";
      const within = k < last ? ` ≤ ${formatNumber(bands.cutoffs[k])}` : "";
      return `${name} ${formatNumber(value)}${above}${above && within ? "," : ""}${within} → ${bands.labels[k]}`;
    },
  };
}

function placeDemandPattern(
  pattern: Extract<Classification, { kind: "demandPattern" }>,
  columns: DimensionColumns,
): PlacedClasses {
  const adi = readColumn(columns, pattern.adiDimension);
  const cv2 = readColumn(columns, pattern.cv2Dimension);
  const classIndex = new Int32Array(columns.itemCount);
  for (let item = 0; item < classIndex.length; item++) {
    const a = adi.values[item];
    const c = cv2.values[item];
    if (a !== a || c !== c || a < 1 || c < 0) {
      classIndex[item] = -1;
      continue;
    }
    // Same comparisons as classifyDemandPattern: at or above a cutoff is intermittent / variable.
    const intermittent = a >= pattern.adiCutoff - CUTOFF_TOLERANCE;
    const variable = c >= pattern.cv2Cutoff - CUTOFF_TOLERANCE;
    classIndex[item] = intermittent ? (variable ? 3 : 2) : variable ? 1 : 0;
  }
  return {
    classIndex,
    thresholdClass: null,
    describe(item) {
      const a = adi.values[item];
      const c = cv2.values[item];
      const k = classIndex[item];
      if (k < 0) {
        if (a !== a || c !== c) return `${a !== a ? adi.name : cv2.name} is missing → no demand pattern`;
        return `${adi.name} ${formatNumber(a)} or ${cv2.name} ${formatNumber(c)} out of range (ADI ≥ 1, CV² ≥ 0) → no demand pattern`;
      }
      const adiText = `${adi.name} ${formatNumber(a)} ${k >= 2 ? "≥" : "<"} ${formatNumber(pattern.adiCutoff)}`;
      const cv2Text = `${cv2.name} ${formatNumber(c)} ${k % 2 === 1 ? "≥" : "<"} ${formatNumber(pattern.cv2Cutoff)}`;
      return `${adiText} and ${cv2Text} → ${DEMAND_PATTERNS[k]}`;
    },
  };
}
