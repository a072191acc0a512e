/**
 * The one door to Excel.run: every batch of workbook work goes through here, so that an Office.js
 * failure always reaches the caller (and the user) as a WorkbookError with a message, and a pane
 * opened outside Excel says so instead of throwing "Excel is not defined".
 */
import { toWorkbookError, WorkbookError } from "./errors";

/* global Excel */

/** Whether Office.js for Excel is loaded in this page. */
export function excelAvailable(): boolean {
  return typeof Excel !== "undefined" && typeof (Excel as { run?: unknown }).run === "function";
}

/**
 * Runs `body` in one Excel request context. `action` completes "Could not ..." in error messages,
 * e.g. "read the table Sales".
 */
export async function runInWorkbook<T>(action: string, body: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
  if (!excelAvailable()) {
    throw new WorkbookError(
      "unsupported",
      `Could not ${action}: the workbook is only reachable inside Excel. Open Supply Segments from Excel's Home tab.`,
    );
  }
  try {
    return await Excel.run(body);
  } catch (error) {
    throw toWorkbookError(error, action);
  }
}

/* global Office */

/**
 * Raises an "unsupported" WorkbookError when this Excel lacks the ExcelApi requirement set `version`
 * (worksheet custom properties need 1.12, resizing a table 1.13). Where Office can't tell (no
 * Office.context.requirements, as in tests), the call goes ahead and Excel has the last word.
 */
export function requireExcelApi(version: string, action: string): void {
  const requirements = typeof Office !== "undefined" ? Office.context?.requirements : undefined;
  if (!requirements || typeof requirements.isSetSupported !== "function") return;
  if (!requirements.isSetSupported("ExcelApi", version)) {
    throw new WorkbookError(
      "unsupported",
      `Could not ${action}: this needs Excel for Microsoft 365, Excel 2021 or later, or Excel on the web (ExcelApi ${version}).`,
    );
  }
}
