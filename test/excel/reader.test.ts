import { readSource, looksLikeHeaderRow, uniqueHeaders, columnLetters } from "../../src/excel/reader";
import { cellText, filledShare } from "../../src/excel/columns";
import { WorkbookError } from "../../src/excel/errors";
import { CHUNK_BUDGET_BYTES } from "../../src/excel/payload";
import { installExcelMock, MOCK_PAYLOAD_LIMIT_BYTES, type ExcelMock } from "../support/excel/excelMock";
import { modelFromSpec, WorkbookModel } from "../support/excel/workbookModel";
import { onlineRetailRows, plannerWorkbookSpec } from "../support/excel/realWorkbooks";

/** Every request the mock saw stayed under Excel's limit, and none was refused. */
function expectAllUnderLimit(mock: ExcelMock): void {
  expect(mock.log.filter((record) => record.refused)).toEqual([]);
  for (const record of mock.log) {
    expect(record.requestBytes).toBeLessThan(MOCK_PAYLOAD_LIMIT_BYTES);
    expect(record.responseBytes).toBeLessThan(MOCK_PAYLOAD_LIMIT_BYTES);
  }
}

describe("reading real data through Office.js (office-addin-mock)", () => {
  it("reads the online retail table into typed columns, in chunks under the budget", async () => {
    const spec = plannerWorkbookSpec(20_000, 10);
    const mock = installExcelMock(modelFromSpec(spec));
    const progress: number[] = [];
    const data = await Excel.run((context) =>
      readSource(context, { kind: "table", name: "Sales" }, { onProgress: (read) => progress.push(read) }),
    );

    expect(data.headers).toEqual(["InvoiceNo", "StockCode", "Description", "Quantity", "InvoiceDate", "UnitPrice", "CustomerID", "Country"]);
    expect(data.rowCount).toBe(20_000);
    expect(data.sheetName).toBe("Transactions");
    const [invoice, stockCode, description, quantity, invoiceDate, unitPrice, customer, country] = data.columns;
    const rows = spec.sheets[0].rows;
    // Every cell arrives: spot-check first, last and a row in the middle against the sheet.
    for (const row of [1, 10_000, 20_000]) {
      expect(quantity.numbers[row - 1]).toBe(rows[row][3]);
      expect(unitPrice.numbers[row - 1]).toBe(rows[row][5]);
      expect(cellText(description, row - 1)).toBe(rows[row][2] ?? "");
      expect(cellText(stockCode, row - 1)).toBe(String(rows[row][1]));
    }
    expect(quantity.kind).toBe("number");
    expect(quantity.texts).toBeNull(); // all numbers: no strings kept
    expect(description.kind).toBe("text");
    // StockCode mixes numbers (71053) and codes (85123A), as Excel holds them: every cell's text is kept.
    expect(stockCode.counts.number).toBeGreaterThan(0);
    expect(stockCode.counts.text).toBeGreaterThan(0);
    expect(stockCode.texts).not.toBeNull();
    expect(invoice.counts.number + invoice.counts.text).toBe(20_000);
    expect(invoiceDate.isDate).toBe(true);
    expect(invoiceDate.numberFormat).toBe("yyyy-mm-dd hh:mm");
    expect(unitPrice.isDate).toBe(false);
    // Online retail has lines without a customer: counted as blanks.
    expect(customer.counts.blank).toBeGreaterThan(0);
    expect(filledShare(customer)).toBeCloseTo(1 - customer.counts.blank / 20_000, 12);
    expect(country.counts.text).toBe(20_000);

    // 20,000 lines are ~1.7 MB of JSON: more than one chunk, each under the budget with room to spare.
    const chunkReads = mock.log.filter((record) => record.responseBytes > 100_000);
    expect(chunkReads.length).toBeGreaterThanOrEqual(2);
    for (const record of chunkReads) expect(record.responseBytes).toBeLessThan(CHUNK_BUDGET_BYTES * 1.1);
    expectAllUnderLimit(mock);
    expect(progress[progress.length - 1]).toBe(20_000);
    expect([...progress].sort((a, b) => a - b)).toEqual(progress);
  });

  it("reads a named range with a header row, and the selection clipped to its used cells", async () => {
    const model = modelFromSpec(plannerWorkbookSpec(100, 40));
    installExcelMock(model);
    const parts = await Excel.run((context) => readSource(context, { kind: "namedRange", name: "PartsDemand" }));
    expect(parts.headers[0]).toBe("part");
    expect(parts.headers[1]).toBe("1998-01");
    expect(parts.rowCount).toBe(40);
    expect(parts.columns[1].kind).toBe("number");

    // Whole columns A:C selected on a sheet with 101 used rows: only those rows are read.
    model.selection = { sheet: model.sheet("Transactions")!, block: { top: 0, left: 0, rows: 1_048_576, columns: 3 } };
    const selected = await Excel.run((context) => readSource(context, { kind: "selection" }));
    expect(selected.address).toBe("Transactions!A1:C101");
    expect(selected.headers).toEqual(["InvoiceNo", "StockCode", "Description"]);
    expect(selected.rowCount).toBe(100);
  });

  it("treats a first row of numbers as data, and names the columns by letter", async () => {
    const model = WorkbookModel.withSheet("Sheet1", [[10, 20], [11, 21], [12, 22]]);
    model.selection = { sheet: model.sheet("Sheet1")!, block: { top: 0, left: 0, rows: 3, columns: 2 } };
    installExcelMock(model);
    const data = await Excel.run((context) => readSource(context, { kind: "selection" }));
    expect(data.headers).toEqual(["Column A", "Column B"]);
    expect(Array.from(data.columns[1].numbers)).toEqual([20, 21, 22]);
    const forced = await Excel.run((context) => readSource(context, { kind: "selection" }, { headerRow: "yes" }));
    expect(forced.headers).toEqual(["10", "20"]);
    expect(forced.rowCount).toBe(2);
  });

  it("says what to do when the source is missing or empty", async () => {
    const model = WorkbookModel.withSheet("Sheet1", [["a"]]);
    model.selection = { sheet: model.sheet("Sheet1")!, block: { top: 5, left: 3, rows: 4, columns: 2 } };
    installExcelMock(model);
    await expect(Excel.run((context) => readSource(context, { kind: "table", name: "Gone" }))).rejects.toThrow(
      "There is no table named Gone any more",
    );
    await expect(Excel.run((context) => readSource(context, { kind: "selection" }))).rejects.toThrow(
      "The selection (Sheet1!D6:E9) is empty. Select the cells that hold your data",
    );
    await expect(Excel.run((context) => readSource(context, { kind: "namedRange", name: "Nope" }))).rejects.toBeInstanceOf(WorkbookError);
  });

  it("stops between chunks when cancelled", async () => {
    installExcelMock(modelFromSpec(plannerWorkbookSpec(20_000, 1)));
    const controller = new AbortController();
    const attempt = Excel.run((context) =>
      readSource(context, { kind: "table", name: "Sales" }, { signal: controller.signal, onProgress: (read) => read > 0 && controller.abort() }),
    );
    await expect(attempt).rejects.toMatchObject({ kind: "cancelled" });
  });
});

