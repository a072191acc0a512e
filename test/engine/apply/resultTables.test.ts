/**
 * The Assignments and segment summary tables of an applied definition, on the small ledger of
 * applyDefinition.test.ts: three items sold once a month for a year at 8,000 (X), 7,000 (Y) and 100
 * (Z), one unit a time, so demand is exactly 1 a month (σ = 0, no safety stock). X lands in AX
 * (weekly review), Y and Z in CX (review every two weeks). Worked by hand:
 * - order quantity = one review period of demand: 7 / 30.4375 (AX) and 14 / 30.4375 (CX) units,
 *   a month being 365.25 / 12 = 30.4375 days;
 * - inventory value = Q/2 × unit cost (unit cost = price, cost ratio 1);
 * - planned turns of AX = annual cost of goods 12 × 8,000 ÷ (7 / 30.4375 / 2 × 8,000) = 24 × 30.4375 / 7.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { applyDefinition } from "../../../src/engine/apply/applyDefinition";
import { assignmentTable } from "../../../src/engine/apply/assignmentTable";
import type { ResultTable } from "../../../src/engine/apply/resultTable";
import { expectedFillRateOf, plannedTurnsOf, segmentSummaryTable } from "../../../src/engine/apply/segmentSummaryTable";
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

function rows(table: ResultTable): Record<string, unknown>[] {
  return Array.from({ length: table.rowCount }, (_, row) => Object.fromEntries(table.columns.map((column) => [column.header, column.cell(row)])));
}

const weekly = 7 / 30.4375;
const fortnightly = 14 / 30.4375;

test("Assignments: one row per item with its segment, the reasons in words, its classes, demand and policy figures", () => {
  const table = assignmentTable(result);
  expect(table.rowCount).toBe(3);
  expect(table.columns.map((column) => column.header)).toEqual([
    "Item", "Segment", "Segment name", "Assigned by", "Reasons", "ABC class (revenue)", "XYZ class (demandCv)",
    "Revenue", "Quantity", "Order lines", "History (months)", "Demand per month", "Demand std dev", "Demand CoV", "Unit cost",
    "Service level", "Safety stock", "Reorder point", "Order quantity", "Average inventory", "Inventory value", "Expected fill rate", "Policy note",
  ]);
  const [x, y, z] = rows(table);
  expect(x).toMatchObject({ Item: "X", Segment: "AX", "Assigned by": "method", "ABC class (revenue)": "A", "XYZ class (demandCv)": "X", Revenue: 96000, Quantity: 12 });
  expect(y.Reasons).toMatch(/^revenue 84,000: rank 2 of 3, cumulative 99\.3% > 95% → C; /);
  expect(y).toMatchObject({ Segment: "CX", "Service level": 0.93, "Demand per month": 1, "Demand std dev": 0, "Safety stock": 0, "Policy note": "" });
  expect(x["Order quantity"] as number).toBeCloseTo(weekly, 12);
  expect(x["Inventory value"] as number).toBeCloseTo((weekly / 2) * 8000, 9);
  expect(z["Inventory value"] as number).toBeCloseTo((fortnightly / 2) * 100, 9);
  // Reorder point / order-up-to: demand over lead time + review period, (14 + 7) / 30.4375 months of 1 a month.
  expect(x["Reorder point"] as number).toBeCloseTo(21 / 30.4375, 12);
  expect(x["Expected fill rate"]).toBe(1);
  const formats = Object.fromEntries(table.columns.map((column) => [column.header, [column.kind, column.format]]));
  expect(formats.Reasons).toEqual(["text", undefined]);
  expect(formats["Service level"]).toEqual(["number", "percent"]);
});

test("Assignments with edited policy figures shows those figures", () => {
  const doubled = { ...result.policy, inventoryValue: result.policy.inventoryValue.map((value) => 2 * value) };
  const edited = rows(assignmentTable({ ...result, policy: doubled }));
  expect(edited[0]["Inventory value"] as number).toBeCloseTo(weekly * 8000, 9);
});

test("segment summary: items, revenue and inventory with their shares, fill rate, planned turns, a total row", () => {
  const table = segmentSummaryTable(result.definition, result.measures, result.kpis);
  expect(table.rowCount).toBe(definition.segments.length + 1);
  const byId = Object.fromEntries(rows(table).map((row) => [row.Segment, row]));
  const axInventory = (weekly / 2) * 8000;
  const cxInventory = (fortnightly / 2) * (7000 + 100);
  expect(byId.AX).toMatchObject({ Name: definition.segments.find((s) => s.id === "AX")!.name, Items: 1, Revenue: 96000, "Service level": 0.98, "Expected fill rate": 1 });
  expect(byId.AX["Share of items"] as number).toBeCloseTo(1 / 3, 12);
  expect(byId.AX["Share of revenue"] as number).toBeCloseTo(96000 / 181200, 12);
  expect(byId.AX["Inventory value"] as number).toBeCloseTo(axInventory, 9);
  expect(byId.AX["Planned turns"] as number).toBeCloseTo((24 * 30.4375) / 7, 9);
  expect(byId.CX).toMatchObject({ Items: 2, Revenue: 85200, "Order lines": 24 });
  expect(byId.CX["Share of inventory"] as number).toBeCloseTo(cxInventory / (axInventory + cxInventory), 12);
  expect(byId.BY).toMatchObject({ Items: 0, Revenue: 0 });
  expect(byId.BY["Expected fill rate"]).toBeNaN();
  expect(byId.All).toMatchObject({ Name: "all items", Description: "every item", Items: 3, Revenue: 181200, "Service level": null, "KPIs to escalate": 0 });
  expect(byId.All["Inventory value"] as number).toBeCloseTo(axInventory + cxInventory, 9);
  expect(expectedFillRateOf(result.measures[definition.segments.length])).toBe(1);
  expect(plannedTurnsOf(result.measures[definition.segments.length])).toBeCloseTo((12 * 8000 + 12 * 7000 + 12 * 100) / (axInventory + cxInventory), 9);
});
