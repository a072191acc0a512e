/**
 * The Design view's engine jobs. First the items: the chosen data's transaction lines (read by the
 * command line's rules, analysis/chosenLines.ts) are aggregated into items with their features
 * exactly as `supply-segments design` does (the design's one-off rule, the period and cost ratio
 * chosen, the line rules apply uses). Then, on those items, each method proposes a definition through the engine's own
 * design functions, with a preview of how many items and how much revenue each segment gets; for
 * clusters also the choice of k (as SEGMENT.KSELECT), the profiles, the agreement between seeds and
 * a sample of items to plot. Items travel as typed columns; definitions as plain JSON.
 */
import { assignBatch } from "../../engine/definition/assign";
import { DESIGN_EXCEPTIONS, designAbcXyz, type DesignOptions } from "../../engine/definition/design";
import { type ChosenClusterOptions, type ClusterDimensionChoice, designChosenClustersTask } from "../../engine/definition/designChosenClusters";
import { designDemandPatterns, type PatternDesignOptions } from "../../engine/definition/designPatterns";
import { designRules, type RulesDesignOptions } from "../../engine/definition/designRules";
import { ITEM_FEATURES } from "../../engine/definition/itemFeatures";
import type { Period, SegmentDefinition } from "../../engine/definition/schema";
import { assessStabilityTask, type StabilityVerdict } from "../../engine/cluster/stability";
import { selectKTask, type KSelectRow } from "../../engine/cluster/kselect";
import { applyPreparation, prepareFeatures, type Scaling } from "../../engine/cluster/prepare";
import { preparationOf, type ClusterModel } from "../../engine/cluster/model";
import { sampleRows } from "../../engine/cluster/silhouette";
import { type ClusterTask, isClusteringCancelled, runTaskAsync } from "../../engine/cluster/task";
import { invalidInput } from "../../engine/errors";
import { createItemTable, type ItemTable } from "../../engine/items/itemTable";
import { assessReadiness, type ColumnCompleteness, DEFAULT_THRESHOLDS, type ReadinessThresholds } from "../../engine/readiness/readiness";
import { quantilesInPlace } from "../../engine/stats/quantile";
import { aggregateTransactions } from "../../engine/transactions/aggregate";
import { lineRulesOf, type LineRuleSpec } from "../../engine/transactions/lineRules";
import type { TransactionLines } from "../../engine/transactions/lines";
import { defineJob, JobCancelled, type JobContext } from "./jobs";

/** Items and their numeric features by the names definitions use. */
export interface ItemColumns {
  ids: string[];
  features: Record<string, Float64Array>;
}

export interface FeatureSummary {
  name: string;
  /** Items with a value. */
  count: number;
  min: number;
  /** Quartiles and median (Excel's QUARTILE.INC). */
  q1: number;
  median: number;
  q3: number;
  max: number;
}

export interface DesignItemsInput {
  /** The chosen data's lines (analysis/chosenLines.ts) and the completeness of their columns. */
  lines: TransactionLines;
  columns: ColumnCompleteness[];
  lineRules: LineRuleSpec;
  period: Period;
  /** Unit cost as a share of the average selling price when no cost is mapped. */
  costRatio: number;
  thresholds?: ReadinessThresholds;
}

export interface DesignItems extends ItemColumns {
  period: Period;
  periodCount: number;
  /** Data rows read into lines. */
  rowCount: number;
  readiness: { passed: boolean; summary: string };
  /** The lines carry a unit cost of their own (a cost column is mapped). */
  unitCostMapped: boolean;
  summaries: FeatureSummary[];
}

/** Per segment of a proposed definition, on the design items: what the segment would hold. */
export interface DesignPreview {
  items: number[];
  revenue: number[];
  /** Items no segment takes. */
  unplaced: number;
  totalRevenue: number;
}

export interface ProposedDefinition {
  definition: SegmentDefinition;
  preview: DesignPreview;
}

