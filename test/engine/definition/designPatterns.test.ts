/**
 * Demand-pattern definitions: a hand-worked table for the quadrants, the ABC crossing and the
 * fallbacks, and Hyndman's car parts for the counts (../shared/data/carparts/SOURCE.md: of the 2,509
 * series with full history, 2,146 intermittent, 337 lumpy, none smooth or erratic, 26 with fewer than
 * 2 months of demand — Syntetos–Boylan cutoffs 1.32 and 0.49).
 */
import { classifyDemandPattern } from "../../../src/engine/classify/demandPattern";
import { assignBatch } from "../../../src/engine/definition/assign";
import { CELLS, startingPolicy } from "../../../src/engine/definition/designDefaults";
import { designDemandPatterns } from "../../../src/engine/definition/designPatterns";
import { parseDefinition } from "../../../src/engine/definition/schema";
import { createItemTable, type ItemTable } from "../../../src/engine/items/itemTable";
import { parseCsv, readCsvText } from "../../support/csv";
import { sharedDataFile } from "../../support/dataFiles";
import { expectSegmentError } from "../../support/segmentError";

const base = {
  id: "patterns",
  name: "Demand patterns",
  author: "planner",
  dataSource: "example",
  rowCount: 100,
  createdAt: "2024-05-01T09:00:00Z",
  period: "month" as const,
};

// Revenue 1,000 in all: cumulative 50%, 80%, 90%, 96%, 100% → A, A, B, C, C; f has none → C.
// a: ADI 1 < 1.32, CV² 0.2 < 0.49 → smooth. b: ADI 1.1, CV² 0.6 → erratic. c: ADI 2, CV² 0.3 →
// intermittent. d: ADI 3, CV² 0.9 → lumpy. e: no pattern. f: on both cutoffs (at = above) → lumpy,
// but only 3 months of history → new product.
const table = createItemTable(["a", "b", "c", "d", "e", "f"], {
  revenue: Float64Array.from([500, 300, 100, 60, 40, 0]),
  adi: Float64Array.from([1, 1.1, 2, 3, NaN, 1.32]),
  cv2: Float64Array.from([0.2, 0.6, 0.3, 0.9, NaN, 0.49]),
  historyPeriods: Float64Array.from([13, 13, 13, 13, 13, 3]),
});

function segmentsOf(table: ItemTable, definition: ReturnType<typeof designDemandPatterns>): string[] {
  const assignment = assignBatch(definition, table, { abcMode: "population", requireAllDimensions: true });
  return Array.from(assignment.segmentIndex, (k) => (k >= 0 ? definition.segments[k].id : "none"));
}

describe("designDemandPatterns", () => {
  test("four segments, one per Syntetos–Boylan quadrant; fallbacks for new items and items without a pattern", () => {
    const definition = designDemandPatterns(table, base);
    expect(definition.segments.map((s) => [s.id, s.name])).toEqual([
      ["smooth", "Smooth"],
      ["erratic", "Erratic"],
      ["intermittent", "Intermittent"],
      ["lumpy", "Lumpy"],
    ]);
    expect(segmentsOf(table, definition)).toEqual(["smooth", "erratic", "intermittent", "lumpy", "lumpy", "intermittent"]);
    expect(definition.method).toEqual({
      type: "matrix",
      separator: "",
      classifications: [{ kind: "demandPattern", adiDimension: "adi", cv2Dimension: "cv2", adiCutoff: 1.32, cv2Cutoff: 0.49 }],
    });
    expect(definition.dimensions.map((d) => d.name)).toEqual(["adi", "cv2", "historyPeriods"]);
    expect(parseDefinition(JSON.parse(JSON.stringify(definition)))).toEqual(definition);
  });

  test("starting policies: the ABC-XYZ cell each pattern resembles, with the forecasting method the paper favours", () => {
    const definition = designDemandPatterns(table, base);
    const policy = (id: string) => definition.segments.find((s) => s.id === id)!.policy;
    expect(policy("smooth")).toEqual({ ...startingPolicy("BX", 14), forecastingMethod: "exponential smoothing" });
    expect(policy("intermittent")).toEqual({ ...startingPolicy("BY", 14), forecastingMethod: "SBA (Syntetos–Boylan approximation)" });
    expect(policy("erratic").serviceLevel).toBe(CELLS.BZ.serviceLevel);
    expect(policy("lumpy").forecastingMethod).toBe("SBA, or make to order");
    expect(definition.segments[2].description).toBe(
      "Items with intermittent demand: demand in few periods, in regular sizes (ADI ≥ 1.32, CV² < 0.49). Starting policy of BY.",
    );
  });

  test("crossed with ABC: twelve cells, the value class from the revenue ranking", () => {
    const definition = designDemandPatterns(table, { ...base, withAbc: true });
    expect(definition.segments).toHaveLength(12);
    expect(definition.segments[0]).toMatchObject({ id: "A-smooth", name: "Core, smooth" });
    expect(segmentsOf(table, definition)).toEqual(["A-smooth", "A-erratic", "B-intermittent", "C-lumpy", "C-lumpy", "B-intermittent"]);
    expect(definition.segments.find((s) => s.id === "A-smooth")!.policy.serviceLevel).toBe(CELLS.AX.serviceLevel);
    expect(definition.dimensions.map((d) => d.name)).toEqual(["revenue", "adi", "cv2", "historyPeriods"]);
  });

  test("other cutoffs move the quadrants", () => {
    // ADI cutoff 2.5: c (ADI 2) is no longer intermittent; CV² cutoff 0.25: its 0.3 is now variable → erratic. d (ADI 3) stays lumpy.
    const definition = designDemandPatterns(table, { ...base, adiCutoff: 2.5, cv2Cutoff: 0.25 });
    expect(segmentsOf(table, definition).slice(0, 4)).toEqual(["smooth", "erratic", "erratic", "lumpy"]);
  });

  test("cutoffs that cannot be right are refused", () => {
    expectSegmentError(() => designDemandPatterns(table, { ...base, adiCutoff: 0.5 }), "invalid-input", "the ADI cutoff must be a number of 1 or more");
    expectSegmentError(() => designDemandPatterns(table, { ...base, cv2Cutoff: 0 }), "invalid-input", "the CV² cutoff must be a number above 0");
  });
});

test("Hyndman's car parts: the full-history series land as the published classification says", () => {
  const [header, ...rows] = parseCsv(readCsvText(sharedDataFile("carparts", "carparts_wide.csv")));
  const periods = header.length - 1;
  const full = rows.filter((row) => row.slice(1).every((cell) => cell.trim() !== ""));
  const history = new Float64Array(full.length * periods);
  full.forEach((row, i) => row.slice(1).forEach((cell, p) => (history[i * periods + p] = Number(cell))));
  const pattern = classifyDemandPattern(history, full.length, periods);
  const parts = createItemTable(
    full.map((row) => row[0]),
    { adi: pattern.adi, cv2: pattern.cv2, historyPeriods: new Float64Array(full.length).fill(periods) },
  );
  const counts: Record<string, number> = {};
  for (const id of segmentsOf(parts, designDemandPatterns(parts, base))) counts[id] = (counts[id] ?? 0) + 1;
  expect(full).toHaveLength(2509);
  // 337 lumpy + the 26 series with fewer than two months of demand, which have no pattern.
  expect(counts).toEqual({ intermittent: 2146, lumpy: 337 + 26 });
});
