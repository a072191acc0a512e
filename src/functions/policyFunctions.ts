/* eslint-disable @typescript-eslint/no-explicit-any -- Excel's argument types, as custom-functions-metadata reads them */
/** SEGMENT.SAFETYSTOCK, REORDERPOINT, FILLRATE and EOQ: inventory policy, element-wise over ranges. */
import { eoqCells, fillRateCells, reorderPointCells, safetyStockCells } from "./policy";

/**
 * Safety stock for a service level target, from demand per period and lead time in periods. Each argument may be a single value or a column; the answer spills one per row.
 * @customfunction SAFETYSTOCK
 * @param serviceLevel Target between 0 and 1: a cycle service level (probability of no stockout per cycle) or a fill rate (share of demand met from stock), e.g. 0.95.
 * @param demandMean Mean demand per period.
 * @param demandStdDev Standard deviation of demand per period.
 * @param leadTime Replenishment lead time, in periods.
 * @param [leadTimeStdDev] Standard deviation of the lead time, in periods (default 0).
 * @param [reviewPeriod] Periods between reviews for periodic review (default 0: continuous review).
 * @param [serviceType] "cycle" (default) for a cycle service level, or "fill" for a fill rate (then orderQuantity is required). A fill-rate safety stock is negative when the order quantity alone gives more than the target.
 * @param [orderQuantity] Order quantity per replenishment, needed when serviceType is "fill".
 * @returns Safety stock, in units.
 */
export function safetyStock(
  serviceLevel: any[][],
  demandMean: any[][],
  demandStdDev: any[][],
  leadTime: any[][],
  leadTimeStdDev?: any[][],
  reviewPeriod?: any[][],
  serviceType?: any[][],
  orderQuantity?: any[][],
): any[][] {
  return safetyStockCells(
    serviceLevel,
    demandMean,
    demandStdDev,
    leadTime,
    leadTimeStdDev ?? null,
    reviewPeriod ?? null,
    serviceType ?? null,
    orderQuantity ?? null,
  );
}

/**
 * Reorder point: mean demand over the lead time (plus the review period) plus safety stock. With a review period above 0 this is the order-up-to level.
 * @customfunction REORDERPOINT
 * @param serviceLevel Target between 0 and 1: a cycle service level or a fill rate, e.g. 0.95.
 * @param demandMean Mean demand per period.
 * @param demandStdDev Standard deviation of demand per period.
 * @param leadTime Replenishment lead time, in periods.
 * @param [leadTimeStdDev] Standard deviation of the lead time, in periods (default 0).
 * @param [reviewPeriod] Periods between reviews for periodic review (default 0: continuous review).
 * @param [serviceType] "cycle" (default) or "fill" (then orderQuantity is required).
 * @param [orderQuantity] Order quantity per replenishment, needed when serviceType is "fill".
 * @returns Reorder point (or order-up-to level), in units.
 */
export function reorderPoint(
  serviceLevel: any[][],
  demandMean: any[][],
  demandStdDev: any[][],
  leadTime: any[][],
  leadTimeStdDev?: any[][],
  reviewPeriod?: any[][],
  serviceType?: any[][],
  orderQuantity?: any[][],
): any[][] {
  return reorderPointCells(
    serviceLevel,
    demandMean,
    demandStdDev,
    leadTime,
    leadTimeStdDev ?? null,
    reviewPeriod ?? null,
    serviceType ?? null,
    orderQuantity ?? null,
  );
}

/**
 * Expected fill rate (share of demand met from stock) that a safety stock gives under continuous review with normally distributed lead-time demand.
 * @customfunction FILLRATE
 * @param safetyStock Safety stock, in units.
 * @param demandMean Mean demand per period.
 * @param demandStdDev Standard deviation of demand per period.
 * @param leadTime Replenishment lead time, in periods.
 * @param orderQuantity Order quantity per replenishment, in units.
 * @param [leadTimeStdDev] Standard deviation of the lead time, in periods (default 0).
 * @returns Expected fill rate between 0 and 1.
 */
export function fillRate(
  safetyStock: any[][],
  demandMean: any[][],
  demandStdDev: any[][],
  leadTime: any[][],
  orderQuantity: any[][],
  leadTimeStdDev?: any[][],
): any[][] {
  return fillRateCells(safetyStock, demandMean, demandStdDev, leadTime, orderQuantity, leadTimeStdDev ?? null);
}

/**
 * Economic order quantity (Harris): the order size that balances ordering and holding cost, sqrt(2 × annual demand × order cost / holding cost).
 * @customfunction EOQ
 * @param annualDemand Demand per year, in units.
 * @param orderCost Fixed cost per order.
 * @param annualHoldingCostPerUnit Cost of holding one unit for a year (e.g. unit cost × carrying rate); must be above 0.
 * @returns Economic order quantity, in units.
 */
export function eoq(annualDemand: any[][], orderCost: any[][], annualHoldingCostPerUnit: any[][]): any[][] {
  return eoqCells(annualDemand, orderCost, annualHoldingCostPerUnit);
}
