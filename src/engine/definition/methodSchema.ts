/**
 * How items become segments: a matrix of classifications, or ordered rules (first match wins).
 *
 * Matrix classifications:
 * - `abc`: classes by cumulative share of a dimension across the population (engine classifyAbc).
 *   The cutoffs are shares. `design` keeps the value thresholds the cutoffs produced on the design
 *   data, so that a single new item can be placed without the population (see matrix.ts).
 * - `xyz`: classes by the coefficient of variation of period demand (engine classifyXyz): CV ≤ first
 *   cutoff → first label, and so on. A single item is placed from its own CV.
 * - `bands`: the same banding on any numeric dimension (value ≤ cutoff → that band).
 * - `demandPattern`: Syntetos–Boylan classes from ADI and CV² (engine classifyDemandPattern).
 *
 * Clusters: a stored k-means model (src/engine/cluster/model.ts: dimensions, transforms, scaler,
 * weights, centroids), checked by the clustering engine's own validator; each cluster maps to a segment.
 */
import { z } from "zod";
import { DEMAND_PATTERNS } from "../classify/demandPattern";
import { validateClusterModel } from "../cluster/model";
import { SegmentError } from "../errors";
import { dimensionName, namedRuleSchema, namedSegmentSchema, segmentId, text } from "./schemaPrimitives";

const labelList = z.array(text).min(2, { error: "must name at least 2 classes" });

const increasing = (values: readonly number[]) => values.every((v, i) => i === 0 || v > values[i - 1]);

/** One boundary between a class and the next, as measured on the design data. */
export const abcBoundarySchema = z.strictObject({
  /** Smallest value that took this class or a better one at design. */
  threshold: z.number({ error: "must be a number" }),
  /** Rank of the item holding that value (1 = largest). */
  rank: z.number().int({ error: "must be a whole number" }).min(1, { error: "must be 1 or more" }),
  /** Cumulative share of that item, including it. */
  cumulativeShare: z.number().min(0, { error: "must be between 0 and 1" }).max(1, { error: "must be between 0 and 1" }),
});

export const abcDesignSchema = z.strictObject({
  /** Items ranked at design (missing values excluded). */
  items: z.number().int().min(1, { error: "must be 1 or more" }),
  /** Total of the positive values at design. */
  total: z.number().gt(0, { error: "must be greater than 0" }),
  /** One per cutoff: where each class ended at design; null when no item reached that class. */
  boundaries: z.array(abcBoundarySchema.nullable()),
});

export const abcClassificationSchema = z
  .strictObject({
    kind: z.literal("abc"),
    dimension: dimensionName,
    cutoffs: z
      .array(z.number().gt(0, { error: "must be above 0" }).max(1, { error: "must be at most 1 (80% is 0.8)" }))
      .min(1, { error: "must hold at least one cumulative share, e.g. [0.8, 0.95]" })
      .refine(increasing, { error: "must increase strictly, e.g. [0.8, 0.95]" }),
    labels: labelList,
    design: abcDesignSchema.optional(),
  })
  .superRefine((abc, context) => {
    if (abc.labels.length !== abc.cutoffs.length + 1) {
      context.addIssue({
        code: "custom",
        path: ["labels"],
        message: `must name one class more than there are cutoffs: ${abc.cutoffs.length} cutoffs make ${abc.cutoffs.length + 1} classes, got ${abc.labels.length}`,
      });
    }
    if (abc.design && abc.design.boundaries.length !== abc.cutoffs.length) {
      context.addIssue({
        code: "custom",
        path: ["design", "boundaries"],
        message: `must hold one boundary per cutoff (${abc.cutoffs.length}); got ${abc.design.boundaries.length}`,
      });
    }
    if (abc.design) {
      let previous = Infinity;
      abc.design.boundaries.forEach((boundary, k) => {
        if (boundary === null) return;
        if (boundary.threshold > previous) {
          context.addIssue({
            code: "custom",
            path: ["design", "boundaries", k, "threshold"],
            message: "must not exceed the threshold of the class before it (thresholds fall from class to class)",
          });
        }
        previous = boundary.threshold;
      });
    }
  });

const bandsShape = {
  dimension: dimensionName,
  cutoffs: z
    .array(z.number({ error: "must be a number" }))
    .min(1, { error: "must hold at least one cutoff" })
    .refine(increasing, { error: "must increase strictly" }),
  labels: labelList,
};

function checkBandLabels(bands: { cutoffs: number[]; labels: string[] }, context: z.RefinementCtx): void {
  if (bands.labels.length !== bands.cutoffs.length + 1) {
    context.addIssue({
      code: "custom",
      path: ["labels"],
      message: `must name one class more than there are cutoffs: ${bands.cutoffs.length} cutoffs make ${bands.cutoffs.length + 1} classes, got ${bands.labels.length}`,
    });
  }
}

