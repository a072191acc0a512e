import ExcelJS from "exceljs";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { CliError } from "../../../src/cli/errors";
import { readTransactions } from "../../../src/cli/io/transactionsReader";
import { daysFromCivil } from "../../../src/engine/policy/periods";

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "tx-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const CSV = [
  "Invoice,StockCode,Quantity,InvoiceDate,Price",
  "536365,85123A,6,2010-12-01 08:26:00,2.55",
  "536365, 71053 ,6,2010-12-01 08:26:00,3.39",
  "C536379,85123A,-1,2010-12-01 09:41:00,2.55",
  ",,,,",
  "536380,22423,x,2010-12-01 09:41:00,12.75",
  "536381,,2,2010-12-02,1",
].join("\n");
const mapping = { item: "StockCode", date: "InvoiceDate", quantity: "Quantity", price: "Price", order: "Invoice" };

function write(name: string, text: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
}

test("reads mapped columns into typed lines, keeping row numbers and the reason for every unreadable field", async () => {
  const result = await readTransactions(write("a.csv", CSV), { mapping, dateFormat: "auto" });
  expect(result.dataRows).toBe(5); // the blank row is skipped
  const { lines } = result;
  expect(lines.itemCodes).toEqual(["85123A", "71053", "22423"]);
  expect(Array.from(lines.item)).toEqual([0, 1, 0, 2, -1]);
  expect(Array.from(lines.sourceRow)).toEqual([2, 3, 4, 6, 7]);
  expect(Array.from(lines.quantity)).toEqual([6, 6, -1, NaN, 2]);
  expect(Array.from(lines.day)).toEqual([...Array(4).fill(daysFromCivil(2010, 12, 1)), daysFromCivil(2010, 12, 2)]);
  expect(lines.orderCodes).toEqual(["536365", "C536379", "536380", "536381"]);
  expect(lines.revenue).toBeNull();
  const quantity = result.columns.find((c) => c.role === "quantity")!;
  expect(quantity).toMatchObject({ header: "Quantity", required: true, rows: 5, readable: 4, problemCount: 1 });
  expect(quantity.problems).toEqual([{ row: 6, column: "Quantity", value: "x", reason: '"x" is not a number' }]);
  expect(result.columns.find((c) => c.role === "item")!.problems).toEqual([{ row: 7, column: "StockCode", value: "", reason: "blank" }]);
});

test("matches headers ignoring case when that is unambiguous", async () => {
  const result = await readTransactions(write("b.csv", CSV), { mapping: { ...mapping, item: "stockcode" }, dateFormat: "auto" });
  expect(result.columns[0].header).toBe("StockCode");
});

async function failure(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(CliError);
    return (error as Error).message;
  }
  throw new Error("expected a CliError");
}

test("a bad mapping stops the run with one line saying why", async () => {
  const file = write("c.csv", CSV);
  expect(await failure(readTransactions(file, { mapping: { ...mapping, quantity: "Qty" }, dateFormat: "auto" }))).toBe(
    'column "Qty" (--quantity) is not in the header of c.csv; its columns are "Invoice", "StockCode", "Quantity", "InvoiceDate", "Price"',
  );
  expect(await failure(readTransactions(file, { mapping: { ...mapping, quantity: "StockCode" }, dateFormat: "auto" }))).toBe(
    'column "StockCode" (--quantity) can be read in only 2 of 5 rows (row 2: "85123A" is not a number); check the mapping',
  );
  expect(await failure(readTransactions(file, { mapping: { ...mapping, price: undefined }, dateFormat: "auto" }))).toBe(
    "give --price COLUMN (unit price per line) or --revenue COLUMN (revenue per line)",
  );
  expect(await failure(readTransactions(write("d.json", "{}"), { mapping, dateFormat: "auto" }))).toBe(
    "d.json: unsupported file type; give a .csv, .csv.gz or .xlsx file",
  );
  expect(await failure(readTransactions(write("e.csv", ""), { mapping, dateFormat: "auto" }))).toBe("e.csv is empty: expected a header row and data rows");
  expect(await failure(readTransactions(write("f.xlsx", "not a zip"), { mapping, dateFormat: "auto" }))).toMatch(/^f\.xlsx could not be read as an \.xlsx workbook: /);
});

test("slashed dates without a date format: the bad-mapping message says to set one", async () => {
  const file = write("g.csv", "item,date,qty,price\nA1,12/1/2010,1,2\nA1,12/2/2010,1,2\n");
  expect(await failure(readTransactions(file, { mapping: { item: "item", date: "date", quantity: "qty", price: "price" }, dateFormat: "auto" }))).toBe(
    'column "date" (--date) can be read in only 0 of 2 rows (row 2: "12/1/2010" is ambiguous (day/month or month/day?): pass --date-format dmy or mdy); check the mapping',
  );
  const read = await readTransactions(file, { mapping: { item: "item", date: "date", quantity: "qty", price: "price" }, dateFormat: "mdy" });
  expect(Array.from(read.lines.day)).toEqual([daysFromCivil(2010, 12, 1), daysFromCivil(2010, 12, 2)]);
});

test("reads the first sheet (or a named one) of an .xlsx workbook, with Excel dates and numbers", async () => {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet("Notes").addRow(["not this one"]);
  const sheet = workbook.addWorksheet("Lines");
  sheet.addRow(["Item", "Date", "Qty", "Revenue"]);
  sheet.addRow([85123, new Date(Date.UTC(2011, 0, 5)), 3, 7.65]);
  sheet.addRow(["71053", "2011-01-06", { formula: "1+1", result: 2 }, 6.78]);
  const file = path.join(dir, "lines.xlsx");
  await workbook.xlsx.writeFile(file);
  const result = await readTransactions(file, { mapping: { item: "Item", date: "Date", quantity: "Qty", revenue: "Revenue" }, dateFormat: "auto", sheet: "lines" });
  expect(result.lines.itemCodes).toEqual(["85123", "71053"]);
  expect(Array.from(result.lines.day)).toEqual([daysFromCivil(2011, 1, 5), daysFromCivil(2011, 1, 6)]);
  expect(Array.from(result.lines.quantity)).toEqual([3, 2]);
  expect(Array.from(result.lines.revenue!)).toEqual([7.65, 6.78]);
  expect(await failure(readTransactions(file, { mapping: { item: "Item", date: "Date", quantity: "Qty", revenue: "Revenue" }, dateFormat: "auto", sheet: "Orders" }))).toBe(
    'lines.xlsx: no sheet named "Orders"; the workbook has "Notes", "Lines"',
  );
});
