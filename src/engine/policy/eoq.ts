/**
 * Economic order quantity Q* = √(2·D·K/h): the lot size that balances annual ordering cost D·K/Q
 * against annual holding cost h·Q/2 (F. W. Harris, "How many parts to make at once", Factory, The
 * Magazine of Management 10(2):135–136, 152, 1913; S. Chopra & P. Meindl, "Supply Chain Management:
 * Strategy, Planning, and Operation", 6th ed., Pearson, 2016, ch. 11).
 */
import { requireNonNegative, requirePositive } from "./validate";

/**
 * Units per order. annualDemand and orderCost may be 0 (giving 0); the holding cost per unit per
 * year must be positive, since with free holding the optimal lot is unbounded.
 */
export function economicOrderQuantity(annualDemand: number, orderCost: number, annualHoldingCostPerUnit: number): number {
  requireNonNegative(annualDemand, "annualDemand");
  requireNonNegative(orderCost, "orderCost");
  requirePositive(annualHoldingCostPerUnit, "annualHoldingCostPerUnit");
  return Math.sqrt((2 * annualDemand * orderCost) / annualHoldingCostPerUnit);
}
