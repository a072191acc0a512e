/**
 * Proposing a definition by clusters: k-means on log revenue, log order lines and the coefficient
 * of variation of period demand (the clustering engine: prepare, cluster, keep the model), each
 * cluster named by its profile ("High revenue · Low demandCv") and given the starting policy of the
 * ABC-XYZ cell it resembles: value class by where its median revenue ranks among all items (top
 * third A, middle B, bottom C), variability class by where its median CoV ranks (X, Y, Z).
 * The stored model places new items exactly as the design's items were placed.
 */
import { clusterItems, profileSegments } from "../cluster";
import { invalidInput } from "../errors";
import type { ItemTable } from "../items/itemTable";
import type { DesignOptions } from "./design";
import { commonParts, startingPolicy, startingTargets } from "./designDefaults";
import { formatShare } from "./format";
import { parseDefinition, SCHEMA_VERSION, type SegmentDefinition, type SegmentDefinitionInput } from "./schema";

export interface ClusterDesignOptions extends DesignOptions {
  /** Number of clusters (default 5). */
  clusters?: number;
  /** Seed of the k-means starts (default 1): the same data and seed give the same definition. */
  seed?: number;
}

const DIMENSIONS = ["revenue", "orderLines", "demandCv"] as const;

function tier(position: number, letters: string): string {
  return position >= 2 / 3 ? letters[0] : position >= 1 / 3 ? letters[1] : letters[2];
}

export function designClusters(table: ItemTable, options: ClusterDesignOptions): SegmentDefinition {
  const k = options.clusters ?? 5;
  const n = table.ids.length;
  const columns = DIMENSIONS.map((name) => {
    const column = table.numbers.get(name.toLowerCase());
    if (!column) throw invalidInput(`the items have no feature "${name}" to cluster on`);
    return column;
  });
  const values = new Float64Array(n * DIMENSIONS.length);
  // Items without sales have no CoV (NaN): the clustering leaves them out, and so does the stored
  // model, so they go to the fallback for unclassifiable items both at design and afterwards.
  for (let item = 0; item < n; item++) {
    for (let d = 0; d < DIMENSIONS.length; d++) values[item * DIMENSIONS.length + d] = columns[d][item];
  }
  const result = clusterItems(values, n, DIMENSIONS.length, k, {
    dimensions: [...DIMENSIONS],
    transforms: ["log1p", "log1p", "none"],
    seed: options.seed ?? 1,
  });
  const profile = profileSegments(values, n, DIMENSIONS.length, result.segment, k, { dimensions: [...DIMENSIONS], revenueDimension: 0 });
  const leadTimeDays = options.leadTimeDays ?? 14;
  const cells = profile.segments.map((p) => tier(p.position[0], "ABC") + tier(1 - p.position[2], "XYZ"));
  const segments: SegmentDefinitionInput["segments"] = profile.segments.map((p, j) => ({
    id: `S${j + 1}`,
    name: p.name,
    description:
      `Cluster ${j + 1}: ${formatShare(p.shareOfItems)} of items, ${formatShare(p.shareOfRevenue)} of revenue; ` +
      `median revenue ${Math.round(p.median[0]).toLocaleString("en-US")}, ${Math.round(p.median[1]).toLocaleString("en-US")} order lines, CoV ${p.median[2].toFixed(2)}. ` +
      `Starting policy of ${cells[j]}.`,
    policy: startingPolicy(cells[j], leadTimeDays),
    targets: startingTargets(cells[j]),
  }));
  // New products and unclassifiable items go to the clusters of middle and lowest revenue.
  const byRevenue = profile.segments.map((p, j) => [p.position[0], j] as const).sort((a, b) => a[0] - b[0]);
  const middle = `S${byRevenue[Math.floor(byRevenue.length / 2)][1] + 1}`;
  const lowest = `S${byRevenue[0][1] + 1}`;
  const newItemPeriods = options.newItemPeriods ?? 6;
  const period = options.period;

  const draft: SegmentDefinitionInput = {
    schemaVersion: SCHEMA_VERSION,
    id: options.id,
    name: options.name,
    version: 1,
    description: `${k} clusters by k-means on log revenue, log order lines and the coefficient of variation of ${period}ly demand (seed ${options.seed ?? 1}). Proposed from data; review the names and policies.`,
    scope: { entity: options.entity ?? "product", ...(options.businessUnit ? { businessUnit: options.businessUnit } : {}) },
    history: { period },
    dimensions: [
      { name: "revenue", description: "revenue over the data period", kind: "number", transform: "log" },
      { name: "orderLines", description: "sales lines over the data period", kind: "number", transform: "log" },
      { name: "demandCv", description: `coefficient of variation of ${period}ly demand (STDEV.S ÷ mean)`, kind: "number" },
      { name: "historyPeriods", description: `${period}s from the item's first sale to the end of the data`, kind: "number", unit: period },
    ],
    method: { type: "clusters", model: result.model as unknown as Record<string, unknown>, segments: segments.map((s) => s.id) },
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
        name: "no measurable demand",
        description: "items without sales (or without a measurable variability) cannot be placed by the cluster model",
        segment: lowest,
      },
    },
    ...commonParts(options, n, `supply-segments design --method clusters --clusters ${k}`),
  };
  return parseDefinition(draft);
}
