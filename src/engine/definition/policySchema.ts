/**
 * A segment's operating policy and its KPI targets, as the definition document holds them.
 *
 * Times are in days (a planner's unit); src/engine/policy converts them to demand periods with the
 * definition's period length. The policy figures per item (safety stock, reorder point, inventory
 * value) are computed from these by src/engine/policy/segmentPolicy.ts.
 */
import { z } from "zod";
import { closedShare, nonNegative, openShare, positive, text } from "./schemaPrimitives";

export const SAFETY_STOCK_METHODS = ["statistical", "periodsOfCover", "none"] as const;
export type SafetyStockMethod = (typeof SAFETY_STOCK_METHODS)[number];

export const policySchema = z
  .strictObject({
    /** Cycle service level (P1) or fill rate (P2), by serviceType. */
    serviceLevel: openShare,
    serviceType: z.enum(["cycle", "fill"], { error: 'must be "cycle" or "fill"' }),
    /**
     * statistical: normal demand over lead time + review period (Chopra & Meindl ch. 12);
     * periodsOfCover: safetyStockPeriods × mean demand per period; none: make to order, no buffer.
     */
    safetyStockMethod: z.enum(SAFETY_STOCK_METHODS, {
      error: `must be one of ${SAFETY_STOCK_METHODS.map((m) => JSON.stringify(m)).join(", ")}`,
    }),
    safetyStockPeriods: nonNegative.optional(),
    reviewPeriodDays: nonNegative,
    /** Replenishment lead time used for safety stock and the reorder point. */
    leadTimeDays: nonNegative,
    leadTimeStdDevDays: nonNegative.default(0),
    /** Lead time promised to customers (the on-time KPI measures against the order's promised date). */
    promisedLeadTimeDays: nonNegative,
    transportMode: text,
    forecastingMethod: text,
    /** Minimum order quantity in units: the order quantity is never below it. */
    moq: nonNegative.default(0),
    priceTier: text,
    /** Cost of placing one replenishment order; with holdingRate, the order quantity is the EOQ. */
    orderCost: nonNegative.optional(),
    /** Annual holding cost as a share of unit cost (0.25 = 25% a year). */
    holdingRate: positive.optional(),
  })
  .superRefine((policy, context) => {
    if (policy.safetyStockMethod === "periodsOfCover" && policy.safetyStockPeriods === undefined) {
      context.addIssue({
        code: "custom",
        path: ["safetyStockPeriods"],
        message: 'is required when safetyStockMethod is "periodsOfCover" (periods of mean demand held as safety stock)',
      });
    }
    if (policy.safetyStockMethod !== "periodsOfCover" && policy.safetyStockPeriods !== undefined) {
      context.addIssue({
        code: "custom",
        path: ["safetyStockPeriods"],
        message: 'applies only when safetyStockMethod is "periodsOfCover"; remove it',
      });
    }
    if ((policy.orderCost === undefined) !== (policy.holdingRate === undefined)) {
      context.addIssue({
        code: "custom",
        path: [policy.orderCost === undefined ? "orderCost" : "holdingRate"],
        message: "orderCost and holdingRate go together: both give the economic order quantity, neither gives one review period of demand",
      });
    }
  });

export type SegmentPolicy = z.infer<typeof policySchema>;

/** A KPI where more is better (fill rate): below `target` misses, below `escalateBelow` escalates. */
const higherShareTarget = z
  .strictObject({ target: closedShare, escalateBelow: closedShare })
  .refine((t) => t.escalateBelow <= t.target, {
    path: ["escalateBelow"],
    error: "must not be above target (escalation is the worse threshold)",
  });

const higherAmountTarget = z
  .strictObject({ target: positive, escalateBelow: nonNegative })
  .refine((t) => t.escalateBelow <= t.target, {
    path: ["escalateBelow"],
    error: "must not be above target (escalation is the worse threshold)",
  });

/** A KPI where less is better (cost): above `target` misses, above `escalateAbove` escalates. */
const lowerShareTarget = z
  .strictObject({ target: closedShare, escalateAbove: closedShare })
  .refine((t) => t.escalateAbove >= t.target, {
    path: ["escalateAbove"],
    error: "must not be below target (escalation is the worse threshold)",
  });

const lowerAmountTarget = z
  .strictObject({ target: nonNegative, escalateAbove: nonNegative })
  .refine((t) => t.escalateAbove >= t.target, {
    path: ["escalateAbove"],
    error: "must not be below target (escalation is the worse threshold)",
  });

export const targetsSchema = z.strictObject({
  fillRate: higherShareTarget.optional(),
  onTimeDelivery: higherShareTarget.optional(),
  perfectOrder: higherShareTarget.optional(),
  inventoryTurns: higherAmountTarget.optional(),
  /** Cost-to-serve as a share of revenue. */
  costToServe: lowerShareTarget.optional(),
  costPerOrder: lowerAmountTarget.optional(),
});

export type SegmentTargets = z.infer<typeof targetsSchema>;
export type KpiName = keyof SegmentTargets;
export const KPI_NAMES: readonly KpiName[] = [
  "fillRate",
  "onTimeDelivery",
  "perfectOrder",
  "inventoryTurns",
  "costToServe",
  "costPerOrder",
];
/** KPIs where a higher value is better; the others are costs, where lower is better. */
export const HIGHER_IS_BETTER: ReadonlySet<KpiName> = new Set<KpiName>([
  "fillRate",
  "onTimeDelivery",
  "perfectOrder",
  "inventoryTurns",
]);
