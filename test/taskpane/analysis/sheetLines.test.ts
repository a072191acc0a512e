/**
 * The chosen sheet data as transaction lines: Excel serial dates and dates stored as text, how the
 * pane's roles map to the lines, and — on real data — the same lines, column completeness and
 * readiness as the command line reading the same records from a CSV file.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { main } from "../../../src/cli/main";
import { readTransactions } from "../../../src/cli/io/transactionsReader";
import { excelSerialDay, parseDay } from "../../../src/engine/data/cellParsing";
import { daysFromCivil } from "../../../src/engine/policy/periods";
import { DEFAULT_THRESHOLDS } from "../../../src/engine/readiness/readiness";
import { ColumnBuilder } from "../../../src/excel/columns";
import type { SheetData } from "../../../src/excel/reader";
import { checkReadiness } from "../../../src/taskpane/analysis/readiness";
import { dataRowOf, firstDataRowNumber, linesFromSheet, missingRolesMessage } from "../../../src/taskpane/analysis/sheetLines";
import { createExcelGateway } from "../../../src/taskpane/workbook/excelGateway";
import { installExcelMock } from "../../support/excel/excelMock";
import { installOfficeMock } from "../../support/excel/officeMock";
import { retailSample, sampleWorkbook, writeCsv } from "./retailSample";

/** Day number of a civil date, by JavaScript's own calendar (independent of the engine's daysFromCivil). */
const utcDay = (year: number, month: number, day: number) => Date.UTC(year, month - 1, day) / 86_400_000;

/** A SheetData built the way the reader builds it: cells in, columns out. */
function sheet(headers: string[], rows: unknown[][], formats: string[] = [], address?: string): SheetData {
  const columns = headers.map((header, c) => {
    const builder = new ColumnBuilder(header, rows.length, formats[c] ?? "General");
    builder.take(rows, c, 0);
    return builder.finish();
  });
  return {
    source: { kind: "table", name: "Sales" },
    sheetName: "Sheet1",
    address: address ?? `Sheet1!A1:${String.fromCharCode(64 + headers.length)}${rows.length + 1}`,
    headers,
    rowCount: rows.length,
    columns,
  };
}

describe("Excel serial dates", () => {
  it("counts from 1900-01-01 = 1, with Excel's phantom 29 February 1900", () => {
    // Microsoft, "DATEVALUE function": "January 1, 2008 is serial number 39448"; 1900-01-01 is serial 1.
    expect(excelSerialDay(39448)).toEqual({ ok: true, value: utcDay(2008, 1, 1) });
    expect(excelSerialDay(1)).toEqual({ ok: true, value: utcDay(1900, 1, 1) });
    expect(excelSerialDay(25569)).toEqual({ ok: true, value: 0 }); // 1970-01-01
    expect(excelSerialDay(40886.5347)).toEqual({ ok: true, value: utcDay(2011, 12, 9) }); // 2011-12-09 12:50: the time is dropped
    // Excel counts 1900 as a leap year (Microsoft, "Excel incorrectly assumes that the year 1900 is a leap year"):
    // 59 is 28 February, 60 the day that never was, 61 is 1 March.
    expect(excelSerialDay(59)).toEqual({ ok: true, value: utcDay(1900, 2, 28) });
    expect(excelSerialDay(60).ok).toBe(false);
    expect(excelSerialDay(61)).toEqual({ ok: true, value: utcDay(1900, 3, 1) });
    expect(excelSerialDay(2_958_465)).toEqual({ ok: true, value: utcDay(9999, 12, 31) }); // Excel's last date
    expect(excelSerialDay(2_958_466)).toEqual({ ok: false, reason: "2958466 is not a date" });
    expect(excelSerialDay(0)).toEqual({ ok: false, reason: "0 is not a date" });
    expect(excelSerialDay(-3).ok).toBe(false);
  });

  it("are read from a date-formatted column of the sheet, and numbers stored as text are not dates", () => {
    const data = sheet(
      ["Item", "Date", "Qty", "Price"],
      [
        ["A1", 40886.5347, 2, 1.5],
        ["A1", 39448, 1, 1.5],
        ["A1", "40886", 1, 1.5],
        ["A1", 60, 1, 1.5],
      ],
      ["General", "m/d/yyyy h:mm", "General", "General"],
    );
    expect(data.columns[1].isDate).toBe(true);
    const { lines, columns } = linesFromSheet(data, { itemId: 0, date: 1, quantity: 2, price: 3 });
    expect(Array.from(lines.day)).toEqual([utcDay(2011, 12, 9), utcDay(2008, 1, 1), NaN, NaN]);
    expect(columns.find((column) => column.role === "date")!.problems).toEqual([
      { row: 4, column: "Date", value: "40886", reason: '"40886" is not a date (expected YYYY-MM-DD)' },
      { row: 5, column: "Date", value: "60", reason: "60 is 29 February 1900, a day Excel counts but the calendar does not have" },
    ]);
  });
});

