/**
 * KPIs per segment on a hand-made set of order lines; every expected value is worked out below.
 * Segments: S0 holds items i0 and i2, S1 holds i1. Days are day numbers.
 *   line  order item ordered shipped promised delivered cost revenue
 *   L0    O1    i0   10      10      5        5         2    100    in full, on time
 *   L1    O1    i1    5       3      5        6         1     50    short, late
 *   L2    O2    i0   20      20      7        6         3    200    in full, early
 *   L3    O3    i2    4       6      8        8         –     40    over-shipped (counts as 4 of 4), on time
 *   L4    O3    i2    6       –      –        9         1     60    nothing known about service
 * S0: fill rate (10 + 20 + 4) / (10 + 20 + 4) = 1; on time 3 / 3; perfect orders: O1 and O2 yes, O3
 *     unknown (L4) → 2 / 2; cost-to-serve (2 + 3 + 1) / (100 + 200 + 60) = 6 / 360; per order 6 / 3.
 * S1: fill 3 / 5 = 0.6; on time 0 / 1; perfect 0 / 1; cost-to-serve 1 / 50; per order 1 / 1.
 * All: fill 37 / 39; on time 3 / 4; perfect: O1 no (L1), O2 yes, O3 unknown → 1 / 2; cost 7 / 410; per order 7 / 3.
 * Policy: inventory value 100, 50, 300; annual demand 120, 60, 100; unit cost 5, 2, 3 →
 *   S0 turns = (120 × 5 + 100 × 3) / (100 + 300) = 2.25; S1 = 120 / 50 = 2.4.
 *   Expected fill rates 0.99, 0.9, 0.95 weighted by mean demand 10, 5, 30 → S0 (9.9 + 28.5) / 40 = 0.96.
 */
import { evaluateKpis, statusOf } from "../../../src/engine/kpi/evaluate";
import { measureSegments, type KpiInputs } from "../../../src/engine/kpi/measure";
import type { PolicyColumns } from "../../../src/engine/policy/applyPolicies";
import { LINE_SALE, type TransactionLines } from "../../../src/engine/transactions/lines";

const lines: TransactionLines = {
  count: 5,
  itemCodes: ["i0", "i1", "i2"],
  item: Int32Array.from([0, 1, 0, 2, 2]),
  sourceRow: Int32Array.from([2, 3, 4, 5, 6]),
  day: new Float64Array(5),
  quantity: Float64Array.from([10, 5, 20, 4, 6]),
  price: null,
  revenue: Float64Array.from([100, 50, 200, 40, 60]),
  orderCodes: ["O1", "O2", "O3"],
  order: Int32Array.from([0, 0, 1, 2, 2]),
  shipped: Float64Array.from([10, 3, 20, 6, NaN]),
  promisedDay: Float64Array.from([5, 5, 7, 8, NaN]),
  deliveredDay: Float64Array.from([5, 6, 6, 8, 9]),
  costToServe: Float64Array.from([2, 1, 3, NaN, 1]),
};
const policy = {
  inventoryValue: Float64Array.from([100, 50, 300]),
  annualDemand: Float64Array.from([120, 60, 100]),
  expectedFillRate: Float64Array.from([0.99, 0.9, 0.95]),
} as PolicyColumns;
const inputs: KpiInputs = {
  lines,
  lineStatus: new Uint8Array(5).fill(LINE_SALE),
  lineItem: Int32Array.from([0, 1, 0, 2, 2]),
  segmentIndex: Int32Array.from([0, 1, 0]),
  segmentCount: 2,
  policy,
  demandMean: Float64Array.from([10, 5, 30]),
  unitCost: Float64Array.from([5, 2, 3]),
  itemRevenue: Float64Array.from([300, 50, 40]),
};
const segments = [
  { id: "S0", targets: { fillRate: { target: 0.98, escalateBelow: 0.95 }, costToServe: { target: 0.01, escalateAbove: 0.015 } } },
  { id: "S1", targets: { fillRate: { target: 0.98, escalateBelow: 0.95 }, onTimeDelivery: { target: 0.95, escalateBelow: 0.9 }, costPerOrder: { target: 2, escalateAbove: 3 } } },
];

