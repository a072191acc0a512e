import { OWNER_PROPERTY, parseOwner, writeResultTable, type ResultWriteOutcome } from "../../src/excel/resultSheets";
import type { WriteColumn } from "../../src/excel/writer";
import { installExcelMock, MOCK_PAYLOAD_LIMIT_BYTES, type ExcelMock } from "../support/excel/excelMock";
import { WorkbookModel, type ModelSheet } from "../support/excel/workbookModel";

function assignments(count: number, offset = 0): WriteColumn[] {
  const items = Array.from({ length: count }, (_, i) => (i === 0 ? "00123" : i === 1 ? "=HYPERLINK(\"http://x\")" : `SKU-${i + offset}`));
  return [
    { header: "Item", values: items },
    { header: "Segment", values: items.map((_, i) => (i % 3 === 0 ? "A" : i % 3 === 1 ? "B" : "C")) },
    { header: "Revenue", values: Float64Array.from(items, (_, i) => 1000 - i + offset) },
    { header: "Share", values: Float64Array.from(items, (_, i) => (i === 2 ? NaN : 0.01 * i)), numberFormat: "0.0%" },
    { header: "Reason", values: items.map((_, i) => `revenue rank ${i + 1}`) },
  ];
}

function written(outcome: ResultWriteOutcome): Extract<ResultWriteOutcome, { status: "written" }> {
  if (outcome.status !== "written") throw new Error(`expected the results written, got: ${outcome.message}`);
  return outcome;
}

function column(sheet: ModelSheet, index: number, rows: number): unknown[] {
  return Array.from({ length: rows }, (_, r) => sheet.get(r, index));
}

function expectUnderLimitWithCalculationSuspended(mock: ExcelMock): void {
  const writes = mock.log.filter((record) => record.writes > 0);
  expect(writes.length).toBeGreaterThan(0);
  for (const record of mock.log) {
    expect(record.refused).toBeUndefined();
    expect(record.requestBytes).toBeLessThan(MOCK_PAYLOAD_LIMIT_BYTES);
  }
  // Every request that writes cells has calculation suspended.
  for (const record of writes) expect(record.calculationSuspended).toBe(true);
}

