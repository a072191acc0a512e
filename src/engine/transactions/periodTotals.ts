/**
 * Quantity and revenue per item per calendar period (month or quarter), over the counted lines of
 * an aggregation, and which periods the data covers completely. Reclassification compares these
 * across two data sets; only complete periods count, so a file that ends on the 9th of a month does
 * not read as a collapse in that month's (or quarter's) demand.
 *
 * A period is complete when the data's first day is on or before the period's first day and its
 * last day is on or after the period's last day.
 */
import { type DemandPeriod, periodDays, periodLabel, periodOfDay } from "../policy/periods";
import type { AggregatedItems } from "./aggregate";
import { isCounted, lineRevenue, type TransactionLines } from "./lines";

export interface PeriodTotals {
  period: DemandPeriod;
  firstPeriod: number;
  periodCount: number;
  /** Row-major items × periods. */
  quantity: Float64Array;
  revenue: Float64Array;
  /** Per period: 1 when the data covers it completely. */
  complete: Uint8Array;
  labels: string[];
}

export function periodTotals(lines: TransactionLines, aggregated: AggregatedItems, period: DemandPeriod): PeriodTotals {
  const firstPeriod = periodOfDay(aggregated.firstDay, period);
  const periodCount = periodOfDay(aggregated.lastDay, period) - firstPeriod + 1;
  const itemCount = aggregated.table.ids.length;
  const quantity = new Float64Array(itemCount * periodCount);
  const revenue = new Float64Array(itemCount * periodCount);
  for (let i = 0; i < lines.count; i++) {
    if (!isCounted(aggregated.lineStatus[i])) continue;
    const cell = aggregated.lineItem[i] * periodCount + periodOfDay(lines.day[i], period) - firstPeriod;
    quantity[cell] += lines.quantity[i];
    revenue[cell] += lineRevenue(lines, i);
  }
  const complete = new Uint8Array(periodCount);
  const labels: string[] = [];
  for (let p = 0; p < periodCount; p++) {
    const { first, last } = periodDays(firstPeriod + p, period);
    complete[p] = aggregated.firstDay <= first && aggregated.lastDay >= last ? 1 : 0;
    labels.push(periodLabel(firstPeriod + p, period));
  }
  return { period, firstPeriod, periodCount, quantity, revenue, complete, labels };
}
