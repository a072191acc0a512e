/**
 * KPIs against targets: each segment's measures (measure.ts) compared with the targets its
 * definition sets, with an escalation flag where a KPI is past the escalation threshold.
 *
 * Status, for a KPI where higher is better (fill rate, on time, perfect order, turns):
 * value ≥ target → "on target"; ≥ escalateBelow → "off target"; below → "escalate".
 * For costs (lower is better): ≤ target → "on target"; ≤ escalateAbove → "off target"; above → "escalate".
 * Without data the status is "not measured"; without a target, "no target".
 * Fill rate falls back to the policy's expected fill rate when no shipped quantity is mapped,
 * and says so in its source.
 */
import { HIGHER_IS_BETTER, type KpiName, type SegmentTargets } from "../definition/policySchema";
import type { SegmentMeasures } from "./measure";

const TOLERANCE = 1e-9;

export type KpiStatus = "on target" | "off target" | "escalate" | "no target" | "not measured";
export type KpiSource = "measured" | "expected from policy" | "planned from policy" | "not mapped";

export interface KpiRow {
  /** Segment id, or "All" for every item together. */
  segment: string;
  kpi: KpiName;
  value: number;
  source: KpiSource;
  /** What the value was measured on: "12,345 lines", "2,310 orders". */
  basis: string;
  target: number;
  /** escalateBelow or escalateAbove; NaN without a target. */
  escalation: number;
  status: KpiStatus;
  escalate: boolean;
}

export const KPI_LABELS: Record<KpiName, string> = {
  fillRate: "Fill rate",
  onTimeDelivery: "On-time delivery",
  perfectOrder: "Perfect order rate",
  inventoryTurns: "Inventory turns",
  costToServe: "Cost-to-serve (share of revenue)",
  costPerOrder: "Cost per order",
};

/** What to map to measure a KPI that was not measured. */
export const KPI_NEEDS: Record<KpiName, string> = {
  fillRate: "--shipped",
  onTimeDelivery: "--promised-date and --delivered-date",
  perfectOrder: "--order, --shipped, --promised-date and --delivered-date",
  inventoryTurns: "a unit price or cost",
  costToServe: "--cost-to-serve",
  costPerOrder: "--cost-to-serve and --order",
};

function count(n: number, unit: string): string {
  return `${Math.round(n).toLocaleString("en-US")} ${unit}`;
}

function valueOf(kpi: KpiName, m: SegmentMeasures): { value: number; source: KpiSource; basis: string } {
  switch (kpi) {
    case "fillRate":
      if (m.fillBasisUnits > 0) return { value: m.filledUnits / m.fillBasisUnits, source: "measured", basis: count(m.fillBasisUnits, "units ordered") };
      if (m.fillWeight > 0) return { value: m.weightedFill / m.fillWeight, source: "expected from policy", basis: count(m.items, "items") };
      return { value: NaN, source: "not mapped", basis: "" };
    case "onTimeDelivery":
      return m.datedLines > 0
        ? { value: m.onTimeLines / m.datedLines, source: "measured", basis: count(m.datedLines, "lines") }
        : { value: NaN, source: "not mapped", basis: "" };
    case "perfectOrder":
      return m.checkedOrders > 0
        ? { value: m.perfectOrders / m.checkedOrders, source: "measured", basis: count(m.checkedOrders, "orders") }
        : { value: NaN, source: "not mapped", basis: "" };
    case "inventoryTurns":
      return m.inventoryValue > 0
        ? { value: m.annualCostOfGoods / m.inventoryValue, source: "planned from policy", basis: count(m.items, "items") }
        : { value: NaN, source: "not mapped", basis: "" };
    case "costToServe":
      return m.costedLines > 0 && m.costedRevenue > 0
        ? { value: m.costToServe / m.costedRevenue, source: "measured", basis: count(m.costedLines, "lines") }
        : { value: NaN, source: "not mapped", basis: "" };
    case "costPerOrder":
      return m.costedLines > 0 && m.orders > 0
        ? { value: m.costToServe / m.orders, source: "measured", basis: count(m.orders, "orders") }
        : { value: NaN, source: "not mapped", basis: "" };
  }
}

export function statusOf(kpi: KpiName, value: number, target: { target: number; escalateBelow?: number; escalateAbove?: number } | undefined): KpiStatus {
  if (value !== value) return "not measured";
  if (!target) return "no target";
  // A value within rounding of a threshold counts as on it (a fill-rate policy gives its target to ~1e-15).
  const slack = (threshold: number) => TOLERANCE * Math.max(1, Math.abs(threshold));
  if (HIGHER_IS_BETTER.has(kpi)) {
    if (value >= target.target - slack(target.target)) return "on target";
    return value >= target.escalateBelow! - slack(target.escalateBelow!) ? "off target" : "escalate";
  }
  if (value <= target.target + slack(target.target)) return "on target";
  return value <= target.escalateAbove! + slack(target.escalateAbove!) ? "off target" : "escalate";
}

const ORDER: KpiName[] = ["fillRate", "onTimeDelivery", "perfectOrder", "inventoryTurns", "costToServe", "costPerOrder"];

/**
 * One row per segment and KPI, then the same KPIs for all items ("All", no target).
 * @param measures per segment index, then all segments (measureSegments' layout)
 */
export function evaluateKpis(
  segments: readonly { id: string; targets: SegmentTargets }[],
  measures: readonly SegmentMeasures[],
): KpiRow[] {
  const rows: KpiRow[] = [];
  const push = (segment: string, m: SegmentMeasures, targets: SegmentTargets | undefined) => {
    for (const kpi of ORDER) {
      const { value, source, basis } = valueOf(kpi, m);
      const target = targets?.[kpi] as { target: number; escalateBelow?: number; escalateAbove?: number } | undefined;
      const status = statusOf(kpi, value, target);
      rows.push({
        segment,
        kpi,
        value,
        source,
        basis,
        target: target ? target.target : NaN,
        escalation: target ? (target.escalateBelow ?? target.escalateAbove ?? NaN) : NaN,
        status,
        escalate: status === "escalate",
      });
    }
  };
  segments.forEach((segment, k) => push(segment.id, measures[k], segment.targets));
  push("All", measures[segments.length], undefined);
  return rows;
}
