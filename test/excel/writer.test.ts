import { writeColumns, type WriteColumn } from "../../src/excel/writer";
import { installExcelMock, MOCK_PAYLOAD_LIMIT_BYTES } from "../support/excel/excelMock";
import { WorkbookModel } from "../support/excel/workbookModel";

describe("writing large results", () => {
  it("writes 1,048,575 rows x 6 columns (a full sheet with its header) in requests under 5 MB, calculation suspended", async () => {
    const rows = 1_048_575;
    const model = new WorkbookModel();
    const sheet = model.addSheet("Big");
    const mock = installExcelMock(model);
    const item = Array.from({ length: rows }, (_, i) => `P${i}`);
    const columns: WriteColumn[] = [
      { header: "Item", values: item },
      { header: "Segment", values: item.map((_, i) => (i % 2 ? "AX" : "CZ")) },
      { header: "Revenue", values: Float64Array.from({ length: rows }, (_, i) => i * 1.0000001) },
      { header: "Share", values: Float64Array.from({ length: rows }, (_, i) => i / rows), numberFormat: "0.00%" },
      { header: "Rank", values: Int32Array.from({ length: rows }, (_, i) => i + 1) },
      { header: "Cumulative", values: Float64Array.from({ length: rows }, (_, i) => (i + 1) / rows) },
    ];
    const progress: number[] = [];
    const result = await Excel.run((context) =>
      writeColumns(context, context.workbook.worksheets.getItem("Big"), 0, 0, columns, { onProgress: (done) => progress.push(done) }),
    );
    expect(result).toEqual({ rowCount: rows, columnCount: 6 });
    expect(sheet.get(0, 0)).toBe("Item");
    expect(sheet.get(rows, 0)).toBe(`P${rows - 1}`);
    expect(sheet.get(rows, 4)).toBe(rows);
    expect(sheet.get(rows, 5)).toBe(1);
    expect(progress[progress.length - 1]).toBe(rows);
    const writes = mock.log.filter((record) => record.writes > 0);
    expect(writes.length).toBeGreaterThan(50);
    for (const record of mock.log) {
      expect(record.refused).toBeUndefined();
      expect(record.requestBytes).toBeLessThan(MOCK_PAYLOAD_LIMIT_BYTES);
    }
    // Every chunk went with calculation suspended: Excel recalculates once, not after each of 50+ chunks.
    for (const record of writes) expect(record.calculationSuspended).toBe(true);
  }, 180_000);
});
