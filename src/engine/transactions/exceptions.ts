/**
 * One-off orders: a single order line that is a large share of its item's sales would distort the
 * item's classification (one customer's bulk order makes a C item look like an A, and its demand
 * look erratic). The rule, as the definition's `exceptions` states it:
 *
 *   a sales line is a one-off when its item has at least `minLines` sales lines and the line's
 *   quantity is more than `maxLineShare` of the item's total sales quantity (the line included).
 *
 * Every one-off is reported; with `action: "exclude"` it is also taken out of the item's demand and
 * revenue before classification, with `"keep"` it stays in.
 */
import type { ExceptionSettings } from "../definition/schema";
import { LINE_EXCEPTION, LINE_SALE, type TransactionLines } from "./lines";

export interface ExceptionLine {
  /** Line index in the transactions. */
  line: number;
  /** Item index in the aggregated table. */
  item: number;
  quantity: number;
  /** Line quantity ÷ the item's total sales quantity. */
  share: number;
  /** Sales lines of the item. */
  itemLines: number;
  excluded: boolean;
}

/**
 * Finds the one-offs among lines with status LINE_SALE and, when the action is "exclude", marks
 * them LINE_EXCEPTION in `status`.
 */
export function detectExceptions(
  lines: TransactionLines,
  status: Uint8Array,
  lineItem: Int32Array,
  itemCount: number,
  settings: ExceptionSettings,
): ExceptionLine[] {
  const total = new Float64Array(itemCount);
  const count = new Int32Array(itemCount);
  for (let i = 0; i < lines.count; i++) {
    if (status[i] !== LINE_SALE) continue;
    total[lineItem[i]] += lines.quantity[i];
    count[lineItem[i]]++;
  }
  const found: ExceptionLine[] = [];
  const exclude = settings.action === "exclude";
  for (let i = 0; i < lines.count; i++) {
    if (status[i] !== LINE_SALE) continue;
    const item = lineItem[i];
    if (count[item] < settings.minLines) continue;
    const share = lines.quantity[i] / total[item];
    if (share > settings.maxLineShare) {
      found.push({ line: i, item, quantity: lines.quantity[i], share, itemLines: count[item], excluded: exclude });
    }
  }
  if (exclude) for (const exception of found) status[exception.line] = LINE_EXCEPTION;
  return found;
}
