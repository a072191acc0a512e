/**
 * A segment's policy applied to an item: order quantity, safety stock, reorder point, average
 * inventory and its value, expected fill rate and planned turns. The formulas are the engine's
 * (safetyStock, reorderPoint's protection-interval demand, economicOrderQuantity, expectedFillRate);
 * this file only decides which inputs each policy field supplies.
 *
 * Rules, in planner's terms:
 * - Demand per period is the item's mean and (sample) standard deviation of period demand; lead
 *   time and review period are converted from days to periods (periods.ts).
 * - Order quantity Q: the economic order quantity √(2·D·K/h) with D the annual demand, K the order
 *   cost and h = holdingRate × unit cost when the policy gives orderCost and holdingRate (Harris
 *   1913; Chopra & Meindl ch. 11); otherwise one review period of demand (one period under
 *   continuous review). Never below the MOQ.
 * - Safety stock: "statistical" = z·σ over lead time + review period for the service level, cycle
 *   or fill rate (Chopra & Meindl ch. 12); "periodsOfCover" = safetyStockPeriods × mean demand;
 *   "none" = 0. Planned safety stock is never below 0 (a fill-rate formula can go negative when Q
 *   alone meets the target).
 * - Reorder point = mean demand over lead time + review period + safety stock.
 * - Average inventory = Q/2 + safety stock (cycle stock plus buffer, Chopra & Meindl ch. 11–12);
 *   inventory value = average inventory × unit cost; planned turns = annual demand ÷ average inventory.
 * - Expected fill rate = 1 − σ_P·G(SS/σ_P)/Q for the planned SS and Q.
 * - An item without demand (mean 0) gets zero stock and an undefined (NaN) fill rate and turns.
 */
import { economicOrderQuantity } from "./eoq";
import { expectedFillRate } from "./fillRate";
import { protectionIntervalDemand, type ReplenishmentInputs } from "./demand";
import { PERIOD_DAYS, PERIODS_PER_YEAR, type DemandPeriod } from "./periods";
import { safetyStock } from "./safetyStock";
import { invalidInput } from "../errors";

/** The policy fields these figures read (a subset of a segment's policy in the definition). */
export interface StockingPolicy {
  serviceLevel: number;
  serviceType: "cycle" | "fill";
  safetyStockMethod: "statistical" | "periodsOfCover" | "none";
  safetyStockPeriods?: number;
  reviewPeriodDays: number;
  leadTimeDays: number;
  leadTimeStdDevDays: number;
  moq: number;
  orderCost?: number;
  holdingRate?: number;
}

export interface ItemDemand {
  /** Mean demand per period, ≥ 0. */
  demandMean: number;
  /** Sample standard deviation of demand per period, ≥ 0. */
  demandStdDev: number;
  /** Cost of one unit (for value and EOQ), ≥ 0. */
  unitCost: number;
}

export interface PolicyFigures {
  orderQuantity: number;
  safetyStock: number;
  reorderPoint: number;
  /** Q/2 + SS, in units. */
  averageInventory: number;
  inventoryValue: number;
  /** Share of demand expected to be met from stock; NaN without demand. */
  expectedFillRate: number;
  annualDemand: number;
  /** Annual demand ÷ average inventory; NaN when there is no inventory. */
  plannedTurns: number;
}

/** The replenishment inputs of an item under a policy, in periods. */
export function replenishmentInputs(policy: StockingPolicy, demand: ItemDemand, period: DemandPeriod): ReplenishmentInputs {
  const days = PERIOD_DAYS[period];
  return {
    demandMean: demand.demandMean,
    demandStdDev: demand.demandStdDev,
    leadTime: policy.leadTimeDays / days,
    leadTimeStdDev: policy.leadTimeStdDevDays / days,
    reviewPeriod: policy.reviewPeriodDays / days,
  };
}

export function policyFigures(policy: StockingPolicy, demand: ItemDemand, period: DemandPeriod): PolicyFigures {
  const { demandMean, unitCost } = demand;
  if (!(unitCost >= 0) || !Number.isFinite(unitCost)) throw invalidInput(`unitCost must be a number ≥ 0; got ${unitCost}`);
  const inputs = replenishmentInputs(policy, demand, period);
  const protection = protectionIntervalDemand(inputs); // validates demand, lead time and review period
  const annualDemand = demandMean * PERIODS_PER_YEAR[period];

  let orderQuantity: number;
  if (policy.orderCost !== undefined && policy.holdingRate !== undefined && unitCost > 0) {
    orderQuantity = economicOrderQuantity(annualDemand, policy.orderCost, policy.holdingRate * unitCost);
  } else {
    orderQuantity = demandMean * (inputs.reviewPeriod! > 0 ? inputs.reviewPeriod! : 1);
  }
  if (orderQuantity < policy.moq) orderQuantity = policy.moq;

  let buffer = 0;
  if (demandMean > 0) {
    if (policy.safetyStockMethod === "statistical") {
      // Built field by field: an object spread here costs more than the formula on a million items.
      buffer = safetyStock({
        demandMean: inputs.demandMean,
        demandStdDev: inputs.demandStdDev,
        leadTime: inputs.leadTime,
        leadTimeStdDev: inputs.leadTimeStdDev,
        reviewPeriod: inputs.reviewPeriod,
        serviceLevel: policy.serviceLevel,
        serviceType: policy.serviceType,
        orderQuantity: orderQuantity > 0 ? orderQuantity : undefined,
      });
    } else if (policy.safetyStockMethod === "periodsOfCover") {
      buffer = (policy.safetyStockPeriods ?? 0) * demandMean;
    }
  }
  if (buffer < 0) buffer = 0;

  const averageInventory = demandMean > 0 ? orderQuantity / 2 + buffer : 0;
  const fillRate = demandMean > 0 && orderQuantity > 0 ? expectedFillRate(buffer, inputs, orderQuantity) : NaN;
  return {
    orderQuantity: demandMean > 0 ? orderQuantity : 0,
    safetyStock: buffer,
    reorderPoint: demandMean > 0 ? protection.mean + buffer : 0,
    averageInventory,
    inventoryValue: averageInventory * unitCost,
    expectedFillRate: fillRate,
    annualDemand,
    plannedTurns: averageInventory > 0 ? annualDemand / averageInventory : NaN,
  };
}
