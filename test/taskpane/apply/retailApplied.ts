/**
 * A real ApplyResult for the pane's tests: the lines of the first `itemCount` product codes of UCI
 * Online Retail (Chen, Sain & Guo 2012, doi:10.24432/C5BW33; ../shared/data/online-retail), over the
 * whole year of the file, designed as `supply-segments design --method abc-xyz` designs (monthly
 * demand, the one-off rule, ABC on revenue × XYZ on demand CoV) and applied with the engine's
 * applyDefinition. Built once per test file.
 */
import { applyDefinition, type ApplyResult } from "../../../src/engine/apply/applyDefinition";
import { DESIGN_EXCEPTIONS, designAbcXyz } from "../../../src/engine/definition/design";
import type { SegmentDefinition } from "../../../src/engine/definition/schema";
import { daysFromCivil } from "../../../src/engine/policy/periods";
import { DEFAULT_THRESHOLDS } from "../../../src/engine/readiness/readiness";
import { aggregateTransactions } from "../../../src/engine/transactions/aggregate";
import type { TransactionLines } from "../../../src/engine/transactions/lines";
import { columnIndexes, forEachCsvRecord, readCsvText } from "../../support/csv";
import { sharedDataFile } from "../../support/dataFiles";

export interface RetailApplied {
  definition: SegmentDefinition;
  applied: ApplyResult;
  lines: TransactionLines;
}

const rules = { returns: "exclude" as const, isNonProduct: (code: string) => !/\d/.test(code) };

/** "2010-12-01 08:26:00" → days since 1970-01-01 (the time of day does not matter for monthly demand). */
function dayOf(text: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(text);
  return match ? daysFromCivil(Number(match[1]), Number(match[2]), Number(match[3])) : NaN;
}

function readSlice(itemCount: number): TransactionLines {
  const text = readCsvText(sharedDataFile("online-retail", "online_retail.csv.gz"));
  let columns: Record<"StockCode" | "InvoiceDate" | "Quantity" | "UnitPrice", number> | undefined;
  const codes = new Map<string, number>();
  const item: number[] = [];
  const sourceRow: number[] = [];
  const day: number[] = [];
  const quantity: number[] = [];
  const price: number[] = [];
  forEachCsvRecord(text, (fields, index) => {
    if (!columns) {
      columns = columnIndexes(fields, ["StockCode", "InvoiceDate", "Quantity", "UnitPrice"]);
      return;
    }
    const code = fields[columns.StockCode].trim();
    let k = codes.get(code);
    if (k === undefined) {
      if (codes.size >= itemCount || rules.isNonProduct(code)) return;
      k = codes.size;
      codes.set(code, k);
    }
    item.push(k);
    sourceRow.push(index + 1);
    day.push(dayOf(fields[columns.InvoiceDate]));
    quantity.push(Number(fields[columns.Quantity]));
    price.push(Number(fields[columns.UnitPrice]));
  });
  return {
    count: item.length,
    itemCodes: [...codes.keys()],
    item: Int32Array.from(item),
    sourceRow: Int32Array.from(sourceRow),
    day: Float64Array.from(day),
    quantity: Float64Array.from(quantity),
    price: Float64Array.from(price),
    revenue: null,
  };
}

const cache = new Map<number, RetailApplied>();

export function retailApplied(itemCount = 150): RetailApplied {
  const cached = cache.get(itemCount);
  if (cached) return cached;
  const lines = readSlice(itemCount);
  const design = aggregateTransactions(lines, { ...rules, period: "month", exceptions: { ...DESIGN_EXCEPTIONS }, costRatio: 1 });
  const definition = designAbcXyz(design.table, {
    id: "retail-slice",
    name: "Retail",
    author: "test",
    dataSource: "online_retail.csv.gz",
    rowCount: lines.count,
    createdAt: "2012-01-01T00:00:00Z",
    period: "month",
  });
  const applied = applyDefinition(definition, lines, { ...rules, thresholds: DEFAULT_THRESHOLDS, columns: [] });
  const result = { definition, applied, lines };
  cache.set(itemCount, result);
  return result;
}
