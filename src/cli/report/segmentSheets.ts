/**
 * The Segments (summary), Policies and KPIs sheets of a results workbook.
 */
import type { ApplyResult } from "../../engine/apply/applyDefinition";
import { KPI_LABELS, KPI_NEEDS } from "../../engine/kpi/evaluate";
import type { SegmentMeasures } from "../../engine/kpi/measure";
import type { KpiName } from "../../engine/definition/policySchema";
import type { Cell, ColumnSpec, NumberFormat, XlsxWriter } from "../io/xlsxWriter";

const ratio = (numerator: number, denominator: number) => (denominator > 0 ? numerator / denominator : NaN);

export async function writeSegmentsSheet(writer: XlsxWriter, result: ApplyResult): Promise<void> {
  const { definition, measures, kpis } = result;
  const all = measures[definition.segments.length];
  const escalations = new Map<string, number>();
  for (const row of kpis) if (row.escalate) escalations.set(row.segment, (escalations.get(row.segment) ?? 0) + 1);
  const columns: ColumnSpec[] = [
    { header: "Segment", width: 10 },
    { header: "Name", width: 18 },
    { header: "Description", width: 60 },
    { header: "Items", format: "integer", width: 9 },
    { header: "Share of items", format: "percent", width: 9 },
    { header: "Revenue", format: "decimal", width: 15 },
    { header: "Share of revenue", format: "percent", width: 9 },
    { header: "Order lines", format: "integer", width: 11 },
    { header: "Inventory value", format: "decimal", width: 15 },
    { header: "Share of inventory", format: "percent", width: 10 },
    { header: "Expected fill rate", format: "percent", width: 10 },
    { header: "Planned turns", format: "ratio", width: 9 },
    { header: "Service level", format: "percent", width: 9 },
    { header: "KPIs to escalate", format: "integer", width: 10 },
  ];
  const row = (id: string, name: string, description: string, m: SegmentMeasures, serviceLevel: number | null): Cell[] => [
    id,
    name,
    description,
    m.items,
    ratio(m.items, all.items),
    m.revenue,
    ratio(m.revenue, all.revenue),
    m.orderLines,
    m.inventoryValue,
    ratio(m.inventoryValue, all.inventoryValue),
    ratio(m.weightedFill, m.fillWeight),
    ratio(m.annualCostOfGoods, m.inventoryValue),
    serviceLevel,
    escalations.get(id) ?? 0,
  ];
  const rows = definition.segments.map((segment, k) => row(segment.id, segment.name, segment.description, measures[k], segment.policy.serviceLevel));
  const unassigned = all.items - measures.slice(0, definition.segments.length).reduce((sum, m) => sum + m.items, 0);
  rows.push(row("All", "all items", unassigned > 0 ? `${unassigned} item(s) without a segment are in this total` : "every item", all, null));
  await writer.addSheet("Segments", columns, rows);
}

export async function writePoliciesSheet(writer: XlsxWriter, result: ApplyResult): Promise<void> {
  const kpis: KpiName[] = ["fillRate", "onTimeDelivery", "perfectOrder", "inventoryTurns", "costToServe", "costPerOrder"];
  const kpiFormat = (kpi: KpiName): NumberFormat => (kpi === "inventoryTurns" ? "ratio" : kpi === "costPerOrder" ? "decimal" : "percent");
  const columns: ColumnSpec[] = [
    { header: "Segment", width: 10 },
    { header: "Name", width: 18 },
    { header: "Service level", format: "percent", width: 9 },
    { header: "Service type", width: 9 },
    { header: "Safety stock method", width: 14 },
    { header: "Safety stock periods", format: "number", width: 10 },
    { header: "Review period (days)", format: "number", width: 10 },
    { header: "Lead time (days)", format: "number", width: 10 },
    { header: "Lead time std dev (days)", format: "number", width: 11 },
    { header: "Promised lead time (days)", format: "number", width: 11 },
    { header: "Transport mode", width: 20 },
    { header: "Forecasting method", width: 28 },
    { header: "MOQ", format: "integer", width: 8 },
    { header: "Price tier", width: 10 },
    { header: "Order cost", format: "decimal", width: 10 },
    { header: "Holding rate", format: "percent", width: 9 },
    ...kpis.flatMap((kpi) => [
      { header: `${KPI_LABELS[kpi]} target`, format: kpiFormat(kpi), width: 11 },
      { header: `${KPI_LABELS[kpi]} escalation`, format: kpiFormat(kpi), width: 11 },
    ]),
  ];
  const rows = result.definition.segments.map((segment): Cell[] => {
    const p = segment.policy;
    const targets = segment.targets as Record<string, { target: number; escalateBelow?: number; escalateAbove?: number } | undefined>;
    return [
      segment.id,
      segment.name,
      p.serviceLevel,
      p.serviceType === "cycle" ? "cycle (P1)" : "fill rate (P2)",
      p.safetyStockMethod,
      p.safetyStockPeriods ?? null,
      p.reviewPeriodDays,
      p.leadTimeDays,
      p.leadTimeStdDevDays,
      p.promisedLeadTimeDays,
      p.transportMode,
      p.forecastingMethod,
      p.moq,
      p.priceTier,
      p.orderCost ?? null,
      p.holdingRate ?? null,
      ...kpis.flatMap((kpi) => {
        const t = targets[kpi];
        return [t ? t.target : null, t ? (t.escalateBelow ?? t.escalateAbove ?? null) : null];
      }),
    ];
  });
  await writer.addSheet("Policies", columns, rows);
}

export async function writeKpiSheet(writer: XlsxWriter, result: ApplyResult): Promise<void> {
  const names = new Map(result.definition.segments.map((s) => [s.id, s.name]));
  const format = (kpi: KpiName): NumberFormat => (kpi === "inventoryTurns" ? "ratio" : kpi === "costPerOrder" ? "decimal" : "percent");
  const columns: ColumnSpec[] = [
    { header: "Segment", width: 10 },
    { header: "Segment name", width: 18 },
    { header: "KPI", width: 26 },
    { header: "Value", width: 10 },
    { header: "Target", width: 10 },
    { header: "Escalation threshold", width: 11 },
    { header: "Status", width: 12 },
    { header: "Escalate", width: 9 },
    { header: "Source", width: 18 },
    { header: "Measured on", width: 16 },
    { header: "To measure, map", width: 40 },
  ];
  const rows = result.kpis.map((row): Cell[] => {
    const f = format(row.kpi);
    return [
      row.segment,
      names.get(row.segment) ?? "all items",
      KPI_LABELS[row.kpi],
      { value: row.value, format: f },
      { value: row.target, format: f },
      { value: row.escalation, format: f },
      row.status,
      row.escalate ? "yes" : "no",
      row.source,
      row.basis,
      row.source === "not mapped" || row.source === "expected from policy" ? KPI_NEEDS[row.kpi] : "",
    ];
  });
  await writer.addSheet("KPIs", columns, rows);
}
