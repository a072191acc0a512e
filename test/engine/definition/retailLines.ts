/**
 * A real-data slice for the design tests: every `stride`-th line of UCI Online Retail
 * (../shared/data/online-retail, Chen, Sain & Guo 2012, doi:10.24432/C5BW33), so the slice spans the
 * file's whole year (2010-12 … 2011-12) with a fraction of its lines. Read here by hand into the
 * engine's transaction lines — StockCode trimmed, InvoiceDate's calendar day, Quantity, UnitPrice —
 * independently of the command line's and the pane's readers.
 */
import { forEachCsvRecord, readCsvText } from "../../support/csv";
import { sharedDataFile } from "../../support/dataFiles";
import type { TransactionLines } from "../../../src/engine/transactions/lines";

const cache = new Map<number, TransactionLines>();

export function retailLines(stride: number): TransactionLines {
  const cached = cache.get(stride);
  if (cached) return cached;
  const text = readCsvText(sharedDataFile("online-retail", "online_retail.csv.gz"));
  const itemCodes: string[] = [];
  const codeOf = new Map<string, number>();
  const item: number[] = [];
  const sourceRow: number[] = [];
  const day: number[] = [];
  const quantity: number[] = [];
  const price: number[] = [];
  forEachCsvRecord(text, (fields, index) => {
    if (index === 0 || (index - 1) % stride !== 0) return;
    // InvoiceNo, StockCode, Description, Quantity, InvoiceDate, UnitPrice, CustomerID, Country
    const code = fields[1].trim();
    let k = codeOf.get(code);
    if (k === undefined) {
      k = itemCodes.length;
      codeOf.set(code, k);
      itemCodes.push(code);
    }
    const [y, m, d] = fields[4].slice(0, 10).split("-").map(Number);
    item.push(code === "" ? -1 : k);
    sourceRow.push(index + 1);
    day.push(Date.UTC(y, m - 1, d) / 86_400_000);
    quantity.push(Number(fields[3]));
    price.push(Number(fields[5]));
  });
  const lines: TransactionLines = {
    count: item.length,
    itemCodes,
    item: Int32Array.from(item),
    sourceRow: Int32Array.from(sourceRow),
    day: Float64Array.from(day),
    quantity: Float64Array.from(quantity),
    price: Float64Array.from(price),
    revenue: null,
  };
  cache.set(stride, lines);
  return lines;
}
