/**
 * Safety stock for a service-level target, with demand over the protection interval taken as
 * normal with standard deviation σ_P (see demand.ts).
 *
 * - Cycle service level (type 1, P1: probability of no stockout in a replenishment cycle):
 *   SS = Φ⁻¹(CSL)·σ_P.
 * - Fill rate (type 2, P2, β: fraction of demand met from stock): the expected shortage per
 *   replenishment cycle σ_P·G(k) must equal (1 − β)·Q, so k = G⁻¹((1 − β)·Q/σ_P) and SS = k·σ_P.
 *
 * Sources: S. Chopra & P. Meindl, "Supply Chain Management: Strategy, Planning, and Operation",
 * 6th ed., Pearson, 2016, ch. 12 (safety inventory for a cycle service level and for a fill rate);
 * E. A. Silver, D. F. Pyke & R. Peterson, "Inventory Management and Production Planning and
 * Scheduling", 3rd ed., Wiley, 1998, ch. 7 (the P1 and P2 decision rules, G_u(k) = Q(1 − P2)/σ_L).
 */
import { inverseStandardNormalCdf, inverseStandardNormalLoss } from "../stats/normal";
import { invalidInput } from "../errors";
import { type ReplenishmentInputs, validatedProtectionStdDev } from "./demand";
import { describe, requireOrderQuantity, requireServiceLevel } from "./validate";

/** "cycle": probability of no stockout per replenishment cycle; "fill": fraction of demand met from stock. */
export type ServiceType = "cycle" | "fill";

export type SafetyStockParams = ReplenishmentInputs & {
  serviceLevel: number;
  serviceType: ServiceType;
  /** Units per replenishment; required (and > 0) for "fill", ignored for "cycle". */
  orderQuantity?: number;
};

const CYCLE_LABEL = "serviceLevel (cycle service level)";
const FILL_LABEL = "serviceLevel (fill rate)";

/** Φ⁻¹(CSL)·σ_P. Negative below a 50% cycle service level; 0 when demand over P has no variance. */
export function safetyStockForCycleServiceLevel(cycleServiceLevel: number, inputs: ReplenishmentInputs): number {
  requireServiceLevel(cycleServiceLevel, CYCLE_LABEL);
  const sigma = validatedProtectionStdDev(inputs);
  return sigma === 0 ? 0 : inverseStandardNormalCdf(cycleServiceLevel) * sigma;
}

/**
 * The exact solution of σ_P·G(SS/σ_P) = (1 − β)·Q.
 *
 * It is negative when an order covers so much demand that the target is met even when the stock
 * runs out before each replenishment arrives (G⁻¹ < 0 once (1 − β)·Q/σ_P > G(0) ≈ 0.399). Callers
 * that never plan below zero should take max(0, SS) themselves.
 *
 * When σ_P = 0 (or so small that (1 − β)·Q/σ_P overflows), the answer is the limit −(1 − β)·Q: with
 * certain demand, running short by exactly (1 − β)·Q each cycle gives fill rate β. This keeps the
 * result continuous and increasing in σ_P, and expectedFillRate of it returns β.
 */
export function safetyStockForFillRate(fillRate: number, inputs: ReplenishmentInputs, orderQuantity: number): number {
  return fillRateSafetyStock(fillRate, inputs, orderQuantity);
}

/** safetyStockForFillRate, also reached by safetyStock where orderQuantity is optional. */
function fillRateSafetyStock(fillRate: number, inputs: ReplenishmentInputs, orderQuantity: number | undefined): number {
  requireServiceLevel(fillRate, FILL_LABEL);
  requireOrderQuantity(orderQuantity);
  const sigma = validatedProtectionStdDev(inputs);
  const shortagePerCycle = (1 - fillRate) * orderQuantity;
  if (sigma === 0) return -shortagePerCycle;
  const unitLoss = shortagePerCycle / sigma;
  if (unitLoss === Infinity) return -shortagePerCycle;
  // An underflow to 0 means k far in the upper tail; the smallest positive loss gives k ≈ 38.5.
  return inverseStandardNormalLoss(unitLoss > 0 ? unitLoss : Number.MIN_VALUE) * sigma;
}

/** Safety stock for either service type; see the two functions above for each formula. */
export function safetyStock(params: SafetyStockParams): number {
  switch (params.serviceType) {
    case "cycle":
      return safetyStockForCycleServiceLevel(params.serviceLevel, params);
    case "fill":
      return fillRateSafetyStock(params.serviceLevel, params, params.orderQuantity);
    default:
      throw invalidInput(`serviceType must be "cycle" or "fill"; got ${describe(params.serviceType)}`);
  }
}
