/**
 * Clusters on chosen dimensions. Checked three ways: a worked example small enough to follow by hand
 * (names and starting policies from the segments' median positions), agreement with designClusters
 * (the command line's fixed dimensions) on a real-data slice, and the stored model placing the design's
 * own items where the design put them.
 */
import { assignBatch } from "../../../src/engine/definition/assign";
import { DESIGN_EXCEPTIONS } from "../../../src/engine/definition/design";
import { designChosenClusters, type ChosenClusterOptions } from "../../../src/engine/definition/designChosenClusters";
import { designClusters } from "../../../src/engine/definition/designClusters";
import { CELLS } from "../../../src/engine/definition/designDefaults";
import { parseDefinition } from "../../../src/engine/definition/schema";
import { createItemTable } from "../../../src/engine/items/itemTable";
import { aggregateTransactions } from "../../../src/engine/transactions/aggregate";
import { expectSegmentError } from "../../support/segmentError";
import { retailLines } from "./retailLines";

const base = {
  id: "retail",
  name: "Retail clusters",
  author: "planner",
  dataSource: "online_retail.csv.gz",
  rowCount: 1000,
  createdAt: "2024-05-01T09:00:00Z",
  period: "month" as const,
};

/** Six items in two obvious groups of revenue; CV and history alongside. */
const small = createItemTable(["a", "b", "c", "d", "e", "f"], {
  revenue: Float64Array.from([10, 12, 14, 1000, 1100, 1200]),
  orderLines: Float64Array.from([1, 2, 3, 40, 50, 60]),
  demandCv: Float64Array.from([0.2, 0.3, 0.25, 1.5, 1.2, 1.4]),
  historyPeriods: Float64Array.from([13, 13, 13, 13, 13, 13]),
});

describe("designChosenClusters: a worked example", () => {
  const design = designChosenClusters(small, { ...base, clusters: 2, dimensions: [{ name: "revenue", transform: "log1p", weight: 1 }] });
  const definition = design.definition;
  const high = design.segment[3];
  const low = design.segment[0];

  test("the two groups become the two clusters", () => {
    expect(Array.from(design.segment)).toEqual([low, low, low, high, high, high]);
    expect(high).not.toBe(low);
  });

  test("names and starting policies follow the medians' positions among all items", () => {
    // High group: median revenue 1,100 has 4 items below and itself: (4 + ½)/6 = 0.75 → "high", value class A;
    // its median CV 1.4 sits at (4 + ½)/6 = 0.75, so 1 − 0.75 = 0.25 → Z. Low group: revenue 12 at
    // (1 + ½)/6 = 0.25 → "low", C; CV 0.25 at 0.25 → 0.75 → X.
    expect(definition.segments[high].name).toBe("High revenue");
    expect(definition.segments[low].name).toBe("Low revenue");
    expect(definition.segments[high].policy.serviceLevel).toBe(CELLS.AZ.serviceLevel);
    expect(definition.segments[low].policy.serviceLevel).toBe(CELLS.CX.serviceLevel);
    expect(definition.segments[high].description).toMatch(/^Cluster \d: 50% of items, 98\.9% of revenue; median revenue 1,100\. Starting policy of AZ\.$/);
  });

  test("new products go to the middle cluster by revenue, unplaceable items to the lowest", () => {
    // Two clusters: the middle of [low, high] (index ⌊2/2⌋ = 1) is the high one.
    expect(definition.fallback.rules[0]).toMatchObject({ segment: `S${high + 1}`, when: [{ field: "historyPeriods", op: "<", value: 6 }] });
    expect(definition.fallback.unclassified?.segment).toBe(`S${low + 1}`);
  });

  test("profiles show revenue and CV beside the chosen dimensions, names use the chosen ones only", () => {
    expect(design.profile.dimensions).toEqual(["revenue", "demandCv"]);
    expect(design.profile.segments[high].median).toEqual([1100, 1.4]);
    expect(design.profile.segments[high].shareOfRevenue).toBeCloseTo(3300 / 3336, 12);
  });
});

