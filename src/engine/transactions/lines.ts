/**
 * Transaction lines as typed columns: what a reader (src/cli/io) hands the engine after parsing a
 * file. One entry per data row of the file, in file order, so a row can always be reported by its
 * number. Unreadable fields are NaN (numbers, dates) or −1 (item, order): the engine decides what
 * they mean and reports them.
 */
import { invalidInput } from "../errors";

export interface TransactionLines {
  /** Number of lines. */
  readonly count: number;
  /** Distinct item codes, in order of first appearance. */
  readonly itemCodes: readonly string[];
  /** Per line: index into itemCodes; −1 when the item cell is blank. */
  readonly item: Int32Array;
  /** Per line: the row number in the source (header = 1), for reports. */
  readonly sourceRow: Int32Array;
  /** Per line: days since 1970-01-01; NaN when unreadable. */
  readonly day: Float64Array;
  readonly quantity: Float64Array;
  /** Unit price per line (`--price`); null when the file gives line revenue instead. */
  readonly price: Float64Array | null;
  /** Line revenue (`--revenue`); null when revenue = quantity × price. */
  readonly revenue: Float64Array | null;
  /** Distinct order ids and each line's order (−1 blank); absent when no order column is mapped. */
  readonly orderCodes?: readonly string[];
  readonly order?: Int32Array;
  /** Optional service columns for KPIs (NaN where blank). */
  readonly shipped?: Float64Array;
  readonly promisedDay?: Float64Array;
  readonly deliveredDay?: Float64Array;
  readonly costToServe?: Float64Array;
  /** Optional unit cost per line (NaN where blank). */
  readonly unitCost?: Float64Array;
}

/** What happened to a line, one code per line. */
export const LINE_SALE = 0;
export const LINE_UNREADABLE = 1;
export const LINE_NON_PRODUCT = 2;
export const LINE_RETURN = 3;
export const LINE_ZERO_QUANTITY = 4;
export const LINE_ZERO_PRICE = 5;
export const LINE_NEGATIVE_PRICE = 6;
export const LINE_EXCEPTION = 7;
/** A return that counts, netted against sales (`returns: "net"`). */
export const LINE_NETTED_RETURN = 8;

export const LINE_STATUS_NAMES = [
  "sale",
  "unreadable",
  "non-product code",
  "return or cancellation",
  "zero quantity",
  "zero price",
  "negative price",
  "one-off order (excluded)",
  "return netted against sales",
] as const;

/** Lines that make demand and revenue. */
export function isCounted(status: number): boolean {
  return status === LINE_SALE || status === LINE_NETTED_RETURN;
}

/** Checks every column has one entry per line. */
export function checkLines(lines: TransactionLines): void {
  const n = lines.count;
  const columns: [string, ArrayLike<number> | null | undefined][] = [
    ["item", lines.item],
    ["sourceRow", lines.sourceRow],
    ["day", lines.day],
    ["quantity", lines.quantity],
    ["price", lines.price],
    ["revenue", lines.revenue],
    ["order", lines.order],
    ["shipped", lines.shipped],
    ["promisedDay", lines.promisedDay],
    ["deliveredDay", lines.deliveredDay],
    ["costToServe", lines.costToServe],
    ["unitCost", lines.unitCost],
  ];
  for (const [name, column] of columns) {
    if (column && column.length !== n) throw invalidInput(`transaction column ${name} has ${column.length} entries for ${n} lines`);
  }
  if ((lines.price === null) === (lines.revenue === null)) {
    throw invalidInput("give either a unit price per line or a revenue per line, not both and not neither");
  }
}

/** Revenue of line i: the revenue column, or quantity × price. */
export function lineRevenue(lines: TransactionLines, i: number): number {
  return lines.revenue !== null ? lines.revenue[i] : lines.quantity[i] * lines.price![i];
}

/**
 * Whether line i can be read at all: an item, a date, a quantity and a price or revenue. The rest
 * are "unreadable" lines (aggregate.ts, rule 1).
 */
export function isLineReadable(lines: TransactionLines, i: number): boolean {
  const money = lines.price !== null ? lines.price[i] : lines.revenue![i];
  return lines.item[i] >= 0 && lines.day[i] === lines.day[i] && lines.quantity[i] === lines.quantity[i] && money === money;
}