export interface DesignJobInput<Options> {
  items: ItemColumns;
  options: Options;
}

export interface KSelectJobInput {
  items: ItemColumns;
  dimensions: ClusterDimensionChoice[];
  scaling: Scaling;
  kMin: number;
  kMax: number;
  seed: number;
}

export interface KSelectJobOutput {
  rows: KSelectRow[];
  recommended: number;
  reason: string;
  itemsUsed: number;
  itemsLeftOut: number;
  notes: string[];
  silhouetteSampleSize: number;
}

export interface ProfileRow {
  name: string;
  size: number;
  shareOfItems: number;
  shareOfRevenue: number;
  /** Per profile dimension, in original units. */
  mean: number[];
  median: number[];
}

export interface ScatterSample {
  /** The chosen dimensions, in order; `points` holds their original values. */
  dimensions: string[];
  /** Per dimension: share of its spread (prepared units) between the segments, η² ∈ [0, 1]. */
  separation: number[];
  /** Sampled items × dimensions, row-major. */
  points: Float64Array;
  /** Per sampled item: its segment (index into definition.segments). */
  segment: Int32Array;
  /** Items placed by the clustering, of which `points` holds a sample. */
  placed: number;
}

export interface ClusterProposal extends ProposedDefinition {
  /** Profile dimensions: the chosen ones, then revenue and demandCv when not chosen. */
  profileDimensions: string[];
  profile: ProfileRow[];
  scatter: ScatterSample;
  /** Agreement (adjusted Rand) between clusterings from different seeds. */
  stability: { meanAgreement: number; minimumAgreement: number; verdict: StabilityVerdict; runs: number };
  notes: string[];
  itemsLeftOut: number;
}

/** Points sent to the pane for the scatter chart at most. */
export const SCATTER_SAMPLE = 2000;
/** Seeds compared for stability, each clustered as the design is (same restarts). */
export const STABILITY_RUNS = 5;
/** k-means++ starts per k when choosing k: as SEGMENT.KSELECT. */
export const KSELECT_RESTARTS = 4;

function tableOf(items: ItemColumns): ItemTable {
  return createItemTable(items.ids, items.features);
}

function summarise(name: string, column: Float64Array): FeatureSummary {
  const observed = column.filter((value) => value === value);
  const [min, q1, median, q3, max] = quantilesInPlace(observed, [0, 0.25, 0.5, 0.75, 1]);
  return { name, count: observed.length, min, q1, median, q3, max };
}

/** What each segment of `definition` gets on the design items (ABC ranked on these items, as apply does). */
export function previewOf(definition: SegmentDefinition, table: ItemTable): DesignPreview {
  const assignment = assignBatch(definition, table, { abcMode: "population", requireAllDimensions: true });
  const revenueColumn = table.numbers.get("revenue");
  const items = definition.segments.map(() => 0);
  const revenue = definition.segments.map(() => 0);
  let unplaced = 0;
  let totalRevenue = 0;
  assignment.segmentIndex.forEach((k, item) => {
    const value = revenueColumn ? revenueColumn[item] : NaN;
    if (value === value) totalRevenue += value;
    if (k < 0) {
      unplaced++;
      return;
    }
    items[k]++;
    if (value === value) revenue[k] += value;
  });
  return { items, revenue, unplaced, totalRevenue };
}

/** Runs a clustering-engine task in the worker: progress into [from, to] of 1000 steps, cancel at its steps. */
async function runEngineTask<T>(name: string, task: ClusterTask<T>, context: JobContext, from: number, to: number, message: string): Promise<T> {
  try {
    return await runTaskAsync(task, {
      signal: {
        get aborted() {
          return context.cancelled;
        },
      },
      onProgress: (fraction) => context.progress(Math.round((from + (to - from) * fraction) * 1000), 1000, message),
    });
  } catch (error) {
    if (isClusteringCancelled(error)) throw new JobCancelled(name);
    throw error;
  }
}

