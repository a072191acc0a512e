/**
 * The chosen data for the Design view's tests: every `stride`-th line of UCI Online Retail
 * (../shared/data/online-retail; Chen, Sain & Guo 2012, doi:10.24432/C5BW33) as the workbook reader
 * would hold it after Excel opened the CSV — numbers as numbers, InvoiceDate as date serials with a
 * date format — so the slice spans the file's whole year with a fraction of its rows.
 */
import { ColumnBuilder } from "../../../../src/excel/columns";
import type { SheetData } from "../../../../src/excel/reader";
import type { ChosenData } from "../../../../src/taskpane/dataset";
import { forEachCsvRecord, readCsvText } from "../../../support/csv";
import { sharedDataFile } from "../../../support/dataFiles";
import { asExcelCell } from "../../../support/excel/realWorkbooks";

const FORMATS: Record<number, string> = { 4: "yyyy-mm-dd hh:mm", 5: "0.00" };

export function retailSheet(stride: number): SheetData {
  const text = readCsvText(sharedDataFile("online-retail", "online_retail.csv.gz"));
  let header: string[] = [];
  const rows: unknown[][] = [];
  forEachCsvRecord(text, (fields, index) => {
    if (index === 0) header = fields;
    else if ((index - 1) % stride === 0) rows.push(fields.map(asExcelCell));
  });
  const columns = header.map((name, c) => {
    const builder = new ColumnBuilder(name, rows.length, FORMATS[c] ?? "General");
    builder.take(rows, c, 0);
    return builder.finish();
  });
  return {
    source: { kind: "table", name: "Sales" },
    sheetName: "Transactions",
    address: `Transactions!A1:H${rows.length + 1}`,
    headers: header,
    rowCount: rows.length,
    columns,
  };
}

/** InvoiceNo, StockCode, Description, Quantity, InvoiceDate, UnitPrice, CustomerID, Country, mapped as the Data view guesses them. */
export function retailChoice(stride: number): ChosenData {
  return {
    data: retailSheet(stride),
    roles: { orderId: 0, itemId: 1, description: 2, quantity: 3, date: 4, price: 5, customerId: 6, location: 7 },
  };
}
