/**
 * The KPI view's reading of the engine's KPI rows (evaluateKpis): escalations first, the words for
 * each status and for what is off, what to map for a KPI that isn't measured, and the figures in
 * the units planners use. Nothing here decides a status: that is the engine's.
 */
import { HIGHER_IS_BETTER, type KpiName } from "../../../engine/definition/policySchema";
import { KPI_NAMES, type SegmentDefinition } from "../../../engine/definition";
import { formatNumber, formatShare } from "../../../engine/definition/format";
import { KPI_LABELS, type KpiRow, type KpiStatus } from "../../../engine/kpi/evaluate";
import type { SegmentMeasures } from "../../../engine/kpi/measure";

export const STATUS_ORDER: Record<KpiStatus, number> = { escalate: 0, "off target": 1, "on target": 2, "no target": 3, "not measured": 4 };

export const STATUS_TEXT: Record<KpiStatus, string> = {
  escalate: "Escalate",
  "off target": "Off target",
  "on target": "On target",
  "no target": "No target",
  "not measured": "Not measured",
};

/** What to map in the Data view (or which figure is missing) to measure a KPI. */
export const KPI_NEEDS_IN_PANE: Record<KpiName, string> = {
  fillRate: "map a column with the quantity shipped per line",
  onTimeDelivery: "map the promised and the delivered date of each line",
  perfectOrder: "map the order ID, the quantity shipped and the promised and delivered dates",
  inventoryTurns: "the items need a unit price or cost and demand",
  costToServe: "map a column with the cost to serve each line",
  costPerOrder: "map a column with the cost to serve each line, and the order ID",
};

/** Shares as percentages, turns a year, cost per order as an amount. */
export function isShareKpi(kpi: KpiName): boolean {
  return kpi !== "inventoryTurns" && kpi !== "costPerOrder";
}

export function formatKpi(kpi: KpiName, value: number): string {
  if (value !== value) return "n/a";
  if (kpi === "costToServe") return formatShare(value, 2);
  if (isShareKpi(kpi)) return formatShare(value, 1);
  if (kpi === "inventoryTurns") return formatNumber(value, 1);
  return formatNumber(value, 2);
}

export const KPI_UNIT: Record<KpiName, string> = {
  fillRate: "%",
  onTimeDelivery: "%",
  perfectOrder: "%",
  inventoryTurns: "turns a year",
  costToServe: "% of revenue",
  costPerOrder: "per order",
};

/** "On-time delivery 85.3%, below the escalation threshold 90% (target 95%)". */
export function whatIsOff(row: KpiRow): string {
  const label = KPI_LABELS[row.kpi];
  const higher = HIGHER_IS_BETTER.has(row.kpi);
  const value = formatKpi(row.kpi, row.value);
  if (row.status === "escalate") {
    return `${label} ${value}, ${higher ? "below" : "above"} the escalation threshold ${formatKpi(row.kpi, row.escalation)} (target ${formatKpi(row.kpi, row.target)})`;
  }
  if (row.status === "off target") return `${label} ${value}, ${higher ? "below" : "above"} the target ${formatKpi(row.kpi, row.target)}`;
  return `${label} ${value}`;
}

export interface SegmentEscalation {
  segment: string;
  name: string;
  rows: KpiRow[];
}

export interface KpiOverview {
  /** Rows of segments that hold items, escalations first, then off target, on target, no target, not measured. */
  rows: KpiRow[];
  /** The same KPIs for all items together. */
  overall: KpiRow[];
  /** KPIs measured in no segment, with what to map. */
  unmeasured: KpiName[];
  /** Segments without items: nothing to measure. */
  emptySegments: string[];
  escalations: SegmentEscalation[];
  names: Map<string, string>;
}

export function kpiOverview(definition: SegmentDefinition, measures: readonly SegmentMeasures[], kpis: readonly KpiRow[]): KpiOverview {
  const names = new Map(definition.segments.map((segment) => [segment.id, segment.name]));
  const position = new Map(definition.segments.map((segment, k) => [segment.id, k]));
  const emptySegments = definition.segments.filter((_, k) => measures[k].items === 0).map((segment) => segment.id);
  const empty = new Set(emptySegments);
  const segmentRows = kpis.filter((row) => row.segment !== "All" && !empty.has(row.segment));
  const unmeasured = KPI_NAMES.filter((kpi) => segmentRows.every((row) => row.kpi !== kpi || row.status === "not measured"));
  const shown = segmentRows.filter((row) => !unmeasured.includes(row.kpi));
  const rows = [...shown].sort(
    (x, y) =>
      STATUS_ORDER[x.status] - STATUS_ORDER[y.status] ||
      (position.get(x.segment) ?? 0) - (position.get(y.segment) ?? 0) ||
      KPI_NAMES.indexOf(x.kpi) - KPI_NAMES.indexOf(y.kpi),
  );
  const escalations: SegmentEscalation[] = [];
  for (const segment of definition.segments) {
    const off = rows.filter((row) => row.segment === segment.id && row.escalate);
    if (off.length > 0) escalations.push({ segment: segment.id, name: segment.name, rows: off });
  }
  return {
    rows,
    overall: kpis.filter((row) => row.segment === "All" && !unmeasured.includes(row.kpi)),
    unmeasured,
    emptySegments,
    escalations,
    names,
  };
}
