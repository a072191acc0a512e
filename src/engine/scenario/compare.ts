/**
 * Scenarios: two definitions applied to the same items, side by side. For a planner choosing
 * between them: which items change segment (a from/to matrix and the list), and per segment of each
 * scenario the items, revenue, inventory investment, expected fill rate and cost-to-serve.
 *
 * Inventory investment is the sum of the items' average inventory value (Q/2 + safety stock at unit
 * cost, see policy/segmentPolicy.ts); expected fill rate is weighted by mean demand; cost-to-serve
 * is measured from the order lines when the data carries a cost, else not measured (NaN).
 */
import { invalidInput } from "../errors";
import type { SegmentMeasures } from "../kpi/measure";

export interface ScenarioSide {
  name: string;
  segmentIds: readonly string[];
  segmentNames: readonly string[];
  /** Final segment per item, −1 for none. */
  segmentIndex: Int32Array;
  /** Per segment index, then all items (measureSegments' layout). */
  measures: readonly SegmentMeasures[];
}

export interface ScenarioSegmentRow {
  segment: string;
  name: string;
  items: number;
  revenue: number;
  inventoryValue: number;
  expectedFillRate: number;
  costToServe: number;
}

export interface ScenarioComparison {
  /** Row labels (scenario A's segments, then "(none)") and column labels (B's, then "(none)"). */
  fromLabels: string[];
  toLabels: string[];
  /** Item counts, fromLabels × toLabels. */
  fromTo: number[][];
  /** Items whose segment id differs between the scenarios. */
  changed: number[];
  sides: [ScenarioSegmentRow[], ScenarioSegmentRow[]];
}

function rowsOf(side: ScenarioSide): ScenarioSegmentRow[] {
  const row = (segment: string, name: string, m: SegmentMeasures): ScenarioSegmentRow => ({
    segment,
    name,
    items: m.items,
    revenue: m.revenue,
    inventoryValue: m.inventoryValue,
    expectedFillRate: m.fillWeight > 0 ? m.weightedFill / m.fillWeight : NaN,
    costToServe: m.costedLines > 0 && m.costedRevenue > 0 ? m.costToServe / m.costedRevenue : NaN,
  });
  const rows = side.segmentIds.map((id, k) => row(id, side.segmentNames[k], side.measures[k]));
  rows.push(row("All", `all items (${side.name})`, side.measures[side.segmentIds.length]));
  return rows;
}

export function compareScenarios(ids: readonly string[], a: ScenarioSide, b: ScenarioSide): ScenarioComparison {
  if (a.segmentIndex.length !== ids.length || b.segmentIndex.length !== ids.length) {
    throw invalidInput("both scenarios must assign the same items");
  }
  const fromLabels = [...a.segmentIds, "(none)"];
  const toLabels = [...b.segmentIds, "(none)"];
  const fromTo = fromLabels.map(() => toLabels.map(() => 0));
  const changed: number[] = [];
  for (let item = 0; item < ids.length; item++) {
    const from = a.segmentIndex[item];
    const to = b.segmentIndex[item];
    fromTo[from < 0 ? fromLabels.length - 1 : from][to < 0 ? toLabels.length - 1 : to]++;
    const fromId = from < 0 ? null : a.segmentIds[from];
    const toId = to < 0 ? null : b.segmentIds[to];
    if (fromId !== toId) changed.push(item);
  }
  return { fromLabels, toLabels, fromTo, changed, sides: [rowsOf(a), rowsOf(b)] };
}
