/**
 * A sample of UCI Online Retail (Chen, Sain & Guo 2012; ../shared/data/online-retail/SOURCE.md)
 * spanning its whole year: every Nth line, so items have months of history. The same records go to a
 * CSV file for the command line and to a workbook (as Excel holds them) for the pane.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { forEachCsvRecord, readCsvText } from "../../support/csv";
import { sharedDataFile } from "../../support/dataFiles";
import { asExcelCell } from "../../support/excel/realWorkbooks";
import { blockAddress, modelFromSpec, type WorkbookModel } from "../../support/excel/workbookModel";

export interface RetailSample {
  header: string[];
  records: string[][];
}

let wholeFile: string[][] | null = null;

/** Every `every`th record of the file (the first included), at most `limit` of them. */
export function retailSample(every: number, limit: number): RetailSample {
  if (!wholeFile) {
    const records: string[][] = [];
    forEachCsvRecord(readCsvText(sharedDataFile("online-retail", "online_retail.csv.gz")), (fields) => records.push(fields));
    wholeFile = records;
  }
  const [header, ...rest] = wholeFile;
  const records: string[][] = [];
  for (let i = 0; i < rest.length && records.length < limit; i += every) records.push(rest[i].slice());
  return { header: header.slice(), records };
}

function csvField(field: string): string {
  return /[",\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}

export function writeCsv(file: string, sample: RetailSample): string {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, [sample.header, ...sample.records].map((record) => record.map(csvField).join(",")).join("\n") + "\n");
  return file;
}

/** The sample as the table Sales on sheet Transactions from A1, InvoiceDate formatted as a date. */
export function sampleWorkbook(sample: RetailSample): WorkbookModel {
  const rows = [sample.header, ...sample.records.map((record) => record.map(asExcelCell))];
  const dateColumn = sample.header.indexOf("InvoiceDate");
  return modelFromSpec({
    sheets: [{ name: "Transactions", rows, columnFormats: { [dateColumn]: "yyyy-mm-dd hh:mm" } }],
    tables: [{ name: "Sales", sheet: "Transactions", address: blockAddress({ top: 0, left: 0, rows: rows.length, columns: sample.header.length }) }],
  });
}
