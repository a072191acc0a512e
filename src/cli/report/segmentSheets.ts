/**
 * The Segments (summary, the engine's segment summary table), Policies and KPIs sheets of a results workbook.
 */
import type { ApplyResult } from "../../engine/apply/applyDefinition";
import { segmentSummaryTable } from "../../engine/apply/segmentSummaryTable";
import { KPI_LABELS, KPI_NEEDS } from "../../engine/kpi/evaluate";
import type { KpiName } from "../../engine/definition/policySchema";
import type { Cell, ColumnSpec, NumberFormat, XlsxWriter } from "../io/xlsxWriter";
import { writeTableSheet } from "./tableSheet";

export async function writeSegmentsSheet(writer: XlsxWriter, result: ApplyResult): Promise<void> {
  await writeTableSheet(writer, "Segments", segmentSummaryTable(result.definition, result.measures, result.kpis));
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
