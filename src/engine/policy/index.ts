/** Inventory policy formulas: protection-interval demand, safety stock, reorder point, EOQ, fill rate. */
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