describe("chunks and Excel's 5 MB limit", () => {
  it("reads 1,048,576 rows x 6 columns (a full sheet) with every request under 5 MB", async () => {
    const rows = 1_048_576;
    const model = new WorkbookModel();
    const sheet = model.addSheet("Full");
    // Column-major fill: header, then numbers with as many digits as doubles get (the largest JSON a number makes).
    const headers = ["Item", "Week", "Quantity", "Revenue", "Cost", "Lead time"];
    headers.forEach((header, column) => {
      const values: (number | string)[] = new Array(rows);
      values[0] = header;
      for (let row = 1; row < rows; row++) values[row] = column === 0 ? row : row * 1.000000123456789 + column / 7;
      sheet.values[column] = values;
    });
    model.selection = { sheet, block: { top: 0, left: 0, rows, columns: 6 } };
    const mock = installExcelMock(model);

    const data = await Excel.run((context) => readSource(context, { kind: "selection" }));
    expect(data.rowCount).toBe(rows - 1);
    expect(data.headers).toEqual(headers);
    expect(data.columns[3].numbers[0]).toBe(1 * 1.000000123456789 + 3 / 7);
    expect(data.columns[3].numbers[rows - 2]).toBe((rows - 1) * 1.000000123456789 + 3 / 7);
    expect(data.columns[0].numbers[rows - 2]).toBe(rows - 1);
    expectAllUnderLimit(mock);
    const chunkReads = mock.log.filter((record) => record.responseBytes > 1000);
    // ~110 bytes a row: 1.5 MB chunks make about 80; the estimate's margin makes it a few more.
    expect(chunkReads.length).toBeGreaterThan(60);
    expect(chunkReads.length).toBeLessThan(200);
    expect(Math.max(...mock.log.map((record) => record.responseBytes))).toBeLessThan(CHUNK_BUDGET_BYTES);
  }, 120_000);

  it("recovers when rows grow past the estimate: a refused chunk is read again in halves", async () => {
    const model = new WorkbookModel();
    const sheet = model.addSheet("Notes");
    const rows: (string | number)[][] = [["Item", "Note"]];
    for (let i = 0; i < 30_000; i++) rows.push([i, i < 5_000 ? "short" : "x".repeat(2_000) + i]);
    sheet.put(0, 0, rows);
    model.addTable(sheet, { top: 0, left: 0, rows: rows.length, columns: 2 }, "Notes");
    const mock = installExcelMock(model);

    const data = await Excel.run((context) => readSource(context, { kind: "table", name: "Notes" }));
    expect(data.rowCount).toBe(30_000);
    expect(cellText(data.columns[1], 29_999)).toBe("x".repeat(2_000) + 29_999);
    expect(cellText(data.columns[1], 4_999)).toBe("short");
    // The first big chunk was sized for short rows and refused; everything Excel accepted was under 5 MB.
    expect(mock.log.some((record) => record.refused === "ResponsePayloadSizeLimitExceeded")).toBe(true);
    for (const record of mock.log.filter((r) => !r.refused)) expect(record.responseBytes).toBeLessThan(MOCK_PAYLOAD_LIMIT_BYTES);
  });

  it("gives up with a message when one row alone is over the limit", async () => {
    const model = new WorkbookModel();
    const sheet = model.addSheet("Wide");
    const wide = Array.from({ length: 200 }, (_, i) => `col${i}`);
    sheet.put(0, 0, [wide, wide.map(() => "y".repeat(30_000))]);
    model.addTable(sheet, { top: 0, left: 0, rows: 2, columns: 200 }, "Wide");
    installExcelMock(model);
    await expect(Excel.run((context) => readSource(context, { kind: "table", name: "Wide" }))).rejects.toThrow(
      /Row 2 of sheet Wide alone is larger than the 5 MB Excel sends at once/,
    );
  });
});

describe("header rules", () => {
  it("a header row is distinct non-blank text over something that is not the same text", () => {
    expect(looksLikeHeaderRow(["Item", "Qty"], ["A1", 3])).toBe(true);
    expect(looksLikeHeaderRow(["Item", ""], ["A1", 3])).toBe(false);
    expect(looksLikeHeaderRow(["Item", "item"], ["A1", 3])).toBe(false);
    expect(looksLikeHeaderRow([1998, "Qty"], ["A1", 3])).toBe(false);
    expect(looksLikeHeaderRow(["Item", "Qty"], undefined)).toBe(true);
  });

  it("blank and repeated headers are made unique", () => {
    expect(uniqueHeaders(["Qty", "", "qty", null], 2)).toEqual(["Qty", "Column D", "qty (2)", "Column F"]);
    expect(columnLetters(0)).toBe("A");
    expect(columnLetters(25)).toBe("Z");
    expect(columnLetters(26)).toBe("AA");
    expect(columnLetters(16_383)).toBe("XFD");
  });

  it("the real retail header is recognised as one", () => {
    const [header, first] = onlineRetailRows(1);
    expect(looksLikeHeaderRow(header, first)).toBe(true);
  });
});