describe("dates stored as text", () => {
  it("read ISO and named months; slashed dates are ambiguous and say what to do", () => {
    const data = sheet(
      ["Item", "Date", "Qty", "Price"],
      [
        ["A1", "2011-12-09 12:50", 1, 1],
        ["A1", "9-Dec-2011", 1, 1],
        ["A1", "12/1/2010", 1, 1],
        ["A1", "", 1, 1],
        ["A1", "2011-02-30", 1, 1],
        ["A1", 40886, 1, 1], // a real date cell among the text ones
      ],
    );
    const { lines, columns } = linesFromSheet(data, { itemId: 0, date: 1, quantity: 2, price: 3 });
    const day = daysFromCivil(2011, 12, 9);
    expect(day).toBe(utcDay(2011, 12, 9));
    expect(Array.from(lines.day)).toEqual([day, day, NaN, NaN, NaN, day]);
    expect(columns.find((column) => column.role === "date")!.problems.map((problem) => [problem.row, problem.reason])).toEqual([
      [4, '"12/1/2010" is ambiguous (day/month or month/day?): enter the dates as Excel dates or as YYYY-MM-DD'],
      [5, "blank"],
      [6, '"2011-02-30" is not a real date'],
    ]);
    // The same rules as the command line's, which names its own option for slashed dates.
    expect(parseDay("12/1/2010", "dmy")).toEqual({ ok: true, value: utcDay(2010, 1, 12) });
  });
});

describe("roles to lines", () => {
  const headers = ["SKU", "Order", "When", "Units", "Unit price", "Line value", "Freight cost", "Lead time"];
  const rows = [
    ["A1", "O1", "2024-01-05", 2, 10, 20, 1.5, 7],
    [null, null, null, null, null, null, null, null],
    ["B2", "O1", "2024-01-06", 3, 4, 12, "n/a", 9],
    [71053, "O2", "2024-02-01", -1, 10, -10, 0.5, "x"],
  ];

  it("uses Revenue over Unit price, reads a freight cost as cost to serve, reports lead time, skips blank rows", () => {
    const data = sheet(headers, rows);
    const result = linesFromSheet(data, { itemId: 0, orderId: 1, date: 2, quantity: 3, price: 4, revenue: 5, cost: 6, leadTime: 7 });
    const { lines } = result;
    expect(lines.count).toBe(3);
    expect(lines.itemCodes).toEqual(["A1", "B2", "71053"]);
    expect(Array.from(lines.sourceRow)).toEqual([2, 4, 5]); // the blank sheet row 3 is skipped
    expect(lines.price).toBeNull();
    expect(Array.from(lines.revenue!)).toEqual([20, 12, -10]);
    expect(lines.orderCodes).toEqual(["O1", "O2"]);
    expect(Array.from(lines.costToServe!)).toEqual([1.5, NaN, 0.5]);
    expect(lines.unitCost).toBeUndefined();
    expect(result.columns.map((column) => [column.role, column.header, column.required, column.readable])).toEqual([
      ["item", "SKU", true, 3],
      ["date", "When", true, 3],
      ["quantity", "Units", true, 3],
      ["revenue", "Line value", true, 3],
      ["order", "Order", false, 3],
      ["costToServe", "Freight cost", false, 2],
      ["leadTime", "Lead time", false, 2],
    ]);
    expect(result.problems).toEqual([]);
  });

  it("reads a plain cost as unit cost unless told otherwise, and prices without revenue", () => {
    const data = sheet(["SKU", "When", "Units", "Price", "Cost"], [["A1", "2024-01-05", 2, 10, 6]]);
    const roles = { itemId: 0, date: 1, quantity: 2, price: 3, cost: 4 };
    expect(linesFromSheet(data, roles).lines.unitCost).toEqual(Float64Array.of(6));
    expect(linesFromSheet(data, roles, { cost: "costToServe" }).lines.costToServe).toEqual(Float64Array.of(6));
    expect(linesFromSheet(data, roles).lines.price).toEqual(Float64Array.of(10));
  });

  it("says which roles are still to map, and flags a required column most rows can't be read from", () => {
    expect(missingRolesMessage({ itemId: 0, quantity: 2 }, "check readiness")).toBe("Map Date and Revenue or Unit price in Columns to check readiness.");
    expect(() => linesFromSheet(sheet(headers, rows), { itemId: 0, quantity: 3 })).toThrow("Map Date and Revenue or Unit price in Columns to read the lines.");
    const wrong = linesFromSheet(sheet(headers, rows), { itemId: 0, date: 1, quantity: 3, price: 4 });
    expect(wrong.problems).toEqual([
      {
        role: "date",
        message: 'Only 0 of 3 rows of Order (Date) can be read (row 2: "O1" is not a date (expected YYYY-MM-DD)): check that the right column is mapped to Date.',
      },
    ]);
  });

  it("numbers rows as the sheet does, with or without the header in the block read", () => {
    expect(firstDataRowNumber({ address: "Transactions!A2:H301", rowCount: 300 })).toBe(2); // a table's data body
    expect(firstDataRowNumber({ address: "'My data'!C5:F20", rowCount: 15 })).toBe(6); // a range with its header row
    expect(firstDataRowNumber({ address: "Sheet1!B7:D9", rowCount: 3 })).toBe(7); // a range without a header
    const data = sheet(["SKU", "When", "Units", "Price"], [["A1", "2024-01-05", 2, 10]], [], "Sheet1!C5:F6");
    const result = linesFromSheet(data, { itemId: 0, date: 1, quantity: 2, price: 3 });
    expect(Array.from(result.lines.sourceRow)).toEqual([6]);
    expect(dataRowOf(result, 6)).toBe(0);
  });
});

