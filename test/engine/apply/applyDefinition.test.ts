/**
 * The batch path end to end on a small ledger: three items sold once a month for a year, revenue
 * 96,000 (X), 84,000 (Y) and 1,200 (Z), total 181,200. Ranked on this data: X 53.0% → A, Y
 * 180,000 / 181,200 = 99.3% → C, Z → C. The worked-example definition's design thresholds (A from
 * 77,000) would make Y an A: the population has moved since design, and Y is listed as drift.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { applyDefinition } from "../../../src/engine/apply/applyDefinition";
import { parseDefinition } from "../../../src/engine/definition/schema";
import { daysFromCivil } from "../../../src/engine/policy/periods";
import { DEFAULT_THRESHOLDS } from "../../../src/engine/readiness/readiness";
import type { TransactionLines } from "../../../src/engine/transactions/lines";

const definition = parseDefinition(JSON.parse(fs.readFileSync(path.resolve(__dirname, "../../fixtures/definitions/chips-abc-xyz.json"), "utf8")));
const prices = [8000, 7000, 100];
const n = 36;
const lines: TransactionLines = {
  count: n,
  itemCodes: ["X", "Y", "Z"],
  item: Int32Array.from({ length: n }, (_, i) => i % 3),
  sourceRow: Int32Array.from({ length: n }, (_, i) => i + 2),
  day: Float64Array.from({ length: n }, (_, i) => daysFromCivil(2023, Math.floor(i / 3) + 1, 15)),
  quantity: new Float64Array(n).fill(1),
  price: Float64Array.from({ length: n }, (_, i) => prices[i % 3]),
  revenue: null,
};
const result = applyDefinition(definition, lines, {
  returns: "exclude",
  isNonProduct: () => false,
  thresholds: { ...DEFAULT_THRESHOLDS, minHistoryPeriods: 12 },
  columns: [],
});
const segmentOf = (k: number) => definition.segments[result.segmentIndex[k]].id;

test("ABC is ranked on the data given; the design thresholds' disagreement is reported as drift", () => {
  expect([segmentOf(0), segmentOf(1), segmentOf(2)]).toEqual(["AX", "CX", "CX"]);
  expect(result.drift).toEqual([{ dimension: "revenue", items: [1], labels: [["C", "A"]] }]);
  expect(result.assignment.reasons(1)[0]).toBe("revenue 84,000: rank 2 of 3, cumulative 99.3% > 95% → C");
});

test("policies follow the final segment: each item's order quantity is its segment's review period of demand", () => {
  // Demand is exactly 1 a month (σ = 0), so statistical safety stock is 0; the review period sets Q.
  expect(Array.from(result.policy.safetyStock)).toEqual([0, 0, 0]);
  expect(result.policy.orderQuantity[0]).toBeCloseTo(7 / 30.4375, 12); // AX reviews weekly
  expect(result.policy.orderQuantity[1]).toBeCloseTo(14 / 30.4375, 12); // CX every two weeks
});

test("KPIs for every segment and for all items; readiness by the thresholds given", () => {
  expect(result.kpis).toHaveLength((definition.segments.length + 1) * 6);
  expect(result.measures[definition.segments.length].revenue).toBe(181200);
  expect(result.readiness.passed).toBe(true);
  expect(result.reclassification).toBeNull();
});
