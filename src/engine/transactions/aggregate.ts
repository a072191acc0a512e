/**
 * From transaction lines to items with features: the rules every batch run states in its
 * readiness report.
 *
 * Line rules, in order (each line gets exactly one status, see lines.ts):
 * 1. A line with a blank item, or a date, quantity or price/revenue that cannot be read, is
 *    unreadable and left out (the reader reports its row and why).
 * 2. A line whose item code is a non-product code (postage, fees, adjustments; `isNonProduct`) is
 *    left out, and its item is not an item of the result.
 * 3. A negative quantity is a return or cancellation: left out of demand and revenue with
 *    `returns: "exclude"` (the default: demand is what customers ordered), or netted against sales
 *    in its period with `returns: "net"`.
 * 4. A zero quantity, a zero price (or zero revenue) and a negative price are left out.
 * 5. The rest are sales. One-off lines (exceptions.ts) are then excluded or kept as the definition says.
 *
 * Items are the product codes with at least one readable line, in order of first appearance;
 * an item whose lines were all left out is still an item, with no demand.
 *
 * Features per item (names as definitions use them):
 * - revenue, quantity, orderLines: sums and count over counted lines;
 * - demandMean, demandStdDev: mean and sample standard deviation of demand per period over every
 *   period of the data (a period without a line is 0; the first and last periods may be partial);
 * - demandCv: the coefficient of variation exactly as classifyXyz (NaN when an item has no demand or
 *   a net-negative period); adi, cv2: as classifyDemandPattern (Syntetos–Boylan);
 * - historyPeriods: periods from the item's first sale to the last period of the data, inclusive;
 * - periodsWithDemand; unitPrice = revenue ÷ quantity; unitCost = the mapped unit cost
 *   (quantity-weighted) or unitPrice × costRatio.
 */
import { classifyDemandPattern } from "../classify/demandPattern";
import { classifyXyz } from "../classify/xyz";
import type { ExceptionSettings } from "../definition/schema";
import { invalidInput } from "../errors";
import { createItemTable, type ItemTable } from "../items/itemTable";
import { type DemandPeriod, periodLabel, periodOfDay } from "../policy/periods";
import { mean, standardDeviation } from "../stats/descriptive";
import { detectExceptions, type ExceptionLine } from "./exceptions";
import {
  checkLines,
  isCounted,
  LINE_NEGATIVE_PRICE,
  LINE_NETTED_RETURN,
  LINE_NON_PRODUCT,
  LINE_RETURN,
  LINE_SALE,
  LINE_STATUS_NAMES,
  LINE_UNREADABLE,
  LINE_ZERO_PRICE,
  LINE_ZERO_QUANTITY,
  lineRevenue,
  type TransactionLines,
} from "./lines";

export interface AggregateOptions {
  period: DemandPeriod;
  returns: "exclude" | "net";
  /** True for item codes that are not products (decided once per distinct code). */
  isNonProduct: (code: string) => boolean;
  exceptions?: ExceptionSettings;
  /** Unit cost as a share of the average selling price when the lines carry no unit cost. */
  costRatio: number;
}

export interface StatusTotals {
  lines: number;
  quantity: number;
  revenue: number;
}

export interface AggregatedItems {
  table: ItemTable;
  /** Demand per period, row-major items × periodCount. */
  history: Float64Array;
  periodCount: number;
  /** Period number of the first column (see periods.ts). */
  firstPeriod: number;
  period: DemandPeriod;
  periodLabels: string[];
  /** First and last day with a readable line. */
  firstDay: number;
  lastDay: number;
  /** Per line: status code (lines.ts). */
  lineStatus: Uint8Array;
  /** Per line: item index in `table`, −1 for unreadable and non-product lines. */
  lineItem: Int32Array;
  /** Totals per status, indexed like LINE_STATUS_NAMES. */
  byStatus: StatusTotals[];
  nonProductCodes: { code: string; lines: number; quantity: number; revenue: number }[];
  exceptions: ExceptionLine[];
}