describe("results on sheets named after the definition", () => {
  it("creates '<Def> Assignments' with a table, marks it ours, and keeps texts as text", async () => {
    const model = WorkbookModel.withSheet("Data", [["x"]]);
    const mock = installExcelMock(model);
    const outcome = written(await Excel.run((context) => writeResultTable(context, { definitionName: "Retail", kind: "Assignments", columns: assignments(50) })));
    expect(outcome).toMatchObject({ sheetName: "Retail Assignments", tableName: "Seg_Retail_Assignments", rowCount: 50, columnCount: 5, created: true });

    const sheet = model.sheet("Retail Assignments")!;
    expect(model.table("Seg_Retail_Assignments")).toMatchObject({ sheet, block: { top: 0, left: 0, rows: 51, columns: 5 } });
    expect(parseOwner(sheet.customProperties.get(OWNER_PROPERTY.toLowerCase())?.value)).toEqual({
      definition: "Retail",
      kind: "Assignments",
      table: "Seg_Retail_Assignments",
    });
    expect(column(sheet, 0, 4)).toEqual(["Item", "00123", '=HYPERLINK("http://x")', "SKU-2"]);
    expect(sheet.formulaCells.size).toBe(0); // the "=..." item stayed text
    expect(sheet.format(1, 0)).toBe("@");
    expect(sheet.format(1, 3)).toBe("0.0%");
    expect(sheet.get(3, 3)).toBeUndefined(); // NaN share → blank cell
    expect(sheet.get(50, 2)).toBe(1000 - 49);
    expect(sheet.frozenRows).toBe(1);
    expect(model.sheet("Data")!.get(0, 0)).toBe("x");
    expectUnderLimitWithCalculationSuspended(mock);
  });

  it("re-running updates the same sheet and table in place, shrinking or growing it", async () => {
    const model = WorkbookModel.withSheet("Data", [["x"]]);
    installExcelMock(model);
    const run = (count: number, offset: number) =>
      Excel.run((context) => writeResultTable(context, { definitionName: "Retail", kind: "Assignments", columns: assignments(count, offset) }));
    written(await run(100, 0));
    const sheet = model.sheet("Retail Assignments")!;
    // The user adds a formula sheet that refers to the table, and renames our sheet: we still find it.
    sheet.name = "My ABC";
    const smaller = written(await run(40, 7));
    expect(smaller).toMatchObject({ sheetName: "My ABC", tableName: "Seg_Retail_Assignments", rowCount: 40, created: false });
    expect(model.sheets.map((s) => s.name)).toEqual(["Data", "My ABC"]);
    expect(model.tables).toHaveLength(1);
    expect(model.table("Seg_Retail_Assignments")!.block.rows).toBe(41);
    expect(sheet.get(40, 4)).toBe("revenue rank 40");
    expect(sheet.get(41, 4)).toBeUndefined(); // old rows below the table are cleared
    expect(sheet.get(100, 0)).toBeUndefined();
    expect(sheet.get(3, 0)).toBe("SKU-9");

    const larger = written(await run(300, 0));
    expect(larger.rowCount).toBe(300);
    expect(model.table("Seg_Retail_Assignments")!.block.rows).toBe(301);
    expect(sheet.get(300, 0)).toBe("SKU-299");
  });

  it("never writes over a sheet it did not create: it returns a conflict to ask about", async () => {
    const model = WorkbookModel.withSheet("Retail Assignments", [["my notes"], [42]]);
    const mock = installExcelMock(model);
    const outcome = await Excel.run((context) => writeResultTable(context, { definitionName: "Retail", kind: "Assignments", columns: assignments(5) }));
    expect(outcome).toEqual({
      status: "conflict",
      sheetName: "Retail Assignments",
      owner: null,
      message:
        'A sheet named "Retail Assignments" already exists and was not created by Supply Segments. Replace its contents, or write the assignments to "Retail Assignments (2)"?',
      alternativeSheetName: "Retail Assignments (2)",
    });
    expect(model.sheet("Retail Assignments")!.get(0, 0)).toBe("my notes");
    expect(model.sheets).toHaveLength(1);
    expect(mock.log.every((record) => record.writes === 0)).toBe(true);
  });

  it("after asking: 'rename' writes beside the user's sheet, 'replace' takes it over", async () => {
    const model = WorkbookModel.withSheet("Retail Assignments", [["my notes"], [42]]);
    installExcelMock(model);
    const renamed = written(
      await Excel.run((context) => writeResultTable(context, { definitionName: "Retail", kind: "Assignments", columns: assignments(5), onConflict: "rename" })),
    );
    expect(renamed.sheetName).toBe("Retail Assignments (2)");
    expect(model.sheet("Retail Assignments")!.get(0, 0)).toBe("my notes");
    // Running again finds the renamed sheet by its mark: no question, no third sheet.
    const again = written(await Excel.run((context) => writeResultTable(context, { definitionName: "Retail", kind: "Assignments", columns: assignments(6) })));
    expect(again).toMatchObject({ sheetName: "Retail Assignments (2)", created: false, rowCount: 6 });

    const other = WorkbookModel.withSheet("Retail Summary", [["my notes"], [42], [43]]);
    installExcelMock(other);
    const replaced = written(
      await Excel.run((context) =>
        writeResultTable(context, { definitionName: "Retail", kind: "Summary", columns: assignments(1), onConflict: "replace" }),
      ),
    );
    expect(replaced).toMatchObject({ sheetName: "Retail Summary", tableName: "Seg_Retail_Summary", created: true });
    const sheet = other.sheet("Retail Summary")!;
    expect(sheet.get(0, 0)).toBe("Item");
    expect(sheet.get(2, 0)).toBeUndefined();
    expect(sheet.customProperties.has(OWNER_PROPERTY.toLowerCase())).toBe(true);
  });

  it("a sheet another definition made under the same (shortened) name is a conflict too", async () => {
    const model = WorkbookModel.withSheet("Data", [["x"]]);
    installExcelMock(model);
    const first = "European Retail Spare Parts North";
    const second = "European Retail Spare Parts South";
    written(await Excel.run((context) => writeResultTable(context, { definitionName: first, kind: "Policies", columns: assignments(3) })));
    const outcome = await Excel.run((context) => writeResultTable(context, { definitionName: second, kind: "Policies", columns: assignments(3) }));
    expect(outcome).toMatchObject({
      status: "conflict",
      sheetName: "European Retail Spare Policies",
      owner: { definition: first, kind: "Policies" },
      alternativeSheetName: "European Retail Sp Policies (2)",
    });
    const renamed = written(
      await Excel.run((context) => writeResultTable(context, { definitionName: second, kind: "Policies", columns: assignments(3), onConflict: "rename" })),
    );
    // Table names are long enough to tell the two apart.
    expect(renamed.tableName).toBe("Seg_European_Retail_Spare_Parts_South_Policies");
  });

  it("a table name already used elsewhere in the workbook gets a suffix", async () => {
    const model = WorkbookModel.withSheet("Data", [["a"], [1]], "Seg_Retail_Summary");
    installExcelMock(model);
    const outcome = written(await Excel.run((context) => writeResultTable(context, { definitionName: "Retail", kind: "Summary", columns: assignments(2) })));
    expect(outcome.tableName).toBe("Seg_Retail_Summary_2");
  });

  it("refuses what does not fit on a sheet, with the numbers", async () => {
    installExcelMock(WorkbookModel.withSheet("Data", [["x"]]));
    const tooMany: WriteColumn[] = [{ header: "Item", values: new Float64Array(1_048_576) }];
    await expect(Excel.run((context) => writeResultTable(context, { definitionName: "Retail", kind: "Assignments", columns: tooMany }))).rejects.toThrow(
      "1,048,576 rows and a header do not fit on a sheet from row 1: Excel sheets end at row 1,048,576.",
    );
    const ragged: WriteColumn[] = [
      { header: "Item", values: ["a", "b"] },
      { header: "Class", values: ["A"] },
    ];
    await expect(Excel.run((context) => writeResultTable(context, { definitionName: "Retail", kind: "Assignments", columns: ragged }))).rejects.toThrow(
      "The column Class has 1 rows where Item has 2",
    );
  });
});
