/**
 * Reclassification with hysteresis on real data: the previous year (UCI Online Retail II, 2009-12 …
 * 2010-12) and the current year (UCI Online Retail, 2010-12 … 2011-12) of the same retailer. A
 * definition is designed on the previous year (as `supply-segments design` does), then applied to the
 * current year with the previous year as the baseline (`apply --previous-data`).
 *
 * Expected counts: scripts/reference/online_retail_reclassification.py, a separate pure-Python
 * implementation of the same rules with exact arithmetic (its docstring states them); its output is
 * test/fixtures/online-retail-reclassification.reference.json and the numbers below are copied from it.
 * Each file is read once for the whole suite.
 */
import { applyDefinition, type ApplyResult } from "../../src/engine/apply/applyDefinition";
import { DESIGN_EXCEPTIONS, designAbcXyz } from "../../src/engine/definition/design";
import { RECLASSIFICATION_STATUSES } from "../../src/engine/definition/reclassify";
import type { SegmentDefinition } from "../../src/engine/definition/schema";
import { DEFAULT_THRESHOLDS } from "../../src/engine/readiness/readiness";
import { aggregateTransactions } from "../../src/engine/transactions/aggregate";
import { readTransactions, type ReadResult } from "../../src/cli/io/transactionsReader";
import { sharedDataFile } from "../support/dataFiles";

const rules = { returns: "exclude" as const, isNonProduct: (code: string) => !/\d/.test(code) };
let previous: ReadResult;
let current: ReadResult;
let definition: SegmentDefinition;
let result: ApplyResult;

beforeAll(async () => {
  previous = await readTransactions(sharedDataFile("online-retail-ii-2009-2010", "online_retail_ii_2009_2010.csv.gz"), {
    mapping: { item: "StockCode", date: "InvoiceDate", quantity: "Quantity", price: "Price" },
    dateFormat: "auto",
  });
  current = await readTransactions(sharedDataFile("online-retail", "online_retail.csv.gz"), {
    mapping: { item: "StockCode", date: "InvoiceDate", quantity: "Quantity", price: "UnitPrice" },
    dateFormat: "auto",
  });
  const designData = aggregateTransactions(previous.lines, { ...rules, period: "month", exceptions: { ...DESIGN_EXCEPTIONS }, costRatio: 1 });
  definition = designAbcXyz(designData.table, {
    id: "online-retail-2010",
    name: "Online retail SKUs, designed on 2010",
    author: "test",
    dataSource: "online_retail_ii_2009_2010.csv.gz",
    rowCount: previous.dataRows,
    createdAt: "2011-01-01T00:00:00Z",
    period: "month",
  });
  result = applyDefinition(definition, current.lines, { ...rules, thresholds: DEFAULT_THRESHOLDS, columns: current.columns, previous: previous.lines });
});

function segmentCounts(segmentIndex: Int32Array): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const k of segmentIndex) {
    const id = k >= 0 ? definition.segments[k].id : "none";
    counts[id] = (counts[id] ?? 0) + 1;
  }
  return Object.fromEntries(Object.entries(counts).sort(([a], [b]) => (a < b ? -1 : 1)));
}

test("the design has the rules the reference applies: hysteresis over two quarters, 30% either way", () => {
  expect(definition.reclassification).toEqual({
    period: "quarter",
    baseline: "samePeriodLastYear",
    rules: [
      expect.objectContaining({ metric: "quantity", direction: "down", change: 0.3, consecutivePeriods: 2 }),
      expect.objectContaining({ metric: "quantity", direction: "up", change: 0.3, consecutivePeriods: 2 }),
    ],
  });
  expect(definition.provenance.itemCount).toBe(4615); // "47503J " is trimmed to "47503J"
});

test("the current year's computed segments match the reference", () => {
  expect(result.aggregated.table.ids.length).toBe(4057);
  expect(segmentCounts(result.assignment.segmentIndex)).toEqual({
    AX: 150, AY: 365, AZ: 256, BX: 62, BY: 856, BZ: 443, CX: 9, CY: 344, CZ: 1572,
  });
});

test("rules are checked on the last two complete quarters, 2011-Q2 and 2011-Q3", () => {
  expect(result.reclassification!.evaluatedPeriods).toEqual(["2011-Q2", "2011-Q3"]);
});

test("who moved, who was held: counts match the reference", () => {
  const reclassification = result.reclassification!;
  expect(reclassification.counts).toEqual({ "new item": 672, unchanged: 1475, moved: 874, held: 778, graduated: 258, override: 0 });
  expect(reclassification.departed.length).toBe(1230);
});

test("the moves from/to match the reference, and every move names its rule", () => {
  const reclassification = result.reclassification!;
  const moves: Record<string, number> = {};
  const moved = RECLASSIFICATION_STATUSES.indexOf("moved");
  for (let item = 0; item < reclassification.status.length; item++) {
    if (reclassification.status[item] !== moved) continue;
    const key = `${definition.segments[reclassification.previousIndex[item]].id}->${definition.segments[reclassification.segmentIndex[item]].id}`;
    moves[key] = (moves[key] ?? 0) + 1;
    expect(reclassification.ruleIndex[item]).toBeGreaterThanOrEqual(0);
    expect(reclassification.reason(item)).toMatch(/^moved \w+ → \w+: rule "sustained (drop|rise)" held for 2 consecutive quarters/);
  }
  expect(moves).toEqual({
    "AX->AY": 19, "AX->AZ": 4, "AX->BX": 7, "AX->BY": 13, "AX->BZ": 5, "AX->CZ": 3,
    "AY->AX": 16, "AY->AZ": 11, "AY->BX": 4, "AY->BY": 46, "AY->BZ": 25, "AY->CY": 2, "AY->CZ": 28,
    "AZ->AX": 4, "AZ->AY": 17, "AZ->BY": 27, "AZ->BZ": 19, "AZ->CY": 5, "AZ->CZ": 23,
    "BX->BY": 1, "BX->BZ": 1, "BX->CX": 1, "BX->CY": 4, "BX->CZ": 7,
    "BY->AY": 1, "BY->BX": 2, "BY->BZ": 26, "BY->CX": 2, "BY->CY": 25, "BY->CZ": 91,
    "BZ->AY": 3, "BZ->AZ": 3, "BZ->BX": 1, "BZ->BY": 39, "BZ->CX": 1, "BZ->CY": 22, "BZ->CZ": 115,
    "CX->CY": 1, "CX->CZ": 2,
    "CY->BY": 11, "CY->BZ": 8, "CY->CZ": 107,
    "CZ->BX": 1, "CZ->BY": 60, "CZ->BZ": 14, "CZ->CY": 47,
  });
});

test("the final segments after hysteresis match the reference, and held items keep their previous segment", () => {
  const reclassification = result.reclassification!;
  expect(segmentCounts(reclassification.segmentIndex)).toEqual({
    AX: 145, AY: 412, AZ: 316, BX: 55, BY: 779, BZ: 507, CX: 13, CY: 309, CZ: 1521,
  });
  const held = RECLASSIFICATION_STATUSES.indexOf("held");
  for (let item = 0; item < reclassification.status.length; item++) {
    if (reclassification.status[item] !== held) continue;
    expect(reclassification.segmentIndex[item]).toBe(reclassification.previousIndex[item]);
    expect(reclassification.segmentIndex[item]).not.toBe(result.assignment.segmentIndex[item]);
    expect(reclassification.reason(item)).toMatch(/^held in \w+: computed \w+, but no reclassification rule held/);
  }
  // Policies follow the final segment.
  expect(result.segmentIndex).toBe(reclassification.segmentIndex);
});
