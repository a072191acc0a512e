/* eslint-disable @typescript-eslint/no-explicit-any -- Excel's argument types, as custom-functions-metadata reads them */
/**
 * The SEGMENT.* custom functions: the public contract a planner types into cells. Each one only
 * reads Excel's arguments and calls the engine (src/engine); the JSDoc below is what Excel shows
 * (functions.json is generated from it by custom-functions-metadata-plugin, which also appends the
 * CustomFunctions.associate calls to this file when it is bundled).
 *
 * Conventions: ranges spill one answer per row; every argument of the policy functions takes a
 * single value or a range (one call per column, not per row); an omitted optional argument arrives
 * as null; nothing throws — problems come back as #VALUE!, #NUM! or #N/A with a message.
 */
import { abc as abcCells, abcXyz as abcXyzCells, demandPattern as demandPatternCells, xyz as xyzCells } from "./classify";
import { eoqCells, fillRateCells, reorderPointCells, safetyStockCells } from "./policy";

/**
 * ABC classification by cumulative share of a measure (revenue, volume, margin, order lines): the items making the first 80% are A, the next 15% B, the rest C.
 * @customfunction ABC
 * @param values One column of values, one per item (e.g. annual revenue). Blank cells give #N/A; zero and negative values rank last and take the last class.
 * @param [cutoffs] Cumulative-share cutoffs in increasing order, e.g. {0.8,0.95} (the default). Three cutoffs make four classes.
 * @param [labels] Class labels, one more than the cutoffs, e.g. {"A","B","C"} (the default).
 * @returns One class per item, in the input's order.
 */
export function abc(values: any[][], cutoffs?: any[][], labels?: any[][]): any[][] {
  return abcCells(values, cutoffs ?? null, labels ?? null);
}

/**
 * XYZ classification by demand variability: the coefficient of variation (standard deviation / mean, STDEV.S) of each item's demand over its periods. CV ≤ 0.5 is X, ≤ 1.0 is Y, above is Z.
 * @customfunction XYZ
 * @param history Demand history: one row per item, one column per period. Blank cells are periods without data and are skipped; enter 0 for a period with no demand.
 * @param [cutoffs] CV cutoffs in increasing order, e.g. {0.5,1} (the default).
 * @param [labels] Class labels, one more than the cutoffs; default {"X","Y","Z"}.
 * @param [minPeriods] Fewest periods with data an item needs to be classified (default 2); items with fewer give #N/A.
 * @returns One class per item (row of history).
 */
export function xyz(history: any[][], cutoffs?: any[][], labels?: any[][], minPeriods?: any[][]): any[][] {
  return xyzCells(history, cutoffs ?? null, labels ?? null, minPeriods ?? null);
}

/**
 * Demand pattern by Syntetos-Boylan: smooth, erratic, intermittent or lumpy, from the average demand interval (ADI) and the squared coefficient of variation of non-zero demand sizes (CV²).
 * @customfunction DEMANDPATTERN
 * @param history Demand history: one row per item, one column per period. Blank cells are periods without data and are skipped; enter 0 for a period with no demand.
 * @param [adiCutoff] ADI at or above which demand is intermittent (default 1.32).
 * @param [cv2Cutoff] CV² at or above which demand sizes are erratic (default 0.49).
 * @returns One pattern per item: smooth, erratic, intermittent or lumpy.
 */
export function demandPattern(history: any[][], adiCutoff?: any[][], cv2Cutoff?: any[][]): any[][] {
  return demandPatternCells(history, adiCutoff ?? null, cv2Cutoff ?? null);
}

/**
 * ABC-XYZ matrix class (AX ... CZ): ABC by cumulative share of a value crossed with XYZ by demand variability.
 * @customfunction ABCXYZ
 * @param values One column of values per item for ABC (e.g. annual revenue).
 * @param history Demand history, one row per item in the same order as values, one column per period.
 * @param [abcCutoffs] ABC cutoffs, default {0.8,0.95}.
 * @param [xyzCutoffs] XYZ cutoffs, default {0.5,1}.
 * @returns One class per item, such as AX or CZ.
 */
export function abcXyz(values: any[][], history: any[][], abcCutoffs?: any[][], xyzCutoffs?: any[][]): any[][] {
  return abcXyzCells(values, history, abcCutoffs ?? null, xyzCutoffs ?? null);
}

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
