import { isPayloadLimitError, toWorkbookError, WorkbookError } from "../../src/excel/errors";
import { runInWorkbook } from "../../src/excel/run";
import { installExcelMock } from "../support/excel/excelMock";
import { WorkbookModel } from "../support/excel/workbookModel";

const officeError = (code: string, message = "RichApi says no") => Object.assign(new Error(message), { code });

describe("workbook errors the planner can act on", () => {
  it.each([
    ["ItemNotFound", "not-found", "refresh the list and choose again"],
    ["InvalidOperationInCellEditMode", "busy", "Press Enter or Esc to finish editing"],
    ["AccessDenied", "protected", "Review > Unprotect Sheet"],
    ["ResponsePayloadSizeLimitExceeded", "too-large", "Select fewer columns"],
    ["MergedRangeConflict", "conflict", "Remove merged cells"],
    ["ApiNotFound", "unsupported", "Excel for Microsoft 365, Excel 2021 or later"],
    ["InvalidSelection", "invalid", "Select one rectangle of cells"],
    ["GeneralException", "failed", "Try again; if it keeps failing"],
  ])("Office's %s becomes a %s error that says what to do", (code, kind, advice) => {
    const error = toWorkbookError(officeError(code), "read the table Sales");
    expect(error).toBeInstanceOf(WorkbookError);
    expect(error.kind).toBe(kind);
    expect(error.officeCode).toBe(code);
    expect(error.message).toMatch(/^Could not read the table Sales/);
    expect(error.message).toContain(advice);
  });

  it("keeps a WorkbookError as it is, and knows payload errors", () => {
    const original = new WorkbookError("invalid", "The selection is empty.");
    expect(toWorkbookError(original, "x")).toBe(original);
    expect(isPayloadLimitError(officeError("RequestPayloadSizeLimitExceeded"))).toBe(true);
    expect(isPayloadLimitError(toWorkbookError(officeError("ResponsePayloadSizeLimitExceeded"), "x"))).toBe(true);
    expect(isPayloadLimitError(officeError("ItemNotFound"))).toBe(false);
    expect(toWorkbookError(Object.assign(new Error("stop"), { name: "AbortError" }), "read").kind).toBe("cancelled");
    expect(toWorkbookError("a string", "read").message).toContain("a string");
  });

  it("runInWorkbook: outside Excel it says where to open the pane; inside, failures arrive as WorkbookErrors", async () => {
    delete (globalThis as { Excel?: unknown }).Excel;
    await expect(runInWorkbook("read the selection", async () => 1)).rejects.toThrow(
      "Could not read the selection: the workbook is only reachable inside Excel. Open Supply Segments from Excel's Home tab.",
    );
    installExcelMock(WorkbookModel.withSheet("Sheet1", [["a"]]));
    expect(await runInWorkbook("count", async () => 2)).toBe(2);
    const failure = runInWorkbook("read the table Gone", async (context) => {
      context.workbook.tables.getItem("Gone");
      await context.sync();
    });
    await expect(failure).rejects.toMatchObject({ kind: "not-found", officeCode: "ItemNotFound" });
  });
});

describe("Excel versions", () => {
  afterEach(() => {
    delete (globalThis as { Office?: unknown }).Office;
  });

  it("an Excel without the API a feature needs gets a message naming the versions that have it", async () => {
    const { requireExcelApi } = await import("../../src/excel/run");
    (globalThis as { Office?: unknown }).Office = { context: { requirements: { isSetSupported: (_set: string, version: string) => Number(version.split(".")[1]) <= 9 } } };
    expect(() => requireExcelApi("1.9", "read")).not.toThrow();
    expect(() => requireExcelApi("1.13", "write the assignments of Retail")).toThrow(
      "Could not write the assignments of Retail: this needs Excel for Microsoft 365, Excel 2021 or later, or Excel on the web (ExcelApi 1.13).",
    );
    delete (globalThis as { Office?: unknown }).Office;
    expect(() => requireExcelApi("1.13", "write")).not.toThrow();
  });
});