describe("designChosenClusters on a real-data slice (every 25th line of Online Retail)", () => {
  const aggregated = aggregateTransactions(retailLines(25), {
    period: "month",
    returns: "exclude",
    isNonProduct: (code) => /^\D*$/.test(code),
    exceptions: DESIGN_EXCEPTIONS,
    costRatio: 1,
  });
  const table = aggregated.table;

  test("on the command line's dimensions it gives designClusters' model, segments and fallbacks", () => {
    const expected = designClusters(table, { ...base, clusters: 4, seed: 3 });
    const chosen = designChosenClusters(table, {
      ...base,
      clusters: 4,
      seed: 3,
      dimensions: [
        { name: "revenue", transform: "log1p", weight: 1 },
        { name: "orderLines", transform: "log1p", weight: 1 },
        { name: "demandCv", transform: "none", weight: 1 },
      ],
    }).definition;
    expect(chosen.method).toEqual(expected.method);
    expect(chosen.segments.map(({ id, name, policy, targets }) => ({ id, name, policy, targets }))).toEqual(
      expected.segments.map(({ id, name, policy, targets }) => ({ id, name, policy, targets })),
    );
    expect(chosen.fallback.rules.map((rule) => rule.segment)).toEqual(expected.fallback.rules.map((rule) => rule.segment));
    expect(chosen.fallback.unclassified?.segment).toBe(expected.fallback.unclassified?.segment);
  });

  const options: ChosenClusterOptions = {
    ...base,
    clusters: 3,
    seed: 7,
    scaling: "robust",
    dimensions: [
      { name: "quantity", transform: "rank", weight: 2 },
      { name: "demandMean", transform: "log1p", weight: 0.5 },
      { name: "adi", transform: "none", weight: 1 },
    ],
  };
  const design = designChosenClusters(table, options);

  test("the model stores the chosen dimensions, transforms, weights and scaling; the definition declares them", () => {
    const model = design.definition.method.type === "clusters" ? design.definition.method.model : {};
    expect(model).toMatchObject({ dimensions: ["quantity", "demandMean", "adi"], weights: [2, 0.5, 1], scaler: { method: "robust" } });
    expect((model.transforms as { kind: string }[]).map((t) => t.kind)).toEqual(["rank", "log1p", "none"]);
    expect(design.definition.dimensions.map((d) => [d.name, d.transform, d.weight])).toEqual([
      ["quantity", "none", 2],
      ["demandMean", "log", 0.5],
      ["adi", "none", 1],
      ["historyPeriods", "none", 1],
    ]);
    expect(design.definition.description).toBe(
      "3 clusters by k-means on rank of quantity (weight 2), log mean demand (weight 0.5), ADI (robust scaling, seed 7). Proposed from data; review the names and policies.",
    );
    expect(parseDefinition(JSON.parse(JSON.stringify(design.definition)))).toEqual(design.definition);
  });

  test("the stored model places every clustered item in its cluster; items it cannot place take the named fallback", () => {
    const assignment = assignBatch(design.definition, table, { abcMode: "population", requireAllDimensions: true });
    const history = table.numbers.get("historyperiods")!;
    const lowest = design.definition.segments.findIndex((s) => s.id === design.definition.fallback.unclassified!.segment);
    let placed = 0;
    let leftOut = 0;
    for (let item = 0; item < table.ids.length; item++) {
      if (history[item] < 6) continue; // the new-products rule comes first
      if (design.segment[item] >= 0) {
        placed++;
        expect(assignment.segmentIndex[item]).toBe(design.segment[item]);
      } else {
        leftOut++;
        expect(assignment.segmentIndex[item]).toBe(lowest);
      }
    }
    expect(placed).toBeGreaterThan(500);
    // ADI is missing for items without demand: they are left out of the clustering.
    expect(leftOut).toBe(design.clustering.report.excludedForMissing - countNew(table, design.segment));
  });

  test("the same data, options and seed give the same definition", () => {
    expect(designChosenClusters(table, options).definition).toEqual(design.definition);
  });
});

/** Items left out of the clustering that the new-products rule takes first. */
function countNew(table: ReturnType<typeof createItemTable>, segment: Int32Array): number {
  const history = table.numbers.get("historyperiods")!;
  let n = 0;
  for (let item = 0; item < segment.length; item++) if (segment[item] < 0 && history[item] < 6) n++;
  return n;
}

describe("designChosenClusters: what it refuses", () => {
  const dimension = { name: "revenue", transform: "none" as const, weight: 1 };
  test.each([
    ["no dimension", { dimensions: [], clusters: 2 }, "choose at least one dimension to cluster on"],
    ["a dimension twice", { dimensions: [dimension, { ...dimension, name: "Revenue" }], clusters: 2 }, "Revenue is chosen twice; choose each dimension once"],
    ["a feature the items lack", { dimensions: [{ ...dimension, name: "margin" }], clusters: 2 }, 'the items have no feature "margin" to cluster on'],
    ["a weight of 0", { dimensions: [{ ...dimension, weight: 0 }], clusters: 2 }, "the weight of Revenue must be a number above 0; got 0 (untick a dimension to leave it out)"],
    ["one cluster", { dimensions: [dimension], clusters: 1 }, "the number of clusters must be a whole number of 2 or more; got 1"],
  ])("%s", (_case, choice, message) => {
    expectSegmentError(() => designChosenClusters(small, { ...base, ...choice }), "invalid-input", message);
  });
  test("more clusters than items", () => {
    expectSegmentError(() => designChosenClusters(small, { ...base, clusters: 7, dimensions: [dimension] }), "out-of-range", "k = 7 segments need at least 7 items; there are 6");
  });
});
