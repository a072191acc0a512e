/**
 * The comparison's measures as planners read them, with the engine's number formatting: counts and
 * money with thousands separators, rates as percentages, differences signed (rates in points).
 */
import { formatCount, formatNumber, formatShare } from "../../../engine/definition/format";
import type { ScenarioSegmentRow } from "../../../engine/scenario/compare";

export type MeasureKey = "items" | "revenue" | "inventoryValue" | "expectedFillRate" | "costToServe";

export const MEASURES: readonly { key: MeasureKey; label: string; short: string }[] = [
  { key: "items", label: "Items", short: "Items" },
  { key: "revenue", label: "Revenue", short: "Revenue" },
  { key: "inventoryValue", label: "Inventory investment", short: "Inventory" },
  { key: "expectedFillRate", label: "Expected fill rate (demand-weighted)", short: "Fill rate" },
  { key: "costToServe", label: "Cost-to-serve (share of revenue)", short: "Cost-to-serve" },
];

const isRate = (measure: MeasureKey) => measure === "expectedFillRate" || measure === "costToServe";

export function measureValue(row: ScenarioSegmentRow | null, measure: MeasureKey): number {
  if (row) return row[measure];
  // A segment a scenario doesn't have holds no items, revenue or inventory, and has no rates.
  return isRate(measure) ? NaN : 0;
}

export function formatMeasure(measure: MeasureKey, value: number): string {
  if (value !== value) return "n/a";
  switch (measure) {
    case "items":
      return formatCount(value);
    case "revenue":
    case "inventoryValue":
      return formatNumber(value, 0);
    case "expectedFillRate":
      return formatShare(value, 1);
    case "costToServe":
      return formatShare(value, 2);
  }
}

/** B − A, signed; rates in percentage points. */
export function formatDifference(measure: MeasureKey, difference: number): string {
  if (difference !== difference) return "n/a";
  const sign = difference > 0 ? "+" : "";
  if (isRate(measure)) {
    const points = formatNumber(difference * 100, measure === "costToServe" ? 2 : 1);
    return `${points === "0" ? "0" : `${sign}${points}`} pts`;
  }
  const text = measure === "items" ? formatCount(difference) : formatNumber(difference, 0);
  return text === "0" ? "0" : `${sign}${text}`;
}
