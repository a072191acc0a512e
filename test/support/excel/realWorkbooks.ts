/**
 * Workbooks made of the shared real data (../shared/data), holding what Excel would hold after
 * opening the CSV: numbers where a field reads as a number (so StockCode 71053 is a number and
 * 85123A a text, as in Excel), dates as date serials with a date format, blanks as blanks.
 */
import * as fs from "node:fs";
import * as zlib from "node:zlib";
import { forEachCsvRecord } from "../csv";
import { readCsvHead, sharedDataFile } from "../dataFiles";
import type { CellValue, WorkbookSpec } from "./workbookModel";

/** What Excel makes of a CSV field. */
export function asExcelCell(field: string): CellValue | null {
  const text = field.trim();
  if (text === "") return null;
  if (/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(text)) return Number(text);
  const date = /^(\d{4})-(\d{2})-(\d{2})(?: (\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(text);
  if (date) {
    const [, y, m, d, hh = "0", mm = "0", ss = "0"] = date;
    const days = (Date.UTC(+y, +m - 1, +d) - Date.UTC(1899, 11, 30)) / 86_400_000;
    return days + (+hh * 3600 + +mm * 60 + +ss) / 86_400;
  }
  return field;
}

/** The header and the first `count` lines of UCI Online Retail as Excel cells. */
export function onlineRetailRows(count: number): (CellValue | null)[][] {
  const { header, records } = readCsvHead(sharedDataFile("online-retail", "online_retail.csv.gz"), count);
  return [header, ...records.map((record) => record.map(asExcelCell))];
}

/**
 * `count` lines of UCI Online Retail spread evenly over its whole year (every k-th line), as Excel
 * cells: enough months of history for variability, patterns and readiness to mean something.
 */
export function onlineRetailSpreadRows(count: number): (CellValue | null)[][] {
  const text = zlib.gunzipSync(fs.readFileSync(sharedDataFile("online-retail", "online_retail.csv.gz"))).toString("utf8");
  let lines = 0;
  for (let at = text.indexOf("\n"); at >= 0; at = text.indexOf("\n", at + 1)) lines++;
  const stride = Math.max(1, Math.floor((lines - 1) / count));
  const rows: (CellValue | null)[][] = [];
  let index = -1;
  forEachCsvRecord(text, (fields) => {
    if (index === -1) rows.push(fields);
    else if (index % stride === 0 && rows.length <= count) rows.push(fields.map(asExcelCell));
    index++;
  });
  return rows;
}

/** The first `count` parts of the car parts demand (wide: part, then one column per month). */
export function carpartsWideRows(count: number): (CellValue | null)[][] {
  const { header, records } = readCsvHead(sharedDataFile("carparts", "carparts_wide.csv"), count);
  // Excel would turn "1998-01" headers into dates; a planner's sheet keeps them as text labels.
  return [header, ...records.map((record) => record.map(asExcelCell))];
}

/**
 * A planner's workbook: the online retail lines as the table Sales on sheet Transactions (InvoiceDate
 * formatted as a date), car parts demand on sheet Parts with the name PartsDemand, the selection on
 * the first rows of Transactions.
 */
export function plannerWorkbookSpec(retailLines: number, parts: number, options: { spread?: boolean } = {}): WorkbookSpec {
  const retail = options.spread ? onlineRetailSpreadRows(retailLines) : onlineRetailRows(retailLines);
  const carparts = carpartsWideRows(parts);
  const lastColumn = (columns: number) => String.fromCharCode(64 + columns);
  return {
    sheets: [
      { name: "Transactions", rows: retail, columnFormats: { 4: "yyyy-mm-dd hh:mm", 5: "0.00" } },
      { name: "Parts", rows: carparts },
    ],
    tables: [{ name: "Sales", sheet: "Transactions", address: `A1:${lastColumn(retail[0].length)}${retail.length}` }],
    names: [{ name: "PartsDemand", sheet: "Parts", address: `A1:AZ${carparts.length}` }],
    selection: { sheet: "Transactions", address: "A1:H20" },
  };
}
