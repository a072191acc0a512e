/**
 * The KPIs as one table for the workbook ("<definition> KPIs"): every segment and all items, each
 * KPI's value with its unit, where it comes from, its target and escalation threshold, the status,
 * and what to map when it isn't measured.
 */
import type { SegmentDefinition } from "../../../engine/definition";
import { KPI_LABELS, type KpiRow } from "../../../engine/kpi/evaluate";
import type { WriteColumn } from "../../../excel/writer";
import { isShareKpi, KPI_NEEDS_IN_PANE } from "./kpiRows";

const NUMBER = "0.0###";

export function kpiColumns(definition: SegmentDefinition, kpis: readonly KpiRow[]): WriteColumn[] {
  const names = new Map(definition.segments.map((segment) => [segment.id, segment.name]));
  const unit = (row: KpiRow) => (isShareKpi(row.kpi) ? "share (0.95 = 95%)" : row.kpi === "inventoryTurns" ? "turns a year" : "per order");
  return [
    { header: "Segment", values: kpis.map((row) => row.segment) },
    { header: "Name", values: kpis.map((row) => (row.segment === "All" ? "All items" : names.get(row.segment) ?? "")) },
    { header: "KPI", values: kpis.map((row) => KPI_LABELS[row.kpi]) },
    { header: "Value", values: Float64Array.from(kpis, (row) => row.value), numberFormat: NUMBER },
    { header: "Unit", values: kpis.map(unit) },
    { header: "Source", values: kpis.map((row) => row.source) },
    { header: "Measured on", values: kpis.map((row) => row.basis) },
    { header: "Target", values: Float64Array.from(kpis, (row) => row.target), numberFormat: NUMBER },
    { header: "Escalation threshold", values: Float64Array.from(kpis, (row) => row.escalation), numberFormat: NUMBER },
    { header: "Status", values: kpis.map((row) => row.status) },
    { header: "Escalate", values: kpis.map((row) => (row.escalate ? "yes" : "")) },
    { header: "To measure", values: kpis.map((row) => (row.status === "not measured" ? KPI_NEEDS_IN_PANE[row.kpi] : "")) },
  ];
}
