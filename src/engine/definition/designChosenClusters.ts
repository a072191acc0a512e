/**
 * Proposing a definition by clusters on the dimensions a planner chose: k-means on any item features
 * (itemFeatures.ts), each with its transform (none, log1p, rank) and weight, with the scaling of
 * SEGMENT.CLUSTER (z-score by default). The same steps as designClusters, which fixes the dimensions
 * to log revenue, log order lines and demand CV: cluster and keep the model (the clustering engine),
 * name each cluster by its profile on the chosen dimensions (weight 0 leaves a dimension out of the
 * names, as in profileSegments), and give it the starting policy of the ABC-XYZ cell it resembles
 * (startingCells.ts). Items missing a chosen dimension are left out of the clustering and go to the
 * named fallback for unclassifiable items, at design and afterwards.
 *
 * Written as a task (progress and cancel between k-means steps) for the task pane's worker;
 * `designChosenClusters` runs it to the end.
 */
import { clusterItemsTask, type ClusterItemsResult } from "../cluster/segment";
import type { Scaling } from "../cluster/prepare";
import { profileSegments, type ProfileResult } from "../cluster/profile";
import { type ClusterTask, runTask, within } from "../cluster/task";
import type { DimensionTransform } from "../cluster/transform";
import { invalidInput } from "../errors";
import type { ItemTable } from "../items/itemTable";
import type { DesignOptions } from "./design";
import { commonParts, startingPolicy, startingTargets } from "./designDefaults";
import { formatNumber, formatShare, listForMessage } from "./format";
import { featureLabel, featurePhrase, itemFeature } from "./itemFeatures";
import { parseDefinition, SCHEMA_VERSION, type SegmentDefinition, type SegmentDefinitionInput } from "./schema";
import { startingCellsOf } from "./startingCells";

export interface ClusterDimensionChoice {
  /** An item feature, e.g. "revenue" (case-insensitive). */
  name: string;
  transform: DimensionTransform;
  /** Above 0: the dimension's share of every squared distance is multiplied by it. */
  weight: number;
}

export interface ChosenClusterOptions extends DesignOptions {
  dimensions: readonly ClusterDimensionChoice[];
  /** Number of clusters, 2 or more. */
  clusters: number;
  /** Seed of the k-means starts (default 1, as designClusters). */
  seed?: number;
  /** Default "zscore". */
  scaling?: Scaling;
  /** k-means++ restarts (the clustering engine's default 10). */
  restarts?: number;
  /** What made the definition, for its provenance. */
  tool?: string;
}

export interface ChosenClusterDesign {
  definition: SegmentDefinition;
  /** Per item: index into definition.segments (cluster j → segment j), −1 when left out for a missing value. */
  segment: Int32Array;
  /** The chosen dimensions' values per item, original units, items × dimensions row-major. */
  values: Float64Array;
  /**
   * Profiles on the chosen dimensions, then revenue and demandCv when not chosen (they show size and
   * variability and set the starting policy; they take no part in the names).
   */
  profile: ProfileResult;
  clustering: ClusterItemsResult;
}

const DEFINITION_TRANSFORM: Record<DimensionTransform, "none" | "log"> = { none: "none", log1p: "log", rank: "none" };
const TRANSFORM_WORDS: Record<DimensionTransform, string> = { none: "", log1p: "log ", rank: "rank of " };

/** The feature's name as definitions write it ("orderLines"), or the name given when not a known feature. */
function canonicalName(name: string): string {
  return itemFeature(name)?.name ?? name;
}

function checkDimensions(table: ItemTable, dimensions: readonly ClusterDimensionChoice[]): void {
  if (dimensions.length === 0) throw invalidInput("choose at least one dimension to cluster on");
  const seen = new Set<string>();
  for (const dimension of dimensions) {
    const key = dimension.name.toLowerCase();
    if (seen.has(key)) throw invalidInput(`${featureLabel(dimension.name)} is chosen twice; choose each dimension once`);
    seen.add(key);
    if (!table.numbers.has(key)) {
      throw invalidInput(`the items have no feature "${dimension.name}" to cluster on (they have ${listForMessage([...table.numbers.keys()])})`);
    }
    if (!(Number.isFinite(dimension.weight) && dimension.weight > 0)) {
      throw invalidInput(`the weight of ${featureLabel(dimension.name)} must be a number above 0; got ${dimension.weight} (untick a dimension to leave it out)`);
    }
  }
}