export function aggregateTransactions(lines: TransactionLines, options: AggregateOptions): AggregatedItems {
  checkLines(lines);
  if (!(options.costRatio > 0)) throw invalidInput(`costRatio must be greater than 0; got ${options.costRatio}`);
  const n = lines.count;
  const codeCount = lines.itemCodes.length;
  const nonProduct = new Uint8Array(codeCount);
  lines.itemCodes.forEach((code, k) => (nonProduct[k] = options.isNonProduct(code) ? 1 : 0));

  const status = new Uint8Array(n);
  const itemOfCode = new Int32Array(codeCount).fill(-1);
  const ids: string[] = [];
  const lineItem = new Int32Array(n).fill(-1);
  let firstDay = Infinity;
  let lastDay = -Infinity;
  for (let i = 0; i < n; i++) {
    const code = lines.item[i];
    const quantity = lines.quantity[i];
    const day = lines.day[i];
    const money = lines.price !== null ? lines.price[i] : lines.revenue![i];
    if (code < 0 || day !== day || quantity !== quantity || money !== money) {
      status[i] = LINE_UNREADABLE;
      continue;
    }
    if (day < firstDay) firstDay = day;
    if (day > lastDay) lastDay = day;
    if (nonProduct[code] === 1) {
      status[i] = LINE_NON_PRODUCT;
      continue;
    }
    if (itemOfCode[code] < 0) {
      itemOfCode[code] = ids.length;
      ids.push(lines.itemCodes[code]);
    }
    lineItem[i] = itemOfCode[code];
    if (quantity < 0) status[i] = options.returns === "net" ? LINE_NETTED_RETURN : LINE_RETURN;
    else if (quantity === 0) status[i] = LINE_ZERO_QUANTITY;
    else if (money < 0) status[i] = LINE_NEGATIVE_PRICE;
    else if (money === 0) status[i] = LINE_ZERO_PRICE;
    else status[i] = LINE_SALE;
  }
  if (firstDay === Infinity) throw invalidInput("no line could be read: check the column mapping and the date format");

  const itemCount = ids.length;
  const exceptions = options.exceptions ? detectExceptions(lines, status, lineItem, itemCount, options.exceptions) : [];

  const firstPeriod = periodOfDay(firstDay, options.period);
  const periodCount = periodOfDay(lastDay, options.period) - firstPeriod + 1;
  const history = new Float64Array(itemCount * periodCount);
  const revenue = new Float64Array(itemCount);
  const quantity = new Float64Array(itemCount);
  const orderLines = new Float64Array(itemCount);
  const firstSale = new Int32Array(itemCount).fill(periodCount);
  const costQuantity = new Float64Array(itemCount);
  const costValue = new Float64Array(itemCount);
  const byStatus: StatusTotals[] = LINE_STATUS_NAMES.map(() => ({ lines: 0, quantity: 0, revenue: 0 }));
  const nonProductTotals = new Map<number, { lines: number; quantity: number; revenue: number }>();

  for (let i = 0; i < n; i++) {
    const lineStatus = status[i];
    const totals = byStatus[lineStatus];
    totals.lines++;
    if (lineStatus === LINE_UNREADABLE) continue;
    const lineQuantity = lines.quantity[i];
    const value = lineRevenue(lines, i);
    totals.quantity += lineQuantity;
    totals.revenue += value;
    if (lineStatus === LINE_NON_PRODUCT) {
      const code = lines.item[i];
      const entry = nonProductTotals.get(code) ?? { lines: 0, quantity: 0, revenue: 0 };
      entry.lines++;
      entry.quantity += lineQuantity;
      entry.revenue += value;
      nonProductTotals.set(code, entry);
      continue;
    }
    if (!isCounted(lineStatus)) continue;
    const item = lineItem[i];
    const p = periodOfDay(lines.day[i], options.period) - firstPeriod;
    history[item * periodCount + p] += lineQuantity;
    revenue[item] += value;
    quantity[item] += lineQuantity;
    if (lineStatus === LINE_SALE) {
      orderLines[item]++;
      if (p < firstSale[item]) firstSale[item] = p;
      if (lines.unitCost) {
        const cost = lines.unitCost[i];
        if (cost === cost && cost >= 0) {
          costQuantity[item] += lineQuantity;
          costValue[item] += lineQuantity * cost;
        }
      }
    }
  }

  const xyz = classifyXyz(history, itemCount, periodCount);
  const pattern = classifyDemandPattern(history, itemCount, periodCount);
  const demandMean = new Float64Array(itemCount);
  const demandStdDev = new Float64Array(itemCount);
  const historyPeriods = new Float64Array(itemCount);
  const periodsWithDemand = new Float64Array(itemCount);
  const unitPrice = new Float64Array(itemCount);
  const unitCost = new Float64Array(itemCount);
  for (let item = 0; item < itemCount; item++) {
    const start = item * periodCount;
    demandMean[item] = mean(history, start, periodCount);
    demandStdDev[item] = standardDeviation(history, start, periodCount);
    historyPeriods[item] = firstSale[item] < periodCount ? periodCount - firstSale[item] : 0;
    let withDemand = 0;
    for (let p = 0; p < periodCount; p++) if (history[start + p] > 0) withDemand++;
    periodsWithDemand[item] = withDemand;
    unitPrice[item] = quantity[item] > 0 && revenue[item] > 0 ? revenue[item] / quantity[item] : NaN;
    unitCost[item] = costQuantity[item] > 0 ? costValue[item] / costQuantity[item] : unitPrice[item] * options.costRatio;
  }

  const table = createItemTable(ids, {
    revenue,
    quantity,
    orderLines,
    demandMean,
    demandStdDev,
    demandCv: xyz.coefficientOfVariation,
    adi: pattern.adi,
    cv2: pattern.cv2,
    historyPeriods,
    periodsWithDemand,
    unitPrice,
    unitCost,
  });
  const periodLabels = Array.from({ length: periodCount }, (_, p) => periodLabel(firstPeriod + p, options.period));
  const nonProductCodes = [...nonProductTotals.entries()]
    .map(([code, totals]) => ({ code: lines.itemCodes[code], ...totals }))
    .sort((a, b) => b.lines - a.lines);
  return {
    table,
    history,
    periodCount,
    firstPeriod,
    period: options.period,
    periodLabels,
    firstDay,
    lastDay,
    lineStatus: status,
    lineItem,
    byStatus,
    nonProductCodes,
    exceptions,
  };
}
