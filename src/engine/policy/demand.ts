/**
 * Demand over the protection interval P = L + R: the time from placing an order until the next
 * order after it arrives, which is how long safety stock has to cover (continuous review: R = 0).
 *
 * With demand per period independent from period to period and the lead time independent of
 * demand, the random sum of L + R per-period demands has
 *   mean     μ·(L + R)
 *   variance (L + R)·σd² + μ²·σL²
 * (S. Chopra & P. Meindl, "Supply Chain Management: Strategy, Planning, and Operation", 6th ed.,
 * Pearson, 2016, ch. 12, the formula for safety inventory under lead-time uncertainty;
 * E. A. Silver, D. F. Pyke & R. Peterson, "Inventory Management and Production Planning and
 * Scheduling", 3rd ed., Wiley, 1998, ch. 7, on a random lead time). Only the lead time is taken
 * to vary; the review period is a fixed calendar interval.
 */
import { requireNonNegative } from "./validate";

/** Demand per period and lead time in periods; review period 0 = continuous review. */
export interface ReplenishmentInputs {
  /** Mean demand per period, ≥ 0. */
  demandMean: number;
  /** Standard deviation of demand per period, ≥ 0. */
  demandStdDev: number;
  /** Mean replenishment lead time in periods, ≥ 0. */
  leadTime: number;
  /** Standard deviation of the lead time in periods, ≥ 0; default 0. */
  leadTimeStdDev?: number;
  /** Periods between reviews, ≥ 0; default 0 (continuous review). */
  reviewPeriod?: number;
}

/**
 * Checks every field and returns σ_P, the standard deviation of demand over the protection
 * interval, as a plain number so the policy formulas build no object per call.
 */
export function validatedProtectionStdDev(inputs: ReplenishmentInputs): number {
  const { demandMean, demandStdDev, leadTime } = inputs;
  const leadTimeStdDev = inputs.leadTimeStdDev === undefined ? 0 : inputs.leadTimeStdDev;
  const reviewPeriod = inputs.reviewPeriod === undefined ? 0 : inputs.reviewPeriod;
  requireNonNegative(demandMean, "demandMean");
  requireNonNegative(demandStdDev, "demandStdDev");
  requireNonNegative(leadTime, "leadTime");
  requireNonNegative(leadTimeStdDev, "leadTimeStdDev");
  requireNonNegative(reviewPeriod, "reviewPeriod");
  // hypot rather than √(a² + b²): squaring would overflow or underflow for extreme magnitudes.
  return Math.hypot(Math.sqrt(leadTime + reviewPeriod) * demandStdDev, demandMean * leadTimeStdDev);
}

/** μ·(L + R), for inputs already checked by validatedProtectionStdDev. */
export function protectionMean(inputs: ReplenishmentInputs): number {
  const reviewPeriod = inputs.reviewPeriod === undefined ? 0 : inputs.reviewPeriod;
  return inputs.demandMean * (inputs.leadTime + reviewPeriod);
}

/** Mean and standard deviation of demand over the protection interval L + R (see file comment). */
export function protectionIntervalDemand(inputs: ReplenishmentInputs): { mean: number; stdDev: number } {
  const stdDev = validatedProtectionStdDev(inputs);
  return { mean: protectionMean(inputs), stdDev };
}
