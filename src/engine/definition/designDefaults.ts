/**
 * The starting figures a proposed definition carries, in one place so every design method states
 * the same defaults: policies and KPI targets by value class (A/B/C) and variability (X/Y/Z), the
 * hysteresis rules, the one-off rule and the provenance block. They are a planner's starting point
 * (README, "The command line"), to be edited before a definition is approved.
 */
import type { DesignOptions } from "./design";
import type { SegmentDefinitionInput } from "./schema";

/** The one-off rule a designed definition carries (design aggregates with it, so apply sees the same items). */
export const DESIGN_EXCEPTIONS = { maxLineShare: 0.5, minLines: 5, action: "exclude" } as const;

export const ABC_TEXT: Record<string, { word: string; review: number; promised: number; transport: string; tier: string; turns: [number, number] }> = {
  A: { word: "Core", review: 7, promised: 2, transport: "parcel, next day", tier: "tier 1", turns: [8, 5] },
  B: { word: "Mid", review: 14, promised: 3, transport: "parcel, standard", tier: "tier 2", turns: [6, 4] },
  C: { word: "Tail", review: 28, promised: 5, transport: "consolidated freight", tier: "tier 3", turns: [4, 2] },
};
export const XYZ_TEXT: Record<string, string> = { X: "steady", Y: "variable", Z: "erratic" };

interface CellPolicy {
  name: string;
  serviceLevel: number;
  forecastingMethod: string;
}

/** Per ABC-XYZ cell: name, fill-rate target and forecasting method. */
export const CELLS: Record<string, CellPolicy> = {
  AX: { name: "Core runners", serviceLevel: 0.98, forecastingMethod: "exponential smoothing" },
  AY: { name: "Core, variable", serviceLevel: 0.97, forecastingMethod: "Holt-Winters (trend and season)" },
  AZ: { name: "Core, erratic", serviceLevel: 0.95, forecastingMethod: "Croston with planner review" },
  BX: { name: "Mid, steady", serviceLevel: 0.96, forecastingMethod: "exponential smoothing" },
  BY: { name: "Mid, variable", serviceLevel: 0.95, forecastingMethod: "Holt-Winters (trend and season)" },
  BZ: { name: "Mid, erratic", serviceLevel: 0.92, forecastingMethod: "Croston" },
  CX: { name: "Tail, steady", serviceLevel: 0.93, forecastingMethod: "moving average" },
  CY: { name: "Tail, variable", serviceLevel: 0.9, forecastingMethod: "moving average" },
  CZ: { name: "Tail, erratic", serviceLevel: 0.85, forecastingMethod: "Croston, or make to order" },
};

type SegmentInput = SegmentDefinitionInput["segments"][number];

/** The starting policy of a cell ("AX" … "CZ"): a fill-rate target, statistical safety stock. */
export function startingPolicy(cell: string, leadTimeDays: number): SegmentInput["policy"] {
  const abc = ABC_TEXT[cell[0]];
  return {
    serviceLevel: CELLS[cell].serviceLevel,
    serviceType: "fill",
    safetyStockMethod: "statistical",
    reviewPeriodDays: abc.review,
    leadTimeDays,
    leadTimeStdDevDays: 0,
    promisedLeadTimeDays: abc.promised,
    transportMode: abc.transport,
    forecastingMethod: CELLS[cell].forecastingMethod,
    moq: 0,
    priceTier: abc.tier,
  };
}

export function startingTargets(cell: string): NonNullable<SegmentInput["targets"]> {
  const fill = CELLS[cell].serviceLevel;
  const tail = cell[0] === "C";
  const turns = ABC_TEXT[cell[0]].turns;
  return {
    fillRate: { target: fill, escalateBelow: Math.round((fill - 0.05) * 100) / 100 },
    onTimeDelivery: { target: tail ? 0.9 : 0.95, escalateBelow: tail ? 0.85 : 0.9 },
    perfectOrder: { target: tail ? 0.85 : 0.9, escalateBelow: tail ? 0.8 : 0.85 },
    inventoryTurns: { target: turns[0], escalateBelow: turns[1] },
    costToServe: { target: tail ? 0.12 : 0.08, escalateAbove: tail ? 0.18 : 0.12 },
  };
}

/** Hysteresis, one-off handling, valuation, overrides and provenance of a proposed definition. */
export function commonParts(options: DesignOptions, itemCount: number, tool: string): Pick<
  SegmentDefinitionInput,
  "reclassification" | "exceptions" | "valuation" | "overrides" | "provenance"
> {
  return {
    reclassification: {
      period: "quarter",
      baseline: "samePeriodLastYear",
      rules: [
        { name: "sustained drop", description: "quantity down 30% or more for two quarters", metric: "quantity", direction: "down", change: 0.3, consecutivePeriods: 2 },
        { name: "sustained rise", description: "quantity up 30% or more for two quarters", metric: "quantity", direction: "up", change: 0.3, consecutivePeriods: 2 },
      ],
    },
    exceptions: { ...DESIGN_EXCEPTIONS },
    valuation: { costRatio: options.costRatio ?? 1 },
    overrides: [],
    provenance: {
      dataSource: options.dataSource,
      rowCount: options.rowCount,
      itemCount,
      ...(options.readiness ? { readiness: options.readiness } : {}),
      author: options.author,
      createdAt: options.createdAt,
      tool,
    },
  };
}
