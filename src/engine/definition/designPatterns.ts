/**
 * Proposing a definition by demand pattern: the four Syntetos–Boylan classes (Syntetos, Boylan &
 * Croston 2005, "On the categorization of demand patterns", JORS 56(5):495–503) from each item's
 * ADI and CV² (cutoffs 1.32 and 0.49 unless given), optionally crossed with ABC on a value measure
 * (twelve cells "A-smooth" … "C-lumpy"), as a matrix definition.
 *
 * Starting policies come from the ABC-XYZ cell each pattern resembles (designDefaults.ts): smooth
 * demand is steady (X), intermittent demand comes seldom but in regular sizes (Y), erratic and lumpy
 * demand vary in size (Z); the value class is the ABC class, or B without ABC. The forecasting
 * method follows the paper's finding: the Syntetos–Boylan approximation (SBA) beats Croston's
 * method and simple smoothing wherever demand is intermittent or erratic in size; smooth demand
 * keeps exponential smoothing.
 *
 * New products (too little history for a pattern) start as intermittent B items; items without a
 * pattern (no demand, or demand in one period only) go to lumpy C.
 */
import { DEMAND_PATTERNS, type DemandPattern } from "../classify/demandPattern";
import { invalidInput } from "../errors";
import type { ItemTable } from "../items/itemTable";
import { abcDesignOf, type DesignOptions } from "./design";
import { ABC_TEXT, commonParts, startingPolicy, startingTargets } from "./designDefaults";
import { formatShare } from "./format";
import { featurePhrase, itemFeature } from "./itemFeatures";
import type { Classification } from "./methodSchema";
import { parseDefinition, SCHEMA_VERSION, type SegmentDefinition, type SegmentDefinitionInput } from "./schema";

export interface PatternDesignOptions extends DesignOptions {
  /** Default 1.32 (Syntetos–Boylan). */
  adiCutoff?: number;
  /** Default 0.49 (Syntetos–Boylan). */
  cv2Cutoff?: number;
  /** Cross the patterns with ABC on `abcDimension` (default revenue) by `abcCutoffs` (default 0.8, 0.95). */
  withAbc?: boolean;
}

const PATTERN_TEXT: Record<DemandPattern, { variability: "X" | "Y" | "Z"; name: string; about: string; forecasting: string }> = {
  smooth: { variability: "X", name: "Smooth", about: "demand in most periods, in regular sizes", forecasting: "exponential smoothing" },
  erratic: { variability: "Z", name: "Erratic", about: "demand in most periods, in very irregular sizes", forecasting: "SBA (Syntetos–Boylan approximation)" },
  intermittent: { variability: "Y", name: "Intermittent", about: "demand in few periods, in regular sizes", forecasting: "SBA (Syntetos–Boylan approximation)" },
  lumpy: { variability: "Z", name: "Lumpy", about: "demand in few periods, in very irregular sizes", forecasting: "SBA, or make to order" },
};

