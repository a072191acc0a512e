/**
 * Policy figures for every item of a batch, by the policy of the segment each item is in: one
 * typed array per figure, so a million items cost a few arrays rather than a million objects.
 * An item without a segment, or whose demand cannot carry a policy (negative net demand, a spread
 * that cannot be measured), gets NaN figures and a note saying why; the rest of the batch goes on.
 */
import { SegmentError } from "../errors";
import type { DemandPeriod } from "./periods";
import { type ItemDemand, policyFigures, type StockingPolicy } from "./segmentPolicy";

export interface PolicyColumns {
  orderQuantity: Float64Array;
  safetyStock: Float64Array;
  reorderPoint: Float64Array;
  averageInventory: Float64Array;
  inventoryValue: Float64Array;
  expectedFillRate: Float64Array;
  annualDemand: Float64Array;
  plannedTurns: Float64Array;
  /** Items whose figures are NaN, with the reason. */
  notes: Map<number, string>;
}

export interface DemandColumns {
  demandMean: Float64Array;
  demandStdDev: Float64Array;
  unitCost: Float64Array;
}

/**
 * @param policies one policy per segment index
 * @param segmentIndex per item: index into `policies`, −1 for no segment
 */
export function applyPolicies(
  policies: readonly StockingPolicy[],
  segmentIndex: Int32Array,
  demand: DemandColumns,
  period: DemandPeriod,
): PolicyColumns {
  const n = segmentIndex.length;
  const out: PolicyColumns = {
    orderQuantity: new Float64Array(n),
    safetyStock: new Float64Array(n),
    reorderPoint: new Float64Array(n),
    averageInventory: new Float64Array(n),
    inventoryValue: new Float64Array(n),
    expectedFillRate: new Float64Array(n),
    annualDemand: new Float64Array(n),
    plannedTurns: new Float64Array(n),
    notes: new Map(),
  };
  const item: ItemDemand = { demandMean: 0, demandStdDev: 0, unitCost: 0 };
  const blank = (i: number, note: string) => {
    out.orderQuantity[i] = NaN;
    out.safetyStock[i] = NaN;
    out.reorderPoint[i] = NaN;
    out.averageInventory[i] = NaN;
    out.inventoryValue[i] = NaN;
    out.expectedFillRate[i] = NaN;
    out.annualDemand[i] = NaN;
    out.plannedTurns[i] = NaN;
    out.notes.set(i, note);
  };
  for (let i = 0; i < n; i++) {
    const segment = segmentIndex[i];
    if (segment < 0) {
      blank(i, "no segment, so no policy");
      continue;
    }
    item.demandMean = demand.demandMean[i];
    item.demandStdDev = demand.demandStdDev[i];
    item.unitCost = demand.unitCost[i];
    if (item.demandMean !== item.demandMean) {
      blank(i, "no demand history");
      continue;
    }
    if (item.demandMean < 0) {
      blank(i, "net demand is negative (returns exceed sales)");
      continue;
    }
    if (item.demandStdDev !== item.demandStdDev) {
      blank(i, "demand variability cannot be measured (fewer than 2 periods)");
      continue;
    }
    if (item.unitCost !== item.unitCost) item.unitCost = 0;
    try {
      const figures = policyFigures(policies[segment], item, period);
      out.orderQuantity[i] = figures.orderQuantity;
      out.safetyStock[i] = figures.safetyStock;
      out.reorderPoint[i] = figures.reorderPoint;
      out.averageInventory[i] = figures.averageInventory;
      out.inventoryValue[i] = figures.inventoryValue;
      out.expectedFillRate[i] = figures.expectedFillRate;
      out.annualDemand[i] = figures.annualDemand;
      out.plannedTurns[i] = figures.plannedTurns;
    } catch (error) {
      if (!(error instanceof SegmentError)) throw error;
      blank(i, error.message);
    }
  }
  return out;
}
