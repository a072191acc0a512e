/**
 * Showing rows in the sheet: runs of adjacent rows, their A1 address, and the selection made through
 * Office.js (office-addin-mock) on a workbook of real data — the table's data rows, a named range
 * with its header row, the area limit, and the failures a planner can meet.
 */
import { WorkbookError } from "../../src/excel/errors";
import { readSource, type SheetData } from "../../src/excel/reader";
import { MAX_AREAS, rowRuns, runsAddress, selectRows } from "../../src/excel/selectRows";
import { installExcelMock, type ExcelMock } from "../support/excel/excelMock";
import { installOfficeMock } from "../support/excel/officeMock";
import { plannerWorkbookSpec } from "../support/excel/realWorkbooks";
import { modelFromSpec, type WorkbookModel } from "../support/excel/workbookModel";

describe("rowRuns and runsAddress", () => {
  it("sorts, drops repeats and joins adjacent rows", () => {
    expect(rowRuns([9, 1, 2, 3, 3, 5, 10])).toEqual([
      [1, 3],
      [5, 5],
      [9, 10],
    ]);
    expect(rowRuns([])).toEqual([]);
    expect(rowRuns([4])).toEqual([[4, 4]]);
  });

  it("addresses data rows below the block's top across its columns", () => {
    // Data row 0 is sheet row dataTop + 1 (1-based): with the data starting at row index 1 (sheet row 2), rows 1–3 are 3:5.
    expect(runsAddress([[1, 3], [5, 5], [9, 10]], 1, 0, 8)).toBe("A3:H5,A7:H7,A11:H12");
    expect(runsAddress([[0, 0]], 4, 2, 4)).toBe("C5:F5");
    expect(runsAddress([[0, 0]], 0, 26, 2)).toBe("AA1:AB1");
  });
});

describe("selectRows through Office.js", () => {
  let model: WorkbookModel;
  let mock: ExcelMock;
  beforeEach(() => {
    // UCI Online Retail's first 300 lines as the table Sales (A1:H301), 20 car parts as PartsDemand.
    model = modelFromSpec(plannerWorkbookSpec(300, 20));
    mock = installExcelMock(model);
    installOfficeMock(model);
  });

  const read = (source: Parameters<typeof readSource>[1]): Promise<SheetData> => Excel.run((context) => readSource(context, source));
  const select = (data: SheetData, rows: number[]): Promise<string> => Excel.run((context) => selectRows(context, data, rows));

  it("selects a table's data rows, activating their sheet; one block becomes the selection", async () => {
    const data = await read({ kind: "table", name: "Sales" });
    expect(data.address).toBe("Transactions!A2:H301");
    expect(await select(data, [7, 0, 1, 2])).toBe("Transactions!A2:H4,A9:H9");
    expect(mock.activated).toEqual(["Transactions"]);
    expect(mock.selections).toEqual(["Transactions!A2:H4,A9:H9"]);
    expect(model.selection).toBeNull(); // several areas: no single selected range

    expect(await select(data, [299])).toBe("Transactions!A301:H301");
    expect(model.selection).toEqual({ sheet: model.sheet("Transactions"), block: { top: 300, left: 0, rows: 1, columns: 8 } });
  });

  it("counts a range's header row: data row 0 is the row below it", async () => {
    const data = await read({ kind: "namedRange", name: "PartsDemand" });
    expect(data.rowCount).toBe(20);
    expect(await select(data, [0, 19])).toBe("Parts!A2:AZ2,A21:AZ21");
  });

  it(`selects at most ${MAX_AREAS} areas, the first ones`, async () => {
    const data = await read({ kind: "table", name: "Sales" });
    const everyOther = Array.from({ length: 150 }, (_, i) => i * 2);
    const address = await select(data, everyOther);
    const areas = address.slice("Transactions!".length).split(",");
    expect(areas).toHaveLength(MAX_AREAS);
    expect(areas[0]).toBe("A2:H2");
    expect(areas[MAX_AREAS - 1]).toBe(`A${2 + 2 * (MAX_AREAS - 1)}:H${2 + 2 * (MAX_AREAS - 1)}`);
  });

  it("refuses rows the data doesn't have, no rows, and a sheet that is gone, saying what to do", async () => {
    const data = await read({ kind: "table", name: "Sales" });
    await expect(select(data, [300])).rejects.toThrow(new WorkbookError("invalid", "Row 301 is not among the 300 data rows read; read the data again and retry."));
    await expect(select(data, [])).rejects.toThrow("There are no rows to show.");
    await expect(select({ ...data, sheetName: "Old sheet" }, [0])).rejects.toThrow("The sheet Old sheet is gone. Read the data again from the Data view.");
    expect(mock.selections).toEqual([]);
  });
});