export const designItemsJob = defineJob<DesignItemsInput, DesignItems>("design.items", async (input, context) => {
  context.progress(0, 2, "Adding up each item's sales and demand");
  const aggregated = aggregateTransactions(input.lines, {
    ...lineRulesOf(input.lineRules),
    period: input.period,
    exceptions: DESIGN_EXCEPTIONS,
    costRatio: input.costRatio,
  });
  await context.checkpoint();
  context.progress(1, 2, "Checking readiness");
  const table = aggregated.table;
  const readiness = assessReadiness({
    columns: input.columns,
    ids: table.ids,
    historyPeriods: table.numbers.get("historyperiods")!,
    periodCount: aggregated.periodCount,
    period: input.period,
    thresholds: input.thresholds ?? DEFAULT_THRESHOLDS,
  });
  const features: Record<string, Float64Array> = {};
  const summaries: FeatureSummary[] = [];
  for (const feature of ITEM_FEATURES) {
    const column = table.numbers.get(feature.name.toLowerCase());
    if (!column) continue;
    features[feature.name] = column;
    summaries.push(summarise(feature.name, column));
  }
  context.progress(2, 2);
  return {
    ids: table.ids.slice(),
    features,
    period: input.period,
    periodCount: aggregated.periodCount,
    rowCount: input.lines.count,
    readiness: { passed: readiness.passed, summary: readiness.summary },
    unitCostMapped: input.lines.unitCost !== undefined,
    summaries,
  };
});

function proposalJob<Options>(name: string, message: string, design: (table: ItemTable, options: Options) => SegmentDefinition) {
  return defineJob<DesignJobInput<Options>, ProposedDefinition>(name, async (input, context) => {
    context.progress(0, 2, message);
    const table = tableOf(input.items);
    const definition = design(table, input.options);
    await context.checkpoint();
    context.progress(1, 2, "Counting the items of each segment");
    const preview = previewOf(definition, table);
    context.progress(2, 2);
    return { definition, preview };
  });
}

export const designAbcXyzJob = proposalJob<DesignOptions>("design.abcXyz", "Ranking items (ABC) and measuring variability (XYZ)", designAbcXyz);
export const designPatternsJob = proposalJob<PatternDesignOptions>("design.patterns", "Classifying demand patterns", designDemandPatterns);
export const designRulesJob = proposalJob<RulesDesignOptions>("design.rules", "Applying the rules", designRules);

/** The chosen dimensions' values, items × dimensions row-major. */
function valuesOf(table: ItemTable, dimensions: readonly ClusterDimensionChoice[]): Float64Array {
  const n = table.ids.length;
  const d = dimensions.length;
  const columns = dimensions.map((dimension) => {
    const column = table.numbers.get(dimension.name.toLowerCase());
    if (!column) throw invalidInput(`the items have no feature "${dimension.name}" to cluster on`);
    return column;
  });
  const values = new Float64Array(n * d);
  for (let item = 0; item < n; item++) for (let t = 0; t < d; t++) values[item * d + t] = columns[t][item];
  return values;
}

export const kselectJob = defineJob<KSelectJobInput, KSelectJobOutput>("cluster.kselect", async (input, context) => {
  const table = tableOf(input.items);
  const d = input.dimensions.length;
  const prepared = prepareFeatures(valuesOf(table, input.dimensions), table.ids.length, d, {
    dimensions: input.dimensions.map((dimension) => dimension.name),
    transforms: input.dimensions.map((dimension) => dimension.transform),
    weights: input.dimensions.map((dimension) => dimension.weight),
    scaling: input.scaling,
  });
  await context.checkpoint();
  const result = await runEngineTask(
    "cluster.kselect",
    selectKTask(prepared.values, prepared.itemCount, d, { kMin: input.kMin, kMax: input.kMax, seed: input.seed, restarts: KSELECT_RESTARTS }),
    context,
    0,
    1,
    `Clustering for k = ${input.kMin} to ${input.kMax}`,
  );
  return {
    rows: result.rows,
    recommended: result.recommended,
    reason: result.reason,
    itemsUsed: prepared.itemCount,
    itemsLeftOut: prepared.report.excludedForMissing,
    notes: prepared.report.notes,
    silhouetteSampleSize: result.silhouetteSampleSize,
  };
});

