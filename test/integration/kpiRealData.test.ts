/**
 * KPIs on real shipment data: USAID SCMS delivery history (../shared/data/scms-shipment-pricing),
 * 10,324 lines with scheduled and delivered dates written "2-Jun-06". Its SOURCE.md (checked there
 * with DuckDB) counts 1,186 lines delivered after the scheduled date, so on-time delivery over every
 * line is (10,324 − 1,186) / 10,324. Read with the command line's reader and measured by the engine.
 */
import { measureSegments } from "../../src/engine/kpi/measure";
import type { PolicyColumns } from "../../src/engine/policy/applyPolicies";
import { LINE_SALE } from "../../src/engine/transactions/lines";
import { readTransactions } from "../../src/cli/io/transactionsReader";
import { sharedDataFile } from "../support/dataFiles";

test("on-time delivery over all 10,324 lines matches SOURCE.md's 1,186 late lines", async () => {
  const { lines, dataRows } = await readTransactions(sharedDataFile("scms-shipment-pricing", "SCMS_Delivery_History_Dataset.csv"), {
    mapping: {
      item: "Item Description",
      date: "Scheduled Delivery Date",
      quantity: "Line Item Quantity",
      revenue: "Line Item Value",
      promisedDate: "Scheduled Delivery Date",
      deliveredDate: "Delivered to Client Date",
    },
    dateFormat: "auto",
  });
  expect(dataRows).toBe(10324);
  const items = lines.itemCodes.length;
  const [one, all] = measureSegments({
    lines,
    lineStatus: new Uint8Array(lines.count).fill(LINE_SALE), // every line counts here, as in SOURCE.md
    lineItem: lines.item,
    segmentIndex: new Int32Array(items),
    segmentCount: 1,
    policy: { inventoryValue: new Float64Array(items), annualDemand: new Float64Array(items), expectedFillRate: new Float64Array(items).fill(NaN) } as PolicyColumns,
    demandMean: new Float64Array(items),
    unitCost: new Float64Array(items),
    itemRevenue: new Float64Array(items),
  });
  expect(all.datedLines).toBe(10324);
  expect(all.datedLines - all.onTimeLines).toBe(1186);
  expect(one.onTimeLines / one.datedLines).toBeCloseTo((10324 - 1186) / 10324, 12);
});
