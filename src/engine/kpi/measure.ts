/**
 * KPI measures per segment from order lines and the segment's planned policy.
 *
 * Order lines are the customer's sales lines (returns are not orders; one-off lines are real orders
 * and count here even when excluded from classification). Definitions:
 * - Fill rate (unit fill rate) = units shipped, capped at the units ordered, ÷ units ordered, over
 *   lines with a shipped quantity (APICS Dictionary, "fill rate"; Chopra & Meindl ch. 12, product fill rate).
 * - On-time delivery = lines delivered on or before their promised date ÷ lines with both dates.
 * - Perfect order rate = orders whose every line of the segment was delivered in full and on time
 *   ÷ orders with all of that known (SCOR "perfect order fulfillment", limited to on time and in
 *   full: damage and documentation are not in transaction data). An order with lines in two
 *   segments counts once in each.
 * - Inventory turns (planned) = annual cost of goods ÷ average inventory value, both from the
 *   policy figures (Chopra & Meindl ch. 3: turns = COGS ÷ average inventory).
 * - Cost-to-serve = Σ cost-to-serve ÷ Σ revenue of the lines that carry a cost; cost per order =
 *   Σ cost-to-serve ÷ orders.
 * - Expected fill rate = the items' expected fill rates weighted by mean demand.
 * A measure whose data is not mapped is NaN, with its basis count 0: never a made-up number.
 */
import type { PolicyColumns } from "../policy/applyPolicies";
import { LINE_EXCEPTION, LINE_SALE, lineRevenue, type TransactionLines } from "../transactions/lines";

export interface SegmentMeasures {
  items: number;
  orderLines: number;
  /** Distinct orders with a line in the segment; NaN without an order column. */
  orders: number;
  /** Σ of the items' revenue (the classification's revenue: one-off lines excluded when the definition says so). */
  revenue: number;
  /** Revenue of the segment's order lines (one-offs included: they were real orders). */
  orderLineRevenue: number;
  orderedUnits: number;
  /** Units shipped (capped at ordered) and the units ordered on lines with a shipped quantity. */
  filledUnits: number;
  fillBasisUnits: number;
  onTimeLines: number;
  datedLines: number;
  perfectOrders: number;
  checkedOrders: number;
  costToServe: number;
  costedRevenue: number;
  costedLines: number;
  inventoryValue: number;
  annualCostOfGoods: number;
  /** Σ mean demand × expected fill rate, and Σ mean demand, over items with a fill rate. */
  weightedFill: number;
  fillWeight: number;
}

export interface KpiInputs {
  lines: TransactionLines;
  lineStatus: Uint8Array;
  lineItem: Int32Array;
  /** Final segment per item. */
  segmentIndex: Int32Array;
  segmentCount: number;
  policy: PolicyColumns;
  demandMean: Float64Array;
  unitCost: Float64Array;
  /** Item revenue as classified (the aggregated "revenue" feature). */
  itemRevenue: Float64Array;
}

function emptyMeasures(): SegmentMeasures {
  return {
    items: 0, orderLines: 0, orders: 0, revenue: 0, orderLineRevenue: 0, orderedUnits: 0, filledUnits: 0, fillBasisUnits: 0, onTimeLines: 0,
    datedLines: 0, perfectOrders: 0, checkedOrders: 0, costToServe: 0, costedRevenue: 0, costedLines: 0, inventoryValue: 0,
    annualCostOfGoods: 0, weightedFill: 0, fillWeight: 0,
  };
}

/** Measures per segment (index = segment index) and for all segments together (last entry). */
export function measureSegments(inputs: KpiInputs): SegmentMeasures[] {
  const { lines, lineStatus, lineItem, segmentIndex, segmentCount, policy } = inputs;
  const all = segmentCount;
  const measures = Array.from({ length: segmentCount + 1 }, emptyMeasures);

  for (let item = 0; item < segmentIndex.length; item++) {
    const segment = segmentIndex[item];
    for (let pass = 0; pass < 2; pass++) {
      // Each item counts in its segment and in "all segments".
      const target = pass === 0 ? segment : all;
      if (target < 0) continue;
      const m = measures[target];
      m.items++;
      m.revenue += inputs.itemRevenue[item];
      const value = policy.inventoryValue[item];
      if (value === value) {
        m.inventoryValue += value;
        const cogs = policy.annualDemand[item] * inputs.unitCost[item];
        if (cogs === cogs) m.annualCostOfGoods += cogs;
      }
      const fill = policy.expectedFillRate[item];
      const weight = inputs.demandMean[item];
      if (fill === fill && weight > 0) {
        m.weightedFill += weight * fill;
        m.fillWeight += weight;
      }
    }
  }

  // Per (order, segment): 0 = perfect so far, 1 = not perfect, 2 = not checkable. Key = order × (segments + 1) + segment.
  const orderState = lines.order ? new Map<number, number>() : null;
  const stride = segmentCount + 1;
  for (let i = 0; i < lines.count; i++) {
    const status = lineStatus[i];
    if (status !== LINE_SALE && status !== LINE_EXCEPTION) continue;
    const item = lineItem[i];
    const segment = segmentIndex[item];
    const ordered = lines.quantity[i];
    const shipped = lines.shipped ? lines.shipped[i] : NaN;
    const promised = lines.promisedDay ? lines.promisedDay[i] : NaN;
    const delivered = lines.deliveredDay ? lines.deliveredDay[i] : NaN;
    const cost = lines.costToServe ? lines.costToServe[i] : NaN;
    const revenue = lineRevenue(lines, i);
    const inFull = shipped === shipped ? shipped >= ordered : null;
    const onTime = promised === promised && delivered === delivered ? delivered <= promised : null;
    for (let pass = 0; pass < 2; pass++) {
      const s = pass === 0 ? segment : all;
      if (s < 0) continue;
      const m = measures[s];
      m.orderLines++;
      m.orderLineRevenue += revenue;
      m.orderedUnits += ordered;
      if (inFull !== null) {
        m.filledUnits += Math.min(shipped, ordered);
        m.fillBasisUnits += ordered;
      }
      if (onTime !== null) {
        m.datedLines++;
        if (onTime) m.onTimeLines++;
      }
      if (cost === cost) {
        m.costToServe += cost;
        m.costedRevenue += revenue;
        m.costedLines++;
      }
      if (orderState !== null && lines.order![i] >= 0) {
        const key = lines.order![i] * stride + s;
        const before = orderState.get(key);
        const state = inFull === null || onTime === null ? 2 : inFull && onTime ? 0 : 1;
        orderState.set(key, before === undefined ? state : Math.max(before, state));
      }
    }
  }

  for (const m of measures) m.orders = orderState === null ? NaN : 0;
  if (orderState !== null) {
    for (const [key, state] of orderState) {
      const m = measures[key % stride];
      m.orders++;
      if (state < 2) {
        m.checkedOrders++;
        if (state === 0) m.perfectOrders++;
      }
    }
  }
  return measures;
}
