/**
 * The summary of an applied definition, one row per segment and a total row: items, revenue and
 * inventory value with their shares, the expected fill rate, planned turns, the service level and
 * the KPIs to escalate. The command line's Segments sheet and the task pane's Summary table are both
 * this table.
 */
import type { SegmentDefinition } from "../definition/schema";
import type { KpiRow } from "../kpi/evaluate";
import type { SegmentMeasures } from "../kpi/measure";
import type { ResultColumn, ResultTable } from "./resultTable";

const ratio = (numerator: number, denominator: number) => (denominator > 0 ? numerator / denominator : NaN);

/** A segment's expected fill rate: its items' expected fill rates weighted by mean demand (NaN without demand). */
export function expectedFillRateOf(measures: SegmentMeasures): number {
  return ratio(measures.weightedFill, measures.fillWeight);
}

/** Planned inventory turns: annual cost of goods ÷ average inventory value (NaN without inventory). */
export function plannedTurnsOf(measures: SegmentMeasures): number {
  return ratio(measures.annualCostOfGoods, measures.inventoryValue);
}

/**
 * @param measures per segment index, then all items (measureSegments' layout)
 * @param kpis evaluateKpis of the same measures
 */
export function segmentSummaryTable(
  definition: Pick<SegmentDefinition, "segments">,
  measures: readonly SegmentMeasures[],
  kpis: readonly KpiRow[],
): ResultTable {
  const segments = definition.segments;
  const all = measures[segments.length];
  const escalations = new Map<string, number>();
  for (const row of kpis) if (row.escalate) escalations.set(row.segment, (escalations.get(row.segment) ?? 0) + 1);
  const unassigned = all.items - measures.slice(0, segments.length).reduce((sum, m) => sum + m.items, 0);
  const isTotal = (row: number) => row === segments.length;
  const id = (row: number) => (isTotal(row) ? "All" : segments[row].id);

  const text = (header: string, width: number, cell: (row: number) => string): ResultColumn => ({ header, kind: "text", width, cell });
  const number = (header: string, format: ResultColumn["format"], width: number, cell: (row: number) => number | null): ResultColumn => ({
    header,
    kind: "number",
    format,
    width,
    cell,
  });
  const columns: ResultColumn[] = [
    text("Segment", 10, id),
    text("Name", 18, (row) => (isTotal(row) ? "all items" : segments[row].name)),
    text("Description", 60, (row) =>
      isTotal(row) ? (unassigned > 0 ? `${unassigned} item(s) without a segment are in this total` : "every item") : segments[row].description,
    ),
    number("Items", "integer", 9, (row) => measures[row].items),
    number("Share of items", "percent", 9, (row) => ratio(measures[row].items, all.items)),
    number("Revenue", "decimal", 15, (row) => measures[row].revenue),
    number("Share of revenue", "percent", 9, (row) => ratio(measures[row].revenue, all.revenue)),
    number("Order lines", "integer", 11, (row) => measures[row].orderLines),
    number("Inventory value", "decimal", 15, (row) => measures[row].inventoryValue),
    number("Share of inventory", "percent", 10, (row) => ratio(measures[row].inventoryValue, all.inventoryValue)),
    number("Expected fill rate", "percent", 10, (row) => expectedFillRateOf(measures[row])),
    number("Planned turns", "ratio", 9, (row) => plannedTurnsOf(measures[row])),
    number("Service level", "percent", 9, (row) => (isTotal(row) ? null : segments[row].policy.serviceLevel)),
    number("KPIs to escalate", "integer", 10, (row) => escalations.get(id(row)) ?? 0),
  ];
  return { columns, rowCount: segments.length + 1 };
}