/** η² per dimension: between-segment sum of squares ÷ total, on the prepared values. */
function separationOf(values: Float64Array, n: number, d: number, labels: Int32Array, k: number): number[] {
  const out: number[] = [];
  const sums = new Float64Array(k);
  const counts = new Float64Array(k);
  for (let t = 0; t < d; t++) {
    sums.fill(0);
    counts.fill(0);
    let total = 0;
    for (let p = 0; p < n; p++) {
      total += values[p * d + t];
      sums[labels[p]] += values[p * d + t];
      counts[labels[p]]++;
    }
    const mean = total / n;
    let within = 0;
    let all = 0;
    for (let p = 0; p < n; p++) {
      const v = values[p * d + t];
      all += (v - mean) ** 2;
      within += (v - sums[labels[p]] / counts[labels[p]]) ** 2;
    }
    out.push(all > 0 ? Math.max(0, 1 - within / all) : 0);
  }
  return out;
}

export const designClustersJob = defineJob<DesignJobInput<ChosenClusterOptions>, ClusterProposal>("design.clusters", async (input, context) => {
  const name = "design.clusters";
  const table = tableOf(input.items);
  const options = input.options;
  const design = await runEngineTask(name, designChosenClustersTask(table, options), context, 0, 0.6, `Clustering into ${options.clusters} segments`);
  const k = options.clusters;
  const d = options.dimensions.length;
  const n = table.ids.length;
  const model = (design.definition.method as { model: unknown }).model as ClusterModel;
  const prepared = applyPreparation(preparationOf(model), design.values, n);
  const labels = new Int32Array(prepared.itemCount);
  for (let p = 0; p < prepared.itemCount; p++) labels[p] = design.segment[prepared.rows[p]];
  const seed = options.seed ?? 1;
  const stability = await runEngineTask(
    name,
    assessStabilityTask(prepared.values, prepared.itemCount, d, k, { seed, runs: STABILITY_RUNS, restarts: options.restarts ?? 10 }),
    context,
    0.6,
    0.95,
    "Checking the segments do not depend on the seed",
  );
  await context.checkpoint();
  context.progress(960, 1000, "Counting the items of each segment");
  const preview = previewOf(design.definition, table);

  const sample = sampleRows(prepared.itemCount, SCATTER_SAMPLE, seed);
  const points = new Float64Array(sample.length * d);
  const pointSegment = new Int32Array(sample.length);
  sample.forEach((p, s) => {
    const item = prepared.rows[p];
    for (let t = 0; t < d; t++) points[s * d + t] = design.values[item * d + t];
    pointSegment[s] = labels[p];
  });
  context.progress(1000, 1000);
  return {
    definition: design.definition,
    preview,
    profileDimensions: design.profile.dimensions,
    profile: design.profile.segments.map((segment) => ({
      name: segment.name,
      size: segment.size,
      shareOfItems: segment.shareOfItems,
      shareOfRevenue: segment.shareOfRevenue,
      mean: segment.mean,
      median: segment.median,
    })),
    scatter: {
      dimensions: model.dimensions.slice(),
      separation: separationOf(prepared.values, prepared.itemCount, d, labels, k),
      points,
      segment: pointSegment,
      placed: prepared.itemCount,
    },
    stability: { meanAgreement: stability.meanAgreement, minimumAgreement: stability.minimumAgreement, verdict: stability.verdict, runs: STABILITY_RUNS },
    notes: design.clustering.report.notes,
    itemsLeftOut: design.clustering.report.excludedForMissing,
  };
});