describe("the pane reads a sheet as the command line reads the CSV it came from (Online Retail)", () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "sheet-lines-"));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  // Every 108th line of the year: 5,000 lines from December 2010 to December 2011, plus some cells no reader can use.
  const sample = retailSample(108, 5000);
  const at = (header: string) => sample.header.indexOf(header);
  sample.records[9][at("Quantity")] = "x";
  sample.records[19][at("StockCode")] = "";
  sample.records[29] = sample.records[29].map(() => "");
  sample.records[39][at("InvoiceDate")] = "Date Not Captured";
  sample.records[49][at("UnitPrice")] = "1,234";
  const mapping = ["--item", "StockCode", "--date", "InvoiceDate", "--quantity", "Quantity", "--price", "UnitPrice", "--order", "InvoiceNo"];

  async function readBothWays() {
    const file = writeCsv(path.join(dir, "retail.csv"), sample);
    const cli = await readTransactions(file, {
      mapping: { item: "StockCode", date: "InvoiceDate", quantity: "Quantity", price: "UnitPrice", order: "InvoiceNo" },
      dateFormat: "auto",
    });
    const model = sampleWorkbook(sample);
    installExcelMock(model);
    installOfficeMock(model);
    const data = await createExcelGateway().readSource({ kind: "table", name: "Sales" });
    const column = (name: string) => data.headers.indexOf(name);
    const roles = { itemId: column("StockCode"), date: column("InvoiceDate"), quantity: column("Quantity"), price: column("UnitPrice"), orderId: column("InvoiceNo") };
    return { file, cli, data, roles, pane: linesFromSheet(data, roles) };
  }

  it("gives identical lines, unreadable fields and column completeness", async () => {
    const { cli, data, pane } = await readBothWays();
    expect(data.rowCount).toBe(5000);
    expect(data.columns[data.headers.indexOf("InvoiceDate")].isDate).toBe(true);
    expect(cli.dataRows).toBe(4999); // the blank row is skipped both ways
    expect(pane.lines).toEqual(cli.lines);
    expect(pane.columns).toEqual(cli.columns);
    expect(pane.problems).toEqual([]);
    expect(pane.columns.find((c) => c.role === "quantity")!.problems).toEqual([{ row: 11, column: "Quantity", value: "x", reason: '"x" is not a number' }]);
    // Independently of both readers: the distinct stock codes of the sample, in order of first appearance.
    const codes = [...new Set(sample.records.map((record) => record[1].trim()).filter((code) => code !== ""))];
    expect(pane.lines.itemCodes).toEqual(codes);
  });

  it("gives the readiness report `supply-segments readiness` prints", async () => {
    const { file, data, roles } = await readBothWays();
    const output: string[] = [];
    const write = jest.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
      output.push(String(chunk));
      return true;
    });
    let status: number;
    try {
      status = await main(["node", "supply-segments", "readiness", file, ...mapping]);
    } finally {
      write.mockRestore();
      process.exitCode = undefined;
    }
    const printed = output.join("").trimEnd().split("\n");

    const run = await checkReadiness({ workbook: null, engine: null }, { data, roles }, DEFAULT_THRESHOLDS);
    const { report } = run.output;
    const pane = [
      `${file}: ${run.sheet.lines.count.toLocaleString("en-US")} rows, ${run.output.itemCount.toLocaleString("en-US")} items, ${run.output.periodCount} months`,
      ...report.checks.map(
        (check) => `  ${check.passed ? "pass" : "FAIL"}  ${check.check}: ${(check.value * 100).toFixed(1)}% (threshold ${(check.threshold * 100).toFixed(1)}%): ${check.detail}`,
      ),
      report.passed ? "READY" : "NOT READY",
    ];
    expect(pane).toEqual(printed);
    expect(status).toBe(2);
    // The months from the sample's first to its last date, read off the CSV text.
    const dates = sample.records.map((record) => record[at("InvoiceDate")]).filter((text) => /^\d{4}-\d{2}/.test(text));
    const month = (text: string) => Number(text.slice(0, 4)) * 12 + Number(text.slice(5, 7));
    expect(dates[0].slice(0, 7)).toBe("2010-12");
    expect(dates[dates.length - 1].slice(0, 7)).toBe("2011-12");
    expect(run.output.periodCount).toBe(month(dates[dates.length - 1]) - month(dates[0]) + 1);
    expect(report.passed).toBe(false);
  });
});
