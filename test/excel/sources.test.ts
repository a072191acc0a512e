import { listSources, locateSource } from "../../src/excel/sources";
import { saveDefinition } from "../../src/excel/definitionStore";
import { installExcelMock } from "../support/excel/excelMock";
import { modelFromSpec, WorkbookModel } from "../support/excel/workbookModel";
import { plannerWorkbookSpec } from "../support/excel/realWorkbooks";

describe("the data sources a planner can pick", () => {
  it("lists tables, named ranges (not our definitions) and the selection", async () => {
    const model = modelFromSpec(plannerWorkbookSpec(30, 12));
    installExcelMock(model);
    await Excel.run((context) => saveDefinition(context, "Retail", '{"name":"Retail"}'));
    const sources = await Excel.run((context) => listSources(context));
    expect(sources).toEqual({
      tables: [{ source: { kind: "table", name: "Sales" }, address: "Transactions!A1:H31", rowCount: 31, columnCount: 8 }],
      namedRanges: [{ source: { kind: "namedRange", name: "PartsDemand" }, address: "Parts!A1:AZ13", rowCount: 13, columnCount: 52 }],
      selection: { source: { kind: "selection" }, address: "Transactions!A1:H20", rowCount: 20, columnCount: 8 },
    });
  });

  it("no selection to offer (several areas, a chart) is not a failure", async () => {
    const model = WorkbookModel.withSheet("Sheet1", [["a"], [1]]);
    model.selection = null;
    installExcelMock(model);
    const sources = await Excel.run((context) => listSources(context));
    expect(sources).toEqual({ tables: [], namedRanges: [], selection: null });
  });

  it("a table's cells are its data body, with the column names", async () => {
    installExcelMock(modelFromSpec(plannerWorkbookSpec(30, 2)));
    const block = await Excel.run(async (context) => {
      const found = await locateSource(context, { kind: "table", name: "sales" });
      return { ...found, sheet: undefined };
    });
    expect(block).toMatchObject({ sheetName: "Transactions", address: "Transactions!A2:H31", rowIndex: 1, columnIndex: 0, rowCount: 30, columnCount: 8 });
    expect(block.columnNames?.[1]).toBe("StockCode");
  });
});
