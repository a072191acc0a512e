/**
 * The clusters method: a definition proposed by k-means (the clustering engine) stores its model, and
 * assigning items with the definition puts every design item in the cluster the clustering gave it
 * (the model's own guarantee, checked here through the definition, after a JSON round trip).
 * Data: three well-separated groups of 20 items (revenue, order lines, demand CoV), plus an item
 * without sales and a new item.
 */
import { clusterItems } from "../../../src/engine/cluster";
import { assign, assignBatch, ASSIGNMENT_SOURCES } from "../../../src/engine/definition/assign";
import { designClusters } from "../../../src/engine/definition/designClusters";
import { parseDefinition } from "../../../src/engine/definition/schema";
import { createItemTable } from "../../../src/engine/items/itemTable";
import { seededRandom } from "../../../bench/table";

const random = seededRandom(7);
const groups = [
  { revenue: 50000, lines: 400, cv: 0.3 },
  { revenue: 2000, lines: 60, cv: 0.9 },
  { revenue: 40, lines: 3, cv: 2.5 },
];
const rows = groups.flatMap((g) => Array.from({ length: 20 }, () => [g.revenue * (0.8 + 0.4 * random()), g.lines * (0.8 + 0.4 * random()), g.cv * (0.9 + 0.2 * random())]));
rows.push([0, 0, NaN]); // no sales
rows.push([45000, 380, 0.3]); // a big item, but new
const n = rows.length;
const table = createItemTable(
  rows.map((_, i) => `i${i}`),
  {
    revenue: Float64Array.from(rows, (r) => r[0]),
    orderLines: Float64Array.from(rows, (r) => r[1]),
    demandCv: Float64Array.from(rows, (r) => r[2]),
    historyPeriods: Float64Array.from(rows, (_, i) => (i === n - 1 ? 2 : 12)),
  },
);
const options = { id: "clusters", name: "Clusters", author: "test", dataSource: "synthetic", rowCount: 600, createdAt: "2024-05-01T09:00:00Z", period: "month" as const, clusters: 3, seed: 3 };
const definition = parseDefinition(JSON.parse(JSON.stringify(designClusters(table, options))));

test("the definition stores the model and one segment per cluster, named by the profile", () => {
  expect(definition.method.type).toBe("clusters");
  const method = definition.method as Extract<typeof definition.method, { type: "clusters" }>;
  expect(method.segments).toEqual(["S1", "S2", "S3"]);
  expect((method.model as { format: string; dimensions: string[] }).dimensions).toEqual(["revenue", "orderLines", "demandCv"]);
  const big = definition.segments.find((s) => s.name.startsWith("High revenue"))!;
  expect(big.description).toContain("Starting policy of AX");
  expect(definition.fallback.unclassified?.segment).toBe(definition.segments.find((s) => s.name.includes("ow revenue"))!.id);
});

test("every design item is assigned to the cluster the clustering gave it; the same seed gives the same definition", () => {
  const values = Float64Array.from(rows.flatMap((r) => r));
  const clustering = clusterItems(values, n, 3, 3, { dimensions: ["revenue", "orderLines", "demandCv"], transforms: ["log1p", "log1p", "none"], seed: 3 });
  const batch = assignBatch(definition, table, { abcMode: "population", requireAllDimensions: true });
  for (let i = 0; i < n - 2; i++) {
    expect(batch.classes[0].classIndex[i]).toBe(clustering.segment[i]);
    expect(definition.segments[batch.segmentIndex[i]].id).toBe(`S${clustering.segment[i] + 1}`);
  }
  expect(parseDefinition(JSON.parse(JSON.stringify(designClusters(table, options))))).toEqual(definition);
});

test("reasons name the nearest centre; items without a value go to the named fallback; new items to theirs", () => {
  const one = assign(definition, { features: { revenue: rows[0][0], orderLines: rows[0][1], demandCv: rows[0][2], historyPeriods: 12 } });
  expect(one.source).toBe("method");
  expect(one.reasons[0]).toMatch(/^nearest centre of the stored model \(3 clusters on "revenue", "orderLines", "demandCv"\): cluster [123]$/);
  const batch = assignBatch(definition, table, { abcMode: "thresholds", requireAllDimensions: true });
  expect(ASSIGNMENT_SOURCES[batch.source[n - 2]]).toBe("unclassified");
  expect(batch.reasons(n - 2)[0]).toBe('"demandCv" missing → not placed by the cluster model');
  expect(ASSIGNMENT_SOURCES[batch.source[n - 1]]).toBe("fallback");
});

test("a clusters method must map every cluster to an existing segment", () => {
  const json = JSON.parse(JSON.stringify(definition));
  json.method.segments = ["S1", "S2"];
  expect(() => parseDefinition(json)).toThrow("method.segments: must name one segment per cluster: the model has 3 clusters, got 2");
  json.method.segments = ["S1", "S2", "S9"];
  expect(() => parseDefinition(json)).toThrow('method.segments[2]: names segment "S9"');
});
