/**
 * The Policies table the pane writes: one row per item with its segment's policy and the figures it
 * gives that item. Under periodic review (a review period above 0 days) the engine's reorder-point
 * figure, mean demand over lead time + review period plus safety stock, is the order-up-to level S
 * of an (R, S) policy; under continuous review it is the reorder point s of an (s, Q) policy
 * (Chopra & Meindl ch. 12). Each figure goes in the column that names it, the other is left blank.
 */
import type { ApplyResult } from "../../engine/apply/applyDefinition";
import type { ResultColumn, ResultTable } from "../../engine/apply/resultTable";
import type { SafetyStockMethod, SegmentPolicy } from "../../engine/definition/policySchema";
import { formatNumber } from "../../engine/definition/format";
import type { LiveFigures } from "./policyFigures";

const METHOD_WORDS: Record<SafetyStockMethod, string> = {
  statistical: "statistical",
  periodsOfCover: "periods of cover",
  none: "none",
};

/** How a policy replenishes, in words. */
export function replenishmentText(policy: SegmentPolicy): string {
  return policy.reviewPeriodDays > 0
    ? `every ${formatNumber(policy.reviewPeriodDays)} days, order up to S`
    : "continuous, order Q at the reorder point";
}

export function itemPolicyTable(applied: Pick<ApplyResult, "aggregated" | "segmentIndex">, live: LiveFigures): ResultTable {
  const { definition, policy } = live;
  const table = applied.aggregated.table;
  const segments = definition.segments;
  const period = definition.history.period;
  const segmentOf = (item: number) => (applied.segmentIndex[item] >= 0 ? segments[applied.segmentIndex[item]] : null);
  const periodic = (item: number) => (segmentOf(item)?.policy.reviewPeriodDays ?? 0) > 0;
  const demandMean = table.numbers.get("demandmean")!;
  const unitCost = table.numbers.get("unitcost")!;

  const text = (header: string, width: number, cell: (item: number) => string | null): ResultColumn => ({ header, kind: "text", width, cell });
  const number = (header: string, format: ResultColumn["format"], width: number, cell: (item: number) => number | null): ResultColumn => ({
    header,
    kind: "number",
    format,
    width,
    cell,
  });
  const columns: ResultColumn[] = [
    text("Item", 14, (item) => table.ids[item]),
    text("Segment", 10, (item) => segmentOf(item)?.id ?? ""),
    text("Segment name", 18, (item) => segmentOf(item)?.name ?? "no segment"),
    text("Replenishment", 26, (item) => {
      const segment = segmentOf(item);
      return segment ? replenishmentText(segment.policy) : "";
    }),
    number("Service level", "percent", 9, (item) => segmentOf(item)?.policy.serviceLevel ?? null),
    text("Service target", 14, (item) => {
      const segment = segmentOf(item);
      return segment ? (segment.policy.serviceType === "cycle" ? "cycle service level" : "fill rate") : "";
    }),
    text("Safety stock method", 14, (item) => {
      const segment = segmentOf(item);
      return segment ? METHOD_WORDS[segment.policy.safetyStockMethod] : "";
    }),
    number("Lead time (days)", "number", 10, (item) => segmentOf(item)?.policy.leadTimeDays ?? null),
    number(`Demand per ${period}`, "number", 11, (item) => demandMean[item]),
    number("Safety stock", "number", 11, (item) => policy.safetyStock[item]),
    number("Reorder point", "number", 11, (item) => (segmentOf(item) && !periodic(item) ? policy.reorderPoint[item] : null)),
    number("Order-up-to level", "number", 11, (item) => (periodic(item) ? policy.reorderPoint[item] : null)),
    number("Order quantity", "number", 11, (item) => policy.orderQuantity[item]),
    number("Average inventory", "number", 11, (item) => policy.averageInventory[item]),
    number("Unit cost", "decimal", 10, (item) => unitCost[item]),
    number("Inventory value", "decimal", 13, (item) => policy.inventoryValue[item]),
    number("Expected fill rate", "percent", 10, (item) => policy.expectedFillRate[item]),
    text("Policy note", 30, (item) => policy.notes.get(item) ?? (demandMean[item] === 0 ? "no demand: no stock planned" : "")),
  ];
  return { columns, rowCount: table.ids.length };
}
