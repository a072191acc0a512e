import type { SegmentMeasures } from "../../../src/engine/kpi/measure";
import { compareScenarios, type ScenarioSide } from "../../../src/engine/scenario/compare";

function measures(items: number, revenue: number, inventoryValue: number, fill: [number, number], cost: [number, number] | null): SegmentMeasures {
  return {
    items, orderLines: 0, orders: NaN, revenue, orderLineRevenue: revenue, orderedUnits: 0, filledUnits: 0, fillBasisUnits: 0, onTimeLines: 0, datedLines: 0,
    perfectOrders: 0, checkedOrders: 0, costToServe: cost ? cost[0] : 0, costedRevenue: cost ? cost[1] : 0, costedLines: cost ? 1 : 0,
    inventoryValue, annualCostOfGoods: 0, weightedFill: fill[0], fillWeight: fill[1],
  };
}

const ids = ["a", "b", "c", "d", "e"];
const a: ScenarioSide = {
  name: "current",
  segmentIds: ["A", "B"],
  segmentNames: ["Fast", "Slow"],
  segmentIndex: Int32Array.from([0, 0, 1, 1, -1]),
  measures: [measures(2, 500, 100, [9.5, 10], [5, 500]), measures(2, 100, 80, [4.5, 5], null), measures(5, 600, 180, [14, 15], [5, 500])],
};
const b: ScenarioSide = {
  name: "proposal",
  segmentIds: ["A", "B", "C"],
  segmentNames: ["Fast", "Slow", "Make to order"],
  segmentIndex: Int32Array.from([0, 1, 1, 2, 2]),
  measures: [measures(1, 400, 60, [3.9, 4], null), measures(2, 150, 70, [5.7, 6], null), measures(2, 50, 0, [0, 0], null), measures(5, 600, 130, [9.6, 10], null)],
};

test("the from/to matrix counts every item once, and the changed items are listed", () => {
  const comparison = compareScenarios(ids, a, b);
  expect(comparison.fromLabels).toEqual(["A", "B", "(none)"]);
  expect(comparison.toLabels).toEqual(["A", "B", "C", "(none)"]);
  expect(comparison.fromTo).toEqual([
    [1, 1, 0, 0],
    [0, 1, 1, 0],
    [0, 0, 1, 0],
  ]);
  expect(comparison.changed).toEqual([1, 3, 4]);
  expect(comparison.fromTo.flat().reduce((s, n) => s + n, 0)).toBe(ids.length);
});

test("per segment: items, revenue, inventory investment, expected fill rate and cost-to-serve, side by side", () => {
  const [left, right] = compareScenarios(ids, a, b).sides;
  expect(left[0]).toEqual({ segment: "A", name: "Fast", items: 2, revenue: 500, inventoryValue: 100, expectedFillRate: 0.95, costToServe: 0.01 });
  expect(left[1].costToServe).toBeNaN();
  expect(left[2]).toMatchObject({ segment: "All", items: 5, inventoryValue: 180 });
  expect(right[2].expectedFillRate).toBeNaN();
  expect(right[3]).toMatchObject({ segment: "All", name: "all items (proposal)", inventoryValue: 130, expectedFillRate: 0.96 });
});

test("both scenarios must cover the same items", () => {
  expect(() => compareScenarios(["a"], a, b)).toThrow("both scenarios must assign the same items");
});