export function designDemandPatterns(table: ItemTable, options: PatternDesignOptions): SegmentDefinition {
  const adiCutoff = options.adiCutoff ?? 1.32;
  const cv2Cutoff = options.cv2Cutoff ?? 0.49;
  if (!(Number.isFinite(adiCutoff) && adiCutoff >= 1)) throw invalidInput(`the ADI cutoff must be a number of 1 or more (demand every period is ADI 1); got ${adiCutoff}`);
  if (!(Number.isFinite(cv2Cutoff) && cv2Cutoff > 0)) throw invalidInput(`the CV² cutoff must be a number above 0; got ${cv2Cutoff}`);
  if (!table.numbers.has("adi") || !table.numbers.has("cv2")) throw invalidInput('the items have no "adi" and "cv2" features for demand patterns');
  const period = options.period;
  const leadTimeDays = options.leadTimeDays ?? 14;
  const newItemPeriods = options.newItemPeriods ?? 6;
  const withAbc = options.withAbc ?? false;
  const abcDimension = itemFeature(options.abcDimension ?? "revenue")?.name ?? options.abcDimension ?? "revenue";
  const abcCutoffs = options.abcCutoffs ?? [0.8, 0.95];

  const classifications: Classification[] = [];
  if (withAbc) {
    const values = table.numbers.get(abcDimension.toLowerCase());
    if (!values) throw invalidInput(`the items have no feature "${abcDimension}" to rank for ABC`);
    if (abcCutoffs.length !== 2) throw invalidInput("ABC takes two cutoffs (three classes), e.g. 0.8 and 0.95");
    classifications.push({ kind: "abc", dimension: abcDimension, cutoffs: abcCutoffs, labels: ["A", "B", "C"], design: abcDesignOf(values, abcCutoffs) });
  }
  classifications.push({ kind: "demandPattern", adiDimension: "adi", cv2Dimension: "cv2", adiCutoff, cv2Cutoff });

  const valueClasses = withAbc ? ["A", "B", "C"] : [""];
  const cellId = (value: string, pattern: DemandPattern) => (value ? `${value}-${pattern}` : pattern);
  const abcShare = (value: string) =>
    value === "A" ? `the first ${formatShare(abcCutoffs[0], 3)}` : value === "B" ? `the next ${formatShare(abcCutoffs[1] - abcCutoffs[0], 3)}` : `the last ${formatShare(1 - abcCutoffs[1], 3)}`;
  const segments: SegmentDefinitionInput["segments"] = [];
  for (const value of valueClasses) {
    for (const pattern of DEMAND_PATTERNS) {
      const text = PATTERN_TEXT[pattern];
      const cell = (value || "B") + text.variability;
      const policy = { ...startingPolicy(cell, leadTimeDays), forecastingMethod: text.forecasting };
      segments.push({
        id: cellId(value, pattern),
        name: value ? `${ABC_TEXT[value].word}, ${text.name.toLowerCase()}` : text.name,
        description:
          (value ? `${ABC_TEXT[value].word} items (${abcShare(value)} of ${featurePhrase(abcDimension)}) with ` : `Items with `) +
          `${pattern} demand: ${text.about} (ADI ${pattern === "smooth" || pattern === "erratic" ? "<" : "≥"} ${adiCutoff}, ` +
          `CV² ${pattern === "smooth" || pattern === "intermittent" ? "<" : "≥"} ${cv2Cutoff}). Starting policy of ${cell}.`,
        policy,
        targets: startingTargets(cell),
      });
    }
  }
  const newSegment = cellId(withAbc ? "B" : "", "intermittent");
  const noPattern = cellId(withAbc ? "C" : "", "lumpy");

  const dimensions: SegmentDefinitionInput["dimensions"] = [];
  if (withAbc) dimensions.push({ name: abcDimension, description: itemFeature(abcDimension)?.describe(period) ?? abcDimension, kind: "number" });
  for (const name of ["adi", "cv2", "historyPeriods"]) {
    const feature = itemFeature(name)!;
    dimensions.push({ name: feature.name, description: feature.describe(period), kind: "number", ...(feature.unit ? { unit: period } : {}) });
  }

  const draft: SegmentDefinitionInput = {
    schemaVersion: SCHEMA_VERSION,
    id: options.id,
    name: options.name,
    version: 1,
    description:
      (withAbc ? `ABC by cumulative share of ${featurePhrase(abcDimension)} (cutoffs ${abcCutoffs.join(", ")}) crossed with the ` : "The ") +
      `Syntetos–Boylan demand patterns of ${period}ly demand (ADI cutoff ${adiCutoff}, CV² cutoff ${cv2Cutoff}). Proposed from data; review the policies.`,
    scope: { entity: options.entity ?? "product", ...(options.businessUnit ? { businessUnit: options.businessUnit } : {}) },
    history: { period },
    dimensions,
    method: { type: "matrix", classifications, separator: withAbc ? "-" : "" },
    segments,
    fallback: {
      rules: [
        {
          name: "new products",
          description: `new products are ${newSegment} until ${newItemPeriods} ${period}s of history`,
          when: [{ field: "historyPeriods", op: "<", value: newItemPeriods }],
          segment: newSegment,
        },
      ],
      unclassified: {
        name: "no demand pattern",
        description: "items with no demand, or demand in a single period, have no measurable pattern",
        segment: noPattern,
      },
    },
    ...commonParts(options, table.ids.length, `Supply Segments: ${withAbc ? "ABC × " : ""}demand patterns`),
  };
  return parseDefinition(draft);
}