export const xyzClassificationSchema = z
  .strictObject({ kind: z.literal("xyz"), ...bandsShape })
  .superRefine((xyz, context) => {
    checkBandLabels(xyz, context);
    if (xyz.cutoffs.some((c) => c < 0)) {
      context.addIssue({ code: "custom", path: ["cutoffs"], message: "are coefficients of variation and must be 0 or more" });
    }
  });

export const bandsClassificationSchema = z
  .strictObject({ kind: z.literal("bands"), ...bandsShape })
  .superRefine(checkBandLabels);

export const demandPatternClassificationSchema = z.strictObject({
  kind: z.literal("demandPattern"),
  adiDimension: dimensionName,
  cv2Dimension: dimensionName,
  adiCutoff: z.number().gt(0, { error: "must be greater than 0" }).default(1.32),
  cv2Cutoff: z.number().gt(0, { error: "must be greater than 0" }).default(0.49),
});

export const classificationSchema = z.discriminatedUnion(
  "kind",
  [abcClassificationSchema, xyzClassificationSchema, bandsClassificationSchema, demandPatternClassificationSchema],
  { error: 'must be "abc", "xyz", "bands" or "demandPattern"' },
);

export type Classification = z.infer<typeof classificationSchema>;
export type AbcClassification = z.infer<typeof abcClassificationSchema>;
export type AbcDesign = z.infer<typeof abcDesignSchema>;

/** The class labels a classification produces, in class order. */
export function classificationLabels(classification: Classification): readonly string[] {
  return classification.kind === "demandPattern" ? DEMAND_PATTERNS : classification.labels;
}

/** The dimensions a classification reads. */
export function classificationDimensions(classification: Classification): string[] {
  return classification.kind === "demandPattern"
    ? [classification.adiDimension, classification.cv2Dimension]
    : [classification.dimension];
}

export const matrixMethodSchema = z.strictObject({
  type: z.literal("matrix"),
  classifications: z
    .array(classificationSchema)
    .min(1, { error: "must hold one or two classifications" })
    .max(2, { error: "must hold one or two classifications" }),
  /** Joins class labels into a cell name: "" gives "AX", "-" gives "A-smooth". */
  separator: z.string().max(3).default(""),
  /** Cell name → segment id; when omitted each cell name must itself be a segment id. */
  cells: z.record(z.string(), segmentId).optional(),
});

export const rulesMethodSchema = z.strictObject({
  type: z.literal("rules"),
  /** Checked in order; the first rule whose conditions all hold gives the segment. */
  rules: z.array(namedRuleSchema).min(1, { error: "must hold at least one rule" }),
  /** The segment of an item no rule matches: named, so that it is never a silent default. */
  default: namedSegmentSchema,
});

export const clustersMethodSchema = z
  .strictObject({
    type: z.literal("clusters"),
    /** The fitted model as the clustering engine stores it (format "supply-segments/cluster-model"). */
    model: z.record(z.string(), z.unknown()),
    /** Segment id of each cluster, in the model's cluster order (cluster 1 → segments[0]). */
    segments: z.array(segmentId).min(1, { error: "must name a segment for every cluster" }),
  })
  .superRefine((method, context) => {
    let clusters: number;
    try {
      clusters = validateClusterModel(method.model).centroids.length;
    } catch (error) {
      if (!(error instanceof SegmentError)) throw error;
      context.addIssue({ code: "custom", path: ["model"], message: error.message });
      return;
    }
    if (method.segments.length !== clusters) {
      context.addIssue({
        code: "custom",
        path: ["segments"],
        message: `must name one segment per cluster: the model has ${clusters} clusters, got ${method.segments.length}`,
      });
    }
  });

export const methodSchema = z.discriminatedUnion("type", [matrixMethodSchema, rulesMethodSchema, clustersMethodSchema], {
  error: 'must be "matrix", "rules" or "clusters"',
});

export type MatrixMethod = z.infer<typeof matrixMethodSchema>;
export type RulesMethod = z.infer<typeof rulesMethodSchema>;
export type ClustersMethod = z.infer<typeof clustersMethodSchema>;
export type Method = z.infer<typeof methodSchema>;

/** Every cell name of a matrix, row-major (first classification's class first). */
export function matrixCellNames(method: MatrixMethod): string[] {
  const [first, second] = method.classifications;
  const firstLabels = classificationLabels(first);
  if (!second) return firstLabels.slice();
  const names: string[] = [];
  for (const a of firstLabels) for (const b of classificationLabels(second)) names.push(a + method.separator + b);
  return names;
}
