/**
 * Inventory policy formulas (protection-interval demand, safety stock, reorder point, EOQ, fill rate)
 * and their application to items by their segment's policy.
 */
export { type ReplenishmentInputs, protectionIntervalDemand } from "./demand";
export {
  type SafetyStockParams,
  type ServiceType,
  safetyStock,
  safetyStockForCycleServiceLevel,
  safetyStockForFillRate,
} from "./safetyStock";
export { reorderPoint } from "./reorderPoint";
export { economicOrderQuantity } from "./eoq";
export { expectedFillRate } from "./fillRate";
export { policyFigures, replenishmentInputs, type StockingPolicy, type ItemDemand, type PolicyFigures } from "./segmentPolicy";
export { applyPolicies, type PolicyColumns, type DemandColumns } from "./applyPolicies";
export { PERIOD_DAYS, PERIODS_PER_YEAR, type DemandPeriod } from "./periods";
