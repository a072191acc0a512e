/**
 * Expected fill rate (type 2 service, P2) of a given safety stock: the fraction of demand met from
 * stock when each replenishment brings Q units and the expected shortage per cycle is
 * ESC = σ_P·G(SS/σ_P), so β = 1 − ESC/Q (S. Chopra & P. Meindl, "Supply Chain Management:
 * Strategy, Planning, and Operation", 6th ed., Pearson, 2016, ch. 12, fill rate of a replenishment
 * policy; E. A. Silver, D. F. Pyke & R. Peterson, "Inventory Management and Production Planning and
 * Scheduling", 3rd ed., Wiley, 1998, ch. 7, P2 = 1 − σ_L·G_u(k)/Q).
 */
import { standardNormalLoss } from "../stats/normal";
import { type ReplenishmentInputs, validatedProtectionStdDev } from "./demand";
import { requireFinite, requireOrderQuantity } from "./validate";

/**
 * β = 1 − σ_P·G(SS/σ_P)/Q, clamped to [0, 1].
 *
 * The clamp matters only at 0: with a deeply negative safety stock the formula's expected shortage
 * per cycle exceeds the Q units the cycle brings (it also counts backorders already counted in
 * earlier cycles), and a fill rate below 0 means nothing. With σ_P = 0 demand is certain: β = 1 when
 * SS ≥ 0, and 1 + SS/Q (at least 0) when SS < 0, which is the formula's limit as σ_P → 0 and the
 * inverse of safetyStockForFillRate there.
 */
export function expectedFillRate(safetyStock: number, inputs: ReplenishmentInputs, orderQuantity: number): number {
  requireFinite(safetyStock, "safetyStock");
  requireOrderQuantity(orderQuantity);
  const sigma = validatedProtectionStdDev(inputs);
  const safetyFactor = sigma === 0 ? NaN : safetyStock / sigma;
  const shortagePerCycle = Number.isFinite(safetyFactor)
    ? sigma * standardNormalLoss(safetyFactor)
    : Math.max(0, -safetyStock);
  const fillRate = 1 - shortagePerCycle / orderQuantity;
  return fillRate < 0 ? 0 : fillRate > 1 ? 1 : fillRate;
}