test("measures per segment and for all items", () => {
  const [s0, s1, all] = measureSegments(inputs);
  expect(s0).toMatchObject({ items: 2, orderLines: 4, orders: 3, filledUnits: 34, fillBasisUnits: 34, onTimeLines: 3, datedLines: 3, perfectOrders: 2, checkedOrders: 2, costToServe: 6, costedRevenue: 360 });
  expect(s1).toMatchObject({ items: 1, orderLines: 1, orders: 1, filledUnits: 3, fillBasisUnits: 5, onTimeLines: 0, datedLines: 1, perfectOrders: 0, checkedOrders: 1, costToServe: 1, costedRevenue: 50 });
  expect(all).toMatchObject({ items: 3, orders: 3, filledUnits: 37, fillBasisUnits: 39, onTimeLines: 3, datedLines: 4, perfectOrders: 1, checkedOrders: 2, costToServe: 7, costedRevenue: 410 });
  // Item revenue (as classified: L4's 60 taken for a one-off excluded there) beside the order lines' revenue.
  expect([s0.revenue, s0.orderLineRevenue, s1.revenue, all.revenue, all.orderLineRevenue]).toEqual([340, 400, 50, 390, 450]);
  expect(s0.annualCostOfGoods / s0.inventoryValue).toBe(2.25);
  expect(s1.annualCostOfGoods / s1.inventoryValue).toBe(2.4);
  expect(s0.weightedFill / s0.fillWeight).toBeCloseTo(0.96, 12);
});

test("KPIs against targets, with escalation flags", () => {
  const rows = evaluateKpis(segments, measureSegments(inputs));
  const row = (segment: string, kpi: string) => rows.find((r) => r.segment === segment && r.kpi === kpi)!;
  expect(row("S0", "fillRate")).toMatchObject({ value: 1, source: "measured", basis: "34 units ordered", status: "on target", escalate: false });
  expect(row("S0", "costToServe")).toMatchObject({ value: 6 / 360, status: "escalate", escalate: true, target: 0.01, escalation: 0.015 });
  expect(row("S0", "costPerOrder")).toMatchObject({ value: 2, status: "no target" });
  expect(row("S0", "perfectOrder")).toMatchObject({ value: 1, basis: "2 orders" });
  expect(row("S0", "inventoryTurns")).toMatchObject({ value: 2.25, source: "planned from policy" });
  expect(row("S1", "fillRate")).toMatchObject({ value: 0.6, status: "escalate", escalate: true });
  expect(row("S1", "onTimeDelivery")).toMatchObject({ value: 0, status: "escalate" });
  expect(row("S1", "costPerOrder")).toMatchObject({ value: 1, status: "on target" });
  expect(row("All", "fillRate").value).toBeCloseTo(37 / 39, 15);
  expect(row("All", "onTimeDelivery").value).toBe(0.75);
  expect(row("All", "perfectOrder").value).toBe(0.5);
  expect(row("All", "costPerOrder").value).toBeCloseTo(7 / 3, 15);
  expect(row("All", "fillRate").status).toBe("no target");
  expect(rows).toHaveLength(3 * 6);
});

test("without the service columns: fill rate from the policy, the rest not measured", () => {
  const bare: TransactionLines = { ...lines, order: undefined, orderCodes: undefined, shipped: undefined, promisedDay: undefined, deliveredDay: undefined, costToServe: undefined };
  const rows = evaluateKpis(segments, measureSegments({ ...inputs, lines: bare }));
  const s0 = rows.filter((r) => r.segment === "S0");
  expect(s0.find((r) => r.kpi === "fillRate")).toMatchObject({ source: "expected from policy", status: "off target" }); // 0.96: below 0.98, above 0.95
  expect(s0.find((r) => r.kpi === "fillRate")!.value).toBeCloseTo(0.96, 12);
  for (const kpi of ["onTimeDelivery", "perfectOrder", "costToServe", "costPerOrder"]) {
    const r = s0.find((x) => x.kpi === kpi)!;
    expect([r.source, r.status, Number.isNaN(r.value)]).toEqual(["not mapped", "not measured", true]);
  }
  expect(measureSegments({ ...inputs, lines: bare })[0].orders).toBeNaN();
});

test("status thresholds: on target, off target, escalate, for both directions", () => {
  const higher = { target: 0.95, escalateBelow: 0.9 };
  expect([0.95, 0.93, 0.9, 0.89].map((v) => statusOf("fillRate", v, higher))).toEqual(["on target", "off target", "off target", "escalate"]);
  const lower = { target: 0.05, escalateAbove: 0.08 };
  expect([0.05, 0.07, 0.08, 0.09].map((v) => statusOf("costToServe", v, lower))).toEqual(["on target", "off target", "off target", "escalate"]);
  expect(statusOf("fillRate", 0.95 - 1e-12, higher)).toBe("on target"); // rounding of a fill-rate policy
  expect(statusOf("fillRate", NaN, higher)).toBe("not measured");
  expect(statusOf("fillRate", 0.5, undefined)).toBe("no target");
});