export function* designChosenClustersTask(table: ItemTable, options: ChosenClusterOptions): ClusterTask<ChosenClusterDesign> {
  const k = options.clusters;
  if (!Number.isInteger(k) || k < 2) throw invalidInput(`the number of clusters must be a whole number of 2 or more; got ${k}`);
  checkDimensions(table, options.dimensions);
  const n = table.ids.length;
  const names = options.dimensions.map((dimension) => canonicalName(dimension.name));
  const d = names.length;
  const columns = names.map((name) => table.numbers.get(name.toLowerCase())!);
  const values = new Float64Array(n * d);
  for (let item = 0; item < n; item++) for (let t = 0; t < d; t++) values[item * d + t] = columns[t][item];
  const seed = options.seed ?? 1;
  const scaling = options.scaling ?? "zscore";
  const clustering = yield* within(
    clusterItemsTask(values, n, d, k, {
      dimensions: names,
      transforms: options.dimensions.map((dimension) => dimension.transform),
      weights: options.dimensions.map((dimension) => dimension.weight),
      scaling,
      seed,
      ...(options.restarts !== undefined ? { restarts: options.restarts } : {}),
    }),
    0,
    0.95,
  );

  // Profile on the chosen dimensions, plus revenue and CV (weight 0: not in the names) when not chosen.
  const extras = ["revenue", "demandCv"].filter((name) => !names.some((chosen) => chosen.toLowerCase() === name.toLowerCase()));
  const profileNames = [...names, ...extras];
  const width = profileNames.length;
  const profileValues = new Float64Array(n * width);
  const profileColumns = profileNames.map((name) => table.numbers.get(name.toLowerCase()));
  for (let item = 0; item < n; item++) {
    for (let t = 0; t < width; t++) profileValues[item * width + t] = profileColumns[t]?.[item] ?? NaN;
  }
  const revenueAt = profileNames.findIndex((name) => name.toLowerCase() === "revenue");
  const profile = profileSegments(profileValues, n, width, clustering.segment, k, {
    dimensions: profileNames,
    revenueDimension: revenueAt >= 0 && profileColumns[revenueAt] ? revenueAt : undefined,
    weights: [...options.dimensions.map((dimension) => dimension.weight), ...extras.map(() => 0)],
  });
  yield 0.97;

  const cells = startingCellsOf(table, clustering.segment, k);
  const leadTimeDays = options.leadTimeDays ?? 14;
  const period = options.period;
  const medians = (j: number) =>
    names.map((name, t) => `${featurePhrase(name)} ${formatNumber(profile.segments[j].median[t])}`).join(", ");
  const segments: SegmentDefinitionInput["segments"] = profile.segments.map((p, j) => ({
    id: `S${j + 1}`,
    name: p.name,
    description:
      `Cluster ${j + 1}: ${formatShare(p.shareOfItems)} of items` +
      (Number.isFinite(p.shareOfRevenue) ? `, ${formatShare(p.shareOfRevenue)} of revenue` : "") +
      `; median ${medians(j)}. Starting policy of ${cells[j]}.`,
    policy: startingPolicy(cells[j], leadTimeDays),
    targets: startingTargets(cells[j]),
  }));

  // New products and unclassifiable items go to the clusters of middle and lowest revenue.
  const byRevenue = cells.map((_, j) => [revenuePosition(profile, revenueAt, j), j] as const).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const middle = `S${byRevenue[Math.floor(byRevenue.length / 2)][1] + 1}`;
  const lowest = `S${byRevenue[0][1] + 1}`;
  const newItemPeriods = options.newItemPeriods ?? 6;

  const onWhat = options.dimensions.map((dimension, t) => {
    const weight = dimension.weight === 1 ? "" : ` (weight ${formatNumber(dimension.weight)})`;
    return `${TRANSFORM_WORDS[dimension.transform]}${featurePhrase(names[t])}${weight}`;
  });
  const declared: SegmentDefinitionInput["dimensions"] = options.dimensions.map((dimension, t) => {
    const feature = itemFeature(names[t]);
    const about = feature ? feature.describe(period) : names[t];
    return {
      name: names[t],
      description: dimension.transform === "rank" ? `${about}; clustered on its percentile rank` : about,
      kind: "number",
      transform: DEFINITION_TRANSFORM[dimension.transform],
      weight: dimension.weight,
      ...(feature?.unit === "period" ? { unit: period } : {}),
    };
  });
  if (!names.some((name) => name.toLowerCase() === "historyperiods")) {
    declared.push({ name: "historyPeriods", description: itemFeature("historyPeriods")!.describe(period), kind: "number", unit: period });
  }

  const draft: SegmentDefinitionInput = {
    schemaVersion: SCHEMA_VERSION,
    id: options.id,
    name: options.name,
    version: 1,
    description:
      `${k} clusters by k-means on ${onWhat.join(", ")} (${scaling} scaling, seed ${seed}). ` +
      "Proposed from data; review the names and policies.",
    scope: { entity: options.entity ?? "product", ...(options.businessUnit ? { businessUnit: options.businessUnit } : {}) },
    history: { period },
    dimensions: declared,
    method: { type: "clusters", model: clustering.model as unknown as Record<string, unknown>, segments: segments.map((s) => s.id) },
    segments,
    fallback: {
      rules: [
        {
          name: "new products",
          description: `new products are ${middle} until ${newItemPeriods} ${period}s of history`,
          when: [{ field: "historyPeriods", op: "<", value: newItemPeriods }],
          segment: middle,
        },
      ],
      unclassified: {
        name: "not placed by the clusters",
        description: `items missing ${onWhat.length === 1 ? "the dimension" : "a dimension"} the clusters use (${listForMessage(names)}) cannot be placed by the cluster model`,
        segment: lowest,
      },
    },
    ...commonParts(options, n, options.tool ?? `Supply Segments: ${k} clusters on ${names.join(", ")}`),
  };
  const definition = parseDefinition(draft);
  yield 1;
  return { definition, segment: clustering.segment, values, profile, clustering };
}

function revenuePosition(profile: ProfileResult, revenueAt: number, segment: number): number {
  const position = revenueAt >= 0 ? profile.segments[segment].position[revenueAt] : NaN;
  return Number.isFinite(position) ? position : -1;
}

/** {@link designChosenClustersTask} run to the end on this thread. */
export function designChosenClusters(table: ItemTable, options: ChosenClusterOptions): ChosenClusterDesign {
  return runTask(designChosenClustersTask(table, options));
}
