/**
 * Recency, frequency and monetary value (RFM) per customer from the UCI "Online Retail" file
 * (../shared/data/online-retail), for the clustering integration test and `npm run bench:cluster`.
 *
 * Rules (scripts/reference/cluster_sklearn.py implements the same ones separately):
 * - Lines counted: a CustomerID is present, InvoiceNo does not start with "C" (a cancellation),
 *   Quantity > 0 and UnitPrice > 0. 397,884 lines; 4,338 customers, in order of first appearance.
 * - Reference day: the day after the last invoice in the file (2011-12-10, from 2011-12-09 12:50).
 * - Recency: whole days from the customer's last purchase day to the reference day (≥ 1).
 * - Frequency: distinct InvoiceNo.
 * - Monetary: Σ Quantity × UnitPrice, summed exactly in thousandths of a pound (prices have at most
 *   three decimals) and divided once at the end.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { columnIndexes, forEachCsvRecord, readCsvText } from "./csv";

export const ONLINE_RETAIL = path.resolve(__dirname, "../../../shared/data/online-retail/online_retail.csv.gz");

export interface RfmTable {
  customers: string[];
  /** customers × 3, row-major: recency (days), frequency (invoices), monetary (£). */
  values: Float64Array;
  lines: number;
  referenceDay: string;
}

const DAY_MS = 86_400_000;

function dayNumber(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS;
}

export function readOnlineRetailRfm(file: string = ONLINE_RETAIL): RfmTable {
  if (!fs.existsSync(file)) {
    throw new Error(`Real-data file not found: ${file}. Clone the shared data folder beside the repository (<repo>/../shared/data).`);
  }
  const text = readCsvText(file);
  let column: Record<"InvoiceNo" | "Quantity" | "InvoiceDate" | "UnitPrice" | "CustomerID", number> | undefined;
  const customerOf = new Map<string, number>();
  const customers: string[] = [];
  const lastDay: number[] = [];
  const invoices: Set<string>[] = [];
  const monetaryMilli: number[] = [];
  let lastDayInFile = -Infinity;
  let lines = 0;
  forEachCsvRecord(text, (fields, recordIndex) => {
    if (column === undefined) {
      column = columnIndexes(fields, ["InvoiceNo", "Quantity", "InvoiceDate", "UnitPrice", "CustomerID"]);
      return;
    }
    const day = dayNumber(fields[column.InvoiceDate]);
    if (!Number.isInteger(day)) throw new Error(`online_retail.csv.gz record ${recordIndex + 1}: bad InvoiceDate`);
    if (day > lastDayInFile) lastDayInFile = day;
    const customer = fields[column.CustomerID];
    const invoice = fields[column.InvoiceNo];
    const quantity = Number(fields[column.Quantity]);
    const priceMilli = Math.round(Number(fields[column.UnitPrice]) * 1000);
    if (customer === "" || invoice.startsWith("C") || !(quantity > 0) || !(priceMilli > 0)) return;
    lines++;
    let index = customerOf.get(customer);
    if (index === undefined) {
      index = customers.length;
      customerOf.set(customer, index);
      customers.push(customer);
      lastDay.push(day);
      invoices.push(new Set());
      monetaryMilli.push(0);
    }
    if (day > lastDay[index]) lastDay[index] = day;
    invoices[index].add(invoice);
    monetaryMilli[index] += quantity * priceMilli; // integers far below 2^53: exact
  });
  const referenceDay = lastDayInFile + 1;
  const values = new Float64Array(customers.length * 3);
  for (let c = 0; c < customers.length; c++) {
    values[c * 3] = referenceDay - lastDay[c];
    values[c * 3 + 1] = invoices[c].size;
    values[c * 3 + 2] = monetaryMilli[c] / 1000;
  }
  return { customers, values, lines, referenceDay: new Date(referenceDay * DAY_MS).toISOString().slice(0, 10) };
}
