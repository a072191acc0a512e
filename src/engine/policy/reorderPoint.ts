/**
 * Reorder point (continuous review, R = 0) or order-up-to level S (periodic review, R > 0):
 * expected demand over the protection interval plus safety stock, ROP = μ·(L + R) + SS
 * (S. Chopra & P. Meindl, "Supply Chain Management: Strategy, Planning, and Operation", 6th ed.,
 * Pearson, 2016, ch. 12: ROP = D·L + ss, and OUL = D·(T + L) + ss for periodic review).
 */
import { protectionMean } from "./demand";
import { type SafetyStockParams, safetyStock } from "./safetyStock";

/** μ·(L + R) + SS for the given service target; the order-up-to level when reviewPeriod > 0. */
export function reorderPoint(params: SafetyStockParams): number {
  // safetyStock validates every field that protectionMean reads.
  const buffer = safetyStock(params);
  return protectionMean(params) + buffer;
}
